"""Making tensors (``tensor``, ``arange``, ``zeros``, ``randn``, …), dtypes, random generators,
and the ``grad_fn`` objects that name a node the way PyTorch does (``MulBackward0``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff.allocation import check_allocation, check_shape
from explorer.core.autodiff.dtypes import default_float
from explorer.core.autodiff.tensor import Tensor, make


def _python_items_to_numpy(data: Any) -> Any:
    """Nested lists may hold tensors; one-element tensors count as numbers, as in PyTorch."""
    if isinstance(data, Tensor):
        return data.item() if data.numel() == 1 else np.asarray(data._value)
    if isinstance(data, (list, tuple)):
        return [_python_items_to_numpy(item) for item in data]
    return data


def _is_sequence(item: Any) -> bool:
    return isinstance(item, (list, tuple, np.ndarray))


def _ragged_error(items: Any) -> Exception | None:
    """PyTorch's error for nested lists of unequal lengths (its ``recursive_store`` check): the
    shape is read down the first elements, then every sequence must match it."""
    shape, first = [], items
    while _is_sequence(first):
        shape.append(len(first))
        first = first[0] if len(first) else None
    level = [items]
    for dim, length in enumerate(shape):
        following = []
        for sequence in level:
            if not _is_sequence(sequence):
                return TypeError("not a sequence")
            if len(sequence) != length:
                return ValueError(
                    f"expected sequence of length {length} at dim {dim} (got {len(sequence)})"
                )
            following.extend(sequence)
        level = following
    misplaced = next((item for item in level if _is_sequence(item)), None)
    if misplaced is not None:  # a sequence where the first elements had a number
        if isinstance(first, (int, np.integer)):
            return TypeError(
                f"'{type(misplaced).__name__}' object cannot be interpreted as an integer"
            )
        return TypeError(f"must be real number, not {type(misplaced).__name__}")
    return None


def to_array(data: Any, dtype: Any) -> Any:
    """A fresh numpy value for ``data`` (a numpy scalar when 0-dim); floats default to the
    default dtype."""
    if isinstance(data, Tensor):
        value = np.array(data._value, dtype=dtype)
    else:
        items = _python_items_to_numpy(data)
        try:
            value = np.array(items, dtype=dtype)
        except ValueError as error:
            raise _ragged_error(items) or error from None
    if dtype is None and value.dtype.kind == "f" and not _keeps_own_dtype(data):
        value = value.astype(default_float(), copy=False)  # Python floats: the default dtype
    if value.dtype.kind not in "biufc":
        raise TypeError(f"can't convert {type(data).__name__} of dtype {value.dtype} to a tensor")
    return value[()] if value.ndim == 0 else value


def _keeps_own_dtype(data: Any) -> bool:
    """numpy arrays and tensors keep their dtype in ``tensor(data)``, as in PyTorch."""
    return (
        isinstance(data, (Tensor, np.ndarray, np.generic)) and np.asarray(data).dtype != np.float16
    )


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


class GradFn:
    """What ``tensor.grad_fn`` returns: the node that made the tensor, named like PyTorch's."""

    __slots__ = ("_tensor",)

    def __init__(self, tensor: Tensor) -> None:
        self._tensor = tensor

    def name(self) -> str:
        return self._tensor._op.backward_name

    @property
    def next_functions(self) -> tuple[tuple[Any, int], ...]:
        functions = []
        for argument in self._tensor._inputs:
            if argument._op is not None:
                functions.append((grad_fn_of(argument), 0))
            elif argument._requires_grad:
                functions.append((AccumulateGrad(argument), 0))
            else:
                functions.append((None, 0))
        return tuple(functions)

    def __repr__(self) -> str:
        return f"<{self.name()} object at {id(self):#x}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GradFn) and other._tensor is self._tensor

    def __hash__(self) -> int:
        return hash(id(self._tensor))


_GRAD_FN_CLASSES: dict[str, type[GradFn]] = {}


def grad_fn_of(tensor: Tensor) -> GradFn:
    """The node behind a non-leaf tensor, an instance of a class named like PyTorch's
    (``type(y.grad_fn).__name__ == "MulBackward0"``); one small subclass per name, made once."""
    name = tensor._op.backward_name
    node_class = _GRAD_FN_CLASSES.get(name)
    if node_class is None:
        node_class = _GRAD_FN_CLASSES[name] = type(name, (GradFn,), {"__slots__": ()})
    return node_class(tensor)


class AccumulateGrad:
    """The end of a path in ``next_functions``: where a leaf's ``.grad`` is accumulated."""

    def __init__(self, tensor: Tensor) -> None:
        self.variable = tensor

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"

    next_functions: tuple = ()

    def __repr__(self) -> str:
        return f"<AccumulateGrad object at {id(self):#x}>"
