"""How numpy's ufuncs and functions meet tensors (``np.cos(t)``, ``ndarray * t``, ``np.where``).

A numpy ufunc given a tensor runs the tensor's own op, so ``ndarray * tensor`` is recorded like
``tensor * ndarray``. This is also what makes higher-order gradients possible without a second
set of rules: with ``create_graph=True`` the engine hands the rules tensors instead of arrays,
and a rule written with numpy (``lambda x, out: np.cos(x)``, ``np.where(...)``, ``np.sum``)
then records the operations it performs. A numpy function with no tensor form here raises in
that mode instead of silently treating a tensor as a constant; outside it, tensors are turned
into arrays as before (``np.allclose(t, ...)``).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from explorer.core.autodiff import functional as F
from explorer.core.autodiff import functional_logic as FL
from explorer.core.autodiff import functional_shapes as FSh
from explorer.core.autodiff import functional_stats as FS
from explorer.core.autodiff.engine import Differentiating
from explorer.core.autodiff.tensor import Tensor

# ufunc -> (the tensor's operator when it comes first, when it comes second)
_OPERATORS = {
    np.add: ("__add__", "__radd__"), np.subtract: ("__sub__", "__rsub__"),
    np.multiply: ("__mul__", "__rmul__"), np.true_divide: ("__truediv__", "__rtruediv__"),
    np.power: ("__pow__", "__rpow__"), np.remainder: ("__mod__", "__rmod__"),
    np.floor_divide: ("__floordiv__", "__rfloordiv__"),
    np.matmul: ("__matmul__", "__rmatmul__"), np.greater: ("__gt__", "__lt__"),
    np.less: ("__lt__", "__gt__"), np.greater_equal: ("__ge__", "__le__"),
    np.less_equal: ("__le__", "__ge__"), np.equal: ("__eq__", "__eq__"),
    np.not_equal: ("__ne__", "__ne__"),
}  # fmt: skip

_TABLE = F.TABLE_FUNCTIONS
_FUNCTIONS_OF_ONE = {
    np.negative: F.neg, np.positive: lambda t: t, np.sin: _TABLE["sin"], np.cos: _TABLE["cos"],
    np.tan: _TABLE["tan"], np.arcsin: _TABLE["asin"], np.arccos: _TABLE["acos"],
    np.arctan: _TABLE["atan"], np.sinh: _TABLE["sinh"], np.cosh: _TABLE["cosh"],
    np.tanh: _TABLE["tanh"], np.arcsinh: _TABLE["asinh"], np.arccosh: _TABLE["acosh"],
    np.arctanh: _TABLE["atanh"], np.exp: _TABLE["exp"], np.log: _TABLE["log"],
    np.log2: _TABLE["log2"], np.log10: _TABLE["log10"], np.sqrt: _TABLE["sqrt"],
    np.cbrt: _TABLE["cbrt"], np.absolute: _TABLE["abs"], np.sign: _TABLE["sign"],
    np.floor: _TABLE["floor"], np.ceil: _TABLE["ceil"], np.expm1: F.expm1, np.log1p: F.log1p,
    np.square: FL.square, np.reciprocal: F.reciprocal,
}  # fmt: skip


def _logaddexp(a: Any, b: Any) -> Tensor:
    """log(eᵃ + eᵇ) without overflow, from recorded operations."""
    larger = F.maximum(F.as_tensor(a), F.as_tensor(b))
    return larger + F.log1p(_TABLE["exp"](-_TABLE["abs"](F.sub(a, b))))


def array_ufunc(ufunc: np.ufunc, method: str, inputs: tuple, kwargs: dict) -> Any:
    """``Tensor.__array_ufunc__``: the tensor op a ufunc call stands for."""
    if method != "__call__" or kwargs:
        return NotImplemented
    if len(inputs) == 1 and ufunc in _FUNCTIONS_OF_ONE:
        return _FUNCTIONS_OF_ONE[ufunc](inputs[0])
    names = _OPERATORS.get(ufunc)
    if names is not None:
        first, second = inputs
        if isinstance(first, Tensor):
            return getattr(first, names[0])(second)
        return getattr(second, names[1])(first)
    if ufunc is np.maximum or ufunc is np.minimum:
        return (F.maximum if ufunc is np.maximum else F.minimum)(*inputs)
    if ufunc is np.logaddexp:
        return _logaddexp(*inputs)
    if ufunc is np.arctan2:
        return _TABLE["atan2"](*(F.as_tensor(value) for value in inputs))
    return NotImplemented


def _expand_dims(a: Any, axis: Any) -> Tensor:
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    shape = list(np.shape(a))
    for position in sorted(d % (len(shape) + len(axes)) for d in axes):
        shape.insert(position, 1)
    return F.reshape(F.as_tensor(a), tuple(shape))


def _squeeze(a: Any, axis: Any = None) -> Tensor:
    if axis is None:
        return F.squeeze(a)
    axes = {d % np.ndim(a) for d in ((axis,) if isinstance(axis, int) else axis)}
    return F.reshape(a, tuple(n for i, n in enumerate(np.shape(a)) if i not in axes))


def _along(axis: int, ndim: int, part: Any) -> tuple:
    return (slice(None),) * (axis % ndim) + (part,)


def _split(a: Any, boundaries: Any, axis: int = 0) -> list[Tensor]:
    edges = [0, *(int(b) for b in boundaries), np.shape(a)[axis]]
    return [a[_along(axis, a.ndim, slice(lo, hi))] for lo, hi in itertools.pairwise(edges)]


def _flip(a: Any, axis: int) -> Tensor:
    return a[_along(axis, a.ndim, slice(None, None, -1))]


def _transpose(a: Any, axes: Any = None) -> Tensor:
    return F.permute(a, tuple(reversed(range(a.ndim))) if axes is None else tuple(axes))


_ARRAY_FUNCTIONS = {
    np.where: lambda condition, x, y: FS.where(F.as_tensor(condition), x, y),
    np.broadcast_to: lambda a, shape: F.expand(F.as_tensor(a), tuple(shape)),
    np.expand_dims: _expand_dims,
    np.squeeze: _squeeze,
    np.reshape: lambda a, shape: F.reshape(a, shape),
    np.transpose: _transpose,
    np.swapaxes: lambda a, first, second: F.transpose(a, first, second),
    np.sum: lambda a, axis=None, keepdims=False, dtype=None: F.sum(a, axis, keepdims),
    np.mean: lambda a, axis=None, keepdims=False, dtype=None: F.mean(a, axis, keepdims),
    np.prod: lambda a, axis=None, keepdims=False, dtype=None: FS.prod(a, axis, keepdims),
    np.cumsum: lambda a, axis=None, dtype=None: FS.cumsum(a, axis),
    np.flip: _flip,
    np.einsum: FSh.einsum,
    np.take: lambda a, index, axis: a[_along(axis, a.ndim, index)],
    np.split: _split,
    np.matmul: lambda a, b: F.matmul(a, b),
    # Shapes, dtypes and constants made from a tensor's value are not differentiated.
    np.shape: lambda a: tuple(np.shape(np.asarray(a))),
    np.ndim: lambda a: np.ndim(np.asarray(a)),
    np.size: lambda a, axis=None: np.size(np.asarray(a), axis),
    np.result_type: lambda *args: np.result_type(*_plain(args)),
    np.zeros_like: lambda a, dtype=None: np.zeros_like(np.asarray(a), dtype=dtype),
    np.ones_like: lambda a, dtype=None: np.ones_like(np.asarray(a), dtype=dtype),
}


def _plain(item: Any) -> Any:
    if isinstance(item, Tensor):
        return np.asarray(item._value)
    if isinstance(item, (list, tuple)):
        return type(item)(_plain(part) for part in item)
    if isinstance(item, dict):
        return {key: _plain(value) for key, value in item.items()}
    return item


def array_function(function: Any, args: tuple, kwargs: dict) -> Any:
    """``Tensor.__array_function__``: a numpy function given tensors. While gradients are being
    recorded for differentiating again, only functions with a tensor form are allowed."""
    if Differentiating.active:
        tensor_form = _ARRAY_FUNCTIONS.get(function)
        if tensor_form is None:
            raise NotImplementedError(
                f"create_graph=True: numpy.{function.__name__} in a derivative rule has no "
                "differentiable form in explorer.autodiff"
            )
        return tensor_form(*args, **kwargs)
    return function(*_plain(args), **_plain(kwargs))
