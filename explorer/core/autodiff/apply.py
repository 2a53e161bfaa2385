"""Running one op: its forward value, its graph node, its forward-mode tangent, PyTorch's errors.

Every op of the core passes through ``apply_elementwise`` or ``apply_structural``, so this is where
numpy's broadcasting error becomes PyTorch's ``The size of tensor a (2) must match the size of
tensor b (3) at non-singleton dimension 0``.

inf and NaN arise silently, as in PyTorch: numpy's floating-point warnings raised by the core's
own code (its rules, and the function table's numpy forms) are ignored by a warnings filter on
those modules, kept first in ``warnings.filters`` (``quiet_numpy``, a check of one list entry
per op). Switching numpy's error state around every op would cost several times a scalar op
itself; numpy code outside the core keeps its warnings.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from explorer.core.autodiff import rules as R
from explorer.core.autodiff.allocation import AllocationCheck, check_allocation, check_shape
from explorer.core.autodiff.dtypes import result_type
from explorer.core.autodiff.engine import GradMode
from explorer.core.autodiff.shape_errors import is_broadcast_error, size_mismatch_error
from explorer.core.autodiff.tensor import Tensor, make

_NDARRAY = np.ndarray


class _QuietFilter:
    """The filter entry ``quiet_numpy`` put first in ``warnings.filters``."""

    entry: Any = None


def quiet_numpy() -> None:
    """Put the core's warnings filter first again if something has moved it: a
    ``warnings.catch_warnings`` block works on a copy of the filters, which it throws away (and
    pytest imports test modules inside one), and ``simplefilter`` inserts before it."""
    filters = warnings.filters
    if not filters or filters[0] is not _QuietFilter.entry:
        warnings.filterwarnings(
            "ignore", category=RuntimeWarning, module=r"explorer\.core\.(autodiff\.\w+|functions)$"
        )
        _QuietFilter.entry = warnings.filters[0]


def apply_elementwise(rule: R.OpRule, inputs: tuple) -> Tensor:
    """Run an elementwise rule forward; record the node if any input requires grad."""
    filters = warnings.filters
    if not filters or filters[0] is not _QuietFilter.entry:  # quiet_numpy's test, inlined
        quiet_numpy()  # (a scalar op costs about as much as a call)
    try:
        if AllocationCheck.check is not None:
            check_shape(np.broadcast_shapes(*(np.shape(t._value) for t in inputs)))
        if len(inputs) == 2:
            a, b = inputs
            first, second = a._value, b._value
            # PyTorch's promotion, not numpy's, when the dtypes differ. Two numpy scalars (0-dim
            # values) of one type have one dtype, which spares reading it (a tenth of the op).
            kind = type(first)
            if (kind is not type(second) or kind is _NDARRAY) and first.dtype is not second.dtype:
                first, second = promoted([first, second])
            value = rule.forward(first, second)
            track = GradMode.enabled and (a._requires_grad or b._requires_grad)
            has_tangent = a._tangent is not None or b._tangent is not None
        elif len(inputs) == 1:
            a = inputs[0]
            value = rule.forward(a._value)
            track = GradMode.enabled and a._requires_grad
            has_tangent = a._tangent is not None
        else:
            values = [t._value for t in inputs]
            start = 1 if rule is R.WHERE else 0  # where's condition keeps its bool dtype
            value = rule.forward(*values[:start], *promoted(values[start:]))
            track = GradMode.enabled and any(t._requires_grad for t in inputs)
            has_tangent = any(t._tangent is not None for t in inputs)
        result = make(value, True, rule, inputs) if track else make(value, False)
        if has_tangent:
            result._tangent = _elementwise_tangent(rule, inputs, result._value)
    except ValueError as error:
        if is_broadcast_error(error):
            raise size_mismatch_error([np.shape(t._value) for t in inputs]) from None
        raise
    return result


def promoted(values: list) -> list:
    """The values cast to the dtype PyTorch's promotion gives them together."""
    target = result_type(values)
    return [v if v.dtype == target else v.astype(target) for v in values]


def _elementwise_tangent(rule: R.OpRule, inputs: tuple, out: Any) -> Any:
    values = [t._value for t in inputs]
    total = None
    for index, argument in enumerate(inputs):
        tangent = argument._tangent
        if tangent is None:
            continue
        partial = rule.partials[index](*values, out)
        if partial is R.MINUS_ONE:
            contribution = -tangent
        elif partial is R.PLUS_ONE:
            contribution = tangent
        else:
            contribution = tangent * partial
        total = contribution if total is None else total + contribution
    return np.broadcast_to(total, np.shape(out)) if np.shape(total) != np.shape(out) else total


def apply_structural(rule: R.OpRule, inputs: tuple, extra: Any) -> Tensor:
    """Run a structural rule (reduction, dot, reshape, ...) forward and record its node."""
    quiet_numpy()
    values = [t._value for t in inputs]
    value = rule.forward(*values, extra)
    check_allocation(np.size(value))
    track = GradMode.enabled and any(t._requires_grad for t in inputs)
    result = make(value, True, rule, inputs, extra) if track else make(value, False)
    if rule.is_view:  # a view shares its base's memory, so its version counter (PyTorch's rule)
        result._counter = inputs[0]._shared_counter()
        if track:
            result._node._counter = result._counter
            result._base = inputs[0]  # an in-place write through the view changes the base
    if any(t._tangent is not None for t in inputs):
        tangents = [t._tangent for t in inputs]
        result._tangent = rule.jvp(tangents, values, result._value, extra)
    return result
