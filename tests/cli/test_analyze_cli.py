"""``calculus-explorer analyze``: every point of interest with its kind and coordinates, as text
or JSON, checked against sympy; bad input is a clear error with exit code 2."""

from __future__ import annotations

import json

import pytest
import sympy

from explorer.core.expr import parse
from tests.cli.cli_runner import run_cli


def test_text_lists_points_tests_intervals_and_extremes() -> None:
    result = run_cli("analyze", "x^3 - 3x", "--xrange", "-2", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("f(x) = x³ − 3x   on [-2, 3]\n")
    assert "    local maximum      (-1, 2)\n      f′ changes from + to −: local maximum\n" in out
    assert "    root               (1.73205, 0)\n" in out
    assert "  Increasing on: (-2, -1), (1, 3)\n" in out
    assert "  Concave down on: (-2, 0)\n" in out
    assert "  Global maximum of f: 18 at x = 3\n" in out


def test_json_against_sympy_with_two_curves() -> None:
    result = run_cli("analyze", "x^2 - 2", "g(x) = f'(x)", "--xrange", "-pi", "pi", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    f, g = data["curves"]
    x = sympy.Symbol("x", real=True)
    expression = parse("x^2 - 2").to_sympy()
    roots = sorted(float(r) for r in sympy.real_roots(sympy.Poly(expression, x)))
    assert [p["x"] for p in f["points"] if p["kind"] == "root"] == pytest.approx(roots, abs=1e-9)
    assert f["decreasing"] == [[pytest.approx(-3.141592653589793), 0.0]]
    assert g["definition"] == "g(x) = f′(x)"
    # x^2 - 2 = 2x at x = 1 ± sqrt(3)
    assert [p["x"] for p in data["intersections"]] == pytest.approx([1 - 3**0.5, 1 + 3**0.5])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("analyze", "sin("), "f: Missing a value after '(' (column 4)"),
        (("analyze", "x", "--xrange", "3", "1"), "--xrange"),
        (("analyze", "x^2", "g(x) = k(x)", "k(x) = 1"), "g: 'k' is curve 3, below this one"),
    ],
)
def test_bad_input_is_a_clear_error(args, message) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
