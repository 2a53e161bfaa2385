"""Memory bookkeeping of backward: shared gradient records, in-place writes, released values.

Three economies, each with the check that keeps it safe:
- ``RecordedGrad``: an interior node's gradient kept for the graph view may be the very array a
  leaf takes as ``.grad``; the record gets a copy of its own only when that ``.grad`` is first
  written in place.
- ``writable_alone``: gradients are accumulated or multiplied in place only into arrays nothing
  else holds (CPython's reference count, the test numpy itself uses to reuse temporaries).
- ``ReleasedValue``: after a backward without ``retain_graph``, a large interior value that only
  the graph holds is released, as PyTorch frees saved tensors; ``restore_values`` recomputes it
  for the graph view.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np


class RecordedGrad:
    """An interior node's gradient from the last backward, kept for the graph view.

    A leaf may take the very same array as its ``.grad`` (``+`` passes its gradient straight
    through), so no copy is made during backward. Whoever first writes that ``.grad`` in place
    (``zero_``, ``+=``, ``.data.zero_()``) hands the record a copy of its own beforehand
    (``Tensor._own_value``), so the record keeps the values of that backward pass. ``np.asarray``
    reads it like an array.
    """

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray) -> None:
        self.array = array

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self.array if dtype is None else self.array.astype(dtype)


def writable_alone(array: Any, holders: int) -> bool:
    """Whether ``array`` can be written in place: an ndarray owning its memory, and held only by
    the caller's own ``holders`` references (CPython's reference count, the test numpy itself uses
    to reuse temporaries). Views, read-only arrays, tensors' values, records and anything the
    user kept fail it."""
    return (
        type(array) is np.ndarray
        and array.base is None
        and array.flags.writeable
        and sys.getrefcount(array) <= _ONE_HOLDER + holders - 1
    )


def _count_aswritable_alone_does(array: Any, holders: int) -> int:
    return sys.getrefcount(array)  # called exactly as writable_alone calls it


def _probe_one_holder() -> int:
    probe = np.empty(1)  # one holder: this local
    return _count_aswritable_alone_does(probe, 1)


# The count ``writable_alone`` sees for an array with one holder (interpreter-dependent, so
# measured rather than assumed).
_ONE_HOLDER = _probe_one_holder()


# Interior values at least this large are released after a backward without retain_graph (small
# ones cost little memory, and keeping them spares the graph view any recomputation).
RELEASE_MIN_ELEMENTS = 1 << 16


class ReleasedValue:
    """Stands in for an interior value released after backward: its shape and dtype stay readable
    (a second backward through ops that save nothing needs only those), and ``restore_values``
    recomputes it for the graph view from its inputs, if they have not been changed in place
    since (``Tensor._version``)."""

    __slots__ = ("shape", "dtype", "ndim", "size", "input_versions")

    def __init__(self, tensor: Any) -> None:
        value = tensor._value
        self.shape, self.dtype = value.shape, value.dtype
        self.ndim, self.size = value.ndim, value.size
        self.input_versions = tuple(t._version for t in tensor._inputs)


def restore_values(tensors: list[Any]) -> None:
    """Recompute released values, ``tensors`` in topological order (inputs first).

    An input changed in place since the backward (a gradient step under ``no_grad``) makes the old
    value unrecoverable: it becomes NaN rather than a value the graph never had.
    """
    for tensor in tensors:
        released = tensor._value
        if type(released) is not ReleasedValue:
            continue
        inputs = tensor._inputs
        values = [t._value for t in inputs]
        versions = tuple(t._version for t in inputs)
        unchanged = versions == released.input_versions and not any(
            _is_nan_placeholder(t) for t in inputs
        )
        if unchanged:
            rule = tensor._op
            with np.errstate(all="ignore"):
                if rule.partials is not None:
                    value = rule.forward(*values)
                else:
                    value = rule.forward(*values, tensor._extra)
            tensor._value = np.asarray(value)
        else:
            tensor._value = np.full(released.shape, np.nan, dtype=released.dtype)
            tensor._unrecoverable = True


def releasable(node: Any) -> bool:
    value = node._value
    return type(value) is np.ndarray and node._op is not None and value.size >= RELEASE_MIN_ELEMENTS


def count_uses(inputs: tuple, uses: dict[int, int]) -> None:
    # A function of its own, so no loop variable in ``backward`` holds a tensor.
    for child in inputs:
        if type(child._value) is np.ndarray:
            uses[id(child)] = uses.get(id(child), 0) + 1


def release_inputs_done_with(inputs: tuple, uses: dict[int, int]) -> None:
    """Release inputs whose consumers are all done, before their own step, if that step does
    not read its own result (``OpRule.out_needed_by``): the gradients it computes can then reuse
    the memory."""
    for child in inputs:
        if not releasable(child):
            continue
        if _step_reads_out(child):
            continue
        # Held by its consumers' inputs, the order list and the name ``child``.
        if held_only_by(child, uses[id(child)] + 2):
            child._value = ReleasedValue(child)


def _step_reads_out(node: Any) -> bool:
    needed_by = node._op.out_needed_by
    if needed_by is None:
        return True
    arguments = node._inputs
    return any(arguments[index]._requires_grad for index in needed_by)


def _is_nan_placeholder(tensor: Any) -> bool:
    return getattr(tensor, "_unrecoverable", False)


def held_only_by(obj: Any, holders: int) -> bool:
    return sys.getrefcount(obj) <= _ONE_HOLDER + holders - 1
