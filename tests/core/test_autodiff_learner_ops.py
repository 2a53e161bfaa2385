"""What learners reach for, as PyTorch 2.13 computes it: expand, repeat, contiguous,
flatten(start_dim, end_dim), split, chunk, log1p, expm1, sort, topk, gather, outer, einsum and
torch.nn.functional (relu, sigmoid, tanh, softmax, log_softmax, softplus, mse_loss,
cross_entropy), and all/any, isclose/allclose, square, logsumexp and torch's math constants.
Each case's expected value (and gradient, weighting the output by 1, 2, 3, ...)
was printed by PyTorch 2.13 running the same lambda."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import explorer.autodiff as torch

F = torch.nn.functional
x2 = [[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]]


def program(f, shape=(2, 3)):
    count = int(np.prod(shape))
    x = torch.arange(1.0, 1.0 + count, dtype=torch.float64).reshape(shape).requires_grad_(True)
    y = f(x)
    w = torch.arange(1.0, 1.0 + y.numel(), dtype=torch.float64).reshape(y.shape)
    (y * w).sum().backward()
    return y.detach().flatten().tolist(), x.grad.flatten().tolist()


def ce(target):
    x = torch.tensor(x2, requires_grad=True)
    loss = F.cross_entropy(x, target)
    loss.backward()
    return loss.item(), x.grad.tolist()


SIGNS = torch.tensor([1.0, -1.0, 1.0], dtype=torch.float64)
VECTOR = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)


def mse_losses():
    prediction, target = torch.tensor([1.0, 2.0]), torch.tensor([0.0, 0.0])
    return F.mse_loss(prediction, target).item(), F.mse_loss(prediction, target, "sum").item()


def activations():
    relu = F.relu(torch.tensor([-1.0, 2.0])).tolist()
    return relu, F.sigmoid(torch.tensor([0.0, 1.0])).tolist(), F.tanh(torch.tensor([0.5])).tolist()


# fmt: off
VALUE_CASES = {
    'expand': (
        lambda: program(lambda x: x[:, :1].expand(2, 4)),
        ([1.0, 1.0, 1.0, 1.0, 4.0, 4.0, 4.0, 4.0], [10.0, 0.0, 0.0, 26.0, 0.0, 0.0]),
    ),
    'expand-1': (
        lambda: program(lambda x: x.reshape(1,6).expand(3, -1)),
        ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0, 4.0, 5.0,
        6.0], [21.0, 24.0, 27.0, 30.0, 33.0, 36.0]),
    ),
    'repeat': (
        lambda: program(lambda x: x.repeat(2, 2)),
        ([1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0, 1.0, 2.0,
        3.0, 4.0, 5.0, 6.0, 4.0, 5.0, 6.0], [34.0, 38.0, 42.0, 58.0, 62.0, 66.0]),
    ),
    'repeat3': (
        lambda: program(lambda x: x.repeat(2, 1, 1)),
        ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [8.0, 10.0, 12.0, 14.0,
        16.0, 18.0]),
    ),
    'flatten': (
        lambda: program(lambda x: x.reshape(1,2,3).flatten(1, 2)),
        ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
    ),
    'split': (
        lambda: program(lambda x: torch.split(x, 2, 1)[1]),
        ([3.0, 6.0], [0.0, 0.0, 1.0, 0.0, 0.0, 2.0]),
    ),
    'splitlist': (
        lambda: program(lambda x: torch.cat(torch.split(x, [1, 2], 1)[::-1], 1)),
        ([2.0, 3.0, 1.0, 5.0, 6.0, 4.0], [3.0, 1.0, 2.0, 6.0, 4.0, 5.0]),
    ),
    'chunk': (
        lambda: program(lambda x: x.chunk(2, 1)[0]),
        ([1.0, 2.0, 4.0, 5.0], [1.0, 2.0, 0.0, 3.0, 4.0, 0.0]),
    ),
    'log1p': (
        lambda: program(lambda x: torch.log1p(x)),
        ([0.693147, 1.098612, 1.386294, 1.609438, 1.791759, 1.94591], [0.5, 0.6666666666666666,
        0.75, 0.8, 0.8333333333333334, 0.8571428571428571]),
    ),
    'expm1': (
        lambda: program(lambda x: torch.expm1(x / 10)),
        ([0.105171, 0.221403, 0.349859, 0.491825, 0.648721, 0.822119], [0.11051709180756478,
        0.24428055163203397, 0.4049576422728009, 0.5967298790565081, 0.8243606353500642,
        1.0932712802343052]),
    ),
    'sort': (
        lambda: program(lambda x: torch.sort(x * SIGNS, dim=1, descending=True).values),
        ([3.0, 1.0, -2.0, 6.0, 4.0, -5.0], [2.0, -3.0, 1.0, 5.0, -6.0, 4.0]),
    ),
    'sortidx': (
        lambda: torch.sort(torch.tensor([[3., 1., 2.], [0., 5., -1.]]), dim=1).indices.tolist(),
        [[1, 2, 0], [2, 0, 1]],
    ),
    'topk': (
        lambda: program(lambda x: torch.topk(-x, 2, dim=1).values),
        ([-1.0, -2.0, -4.0, -5.0], [-1.0, -2.0, -0.0, -3.0, -4.0, -0.0]),
    ),
    'gather': (
        lambda: program(lambda x: torch.gather(x, 1, torch.tensor([[0, 0], [2, 1]]))),
        ([1.0, 1.0, 6.0, 5.0], [3.0, 0.0, 0.0, 0.0, 4.0, 3.0]),
    ),
    'outer': (
        lambda: program(lambda x: torch.outer(x, x), shape=(3,)),
        ([1.0, 2.0, 3.0, 2.0, 4.0, 6.0, 3.0, 6.0, 9.0], [44.0, 68.0, 92.0]),
    ),
    'einsum': (
        lambda: program(lambda x: torch.einsum("ij,kj->ik", x, x)),
        ([14.0, 32.0, 32.0, 77.0], [22.0, 29.0, 36.0, 37.0, 50.0, 63.0]),
    ),
    'einsum1': (
        lambda: program(lambda x: torch.einsum("ij->j", x)),
        ([5.0, 7.0, 9.0], [1.0, 2.0, 3.0, 1.0, 2.0, 3.0]),
    ),
    'einsum2': (
        lambda: program(lambda x: torch.einsum("ij,j->i", x, VECTOR)),
        ([14.0, 32.0], [1.0, 2.0, 3.0, 2.0, 4.0, 6.0]),
    ),
    'einsumb': (
        lambda: program(lambda x: torch.einsum("ij,ij->", x, x)),
        ([91.0], [2.0, 4.0, 6.0, 8.0, 10.0, 12.0]),
    ),
    'contig': (
        lambda: program(lambda x: x.t().contiguous().view(-1)),
        ([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], [1.0, 3.0, 5.0, 2.0, 4.0, 6.0]),
    ),
    'ce idx': (
        lambda: ce(torch.tensor([2, 0])),
        (0.407606, [[0.045015, 0.122364, -0.167379], [-0.167379, 0.122364, 0.045015]]),
    ),
    'ce prob': (
        lambda: ce(torch.tensor([[0.2, 0.3, 0.5], [1., 0., 0.]])),
        (0.757606, [[-0.054985, -0.027636, 0.082621], [-0.167379, 0.122364, 0.045015]]),
    ),
    'ce sum': (
        lambda: F.cross_entropy(torch.tensor(x2), torch.tensor([2, 0]), reduction="sum").item(),
        0.815212,
    ),
    'ce none': (
        lambda: F.cross_entropy(torch.tensor(x2), torch.tensor([2, 0]), reduction="none").tolist(),
        [0.407606, 0.407606],
    ),
    'mse': (
        lambda: mse_losses(),
        (2.5, 5.0),
    ),
    'softmax': (
        lambda: [round(v, 6) for v in F.softmax(torch.tensor([1., 2., 3.]), dim=0).tolist()],
        [0.090031, 0.244728, 0.665241],
    ),
    'logsoftmax': (
        lambda: F.log_softmax(torch.tensor([[1., 2., 3.]]), dim=1)[0].tolist(),
        [-2.407606, -1.407606, -0.407606],
    ),
    'acts': (
        lambda: activations(),
        ([0.0, 2.0], [0.5, 0.731059], [0.462117]),
    ),
    'softplus': (
        lambda: [round(v, 6) for v in F.softplus(torch.tensor([-1., 30., 0.5]), beta=2).tolist()],
        [0.063464, 30.0, 0.656631],
    ),
}
# fmt: on


@pytest.mark.parametrize("name", sorted(VALUE_CASES))
def test_values_and_gradients_match_pytorch(name):
    run, expected = VALUE_CASES[name]
    np.testing.assert_allclose(_numbers(run()), _numbers(expected), rtol=1e-5, atol=1e-6)


def _numbers(value):
    if isinstance(value, (list, tuple)):
        return np.concatenate([np.ravel(_numbers(v)) for v in value]) if value else np.zeros(0)
    return np.asarray(value, dtype=np.float64)


ERROR_CASES = {
    "ce oob": (
        lambda: F.cross_entropy(torch.tensor(x2), torch.tensor([5, 0])),
        IndexError,
        "Target 5 is out of bounds.",
    ),
    "ce batch": (
        lambda: F.cross_entropy(torch.tensor(x2), torch.tensor([0])),
        ValueError,
        "Expected input batch_size (2) to match target batch_size (1).",
    ),
    "expand err": (
        lambda: torch.ones(2, 3).expand(3, 3),
        RuntimeError,
        "The expanded size of the tensor (3) must match the existing size (2) at non-singleton "
        "dimension 0.  Target sizes: [3, 3].  Tensor sizes: [2, 3]",
    ),
    "cat err": (
        lambda: torch.cat([torch.ones(2, 3), torch.ones(3, 2)]),
        RuntimeError,
        "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for "
        "tensor number 1 in the list.",
    ),
}


@pytest.mark.parametrize("name", sorted(ERROR_CASES))
def test_errors_use_pytorchs_words(name):
    run, error, message = ERROR_CASES[name]
    with pytest.raises(error, match=f"^{re.escape(message)}"):
        run()


def test_empty_and_random_likes_have_pytorchs_shapes_and_dtypes():
    assert torch.empty(2, 3).shape == (2, 3)
    assert torch.empty_like(torch.ones(2, dtype=torch.int64)).dtype == torch.int64
    assert torch.rand_like(torch.ones(2, 3)).shape == (2, 3)
    assert torch.randn_like(torch.ones(4, dtype=torch.float32)).dtype == torch.float32


def test_sort_and_topk_return_named_values_and_indices():
    result = torch.sort(torch.tensor([3.0, 1.0, 2.0]), descending=True)
    assert result.values.tolist() == [3.0, 2.0, 1.0] and result.indices.tolist() == [0, 2, 1]
    assert repr(torch.topk(torch.tensor([3.0, 1.0, 2.0]), 2)).startswith("torch.return_types.topk(")


def test_all_any_on_bools_numbers_and_along_a_dim():
    grid = torch.tensor([[1.0, 0.0], [2.0, 3.0]])
    assert repr(torch.all(grid > -1)) == "tensor(True)" and repr(grid.all()) == "tensor(False)"
    assert grid.any().item() is True and (grid > 5).any().item() is False
    assert grid.all(dim=1).tolist() == [False, True]
    assert torch.any(grid == 0, dim=0, keepdim=True).tolist() == [[False, True]]
    assert torch.tensor([0, 2]).all().dtype == torch.bool


def test_isclose_and_allclose_use_pytorchs_test_and_dtype_rule():
    a = torch.tensor([1.0, 1e-9, float("nan")])
    b = torch.tensor([1.0 + 1e-6, 0.0, float("nan")])
    assert torch.isclose(a, b).tolist() == [True, True, False]
    assert torch.isclose(a, b, equal_nan=True).tolist() == [True, True, True]
    assert torch.allclose(a[:2], b[:2]) is True and a[:2].allclose(b[:2] + 1e-3) is False
    with pytest.raises(RuntimeError, match="^Long did not match Double$"):
        torch.allclose(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))


def test_square_is_a_power_of_two():
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    y = torch.square(x)
    assert repr(y) == "tensor([1., 4., 9.], grad_fn=<PowBackward0>)"
    x.square().sum().backward()
    assert x.grad.tolist() == [2.0, -4.0, 6.0]


def test_logsumexp_value_and_gradient_is_the_softmax():
    values = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, -np.inf]])
    x = torch.tensor(values, requires_grad=True)
    y = torch.logsumexp(x, dim=1)
    assert repr(y.grad_fn).startswith("<LogsumexpBackward0")
    # log(e + e² + e³) from the definition; log(2·e¹⁰⁰⁰) without overflow.
    assert y[0].item() == pytest.approx(math.log(math.e + math.e**2 + math.e**3), rel=1e-15)
    assert y[1].item() == pytest.approx(1000 + math.log(2), rel=1e-15)
    weights = torch.tensor([[0.5], [2.0]])
    (x.logsumexp(1, keepdim=True) * weights).sum().backward()
    softmax = np.exp(values - values.max(axis=1, keepdims=True))
    softmax /= softmax.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(x.grad.numpy(), softmax * [[0.5], [2.0]], rtol=1e-12)
    # The central difference agrees with the gradient at a random point.
    point = np.random.default_rng(3).normal(size=4)
    step = 1e-6
    leaf = torch.tensor(point, requires_grad=True)
    torch.logsumexp(leaf, 0).backward()
    for i in range(4):
        shift = np.eye(4)[i] * step
        plus = torch.logsumexp(torch.tensor(point + shift), 0).item()
        minus = torch.logsumexp(torch.tensor(point - shift), 0).item()
        assert leaf.grad[i].item() == pytest.approx((plus - minus) / (2 * step), rel=1e-7)
    assert torch.tensor([1, 2]).logsumexp(0).dtype == torch.float64  # integers promoted


def test_logsumexp_forward_mode_matches_reverse_mode():
    point = torch.tensor([0.3, -1.2, 2.0])
    direction = torch.tensor([1.0, 0.5, -2.0])
    _, tangent = torch.func.jvp(lambda t: torch.logsumexp(t, 0), (point,), (direction,))
    leaf = point.clone().requires_grad_(True)
    torch.logsumexp(leaf, 0).backward()
    assert tangent.item() == pytest.approx(float((leaf.grad * direction).sum()), rel=1e-14)


def test_math_constants_as_pytorch_exports_them():
    assert (torch.pi, torch.e, torch.inf) == (math.pi, math.e, math.inf)
    assert math.isnan(torch.nan) and isinstance(torch.pi, float)
