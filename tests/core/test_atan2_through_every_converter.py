"""atan2(y, x), the table's one function of two arguments, through every converter: parser,
numpy, sympy, the autodiff core (both partials, forward mode, second derivatives), the derivation
steps, the syntax list, descent's PyTorch code and the Graph tab's sandbox. Checked against sympy
and central differences in all four quadrants and on both sides of the branch cut (x < 0, y → ±0).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

import explorer.autodiff as torch
from explorer.core.autodiff.from_tree import build_graph
from explorer.core.derivative.from_sympy import sympy_to_tree
from explorer.core.derivative.steps import derive
from explorer.core.descent.code import torch_expression
from explorer.core.descent.objective import parse_objective
from explorer.core.expr import ExprError, parse
from explorer.core.expr.to_sympy import tree_to_sympy
from explorer.core.gradient.surface import Surface
from explorer.core.graph.interpreter import run_program

X, Y = sympy.symbols("x y", real=True)
EXACT = sympy.atan2(Y, X)
EXACT_DY, EXACT_DX = sympy.diff(EXACT, Y), sympy.diff(EXACT, X)


def _points() -> np.ndarray:
    """(x, y) in each quadrant, on the axes, and just above and below the branch cut."""
    rng = np.random.default_rng(2026)
    quadrants = [rng.uniform(0.1, 3.0, size=(6, 2)) * sign for sign in
                 ((1, 1), (-1, 1), (-1, -1), (1, -1))]  # fmt: skip
    axes = [(2.0, 0.0), (0.0, 1.5), (0.0, -0.7), (1e-3, 5.0)]
    cut = [(x, y) for x in (-0.5, -2.0) for y in (1e-3, -1e-3, 1e-6, -1e-6)]
    return np.vstack([*quadrants, axes, cut])


POINTS = _points()


def _exact(expression, x: float, y: float) -> float:
    point = {X: sympy.Float(x, 40), Y: sympy.Float(y, 40)}
    return float(expression.subs(point).evalf(30))


def test_the_parser_reads_two_arguments_in_numpys_order():
    expression = parse("atan2(y, x) + arctan2(1, x)", variables=("x", "y"))
    assert expression.tree.sexpr() == "(+ (atan2 y x) (atan2 1 x))"
    assert expression.display() == "atan2(y, x) + atan2(1, x)"
    assert tree_to_sympy(expression.tree, {"x": X, "y": Y}) == EXACT + sympy.atan2(1, X)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("atan2(y)", "'atan2' takes 2 arguments, got 1: write atan2(y, x)"),
        ("atan2(y, x, 1)", "'atan2' takes 2 arguments, got 3: write atan2(y, x)"),
        ("atan2()", "'atan2' needs an argument, e.g. atan2(y, x)"),
        ("atan2 y", "'atan2' needs an argument in parentheses, e.g. atan2(y, x)"),
        ("atan2(0, 0)", "atan2(0, 0) is undefined (the point (0, 0) has no angle)"),
        ("sin(x, y)", "'sin' takes 1 argument, got 2"),
    ],
)
def test_wrong_calls_say_how_to_write_them(text, message):
    with pytest.raises(ExprError) as error:
        parse(text, variables=("x", "y"))
    assert error.value.message == message
    assert error.value.column == 1


def test_a_constant_call_is_a_number():
    assert parse("atan2(1, -1)").evaluate(x=0.0) == pytest.approx(3 * math.pi / 4)


def test_numpy_values_match_sympy_in_every_quadrant_and_at_the_cut():
    f = parse("atan2(y, x)", variables=("x", "y")).numpy_function()
    values = f(x=POINTS[:, 0], y=POINTS[:, 1])
    for (x, y), value in zip(POINTS, values, strict=True):
        assert value == pytest.approx(_exact(EXACT, x, y), rel=1e-14, abs=1e-15), (x, y)


def test_the_branch_cut_jumps_from_pi_to_minus_pi():
    f = parse("atan2(y, x)", variables=("x", "y")).numpy_function()
    above = f(x=-1.0, y=np.array([1e-3, 1e-9, 1e-300, 0.0]))
    below = f(x=-1.0, y=np.array([-1e-3, -1e-9, -1e-300]))
    assert np.all(np.diff(above) >= 0) and above[-1] == math.pi  # y → +0: up to π
    assert np.all(np.diff(below) <= 0) and below[-1] == -math.pi  # y → −0: down to −π
    assert _exact(EXACT, -1.0, 0.0) == math.pi  # sympy puts the cut's own points at +π too


def test_autodiff_partials_match_sympy_and_central_differences():
    x = torch.tensor(POINTS[:, 0], requires_grad=True)
    y = torch.tensor(POINTS[:, 1], requires_grad=True)
    angle = torch.atan2(y, x)
    assert angle.grad_fn.name() == "Atan2Backward0"
    angle.sum().backward()
    for index, (px, py) in enumerate(POINTS):
        assert y.grad[index].item() == pytest.approx(_exact(EXACT_DY, px, py), rel=1e-12)
        assert x.grad[index].item() == pytest.approx(_exact(EXACT_DX, px, py), rel=1e-12)
        # The step stays on one side of the cut: a tenth of |y| there, 1e-6 elsewhere.
        h = min(1e-6, abs(py) / 10) if px < 0 else 1e-6
        central_y = (math.atan2(py + h, px) - math.atan2(py - h, px)) / (2 * h)
        central_x = (math.atan2(py, px + h) - math.atan2(py, px - h)) / (2 * h)
        assert y.grad[index].item() == pytest.approx(central_y, rel=1e-5, abs=1e-8)
        assert x.grad[index].item() == pytest.approx(central_x, rel=1e-5, abs=1e-8)


def test_the_partials_are_continuous_across_the_cut():
    # The value jumps by 2π there; the gradient does not: ∂/∂y → 1/x, ∂/∂x → 0 from both sides.
    for y_value in (1e-12, -1e-12, 0.0, -0.0):
        x = torch.tensor(-2.0, requires_grad=True)
        y = torch.tensor(y_value, requires_grad=True)
        torch.atan2(y, x).backward()
        assert y.grad.item() == pytest.approx(-0.5, rel=1e-12)
        assert x.grad.item() == pytest.approx(0.0, abs=1e-12)


def test_at_the_origin_the_gradient_is_pytorchs_zero():
    # PyTorch's atan2 backward masks 1/(x² + y²) to 0 where it is infinite: torch 2.13 gives
    # atan2(0, 0) = 0 with gradient (0, 0), where the formulas are 0/0 (sympy: nan).
    x = torch.tensor(0.0, requires_grad=True)
    y = torch.tensor(0.0, requires_grad=True)
    angle = torch.atan2(y, x)
    angle.backward()
    assert (angle.item(), y.grad.item(), x.grad.item()) == (0.0, 0.0, 0.0)
    assert EXACT_DY.subs({X: 0, Y: 0}, simultaneous=True) is sympy.nan


def test_forward_mode_and_the_expression_graph_agree():
    xs, ys = POINTS[:, 0], POINTS[:, 1]
    direction = (np.full_like(xs, 0.6), np.full_like(ys, -0.8))
    _, tangent = torch.func.jvp(torch.atan2, (torch.tensor(ys), torch.tensor(xs)),
                                (direction[1], direction[0]))  # fmt: skip
    graph = build_graph(parse("atan2(y, x)", variables=("x", "y")).tree, {"x": xs, "y": ys})
    graph.output.sum().backward()
    by_graph = graph.inputs["x"].grad.numpy() * 0.6 - graph.inputs["y"].grad.numpy() * 0.8
    np.testing.assert_allclose(tangent.numpy(), by_graph, rtol=1e-12)


def test_second_derivatives_match_sympy():
    px, py = -1.3, 0.4
    x = torch.tensor(px, requires_grad=True)
    y = torch.tensor(py, requires_grad=True)
    dy, dx = torch.autograd.grad(torch.atan2(y, x), (y, x), create_graph=True)
    (dyy, dyx) = torch.autograd.grad(dy, (y, x), retain_graph=True)
    (dxx,) = torch.autograd.grad(dx, (x,))
    assert dyy.item() == pytest.approx(_exact(sympy.diff(EXACT, Y, 2), px, py), rel=1e-12)
    assert dyx.item() == pytest.approx(_exact(sympy.diff(EXACT, Y, X), px, py), rel=1e-12)
    assert dxx.item() == pytest.approx(_exact(sympy.diff(EXACT, X, 2), px, py), rel=1e-12)


def test_the_gradient_tab_surface_reads_the_partials():
    surface = Surface.from_text("atan2(y, x)")
    for px, py in POINTS[::5]:
        value, df_dx, df_dy = surface.value_and_gradient(float(px), float(py))
        assert value == pytest.approx(math.atan2(py, px), rel=1e-15)
        assert (df_dx, df_dy) == pytest.approx(
            (_exact(EXACT_DX, px, py), _exact(EXACT_DY, px, py)), rel=1e-12
        )


@pytest.mark.parametrize(
    "text", ["atan2(sin(x), x^2 + 1)", "atan2(1, x)", "atan2(x^2 - 2, -x)", "atan2(a x, 3)"]
)
def test_derivation_steps_match_sympy(text):
    tree = parse(text, variables=("x",), parameters=True).tree
    derivation = derive(tree, "x")
    step = derivation.steps[0]
    assert step.rule == "chain_two"
    assert step.title == "Chain rule with the partial derivatives of atan2"
    assert step.formula == "(atan2(u, v))′ = v/(u² + v²)·u′ − u/(u² + v²)·v′"
    a = sympy.Symbol("a", real=True)
    symbols = {"x": X, "a": a}
    ours = tree_to_sympy(derivation.derivative, symbols)
    expected = sympy.diff(tree_to_sympy(tree, symbols), X)
    for point in (-2.1, -0.4, 0.3, 1.7):
        at = {X: point, a: 0.7}
        assert float(ours.subs(at)) == pytest.approx(float(expected.subs(at)), rel=1e-12)


def test_a_constant_argument_folds_in_the_steps():
    assert derive(parse("atan2(x, 1)").tree).text == "1/(x² + 1)"


def test_sympy_results_come_back_as_atan2():
    tree = sympy_to_tree(sympy.atan2(Y, X) + 1)
    assert tree == parse("atan2(y, x) + 1", variables=("x", "y")).tree


def test_descent_follows_atan2_and_writes_it_for_pytorch():
    objective = parse_objective("atan2(y, x)^2 + 0.1(x^2 + y^2)")
    values, gradient = objective.value_and_gradient(np.array([[-1.0, 0.5], [0.3, -2.0]]))
    f = EXACT**2 + sympy.Rational(1, 10) * (X**2 + Y**2)
    for row, (px, py) in enumerate(((-1.0, 0.5), (0.3, -2.0))):
        assert values[row] == pytest.approx(_exact(f, px, py), rel=1e-12)
        assert gradient[row] == pytest.approx(
            (_exact(sympy.diff(f, X), px, py), _exact(sympy.diff(f, Y), px, py)), rel=1e-12
        )
    # torch.atan2 takes tensors only: a constant argument is made one.
    assert torch_expression(parse("atan2(y - 1, 2)", variables=("x", "y")).tree) == (
        "torch.atan2(y - 1, torch.as_tensor(2))"
    )


def test_the_graph_sandbox_has_torch_atan2_with_pytorchs_argument_rules():
    result = run_program(
        "import torch\n"
        "y = torch.tensor(1.0, requires_grad=True)\n"
        "x = torch.tensor(-1.0, requires_grad=True)\n"
        "a = torch.atan2(y, x)\n"
        "a.backward()\n"
    )
    assert result.variables["a"].item() == pytest.approx(3 * math.pi / 4)
    assert result.variables["y"].grad.item() == pytest.approx(-0.5)
    assert result.variables["x"].grad.item() == pytest.approx(-0.5)
    with pytest.raises(TypeError, match="atan2\\(\\): argument 'other' must be Tensor, not float"):
        torch.atan2(torch.tensor(1.0), 2.0)
