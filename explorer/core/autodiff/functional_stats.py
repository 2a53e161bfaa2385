"""More operations as functions: statistics (``var``, ``std``, ``prod``, ``cumsum``), ``argmax``,
max/min along a dim with their indices, ``softmax``, ``clamp``, ``where``, dtype casts.

As in ``functional.py``, each function only checks its arguments (with PyTorch's messages) and
picks a rule from the registry. PyTorch's numpy-style keyword aliases are accepted where PyTorch
accepts them: ``axis`` for ``dim`` and ``keepdims`` for ``keepdim`` (``A.sum(axis=1)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from explorer.core.autodiff import rules as R
from explorer.core.autodiff import structural as S
from explorer.core.autodiff import structural_stats as SS
from explorer.core.autodiff.apply import apply_elementwise, apply_structural
from explorer.core.autodiff.dtypes import as_dtype
from explorer.core.autodiff.shape_errors import checked_dim, checked_dims
from explorer.core.autodiff.tensor import Size, Tensor, lift, make


def dim_arguments(name: str, dim: Any, keepdim: Any, aliases: dict[str, Any]) -> tuple[Any, Any]:
    """Resolve ``axis=`` / ``keepdims=`` (PyTorch's numpy aliases) into ``dim`` / ``keepdim``."""
    axis = aliases.pop("axis", None)
    keepdims = aliases.pop("keepdims", None)
    if aliases:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(aliases))}'")
    if axis is not None:
        if dim is not None:
            raise TypeError(f"{name}() got multiple values for argument 'dim'")
        dim = axis
    return dim, (keepdim if keepdims is None else keepdims)


def dims_tuple(dim: Any, ndim: int) -> tuple[int, ...] | None:
    """Reduction dims checked against ``ndim`` with PyTorch's IndexError (not numpy's AxisError)."""
    return checked_dims(dim, ndim)


def _reduced_dim(dim: Any, ndim: int) -> int | None:
    """One checked dim; None (the whole value) for a 0-dim tensor, whose dim 0 is itself."""
    dim = checked_dim(dim, ndim)
    return dim if ndim else None


def legacy_name(tensor: Tensor) -> str:
    """The dtype's name in PyTorch's messages: ``Long``, ``Float``, ``Double``."""
    return tensor.dtype.type_name()[len("torch.") : -len("Tensor")]


def _require_floating(name: str, tensor: Tensor) -> None:
    if tensor._value.dtype.kind not in "fc":
        raise RuntimeError(
            f"{name}(): could not infer output dtype. Input dtype must be either a floating point "
            f"or complex dtype. Got: {legacy_name(tensor)}"
        )


def _correction(unbiased: Any, correction: Any) -> int:
    if correction is not None:
        return int(correction)
    return 1 if unbiased is None or unbiased else 0


def _var_or_std(rule: Any, name: str, input: Tensor, dim: Any, unbiased: Any, keepdim: Any,
                correction: Any, aliases: dict[str, Any]) -> Tensor:  # fmt: skip
    if isinstance(dim, bool):  # the legacy std(input, unbiased) form
        dim, unbiased = None, dim
    dim, keepdim = dim_arguments(name, dim, keepdim, aliases)
    if input._value.dtype.kind not in "fc":
        raise RuntimeError("std and var only support floating point and complex dtypes")
    extra = (dims_tuple(dim, input.ndim), _correction(unbiased, correction), bool(keepdim))
    return apply_structural(rule, (input,), extra)


def var(input: Tensor, dim: Any = None, unbiased: Any = None, keepdim: bool = False, *,
        correction: Any = None, **aliases: Any) -> Tensor:  # fmt: skip
    """Sample variance (Bessel's correction by default, as in PyTorch)."""
    return _var_or_std(SS.VAR, "var", input, dim, unbiased, keepdim, correction, aliases)


def std(input: Tensor, dim: Any = None, unbiased: Any = None, keepdim: bool = False, *,
        correction: Any = None, **aliases: Any) -> Tensor:  # fmt: skip
    """Sample standard deviation (Bessel's correction by default, as in PyTorch)."""
    return _var_or_std(SS.STD, "std", input, dim, unbiased, keepdim, correction, aliases)


def _integer_to_long(input: Tensor, dtype: Any) -> Tensor:
    if dtype is not None:
        return to_dtype(input, dtype)
    if input._value.dtype.kind in "iub" and input._value.dtype != np.int64:
        return to_dtype(input, np.int64)  # PyTorch sums and multiplies integers as int64
    return input


def prod(input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None,
         **aliases: Any) -> Tensor:  # fmt: skip
    dim, keepdim = dim_arguments("prod", dim, keepdim, aliases)
    extra = (None if dim is None else _reduced_dim(dim, input.ndim), bool(keepdim))
    return apply_structural(SS.PROD, (_integer_to_long(input, dtype),), extra)


def cumsum(input: Tensor, dim: Any = None, *, dtype: Any = None, **aliases: Any) -> Tensor:
    dim, _ = dim_arguments("cumsum", dim, False, aliases)
    if dim is None:
        raise TypeError("cumsum() missing 1 required positional argument: 'dim'")
    axis = checked_dim(dim, input.ndim)
    input = _integer_to_long(input, dtype)
    if input.ndim == 0:  # numpy would make it a one-element vector; PyTorch keeps it 0-dim
        return apply_structural(SS.CUMSUM, (input,), None).reshape(())
    return apply_structural(SS.CUMSUM, (input,), axis)


def _arg_extreme(reducer: Any, input: Tensor, dim: Any, keepdim: Any, name: str,
                 aliases: dict[str, Any]) -> Tensor:  # fmt: skip
    dim, keepdim = dim_arguments(name, dim, keepdim, aliases)
    value = np.asarray(input._value)
    if dim is None:
        index = reducer(value)  # over the flattened tensor, as PyTorch does
        if keepdim:
            return make(np.full((1,) * value.ndim, index, dtype=np.int64), False)
        return make(np.int64(index), False)
    axis = _reduced_dim(dim, value.ndim)
    return make(reducer(value, axis=axis, keepdims=bool(keepdim)).astype(np.int64), False)


def argmax(input: Tensor, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Tensor:
    """Index of the first maximum (of the flattened tensor when ``dim`` is None)."""
    return _arg_extreme(np.argmax, input, dim, keepdim, "argmax", aliases)


def argmin(input: Tensor, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Tensor:
    """Index of the first minimum (of the flattened tensor when ``dim`` is None)."""
    return _arg_extreme(np.argmin, input, dim, keepdim, "argmin", aliases)


class _ReturnType(NamedTuple):
    values: Tensor
    indices: Tensor


class max_values(_ReturnType):  # noqa: N801 - printed as PyTorch's torch.return_types.max
    def __repr__(self) -> str:
        return f"torch.return_types.max(\nvalues={self.values!r},\nindices={self.indices!r})"


class min_values(_ReturnType):  # noqa: N801 - printed as PyTorch's torch.return_types.min
    def __repr__(self) -> str:
        return f"torch.return_types.min(\nvalues={self.values!r},\nindices={self.indices!r})"


def extreme_along(input: Tensor, dim: int, keepdim: bool, largest: bool) -> _ReturnType:
    """``max(input, dim)``: the values and the (first) indices where they are attained."""
    value = np.asarray(input._value)
    dim = checked_dim(dim, value.ndim)
    if value.ndim == 0:  # its one element, index 0: as along the dim of a one-element vector
        return extreme_along(apply_structural(S.UNSQUEEZE, (input,), (1,)), 0, False, largest)
    reducer = np.argmax if largest else np.argmin
    indices = reducer(value, axis=dim, keepdims=True)
    rule = SS.MAX_ALONG if largest else SS.MIN_ALONG
    values = apply_structural(rule, (input,), (indices, dim, bool(keepdim)))
    index_tensor = make(indices if keepdim else np.squeeze(indices, axis=dim), False)
    return (max_values if largest else min_values)(values, index_tensor)


def softmax(input: Tensor, dim: int, dtype: Any = None) -> Tensor:
    """exp(xᵢ)/Σⱼ exp(xⱼ) along ``dim`` (computed without overflow)."""
    input = input if dtype is None else to_dtype(input, dtype)
    _require_floating("softmax", input)
    return apply_structural(SS.SOFTMAX, (input,), _reduced_dim(dim, input.ndim))


def log_softmax(input: Tensor, dim: int, dtype: Any = None) -> Tensor:
    input = input if dtype is None else to_dtype(input, dtype)
    _require_floating("log_softmax", input)
    return apply_structural(SS.LOG_SOFTMAX, (input,), _reduced_dim(dim, input.ndim))


def _bound(bound: Any, input: Tensor, extreme: float) -> Tensor:
    if bound is not None:
        return lift(bound, input)
    if input._value.dtype.kind in "iu":
        info = np.iinfo(input._value.dtype)
        return make(input._value.dtype.type(info.min if extreme < 0 else info.max), False)
    return make(input._value.dtype.type(extreme), False)


def clamp(input: Tensor, min: Any = None, max: Any = None) -> Tensor:  # noqa: A002 - PyTorch's
    """Limit values to [min, max]; the gradient passes where min ≤ x ≤ max (inclusive)."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    rule = R.CLAMP
    if not isinstance(min, Tensor) and not isinstance(max, Tensor):
        rule = R.CLAMP_MIN if max is None else R.CLAMP_MAX if min is None else R.CLAMP
    lower, upper = _bound(min, input, -np.inf), _bound(max, input, np.inf)
    return apply_elementwise(rule, (input, lower, upper))


def where(condition: Tensor, input: Any = None, other: Any = None) -> Any:
    """``input`` where ``condition`` holds, else ``other``; ``where(c)``: c's nonzero indices."""
    if input is None and other is None:
        return tuple(make(i.astype(np.int64), False) for i in np.nonzero(condition._value))
    if condition._value.dtype != np.bool_:
        raise RuntimeError(
            "where expected condition to be a boolean tensor, but got a tensor with dtype "
            f"{legacy_name(condition)}"
        )
    like = input if isinstance(input, Tensor) else other
    if not isinstance(like, Tensor):
        like = make(np.asarray(input), False)
    return apply_elementwise(R.WHERE, (condition, lift(input, like), lift(other, like)))


def to_dtype(input: Tensor, dtype: Any) -> Tensor:
    """A copy in another dtype (``input`` itself when the dtype already matches, as PyTorch)."""
    numpy_dtype = np.dtype(as_dtype(dtype))
    if input._value.dtype == numpy_dtype:
        return input
    return apply_structural(S.CAST, (input,), numpy_dtype)


def numel(input: Tensor) -> int:
    return input.numel()


def broadcast_shapes(*shapes: Sequence[int]) -> tuple[int, ...]:
    return Size(np.broadcast_shapes(*[tuple(s) for s in shapes]))
