"""The integral lab's values: exact (the worker task) and numeric (mpmath) against sympy on
integrands the test generates, the Riemann rules against their formulas, bounds as typed."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import sympy

from explorer.core.expr import ExprError, parse
from explorer.core.expr.tree_data import data_to_tree, tree_to_data
from explorer.core.integral.bounds import integral_sign, parse_bound
from explorer.core.integral.exact import ExactIntegral, agreement, formula_line, numeric_from_data
from explorer.core.integral.report import read_problem
from explorer.core.integral.riemann import RULES, riemann_sum
from explorer.core.integral.tasks import antiderivative, integral_exact, integral_numeric

X = sympy.Symbol("x", real=True)
_PIECES = (
    "x^{p}",
    "exp({c}x)",
    "sin({c}x)",
    "cos({c}x)",
    "1/(1 + x^2)",
    "x*exp(-x)",
    "sqrt(x + 3)",
)


def generated_integrands(count: int, seed: int) -> list[tuple[str, float, float]]:
    """Sums of two smooth pieces with random coefficients, on random intervals in [-2, 2]."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        terms = []
        for _ in range(2):
            piece = rng.choice(_PIECES).format(p=rng.randint(0, 4), c=rng.choice([0.5, 1, 1.5, -2]))
            terms.append(f"{rng.choice([1, 2, -3, 0.5])}*{piece}")
        a = round(rng.uniform(-2, 1), 2)
        b = round(a + rng.uniform(0.3, 2.5), 2)
        cases.append((" + ".join(terms), a, b))
    return cases


@pytest.mark.parametrize(("text", "a", "b"), generated_integrands(8, seed=20261207))
def test_numeric_and_exact_values_match_sympy_on_generated_integrands(text, a, b):
    # The exact task is sympy.integrate on our converted tree; its value must equal sympy's
    # numerical evaluation of the same integral (mpmath underneath, independent of our
    # quadrature), and our numeric value must match both.
    exact = ExactIntegral.from_data(
        integral_exact({"text": text, "params": {}, "lower": str(a), "upper": str(b)})
    )
    assert exact.status == "value"
    integrand = parse(text).to_sympy({"x": X})
    oracle = float(sympy.Integral(integrand, (X, a, b)).evalf(20))
    assert exact.value == pytest.approx(oracle, rel=1e-12, abs=1e-12)
    numeric = read_problem(text, str(a), str(b)).numeric()
    assert numeric.status == "converges"
    assert numeric.value == pytest.approx(oracle, rel=1e-9, abs=1e-9)
    assert agreement(exact, numeric)[0] is True


def test_the_formula_line_reads_like_the_issue():
    exact = ExactIntegral.from_data(integral_exact({"text": "x^2", "lower": "0", "upper": "1"}))
    line = formula_line("x²", parse_bound("0"), parse_bound("1"), exact)
    assert line.startswith("∫₀¹ x² dx = 1/3")
    anti = antiderivative({"text": "x^2"})
    assert anti["formula"] == "x³/3"
    assert data_to_tree(anti["tree"]) == parse("x^3/3").tree


def test_dx_multiplies_the_whole_integrand():
    sign = (parse_bound("0"), parse_bound("1"))
    assert formula_line("x³ − 1/x", *sign, None) == "∫₀¹ (x³ − 1/x) dx"
    assert formula_line("sin(x)", *sign, None) == "∫₀¹ sin(x) dx"


def test_parameters_are_substituted_exactly():
    result = integral_exact({"text": "a*x", "params": {"a": 1.5}, "lower": "0", "upper": "2"})
    assert result["formula"] == "3"
    numeric = numeric_from_data(
        integral_numeric({"text": "a*x", "params": {"a": 1.5}, "lower": "0", "upper": "2"})
    )
    assert numeric.value == pytest.approx(3.0)


@pytest.mark.parametrize("n", [1, 3, 10, 257])
def test_riemann_rules_follow_their_formulas(n):
    f = lambda x: np.exp(x) * np.sin(3 * x)  # noqa: E731
    a, b = -0.4, 1.7
    h = (b - a) / n
    edges = a + h * np.arange(n + 1)
    middle = edges[:-1] + h / 2
    expected = {
        "left": h * f(edges[:-1]).sum(),
        "right": h * f(edges[1:]).sum(),
        "midpoint": h * f(middle).sum(),
        "trapezoid": h * (f(edges[:-1]) + f(edges[1:])).sum() / 2,
        "simpson": h * (f(edges[:-1]) + 4 * f(middle) + f(edges[1:])).sum() / 6,
    }
    for rule, value in expected.items():
        assert riemann_sum(f, a, b, n, rule).value == pytest.approx(value, rel=1e-12)
    upper, lower = riemann_sum(f, a, b, n, "upper").value, riemann_sum(f, a, b, n, "lower").value
    assert lower <= expected["left"] <= upper and lower <= expected["right"] <= upper
    # A reversed interval negates every rule.
    for rule in RULES:
        assert riemann_sum(f, b, a, n, rule).value == pytest.approx(
            -riemann_sum(f, a, b, n, rule).value
        )


def test_upper_and_lower_sums_of_a_monotone_function_are_right_and_left():
    for n in (1, 7, 100):
        assert riemann_sum(np.exp, 0, 1, n, "upper").value == pytest.approx(
            riemann_sum(np.exp, 0, 1, n, "right").value
        )
        assert riemann_sum(np.exp, 0, 1, n, "lower").value == pytest.approx(
            riemann_sum(np.exp, 0, 1, n, "left").value
        )


def test_bounds_are_read_by_our_parser():
    assert parse_bound("pi/2").value == pytest.approx(math.pi / 2)
    assert parse_bound("-inf").value == -math.inf and parse_bound("∞").value == math.inf
    assert parse_bound("−1").value == -1.0
    for bad in ("x", "", "1e400", "sqrt(-1)", "__import__('os')"):
        with pytest.raises(ExprError):
            parse_bound(bad)
    assert integral_sign(parse_bound("0"), parse_bound("inf")) == "∫₀^∞"
    assert integral_sign(parse_bound("-pi"), parse_bound("pi/2")) == "∫_−π^(π/2)"


def test_trees_travel_as_plain_data():
    for text in ("x^2 + 1", "-sin(2x)/|x|", "e^(-x)*pi", "sigmoid(x) - ln(x)"):
        tree = parse(text).tree
        assert data_to_tree(tree_to_data(tree)) == tree
    for bad in (["call", "eval", ["var", "x"]], ["num", float("inf"), ""], ["var", "os.system"], 3):
        with pytest.raises(ValueError):
            data_to_tree(bad)
