"""Truth tests and two small reductions PyTorch users reach for: ``all``, ``any``, ``isclose``,
``allclose``, ``square`` and ``logsumexp`` (whose gradient is the softmax).

As elsewhere, each function checks its arguments with PyTorch's words and picks a rule; the truth
tests record no graph (their results are bool tensors, which never require grad).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff import structural_stats as SS
from explorer.core.autodiff.apply import apply_structural
from explorer.core.autodiff.creation import as_tensor
from explorer.core.autodiff.dtypes import default_float
from explorer.core.autodiff.functional_stats import dim_arguments, legacy_name, to_dtype
from explorer.core.autodiff.shape_errors import checked_dims
from explorer.core.autodiff.tensor import Tensor, make


def _truth(reducer: Any, name: str, input: Any, dim: Any, keepdim: bool, aliases: dict) -> Tensor:
    dim, keepdim = dim_arguments(name, dim, keepdim, aliases)
    value = np.asarray(as_tensor(input)._value)
    dims = checked_dims(dim, value.ndim)
    return make(reducer(value != 0, axis=dims, keepdims=bool(keepdim)), False)


def all(input: Any, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Tensor:  # noqa: A001
    """Whether every element is nonzero (True), over ``dim`` or the whole tensor."""
    return _truth(np.all, "all", input, dim, keepdim, aliases)


def any(input: Any, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Tensor:  # noqa: A001
    """Whether some element is nonzero (True), over ``dim`` or the whole tensor."""
    return _truth(np.any, "any", input, dim, keepdim, aliases)


def _close(input: Tensor, other: Any, rtol: float, atol: float, equal_nan: bool) -> np.ndarray:
    if not isinstance(other, Tensor):
        raise TypeError(
            f"isclose(): argument 'other' (position 2) must be Tensor, not {type(other).__name__}"
        )
    if input._value.dtype != other._value.dtype:
        raise RuntimeError(f"{legacy_name(input)} did not match {legacy_name(other)}")
    # |input − other| ≤ atol + rtol·|other|, PyTorch's (asymmetric) test, as numpy's isclose.
    return np.isclose(input._value, other._value, rtol=rtol, atol=atol, equal_nan=equal_nan)


def isclose(input: Tensor, other: Any, rtol: float = 1e-05, atol: float = 1e-08,
            equal_nan: bool = False) -> Tensor:  # fmt: skip
    """Elementwise ``|input − other| ≤ atol + rtol·|other|`` as a bool tensor."""
    return make(_close(as_tensor(input), other, rtol, atol, equal_nan), False)


def allclose(input: Tensor, other: Any, rtol: float = 1e-05, atol: float = 1e-08,
             equal_nan: bool = False) -> bool:  # fmt: skip
    """Whether ``isclose`` holds everywhere (a Python bool, as in PyTorch)."""
    return bool(np.all(_close(as_tensor(input), other, rtol, atol, equal_nan)))


def square(input: Any) -> Tensor:
    """``input ** 2`` (PyTorch records it as ``PowBackward0``)."""
    return as_tensor(input) ** 2


def logsumexp(input: Any, dim: Any, keepdim: bool = False) -> Tensor:
    """log Σ exp(input) over ``dim``, without overflow; its gradient is the softmax."""
    input = as_tensor(input)
    if input._value.dtype.kind not in "fc":
        input = to_dtype(input, default_float())  # PyTorch promotes integers to the default float
    extra = (checked_dims(dim, input.ndim), bool(keepdim))
    return apply_structural(SS.LOGSUMEXP, (input,), extra)
