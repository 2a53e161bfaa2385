"""Binds the operations onto Tensor: operators (``a * b``), in-place forms, methods (``t.exp()``).

Kept apart from the class so the class stays about values and graph bookkeeping, and so every
method is visibly one of the functions in ``functional.py`` (no rule lives here).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff import functional as F
from explorer.core.autodiff import functional_logic as FL
from explorer.core.autodiff import functional_shapes as FSh
from explorer.core.autodiff import functional_stats as FS
from explorer.core.autodiff import numpy_protocol as NP
from explorer.core.autodiff import rules as R
from explorer.core.autodiff import shape_errors
from explorer.core.autodiff import structural as S
from explorer.core.autodiff.apply import apply_elementwise, apply_structural
from explorer.core.autodiff.dtypes import as_dtype, default_float
from explorer.core.autodiff.engine import GradMode
from explorer.core.autodiff.sampling import normal, rand
from explorer.core.autodiff.shape_errors import is_broadcast_error, size_mismatch_error
from explorer.core.autodiff.tensor import Tensor, lift, make, value_of, write_value


def _operator(rule: R.OpRule, scalar_rule: R.OpRule):
    def operator(self: Tensor, other: Any) -> Any:
        # The hot path of scalar graphs: two tensors, no conversions.
        if type(other) is Tensor:
            return apply_elementwise(rule, (self, other))
        other = lift(other, self)
        if other is NotImplemented:
            return NotImplemented
        return _integer_promotion(apply_elementwise(scalar_rule, (self, other)), self)

    return operator


def _reflected(rule: R.OpRule):
    def operator(self: Tensor, other: Any) -> Any:
        other = lift(other, self)
        if other is NotImplemented:
            return NotImplemented
        return _integer_promotion(apply_elementwise(rule, (other, self)), self)

    return operator


def _integer_promotion(result: Tensor, tensor: Tensor) -> Tensor:
    """An integer tensor with a Python number that makes floats (``x / 2``, ``x * 0.5``) gives
    the default float dtype, as in PyTorch; numpy would give float64. Integer tensors never
    require grad, so the result is a plain constant whose value can be converted."""
    if tensor._value.dtype.kind in "iub" and result._value.dtype == np.float64:
        default = default_float()
        if default != np.float64:
            result._value = result._value.astype(default)
    return result


def _comparison(ufunc: np.ufunc):
    def compare(self: Tensor, other: Any) -> Any:
        other_value = other._value if isinstance(other, Tensor) else other
        if isinstance(other_value, (list, tuple)):
            other_value = np.asarray(other_value)
        try:
            return make(ufunc(self._value, other_value), False)
        except ValueError as error:
            if is_broadcast_error(error):
                shapes = [np.shape(self._value), np.shape(other_value)]
                raise size_mismatch_error(shapes) from None
            raise

    return compare


def write_in_place(tensor: Tensor, result: Any) -> Tensor:
    """Store ``result`` into ``tensor``'s own memory, with PyTorch's checks."""
    write_value(tensor, check_in_place_result(tensor, result))
    return tensor


def check_in_place_result(tensor: Tensor, result: Any) -> Any:
    """The result's value, if it may be written into ``tensor``: it must have the tensor's shape
    (after broadcasting) and a dtype that casts to it safely (PyTorch's checks)."""
    value = result._value if isinstance(result, Tensor) else np.asarray(result)
    target = tensor._value.dtype
    if not np.can_cast(value.dtype, target, "same_kind"):
        raise RuntimeError(
            f"result type {as_dtype(value.dtype).type_name()[6:-6]} can't be cast to the desired "
            f"output type {as_dtype(target).type_name()[6:-6]}"
        )
    shape = np.shape(tensor._value)
    if np.shape(value) != shape and np.broadcast_shapes(np.shape(value), shape) != shape:
        raise RuntimeError(
            f"output with shape {list(shape)} doesn't match the broadcast shape "
            f"{list(np.broadcast_shapes(np.shape(value), shape))}"
        )
    return value


def in_place(tensor: Tensor, function: Any, *args: Any, **kwargs: Any) -> Tensor:
    """``tensor.add_(other)`` and friends: the result written into the tensor's memory. When a
    graph is being recorded (the tensor or an argument requires grad), the tensor is also rebased
    onto the op's node, as in PyTorch; leaves that require grad, and views of them, refuse."""
    tensor._check_in_place()
    tracked = any(isinstance(a, Tensor) and a._requires_grad for a in args)
    if not (GradMode.enabled and (tensor._requires_grad or tracked)):
        return write_in_place(tensor, function(tensor, *args, **kwargs))
    result = function(tensor, *args, **kwargs)
    if not isinstance(result, Tensor) or result._op is None:
        # A value that depends on nothing tracked (normal_, uniform_): the old values no longer
        # matter, so the tensor becomes a fill with it.
        return tensor.fill_(as_tensor_value(check_in_place_result(tensor, result)))
    check_in_place_result(tensor, result)
    return rebase_view(tensor, result)


def rebase_view(tensor: Tensor, result: Tensor) -> Tensor:
    """``tensor`` becomes ``result``; when it is a view (``v = y[0]``, ``y.view(2, 3)``,
    ``y.t()``), the tensor it views changes too, as in PyTorch (CopySlices): the base becomes
    itself with the view's part replaced (a view of a view passes it on up), and the view is
    then taken again from the new base. One write, so the version they share moves on by one."""
    op = tensor._op
    if op is None or not op.is_view:
        return tensor._rebase(result)
    base, extra = tensor._base, tensor._node._extra
    if op.name == "index":
        changed_base = apply_structural(S.index_put_rule(extra), (base, result), extra)
    elif op.name == "reshape":
        changed_base = apply_structural(S.RESHAPE_BACK, (result,), tuple(base.shape))
    elif op.name == "permute":
        changed_base = apply_structural(S.PERMUTE_BACK, (result,), tuple(np.argsort(extra)))
    else:  # an expanded view: several of its elements are one element of the base
        raise RuntimeError(
            "unsupported operation: more than one element of the written-to tensor refers to a "
            "single memory location. Please clone() the tensor before performing the operation."
        )
    tensor._retire(result)  # before the base's write changes this memory
    rebase_view(base, changed_base)
    view = apply_structural(op, (base,), extra)
    return tensor._become(view, write=False)


def as_tensor_value(value: Any) -> Tensor:
    return make(np.asarray(value), False)


def _in_place(function):
    def operator(self: Tensor, other: Any) -> Tensor:
        return in_place(self, function, other)

    return operator


def _in_place_method(name: str, function):
    def method(self: Tensor, *args: Any, **kwargs: Any) -> Tensor:
        return in_place(self, function, *args, **kwargs)

    method.__name__ = name
    return method


def _index_key(key: Any) -> Any:
    if isinstance(key, Tensor):
        return np.asarray(key._value)
    if isinstance(key, tuple):
        return tuple(np.asarray(k._value) if isinstance(k, Tensor) else k for k in key)
    return key


def _getitem(self: Tensor, key: Any) -> Tensor:
    key = _index_key(key)
    try:
        return apply_structural(S.index_rule(key), (self,), key)
    except IndexError as error:
        raise shape_errors.index_error(error, self._value, key) from None


def _setitem(self: Tensor, key: Any, other: Any) -> None:
    self._check_in_place()
    if not isinstance(self._value, np.ndarray):
        raise TypeError("cannot assign into a 0-d tensor by index; use .fill_()")
    key = _index_key(key)
    tracked = isinstance(other, Tensor) and other._requires_grad
    try:
        if GradMode.enabled and (self._requires_grad or tracked):
            # PyTorch records the write (CopySlices, IndexPutBackward0) and rebases self.
            value = lift(other, self)
            rebase_view(self, apply_structural(S.index_put_rule(key), (self, value), key))
        else:
            self._own_value()[key] = value_of(other, None)
    except IndexError as error:
        raise shape_errors.index_error(error, self._value, key) from None


def _fill(self: Tensor, number: Any, rule: R.OpRule) -> Tensor:
    """``zero_`` and ``fill_``: recorded as an op when a graph is being recorded (the new value
    depends on nothing before, so no gradient flows to the old one), else a plain write."""
    self._check_in_place()
    if GradMode.enabled and (self._requires_grad or getattr(number, "_requires_grad", False)):
        value = number if isinstance(number, Tensor) else make(np.asarray(number), False)
        return rebase_view(self, apply_elementwise(rule, (self, value)))
    write_value(self, number)
    return self


def _clone(self: Tensor) -> Tensor:
    return apply_elementwise(R.POS, (self,))


def _type(self: Tensor, dtype: Any = None, non_blocking: bool = False) -> Any:
    """``t.type()`` names the tensor type (``torch.FloatTensor``); ``t.type(d)`` casts."""
    if dtype is None:
        return self.dtype.type_name()
    return FS.to_dtype(self, dtype)


def _to(self: Tensor, *args: Any, dtype: Any = None, device: Any = None, copy: bool = False,
        non_blocking: bool = False) -> Tensor:  # fmt: skip
    """``t.to(torch.float32)``, ``t.to(other)``, ``t.to('cpu')``, ``t.to('cpu', torch.float64)``."""
    for argument in args:
        if isinstance(argument, Tensor):
            dtype = argument.dtype
        elif isinstance(argument, str) and not argument.startswith("torch."):
            device = argument
        else:
            dtype = argument
    if device is not None and not str(device).startswith("cpu"):
        raise RuntimeError(
            f"device '{device}' is not available: explorer.autodiff computes on the CPU only"
        )
    result = self if dtype is None else FS.to_dtype(self, dtype)
    return result.clone() if copy and result is self else result


def _normal_(self: Tensor, mean: float = 0.0, std: float = 1.0, *, generator: Any = None):
    return normal(mean, std, size=self.shape, generator=generator, dtype=self.dtype)


def _uniform_(self: Tensor, a: float = 0.0, b: float = 1.0, *, generator: Any = None, **bounds):
    a, b = bounds.get("from", a), bounds.get("to", b)
    return rand(self.shape, generator=generator, dtype=self.dtype) * (b - a) + a


def _copy_(self: Tensor, src: Any, non_blocking: bool = False) -> Any:
    if isinstance(src, Tensor) and src._requires_grad and GradMode.enabled:
        return self * 0 + src  # recorded: the gradient goes to src, none to the old value
    return src._value if isinstance(src, Tensor) else np.asarray(src)


def _contiguous(self: Tensor, memory_format: Any = None) -> Tensor:
    value = self._value
    if type(value) is not np.ndarray or value.flags.c_contiguous:
        return self  # PyTorch returns the tensor itself when it is contiguous already
    return apply_structural(S.CONTIGUOUS, (self,), None)


def _rtruediv(self: Tensor, other: Any) -> Any:
    """``number / tensor`` as PyTorch computes it: ``tensor.reciprocal() * number``."""
    reciprocal = _integer_promotion(F.reciprocal(self), self)  # 1 / int tensor: default float
    other = lift(other, reciprocal)
    if other is NotImplemented:
        return NotImplemented
    return apply_elementwise(R.MUL, (reciprocal, other))


def _matmul(self: Tensor, other: Any) -> Tensor:
    return F.matmul(self, other)


def _rmatmul(self: Tensor, other: Any) -> Tensor:
    return F.matmul(other, self)


OPERATORS: dict[str, Any] = {
    "__add__": _operator(R.ADD, R.ADD),
    "__radd__": _reflected(R.ADD),
    "__sub__": _operator(R.SUB, R.SUB),
    "__rsub__": _reflected(R.RSUB_SCALAR),
    "__mul__": _operator(R.MUL, R.MUL),
    "__rmul__": _reflected(R.MUL),
    "__truediv__": _operator(R.DIV, R.DIV),
    "__rtruediv__": _rtruediv,
    "__pow__": _operator(R.POW, R.POW_SCALAR_EXPONENT),
    "__rpow__": _reflected(R.POW_SCALAR_BASE),
    "__mod__": _operator(R.REMAINDER, R.REMAINDER),
    "__rmod__": _reflected(R.REMAINDER),
    "__floordiv__": _operator(R.FLOOR_DIVIDE, R.FLOOR_DIVIDE),
    "__rfloordiv__": _reflected(R.FLOOR_DIVIDE),
    "__and__": _comparison(np.bitwise_and),
    "__or__": _comparison(np.bitwise_or),
    "__xor__": _comparison(np.bitwise_xor),
    "__invert__": lambda self: make(np.invert(self._value), False),
    "__matmul__": _matmul,
    "__getitem__": _getitem,
    "__setitem__": _setitem,
    "__array_ufunc__": lambda self, ufunc, method, *inputs, **kwargs: NP.array_ufunc(
        ufunc, method, inputs, kwargs
    ),
    "__array_function__": lambda self, func, types, args, kwargs: NP.array_function(
        func, args, kwargs
    ),
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
    "mm": F.mm,
    "reshape": F.reshape,
    "view": F.view,
    "reciprocal": F.reciprocal,
    "log1p": F.log1p,
    "expm1": F.expm1,
    "expand": F.expand,
    "swapaxes": F.transpose,
    "flatten": FSh.flatten,
    "squeeze": F.squeeze,
    "unsqueeze": F.unsqueeze,
    "permute": F.permute,
    "transpose": F.transpose,
    "t": F.t,
    "to": _to,
    "type": _type,
    "cpu": lambda self: self,
    "float": lambda self: FS.to_dtype(self, np.float32),
    "double": lambda self: FS.to_dtype(self, np.float64),
    "half": lambda self: FS.to_dtype(self, np.float16),
    "long": lambda self: FS.to_dtype(self, np.int64),
    "int": lambda self: FS.to_dtype(self, np.int32),
    "bool": lambda self: FS.to_dtype(self, np.bool_),
    "is_floating_point": lambda self: self._value.dtype.kind == "f",
    "argmax": FS.argmax,
    "argmin": FS.argmin,
    "amax": F.amax,
    "amin": F.amin,
    "var": FS.var,
    "std": FS.std,
    "prod": FS.prod,
    "cumsum": FS.cumsum,
    "softmax": FS.softmax,
    "logsumexp": FL.logsumexp,
    "square": FL.square,
    "all": FL.all,
    "any": FL.any,
    "isclose": FL.isclose,
    "allclose": FL.allclose,
    "log_softmax": FS.log_softmax,
    "clamp": FS.clamp,
    "clip": FS.clamp,
    "where": lambda self, condition, other: FS.where(condition, self, other),
    "mv": F.mv,
    "clone": _clone,
    "zero_": lambda self: _fill(self, 0, R.ZERO),
    "fill_": lambda self, value: _fill(self, value, R.FILL),
    "add_": _in_place_method("add_", F.add),
    "sub_": _in_place_method("sub_", F.sub),
    "mul_": _in_place_method("mul_", F.mul),
    "div_": _in_place_method("div_", F.div),
    "pow_": _in_place_method("pow_", F.pow),
    "clamp_": _in_place_method("clamp_", FS.clamp),
    "copy_": _in_place_method("copy_", _copy_),
    "normal_": _in_place_method("normal_", _normal_),
    "uniform_": _in_place_method("uniform_", _uniform_),
    "T": property(lambda self: F.permute(self, tuple(reversed(range(self.ndim))))),
    "mT": property(lambda self: F.transpose(self, -2, -1)),
    "repeat": FSh.repeat,
    "contiguous": _contiguous,
    "split": FSh.split,
    "chunk": FSh.chunk,
    "gather": FSh.gather,
    "sort": FSh.sort,
    "topk": FSh.topk,
    "outer": FSh.outer,
    **F.TORCH_FUNCTIONS,
}


def install() -> None:
    for name, member in {**OPERATORS, **METHODS}.items():
        setattr(Tensor, name, member)


install()
