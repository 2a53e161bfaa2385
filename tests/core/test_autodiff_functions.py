"""Every function of the table: reverse and forward mode against sympy and central differences."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

import explorer.autodiff as torch
from explorer.core.autodiff.check import check_grads
from explorer.core.autodiff.functional import PYTORCH_NAMES, TABLE_FUNCTIONS
from explorer.core.functions import FUNCTIONS

# Functions of one argument; atan2 (two): test_atan2_through_every_converter.py.
DIFFERENTIABLE = [spec for spec in FUNCTIONS if spec.grad is not None and spec.arity == 1]
PIECEWISE_CONSTANT = [spec for spec in FUNCTIONS if spec.grad is None]
X = sympy.Symbol("x", real=True)


def _points(spec, count: int = 6) -> np.ndarray:
    rng = np.random.default_rng(sum(map(ord, spec.name)))
    per_domain = [rng.uniform(low, high, count) for low, high in spec.test_domains]
    return np.concatenate(per_domain)


def _sympy_derivative(spec, points: np.ndarray) -> np.ndarray:
    derivative = sympy.diff(spec.to_sympy(X), X)
    return np.array([float(derivative.subs(X, sympy.Float(p, 30)).evalf(30)) for p in points])


def _sympy_value(spec, points: np.ndarray) -> np.ndarray:
    expression = spec.to_sympy(X)
    return np.array([float(expression.subs(X, sympy.Float(p, 30)).evalf(30)) for p in points])


def _function(spec):
    # The whole table, the expression language's extras too (the torch facade has PyTorch's only).
    return TABLE_FUNCTIONS[spec.name]


@pytest.mark.parametrize("spec", DIFFERENTIABLE, ids=lambda spec: spec.name)
def test_reverse_mode_matches_sympy_and_central_differences(spec):
    points = _points(spec)
    x = torch.tensor(points, requires_grad=True)
    y = _function(spec)(x)
    np.testing.assert_allclose(y.detach().numpy(), _sympy_value(spec, points), rtol=1e-12)
    y.sum().backward()
    reverse = x.grad.numpy()
    np.testing.assert_allclose(reverse, _sympy_derivative(spec, points), rtol=1e-10, atol=1e-12)
    h = 1e-6
    central = (spec.forward(points + h) - spec.forward(points - h)) / (2 * h)
    np.testing.assert_allclose(reverse, central, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("spec", DIFFERENTIABLE, ids=lambda spec: spec.name)
def test_forward_mode_matches_sympy(spec):
    points = _points(spec)
    value, tangent = torch.func.jvp(
        _function(spec), (torch.tensor(points),), (np.ones_like(points),)
    )
    np.testing.assert_allclose(value.numpy(), spec.forward(points), rtol=1e-15)
    np.testing.assert_allclose(
        tangent.numpy(), _sympy_derivative(spec, points), rtol=1e-10, atol=1e-12
    )


@pytest.mark.parametrize("spec", DIFFERENTIABLE, ids=lambda spec: spec.name)
def test_check_grads_through_a_composition(spec):
    # The function inside a small expression: chain rule, broadcasting and a reduction at once.
    low, high = spec.test_domains[0]
    middle, half_width = (low + high) / 2, (high - low) / 4
    points = middle + half_width * np.sin(np.arange(1.0, 6.0))
    function = _function(spec)

    def composed(x, w):
        return (function(x) * w + 0.5 * x).sum() * w.mean()

    result = check_grads(composed, points, np.linspace(0.5, 1.5, 5), rtol=1e-6, atol=1e-8)
    assert result.reverse == pytest.approx(result.forward, rel=1e-12)


@pytest.mark.parametrize(
    "spec", [s for s in DIFFERENTIABLE if s.name in PYTORCH_NAMES], ids=lambda spec: spec.name
)
def test_method_and_float32(spec):
    # Tensor methods exist for PyTorch's names only (x.sin(), not x.sec()).
    points = _points(spec)[:3]
    x = torch.tensor(points, dtype=torch.float32, requires_grad=True)
    y = getattr(x, spec.name)()
    assert y.dtype == torch.float32
    assert y.grad_fn.name() == f"{spec.name.capitalize()}Backward0"
    y.sum().backward()
    assert x.grad.dtype == torch.float32
    expected = _sympy_derivative(spec, points.astype(np.float32).astype(np.float64))
    np.testing.assert_allclose(x.grad.numpy(), expected, rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("spec", PIECEWISE_CONSTANT, ids=lambda spec: spec.name)
def test_piecewise_constant_functions_propagate_zero_gradients(spec):
    points = np.array([-1.5, -0.2, 0.3, 2.7])
    x = torch.tensor(points, requires_grad=True)
    y = _function(spec)(x)
    np.testing.assert_array_equal(y.detach().numpy(), spec.forward(points))
    (y * x).sum().backward()  # d/dx (g(x)·x) = g(x) when g' = 0
    np.testing.assert_array_equal(x.grad.numpy(), spec.forward(points))
    _, tangent = torch.func.jvp(_function(spec), (points,), (np.ones(4),))
    np.testing.assert_array_equal(tangent.numpy(), np.zeros(4))


def test_aliases_are_the_same_function():
    for spec in FUNCTIONS:
        for alias in spec.aliases:
            assert TABLE_FUNCTIONS[alias] is TABLE_FUNCTIONS[spec.name]


def test_pytorch_conventions_at_kinks():
    x = torch.tensor([0.0, 0.0], requires_grad=True)
    (torch.relu(x[0]) + torch.abs(x[1])).backward()
    assert x.grad.tolist() == [0.0, 0.0]  # relu'(0) = 0, abs'(0) = 0, as in PyTorch
    m = torch.tensor(2.0, requires_grad=True)
    n = torch.tensor(2.0, requires_grad=True)
    torch.maximum(m, n).backward()
    assert (m.grad.item(), n.grad.item()) == (0.5, 0.5)  # ties split evenly, as in PyTorch
    z = torch.zeros(3, requires_grad=True)
    z.norm().backward()
    assert z.grad.tolist() == [0.0, 0.0, 0.0]  # ‖·‖ at 0: zero subgradient, as in PyTorch
