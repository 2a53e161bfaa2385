"""Reverse mode: grad-mode switches, the iterative topological sort, and the backward pass.

Gradients accumulate (``pending = pending + contribution``), which is what makes a node used
twice — or a hundred times — right, exactly as in micrograd. The sort walks an explicit stack, so a
chain of a million nodes needs no recursion.

Like PyTorch, the engine computes inf and NaN silently (sqrt′(0) = inf, log(0) = −inf): numpy's
floating-point warnings are switched off for each op application (``quiet_numpy``) and once per
backward pass, never globally, so numpy code outside the engine keeps its own settings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from explorer.core.autodiff.memory import (
    RecordedGrad,
    ReleasedValue,
    count_uses,
    held_only_by,
    releasable,
    release_inputs_done_with,
    writable_alone,
)
from explorer.core.autodiff.rules import MINUS_ONE, ONE


def _quiet_switch() -> tuple[Callable[[], Any], Callable[[Any], None]]:
    """``(quiet, restore)``: ``token = quiet()`` makes numpy ignore floating-point errors in this
    thread and context until ``restore(token)``.

    ``np.errstate`` costs about 0.7 µs per use, a sixth of a scalar graph's whole per-node cost,
    so the op path sets numpy's error-state context variable directly (what ``errstate`` does
    inside); should a numpy release move it, ``errstate`` itself is the fallback.
    """
    try:
        from numpy._core._ufunc_config import _extobj_contextvar as state
    except ImportError:  # pragma: no cover - depends on numpy's internals
        state = None
    if state is not None:
        with np.errstate(all="ignore"):
            ignore_all = state.get()
        return functools.partial(state.set, ignore_all), state.reset

    def quiet() -> Any:
        context = np.errstate(all="ignore")
        context.__enter__()
        return context

    return quiet, lambda context: context.__exit__(None, None, None)


quiet_numpy, restore_numpy = _quiet_switch()

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
    """Nodes that require grad, reachable from ``root``, inputs before the nodes that use them.

    A depth-first walk on two parallel stacks (the nodes, and how many of each one's inputs have
    been looked at) rather than a stack of ``(node, iterator)`` pairs: the sort then leaves no
    new container behind per node, so a long chain does not set off Python's cyclic garbage
    collector, whose full passes over a large graph used to cost more than the sort itself.
    """
    order: list[Any] = []
    visited = {id(root)}
    nodes = [root]
    positions = [0]
    while nodes:
        node = nodes[-1]
        inputs = node._inputs
        position = positions[-1]
        while position < len(inputs):
            child = inputs[position]
            position += 1
            if child._requires_grad and id(child) not in visited:
                visited.add(id(child))
                positions[-1] = position
                nodes.append(child)
                positions.append(0)
                break
        else:
            nodes.pop()
            positions.pop()
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

    ``must_copy``: the caller's own gradient, tensors' values, arrays already given to a leaf.
    ``records``: interior nodes' recorded gradients by array; a leaf takes such an array without
    copying and keeps the record, which gets its own copy only if the leaf's gradient is later
    written in place.
    """

    __slots__ = ("must_copy", "records")

    def __init__(self, gradient: Any) -> None:
        self.must_copy = {id(gradient)}
        self.records: dict[int, RecordedGrad] = {}

    def record(self, g: np.ndarray) -> RecordedGrad:
        record = self.records.get(id(g))
        if record is None:
            record = self.records[id(g)] = RecordedGrad(g)
        return record


def backward(root: Any, gradient: Any, retain_graph: bool, make_tensor: Callable) -> None:
    """Propagate ``gradient`` (∂L/∂root) to every leaf, accumulating into ``.grad``.

    Without ``retain_graph``, a large interior value that nothing outside the graph holds is
    released as soon as backward is past it (see ``ReleasedValue``), so the gradients computed
    after it can reuse its memory, as PyTorch frees its saved tensors.
    """
    with np.errstate(all="ignore"):  # inf and NaN arise silently, as in PyTorch
        _backward_pass(root, gradient, retain_graph, make_tensor)


def _backward_pass(root: Any, gradient: Any, retain_graph: bool, make_tensor: Callable) -> None:
    order = topological_order(root)
    root._pending = gradient
    sharing = _Sharing(gradient)
    # How often each array-valued node appears among the inputs of the nodes processed so far;
    # all of a node's consumers come before it, so the count is complete when it is reached.
    uses: dict[int, int] | None = None if retain_graph else {}
    for node in reversed(order):
        g = node._pending
        node._pending = None
        if g is None:
            continue
        rule = node._op
        if rule is None:
            _store_grad(node, g, sharing, make_tensor)
            continue
        # A gradient has its node's shape; a 0-dim node's is a numpy scalar.
        scalar = type(g) is not np.ndarray
        node._node_grad = g if scalar else sharing.record(g)
        if node._retains_grad:
            _store_grad(node, g, sharing, make_tensor)
        if node._freed and rule.saves_values:
            raise RuntimeError(SECOND_BACKWARD_MESSAGE)
        inputs = node._inputs
        if scalar and rule.partials is not None and len(inputs) <= 2:
            # Scalar graphs' hot path. The inputs are 0-dim too: no array to count or release.
            _scalar_step(rule.partials, inputs, node._value, g)
            if uses is not None:
                node._freed = True
            continue
        if uses is not None:
            count_uses(inputs, uses)
        if rule.partials is not None:
            _elementwise_step(rule, node, inputs, g, sharing)
        else:
            _structural_step(rule, node, inputs, g)
        if uses is not None:
            node._freed = True
            # Held by its consumers' inputs, the order list and the name ``node``.
            if releasable(node) and held_only_by(node, uses.get(id(node), 0) + 2):
                node._value = ReleasedValue(node)
            release_inputs_done_with(inputs, uses)


def _scalar_step(partials: tuple, inputs: tuple, out: Any, g: Any) -> None:
    """``_elementwise_step`` for a 0-dim node of one or two arguments, which are 0-dim too:
    numpy scalars throughout, so no broadcasting to undo and no array to multiply into."""
    first = inputs[0]
    if len(inputs) == 1:
        if first._requires_grad:
            _add_scalar(first, g, partials[0](first._value, out))
        return
    second = inputs[1]
    a, b = first._value, second._value
    if first._requires_grad:
        _add_scalar(first, g, partials[0](a, b, out))
    if second._requires_grad:
        _add_scalar(second, g, partials[1](a, b, out))


def _add_scalar(child: Any, g: Any, partial: Any) -> None:
    contribution = g if partial is ONE else -g if partial is MINUS_ONE else g * partial
    pending = child._pending
    child._pending = contribution if pending is None else pending + contribution


def _structural_step(rule: Any, node: Any, inputs: tuple, g: Any) -> None:
    values = [t._value for t in inputs]
    contributions = rule.vjp(g, values, node._value, node._extra)
    for child, contribution in zip(inputs, contributions, strict=True):
        if child._requires_grad and contribution is not None:
            _add_pending(child, contribution)


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
        elif partial is MINUS_ONE:
            contribution = -g
        elif uniform == 1 and np.shape(partial) == g.shape:
            # ∂L/∂out is all ones (a plain sum): the contribution is the partial itself.
            contribution = partial
            if partial is node._value or any(partial is value for value in values):
                sharing.must_copy.add(id(partial))
        elif (
            type(partial) is np.ndarray
            and partial.shape == g.shape
            and partial.dtype == np.result_type(g, partial)
            and writable_alone(partial, 1)
        ):
            # A partial computed just now (cos(x), 2·x): multiply into it, no new array.
            contribution = np.multiply(g, partial, out=partial)
        else:
            contribution = g * partial
        if contribution.shape != child._value.shape:
            contribution = unbroadcast(contribution, child._value.shape)
        _add_pending(child, contribution)


def _add_pending(child: Any, contribution: Any) -> None:
    pending = child._pending
    if pending is None:
        child._pending = contribution
    elif (
        type(contribution) is np.ndarray
        and pending.shape == contribution.shape
        and pending.dtype == np.result_type(pending, contribution)
        and writable_alone(pending, 2)  # held by child._pending and the local name
    ):
        np.add(pending, contribution, out=pending)
    else:
        child._pending = pending + contribution


def _store_grad(node: Any, g: Any, sharing: _Sharing, make_tensor: Callable) -> None:
    dtype = node._value.dtype
    if g.dtype != dtype:
        g = g.astype(dtype)
    existing = node._grad
    if existing is not None:
        _accumulate(existing, g)
        return
    record = None
    if isinstance(g, np.ndarray):
        if id(g) in sharing.must_copy or not g.flags.writeable or not g.flags.owndata:
            g = g.copy()
        else:
            record = sharing.records.get(id(g))
    sharing.must_copy.add(id(g))
    node._grad = grad = make_tensor(g)
    if record is not None:
        grad._records = record


def _accumulate(grad_tensor: Any, g: Any) -> None:
    """``.grad += g``: in place when nobody else holds the gradient's array, else a new array
    (so an array the user took with ``.numpy()`` or a snapshot keeps its values)."""
    value = grad_tensor._value
    if (
        type(value) is np.ndarray
        and value.shape == np.shape(g)
        and value.dtype == np.result_type(value, g)
        and writable_alone(value, 2)  # held by the tensor and the local name
    ):
        np.add(value, g, out=value)
        grad_tensor._version += 1
    else:
        grad_tensor._value = value + g
