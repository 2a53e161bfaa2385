"""The torch facade offers PyTorch's names only, so code written against it runs on PyTorch.

The name lists were checked with hasattr(torch, name) / hasattr(torch.Tensor, name) on PyTorch
2.13; the expression language's extras (ln, sec, csc, cot, cbrt, step, heaviside, softplus)
must not leak into the facade or the tensor methods.
"""

from __future__ import annotations

import pytest

import explorer.autodiff as torch
from explorer.core.autodiff import methods

PYTORCH_TOP_LEVEL = set(
    """
    Generator Size Tensor abs acos acosh add all allclose amax amin any arange arccos arccosh
    arcsin arcsinh arctan arctan2 arctanh argmax argmin as_tensor asin asinh atan atan2 atanh
    autograd bool
    broadcast_shapes cat ceil chunk clamp clip complex128 complex64 cos cosh cumsum
    default_generator div dot double dtype e einsum empty empty_like enable_grad exp expm1 eye
    flatten float float16 float32 float64 floor from_numpy full full_like func gather
    get_default_dtype half inf int int16 int32 int64 int8 is_grad_enabled is_tensor isclose
    linspace log log10 log1p log2 log_softmax logsumexp long manual_seed matmul max maximum mean
    min minimum mm mul mv nan neg nn no_grad norm normal numel ones ones_like outer permute pi
    pow prod rand rand_like randint randn randn_like reciprocal relu reshape set_default_dtype
    set_grad_enabled sgn short sigmoid sign sin sinh softmax sort split sqrt square squeeze
    stack std sub sum swapaxes t tan tanh tensor topk transpose uint8 unsqueeze var where zeros
    zeros_like
    """.split()
)
PYTORCH_TENSOR_METHODS = set(
    """
    T abs acos acosh add add_ all allclose amax amin any arccos arccosh arcsin arcsinh arctan
    arctan2 arctanh argmax argmin asin asinh atan atan2 atanh bool ceil chunk clamp clamp_ clip
    clone contiguous copy_ cos cosh cpu cumsum div div_ dot double exp expand expm1 fill_ flatten
    float floor gather half int is_floating_point isclose log log10 log1p log2 log_softmax logsumexp
    long mT matmul max maximum mean min minimum mm mul mul_ mv neg norm normal_ outer permute pow
    pow_ prod reciprocal relu repeat reshape sgn sigmoid sign sin sinh softmax sort split sqrt
    square squeeze std sub sub_ sum swapaxes t tan tanh to topk transpose type uniform_ unsqueeze
    var view where zero_
    """.split()
)
EXPRESSION_EXTRAS = ("ln", "sec", "csc", "cot", "cbrt", "step", "heaviside", "softplus", "arsinh")


def test_every_facade_name_is_a_pytorch_name():
    assert set(torch.__all__) <= PYTORCH_TOP_LEVEL


def test_every_tensor_method_is_a_pytorch_method():
    ours = {name for name in {**methods.OPERATORS, **methods.METHODS} if not name.startswith("__")}
    assert ours <= PYTORCH_TENSOR_METHODS


@pytest.mark.parametrize("name", EXPRESSION_EXTRAS)
def test_expression_language_extras_stay_out(name):
    with pytest.raises(AttributeError, match=f"torch.{name} is not supported by explorer.autodiff"):
        getattr(torch, name)
    assert not hasattr(torch.tensor([1.0]), name)


def test_unsupported_names_say_so():
    with pytest.raises(AttributeError, match="^torch.lerp is not supported by explorer.autodiff$"):
        torch.lerp  # noqa: B018
    with pytest.raises(AttributeError, match="torch.nn.functional.gelu is not supported"):
        torch.nn.functional.gelu  # noqa: B018
    with pytest.raises(AttributeError, match="torch.nn.Linear is not supported"):
        torch.nn.Linear  # noqa: B018


def test_torch_names_of_the_table_are_there():
    for name in ("sin", "arcsin", "sgn", "sigmoid", "relu", "log2", "floor"):
        assert callable(getattr(torch, name)) and callable(getattr(torch.ones(1), name))
