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

from explorer.core.autodiff.engine import unbroadcast
from explorer.core.autodiff.introspect import GraphEdge, GraphNode, ordered_tensors, snapshot
from explorer.core.graph.building import build_tensors
from explorer.core.graph.layout import Layout, layered_layout
from explorer.core.graph.readable import name_for, structural_edges

OPERATIONS = "operations"
NAMED_STEPS = "named steps"


@dataclass(frozen=True, eq=False)
class GraphModel:
    """The graph behind one output, in topological order (inputs first, output last).

    ``view`` is ``OPERATIONS`` (a node per operation, the autodiff core's graph) or
    ``NAMED_STEPS`` (inputs and named definitions only, see ``named_steps``).
    """

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    output_id: int
    source_text: str | None = None
    view: str = OPERATIONS
    _position: dict[int, int] = field(default_factory=dict, repr=False)
    _incoming: dict[int, tuple[GraphEdge, ...]] = field(default_factory=dict, repr=False)
    _outgoing: dict[int, tuple[GraphEdge, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._position.update({node.id: index for index, node in enumerate(self.nodes)})
        incoming: dict[int, list[GraphEdge]] = {node.id: [] for node in self.nodes}
        outgoing: dict[int, list[GraphEdge]] = {node.id: [] for node in self.nodes}
        for edge in self.edges:
            incoming[edge.target].append(edge)
            outgoing[edge.source].append(edge)
        self._incoming.update({k: tuple(v) for k, v in incoming.items()})
        self._outgoing.update({k: tuple(v) for k, v in outgoing.items()})

    def node(self, node_id: int) -> GraphNode:
        return self.nodes[self._position[node_id]]

    def incoming(self, node_id: int) -> tuple[GraphEdge, ...]:
        """Edges from the node's inputs, by argument order."""
        return self._incoming[node_id]

    def outgoing(self, node_id: int) -> tuple[GraphEdge, ...]:
        """Edges to the node's consumers (two edges when one op uses it twice)."""
        return self._outgoing[node_id]

    @property
    def output(self) -> GraphNode:
        return self.node(self.output_id)

    @property
    def inputs(self) -> tuple[GraphNode, ...]:
        return tuple(node for node in self.nodes if node.is_input)

    def node_named(self, label: str) -> GraphNode:
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
    and their consumers keep their text in ``GraphNode.arguments``.
    """
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
        replace(node, is_input=node.id in input_ids, arguments=tuple(arguments.get(node.id, ())))
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


def _named_ops(nodes: tuple[GraphNode, ...]) -> tuple[GraphNode, ...]:
    """Give each unnamed op without a formula (traced Python) a name from its arguments."""
    by_id: dict[int, GraphNode] = {}
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


def _number_repeated_names(nodes: tuple[GraphNode, ...]) -> tuple[GraphNode, ...]:
    """Number nodes that would read the same in an explanation: same name, or same formula."""

    def key(node: GraphNode) -> tuple[str, str] | None:
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
    by_id: Mapping[int, GraphNode], raw_edges: Sequence[Any], tensors: Sequence[Any]
) -> tuple[GraphEdge, ...]:
    """Edges with their contributions: elementwise ones from the local partial, the others
    (dot, sum, matmul, …) from the core's vector-Jacobian product, one edge at a time."""
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
        found = details.get(index)
        if found is None:
            edges.append(replace(edge, contribution=contributions[index]))
        else:
            edges.append(
                replace(
                    edge,
                    local_partial_formula=found.formula,
                    description=found.description,
                    vector_partial=found.vector_partial,
                    contribution=found.contribution,
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
    built, text = build_tensors(source, values, requires_grad=requires_grad, detach=detach)
    output = built.output
    if backward and output.requires_grad:
        gradient = None if output.numel() == 1 else np.ones(tuple(output.shape))
        output.backward(gradient=gradient)
    return graph_from_tensor(output, input_tensors=built.inputs.values(), source_text=text)
