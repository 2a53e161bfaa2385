"""f″: the worker's "second_derivative" task against sympy.diff(f, x, 2), and ``diff --second``'s
text."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import sympy

import explorer.core.derivative.tasks  # noqa: F401 - registers the worker tasks
from explorer.core.derivative import diff_text
from explorer.core.expr import parse
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy
from explorer.core.worker import run_task

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
POINTS = np.array([-2.7, -1.3, -0.4, 0.35, 0.9, 1.6, 2.9])


def _typed(shown: str) -> str:
    """A formula as the app prints it, typed back the way the parser reads it."""
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: "^" + m.group().translate(_SUPERSCRIPTS), shown)
    for old, new in (("·", "*"), ("−", "-"), ("√", "sqrt"), ("σ", "sigmoid")):
        text = text.replace(old, new)
    return text


def _values(shown: str, x: np.ndarray, params: dict[str, float]) -> np.ndarray:
    expression = parse(_typed(shown), variables=("x",), parameters=True)
    values = {name: params[name] for name in expression.parameters}
    with np.errstate(all="ignore"):
        return np.broadcast_to(expression.numpy_function()(x=x, **values), x.shape)


def _sympy_second(text: str, params: dict[str, float]) -> np.ndarray:
    expression = parse(text, variables=("x",), parameters=True)
    x = real_symbol("x")
    symbols = {"x": x, **{name: real_symbol(name) for name in expression.parameters}}
    second = sympy.diff(tree_to_sympy(expression.tree, symbols), x, 2)
    second = second.subs({symbols[name]: params[name] for name in expression.parameters})
    return np.array([complex(second.subs(x, value).evalf()) for value in POINTS])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("x^2 sin(x)/(1 + x^2)", "sympy"),
        ("sin(x)^2", "sympy"),
        ("ln(x^2 + 1)", "sympy"),
        ("exp(-x^2)", "sympy"),
        ("x^3 - 1/x", "ours"),  # our tidy already gives 6x − 2/x³
        ("a*x^3 + b*x", "ours"),
        ("tan(x)", "ours"),
    ],
)
def test_second_derivative_task_equals_sympy_diff_twice(text, source) -> None:
    ok, result, detail = run_task("second_derivative", {"text": text, "parameters": True})
    assert ok, detail
    json.dumps(result)
    assert result["simplified_source"] == source, result["simplified_reason"]
    params = {"a": 1.7, "b": -0.6}
    expected = _sympy_second(text, params)
    assert np.allclose(expected.imag, 0)
    for shown in (result["derivative"], result["simplified"]):
        assert np.allclose(_values(shown, POINTS, params), expected.real, rtol=1e-9), shown
    if source == "sympy":
        assert len(result["simplified"]) < len(result["derivative"])
    else:
        assert result["simplified"] == result["derivative"]


def test_second_derivative_task_reads_like_our_rules_and_refuses_bad_text() -> None:
    ok, result, _ = run_task("second_derivative", {"text": "x^2 sin(x)/(1 + x^2)"})
    assert ok
    # Our f″ is long; sympy's simplified form, in our notation, is the one shown.
    assert result["simplified"] == (
        "(4x³·cos(x) + 4x·cos(x) + 2sin(x) − x⁶·sin(x) − 2x⁴·sin(x) − 7x²·sin(x))"
        "/(x⁶ + 3x⁴ + 3x² + 1)"
    )
    ok, message, _ = run_task("second_derivative", {"text": "x^3 - 1/"})
    assert not ok and "Missing a value after '/'" in message


def test_diff_text_second_lines() -> None:
    lines = diff_text("x^3 - 1/x", at=1, second=True).splitlines()
    assert lines[:3] == ["f(x) = x³ − 1/x", "f′(x) = 3x² + 1/x²", "f″(x) = 6x − 2/x³"]
    assert "f″(1) = 4" in lines
    text = diff_text("sin(x)^2", at=0, second=True, second_simplified="2cos(2x)", second_note=None)
    assert "f″(x) = 2cos(2x)   (simplified by sympy)" in text and "f″(0) = 2" in text
    # No f″ lines unless asked for.
    assert "f″" not in diff_text("sin(x)^2", at=0, second_simplified="2cos(2x)")


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("abs(x)", 0, "f″(0) does not exist: f′(0) does not exist"),
        ("x*abs(x)", 0, "f″(0) does not exist: f′ has a corner at x = 0"),
        ("x^3 - 1/x", 0, "f″(0) does not exist: f′(0) does not exist"),
        ("x*abs(x)", 1, "f″(1) = 2"),
    ],
)
def test_diff_text_second_value_only_where_f_prime_has_a_slope(text, at, expected) -> None:
    assert expected in diff_text(text, at=at, second=True)
