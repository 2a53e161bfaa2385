"""Stepping through a graph: an immutable schedule of steps and a stepper with undo and scrubbing.

The schedule is every node's forward evaluation in topological order, then one backward step per
node that receives a gradient, in reverse topological order: at each, ∂f/∂node is accumulated from
every consumer edge (the chain rule's sum). A ``StepState`` is a pure function of how many steps
were applied, so ``back()`` restores exactly the previous state and ``seek()`` scrubs a timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from explorer.core.autodiff.introspect import GraphNode
from explorer.core.graph.explain import backward_text, forward_texts
from explorer.core.graph.model import NAMED_STEPS, GraphModel


class _Explanations:
    """The steps' sentences, written when first read: a big graph's schedule is built at once,
    but a learner reads the explanations of the few steps they take."""

    def __init__(self, model: GraphModel, output_name: str):
        self.model = model
        self.output_name = output_name
        self._forward: list[str] | None = None
        self._grads = {node.id: node.grad for node in model.nodes if node.grad is not None}
        self._backward: dict[int, str] = {}

    def text(self, step: Step) -> str:
        if step.phase == "forward":
            if self._forward is None:
                self._forward = forward_texts(self.model)  # one pass keeps them linear
            return self._forward[step.index]
        if step.node_id not in self._backward:
            node = self.model.node(step.node_id)
            self._backward[step.node_id] = backward_text(
                self.model, node, self._grads, self.output_name
            )
        return self._backward[step.node_id]


@dataclass(frozen=True)
class Step:
    """One step of the schedule: the node it works on, the edges it reads, and what it says."""

    index: int
    phase: str  # "forward" or "backward"
    node_id: int
    edge_indices: tuple[int, ...]
    _sentences: _Explanations = field(repr=False, compare=False)

    @property
    def explanation(self) -> str:
        return self._sentences.text(self)


@dataclass(frozen=True)
class StepState:
    """What the view shows after ``position`` steps."""

    position: int
    phase: str  # "start", "forward", "backward" or "done"
    current_node: int | None
    current_edges: tuple[int, ...]
    evaluated: frozenset[int]  # nodes whose value is shown
    graded: frozenset[int]  # nodes whose ∂f/∂node is complete
    # Nodes with some consumers' contributions in but not all: (id, running sum as a tuple).
    partial_grads: tuple[tuple[int, tuple[float, ...]], ...]


def build_schedule(model: GraphModel, output_name: str | None = None) -> tuple[Step, ...]:
    """Forward steps (topological order) then backward steps (reverse order, gradient nodes)."""
    sentences = _Explanations(model, output_name or model.output.symbol)
    steps: list[Step] = []
    for node in model.nodes:
        edges = tuple(edge.index for edge in model.incoming(node.id))
        steps.append(Step(len(steps), "forward", node.id, edges, sentences))
    for node in _backward_order(model):
        if not node.requires_grad or node.grad is None:
            continue
        edges = tuple(edge.index for edge in model.outgoing(node.id))
        steps.append(Step(len(steps), "backward", node.id, edges, sentences))
    return tuple(steps)


def _backward_order(model: GraphModel) -> list[GraphNode]:
    """Reverse topological order; in the named-steps view, level by level as the seed goes.

    There every node sits one level right of its deepest input, so walking levels from the
    output back (each level top to bottom) still visits every consumer before what it uses,
    and reads f; u, v; a, b; w, x, y, z.
    """
    if model.view != NAMED_STEPS:
        return list(reversed(model.nodes))
    level: dict[int, int] = {}
    for node in model.nodes:
        sources = [level[edge.source] for edge in model.incoming(node.id)]
        level[node.id] = 1 + max(sources) if sources else 0
    position = {node.id: index for index, node in enumerate(model.nodes)}
    return sorted(model.nodes, key=lambda node: (-level[node.id], position[node.id]))


def state_at(model: GraphModel, schedule: tuple[Step, ...], position: int) -> StepState:
    """The state after applying the first ``position`` steps."""
    position = max(0, min(position, len(schedule)))
    evaluated: set[int] = set()
    graded: set[int] = set()
    for step in schedule[:position]:
        (evaluated if step.phase == "forward" else graded).add(step.node_id)
    current = schedule[position - 1] if position else None
    if current is None:
        phase = "start"
    elif position == len(schedule):
        phase = "done"
    else:
        phase = current.phase
    return StepState(
        position=position,
        phase=phase,
        current_node=None if current is None else current.node_id,
        current_edges=() if current is None else current.edge_indices,
        evaluated=frozenset(evaluated),
        graded=frozenset(graded),
        partial_grads=_partial_grads(model, graded),
    )


def _partial_grads(
    model: GraphModel, graded: set[int]
) -> tuple[tuple[int, tuple[float, ...]], ...]:
    sums: dict[int, np.ndarray] = {}
    for edge in model.edges:
        if edge.target in graded and edge.source not in graded and edge.contribution is not None:
            sums[edge.source] = sums.get(edge.source, 0) + edge.contribution
    return tuple(
        (node_id, tuple(np.asarray(total, dtype=np.float64).ravel().tolist()))
        for node_id, total in sorted(sums.items())
    )


class Stepper:
    """Drives the schedule: step forward/backward, one step back, run all, reset, seeks.

    "Back" is always one step of the schedule back (after Run all: the step before the last),
    never an undo of a jump, so it goes where the learner expects."""

    def __init__(self, model: GraphModel, output_name: str | None = None):
        self.model = model
        self.schedule = build_schedule(model, output_name)
        self.forward_count = sum(1 for step in self.schedule if step.phase == "forward")
        self.state = state_at(model, self.schedule, 0)

    @property
    def position(self) -> int:
        return self.state.position

    @property
    def length(self) -> int:
        return len(self.schedule)

    @property
    def current_step(self) -> Step | None:
        return self.schedule[self.position - 1] if self.position else None

    @property
    def explanation(self) -> str:
        step = self.current_step
        return step.explanation if step else "Press Step forward to evaluate the first node."

    def _go(self, position: int) -> bool:
        position = max(0, min(position, self.length))
        if position == self.position:
            return False
        self.state = state_at(self.model, self.schedule, position)
        return True

    def step_forward(self) -> bool:
        """Evaluate the next node; False once the forward pass is complete."""
        if self.position >= self.forward_count:
            return False
        return self._go(self.position + 1)

    def step_backward(self) -> bool:
        """Apply the next backward step (finishing the forward pass first, in the same action)."""
        if self.position >= self.length:
            return False
        return self._go(max(self.position, self.forward_count) + 1)

    def back(self) -> bool:
        """One step back: the state after one step fewer; False at the start."""
        return self._go(self.position - 1)

    def next(self) -> bool:
        """One step on through the whole schedule (the forward pass, then the backward pass)."""
        return self._go(self.position + 1)

    def run_all(self) -> bool:
        return self._go(self.length)

    def reset(self) -> bool:
        return self._go(0)

    def seek(self, index: int) -> bool:
        """Jump to the state after ``index`` steps (the timeline slider)."""
        return self._go(index)

    def shown_grad(self, node_id: int) -> np.ndarray | None:
        """The gradient the view shows for a node now: complete, running sum, or nothing."""
        if node_id in self.state.graded:
            step_grads = {s.node_id: s for s in self.schedule if s.phase == "backward"}
            return self.model.node(node_id).grad if node_id in step_grads else None
        for partial_id, values in self.state.partial_grads:
            if partial_id == node_id:
                shape = np.shape(self.model.node(node_id).value)
                return np.asarray(values).reshape(shape)
        return None
