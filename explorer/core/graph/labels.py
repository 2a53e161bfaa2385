"""What the graph view writes: card texts, edge label texts and the gradient line of a card.

Every text the scene shows is decided here, Qt-free, so the scene only places and paints it and
the CLI prints the same words (``edge_text``). Numbers are the explanation's (``format_number``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.autodiff.introspect import GraphEdge, GraphNode
from explorer.core.graph.model import GraphModel
from explorer.core.graph.named_steps import DEFINITION_OP
from explorer.core.graph.stepper import StepState
from explorer.core.text import format_number


@dataclass(frozen=True)
class CardTexts:
    """A node card's title, op line, style kind and tooltip."""

    title: str
    subtitle: str
    kind: str  # "output", "frozen", "input" or "inner"
    tooltip: str


def card_texts(model: GraphModel, node: GraphNode) -> CardTexts:
    """What a node's card says, whatever the step."""
    if node.is_leaf:
        detached = any(edge.detached for edge in model.incoming(node.id))
        subtitle = "detach() copy" if detached else "input" if node.is_input else "constant"
        if node.is_input and not node.requires_grad:
            subtitle += " · requires_grad=False"
    elif node.op == DEFINITION_OP:
        subtitle = f"= {node.formula}"  # named-steps view: the definition itself
    elif node.is_named:
        subtitle = f"{node.op}: {node.formula}" if node.formula else node.op
    else:
        subtitle = f"op: {node.op}"
    if node.is_named or node.occurrence:
        title = node.symbol
    else:
        title = node.formula or node.name_text or node.op
    if node.id == model.output_id:
        kind = "output"
    elif not node.requires_grad:
        kind = "frozen"
    else:
        kind = "input" if node.is_input else "inner"
    tooltip = "\n".join(
        [
            f"{title}  ({subtitle})",
            f"value = {format_number(node.value)}",
            f"∂{model.output.symbol}/∂{node.symbol} = {format_number(node.grad)}",
        ]
    )
    return CardTexts(title, subtitle, kind, tooltip)


@dataclass(frozen=True)
class EdgeLabelTexts:
    """An edge label's two lines (the partial's formula, then its number), what the edge adds
    to the source's gradient, and the full-length tooltip."""

    lines: tuple[str, str]
    flow: str
    tooltip: str
    # The ∂ line as a fraction, ``∂(w + x + y)`` over ``∂(w + x)₁``, for a label too narrow
    # for it on one line (empty when the first line is not a bare partial).
    fraction: tuple[str, ...] = ()


def edge_label_texts(model: GraphModel, edge: GraphEdge, full: bool = False) -> EdgeLabelTexts:
    """On screen a label is compact, ``∂a/∂w`` over ``= −4``: the partial's formula is in the
    tooltip and in the explanation of the step that uses the edge, so a dense graph's labels
    fit between the cards at full size. ``full`` (exports) writes the formula out too."""
    text = edge_text(model, edge)
    tooltip = text.line()
    flow = "" if edge.contribution is None else f"adds {format_number(edge.contribution)}"
    if edge.detached:
        return EdgeLabelTexts(("detach(): no gradient", ""), flow, tooltip)
    if text.formula is None and text.number is None:
        return EdgeLabelTexts((text.note, ""), flow, tooltip)  # matmul and friends: in words
    formula = text.formula if full else None
    first = f"{text.symbolic} = {formula}" if formula else text.symbolic
    second = f"= {text.number}" + (" (vector)" if text.note == "vector" else "")
    if edge.contribution is not None:
        tooltip += f"\nadds {format_number(edge.contribution)} to ∂{model.output.symbol}/∂"
        tooltip += model.node(edge.source).symbol
    fraction = (
        ()
        if formula
        else (f"∂{model.node(edge.target).symbol}", f"∂{model.node(edge.source).symbol}")
    )
    return EdgeLabelTexts((first, second), flow, tooltip, fraction)


def tight(text: str) -> str:
    """``∂(w + x + y)`` as ``∂(w+x+y)``: a name without the spaces around its operators, for
    a label that has no room for them."""
    return text.replace(" ", "")


def grad_line(
    model: GraphModel,
    node: GraphNode,
    state: StepState,
    tangents: Mapping[int, str] | None = None,
    grad_text: str | None = None,
    partial: Mapping[int, Any] | None = None,
) -> tuple[str, str]:
    """A card's gradient line at ``state`` and its kind (grad, partial, tangent or none):
    ``grad  −4096``, a running sum ``grad  −512 + …``, a forward-mode tangent, or nothing yet.
    ``grad_text`` (``format_number(node.grad)``) and ``partial`` (``dict(state.partial_grads)``)
    save a caller that shows many cards from recomputing them."""
    evaluated = node.id in state.evaluated
    if tangents is not None:
        return (tangents.get(node.id, ""), "tangent") if evaluated else ("", "none")
    if node.id in state.graded:
        return f"grad  {grad_text or format_number(node.grad)}", "grad"
    partial = dict(state.partial_grads) if partial is None else partial
    if node.id in partial:
        running = format_number(np.asarray(partial[node.id]).reshape(np.shape(node.value)))
        return f"grad  {running} + …", "partial"
    if state.phase == "done":
        return "grad  None", "none"
    return "", "none"


@dataclass(frozen=True)
class EdgeText:
    """An edge's local partial in words: ``∂u/∂a``, ``2(a + b)``, ``8``, and what it adds."""

    symbolic: str  # ∂target/∂source
    formula: str | None  # the partial over names, None when it is just the number
    number: str | None  # the partial's value (a list for a reduction's vector partial)
    note: str  # "vector", "detached", the rule in words for matmul and friends, or ""
    slot: str  # "1st argument" when one op uses the same node twice, else ""

    def line(self) -> str:
        """One line: ``∂dot(x, x)/∂x = x = [0, 1, 2, 3] (vector)``."""
        if self.note and self.formula is None and self.number is None:
            return self.note if self.note.startswith("∂") else f"{self.symbolic}: {self.note}"
        parts = [self.symbolic, *(p for p in (self.formula, self.number) if p)]
        text = " = ".join(parts)
        return f"{text} ({self.note})" if self.note else text


def edge_text(model: Any, edge: Any) -> EdgeText:
    """What to write on ``edge`` of ``model`` (a ``GraphModel``), for the CLI and the view."""
    source, target = model.node(edge.source), model.node(edge.target)
    symbolic = f"∂{target.symbol}/∂{source.symbol}"
    twins = [e for e in model.incoming(target.id) if e.source == source.id]
    slot = _ordinal(edge.argument_index + 1) + " argument" if len(twins) > 1 else ""
    if edge.detached:
        return EdgeText(symbolic, None, None, "detach(): no gradient flows back", slot)
    if edge.local_partial is not None:
        number = format_number(edge.local_partial)
        formula = edge.local_partial_formula
        return EdgeText(symbolic, formula if formula != number else None, number, "", slot)
    if edge.vector_partial is not None:
        number = format_number(edge.vector_partial)
        formula = edge.local_partial_formula
        return EdgeText(symbolic, formula if formula != number else None, number, "vector", slot)
    return EdgeText(symbolic, None, None, edge.description, slot)


def _ordinal(number: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(number, f"{number}th")
