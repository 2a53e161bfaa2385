"""Partial derivatives of generated f(x, y): autodiff and the steps engine's formulas vs sympy."""

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.expr import parse
from explorer.core.gradient.surface import Surface

X, Y = sympy.symbols("x y", real=True)

# Pieces that are smooth and defined on the whole plane, so every sample point is fair game.
ATOMS = st.sampled_from(
    [
        "x",
        "y",
        "x*y",
        "x^2",
        "y^3",
        "sin(x)",
        "cos(y)",
        "exp(x/3)",
        "log(1 + x^2 + y^2)",
        "sqrt(2 + x^2)",
        "tanh(x - y)",
        "1/(1 + y^2)",
        "sigmoid(x + 2y)",
    ]
)
COEFFICIENTS = st.integers(min_value=-3, max_value=3).filter(lambda c: c != 0)


@st.composite
def functions(draw, depth=2):
    if depth == 0:
        return draw(ATOMS)
    left = draw(functions(depth=depth - 1))
    right = draw(functions(depth=depth - 1))
    kind = draw(st.sampled_from(["+", "*", "-", "compose"]))
    if kind == "compose":
        outer = draw(st.sampled_from(["sin", "exp", "tanh", "cos"]))
        return f"{outer}(({left})/{abs(draw(COEFFICIENTS)) + 1})"
    return f"{draw(COEFFICIENTS)}*({left}) {kind} ({right})"


def sympy_partials(text: str, x: float, y: float) -> tuple[float, float, float]:
    expression = parse(text, variables=("x", "y")).to_sympy({"x": X, "y": Y})
    point = {X: sympy.Float(x, 30), Y: sympy.Float(y, 30)}
    value = float(expression.evalf(30, subs=point))
    dx = float(sympy.diff(expression, X).evalf(30, subs=point))
    dy = float(sympy.diff(expression, Y).evalf(30, subs=point))
    return value, dx, dy


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9 * max(1.0, abs(b)))


@settings(max_examples=25, deadline=None)
@given(
    functions(),
    st.floats(min_value=-2, max_value=2, allow_nan=False),
    st.floats(min_value=-2, max_value=2, allow_nan=False),
)
def test_partials_match_sympy(text, x, y):
    surface = Surface.from_text(text)
    value, dx, dy = sympy_partials(text, x, y)
    got_value, got_dx, got_dy = (float(v) for v in surface.value_and_gradient(x, y))
    assert close(got_value, value)
    assert close(got_dx, dx) and close(got_dy, dy)
    # The steps engine's formulas (what the panel prints) give the same numbers.
    formula_dx, formula_dy = (float(v) for v in surface.formula_gradient(x, y))
    assert close(formula_dx, dx) and close(formula_dy, dy)


def test_partials_hold_the_other_variable_constant():
    surface = Surface.from_text("x^2*y + y^3")
    # y is a constant factor for ∂/∂x (the y³ term drops out); x² is one for ∂/∂y.
    assert surface.partial_derivation("x").text in ("2x·y", "2y·x")
    assert surface.partial_derivation("y").text == "x² + 3y²"


def test_gradient_on_a_grid_is_one_pass_and_matches_pointwise():
    surface = Surface.from_text("sin(x*y) + a*x", {"a": 2.5})
    xs, ys = np.meshgrid(np.linspace(-1, 1, 7), np.linspace(-2, 2, 5))
    gx, gy = surface.gradient(xs, ys)
    assert gx.shape == xs.shape
    assert gx[2, 3] == pytest.approx(ys[2, 3] * math.cos(xs[2, 3] * ys[2, 3]) + 2.5)
    assert gy[4, 6] == pytest.approx(xs[4, 6] * math.cos(xs[4, 6] * ys[4, 6]))


def test_hessian_matches_sympy():
    text = "x^3*y - 2x*y^2 + exp(x - y)"
    expression = parse(text, variables=("x", "y")).to_sympy({"x": X, "y": Y})
    point = {X: 0.7, Y: -0.4}
    expected = np.array(
        [[float(sympy.diff(expression, a, b).subs(point)) for b in (X, Y)] for a in (X, Y)]
    )
    got = Surface.from_text(text).hessian(0.7, -0.4)
    assert np.allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_a_function_of_x_alone_has_zero_y_partial():
    surface = Surface.from_text("x^2")
    value, dx, dy = surface.value_and_gradient(np.array([1.0, 3.0]), 0.0)
    assert dx.tolist() == [2.0, 6.0] and dy.tolist() == [0.0, 0.0]
