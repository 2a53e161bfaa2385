"""The autodiff core: PyTorch-style tensors with reverse and forward mode, rules from one table.

``import explorer.autodiff as torch`` gives the same names (``tensor``, ``arange``, ``exp``,
``no_grad``, ``dot``, ``func.grad``, ``nn.functional``, ...), PyTorch's names only. The graph view
reads ``introspect.snapshot``; the derivative lab builds graphs from expression trees with
``from_tree.build_graph``.
"""

from __future__ import annotations

import math as _math

from explorer.core.autodiff import autograd, func, nn
from explorer.core.autodiff import dtypes as _dtypes
from explorer.core.autodiff import methods as _methods  # noqa: F401 - binds operators onto Tensor
from explorer.core.autodiff.creation import (
    arange,
    as_tensor,
    empty,
    empty_like,
    eye,
    from_numpy,
    full,
    full_like,
    is_tensor,
    linspace,
    ones,
    ones_like,
    tensor,
    zeros,
    zeros_like,
)
from explorer.core.autodiff.dtypes import dtype, get_default_dtype, set_default_dtype
from explorer.core.autodiff.engine import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from explorer.core.autodiff.functional import (
    TORCH_FUNCTIONS,
    add,
    amax,
    amin,
    cat,
    div,
    dot,
    expm1,
    log1p,
    matmul,
    max,
    maximum,
    mean,
    min,
    minimum,
    mm,
    mul,
    mv,
    neg,
    norm,
    permute,
    pow,
    reciprocal,
    reshape,
    squeeze,
    stack,
    sub,
    sum,
    swapaxes,
    t,
    transpose,
    unsqueeze,
)
from explorer.core.autodiff.functional_logic import (
    all,
    allclose,
    any,
    isclose,
    logsumexp,
    square,
)
from explorer.core.autodiff.functional_shapes import (
    chunk,
    einsum,
    flatten,
    gather,
    outer,
    sort,
    split,
    topk,
)
from explorer.core.autodiff.functional_stats import (
    argmax,
    argmin,
    broadcast_shapes,
    clamp,
    cumsum,
    log_softmax,
    numel,
    prod,
    softmax,
    std,
    var,
    where,
)
from explorer.core.autodiff.sampling import (
    Generator,
    default_generator,
    manual_seed,
    normal,
    rand,
    rand_like,
    randint,
    randn,
    randn_like,
)
from explorer.core.autodiff.tensor import Size, Tensor

# PyTorch's dtype names (``torch.float32``, ``torch.long``, ``torch.float``, ``torch.bool``);
# ``float``, ``int`` and ``bool`` shadow the builtins here on purpose, as they do in torch.
DTYPE_NAMES = (
    "float32", "float", "float64", "double", "float16", "half", "int64", "long", "int32", "int",
    "int16", "short", "int8", "uint8", "bool", "complex64", "complex128",
)  # fmt: skip
globals().update({name: getattr(_dtypes, name) for name in DTYPE_NAMES})
clip = clamp


def __getattr__(name: str) -> object:
    """PyTorch names the core does not have say so (``torch.fft``, ``torch.lerp``, ...)."""
    raise AttributeError(f"torch.{name} is not supported by explorer.autodiff")


# PyTorch re-exports math's constants (torch.pi, torch.e since 2.1; torch.inf, torch.nan).
e, inf, nan, pi = _math.e, _math.inf, _math.nan, _math.pi
globals().update(TORCH_FUNCTIONS)

__all__ = [
    "Generator", "Size", "Tensor", "add", "all", "allclose", "amax",
    "amin", "any", "arange", "e", "inf", "isclose", "logsumexp", "nan", "pi", "square",
    "autograd", "func", "nn", "einsum", "empty", "empty_like", "expm1", "gather", "log1p",
    "outer", "rand_like", "randn_like", "sort", "split", "chunk",
    "swapaxes", "topk",
    "argmax", "argmin", "as_tensor", "broadcast_shapes", "cat", "clamp", "clip", "cumsum",
    "default_generator", "div", "dot", "dtype", "enable_grad", "eye", "flatten", "from_numpy",
    "full", "full_like", "get_default_dtype", "is_grad_enabled", "is_tensor",
    "linspace", "log_softmax", "manual_seed", "matmul", "max", "maximum", "mean", "min",
    "minimum", "mm", "mul", "mv", "neg", "no_grad", "norm", "normal", "numel", "ones",
    "ones_like", "permute", "pow", "prod", "rand", "randint", "randn", "reciprocal", "reshape",
    "set_default_dtype", "set_grad_enabled", "softmax", "squeeze", "stack", "std", "sub", "sum",
    "t", "tensor", "transpose", "unsqueeze", "var", "where", "zeros", "zeros_like",
    *DTYPE_NAMES, *sorted(TORCH_FUNCTIONS),
]  # fmt: skip
