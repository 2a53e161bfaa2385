"""The seed's log-sum-exp cell, from the Gradient lab's core: 1.0819 against 1.0821."""

import json
import math
from pathlib import Path

import pytest
import sympy

from explorer.core.gradient.point import analyse_point, linear_approximation
from explorer.core.gradient.report import gradient_report
from explorer.core.gradient.surface import Surface, parse_pair

SEED_RESULTS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed_results.json"


def seed_case() -> dict:
    if SEED_RESULTS.exists():
        results = json.loads(SEED_RESULTS.read_text(encoding="utf-8"))["results"]
        return next(r for r in results if r["id"] == "linear-approximation-2d")
    # The same case, written out, for checkouts without the shared folder next to them.
    return {
        "inputs": {"f": "log(exp(x) + exp(y))", "at": [0, "ln(2)"], "epsilon": [0.01, -0.03]},
        "expect": {"gradient": ["1/3", "2/3"], "approximation": 1.0819, "true_value": 1.0821},
    }


def test_the_seed_numbers_come_out():
    case = seed_case()
    surface = Surface.from_text(case["inputs"]["f"])
    point = parse_pair(", ".join(str(v) for v in case["inputs"]["at"]))
    analysis = analyse_point(surface, *point)
    linear = linear_approximation(surface, analysis, tuple(case["inputs"]["epsilon"]))
    assert round(linear.approximation, 4) == case["expect"]["approximation"]
    assert round(linear.true_value, 4) == case["expect"]["true_value"]
    assert linear.seed_text() == "approximation: 1.0819, true value: 1.0821"
    expected_gradient = [float(sympy.Rational(g)) for g in case["expect"]["gradient"]]
    assert list(analysis.gradient) == pytest.approx(expected_gradient, abs=1e-15)


def test_the_seed_numbers_equal_sympys_exact_values():
    x, y = sympy.symbols("x y", real=True)
    f = sympy.log(sympy.exp(x) + sympy.exp(y))
    p = {x: 0, y: sympy.log(2)}
    eps = (sympy.Rational(1, 100), sympy.Rational(-3, 100))
    exact_value = f.subs(p)
    exact_grad = [sympy.diff(f, v).subs(p) for v in (x, y)]
    exact_linear = exact_value + eps[0] * exact_grad[0] + eps[1] * exact_grad[1]
    exact_true = f.subs({x: eps[0], y: sympy.log(2) + eps[1]})

    surface = Surface.from_text("log(exp(x)+exp(y))")
    analysis = analyse_point(surface, 0.0, math.log(2))
    linear = linear_approximation(surface, analysis, (0.01, -0.03))
    assert analysis.value == pytest.approx(float(exact_value), abs=1e-12)
    assert analysis.df_dx == pytest.approx(float(exact_grad[0]), abs=1e-12)
    assert analysis.df_dy == pytest.approx(float(exact_grad[1]), abs=1e-12)
    assert linear.approximation == pytest.approx(float(exact_linear), abs=1e-12)
    assert linear.true_value == pytest.approx(float(exact_true), abs=1e-12)
    assert linear.difference == pytest.approx(float(exact_true - exact_linear), abs=1e-12)


def test_the_report_prints_partials_gradient_descent_and_the_seed_line():
    report = gradient_report(
        Surface.from_text("log(exp(x)+exp(y))"), (0.0, math.log(2)), (0.01, -0.03)
    )
    text = report.text()
    assert "∂f/∂x = exp(x)/(exp(x) + exp(y)) = 0.333333 at P" in text
    assert "∂f/∂y = exp(y)/(exp(x) + exp(y)) = 0.666667 at P" in text
    assert "∇f(P) = (0.333333, 0.666667)" in text
    assert "|∇f(P)| = 0.745356" in text
    assert "steepest descent: −∇f/|∇f| = (−0.447214, −0.894427)" in text
    assert "approximation: 1.0819, true value: 1.0821" in text
    data = report.to_dict()
    assert data["steepest_descent"] == pytest.approx([-1 / math.sqrt(5), -2 / math.sqrt(5)])
    assert data["linear_approximation"]["text"] == "approximation: 1.0819, true value: 1.0821"
