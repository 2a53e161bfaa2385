"""Tangents, where there is none (poles, kinks, jumps), secants, the linear-approximation band."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from explorer.core.derivative import (
    line_equation,
    linear_approximation_band,
    prepare,
    secant_through,
    tangent_at,
)
from explorer.core.expr import parse
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy


def test_d2l_exercise_tangent() -> None:
    tangent = tangent_at("x^3 - 1/x", 1)
    assert tangent.differentiable
    assert (tangent.y0, tangent.slope) == (0.0, 4.0)
    assert tangent.equation == "y = 4x − 4"
    assert tangent.point_slope == "y = 0 + 4(x − 1)"
    assert tangent.line(np.array([0.0, 2.0])) == pytest.approx([-4.0, 4.0])


def test_pole_is_reported_not_drawn() -> None:
    tangent = tangent_at("x^3 - 1/x", 0)
    assert not tangent.differentiable
    assert tangent.reason == "f is not defined at x = 0"
    assert np.isnan(tangent.line(np.array([1.0, 2.0]))).all()


@pytest.mark.parametrize(
    ("text", "x0", "reason"),
    [
        ("|x|", 0, "|x| has a corner at x = 0: left slope −1, right slope 1"),
        ("abs(x - 1)", 1, "|x − 1| has a corner at x = 1: left slope −1, right slope 1"),
        ("relu(x)", 0, "relu(x) has a corner at x = 0: left slope 0, right slope 1"),
        ("x^2 + |x - 1|", 1, "f has a corner at x = 1 (from |x − 1|): left slope 1, right slope 3"),
        ("sqrt(x^2)", 0, "f has a corner at x = 0: left slope −1, right slope 1"),
        ("log(x)", -1, "f is not defined at x = −1"),
        ("sqrt(x)", 0, "f is not defined just to the left of x = 0, so it has no slope there"),
        ("cbrt(x)", 0, "f has no finite slope at x = 0: the tangent is vertical"),
        ("tan(x)", np.pi / 2, "f has a pole at x = 1.5708: it grows without bound there"),
        ("1/(x - 0.1)^2", 0.1, "f is not defined at x = 0.1"),
    ],
)
def test_no_tangent_where_f_is_not_differentiable(text: str, x0: float, reason: str | None) -> None:
    tangent = tangent_at(text, x0)
    assert not tangent.differentiable
    if reason is not None:
        assert tangent.reason == reason
    assert tangent.equation == ""


def test_numerical_fallback_finds_a_corner_the_table_cannot_see() -> None:
    # sqrt(x^2) is |x|, but no table entry with a kink appears in it.
    assert prepare("sqrt(x^2)").kink_sites == ()
    tangent = tangent_at("sqrt(x^2)", 0)
    assert (tangent.left_slope, tangent.right_slope) == (-1.0, 1.0)


def test_piecewise_constant_jumps_and_flat_parts() -> None:
    at_jump = tangent_at("floor(x)", 1)
    assert not at_jump.differentiable
    assert at_jump.reason.startswith("f jumps at x = 1, so it has no tangent there")
    assert "⌊x⌋" in at_jump.reason
    flat = tangent_at("floor(x)", 0.5)
    assert flat.differentiable and flat.equation == "y = 0"


def test_near_a_kink_but_not_at_it_the_tangent_exists() -> None:
    tangent = tangent_at("relu(x)", 1e-9)
    assert tangent.differentiable and tangent.slope == 1.0


@pytest.mark.parametrize(
    ("slope", "intercept", "text"),
    [
        (4, -4, "y = 4x − 4"),
        (-0.5, 2, "y = −0.5x + 2"),
        (1, 0, "y = x"),
        (-1, 3, "y = −x + 3"),
        (0, 2.5, "y = 2.5"),
        (1 / 3, 1e-17, "y = 0.333333x"),
        (3.9999999999999996, -4.000000000000001, "y = 4x − 4"),
    ],
)
def test_line_equation_formatting(slope: float, intercept: float, text: str) -> None:
    assert line_equation(slope, intercept) == text


def test_a_negative_slope_reads_with_the_minus_sign() -> None:
    assert tangent_at("-0.5x + 2", 3).equation == "y = −0.5x + 2"


def test_parameters_move_the_tangent() -> None:
    first = tangent_at("a*x^2 + b", 1, {"a": 2, "b": 1})
    assert (first.y0, first.slope, first.equation) == (3.0, 4.0, "y = 4x − 1")
    second = tangent_at("a*x^2 + b", 1, {"a": 3, "b": 1})
    assert second.slope == 6.0
    prepared = prepare("a*x^2 + b", {"a": 2, "b": 1})
    assert tangent_at(prepared, 1, {"a": -1, "b": 0}).equation == "y = −2x + 1"
    # A parameter without a value starts at 1, like a fresh slider.
    assert prepare("a*x^2 + b").params == {"a": 1.0, "b": 1.0}


@pytest.mark.parametrize("text", ["sin(x)*exp(-x^2)", "x^3 - 1/x", "log(1 + x^2)", "sigmoid(3x)"])
def test_tangent_slope_matches_sympy(text: str) -> None:
    x = real_symbol("x")
    expression = parse(text)
    reference = sympy.lambdify(x, sympy.diff(tree_to_sympy(expression.tree, {"x": x}), x))
    for x0 in (-1.7, 0.4, 2.3):
        tangent = tangent_at(expression, x0)
        assert tangent.slope == pytest.approx(float(reference(x0)), rel=1e-12)
        assert tangent.y0 == pytest.approx(float(expression.evaluate(x=x0)))


def test_secant_tends_to_the_tangent() -> None:
    slopes = [secant_through("x^3 - 1/x", 1, h).slope for h in (1.0, 0.1, 0.01, 0.001)]
    assert slopes[0] == pytest.approx((7.5 - 0.0) / 1.0)
    errors = [abs(s - 4.0) for s in slopes]
    assert errors == sorted(errors, reverse=True) and errors[-1] < 0.01
    secant = secant_through("3x^2 - 4x", 1, 0.5)
    assert secant.defined and secant.equation == "y = 3.5x − 4.5"
    assert secant.line(np.array([1.0, 1.5])) == pytest.approx([-1.0, 0.75])
    across_pole = secant_through("1/x", -1, 1)
    assert not across_pole.defined and across_pole.reason == "f is not defined at x = 0"


def test_linear_approximation_band() -> None:
    grid = np.linspace(-1, 1, 2001)
    band = linear_approximation_band("x^2", 0, 0.01, grid)
    # |x² − 0| ≤ 0.01 exactly for |x| ≤ 0.1.
    assert band.around_x0 == pytest.approx((-0.1, 0.1), abs=1.5e-3)  # grid spacing 1e-3
    assert band.intervals == (band.around_x0,)
    shifted = linear_approximation_band("x^3 - 1/x", 1, 0.05, np.linspace(0.2, 3, 2801))
    lo, hi = shifted.around_x0
    assert lo < 1 < hi
    function = prepare("x^3 - 1/x")
    inside = np.linspace(lo, hi, 50)
    assert np.all(np.abs(function.f(inside) - (4 * inside - 4)) <= 0.05 + 1e-9)
    assert not linear_approximation_band("|x|", 0, 0.1, grid).mask.any()


def test_smooth_through_a_table_kink_and_removable_formula_gaps() -> None:
    # x·|x| and |x|³ contain abs but are differentiable at 0 with slope 0.
    for text in ("x*|x|", "|x|^3"):
        tangent = tangent_at(text, 0)
        assert tangent.differentiable and tangent.equation == "y = 0", text
    # The formula of exp(−1/x²)′ is 0·∞ at 0, but both one-sided limits are 0.
    flat = tangent_at("exp(-1/x^2)", 0)
    assert flat.differentiable and flat.slope == 0.0


def test_cusp_reports_unbounded_slopes() -> None:
    tangent = tangent_at("sqrt(|x|)", 0)
    assert not tangent.differentiable
    assert tangent.reason.endswith("left slope −∞, right slope ∞")
