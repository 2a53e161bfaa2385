"""The explanation pane's text: the forward evaluation and the chain rule at one node, with numbers.

Forward:  ``u = (a + b)² = (4 + 0)² = 16``
Backward: ``∂f/∂a = ∂f/∂(a + b)·∂(a + b)/∂a + ∂f/∂(a − b)·∂(a − b)/∂a = 512·1 + 512·1 = 1024``
Numbers are compact (``1024``, ``0.125``, ``−4096``, ``[0, 4, 8, 12]``) with a real minus sign.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from explorer.core.autodiff.introspect import GraphEdge, GraphNode
from explorer.core.autodiff.rules import substitute
from explorer.core.graph.model import GraphModel
from explorer.core.graph.readable import op_template
from explorer.core.text import format_number, operand

_IDENTIFIER = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?![\w(])")


def _named_values(model: GraphModel, before: GraphNode) -> dict[str, np.ndarray]:
    """Value of every named node evaluated before ``before`` (the latest of each name wins).

    One scan of the model: fine for one node; ``named_values_before_each`` serves a whole pass.
    """
    names: dict[str, np.ndarray] = {}
    for node in model.nodes:
        if node.id == before.id:
            break
        if node.is_named and node.label.isidentifier():
            names[node.label] = node.value
    return names


def forward_texts(model: GraphModel) -> list[str]:
    """``forward_text`` of every node in order, in time linear in the size of the graph.

    The values of the names seen so far are kept in one running dict, instead of a scan of
    every earlier node per node (which made the schedule of a 500-node graph quadratic).
    """
    names: dict[str, np.ndarray] = {}
    texts = []
    for node in model.nodes:
        texts.append(forward_text(model, node, names))
        if node.is_named and node.label.isidentifier():
            names[node.label] = node.value
    return texts


def _op_template(op: str) -> str | None:
    return op_template(op)


def forward_text(
    model: GraphModel, node: GraphNode, named_values: Mapping[str, Any] | None = None
) -> str:
    """``u = (a + b)² = (4 + 0)² = 16`` (or ``w = −1 (input)`` for a leaf).

    ``named_values`` (name → value of the names evaluated before ``node``) saves a scan of the
    model; ``forward_texts`` passes it.
    """
    value = format_number(node.value)
    if any(edge.detached for edge in model.incoming(node.id)):
        return f"{node.label} = {value} (a copy with no gradient history: the edge is cut)"
    if node.is_leaf:
        note = "input" if node.is_input else "constant"
        if node.is_input and not node.requires_grad:
            note += ", requires_grad=False"
        return f"{node.label} = {value} ({note})"
    formula, numbers = _formula_and_numbers(model, node, named_values)
    if node.is_named:
        parts = [node.symbol, formula, numbers, value]
    elif node.occurrence:
        parts = [node.symbol, numbers, value]  # "(w + x)₂ = (−1) + 0": the symbol has the text
    else:
        parts = [formula, numbers, value]
    return " = ".join(_dedupe(parts))


def _formula_and_numbers(
    model: GraphModel, node: GraphNode, named_values: Mapping[str, Any] | None
) -> tuple[str, str]:
    if node.formula:
        values = _named_values(model, node) if named_values is None else named_values

        def number_of(match: re.Match) -> str:
            name = match.group(1)
            return operand(values[name]) if name in values else name

        return node.formula, _IDENTIFIER.sub(number_of, node.formula)
    template = _op_template(node.op) or node.op + "(" + ", ".join("uv"[: len(node.arguments)]) + ")"
    symbols, numbers = [], []
    for argument in node.arguments:
        if isinstance(argument, int):
            source = model.node(argument) if argument in model._position else None
            symbols.append(source.symbol if source else "?")
            numbers.append(operand(source.value) if source else "?")
        else:
            symbols.append(argument)
            numbers.append(argument)
    if len(symbols) > 2:
        return f"{node.op}({', '.join(symbols)})", f"{node.op}({', '.join(numbers)})"
    symbols += ["v"] * (2 - len(symbols))
    numbers += ["v"] * (2 - len(numbers))
    return substitute(template, symbols), substitute(template, numbers)


def _dedupe(parts: list[str]) -> list[str]:
    kept: list[str] = []
    for part in parts:
        if not kept or kept[-1] != part:
            kept.append(part)
    return kept


def backward_text(
    model: GraphModel, node: GraphNode, grads: dict[int, np.ndarray], output_name: str = "f"
) -> str:
    """The chain rule at ``node`` from its consumers' gradients, symbolically then in numbers;
    at a leaf whose ``.grad`` holds earlier passes too, the sum that makes the card's number."""
    text, total = _chain_rule(model, node, grads, output_name)
    return text + _accumulation(node, total)


def _accumulation(node: GraphNode, this_pass: Any) -> str:
    """``; w.grad = −4096 + −4096 = −8192 (…)`` when ``.grad`` kept an earlier pass's gradient."""
    if not node.is_leaf or node.grad is None or this_pass is None:
        return ""
    accumulated = np.asarray(node.grad, dtype=np.float64)
    this_pass = np.asarray(this_pass, dtype=np.float64)
    if accumulated.shape != this_pass.shape or np.allclose(accumulated, this_pass):
        return ""
    earlier = format_number(accumulated - this_pass)
    return (
        f"; {node.label}.grad = {earlier} + {operand(this_pass)} = {format_number(accumulated)}"
        " (backward adds into .grad: no zero_() since the last pass)"
    )


def _chain_rule(
    model: GraphModel, node: GraphNode, grads: dict[int, np.ndarray], output_name: str
) -> tuple[str, Any]:
    """The chain-rule text and the gradient this pass gives ``node`` (None when unknown)."""
    f = output_name
    if node.id == model.output_id:
        seed = grads.get(node.id, np.ones_like(node.value))
        note = "the seed of the backward pass"
        if np.asarray(seed).size > 1:
            note = "the gradient= argument, ones for a non-scalar output"
        return f"∂{f}/∂{node.symbol} = {format_number(seed)} ({note})", None
    edges = [
        e
        for e in model.outgoing(node.id)
        if not e.detached and model.node(e.target).grad is not None
    ]
    cut = len(model.outgoing(node.id)) - len(edges)
    if not edges:
        text = f"∂{f}/∂{node.symbol} = 0: no gradient reaches {node.symbol} (its uses are detached)"
        return text, None
    if _straight_from_seed(model, edges, grads):
        # ∂f/∂u of f's own argument under a seed of 1: no "∂f/∂f·" factor, as the seed writes it.
        edge = edges[0]
        parts = [f"∂{f}/∂{node.symbol}", edge.local_partial_formula or "", _edge_numbers(edge, "")]
        parts.append(format_number(edge.contribution))
        return " = ".join(_dedupe([part for part in parts if part])), edge.contribution
    symbolic, formulas, numbers = [], [], []
    for edge in edges:
        target = model.node(edge.target)
        upstream = f"∂{f}/∂{target.symbol}"
        local = f"∂{target.symbol}/∂{node.symbol}"
        symbolic.append(f"{upstream}·{local}")
        g = operand(grads.get(target.id, target.grad))
        formula = edge.local_partial_formula
        formulas.append(f"{g}·{_wrap(formula)}" if formula else f"{g}·{local}")
        numbers.append(_edge_numbers(edge, g))
    contributions = [e.contribution for e in edges]
    if all(c is not None for c in contributions):
        total = sum(contributions[1:], contributions[0])  # this pass only (.grad may accumulate)
    else:
        total = grads.get(node.id, node.grad)
    parts = [f"∂{f}/∂{node.symbol}", " + ".join(symbolic), " + ".join(formulas)]
    parts += [" + ".join(numbers), format_number(total)]
    text = " = ".join(_dedupe(parts))
    if cut:
        text += f" ({cut} other use{'s' if cut > 1 else ''}: detached or gradient-free, adding 0)"
    return text, total


def _straight_from_seed(
    model: GraphModel, edges: list[GraphEdge], grads: dict[int, np.ndarray]
) -> bool:
    if len(edges) != 1 or edges[0].target != model.output_id or edges[0].contribution is None:
        return False
    seed = np.asarray(grads.get(model.output_id, model.output.grad))
    partial = edges[0].local_partial
    return seed.size == 1 and seed.item() == 1.0 and partial is not None and np.size(partial) == 1


def _edge_numbers(edge: GraphEdge, upstream: str) -> str:
    if edge.local_partial is not None and np.asarray(edge.local_partial).size == 1:
        if not upstream:
            return format_number(edge.local_partial)
        return f"{upstream}·{operand(edge.local_partial)}"
    if edge.contribution is not None:
        return operand(edge.contribution)
    return f"{upstream}·({edge.description})"


def _wrap(text: str) -> str:
    """A local partial as a factor after ``g·``: parenthesised only where a product would not
    bind it, i.e. a leading minus sign or a + or − outside all brackets (``64·2(a + b)`` is
    already unambiguous; ``64·(1 − σ(z))`` needs them)."""
    if text.startswith(("−", "-")):
        return f"({text})"
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and char in "+−-" and 0 < index < len(text) - 1 and text[index - 1] == " ":
            return f"({text})"
    return text
