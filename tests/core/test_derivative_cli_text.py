"""The text of ``calculus-explorer diff`` and the "derivative_steps" worker task."""

from __future__ import annotations

import json

import pytest
import sympy

from explorer.core.derivative import diff_text
from explorer.core.expr import parse
from explorer.core.expr.errors import ExprError
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy
from explorer.core.worker import SymbolicWorker, run_task

SEED_LINES = [
    "h=0.00010, numerical limit=2.00030",
    "h=0.00001, numerical limit=2.00003",
    "h=0.00000, numerical limit=2.00000",
    "h=0.00000, numerical limit=2.00000",
    "h=0.00000, numerical limit=2.00000",
]


def test_diff_at_a_point() -> None:
    text = diff_text("3x^2 - 4x", at=1)
    assert text.splitlines() == [
        "f(x) = 3x² − 4x",
        "f′(x) = 6x − 4",
        "f(1) = −1",
        "f′(1) = 2",
        "Tangent at x = 1: y = 2x − 3",
    ]


def test_diff_with_steps_and_the_seed_table() -> None:
    lines = diff_text("3x^2 - 4x", at=1, steps=True, limit_table=True).splitlines()
    start = lines.index(SEED_LINES[0])
    assert lines[start : start + 5] == SEED_LINES
    assert "  1. Difference rule: (u − v)′ = u′ − v′ with u = 3x², v = 4x" in lines
    assert "h=1e-04  forward=2.00030  central=2.00000" in lines
    assert lines[-1] == "Exact derivative: f′(1) = 2"


def test_diff_reports_a_missing_derivative() -> None:
    assert "f′(0) does not exist: |x| has a corner at x = 0" in diff_text("|x|", at=0)
    assert "Note: |x| has a kink at x = 0: no derivative there" in diff_text("|x|")
    assert "f′(0) does not exist: f is not defined at x = 0" in diff_text("x^3 - 1/x", at=0)


def test_diff_with_parameters_and_errors() -> None:
    text = diff_text("a*x^2 + b", at=2, params={"a": 3})
    assert "Parameters: a = 3, b = 1" in text and "f′(2) = 12" in text
    with pytest.raises(ExprError):
        diff_text("x^3 - 1/")
    with pytest.raises(ValueError, match="--at"):
        diff_text("x^2", limit_table=True)


def _payload(text: str) -> dict:
    return {"text": text, "variables": ["x"], "parameters": True, "var": "x"}


def test_derivative_steps_task_in_process() -> None:
    import explorer.core.derivative.tasks  # noqa: F401 - registers the task

    ok, result, detail = run_task("derivative_steps", _payload("x^2 sin(x)/(1 + x^2)"))
    assert ok, detail
    json.dumps(result)
    assert result["steps"][0]["rule"] == "quotient"
    assert result["derivative"] and result["derivative_latex"]
    x = real_symbol("x")
    f = tree_to_sympy(parse("x^2 sin(x)/(1 + x^2)").tree, {"x": x})
    # Simplifying our derivative lands on the same form as simplifying sympy's own ...
    assert result["sympy_latex"] == sympy.latex(sympy.simplify(sympy.diff(f, x)))
    # ... which is smaller than ours here, so it is shown, in our own notation.
    assert result["simplified_source"] == "sympy"
    assert result["simplified"] == "x·(x³·cos(x) + x·cos(x) + 2sin(x))/(x⁴ + 2x² + 1)"
    ok, message, _ = run_task("derivative_steps", _payload("x^3 - 1/"))
    assert not ok and "Missing a value after '/'" in message


def test_derivative_steps_task_runs_in_the_worker_process() -> None:
    worker = SymbolicWorker()
    try:
        request = worker.submit("derivative_steps", _payload("a*x^2 + b"), timeout=60)
        outcome = worker.wait_for(request, timeout=90)
    finally:
        worker.shutdown()
    assert outcome is not None and outcome.ok, outcome
    assert outcome.result["derivative"] == "2a·x"
    # sympy's 2·a·x is no simpler: our own form is kept, printed our way.
    assert outcome.result["simplified"] == "2a·x"
    assert outcome.result["simplified_source"] == "ours"
    assert outcome.result["sympy_form"] == "2·a·x"


def test_kink_notes_only_where_the_slope_breaks() -> None:
    from explorer.core.derivative.kinks import kink_notes
    from explorer.core.derivative.model import prepare

    assert kink_notes(prepare("abs(x)")) == ["|x| has a kink at x = 0: no derivative there"]
    for smooth in ("x*abs(x)", "abs(x)^3", "relu(x)^2", "abs(x^2 + 1)"):
        assert kink_notes(prepare(smooth)) == [], smooth
    # Located by bisection, so √2 is found to the printed digits.
    (note,) = kink_notes(prepare("abs(x^2 - 2)"))
    assert "x = −1.41421 and x = 1.41421" in note


def test_overflow_is_not_called_undefined() -> None:
    from explorer.core.derivative.tangent import tangent_at

    for text, x0 in (("x^2", 1e300), ("exp(x)", 1000.0)):
        assert "overflows float64" in tangent_at(text, x0).reason
    assert tangent_at("1/x", 0.0).reason == "f is not defined at x = 0"


def test_table_numbers() -> None:
    from explorer.core.derivative.difference import table_number

    assert table_number(2.0003) == "2.00030"
    assert table_number(999999999999999872.0) == "1.00000e+18"
    assert table_number(float("-inf")) == "-inf"


def test_a_constant_steps_remark_stays_in_the_steps() -> None:
    text = diff_text("exp(-1/x^2)")
    assert "does not depend on x" not in text
    assert "does not depend on x" in diff_text("exp(-1/x^2)", steps=True)


def test_exponential_rule_omits_the_trivial_binding() -> None:
    with_parameter = diff_text("a^x", steps=True)
    assert "a = a" not in with_parameter and "aˣ·ln(a)" in with_parameter
    assert "with a = 2" in diff_text("2^x", steps=True)
