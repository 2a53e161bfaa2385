"""Gradients of the operations learners' snippets use beyond the function table (clamp, where,
std/var, prod, cumsum, softmax, log_softmax, max/min along a dim, remainder, casts): reverse mode,
forward mode and central differences agree (``check_grads``), and sympy agrees on small cases."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import explorer.autodiff as torch
from explorer.core.autodiff.check import check_grads

RNG = np.random.default_rng(7)
MATRIX = RNG.standard_normal((3, 4))


@pytest.mark.parametrize(
    "name, function",
    [
        ("clamp", lambda x: torch.clamp(x, min=-0.5, max=0.7)),
        ("clamp min", lambda x: x.clamp(min=0.1)),
        ("where", lambda x: torch.where(x > 0, x * x, -x)),
        ("std", lambda x: x.std()),
        ("std dim keepdim", lambda x: x.std(dim=1, keepdim=True)),
        ("var axis", lambda x: x.var(axis=0)),
        ("var biased", lambda x: torch.var(x, unbiased=False)),
        ("prod", lambda x: torch.prod(x)),
        ("prod dim", lambda x: x.prod(dim=1)),
        ("cumsum", lambda x: x.cumsum(dim=1)),
        ("cumsum axis 0", lambda x: torch.cumsum(x, 0)),
        ("softmax", lambda x: torch.softmax(x, dim=1)),
        ("log_softmax", lambda x: x.log_softmax(dim=0)),
        ("max along", lambda x: x.max(dim=1).values),
        ("min along keepdim", lambda x: torch.min(x, 0, keepdim=True)[0]),
        ("max of two", lambda x: torch.max(x, torch.zeros_like(x))),
        ("max all", lambda x: x.max()),
        ("remainder", lambda x: (x * 3) % 1.3),
        ("mean axis keepdims", lambda x: x.mean(axis=1, keepdims=True)),
        ("sum axis", lambda x: (x * x).sum(axis=0)),
        ("norm dim", lambda x: torch.norm(x, dim=1)),
        ("mv", lambda x: torch.mv(x, torch.arange(4.0))),
    ],
)
def test_reverse_forward_and_central_differences_agree(name, function):
    check_grads(function, MATRIX, rtol=1e-5, atol=1e-6)


def _symbols(n: int) -> list[sp.Symbol]:
    return list(sp.symbols(f"x0:{n}", real=True))


def _sympy_gradient(expression: sp.Expr, symbols: list, point: np.ndarray) -> np.ndarray:
    substitution = dict(zip(symbols, point.tolist(), strict=True))
    return np.array([float(sp.diff(expression, s).subs(substitution)) for s in symbols])


def _our_gradient(build, point: np.ndarray) -> np.ndarray:
    x = torch.tensor(point, requires_grad=True)
    build(x).backward()
    return x.grad.numpy()


POINT = np.array([0.3, -1.2, 2.0, 0.7])


def test_std_and_var_match_sympy():
    xs = _symbols(4)
    mean = sum(xs) / 4
    variance = sum((x - mean) ** 2 for x in xs) / 3
    np.testing.assert_allclose(
        _our_gradient(lambda x: x.var(), POINT), _sympy_gradient(variance, xs, POINT)
    )
    np.testing.assert_allclose(
        _our_gradient(lambda x: x.std(), POINT), _sympy_gradient(sp.sqrt(variance), xs, POINT)
    )


def test_softmax_and_log_softmax_match_sympy():
    xs = _symbols(4)
    denominator = sum(sp.exp(x) for x in xs)
    weights = np.array([0.5, -1.0, 2.0, 0.25])
    softmax_weighted = sum(w * sp.exp(x) / denominator for w, x in zip(weights, xs, strict=True))
    np.testing.assert_allclose(
        _our_gradient(lambda x: (torch.softmax(x, dim=0) * torch.tensor(weights)).sum(), POINT),
        _sympy_gradient(softmax_weighted, xs, POINT),
    )
    log_softmax_2 = xs[2] - sp.log(denominator)
    np.testing.assert_allclose(
        _our_gradient(lambda x: torch.log_softmax(x, 0)[2], POINT),
        _sympy_gradient(log_softmax_2, xs, POINT),
    )


def test_prod_matches_sympy_even_with_a_zero():
    xs = _symbols(4)
    product = sp.Mul(*xs)
    for point in (POINT, np.array([0.3, 0.0, 2.0, 0.7]), np.array([0.0, 0.0, 2.0, 1.0])):
        np.testing.assert_allclose(
            _our_gradient(lambda x: x.prod(), point), _sympy_gradient(product, xs, point)
        )


def test_kink_conventions_follow_pytorch():
    x = torch.tensor([-1.0, 0.0, 0.5, 1.0, 2.0], requires_grad=True)
    torch.clamp(x, min=0.0, max=1.0).sum().backward()
    # PyTorch: 1 where min <= x <= max, bounds included.
    assert x.grad.tolist() == [0.0, 1.0, 1.0, 1.0, 0.0]
    y = torch.tensor([[1.0, 3.0, 3.0]], requires_grad=True)
    y.max(dim=1).values.sum().backward()
    assert y.grad.tolist() == [[0.0, 1.0, 0.0]]  # to the index returned (the first maximum)
    z = torch.tensor([1.0, 3.0, 3.0], requires_grad=True)
    z.max().backward()
    assert z.grad.tolist() == [0.0, 0.5, 0.5]  # full reduction: split between ties
    c = torch.ones(3, requires_grad=True)
    c.std().backward()
    assert c.grad.tolist() == [0.0, 0.0, 0.0]


def test_grad_fn_names_like_torch():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    names = {
        "clamp": torch.clamp(x, 0, 1),
        "clamp_min": x.clamp(min=0),
        "std": x.std(),
        "var": x.var(),
        "prod": x.prod(),
        "cumsum": x.cumsum(0),
        "softmax": x.softmax(1),
        "log_softmax": x.log_softmax(1),
        "max_dim": x.max(dim=1).values,
        "max": x.max(),
        "where": torch.where(x > 2, x, x * 2),
        "cast": x.float(),
        "remainder": x % 2,
    }
    expected = {
        "clamp": "ClampBackward1",
        "clamp_min": "ClampMinBackward0",
        "std": "StdBackward0",
        "var": "VarBackward0",
        "prod": "ProdBackward0",
        "cumsum": "CumsumBackward0",
        "softmax": "SoftmaxBackward0",
        "log_softmax": "LogSoftmaxBackward0",
        "max_dim": "MaxBackward0",
        "max": "MaxBackward1",
        "where": "WhereBackward0",
        "cast": "ToCopyBackward0",
        "remainder": "RemainderBackward0",
    }
    assert {key: tensor.grad_fn.name() for key, tensor in names.items()} == expected


def test_gradient_through_a_cast_returns_in_the_leaf_dtype():
    x = torch.tensor([0.5, 1.5], requires_grad=True)
    (x.float() ** 2).sum().backward()
    assert x.grad.dtype == torch.float64
    np.testing.assert_allclose(x.grad.numpy(), [1.0, 3.0])


def test_logical_operators_on_masks():
    x = torch.arange(6)
    assert ((x > 1) & (x < 4)).tolist() == [False, False, True, True, False, False]
    assert ((x < 1) | (x > 4)).tolist() == [True, False, False, False, False, True]
    assert (~(x > 2)).tolist() == [True, True, True, False, False, False]
    assert (x // 4).tolist() == [0, 0, 0, 0, 1, 1] and (x % 4).tolist() == [0, 1, 2, 3, 0, 1]
