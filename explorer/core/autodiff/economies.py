"""The autodiff's memory and speed economies, all behind one switch (``set_economies``).

Memory: what the graph keeps (``Retention``). A node keeps the values its backward formula reads;
large results no formula reads are released as soon as the program drops their tensors, and a
large saved value goes once the last backward step that claimed it has run (``release``), as
PyTorch frees saved tensors. Without economies every node keeps its value and its tensor.

The engine's loop (``engine.backward``) asks a ``GradientArithmetic`` for three things: the
contribution ``g · ∂node/∂child``, the sum of two contributions, and ``.grad += g`` for a leaf.
``PlainArithmetic`` does each the obvious way, allocating a new array every time. With the
economies on (the default), ``EconomicalArithmetic`` does the same arithmetic with fewer arrays:

- a partial of ±1 (``rules.PLUS_ONE``/``MINUS_ONE``) passes ``g`` through or negates it;
- ``g`` all ones (what ``sum`` sends back) makes the contribution the partial itself;
- a partial the rule has just computed (``cos(x)``, ``2·x``) is multiplied into in place;
- contributions meeting at one node are added into an array this pass allocated itself;
- a leaf's first ``.grad`` takes the incoming array without a copy; an array an add passed on
  to several inputs is taken by one leaf only (``_lent``); when that array is also an
  interior node's recorded gradient (kept for the graph view), the two share it until the
  first in-place write to ``.grad``, which gives the record a copy of its own first
  (``RecordedGrad``, ``Tensor._own_value``).
- a 0-dim node (scalar graphs) takes one shortcut for its whole step (``scalar_step``): its
  products are numbers, added straight into its inputs' pending gradients.

Each in-place write goes only into an array this pass allocated and still keeps a reference to
(``_owned``), never into one a user, a tensor or a record may hold: no decision rests on reference
counts. The test suite runs every autodiff test with the economies on and off and compares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from explorer.core.autodiff.rules import MINUS_ONE, PLUS_ONE


class Switch:
    """Whether backward uses the economies (tests flip it with ``economies_set``)."""

    enabled = True


def set_economies(enabled: bool) -> None:
    Switch.enabled = bool(enabled)


@contextmanager
def economies_set(enabled: bool) -> Iterator[None]:
    previous = Switch.enabled
    Switch.enabled = bool(enabled)
    try:
        yield
    finally:
        Switch.enabled = previous


class Retention:
    """What the graph keeps besides the values a backward formula reads (``node.py``).

    A node keeps its result when it is small (at most ``small_elements`` elements: a learner's
    graph, whose every value ``draw`` shows) and its gradient from the last backward likewise.
    Larger results are released as in PyTorch: ``w * x`` in ``w * x + b`` is freed once the sum
    has read it, as no backward formula needs its value; keeping it would add an array to the
    peak memory and turn later fresh allocations into page faults. The tensors themselves are
    not kept either (a scalar graph's dead intermediates would cost the garbage collector as
    much again as the arithmetic), except inside ``keeping_values()``, as the Graph tab records
    programs, or with the economies off, where every node keeps everything."""

    small_elements = 4096
    keep_all = False


@contextmanager
def keeping_values() -> Iterator[None]:
    """Every node recorded inside keeps its result and tensor, for the graph views."""
    previous = Retention.keep_all
    Retention.keep_all = True
    try:
        yield
    finally:
        Retention.keep_all = previous


def stand_in(value: Any) -> Any:
    """A read-only array of ``value``'s shape and dtype that holds one element of memory: what
    a node keeps of a large result no backward step reads (the rules may read its shape)."""
    if type(value) is not np.ndarray:
        return value
    return np.broadcast_to(np.zeros((), dtype=value.dtype), value.shape)


def unbroadcast(gradient: Any, shape: tuple[int, ...]) -> Any:
    """Sum a gradient over the axes broadcasting added, so it has the input's shape."""
    if gradient.shape == shape:
        return gradient
    extra_dims = gradient.ndim - len(shape)
    if extra_dims > 0:
        gradient = gradient.sum(axis=tuple(range(extra_dims)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and gradient.shape[i] != 1)
    if axes:
        gradient = gradient.sum(axis=axes, keepdims=True)
    return gradient


class RecordedGrad:
    """An interior node's gradient from the last backward, kept for the graph view; a leaf's
    ``.grad`` may share the array until it is first written in place. ``np.asarray`` reads it."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray) -> None:
        self.array = array

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self.array if dtype is None else self.array.astype(dtype)


class PlainArithmetic:
    """The arithmetic of backward without economies: every result is a new array."""

    def times(self, g: Any, partial: Any, child: Any, read: tuple) -> Any:
        """``g · partial``, summed back to the child's shape (``read``: the values the rule
        read, which the economies never write into)."""
        if partial is PLUS_ONE:
            contribution = g
        elif partial is MINUS_ONE:
            contribution = -g
        else:
            contribution = g * partial
        return unbroadcast(contribution, _shape(child))

    def plus(self, pending: Any, contribution: Any) -> Any:
        return contribution if pending is None else pending + contribution

    def scalar_step(self, node: Any, g: Any) -> bool:
        """Do the node's whole step by a shortcut (True), or leave it to the engine (False)."""
        return False

    def record(self, node: Any, g: Any) -> None:
        """Keep ∂L/∂node for the graph views (every node keeps its tensor without economies)."""
        node._node_grad = g

    def release(self, node: Any) -> None:
        """The node's backward step has run for good (no ``retain_graph``); without economies
        every value stays until the graph is dropped."""

    def deposit(self, node: Any, g: Any, make_tensor: Callable[[Any], Any]) -> None:
        """``node.grad += g`` in place (as PyTorch accumulates), or a copy of ``g`` at first."""
        existing = node._grad
        g = _as_dtype(g, node._value.dtype)
        if existing is None:
            node._grad = make_tensor(np.array(g, copy=True) if type(g) is np.ndarray else g)
        else:
            accumulate(existing, g)


class EconomicalArithmetic(PlainArithmetic):
    """The same arithmetic, writing into arrays this pass allocated instead of new ones."""

    def __init__(self) -> None:
        # Arrays this pass allocated, by id, each kept alive here so its id cannot be reused by
        # another array while the pass runs; only these are ever written in place.
        self._owned: dict[int, np.ndarray] = {}
        self._records: dict[int, RecordedGrad] = {}  # by id of their array
        self._shared: set[int] = set()  # ids of records a leaf's .grad shares (one leaf each)
        # This pass's arrays that became some node's ∂L/∂node, which an add may pass on to
        # several inputs: never written in place, and one leaf's .grad may take each.
        self._lent: dict[int, np.ndarray] = {}

    def _own(self, array: Any) -> Any:
        if type(array) is np.ndarray:
            self._owned[id(array)] = array
        return array

    def _is_owned(self, array: Any) -> bool:
        return self._owned.get(id(array)) is array

    def times(self, g: Any, partial: Any, child: Any, read: tuple) -> Any:
        if type(g) is not np.ndarray:  # a 0-dim node: numbers throughout, nothing to sum back
            return g if partial is PLUS_ONE else -g if partial is MINUS_ONE else g * partial
        shape = child._value.shape
        if partial is PLUS_ONE or partial is MINUS_ONE:
            return super().times(g, partial, child, read)
        fresh = (
            type(partial) is np.ndarray
            and partial.shape == g.shape
            and partial.base is None
            and partial.flags.writeable
            and not any(partial is value for value in read)
        )
        if fresh and _all_ones(g) and partial.dtype == g.dtype:
            contribution = self._own(partial)  # ∂L/∂out is all ones (a plain sum)
        elif fresh and partial.dtype == np.result_type(g, partial):
            contribution = self._own(np.multiply(g, partial, out=partial))
        else:
            contribution = self._own(g * partial)
        reduced = unbroadcast(contribution, shape)
        return reduced if reduced is contribution else self._own(reduced)

    def scalar_step(self, node: Any, g: Any) -> bool:
        """A 0-dim elementwise node of one or two arguments (scalar graphs): its inputs are 0-dim
        too, so g and the products are numbers, with nothing to sum back or reuse. The step
        records g and adds each product into the input's pending gradient itself, which spares
        the general step's calls per input (for two inputs spelled out, as ``_add_product``
        does it for one: a call per input costs a tenth of the step)."""
        rule = node._op
        inputs = node._inputs
        if type(g) is np.ndarray or rule.partials is None or len(inputs) > 2:
            return False
        node._node_grad = g
        out, partials = node._value, rule.partials
        if len(inputs) == 1:
            a = inputs[0]
            if a._requires_grad:
                _add_product(a, g, partials[0](a._value, out))
            return True
        a, b = inputs
        first, second = a._value, b._value
        if a._requires_grad:
            partial = partials[0](first, second, out)
            product = g if partial is PLUS_ONE else -g if partial is MINUS_ONE else g * partial
            pending = a._pending
            a._pending = product if pending is None else pending + product
        if b._requires_grad:
            partial = partials[1](first, second, out)
            product = g if partial is PLUS_ONE else -g if partial is MINUS_ONE else g * partial
            pending = b._pending
            b._pending = product if pending is None else pending + product
        return True

    def release(self, node: Any) -> None:
        """Large values this step read and no later step claims go now, as PyTorch frees saved
        tensors after backward: the gradient arrays still to come can reuse their memory.
        Claims are counted by the nodes that saved the values (``node.py``), not guessed."""
        rule, inputs = node._op, node._inputs
        if not rule.saves_values:
            return
        requires = tuple(child._requires_grad for child in inputs)
        for index in rule.saved_arguments(requires):
            _drop_claim(inputs[index])
        if rule.reads_out(requires):
            _drop_claim(node)

    def plus(self, pending: Any, contribution: Any) -> Any:
        if pending is None:
            return contribution
        if type(pending) is not np.ndarray:  # numbers: nothing to reuse
            return pending + contribution
        if (
            self._is_owned(pending)
            and np.shape(contribution) == pending.shape
            and pending.dtype == np.result_type(pending, contribution)
        ):
            return np.add(pending, contribution, out=pending)
        return self._own(pending + contribution)

    def record(self, node: Any, g: Any) -> None:
        if type(g) is not np.ndarray:
            node._node_grad = g
            return
        if node._tensor is None and g.size > Retention.small_elements:  # released: not shown
            if self._owned.pop(id(g), None) is g:
                self._lent[id(g)] = g
            return
        record = self._records.get(id(g))
        if record is None:
            record = RecordedGrad(g)
            mine = self._owned.pop(id(g), None) is g or self._lent.pop(id(g), None) is g
            if mine:  # this pass's array: a leaf may share it
                self._records[id(g)] = record
        node._node_grad = record

    def deposit(self, node: Any, g: Any, make_tensor: Callable[[Any], Any]) -> None:
        existing = node._grad
        cast = _as_dtype(g, node._value.dtype)
        if existing is not None:
            accumulate(existing, cast)
            return
        if cast is not g:
            self._own(cast)
        if type(cast) is np.ndarray and not self._is_owned(cast):
            if self._lent.pop(id(cast), None) is cast:  # taken by one leaf, no copy
                node._grad = make_tensor(cast)
                return
            record = self._records.get(id(cast))
            if record is None or record.array is not cast or id(record) in self._shared:
                # the seed, a value, a view, or a record another leaf shares: a copy
                cast = np.array(cast, copy=True)
                record = None
            node._grad = grad = make_tensor(cast)
            if record is not None:
                grad._records = record  # shares the record's array until written in place
                self._shared.add(id(record))
            return
        self._owned.pop(id(cast), None)  # handed over: the pass writes into it no more
        node._grad = make_tensor(cast)


class GraphArithmetic(PlainArithmetic):
    """``create_graph=True``: gradients are tensors made by recorded operations, and a leaf's
    ``.grad`` is replaced by the sum (PyTorch accumulates out of place then)."""

    def record(self, node: Any, g: Any) -> None:
        node._node_grad = g._value

    def deposit(self, node: Any, g: Any, make_tensor: Callable[[Any], Any]) -> None:
        if g.dtype != node.dtype:
            g = g.to(node.dtype)
        node._grad = g if node._grad is None else node._grad + g


def gradient_arithmetic(create_graph: bool = False) -> PlainArithmetic:
    """The arithmetic for one backward pass: on tensors for ``create_graph``, else by the switch."""
    if create_graph:
        return GraphArithmetic()
    return EconomicalArithmetic() if Switch.enabled else PlainArithmetic()


def accumulate(grad_tensor: Any, g: Any) -> None:
    """``.grad += g`` in the gradient's own memory, as PyTorch accumulates (an array taken
    earlier with ``.grad.numpy()`` sees the sum); a 0-dim gradient's number is replaced."""
    value = grad_tensor._value
    if type(value) is np.ndarray and value.shape == np.shape(g) and value.flags.writeable:
        np.add(grad_tensor._own_value(), g, out=value, casting="unsafe")
    else:
        grad_tensor._value = (value + g).astype(value.dtype)[()]
        grad_tensor._bump_version()


def _drop_claim(node: Any) -> None:
    claims = node._claims
    if claims is None:
        return  # a small result or a leaf: always kept
    node._claims = claims - 1
    if claims == 1:
        node._value = stand_in(node._value)


def _add_product(child: Any, g: Any, partial: Any) -> None:
    """``child``'s pending gradient += g · partial, on numbers (a 0-dim node's step)."""
    product = g if partial is PLUS_ONE else -g if partial is MINUS_ONE else g * partial
    pending = child._pending
    child._pending = product if pending is None else pending + product


def _shape(tensor: Any) -> tuple[int, ...]:
    return np.shape(tensor._value)


def _as_dtype(g: Any, dtype: np.dtype) -> Any:
    return g if g.dtype == dtype else g.astype(dtype)


def _all_ones(g: np.ndarray) -> bool:
    """A gradient broadcast from the number 1 (``sum``'s backward): no strides, value 1."""
    return g.ndim > 0 and not any(g.strides) and g[(0,) * g.ndim] == 1
