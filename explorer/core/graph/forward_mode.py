"""Forward mode on the same graph: tangents pushed from one chosen input towards the output.

Each node's tangent is ∂node/∂input (in the direction ``direction`` for a vector input), summed
over its incoming edges as tangent(source)·∂target/∂source with the core's local partials, the
mirror image of the backward pass. Through an edge whose local partial is not a single number
(sum, dot, matmul) the tangent is not shown per node (``None``); the output's tangent then comes
from the core's own forward mode when the model was built from an expression.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.autodiff.introspect import GraphNode
from explorer.core.graph.model import GraphModel
from explorer.core.text import format_number, operand


@dataclass(frozen=True)
class ForwardModeResult:
    """Tangents ∂node/∂input for every node, and the explanation of each."""

    input_id: int
    tangents: dict[int, np.ndarray | None]
    explanations: dict[int, str]

    def tangent_of(self, node_id: int) -> np.ndarray | None:
        return self.tangents.get(node_id)


def forward_tangents(
    model: GraphModel, input_node: int | str, direction: np.ndarray | None = None
) -> ForwardModeResult:
    """Propagate the tangent of one input (by id or label) through every node, inputs first."""
    chosen = _input(model, input_node)
    seed = np.ones(np.shape(chosen.value)) if direction is None else np.asarray(direction, float)
    name = chosen.symbol
    tangents: dict[int, np.ndarray | None] = {}
    texts: dict[int, str] = {}
    for node in model.nodes:
        if node.id == chosen.id:
            tangents[node.id] = seed
            texts[node.id] = f"∂{name}/∂{name} = {format_number(seed)} (the seed tangent)"
            continue
        incoming = [e for e in model.incoming(node.id) if not e.detached]
        if not incoming:
            tangents[node.id] = np.zeros(np.shape(node.value))
            texts[node.id] = f"∂{node.symbol}/∂{name} = 0 (does not depend on {name})"
            continue
        total: np.ndarray | None = np.zeros(np.shape(node.value))
        terms, numbers = [], []
        for edge in incoming:
            source = model.node(edge.source)
            tangent = tangents.get(source.id)
            if tangent is None or edge.local_partial is None:
                total = None
                break
            total = total + edge.local_partial * tangent
            terms.append(f"∂{node.symbol}/∂{source.symbol}·∂{source.symbol}/∂{name}")
            numbers.append(f"{operand(edge.local_partial)}·{operand(tangent)}")
        tangents[node.id] = total
        if total is None:
            texts[node.id] = f"∂{node.symbol}/∂{name}: not shown per node through {node.op}"
        else:
            parts = [f"∂{node.symbol}/∂{name}", " + ".join(terms), " + ".join(numbers)]
            texts[node.id] = " = ".join([*parts, format_number(total)])
    return ForwardModeResult(chosen.id, tangents, texts)


def tangent_card_texts(model: GraphModel, result: ForwardModeResult) -> dict[int, str]:
    """The tangent line of every card: ``∂/∂w  −4`` (or why it is not shown per node)."""
    name = model.node(result.input_id).symbol
    return {
        node_id: f"∂/∂{name}  " + format_number(tangent)
        if tangent is not None
        else f"∂/∂{name}  not per node here"
        for node_id, tangent in result.tangents.items()
    }


def _input(model: GraphModel, key: int | str) -> GraphNode:
    for node in model.inputs:
        if node.id == key or node.label == key:
            return node
    raise KeyError(f"no input {key!r}; inputs are {[n.label for n in model.inputs]}")


def passes_note(model: GraphModel) -> str:
    """How many passes each mode needs for all partials of a scalar output."""
    inputs = [node for node in model.inputs if node.requires_grad]
    count = sum(int(np.size(node.value)) for node in inputs)
    each = "one per input" if count == len(inputs) else "one per input element"
    partials = "partial" if count == 1 else "partials"
    passes = "pass" if count == 1 else "passes"
    return (
        f"Reverse mode: 1 backward pass gives all {count} {partials}; "
        f"forward mode needs {count} {passes}, {each}"
    )
