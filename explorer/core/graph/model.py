"""The backprop graph view's model: nodes, edges, partials, contributions and layout, Qt-free.

A ``GraphModel`` is built from the autodiff core's ``snapshot`` of an output tensor (after its
backward pass), from an expression or program of named definitions (``build_model``), or from the
restricted interpreter's output. Each edge carries the local partial ∂target/∂source and its
*contribution* ∂f/∂target·∂target/∂source (reduced to the source's shape): a node used twice has
two edges whose contributions add up to its gradient, which is what the view shows.

Nothing here differentiates by itself: values, gradients and local partials all come from the
core. Through non-elementwise edges (sum, dot, matmul), whose local partial is not one number
per element, each edge's contribution is the op's own vector-Jacobian product for that argument
(``readable.structural_edges``), and a reduction's vector partial is shown beside its rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np

from explorer.core.graph.layout import Layout, layered_layout
from explorer.core.text import parenthesized, subscript


@dataclass(frozen=True, eq=False)
class ModelNode:
    """One card of the view: label (the user's name when it has one), op, formula, value, grad."""

    id: int
    label: str
    op: str
    formula: str | None
    value: np.ndarray
    grad: np.ndarray | None
    requires_grad: bool
    is_leaf: bool
    is_input: bool
    grad_fn_name: str | None
    # One entry per argument of the op: the input node's id, or the text of a hidden constant.
    arguments: tuple[int | str, ...] = ()
    # 1, 2, … when several nodes share a name (a loop's ``b``) or, unnamed, the same formula
    # (the seed's two ``w + x``); 0 when unique.
    occurrence: int = 0
    # A traced op's name from its op and arguments (``dot(x, x)``) when it has no formula.
    name_text: str | None = None

    @property
    def is_named(self) -> bool:
        """True when the label is the user's name (``a``, ``loss``), not the op's (``mul``)."""
        return self.is_leaf or (self.label != self.op and self.label != "detach")

    @property
    def symbol(self) -> str:
        """How the node is named inside a chain-rule formula: ``a``, or ``(a + b)`` if unnamed.

        Repeats are numbered: a loop's ``b₁``, ``b₂``; the seed's two ``(w + x)₁``, ``(w + x)₂``.
        """
        number = subscript(self.occurrence) if self.occurrence else ""
        if self.is_named:
            return self.label + number
        text = self.formula or self.name_text or self.op
        return parenthesized(text) + number

    @property
    def bare_text(self) -> str:
        """The node as an operand inside another name: ``a``, ``w + x``, ``dot(x, x)``."""
        if self.is_named:
            return self.label
        return self.formula or self.name_text or self.op


@dataclass(frozen=True, eq=False)
class ModelEdge:
    """``source`` feeds argument ``argument_index`` of ``target``."""

    index: int
    source: int
    target: int
    argument_index: int
    local_partial: np.ndarray | None
    local_partial_formula: str | None
    description: str
    detached: bool
    contribution: np.ndarray | None  # ∂f/∂target · ∂target/∂source, in the source's shape
    # Into a reduction with a scalar result (dot, sum, mean, norm): ∂target/∂source as a vector
    # shaped like the source (``local_partial`` is None there: it is not one number per element).
    vector_partial: np.ndarray | None = None


OPERATIONS = "operations"
NAMED_STEPS = "named steps"


@dataclass(frozen=True, eq=False)
class GraphModel:
    """The graph behind one output, in topological order (inputs first, output last).

    ``view`` is ``OPERATIONS`` (a node per operation, the autodiff core's graph) or
    ``NAMED_STEPS`` (inputs and named definitions only, see ``named_steps``).
    """

    nodes: tuple[ModelNode, ...]
    edges: tuple[ModelEdge, ...]
    output_id: int
    source_text: str | None = None
    view: str = OPERATIONS
    _position: dict[int, int] = field(default_factory=dict, repr=False)
    _incoming: dict[int, tuple[ModelEdge, ...]] = field(default_factory=dict, repr=False)
    _outgoing: dict[int, tuple[ModelEdge, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._position.update({node.id: index for index, node in enumerate(self.nodes)})
        incoming: dict[int, list[ModelEdge]] = {node.id: [] for node in self.nodes}
        outgoing: dict[int, list[ModelEdge]] = {node.id: [] for node in self.nodes}
        for edge in self.edges:
            incoming[edge.target].append(edge)
            outgoing[edge.source].append(edge)
        self._incoming.update({k: tuple(v) for k, v in incoming.items()})
        self._outgoing.update({k: tuple(v) for k, v in outgoing.items()})

    def node(self, node_id: int) -> ModelNode:
        return self.nodes[self._position[node_id]]

    def incoming(self, node_id: int) -> tuple[ModelEdge, ...]:
        """Edges from the node's inputs, by argument order."""
        return self._incoming[node_id]

    def outgoing(self, node_id: int) -> tuple[ModelEdge, ...]:
        """Edges to the node's consumers (two edges when one op uses it twice)."""
        return self._outgoing[node_id]

    @property
    def output(self) -> ModelNode:
        return self.node(self.output_id)

    @property
    def inputs(self) -> tuple[ModelNode, ...]:
        return tuple(node for node in self.nodes if node.is_input)

    def node_named(self, label: str) -> ModelNode:
        """The last node with this label (a loop's ``b`` is the final one)."""
        for node in reversed(self.nodes):
            if node.label == label:
                return node
        raise KeyError(label)

    def nothing_to_differentiate(self) -> str:
        """Why there is no backward pass (a constant, or nothing requires grad), or ""."""
        output = self.output
        if not self.inputs:
            return f"{output.symbol} does not depend on any input: nothing to differentiate"
        if not output.requires_grad:
            return f"No input of {output.symbol} requires grad: nothing to differentiate"
        return ""

    def input_gradients(self) -> dict[str, np.ndarray | None]:
        """∂f/∂input for every input, as the core computed it."""
        return {node.label: node.grad for node in self.inputs}

    @cached_property
    def layout(self) -> Layout:
        """Left-to-right layered layout (computed on first use)."""
        return layered_layout(
            [node.id for node in self.nodes],
            [(edge.source, edge.target) for edge in self.edges],
            inputs=[node.id for node in self.inputs],
            output_id=self.output_id,
        )


def graph_from_tensor(
    output: Any,
    *,
    input_tensors: Iterable[Any] | None = None,
    source_text: str | None = None,
    include_constants: bool = False,
) -> GraphModel:
    """The model of the graph behind ``output`` (call after ``backward`` to include gradients).

    ``input_tensors`` marks the leaves that are the user's inputs (none, for a program that folds
    to a constant); without it (``None``), every leaf that requires grad or carries a variable
    name (not a number) counts as an input. Constant leaves
    (the ``2`` of ``x^2``) are left out unless ``include_constants``: no gradient flows into them,
    and their consumers keep their text in ``ModelNode.arguments``.
    """
    from explorer.core.autodiff.introspect import ordered_tensors, snapshot

    shot = snapshot(output)
    if input_tensors is not None:
        marked = {id(tensor) for tensor in input_tensors}
        ordered = ordered_tensors(output)
        input_ids = {index for index, tensor in enumerate(ordered) if id(tensor) in marked}
    else:
        input_ids = {
            node.id
            for node in shot.nodes
            if node.is_leaf and (node.requires_grad or _looks_like_name(node.label))
        }
    hidden = set()
    detached_copies = {edge.target for edge in shot.edges if edge.detached}
    if not include_constants:
        hidden = {
            node.id
            for node in shot.nodes
            if node.is_leaf
            and not node.requires_grad
            and node.id not in input_ids
            and node.id != shot.output_id
            and node.id not in detached_copies
        }
    arguments: dict[int, list[int | str]] = {}
    for edge in shot.edges:
        slots = arguments.setdefault(edge.target, [])
        slots.extend([""] * (edge.argument_index + 1 - len(slots)))
        source = shot.nodes[edge.source]
        slots[edge.argument_index] = source.label if edge.source in hidden else edge.source
    nodes = tuple(
        ModelNode(
            id=node.id,
            label=node.label,
            op=node.op,
            formula=node.formula,
            value=node.value,
            grad=node.grad,
            requires_grad=node.requires_grad,
            is_leaf=node.is_leaf,
            is_input=node.id in input_ids,
            grad_fn_name=node.grad_fn_name,
            arguments=tuple(arguments.get(node.id, ())),
        )
        for node in shot.nodes
    )
    nodes = _named_ops(nodes)
    numbered = _number_repeated_names(tuple(n for n in nodes if n.id not in hidden))
    by_id = {node.id: node for node in nodes} | {node.id: node for node in numbered}
    edges = _edges_with_contributions(by_id, shot.edges, ordered_tensors(output))
    if hidden:
        kept = [e for e in edges if e.source not in hidden and e.target not in hidden]
        edges = tuple(replace(edge, index=index) for index, edge in enumerate(kept))
    return GraphModel(numbered, edges, shot.output_id, source_text)


def _named_ops(nodes: tuple[ModelNode, ...]) -> tuple[ModelNode, ...]:
    """Give each unnamed op without a formula (traced Python) a name from its arguments."""
    from explorer.core.graph.readable import name_for

    by_id: dict[int, ModelNode] = {}
    named = []
    for node in nodes:  # topological order: arguments are named first
        if not node.is_named and not node.formula and not node.is_leaf:
            texts = [
                by_id[a].bare_text if isinstance(a, int) and a in by_id else str(a)
                for a in node.arguments
            ]
            node = replace(node, name_text=name_for(node.op, texts))
        by_id[node.id] = node
        named.append(node)
    return tuple(named)


def _number_repeated_names(nodes: tuple[ModelNode, ...]) -> tuple[ModelNode, ...]:
    """Number nodes that would read the same in an explanation: same name, or same formula."""

    def key(node: ModelNode) -> tuple[str, str] | None:
        if node.is_named:
            return ("name", node.label)
        return ("formula", node.formula or node.name_text or node.op)

    counts: dict[tuple[str, str], int] = {}
    for node in nodes:
        if (found := key(node)) is not None:
            counts[found] = counts.get(found, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    numbered = []
    for node in nodes:
        found = key(node)
        if found is not None and counts[found] > 1:
            seen[found] = seen.get(found, 0) + 1
            node = replace(node, occurrence=seen[found])
        numbered.append(node)
    return tuple(numbered)


def _looks_like_name(label: str) -> bool:
    return label.isidentifier() and label not in ("e", "π", "detach")


def _edges_with_contributions(
    by_id: Mapping[int, ModelNode], raw_edges: Sequence[Any], tensors: Sequence[Any]
) -> tuple[ModelEdge, ...]:
    """Edges with their contributions: elementwise ones from the local partial, the others
    (dot, sum, matmul, …) from the core's vector-Jacobian product, one edge at a time."""
    from explorer.core.autodiff.engine import unbroadcast
    from explorer.core.graph.readable import structural_edges

    flows = []
    contributions: list[np.ndarray | None] = []
    for edge in raw_edges:
        source, target = by_id[edge.source], by_id[edge.target]
        flows.append(not edge.detached and source.requires_grad and target.grad is not None)
        if flows[-1] and edge.local_partial is not None:
            product = np.asarray(target.grad, dtype=np.float64) * edge.local_partial
            contributions.append(np.asarray(unbroadcast(product, np.shape(source.value))))
        else:
            contributions.append(None)
    symbols = {node_id: node.symbol for node_id, node in by_id.items()}
    grads = {node_id: node.grad for node_id, node in by_id.items()}
    details = structural_edges(tensors, raw_edges, symbols, grads, flows)
    edges = []
    for index, edge in enumerate(raw_edges):
        formula, description = edge.local_partial_formula, edge.description
        vector = None
        if index in details:
            found = details[index]
            formula, description, vector = found.formula, found.description, found.vector_partial
            contributions[index] = found.contribution
        edges.append(
            ModelEdge(
                index=index,
                source=edge.source,
                target=edge.target,
                argument_index=edge.argument_index,
                local_partial=edge.local_partial,
                local_partial_formula=formula,
                description=description,
                detached=edge.detached,
                contribution=contributions[index],
                vector_partial=vector,
            )
        )
    return tuple(edges)


def build_model(
    source: Any,
    values: Mapping[str, Any],
    *,
    requires_grad: Mapping[str, bool] | None = None,
    detach: Iterable[str] = (),
    backward: bool = True,
) -> GraphModel:
    """Build, run backward on and model an expression or program of named definitions.

    ``source`` is program text (parsed with the app's own parser), a ``ProgramExpression`` /
    ``Expression`` or a bare tree node. ``requires_grad`` switches inputs off (default: all on);
    ``detach`` names definitions whose value is used through ``.detach()`` by later lines (the
    cut edge is drawn dashed and no gradient flows through it). A non-scalar output is seeded
    with ``gradient=ones``.
    """
    from explorer.core.graph.building import build_tensors

    built, text = build_tensors(source, values, requires_grad=requires_grad, detach=detach)
    output = built.output
    if backward and output.requires_grad:
        gradient = None if output.numel() == 1 else np.ones(tuple(output.shape))
        output.backward(gradient=gradient)
    return graph_from_tensor(output, input_tensors=built.inputs.values(), source_text=text)
