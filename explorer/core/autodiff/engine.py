"""Reverse mode: grad-mode switches, the iterative topological sort, and the backward pass.

Gradients accumulate (``pending = pending + contribution``), which is what makes a node used
twice — or a hundred times — right, exactly as in micrograd. The sort walks an explicit stack, so a
chain of a million nodes needs no recursion.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from explorer.core.autodiff.rules import MINUS_ONE, ONE

SECOND_BACKWARD_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)
IMPLICIT_GRAD_MESSAGE = "grad can be implicitly created only for scalar outputs"
NO_GRAD_FN_MESSAGE = "element 0 of tensors does not require grad and does not have a grad_fn"


class GradMode:
    """Whether operations record a graph (``no_grad`` switches it off)."""

    enabled = True


class set_grad_enabled:  # noqa: N801 - PyTorch's name
    """Context manager and decorator that sets grad mode on or off, restoring it afterwards."""

    def __init__(self, mode: bool) -> None:
        self.mode = bool(mode)
        self.previous = GradMode.enabled
        GradMode.enabled = self.mode  # like PyTorch, it also works as a plain function call

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        GradMode.enabled = self.previous


class _GradModeContext:
    mode = True

    def __enter__(self) -> None:
        self.previous = GradMode.enabled
        GradMode.enabled = self.mode

    def __exit__(self, *exc_info: object) -> None:
        GradMode.enabled = self.previous

    def __call__(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with type(self)():
                return function(*args, **kwargs)

        return wrapper


class no_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Operations inside record no graph: results do not require grad."""

    mode = False


class enable_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Turn graph recording back on inside a ``no_grad`` block."""

    mode = True


def is_grad_enabled() -> bool:
    return GradMode.enabled


def topological_order(root: Any) -> list[Any]:
    """Nodes that require grad, reachable from ``root``, inputs before the nodes that use them."""
    order: list[Any] = []
    visited = {id(root)}
    stack = [(root, iter(root._inputs))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child._requires_grad and id(child) not in visited:
                visited.add(id(child))
                stack.append((child, iter(child._inputs)))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def unbroadcast(gradient: Any, shape: tuple[int, ...]) -> Any:
    """Sum a gradient over the axes broadcasting added, so it matches the input's shape."""
    extra_dims = gradient.ndim - len(shape)
    if extra_dims > 0:
        gradient = gradient.sum(axis=tuple(range(extra_dims)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and gradient.shape[i] != 1)
    if axes:
        gradient = gradient.sum(axis=axes, keepdims=True)
    return gradient


def backward(root: Any, gradient: Any, retain_graph: bool, make_tensor: Callable) -> None:
    """Propagate ``gradient`` (∂L/∂root) to every leaf, accumulating into ``.grad``."""
    order = topological_order(root)
    root._pending = gradient
    # Arrays also held elsewhere (passed through by +, or the caller's own gradient): a leaf's
    # .grad gets a copy of these so zero_() cannot clobber another tensor's gradient.
    shared = {id(gradient)}
    for node in reversed(order):
        g = node._pending
        node._pending = None
        if g is None:
            continue
        rule = node._op
        if rule is None:
            _store_grad(node, g, shared, make_tensor)
            continue
        node._node_grad = g
        if node._retains_grad:
            _store_grad(node, g, shared, make_tensor)
        if node._freed and rule.saves_values:
            raise RuntimeError(SECOND_BACKWARD_MESSAGE)
        inputs = node._inputs
        if rule.partials is not None:
            _elementwise_step(rule, node, inputs, g, shared)
        else:
            values = [t._value for t in inputs]
            contributions = rule.vjp(g, values, node._value, node._extra)
            for child, contribution in zip(inputs, contributions, strict=True):
                if child._requires_grad and contribution is not None:
                    _add_pending(child, contribution)
        if not retain_graph:
            node._freed = True


def _elementwise_step(rule: Any, node: Any, inputs: tuple, g: Any, shared: set) -> None:
    values = [t._value for t in inputs]
    for index, child in enumerate(inputs):
        if not child._requires_grad:
            continue
        partial = rule.partials[index](*values, node._value)
        if partial is ONE:
            contribution = g
            shared.add(id(g))
        elif partial is MINUS_ONE:
            contribution = -g
        else:
            contribution = g * partial
        if contribution.shape != child._value.shape:
            contribution = unbroadcast(contribution, child._value.shape)
        _add_pending(child, contribution)


def _add_pending(child: Any, contribution: Any) -> None:
    pending = child._pending
    # Out of place on purpose: ``contribution`` may be another node's array.
    child._pending = contribution if pending is None else pending + contribution


def _store_grad(node: Any, g: Any, shared: set, make_tensor: Callable) -> None:
    dtype = node._value.dtype
    if g.dtype != dtype:
        g = g.astype(dtype)
    existing = node.grad
    if existing is not None:
        existing._value = existing._value + g
        return
    if isinstance(g, np.ndarray) and (
        id(g) in shared or not g.flags.writeable or not g.flags.owndata
    ):
        g = g.copy()
    shared.add(id(g))
    node.grad = make_tensor(g)
