"""Higher-order gradients: create_graph=True records the backward pass, so gradients can be
differentiated again (Hessian-vector products, Newton's method), and torch.func's transforms
nest. Second derivatives are checked against sympy for every function of the table; the worked
values are PyTorch 2.13's on the same programs."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy

import explorer.autodiff as torch
from explorer.core.autodiff.apply import apply_elementwise
from explorer.core.autodiff.rules import TABLE_RULES
from explorer.core.functions import FUNCTIONS

# Functions of one argument; atan2's second derivatives: test_atan2_through_every_converter.py.
DIFFERENTIABLE = [spec for spec in FUNCTIONS if spec.differentiable and spec.arity == 1]


@pytest.mark.parametrize("spec", DIFFERENTIABLE, ids=lambda spec: spec.name)
def test_second_derivative_of_every_table_function_matches_sympy(spec):
    low, high = spec.test_domains[0]
    points = np.linspace(low + 0.1 * (high - low), high - 0.1 * (high - low), 5)
    x = torch.tensor(points, requires_grad=True)
    y = apply_elementwise(TABLE_RULES[spec.name], (x,))
    (first,) = torch.autograd.grad(y.sum(), x, create_graph=True)
    if first.requires_grad:
        (second,) = torch.autograd.grad(first.sum(), x)
    else:  # relu′ = step(x) is a constant here (PyTorch records a node with zero gradient)
        second = torch.zeros_like(x)
    symbol = sympy.Symbol("x", real=True)
    formula = sympy.diff(spec.to_sympy(symbol), symbol, 2)
    expected = [float(formula.subs(symbol, point)) for point in points]
    np.testing.assert_allclose(second.numpy(), expected, rtol=1e-9, atol=1e-12)


A = [[1.0, 2.0], [3.0, 4.0]]
# (program, gradient at x = [1, 2], Hessian rows) from PyTorch 2.13.
CASES = {
    "sin∘sin": (lambda x: x.sin().sin().sum(), [0.3600, -0.2556], [[-0.7784, 0.0], [0.0, -0.6952]]),
    "cube": (lambda x: (x**3).sum(), [3.0, 12.0], [[6.0, 0.0], [0.0, 12.0]]),
    "x·eˣ": (lambda x: (x * x.exp()).sum(), [5.4366, 22.1672], [[8.1548, 0.0], [0.0, 29.5562]]),
    "norm": (lambda x: x.norm(), [0.4472, 0.8944], [[0.3578, -0.1789], [-0.1789, 0.0894]]),
    "softmax": (
        lambda x: x.softmax(0)[0],
        [0.1966, -0.1966],
        [[0.0909, -0.0909], [-0.0909, 0.0909]],
    ),
    "quadratic form": (lambda x: x @ torch.tensor(A) @ x, [12.0, 21.0], [[2.0, 5.0], [5.0, 8.0]]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradients_of_gradients_match_pytorch(name):
    program, gradient, hessian = CASES[name]
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (g,) = torch.autograd.grad(program(x), x, create_graph=True)
    assert g.requires_grad and g.grad_fn is not None
    np.testing.assert_allclose(g.detach().numpy(), gradient, atol=1e-4)
    rows = [torch.autograd.grad(g[i], x, retain_graph=True)[0].tolist() for i in range(2)]
    np.testing.assert_allclose(rows, hessian, atol=1e-4)
    np.testing.assert_allclose(torch.func.hessian(program)(torch.tensor([1.0, 2.0])).numpy(),
                               hessian, atol=1e-4)  # fmt: skip


def test_hessian_vector_product_with_backward_create_graph():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    v = torch.tensor([1.0, 0.0, -1.0])
    y = (x**3).sum()
    y.backward(create_graph=True)
    (x.grad * v).sum().backward()  # accumulates ∇(∇y·v) = H v on top of ∇y
    np.testing.assert_allclose(
        x.grad.detach().numpy(), 3 * np.array([1.0, 4.0, 9.0]) + [6.0, 0.0, -18.0]
    )


def test_newtons_method_finds_the_minimum_of_a_convex_function():
    # d2l's Newton step x ← x − f′(x)/f″(x) on f(x) = cosh(c·x), with both derivatives by autodiff.
    c = 0.5
    x = torch.tensor(10.0, requires_grad=True)
    for _ in range(10):
        (first,) = torch.autograd.grad(torch.cosh(c * x), x, create_graph=True)
        (second,) = torch.autograd.grad(first, x)
        with torch.no_grad():
            x -= first / second
    assert abs(x.item()) < 1e-8


def test_func_transforms_nest():
    assert torch.func.grad(torch.func.grad(torch.sin))(torch.tensor(1.0)).item() == pytest.approx(
        -np.sin(1.0)
    )
    out, vjp_fn = torch.func.vjp(lambda t: t**2, torch.tensor([1.0, 2.0]))
    assert out.tolist() == [1.0, 4.0] and vjp_fn(torch.ones(2))[0].tolist() == [2.0, 4.0]
    value, tangent = torch.func.jvp(lambda t: t**2, (torch.tensor([1.0, 2.0]),), (torch.ones(2),))
    assert value.tolist() == [1.0, 4.0] and tangent.tolist() == [2.0, 4.0]
    assert not torch.func.grad(lambda t: (t * t).sum())(torch.tensor([3.0])).requires_grad


def test_unused_input_names_its_index_as_pytorch():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    unused = torch.ones(2, requires_grad=True)
    message = ("The differentiated Tensor at index 1 appears to not have been used in the graph. "
               "Set allow_unused=True if this is the desired behavior.")  # fmt: skip
    with pytest.raises(RuntimeError, match=f"^{re.escape(message)}$"):
        torch.autograd.grad((x * 2).sum(), [x, unused])


INDEX = [[0, 2, 2, 1], [3, 3, 0, 1], [1, 1, 1, 1]]  # gather indices, some repeated
WEIGHTS = np.random.default_rng(7).standard_normal((3, 4))
# Scalar programs of a 3×4 tensor through each reduction and indexing op with a rule of its own.
STRUCTURAL_PROGRAMS = {
    "var along a dim": lambda x: (x.var(1) * torch.tensor([1.0, 2.0, 3.0])).sum(),
    "std along a dim and of all": lambda x: x.std(0).sum() + x.std(),
    "prod along a dim": lambda x: x.prod(1).sum(),
    "prod of all": lambda x: x.prod(),
    "cumsum": lambda x: (x.cumsum(1) ** 2 * torch.tensor(WEIGHTS)).sum(),
    "max and min along a dim": lambda x: (
        (x.max(1)[0] ** 3).sum() + (x.min(0, keepdim=True)[0] ** 2).sum()
    ),
    "gather with repeats": lambda x: (x.gather(1, torch.tensor(INDEX)) ** 3).sum(),
    "gather of fewer columns": lambda x: (
        x.gather(1, torch.tensor([[1, 1], [0, 2], [3, 3]])) ** 2
    ).sum(),
    "einsum of two operands": lambda x: (torch.einsum("ij,kj->ik", x, x * x) ** 2).sum(),
    "einsum summing an index out": lambda x: (
        (torch.einsum("ij->j", x) ** 3).sum() + torch.einsum("ij,j->", x, x[0] * 1.0)
    ),
}


def _gradient(program, point: np.ndarray, create_graph: bool = False):
    x = torch.tensor(point, requires_grad=True)
    (gradient,) = torch.autograd.grad(program(x), x, create_graph=create_graph)
    return x, gradient


@pytest.mark.parametrize("name", sorted(STRUCTURAL_PROGRAMS))
def test_hessian_vector_products_through_structural_ops_match_central_differences(name):
    # H·v = d/dh ∇f(x + h·v) at h = 0: the recorded gradient differentiated again, against
    # central differences of the plain first derivative.
    program = STRUCTURAL_PROGRAMS[name]
    rng = np.random.default_rng(3)
    point, direction = rng.standard_normal((3, 4)) + 0.5, rng.standard_normal((3, 4))
    x, gradient = _gradient(program, point, create_graph=True)
    np.testing.assert_allclose(gradient.detach().numpy(), _gradient(program, point)[1].numpy())
    (hessian_v,) = torch.autograd.grad((gradient * torch.tensor(direction)).sum(), x)
    h = 1e-5
    ahead, behind = (_gradient(program, point + s * h * direction)[1] for s in (1, -1))
    expected = (ahead.numpy() - behind.numpy()) / (2 * h)
    np.testing.assert_allclose(hessian_v.numpy(), expected, rtol=1e-6, atol=1e-6)


def test_hessian_of_a_product_is_the_products_of_the_other_pairs():
    # ∂²(abc)/∂a∂b = c, and nothing on the diagonal: a closed form, exact even at a zero.
    for values in ([2.0, 3.0, 5.0], [0.0, 3.0, 5.0]):
        a, b, c = values
        hessian = torch.func.hessian(lambda t: t.prod())(torch.tensor(values))
        np.testing.assert_array_equal(hessian.numpy(), [[0, c, b], [c, 0, a], [b, a, 0]])
