"""Riemann sums converge at their theoretical orders; exact rules are said to be exact;
F′ = f at random points (the fundamental theorem, checked with the derivative lab)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.derivative.model import prepare
from explorer.core.expr import parse
from explorer.core.integral.accumulation import accumulation_curve, ftc_check
from explorer.core.integral.convergence import doubling_table, error_vs_n
from explorer.core.integral.riemann import RULE_ORDERS, RULES
from explorer.core.integral.singular import find_singularities

X = sympy.Symbol("x", real=True)
# Smooth integrands whose ends differ in f and f′ (so no rule gets lucky cancellation).
SMOOTH = [
    ("exp(0.7x) + x^2", 0.3, 1.9),
    ("sin(x) + 1/(1 + x^2)", -0.5, 1.2),
    ("x*exp(-x)", 0.2, 2.0),
]


def exact(text: str, a: float, b: float) -> float:
    value = sympy.integrate(
        parse(text).to_sympy({"x": X}), (X, sympy.nsimplify(a), sympy.nsimplify(b))
    )
    return float(value.evalf(30))


@pytest.mark.parametrize(("text", "a", "b"), SMOOTH)
def test_observed_orders_match_theory_within_two_tenths(text, a, b):
    f = prepare(text).f
    result = error_vs_n(f, a, b, exact(text, a, b))
    for rule in RULES:
        found = result.rules[rule]
        assert not found.exact
        assert found.slope == pytest.approx(-RULE_ORDERS[rule], abs=0.2), (rule, found.slope)


def test_exact_rules_are_named_exact():
    line = error_vs_n(prepare("3x + 1").f, 0, 2, 8.0)
    assert line.rules["trapezoid"].exact and line.rules["midpoint"].exact
    assert not line.rules["left"].exact
    cubic = error_vs_n(prepare("x^3 - x").f, 0, 2, 2.0)
    assert cubic.rules["simpson"].exact and not cubic.rules["trapezoid"].exact
    assert "exact for this f" in cubic.rules["simpson"].verdict()


def test_the_table_prints_like_the_seed_and_errors_fall_fourfold():
    rows = doubling_table(np.exp, 0.0, 1.0, "midpoint", math.e - 1)
    assert rows[0].text("midpoint") == "n=1, midpoint sum=1.64872, error=6.96e-02"
    ratios = [rows[k].error / rows[k + 1].error for k in range(1, 7)]
    assert ratios == pytest.approx([4.0] * 6, rel=0.02)


@settings(max_examples=25, deadline=None)
@given(
    x0=st.floats(-2.5, 2.5),
    a=st.floats(-2.0, 2.0),
    index=st.integers(0, 3),
)
def test_the_slope_of_F_is_f_at_random_points(x0, a, index):
    text, anti = [
        ("cos(x)", "sin(x)"),
        ("x^2 - 3x", "x^3/3 - 3x^2/2"),
        ("exp(-x^2)", None),
        ("1/(1 + x^2)", "atan(x)"),
    ][index]
    function = prepare(text)
    antiderivative = prepare(anti) if anti else None
    check = ftc_check(function, a, x0, antiderivative)
    assert check.slope == pytest.approx(check.f_value, rel=1e-6, abs=1e-7)
    assert check.agrees
    if anti:
        assert check.symbolic_slope == pytest.approx(check.f_value, rel=1e-12, abs=1e-12)
        # F itself is the antiderivative minus its value at a.
        F_sym = prepare(anti).f
        assert check.F_value == pytest.approx(
            float(F_sym(np.float64(x0)) - F_sym(np.float64(a))), abs=1e-9
        )


def test_the_drawn_F_matches_the_antiderivative_and_stops_at_a_pole():
    curve = accumulation_curve(prepare("cos(x)").f, 0.5, -4, 4)
    assert np.nanmax(np.abs(curve.F - (np.sin(curve.x) - math.sin(0.5)))) < 1e-9
    f = prepare("1/x").f
    curve = accumulation_curve(f, 1.0, -4, 4, find_singularities(f, -4, 4))
    assert np.isnan(curve.F[curve.x <= 0]).all()
    assert curve.F[-1] == pytest.approx(math.log(4), rel=1e-9)


def test_no_ftc_check_across_a_pole():
    function = prepare("1/x")
    poles = find_singularities(function.f, -2, 2)
    check = ftc_check(function, -1.0, 0.5, singularities=poles)
    assert "F(0.5) does not exist" in check.reason and "pole at x = 0" in check.reason
    assert not check.agrees
    assert ftc_check(function, 1.0, 0.5, singularities=poles).agrees


def test_a_rule_with_an_infinite_node_is_called_undefined_not_flat():
    result = error_vs_n(prepare("1/sqrt(x)").f, 0, 1, 2.0)
    assert "undefined" in result.rules["left"].verdict()
    # Midpoint avoids x = 0 but 1/√x is not smooth there: the order drops to ½, and says so.
    assert result.rules["midpoint"].slope == pytest.approx(-0.5, abs=0.05)
    assert "slower than theory" in result.rules["midpoint"].verdict()
