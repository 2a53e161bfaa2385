"""Bounds of a definite integral as the learner types them: ``0``, ``pi/2``, ``-2e-3``, ``inf``.

Finite bounds are read by our own expression parser (constants only, no variables), so ``pi/2``
is π/2 to full float64 precision and the text is kept for display (``π/2``) and for sympy, which
gets the parsed tree, never the string. Infinite bounds are the words ``inf``, ``infinity``,
``oo`` or the sign ``∞``, with an optional sign.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from explorer.core.expr import ExprError, parse
from explorer.core.expr.display import MINUS, format_unicode
from explorer.core.expr.nodes import Node

_INFINITY = re.compile(r"([+\-\u2212]?)\s*(inf|infinity|oo|∞)", re.IGNORECASE)
_SUBSCRIPT = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SUPERSCRIPT = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
# Beyond this a bound is not a number a plot or a Riemann sum can use (sampling's own limit).
MAX_FINITE_BOUND = 1e15


@dataclass(frozen=True)
class Bound:
    """One bound: its value (±inf allowed), the tree it was read from (None for ±∞)."""

    value: float
    tree: Node | None
    text: str

    @property
    def infinite(self) -> bool:
        return math.isinf(self.value)

    def display(self) -> str:
        """``π/2``, ``−1``, ``∞``, ``−∞``: how the learner reads the bound back."""
        if self.infinite:
            return "∞" if self.value > 0 else f"{MINUS}∞"
        return format_unicode(self.tree)


def parse_bound(text: str, what: str = "bound") -> Bound:
    """Read a typed bound; ``ExprError`` says what is wrong (``what`` names the field)."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    return _parse_bound(text, what)


@functools.lru_cache(maxsize=256)
def _parse_bound(text: str, what: str) -> Bound:
    # Bounds are immutable and a drag reads the same texts several times per step.
    stripped = text.strip()
    if not stripped:
        raise ExprError(f"Enter the {what}: a number, an expression such as pi/2, or inf")
    match = _INFINITY.fullmatch(stripped)
    if match:
        sign = -1.0 if match.group(1) in ("-", MINUS) else 1.0
        return Bound(sign * math.inf, None, stripped)
    try:
        expression = parse(stripped.replace(MINUS, "-"), variables=())
    except ExprError as error:
        if "Unknown name" in error.message:
            raise ExprError(
                f"The {what} must be a number (a constant such as pi/2, or inf): {error.message}",
                error.column,
            ) from None
        raise
    value = float(expression.numpy_function()())
    if math.isnan(value):
        raise ExprError(f"The {what} {stripped} has no real value")
    if math.isinf(value) or abs(value) > MAX_FINITE_BOUND:
        raise ExprError(
            f"The {what} {stripped} is too large for a finite bound (at most 1e15); "
            "type inf for an infinite one"
        )
    return Bound(value, expression.tree, stripped)


def finite_bound(value: float) -> Bound:
    """A bound from a number (a dragged handle), shown with at most 12 significant digits."""
    if not math.isfinite(value):
        raise ValueError("a dragged bound must be finite")
    return parse_bound(f"{value:.12g}")


def subscript(text: str) -> str:
    """``0`` → ``₀``; ``π`` → ``_π``; ``π/2`` → ``_(π/2)`` (no subscript form for π or /)."""
    if _scriptable(text, _SUBSCRIPT):
        return text.translate(_SUBSCRIPT)
    return f"_{text}" if _single_symbol(text) else f"_({text})"


def superscript(text: str) -> str:
    """``1`` → ``¹``; ``∞`` → ``^∞``; ``π/2`` → ``^(π/2)``."""
    if _scriptable(text, _SUPERSCRIPT):
        return text.translate(_SUPERSCRIPT)
    return f"^{text}" if _single_symbol(text) else f"^({text})"


def _scriptable(text: str, table: dict[int, int]) -> bool:
    return all(ord(character) in table for character in text)


def _single_symbol(text: str) -> bool:
    # ∞, π, e (with a sign) read unambiguously without brackets: ∫₀^∞, ∫_−π^π.
    return len(text.lstrip(MINUS)) == 1


def integral_sign(lower: Bound, upper: Bound) -> str:
    """``∫₀¹``, ``∫₀^∞``, ``∫_(−π)^(π/2)``: the integral sign with its bounds, in one line."""
    return f"∫{subscript(lower.display())}{superscript(upper.display())}"
