"""Numbers and line equations as a learner reads them: ``4``, ``−0.5``, ``y = 4x − 4``."""

from __future__ import annotations

from explorer.core.text import MINUS, format_number


def _term(coefficient: float, variable: str) -> str:
    """``4x``, ``x``, ``−x``, ``−0.5x``."""
    text = format_number(coefficient)
    if text == "1":
        return variable
    if text == f"{MINUS}1":
        return f"{MINUS}{variable}"
    return f"{text}{variable}" if "×" not in text else f"({text}){variable}"


def line_equation(slope: float, intercept: float, variable: str = "x", lhs: str = "y") -> str:
    """``y = 4x − 4``, ``y = −0.5x + 2``, ``y = 3``, ``y = x``.

    A coefficient below 10⁻¹² of the line's scale is round-off (cos(π/2) = 6e-17) and prints as 0.
    """
    size = max(1.0, abs(slope), abs(intercept))
    slope = 0.0 if abs(slope) < 1e-12 * size else slope
    intercept = 0.0 if abs(intercept) < 1e-12 * size else intercept
    slope_text = format_number(slope)
    intercept_text = format_number(intercept)
    if slope_text == "0":
        return f"{lhs} = {intercept_text}"
    text = f"{lhs} = {_term(slope, variable)}"
    if intercept_text == "0":
        return text
    if intercept_text.startswith(MINUS):
        return f"{text} {MINUS} {intercept_text[1:]}"
    return f"{text} + {intercept_text}"


def point_slope_equation(x0: float, y0: float, slope: float, variable: str = "x") -> str:
    """``y = f(x₀) + f′(x₀)(x − x₀)`` with the numbers in: ``y = 0 + 4(x − 1)``."""
    shift = format_number(abs(x0))
    offset = variable if shift == "0" else f"({variable} {MINUS if x0 > 0 else '+'} {shift})"
    slope_text = format_number(slope)
    factor = "" if slope_text == "1" else f"{MINUS}" if slope_text == f"{MINUS}1" else slope_text
    if slope_text.startswith(MINUS) and factor != MINUS:
        return f"y = {format_number(y0)} {MINUS} {slope_text[1:]}{offset}"
    if factor == MINUS:
        return f"y = {format_number(y0)} {MINUS} {offset}"
    return f"y = {format_number(y0)} + {factor}{offset}"
