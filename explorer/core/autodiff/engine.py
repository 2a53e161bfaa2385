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


class _Sharing:
    """Which gradient arrays are also held elsewhere, so a leaf's ``.grad`` never aliases them.

    ``must_copy``: the caller's own gradient, other tensors' values, arrays already given to a
    leaf. ``aliased``: arrays only shared with interior nodes' recorded gradients (``+`` passes
    its gradient through); a leaf takes these without copying, marked copy-on-write, which saves
    a full pass over large arrays.
    """

    __slots__ = ("must_copy", "aliased")

    def __init__(self, gradient: Any) -> None:
        self.must_copy = {id(gradient)}
        self.aliased: set[int] = set()


def backward(root: Any, gradient: Any, retain_graph: bool, make_tensor: Callable) -> None:
    """Propagate ``gradient`` (∂L/∂root) to every leaf, accumulating into ``.grad``."""
    order = topological_order(root)
    root._pending = gradient
    sharing = _Sharing(gradient)
    for node in reversed(order):
        g = node._pending
        node._pending = None
        if g is None:
            continue
        rule = node._op
        if rule is None:
            _store_grad(node, g, sharing, make_tensor)
            continue
        node._node_grad = g
        if node._retains_grad:
            _store_grad(node, g, sharing, make_tensor)
        if node._freed and rule.saves_values:
            raise RuntimeError(SECOND_BACKWARD_MESSAGE)
        inputs = node._inputs
        if rule.partials is not None:
            _elementwise_step(rule, node, inputs, g, sharing)
        else:
            values = [t._value for t in inputs]
            contributions = rule.vjp(g, values, node._value, node._extra)
            for child, contribution in zip(inputs, contributions, strict=True):
                if child._requires_grad and contribution is not None:
                    _add_pending(child, contribution)
        if not retain_graph:
            node._freed = True


def _uniform_value(g: Any) -> Any:
    """The single value of a gradient broadcast from a scalar (what ``sum`` sends back), or None."""
    if type(g) is np.ndarray and g.ndim and not any(g.strides):
        return g[(0,) * g.ndim]
    return None


def _elementwise_step(rule: Any, node: Any, inputs: tuple, g: Any, sharing: _Sharing) -> None:
    values = [t._value for t in inputs]
    uniform = _uniform_value(g)
    for index, child in enumerate(inputs):
        if not child._requires_grad:
            continue
        partial = rule.partials[index](*values, node._value)
        if partial is ONE:
            contribution = g
            sharing.aliased.add(id(g))
        elif partial is MINUS_ONE:
            contribution = -g
        elif uniform == 1 and np.shape(partial) == g.shape:
            # ∂L/∂out is all ones (a plain sum): the contribution is the partial itself.
            contribution = partial
            if any(partial is value for value in values):
                sharing.must_copy.add(id(partial))
            else:
                sharing.aliased.add(id(partial))
        else:
            contribution = g * partial
        if contribution.shape != child._value.shape:
            contribution = unbroadcast(contribution, child._value.shape)
        _add_pending(child, contribution)


def _add_pending(child: Any, contribution: Any) -> None:
    pending = child._pending
    # Out of place on purpose: ``contribution`` may be another node's array.
    child._pending = contribution if pending is None else pending + contribution


def _store_grad(node: Any, g: Any, sharing: _Sharing, make_tensor: Callable) -> None:
    dtype = node._value.dtype
    if g.dtype != dtype:
        g = g.astype(dtype)
    existing = node.grad
    if existing is not None:
        existing._value = existing._value + g
        return
    copy_on_write = False
    if isinstance(g, np.ndarray):
        if id(g) in sharing.must_copy or not g.flags.writeable or not g.flags.owndata:
            g = g.copy()
        elif id(g) in sharing.aliased:
            copy_on_write = True
    sharing.must_copy.add(id(g))
    node.grad = make_tensor(g)
    if copy_on_write:
        node.grad._copy_on_write = True
