"""The antiderivative the Integral tab and ``integrate`` print is a real one: ln|u| where the
integrand also lives where u < 0 (1/x on [−3, −1]), checked against mpmath's quadrature, and the
fundamental theorem's check agrees with it there."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from explorer.core.derivative.evaluate import bind
from explorer.core.derivative.model import prepare
from explorer.core.expr.tree_data import data_to_tree
from explorer.core.integral.accumulation import ftc_check
from explorer.core.integral.report import ABSOLUTE_LOGS_NOTE, Antiderivative
from explorer.core.integral.tasks import antiderivative

# (integrand, params, an interval where a log's argument is negative, its mpmath integrand)
_CASES = [
    ("1/x", {}, (-3.0, -1.0), lambda t: 1 / t),
    ("1/(x - 2)", {}, (-1.0, 1.5), lambda t: 1 / (t - 2)),
    ("tan(x)", {}, (2.0, 4.0), mpmath.tan),
    ("cot(x)", {}, (-1.2, -0.3), mpmath.cot),
    ("x/(x^2 - 1)", {}, (-0.5, 0.7), lambda t: t / (t**2 - 1)),
    ("1/(x^2 - 1)", {}, (-3.0, -1.5), lambda t: 1 / (t**2 - 1)),
    ("1/(x*ln(x))", {}, (0.2, 0.6), lambda t: 1 / (t * mpmath.log(t))),
    ("exp(x)/(exp(x) - 1)", {}, (-3.0, -0.5), lambda t: mpmath.exp(t) / (mpmath.exp(t) - 1)),
    ("(x + 1)/x", {}, (-4.0, -0.5), lambda t: (t + 1) / t),
    ("a/(x - b)", {"a": 2.0, "b": 1.5}, (-2.0, 1.0), lambda t: 2 / (t - 1.5)),
    ("1/(x + 50)", {}, (-70.0, -55.0), lambda t: 1 / (t + 50)),
]


def _found(text: str, params: dict) -> tuple[str, object]:
    answer = antiderivative({"text": text, "params": params})
    assert answer["found"] and answer["tree"] is not None, answer
    return answer["formula"], data_to_tree(answer["tree"])


@pytest.mark.parametrize(("text", "params", "interval", "oracle"), _CASES)
def test_the_antiderivative_gives_the_integral_where_the_log_argument_is_negative(
    text, params, interval, oracle
):
    formula, tree = _found(text, params)
    assert "|" in formula, formula
    a, b = interval
    F = bind(tree, "x", {})
    difference = float(F(np.float64(b))) - float(F(np.float64(a)))
    assert difference == pytest.approx(float(mpmath.quad(oracle, [a, b])), rel=1e-10, abs=1e-12)


def test_one_over_x_reads_ln_of_the_absolute_value():
    assert _found("1/x", {})[0] == "ln(|x|)"
    assert _found("tan(x)", {})[0] == "−ln(|cos(x)|)"


@pytest.mark.parametrize(
    ("text", "corrected"), [("1/x", True), ("tan(x)", True), ("ln(x)", False), ("x^2", False)]
)
def test_the_label_says_sympys_only_when_the_formula_is_sympys_as_it_came(text, corrected):
    answer = antiderivative({"text": text, "params": {}})
    assert answer["absolute_logs"] is corrected
    found = Antiderivative(answer["formula"], answer["absolute_logs"])
    if corrected:
        assert found.lines() == [
            f"Antiderivative: F(x) = {answer['formula']} + C",
            ABSOLUTE_LOGS_NOTE,
        ]
    else:
        assert found.lines() == [f"Antiderivative (sympy): F(x) = {answer['formula']} + C"]


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        # The integrand has no real value where the log's argument is negative: sympy's form.
        ("ln(x)", "x·ln(x) − x"),
        ("ln(x)/x", "ln(x)²/2"),
        ("sqrt(x) + 1/x", "2x^(3/2)/3 + ln(x)"),
        ("1/(1 + x^2)", "atan(x)"),
        ("x^2", "x³/3"),
    ],
)
def test_a_log_whose_argument_is_negative_only_outside_the_domain_stays_as_written(text, formula):
    assert _found(text, {})[0] == formula


@pytest.mark.parametrize("x0", [-2.5, -0.4])
def test_the_ftc_check_agrees_with_the_antiderivative_left_of_zero(x0):
    function = prepare("1/x")
    _, tree = _found("1/x", {})
    check = ftc_check(function, -3.0, x0, prepare(tree))
    assert check.symbolic_slope == pytest.approx(1 / x0, rel=1e-12)
    assert check.agrees
    assert check.F_value == pytest.approx(math.log(abs(x0) / 3.0), rel=1e-8)
