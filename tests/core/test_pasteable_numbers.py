"""pasteable_numbers: the command line's numbers as Python reads them, formulas left alone."""

from __future__ import annotations

import pytest

from explorer.core.text import format_number, pasteable_numbers


@pytest.mark.parametrize("value", [-0.5, -2.5e20, 1.5e-8, -3, -1e-300, 123456.7, -0.000123456789])
def test_a_formatted_number_pastes_into_python_as_its_value(value):
    pasted = pasteable_numbers(format_number(value))
    assert pasted.isascii()
    assert float(pasted) == pytest.approx(value, rel=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("f′(−0.5) = 1.5×10⁻⁸", "f′(-0.5) = 1.5e-8"),
        ("f′(−0.5) = 1.5×10^−8", "f′(-0.5) = 1.5e-8"),
        ("h = 1.0×10⁻³, 2×10¹² and 10⁻⁶", "h = 1.0e-3, 2e12 and 10⁻⁶"),
        ("y = −0.5x + 2", "y = -0.5x + 2"),
        ("f′(x) = 6x − 4", "f′(x) = 6x − 4"),
        ("−x² + x", "−x² + x"),
        ("h=1e-12  forward=-inf", "h=1e-12  forward=-inf"),
    ],
)
def test_only_numbers_change(text, expected):
    assert pasteable_numbers(text) == expected
