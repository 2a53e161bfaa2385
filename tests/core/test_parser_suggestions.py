"""Suggestions for unknown names: glued function runs, Greek letters, other spellings, and the
inverse hyperbolic functions; full-width brackets and 'f(x) =' lines in programs."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
import sympy

from explorer.core.expr import ExprError, parse, parse_program
from explorer.core.functions import lookup

x, y = sympy.symbols("x y", real=True)


def _message(text: str, **options) -> ExprError:
    with pytest.raises(ExprError) as caught:
        parse(text, **options)
    return caught.value


@pytest.mark.parametrize(
    ("text", "meant", "variables"),
    [
        ("sinxcosx", sympy.sin(x) * sympy.cos(x), ("x",)),
        ("xsinx", x * sympy.sin(x), ("x",)),
        ("sin2xcos3x", sympy.sin(2 * x) * sympy.cos(3 * x), ("x",)),
        ("sinxy", sympy.sin(x) * y, ("x", "y")),
        ("cosecx", sympy.csc(x), ("x",)),
        ("expxsinpi", sympy.exp(x) * sympy.sin(sympy.pi), ("x",)),
    ],
)
def test_glued_function_runs_suggest_the_calls(text: str, meant, variables) -> None:
    for parameters in (False, True):
        error = _message(text, variables=variables, parameters=parameters)
        suggestion = re.fullmatch(rf"Unknown name '{text}'\. Did you mean (.+)\?", error.message)
        assert suggestion is not None, error.message
        # The suggestion itself parses, to what the run of letters meant (sympy's reading).
        assert parse(suggestion.group(1), variables).to_sympy() == meant
        assert error.column == 1


@pytest.mark.parametrize("name", ["gamma", "beta", "theta", "Theta", "alpha", "omega", "phi"])
def test_greek_letter_names_are_explained(name: str) -> None:
    plain = _message(f"2*{name} + x")
    assert plain.message == (
        f"Unknown name '{name}': Greek-letter names are not variables here; the variable is x"
    )
    assert plain.column == 3
    sliders = _message(name, parameters=True).message
    assert "use a single letter such as a, b or k (it becomes a slider)" in sliders
    assert "*" not in sliders  # not "g*a*m*m*a"


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("cosec(x)", "csc"), ("cotan(x)", "cot"), ("ctg(x)", "cot"), ("tg(x)", "tan")],
)
def test_other_spellings_point_at_the_table_name(text: str, suggestion: str) -> None:
    error = _message(text)
    assert error.message.endswith(f"Did you mean {suggestion}?")
    assert lookup(suggestion) is not None


@pytest.mark.parametrize(
    ("text", "oracle"),
    [
        ("asinh(x)", sympy.asinh(x)),
        ("arcsinh(x)", sympy.asinh(x)),
        ("acosh(x + 2)", sympy.acosh(x + 2)),
        ("arctanh(x/3)", sympy.atanh(x / 3)),
    ],
)
def test_inverse_hyperbolic_functions_evaluate_and_differentiate(text: str, oracle) -> None:
    expression = parse(text)
    points = np.linspace(-0.9, 0.9, 7)
    expected = [float(oracle.subs(x, point)) for point in points]
    np.testing.assert_allclose(expression.evaluate(x=points), expected, rtol=1e-12)
    derivative = sympy.diff(oracle, x)
    assert sympy.simplify(expression.derivative() - derivative) == 0


def test_inverse_hyperbolic_power_notation_points_at_the_function() -> None:
    assert "write asinh(x) for the inverse function" in _message("sinh^-1(x)").message
    assert "has no real value" in _message("acosh(0.5)").message


@pytest.mark.parametrize("text", ["sin（x）", "x + cos（x）", "sin(x）"])
def test_full_width_brackets_are_named_at_their_column(text: str) -> None:
    index = next(i for i, ch in enumerate(text) if not ch.isascii())
    error = _message(text)
    assert f"({unicodedata.name(text[index])})" in error.message
    assert error.message.endswith(f"type '{chr(ord(text[index]) - 0xFEE0)}' instead")
    assert error.column == index + 1


@pytest.mark.parametrize(
    ("program", "message", "line"),
    [
        ("a = x\nf(x) = x^2", "Write 'f = x^2' (definitions name a value, not a function)", 2),
        ("f(x) = x^2 + 1\ng = f", "Write 'f = x^2 + 1'", 1),
        ("a = 2\ng(x, y) = a*x*y", "Write 'g = a*x*y'", 2),
    ],
)
def test_function_style_definitions_in_programs(program: str, message: str, line: int) -> None:
    with pytest.raises(ExprError) as caught:
        parse_program(program)
    assert message in caught.value.message
    assert "'=' is only allowed" not in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, 2)
