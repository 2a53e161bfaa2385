"""Binds the operations onto Tensor: operators (``a * b``), in-place forms, methods (``t.exp()``).

Kept apart from the class so the class stays about values and graph bookkeeping, and so every
method is visibly one of the functions in ``functional.py`` (no rule lives here).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff import functional as F
from explorer.core.autodiff import rules as R
from explorer.core.autodiff.engine import GradMode
from explorer.core.autodiff.tensor import Tensor, apply_elementwise, lift, make


def _operator(rule: R.OpRule, scalar_rule: R.OpRule):
    def operator(self: Tensor, other: Any) -> Any:
        # The hot path of scalar graphs: two tensors, no conversions.
        if type(other) is Tensor:
            return apply_elementwise(rule, (self, other))
        other = lift(other, self)
        if other is NotImplemented:
            return NotImplemented
        return apply_elementwise(scalar_rule, (self, other))

    return operator


def _reflected(rule: R.OpRule):
    def operator(self: Tensor, other: Any) -> Any:
        other = lift(other, self)
        if other is NotImplemented:
            return NotImplemented
        return apply_elementwise(rule, (other, self))

    return operator


def _comparison(ufunc: np.ufunc):
    def compare(self: Tensor, other: Any) -> Any:
        other_value = other._value if isinstance(other, Tensor) else other
        if isinstance(other_value, (list, tuple)):
            other_value = np.asarray(other_value)
        return make(ufunc(self._value, other_value), False)

    return compare


def _in_place(function):
    def operator(self: Tensor, other: Any) -> Tensor:
        self._check_in_place()
        if GradMode.enabled and self._requires_grad:
            # A graph node cannot be changed in place without invalidating its users; return
            # a new node instead (Python rebinds the name), which computes the same values.
            return function(self, other)
        result = function(self, other)
        value = result._value
        if isinstance(self._value, np.ndarray):
            self._own_value()[...] = value
        else:
            self._value = self._value.dtype.type(value)
        return self

    return operator


def _matmul(self: Tensor, other: Any) -> Tensor:
    return F.matmul(self, other)


def _rmatmul(self: Tensor, other: Any) -> Tensor:
    return F.matmul(other, self)


OPERATORS: dict[str, Any] = {
    "__add__": _operator(R.ADD, R.ADD_SCALAR),
    "__radd__": _reflected(R.ADD_SCALAR),
    "__sub__": _operator(R.SUB, R.SUB_SCALAR),
    "__rsub__": _reflected(R.RSUB_SCALAR),
    "__mul__": _operator(R.MUL, R.MUL),
    "__rmul__": _reflected(R.MUL),
    "__truediv__": _operator(R.DIV, R.DIV),
    "__rtruediv__": _reflected(R.DIV),
    "__pow__": _operator(R.POW, R.POW_SCALAR_EXPONENT),
    "__rpow__": _reflected(R.POW_SCALAR_BASE),
    "__matmul__": _matmul,
    "__rmatmul__": _rmatmul,
    "__neg__": F.neg,
    "__pos__": lambda self: self,
    "__abs__": F.TABLE_FUNCTIONS["abs"],
    "__lt__": _comparison(np.less),
    "__le__": _comparison(np.less_equal),
    "__gt__": _comparison(np.greater),
    "__ge__": _comparison(np.greater_equal),
    "__eq__": _comparison(np.equal),
    "__ne__": _comparison(np.not_equal),
}
for _name in ("add", "sub", "mul", "truediv", "pow"):
    OPERATORS[f"__i{_name}__"] = _in_place(OPERATORS[f"__{_name}__"])

METHODS: dict[str, Any] = {
    "add": F.add,
    "sub": F.sub,
    "mul": F.mul,
    "div": F.div,
    "pow": F.pow,
    "neg": F.neg,
    "maximum": F.maximum,
    "minimum": F.minimum,
    "sum": F.sum,
    "mean": F.mean,
    "norm": F.norm,
    "max": F.max,
    "min": F.min,
    "dot": F.dot,
    "matmul": F.matmul,
    "mm": F.matmul,
    "reshape": F.reshape,
    "view": F.reshape,
    "flatten": F.flatten,
    "squeeze": F.squeeze,
    "unsqueeze": F.unsqueeze,
    "permute": F.permute,
    "transpose": F.transpose,
    "t": F.t,
    "to": F.to_dtype,
    "float": lambda self: F.to_dtype(self, np.float32),
    "double": lambda self: F.to_dtype(self, np.float64),
    "T": property(lambda self: F.permute(self, tuple(reversed(range(self.ndim))))),
    "mT": property(lambda self: F.transpose(self, -2, -1)),
    **{name: function for name, function in F.TABLE_FUNCTIONS.items()},
}


def install() -> None:
    for name, member in {**OPERATORS, **METHODS}.items():
        setattr(Tensor, name, member)


install()
