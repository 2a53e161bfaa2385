"""The PyTorch semantics sandbox: what happens on a second backward, a freed graph, a vector output.

Each function builds the user's program on the autodiff core and returns what the panel shows;
the error messages are the core's own, word for word PyTorch's. ``requires_grad`` per input and
``detach`` of a named definition are options of ``model.build_model``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from explorer.core.graph.building import build_tensors
from explorer.core.graph.model import (
    NAMED_STEPS,
    OPERATIONS,
    GraphModel,
    build_model,
    graph_from_tensor,
)
from explorer.core.graph.named_steps import build_named_model
from explorer.core.text import format_number


@dataclass(frozen=True)
class AccumulationDemo:
    """Input gradients after one backward and after a second one without ``zero_()``."""

    before: dict[str, np.ndarray | None]
    after: dict[str, np.ndarray | None]
    explanation: str
    model: GraphModel


@dataclass(frozen=True)
class NonScalarDemo:
    """A vector output: ``backward()`` refuses; ``backward(gradient=ones)`` gives Σ-gradients."""

    error: str
    model: GraphModel
    gradients: dict[str, np.ndarray | None]
    explanation: str


def sandbox_model(
    source: Any,
    values: Mapping[str, Any],
    *,
    requires_grad: Mapping[str, bool] | None = None,
    detach: tuple[str, ...] = (),
) -> GraphModel:
    """The graph with inputs switched off and definitions detached as the toggles say."""
    return build_model(source, values, requires_grad=requires_grad, detach=detach)


def _leaf_grads(inputs: Mapping[str, Any]) -> dict[str, np.ndarray | None]:
    return {
        name: None if leaf.grad is None else np.array(leaf.grad.numpy())
        for name, leaf in inputs.items()
    }


def backward_again_without_zero(
    source: Any,
    values: Mapping[str, Any],
    *,
    passes: int = 2,
    requires_grad: Mapping[str, bool] | None = None,
    detach: tuple[str, ...] = (),
    view: str = OPERATIONS,
) -> AccumulationDemo:
    """Call backward ``passes`` times (keeping the graph) without zeroing: every .grad grows.

    ``before`` is the gradients after one pass less than ``after`` (one pass: the first). The
    model is drawn in ``view``; its inputs carry the accumulated ``.grad`` (the other nodes'
    gradients are this pass's: only leaves accumulate, as in PyTorch).
    """
    if passes < 2:
        raise ValueError("accumulation needs at least two backward passes")
    built, text = build_tensors(source, values, requires_grad=requires_grad, detach=detach)
    output = built.output
    for _ in range(passes - 1):
        output.backward(retain_graph=True)
    before = _leaf_grads(built.inputs)
    output.backward()
    after = _leaf_grads(built.inputs)
    lines = [
        f"{name}.grad: {format_number(before[name])} → {format_number(after[name])}"
        for name in built.inputs
        if before[name] is not None
    ]
    explanation = (
        f"backward() adds into .grad; without x.grad.zero_() pass {passes} accumulates: "
        + "; ".join(lines)
    )
    model = _in_view(view, output, built, text, source, values, requires_grad, detach)
    model = with_input_grads(model, after)
    return AccumulationDemo(before, after, explanation, model)


def _in_view(view, output, built, text, source, values, requires_grad=None, detach=()):
    """The demo's graph in the view the learner chose (the named steps are built again: their
    partials come from the steps engine, not from the op-level tensors)."""
    if view == NAMED_STEPS:
        return build_named_model(source, values, requires_grad=requires_grad, detach=detach)
    return graph_from_tensor(output, input_tensors=built.inputs.values(), source_text=text)


def with_input_grads(model: GraphModel, grads: Mapping[str, Any]) -> GraphModel:
    """``model`` with its inputs' cards showing ``grads`` (by name), e.g. accumulated .grad."""
    nodes = tuple(
        replace(node, grad=grads[node.label])
        if node.is_input and grads.get(node.label) is not None
        else node
        for node in model.nodes
    )
    return replace(model, nodes=nodes)


def backward_after_free(source: Any, values: Mapping[str, Any]) -> str:
    """The core's error when backward runs again after the graph's saved values were freed."""
    built, _ = build_tensors(source, values)
    built.output.backward()
    try:
        built.output.backward()
    except RuntimeError as error:
        return str(error)
    return "The second backward ran: this graph saves no values, so nothing was freed."


def non_scalar_backward(
    source: Any, values: Mapping[str, Any], *, view: str = OPERATIONS
) -> NonScalarDemo:
    """``y.backward()`` on a vector ``y`` fails; with ``gradient=ones`` it gives ∂(Σy)/∂x."""
    built, text = build_tensors(source, values)
    output = built.output
    try:
        output.backward()
        error = ""
    except RuntimeError as raised:
        error = str(raised)
    if not error:
        raise ValueError("the output is a scalar; give an input with several values")
    output.backward(gradient=np.ones(tuple(output.shape)))
    model = _in_view(view, output, built, text, source, values)
    grads = _leaf_grads(built.inputs)
    return NonScalarDemo(error, model, grads, _non_scalar_text(model, error, grads))


def _non_scalar_text(model: GraphModel, error: str, grads: Mapping[str, Any]) -> str:
    y = model.output.symbol
    count = np.size(model.output.value)
    found = "; ".join(f"{name}.grad = {format_number(grad)}" for name, grad in grads.items())
    return (
        f"{y}.backward() on a non-scalar {y} → RuntimeError: {error}\n"
        f"{y} has {count} values, so backward needs gradient=: a tensor shaped like {y} that "
        f"weights each value's gradient; type {y}.backward(gradient=torch.ones_like({y})) to "
        f"get the gradient of {y}.sum(), which gives {found}."
    )
