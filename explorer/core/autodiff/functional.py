"""The operations as functions (``exp(t)``, ``dot(a, b)``, ``sum(t, dim)``) and as Tensor methods.

Each function only picks a rule and its parameters; the derivative lives in the registry. The
functions of the table are generated from it, so a function added there appears here (as
``explorer.autodiff.name`` and ``tensor.name()``) with its derivative, without further code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from explorer.core.autodiff import functional_stats as FS
from explorer.core.autodiff import rules as R
from explorer.core.autodiff import structural as S
from explorer.core.autodiff.apply import apply_elementwise, apply_structural
from explorer.core.autodiff.shape_errors import checked_dim, infer_shape
from explorer.core.autodiff.tensor import Tensor, lift, make, to_array
from explorer.core.functions import FUNCTIONS

MIN_REDUCTION = replace(S.EXTREME, name="min", backward_name="MinBackward1", symbol="min(u)")
AMAX = replace(S.EXTREME, backward_name="AmaxBackward0")
AMIN = replace(MIN_REDUCTION, backward_name="AminBackward0")


def as_tensor(data: Any, like: Tensor | None = None) -> Tensor:
    """``data`` itself if it is a Tensor, else a constant tensor (dtype following ``like``)."""
    if isinstance(data, Tensor):
        return data
    if like is not None:
        return lift(data, like)
    return make(to_array(data, None), False)


def _pair(a: Any, b: Any, rule: R.OpRule, scalar_rule: R.OpRule) -> Tensor:
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        return apply_elementwise(rule, (a, b))
    if isinstance(a, Tensor):
        return apply_elementwise(scalar_rule, (a, as_tensor(b, a)))
    if isinstance(b, Tensor):
        return apply_elementwise(scalar_rule, (as_tensor(a, b), b))
    return apply_elementwise(rule, (as_tensor(a), as_tensor(b)))


def add(input: Any, other: Any, *, alpha: Any = 1) -> Tensor:
    """input + alpha·other (``alpha`` as in PyTorch, e.g. ``p.add_(g, alpha=-lr)``)."""
    if not (type(alpha) is int and alpha == 1):
        other = mul(other, alpha)
    return _pair(input, other, R.ADD, R.ADD)


def sub(input: Any, other: Any, *, alpha: Any = 1) -> Tensor:
    if not (type(alpha) is int and alpha == 1):
        other = mul(other, alpha)
    scalar_rule = R.SUB if isinstance(input, Tensor) else R.RSUB_SCALAR
    return _pair(input, other, R.SUB, scalar_rule)


def mul(input: Any, other: Any) -> Tensor:
    return _pair(input, other, R.MUL, R.MUL)


def div(input: Any, other: Any) -> Tensor:
    return _pair(input, other, R.DIV, R.DIV)


def pow(input: Any, exponent: Any) -> Tensor:  # noqa: A001 - PyTorch's name
    scalar_rule = R.POW_SCALAR_EXPONENT if isinstance(input, Tensor) else R.POW_SCALAR_BASE
    return _pair(input, exponent, R.POW, scalar_rule)


def neg(input: Tensor) -> Tensor:
    return apply_elementwise(R.NEG, (as_tensor(input),))


def log1p(input: Any) -> Tensor:
    return apply_elementwise(R.LOG1P, (as_tensor(input),))


def expm1(input: Any) -> Tensor:
    return apply_elementwise(R.EXPM1, (as_tensor(input),))


def expand(input: Tensor, *sizes: Any) -> Tensor:
    """A broadcast view of ``input`` with the given sizes (-1 keeps a size), as PyTorch's."""
    input = as_tensor(input)
    sizes = _shape_argument(sizes)
    shape = tuple(input.shape)
    if len(sizes) < len(shape):
        raise RuntimeError(
            f"expand(torch.{input.dtype.type_name()[6:]}{{{list(shape)}}}, size={list(sizes)}): "
            "the number of sizes provided (%d) must be greater or equal to the number of "
            "dimensions in the tensor (%d)" % (len(sizes), len(shape))
        )
    padded = (1,) * (len(sizes) - len(shape)) + shape
    target = tuple(
        old if int(new) == -1 else int(new) for old, new in zip(padded, sizes, strict=True)
    )
    for index, (old, new) in enumerate(zip(padded, target, strict=True)):
        if old != 1 and old != new:
            raise RuntimeError(
                f"The expanded size of the tensor ({new}) must match the existing size ({old}) "
                f"at non-singleton dimension {index}.  Target sizes: {list(sizes)}.  Tensor "
                f"sizes: {list(shape)}"
            )
    return apply_structural(S.EXPAND, (input,), target)


def reciprocal(input: Any) -> Tensor:
    return apply_elementwise(R.RECIPROCAL, (as_tensor(input),))


def maximum(input: Any, other: Any) -> Tensor:
    return _pair(input, other, R.MAXIMUM, R.MAXIMUM)


def minimum(input: Any, other: Any) -> Tensor:
    return _pair(input, other, R.MINIMUM, R.MINIMUM)


def sum(input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None,  # noqa: A001
        **aliases: Any) -> Tensor:  # fmt: skip
    dim, keepdim = FS.dim_arguments("sum", dim, keepdim, aliases)
    input = as_tensor(input)
    if dtype is not None:
        input = FS.to_dtype(input, dtype)
    rule = S.SUM if dim is None else S.SUM_DIMS
    return apply_structural(rule, (input,), (FS.dims_tuple(dim, input.ndim), bool(keepdim)))


def mean(input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None,
         **aliases: Any) -> Tensor:  # fmt: skip
    dim, keepdim = FS.dim_arguments("mean", dim, keepdim, aliases)
    input = as_tensor(input)
    if dtype is not None:
        input = FS.to_dtype(input, dtype)
    FS._require_floating("mean", input)
    rule = S.MEAN if dim is None else S.MEAN_DIMS
    return apply_structural(rule, (input,), (FS.dims_tuple(dim, input.ndim), bool(keepdim)))


def norm(input: Tensor, p: Any = 2, dim: Any = None, keepdim: bool = False,
         **aliases: Any) -> Tensor:  # fmt: skip
    dim, keepdim = FS.dim_arguments("norm", dim, keepdim, aliases)
    input = as_tensor(input)
    if input._value.dtype.kind not in "fc":
        raise RuntimeError(
            "linalg.vector_norm: Expected a floating point or complex tensor as input. "
            f"Got {FS.legacy_name(input)}"
        )
    order = {"fro": 2, "inf": np.inf}.get(p, p) if isinstance(p, str) else p
    extra = (float(order), FS.dims_tuple(dim, input.ndim), bool(keepdim))
    return apply_structural(S.NORM, (input,), extra)


def _extreme(largest: bool, input: Tensor, dim: Any, keepdim: bool, aliases: dict) -> Any:
    name = "max" if largest else "min"
    dim, keepdim = FS.dim_arguments(name, dim, keepdim, aliases)
    input = as_tensor(input)
    if isinstance(dim, Tensor):  # max(a, b): the elementwise form
        return maximum(input, dim) if largest else minimum(input, dim)
    if dim is not None:
        return FS.extreme_along(input, dim, bool(keepdim), largest)
    if input.numel() == 0:
        raise RuntimeError(
            f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
            "Specify the reduction dim with the 'dim' argument."
        )
    rule, reducer = (S.EXTREME, np.max) if largest else (MIN_REDUCTION, np.min)
    return apply_structural(rule, (input,), (reducer, None, False))


def max(input: Tensor, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Any:  # noqa: A001
    """The largest element; ``max(x, dim)`` gives (values, indices); ``max(a, b)`` elementwise."""
    return _extreme(True, input, dim, keepdim, aliases)


def min(input: Tensor, dim: Any = None, keepdim: bool = False, **aliases: Any) -> Any:  # noqa: A001
    """The smallest element; ``min(x, dim)`` gives (values, indices); ``min(a, b)`` elementwise."""
    return _extreme(False, input, dim, keepdim, aliases)


def amax(input: Tensor, dim: Any = (), keepdim: bool = False) -> Tensor:
    input = as_tensor(input)
    dims = FS.dims_tuple(dim, input.ndim) or None
    return apply_structural(AMAX, (input,), (np.max, dims, bool(keepdim)))


def amin(input: Tensor, dim: Any = (), keepdim: bool = False) -> Tensor:
    input = as_tensor(input)
    dims = FS.dims_tuple(dim, input.ndim) or None
    return apply_structural(AMIN, (input,), (np.min, dims, bool(keepdim)))


def dot(input: Tensor, other: Tensor) -> Tensor:
    input, other = as_tensor(input), as_tensor(other)
    if input.ndim != 1 or other.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {input.ndim}D and {other.ndim}D tensors")
    if input.dtype != other.dtype:
        raise RuntimeError(
            "dot : expected both vectors to have same dtype, but found "
            f"{FS.legacy_name(input)} and {FS.legacy_name(other)}"
        )
    if input.shape[0] != other.shape[0]:
        raise RuntimeError(
            f"inconsistent tensor size, expected tensor [{input.shape[0]}] and src "
            f"[{other.shape[0]}] to have the same number of elements, but got {input.shape[0]} "
            f"and {other.shape[0]} elements respectively"
        )
    return apply_structural(S.DOT, (input, other), None)


def matmul(input: Tensor, other: Tensor) -> Tensor:
    input, other = as_tensor(input), as_tensor(other)
    if input.ndim == 0 or other.ndim == 0:
        raise RuntimeError("both arguments to matmul need to be at least 1D")
    if input.ndim == 1 and other.ndim == 1:
        return dot(input, other)
    check_same_dtype(input, other)
    try:
        np.broadcast_shapes(input.shape[:-2], other.shape[:-2])
        if input.shape[-1] != other.shape[-2 if other.ndim > 1 else 0]:
            raise ValueError
    except ValueError:
        if input.ndim == 2 and other.ndim == 1:
            raise RuntimeError(
                f"size mismatch, got input ({input.shape[0]}), mat ({_shape_text(input)}), "
                f"vec ({other.shape[0]})"
            ) from None
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({_shape_text(input)} and "
            f"{_shape_text(other)})"
        ) from None
    rule = S.MM
    if input.ndim == 2 and other.ndim == 1:
        rule = S.MV
    elif input.ndim > 2 or other.ndim > 2:
        rule = S.BATCHED_MATMUL
    elif input.ndim == 1:
        rule = S.VECTOR_MATRIX
    return apply_structural(rule, (input, other), None)


# c10's names of scalar types, which PyTorch's matmul dtype message prints.
_C10_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "int32": "int",
              "int16": "short int", "int8": "signed char", "uint8": "unsigned char",
              "bool": "bool", "float16": "c10::Half", "complex64": "c10::complex<float>",
              "complex128": "c10::complex<double>"}  # fmt: skip


def check_same_dtype(input: Tensor, other: Tensor) -> None:
    """matmul and mm do not promote: PyTorch 2.13 refuses float32 @ float64, in words that
    depend on the kernel the shapes pick."""
    if input.dtype == other.dtype:
        return
    if input.ndim == 2 and other.ndim == 1:
        names = [FS.legacy_name(t) for t in (other, input, other)]
        raise RuntimeError(
            f"addmv input tensors must have the same dtype, but got {names[0]}, {names[1]}, "
            f"and {names[2]}"
        )
    if input.ndim > 2 and other.ndim > 2:
        raise RuntimeError(
            f"expected scalar type {FS.legacy_name(input)} but found {FS.legacy_name(other)}"
        )
    first, second = (_C10_NAMES[t._value.dtype.name] for t in (input, other))
    raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {first} != {second}")


def _shape_text(tensor: Tensor) -> str:
    return "x".join(str(n) for n in tensor.shape)


def mv(input: Tensor, vec: Tensor) -> Tensor:
    if input.ndim != 2 or vec.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {input.ndim}, {vec.ndim}")
    return matmul(input, vec)


def mm(input: Tensor, mat2: Tensor) -> Tensor:
    if input.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if mat2.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    return matmul(input, mat2)


def _shape_argument(shape: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(shape[0]) if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape


def _needs_copy(value: Any, target: tuple[int, ...]) -> bool:
    """Whether the value cannot be viewed in the target shape (a transposed matrix flattened)."""
    if type(value) is not np.ndarray or value.flags.c_contiguous:
        return False
    try:
        np.reshape(value, target, copy=False)
    except ValueError:
        return True
    return False


def reshape(input: Tensor, *shape: Any) -> Tensor:
    input = as_tensor(input)
    target = infer_shape(_shape_argument(shape), input.numel())
    rule = S.RESHAPE_COPY if _needs_copy(input._value, target) else S.RESHAPE
    return apply_structural(rule, (input,), target)


def view(input: Tensor, *shape: Any) -> Tensor:
    target = infer_shape(_shape_argument(shape), input.numel())
    if _needs_copy(input._value, target):
        raise RuntimeError(
            "view size is not compatible with input tensor's size and stride (at least one "
            "dimension spans across two contiguous subspaces). Use .reshape(...) instead."
        )
    return apply_structural(S.RESHAPE, (input,), target)


def squeeze(input: Tensor, dim: int | None = None) -> Tensor:
    shape = input.shape
    if dim is None:
        target = tuple(n for n in shape if n != 1)
        return apply_structural(S.SQUEEZE_ALL, (input,), target)
    dim = checked_dim(dim, len(shape))
    if shape and shape[dim] == 1:
        shape = shape[:dim] + shape[dim + 1 :]
    return apply_structural(S.SQUEEZE_DIM, (input,), tuple(shape))


def unsqueeze(input: Tensor, dim: int) -> Tensor:
    shape = tuple(input.shape)
    dim = checked_dim(dim, len(shape), extra=1)
    return apply_structural(S.UNSQUEEZE, (input,), shape[:dim] + (1,) + shape[dim:])


def permute(input: Tensor, *dims: Any) -> Tensor:
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    axes = tuple(checked_dim(d, input.ndim) for d in dims)
    return apply_structural(S.PERMUTE, (as_tensor(input),), axes)


def transpose(input: Tensor, dim0: int, dim1: int) -> Tensor:
    axes = list(range(input.ndim))
    dim0, dim1 = checked_dim(dim0, input.ndim), checked_dim(dim1, input.ndim)
    if not axes:  # a 0-dim tensor transposes to itself
        return permute(input, ())
    axes[dim0], axes[dim1] = axes[dim1], axes[dim0]
    return permute(input, axes)


def swapaxes(input: Tensor, axis0: int, axis1: int) -> Tensor:
    return transpose(input, axis0, axis1)


def t(input: Tensor) -> Tensor:
    if input.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {input.ndim}D")
    return permute(input, tuple(reversed(range(input.ndim))))


def stack(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    inputs = tuple(as_tensor(t) for t in tensors)
    if not inputs:
        raise RuntimeError("stack expects a non-empty TensorList")
    dim = checked_dim(dim, inputs[0].ndim, extra=1)
    for index, tensor in enumerate(inputs[1:], start=1):
        if tensor.shape != inputs[0].shape:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {list(inputs[0].shape)} "
                f"at entry 0 and {list(tensor.shape)} at entry {index}"
            )
    return apply_structural(S.STACK, inputs, dim)


def cat(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    inputs = tuple(as_tensor(t) for t in tensors)
    if not inputs:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    first = inputs[0]
    if first.ndim:
        dim = checked_dim(dim, first.ndim)
    for index, tensor in enumerate(inputs[1:], start=1):
        if tensor.ndim != first.ndim:
            raise RuntimeError(
                f"Tensors must have same number of dimensions: got {first.ndim} and {tensor.ndim}"
            )
        for axis, (expected, got) in enumerate(zip(first.shape, tensor.shape, strict=True)):
            if axis != dim and expected != got:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {dim}. Expected size "
                    f"{expected} but got size {got} for tensor number {index} in the list."
                )
    return apply_structural(S.CAT, inputs, dim)


to_dtype = FS.to_dtype


def _table_function(rule: R.OpRule, description: str):
    if len(rule.partials) == 2:  # torch.atan2(input, other), t.atan2(other)

        def function(input: Any, other: Any) -> Tensor:
            # PyTorch takes no Python number here (unlike torch.add): neither do we, so code
            # written against the facade runs on PyTorch.
            for name, value in (("input", input), ("other", other)):
                if not isinstance(value, Tensor):
                    kind = type(value).__name__
                    raise TypeError(f"{rule.name}(): argument '{name}' must be Tensor, not {kind}")
            return apply_elementwise(rule, (input, other))

    else:

        def function(input: Any) -> Tensor:
            if type(input) is not Tensor:  # (a tensor, as in ``t.tanh()``, skips the call)
                input = as_tensor(input)
            return apply_elementwise(rule, (input,))

    function.__name__ = rule.name
    function.__doc__ = f"{rule.symbol}{' — ' + description if description else ''}, elementwise."
    return function


# name (and alias) -> module function, generated from the one table.
TABLE_FUNCTIONS: dict[str, Any] = {}
for _spec in FUNCTIONS:
    _function = _table_function(R.TABLE_RULES[_spec.name], _spec.description)
    for _name in (_spec.name, *_spec.aliases):
        TABLE_FUNCTIONS[_name] = _function
globals().update(TABLE_FUNCTIONS)

# The table's names PyTorch also has (``torch.sin``, ``tensor.relu()``): only these reach the
# ``torch`` facade and tensor methods; the expression language's extras (ln, sec, csc, cot,
# cbrt, step, heaviside, softplus, arsinh, ...) stay in the expression language.
PYTORCH_NAMES = frozenset(
    "sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh arcsin arccos arctan "
    "arctan2 arcsinh arccosh arctanh exp log log2 log10 sqrt abs sigmoid relu floor ceil sign "
    "sgn".split()
)
TORCH_FUNCTIONS = {name: f for name, f in TABLE_FUNCTIONS.items() if name in PYTORCH_NAMES}
