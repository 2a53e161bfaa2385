"""What the command line prints pastes: numbers into Python, --ascii formulas back into the app,
--json into any program with every number at full precision."""

from __future__ import annotations

import json
import re

import pytest
import sympy
from cli_runner import run_cli

from explorer.core.expr import parse

X = sympy.Symbol("x", real=True)
TYPOGRAPHIC_MINUS_OF_A_NUMBER = re.compile("\u2212[0-9.]")


def test_plain_text_numbers_use_the_ascii_minus():
    result = run_cli("diff", "-x^3 + x", "--at", "-0.5", "--no-simplify", "--limit-table")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert not TYPOGRAPHIC_MINUS_OF_A_NUMBER.search(out), out
    assert "f(-0.5) = -0.375" in out and "f′(-0.5) = 0.25" in out
    assert "f(x) = −x³ + x" in out  # formulas keep their typography unless --ascii
    for line in out.splitlines():
        if line.startswith("f′(-0.5) = "):
            assert float(line.split("= ")[1]) == pytest.approx(0.25)


def test_graph_text_numbers_paste_into_python_too():
    result = run_cli("graph", "x*y", "--at", "x=-1.5,y=2")
    assert result.returncode == 0, result.stderr
    assert not TYPOGRAPHIC_MINUS_OF_A_NUMBER.search(result.stdout), result.stdout
    assert "-3" in result.stdout and "-1.5" in result.stdout


def test_ascii_formulas_paste_back_into_the_app():
    result = run_cli("diff", "sqrt(x)*e^-x + |x|/pi", "--at", "2", "--ascii", "--no-simplify")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)
    assert lines["f(x)"].isascii() and lines["f′(x)"].isascii()
    f = parse(lines["f(x)"]).to_sympy()
    f_prime = parse(lines["f′(x)"]).to_sympy()
    # The pasted f′ is the derivative of the pasted f (independently, by sympy), away from 0.
    for point in (0.5, 2.0, 3.7):
        exact = float(sympy.diff(f, X).subs(X, point))
        assert float(f_prime.subs(X, point)) == pytest.approx(exact, rel=1e-12)
    tangent = result.stdout.split("Tangent at x = 2: y = ")[1].splitlines()[0]
    line = parse(tangent)  # "0.0969... x + ..." typed back
    assert line.evaluate(x=2.0) == pytest.approx(float(f.subs(X, 2)), rel=1e-5)


def test_json_holds_every_number_at_full_precision():
    result = run_cli("diff", "sin(x)^2", "--at", "0.3", "--json", "--no-simplify", "--second")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["derivative"]["input"] == "2sin(x)*cos(x)"
    assert parse(report["function"]["input"]).to_sympy() == sympy.sin(X) ** 2
    point = report["at"]
    assert point["f_prime"] == pytest.approx(float(sympy.sin(0.6)), rel=1e-15, abs=0)
    assert point["f_second"] == pytest.approx(2 * float(sympy.cos(0.6)), rel=1e-14, abs=0)
    assert point["tangent"]["slope"] == point["f_prime"]


def test_json_says_null_with_the_reason_where_there_is_no_value():
    result = run_cli("diff", "|x|", "--at", "0", "--json", "--no-simplify", "--limit-table")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["at"]["f_prime"] is None and "corner" in report["at"]["reason"]
    assert report["limit_table"]["exact"] is None
    assert [row["h"] for row in report["limit_table"]["seed_loop"]][:2] == [0.0001, 1e-05]
