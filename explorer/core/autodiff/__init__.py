"""The autodiff core: PyTorch-style tensors with reverse and forward mode, rules from one table.

``import explorer.autodiff as torch`` gives the same names (``tensor``, ``arange``, ``exp``,
``no_grad``, ``dot``, ``jvp``, ``grad``, ...). The graph view reads ``introspect.snapshot``; the
derivative lab builds graphs from expression trees with ``from_tree.build_graph``.
"""

from __future__ import annotations

from explorer.core.autodiff import methods as _methods  # noqa: F401 - binds operators onto Tensor
from explorer.core.autodiff.creation import (
    AccumulateGrad,
    Generator,
    GradFn,
    arange,
    as_tensor,
    bool,
    default_generator,
    double,
    float32,
    float64,
    from_numpy,
    full,
    int32,
    int64,
    is_tensor,
    linspace,
    long,
    manual_seed,
    ones,
    ones_like,
    rand,
    randn,
    tensor,
    zeros,
    zeros_like,
)
from explorer.core.autodiff.engine import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from explorer.core.autodiff.forward import grad, jvp
from explorer.core.autodiff.functional import (
    TABLE_FUNCTIONS,
    add,
    cat,
    div,
    dot,
    flatten,
    matmul,
    max,
    maximum,
    mean,
    min,
    minimum,
    mm,
    mul,
    neg,
    norm,
    permute,
    pow,
    reshape,
    squeeze,
    stack,
    sub,
    sum,
    t,
    transpose,
    unsqueeze,
)
from explorer.core.autodiff.tensor import Size, Tensor

globals().update(TABLE_FUNCTIONS)

__all__ = [
    "AccumulateGrad", "Generator", "GradFn", "Size", "Tensor", "add", "arange", "as_tensor",
    "bool", "cat", "default_generator", "div", "dot", "double", "enable_grad", "flatten",
    "float32", "float64", "from_numpy", "full", "grad", "int32", "int64", "is_grad_enabled",
    "is_tensor", "jvp", "linspace", "long", "manual_seed", "matmul", "max", "maximum", "mean",
    "min", "minimum", "mm", "mul", "neg", "no_grad", "norm", "ones", "ones_like", "permute", "pow",
    "rand", "randn", "reshape", "set_grad_enabled", "squeeze", "stack", "sub", "sum", "t",
    "tensor", "transpose", "unsqueeze", "zeros", "zeros_like", *sorted(TABLE_FUNCTIONS),
]  # fmt: skip
