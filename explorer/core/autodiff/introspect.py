"""A read-only picture of a graph for the views: nodes in topological order, edges with partials.

``snapshot(output)`` walks from an output back to its leaves (constants included, and the source
of a ``detach()`` as a dashed, gradient-free edge). Each edge carries the local partial
∂target/∂source — as numbers for elementwise ops (from the same rule reverse mode uses) and as a
formula when the nodes came from an expression tree. One node used twice by one op (``x*x``)
gives two edges, and a node used by two consumers gives one edge to each: their contributions
add up in the node's gradient.

The views show every node's value, so the graph they read must have been recorded with its
values kept (``keeping_values()``; small results are always kept, see ``economies.Retention``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from explorer.core.autodiff import rules as R
from explorer.core.autodiff.economies import Retention
from explorer.core.autodiff.tensor import Tensor, tensor_of
from explorer.core.text import parenthesized, subscript


@dataclass(frozen=True, eq=False)
class GraphNode:
    """One node of a graph, as the graph view and the CLI show it (one type from the snapshot to
    the drawn card): the snapshot fills what the tensor knows, the graph model the rest."""

    id: int  # stable within one snapshot
    op: str  # "leaf", "add", "mul", "sin", "sum", "dot", ...
    label: str  # the tensor's name if it has one, else a short text ("mul", "2")
    value: np.ndarray
    grad: np.ndarray | None  # .grad of leaves/retained; the last backward's ∂out/∂node otherwise
    requires_grad: bool
    is_leaf: bool
    grad_fn_name: str | None  # "MulBackward0"
    formula: str | None  # the subexpression's text for nodes built from an expression tree
    is_input: bool = False  # one of the user's inputs (set by the graph model)
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
        return parenthesized(self.bare_text) + number

    @property
    def bare_text(self) -> str:
        """The node as an operand inside another name: ``a``, ``w + x``, ``dot(x, x)``."""
        if self.is_named:
            return self.label
        return self.formula or self.name_text or self.op


@dataclass(frozen=True, eq=False)
class GraphEdge:
    """``source`` feeds argument ``argument_index`` of ``target``."""

    source: int  # input node id
    target: int  # consumer node id
    argument_index: int  # which input of the op (0 = left)
    local_partial: np.ndarray | None  # ∂target/∂source, broadcast to the target's shape
    local_partial_formula: str | None  # e.g. "2·(a + b)"
    description: str  # e.g. "∂(u·v)/∂u = v"
    detached: bool  # cut by detach(): no gradient flows
    index: int = 0  # position in the graph's edge list
    contribution: np.ndarray | None = None  # ∂f/∂target · ∂target/∂source, the source's shape
    # Into a reduction with a scalar result (dot, sum, mean, norm): ∂target/∂source as a vector
    # shaped like the source (``local_partial`` is None there: it is not one number per element).
    vector_partial: np.ndarray | None = None


@dataclass(frozen=True)
class GraphSnapshot:
    nodes: tuple[GraphNode, ...]  # inputs first, output last
    edges: tuple[GraphEdge, ...]  # one per use of an input
    output_id: int


RELEASED_MESSAGE = (
    "this graph's intermediate values were released to save memory (results over {limit} "
    "elements are, once no backward formula needs them); record it inside "
    "explorer.core.autodiff.economies.keeping_values() to draw or inspect it"
)


def input_tensors(tensor: Tensor) -> tuple[Tensor, ...]:
    """The tensors the op that made ``tensor`` read (none for a leaf)."""
    made_by = tensor._node
    if made_by is None:
        return ()
    return tuple(_tensor_of(handle) for handle in made_by._inputs)


def _tensor_of(handle: Any) -> Tensor:
    if handle._op is None:
        return handle  # a leaf is its own node
    if handle._tensor is None:  # a tensor around the node's kept value, made once
        if np.size(handle._value) > Retention.small_elements:
            raise ValueError(RELEASED_MESSAGE.format(limit=Retention.small_elements))
        handle._tensor = tensor_of(handle)
    return handle._tensor


def _sources(tensor: Tensor) -> tuple[Tensor, ...]:
    detached_from = tensor._detached_from
    return input_tensors(tensor) if detached_from is None else (detached_from,)


def ordered_tensors(output: Tensor) -> list[Tensor]:
    """Every tensor the output depends on (gradient-free ones too), inputs first; no recursion."""
    order: list[Tensor] = []
    visited = {id(output)}
    stack = [(output, iter(_sources(output)))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if id(child) not in visited:
                visited.add(id(child))
                stack.append((child, iter(_sources(child))))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def _short_value(value: np.ndarray) -> str:
    if value.size == 1:
        number = value.reshape(()).item()
        return f"{number:g}" if isinstance(number, float) else str(number)
    return f"tensor{list(value.shape)}"


def _label(tensor: Tensor, value: np.ndarray) -> str:
    if tensor.name:
        return tensor.name
    if tensor._op is not None:
        return tensor._op.name
    if tensor._detached_from is not None:
        return "detach"
    return _short_value(value)


def _text(tensor: Tensor) -> str:
    """How an argument is written inside an edge formula."""
    if tensor.name:
        return tensor.name
    if tensor.formula:
        return tensor.formula
    return _label(tensor, np.asarray(tensor._value))


def _node_grad(tensor: Tensor) -> np.ndarray | None:
    # Copies: a later backward accumulates into .grad in place, as PyTorch does.
    if tensor._grad is not None:
        return np.array(tensor._grad._value)
    made_by = tensor._node
    if made_by is not None and made_by._node_grad is not None:
        return np.array(made_by._node_grad)
    return None


def _local_partial(rule: R.OpRule, tensor: Tensor, index: int) -> np.ndarray | None:
    if rule.partials is None:
        return None
    values = [t._value for t in input_tensors(tensor)]
    with np.errstate(all="ignore"):
        partial = rule.partials[index](*values, tensor._value)
    shape = np.shape(tensor._value)
    return np.array(np.broadcast_to(np.asarray(partial, dtype=np.float64), shape))


def _edges_into(tensor: Tensor, target: int, ids: dict[int, int]) -> list[GraphEdge]:
    if tensor._detached_from is not None:
        description = "detach(): the value is copied, no gradient flows back"
        source = ids[id(tensor._detached_from)]
        return [GraphEdge(source, target, 0, None, None, description, True)]
    rule = tensor._op
    if rule is None:
        return []
    arguments = input_tensors(tensor)
    texts = [_text(argument) for argument in arguments]
    # Formulas only read well over meaningful texts: expression-tree nodes, names, constants.
    has_formulas = tensor.formula is not None or all(
        argument.name or argument.formula or (argument._op is None and argument._value.size == 1)
        for argument in arguments
    )
    return [
        GraphEdge(
            source=ids[id(argument)],
            target=target,
            argument_index=index,
            local_partial=_local_partial(rule, tensor, index),
            local_partial_formula=R.partial_formula(rule, index, texts) if has_formulas else None,
            description=R.describe_partial(rule, index),
            detached=False,
        )
        for index, argument in enumerate(arguments)
    ]


def snapshot(output: Tensor) -> GraphSnapshot:
    """The graph behind ``output`` as plain data (values copied out of the tensors)."""
    tensors = ordered_tensors(output)
    ids = {id(tensor): index for index, tensor in enumerate(tensors)}
    nodes = []
    edges: list[GraphEdge] = []
    for index, tensor in enumerate(tensors):
        value = np.array(tensor._value)
        rule = tensor._op
        nodes.append(
            GraphNode(
                id=index,
                op="leaf" if rule is None else rule.name,
                label=_label(tensor, value),
                value=value,
                grad=_node_grad(tensor),
                requires_grad=tensor._requires_grad,
                is_leaf=rule is None,
                grad_fn_name=None if rule is None else rule.backward_name,
                formula=tensor.formula,
            )
        )
        edges.extend(_edges_into(tensor, index, ids))
    numbered = tuple(replace(edge, index=index) for index, edge in enumerate(edges))
    return GraphSnapshot(tuple(nodes), numbered, ids[id(output)])
