"""The one text module: numbers for readers and for source, raised/lowered digits, brackets."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.text import (
    format_number,
    needs_parentheses,
    operand,
    parenthesized,
    pasteable_numbers,
    source_number,
    subscript,
    superscript,
    typographic_minus,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.0, "2"),
        (-0.5, "−0.5"),
        (-0.0, "0"),
        (1234567.891, "1.23457×10⁶"),
        (-2.5e-7, "−2.5×10⁻⁷"),
        (3.9999999999999996, "4"),  # a few ulps from an integer is that integer
        (0.1 + 0.2, "0.3"),
        (1e15, "1×10¹⁵"),
        (float("nan"), "undefined"),
        (float("-inf"), "−∞"),
        (np.float32(0.25), "0.25"),
        (np.int64(-4096), "−4096"),
        (True, "True"),
        (None, "—"),
        (np.array([0.0, 4.0, -8.0]), "[0, 4, −8]"),
        (np.array(3.0), "3"),
        (np.zeros((2, 3)), "tensor of shape (2, 3)"),
        (np.arange(9.0), "tensor of shape (9,)"),
    ],
)
def test_format_number_for_readers(value, text) -> None:
    assert format_number(value) == text


def test_format_number_keeps_the_value_to_its_significant_digits() -> None:
    for value in (math.pi, -1 / 3, 6.02214076e23, 1.5e-12):
        shown = pasteable_numbers(format_number(value))
        assert float(shown) == pytest.approx(value, rel=5e-6)
    assert format_number(math.pi, significant=3) == "3.14"


@pytest.mark.parametrize(
    ("value", "text"), [(1e6, "1000000"), (-1200.0, "-1200"), (1e100, "1e+100"), (0.5, "0.5")]
)
def test_source_number_is_what_one_would_type(value, text) -> None:
    assert source_number(value) == text


def test_raised_and_lowered_digits_and_the_minus() -> None:
    assert superscript(-12) == "⁻¹²"
    assert superscript("−3") == "⁻³"
    assert subscript(10) == "₁₀"
    assert typographic_minus("x-1-y") == "x−1−y"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("w + x", True),
        ("−2", True),
        ("a·b", True),
        ("x^2", True),
        ("(w + x)", False),
        ("dot(x, x)", False),
        ("[1, 2]", False),
        ("4", False),
        ("tanh", False),
    ],
)
def test_needs_parentheses(text, needs) -> None:
    assert needs_parentheses(text) is needs
    assert parenthesized(text) == (f"({text})" if needs else text)


def test_operand_brackets_negative_numbers_only() -> None:
    assert operand(-2.0) == "(−2)"
    assert operand(1.5e20) == "1.5×10²⁰"
    assert operand(np.array([-1.0, 2.0])) == "[−1, 2]"


@settings(max_examples=400, deadline=None)
@given(
    value=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(min_value=-1e6, max_value=1e6).map(lambda v: round(v, 3)),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.booleans(),
        st.floats(allow_nan=True).map(np.float64),
    ),
    significant=st.integers(min_value=1, max_value=17),
)
def test_plain_numbers_read_as_through_numpy(value, significant) -> None:
    # Python floats, ints and bools skip numpy's round trip: the same text as the value in an
    # array (what every number went through before).
    assert format_number(value, significant) == format_number(np.array(value), significant)
