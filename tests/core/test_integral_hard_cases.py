"""Hard integrals are stated, not guessed: singular, infinite, divergent, poles, jumps, reversed."""

from __future__ import annotations

import math

import pytest

from explorer.core.integral.report import integrate_lines, read_problem


def numeric(text, a, b):
    return read_problem(text, a, b).numeric()


def test_integrable_singularity_and_infinite_bound():
    result = numeric("1/sqrt(x)", "0", "1")
    assert result.status == "converges" and result.value == pytest.approx(2.0, rel=1e-8)
    assert any("unbounded at x = 0" in note for note in result.notes)
    assert numeric("exp(-x)", "0", "inf").value == pytest.approx(1.0, rel=1e-12)
    assert numeric("exp(-x^2)", "-inf", "inf").value == pytest.approx(math.sqrt(math.pi))


@pytest.mark.parametrize(
    ("text", "a", "b", "words"),
    [
        ("1/x", "0", "1", "pole at the lower bound x = 0"),
        ("1/x", "1", "inf", "decays too slowly"),
        ("1/x^2", "-1", "1", "pole at x = 0, inside [−1, 1]"),
        ("x", "0", "inf", "does not decay"),
    ],
)
def test_divergent_integrals_are_reported_as_divergent(text, a, b, words):
    result = numeric(text, a, b)
    assert result.status == "diverges"
    assert result.value == math.inf
    assert words in result.reason


def test_a_pole_inside_the_interval_is_named_and_has_no_value():
    result = numeric("1/x", "-1", "1")
    assert result.status == "diverges" and math.isnan(result.value)
    assert "pole at x = 0, inside [−1, 1]" in result.reason
    assert "no value" in result.reason
    text = "\n".join(integrate_lines(read_problem("1/x", "-1", "1"), "midpoint", 10))
    assert "converge to nothing meaningful" in text


def test_jumps_are_split_at_and_integrate_exactly():
    result = numeric("floor(x)", "0", "3.5")
    assert result.value == pytest.approx(4.5, abs=1e-12)
    assert "jumps" in result.notes[0] and "1, 2, 3" in result.notes[0]
    assert numeric("sign(x)", "-1", "2").value == pytest.approx(1.0, abs=1e-12)


def test_a_reversed_interval_is_negated_with_a_note():
    forward, backward = numeric("x^2", "0", "1"), numeric("x^2", "1", "0")
    assert backward.value == pytest.approx(-forward.value)
    assert backward.notes[0].startswith("b < a")


def test_no_real_values_and_oscillation_without_limit():
    assert numeric("sqrt(x)", "-1", "1").status == "undefined"
    assert numeric("sin(x)", "0", "inf").status == "diverges"
    assert numeric("sin(x)/x", "0", "inf").value == pytest.approx(math.pi / 2, rel=1e-9)


def test_a_corner_is_split_at_so_the_value_is_reliable():
    result = numeric("abs(x)", "-1", "2")
    assert result.status == "converges" and result.value == pytest.approx(2.5, rel=1e-12)


def test_an_even_pole_between_grid_points_is_found():
    result = numeric("1/(x-2)^2", "0", "3")
    assert result.status == "diverges" and result.value == math.inf
    assert "pole at x = 2, inside [0, 3]" in result.reason


def test_slow_singularities_inside_are_split_at():
    result = numeric("ln(abs(x))", "-1", "2")
    assert result.status == "converges"
    assert result.value == pytest.approx(2 * math.log(2) - 3, rel=1e-10)
    root = numeric("1/sqrt(abs(x - 1.7))", "0", "3")
    assert root.value == pytest.approx(2 * math.sqrt(1.7) + 2 * math.sqrt(1.3), rel=1e-7)


@pytest.mark.parametrize(
    ("text", "a", "b", "exponent"),
    [("1/x", "0", "1", "p = −1"), ("1/sqrt(x)", "0", "1", "p = −0.5"), ("x", "0", "inf", "p = 1")],
)
def test_growth_exponents_are_named_as_the_app_writes_formulas(text, a, b, exponent):
    # |x|^−1 is the input language and a raised "−0.5" has no raised decimal point, so the
    # exponent is named: "|f| grows like |x|ᵖ with p = −1".
    result = numeric(text, a, b)
    message = " ".join((result.reason, *result.notes))
    assert f"|x|ᵖ with {exponent}" in message
    assert "^" not in message
