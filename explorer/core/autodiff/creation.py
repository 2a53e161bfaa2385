"""Making tensors: ``tensor``, ``arange``, ``zeros``, ``ones_like`` and the rest of PyTorch's
factory functions (random ones are in ``sampling.py``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff.allocation import check_allocation, check_shape
from explorer.core.autodiff.dtypes import default_float
from explorer.core.autodiff.tensor import Tensor, make, to_array


def tensor(data: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A new leaf tensor holding a copy of ``data``."""
    result = make(to_array(data, dtype), False)
    if requires_grad:
        result.requires_grad_(True)
    return result


def as_tensor(data: Any, dtype: Any = None) -> Tensor:
    if isinstance(data, Tensor) and (dtype is None or data.dtype == dtype):
        return data
    return tensor(data, dtype)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor sharing memory with ``array``."""
    return make(np.asarray(array), False)


def is_tensor(obj: Any) -> bool:
    return isinstance(obj, Tensor)


def _finish(value: Any, dtype: Any, requires_grad: bool) -> Tensor:
    if dtype is not None:
        value = value.astype(dtype, copy=False)
    result = make(value, False)
    if requires_grad:
        result.requires_grad_(True)
    return result


def shape_of(size: tuple[Any, ...]) -> tuple[int, ...]:
    """``zeros(2, 3)`` and ``zeros((2, 3))`` (or a ``Size``) name the same shape."""
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = tuple(size[0])
    for n in size:
        if not isinstance(n, (int, np.integer)) and not (isinstance(n, Tensor) and n.numel() == 1):
            raise TypeError(
                f"size must be a tuple of ints, but got an element of type {type(n).__name__}"
            )
    shape = tuple(int(n) for n in size)
    check_shape(shape)
    return shape


def arange(start: float, end: float | None = None, step: float = 1, *, dtype: Any = None,
           requires_grad: bool = False) -> Tensor:  # fmt: skip
    """Like PyTorch: integers give int64, any float argument gives the default float dtype."""
    if end is None:
        start, end = 0, start
    bounds = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    if bounds[2] == 0:
        raise RuntimeError("step must be nonzero")
    is_integral = all(isinstance(v, (int, np.integer)) for v in bounds)
    check_allocation(max(0.0, np.ceil((bounds[1] - bounds[0]) / bounds[2])))
    values = np.arange(*bounds, dtype=np.int64 if is_integral else np.float64)
    return _finish(values, dtype or (None if is_integral else default_float()), requires_grad)


def linspace(start: float, end: float, steps: int, *, dtype: Any = None,
             requires_grad: bool = False) -> Tensor:  # fmt: skip
    check_allocation(int(steps))
    values = np.linspace(start, end, int(steps))
    return _finish(values, dtype or default_float(), requires_grad)


def zeros(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.zeros(shape_of(size), dtype or default_float()), None, requires_grad)


def empty(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """Uninitialised memory in PyTorch; zeros here, so no stale numbers ever show."""
    return zeros(*size, dtype=dtype, requires_grad=requires_grad)


def ones(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.ones(shape_of(size), dtype or default_float()), None, requires_grad)


def full(size: Any, fill_value: float, *, dtype: Any = None, requires_grad: bool = False):
    """Like PyTorch: the dtype follows ``fill_value`` (int64, bool, or the default float)."""
    if dtype is None:
        kind = np.asarray(fill_value).dtype.kind
        dtype = {"i": np.int64, "u": np.int64, "b": np.bool_}.get(kind, default_float())
    return _finish(np.full(shape_of((size,)), fill_value, dtype), None, requires_grad)


def eye(n: int, m: int | None = None, *, dtype: Any = None, requires_grad: bool = False):
    check_shape((int(n), int(n if m is None else m)))
    return _finish(np.eye(int(n), None if m is None else int(m), dtype=dtype or default_float()),
                   None, requires_grad)  # fmt: skip


def _like(maker: Any, input: Tensor, dtype: Any, requires_grad: bool) -> Tensor:
    check_shape(np.shape(input._value))
    value = maker(np.shape(input._value), dtype or input._value.dtype)
    return _finish(value, None, requires_grad)


def zeros_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _like(np.zeros, input, dtype, requires_grad)


def empty_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _like(np.zeros, input, dtype, requires_grad)


def ones_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _like(np.ones, input, dtype, requires_grad)


def full_like(input: Tensor, fill_value: float, *, dtype: Any = None,
              requires_grad: bool = False) -> Tensor:  # fmt: skip
    value = np.full(np.shape(input._value), fill_value, dtype or input._value.dtype)
    return _finish(value, None, requires_grad)
