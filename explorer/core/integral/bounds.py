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
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import Node
from explorer.core.text import MINUS, subscript, superscript

_INFINITY = re.compile(r"([+\-\u2212]?)\s*(inf|infinity|oo|∞)", re.IGNORECASE)
_SCRIPTABLE = frozenset("0123456789+-\u2212")
_DECIMAL = re.compile("\u2212?[0-9]*\\.[0-9]+")
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


def _scripted(text: str, mark: str, lower: bool) -> str:
    """Digits and signs lowered or raised (``₋₁``, ``¹⁰``); anything else after ``_``/``^``,
    bracketed unless it is one symbol or a decimal (``^∞``, ``_π``, ``^3.5``, ``^(π/2)``): π, /
    and . have no sub- or superscript forms."""
    if text and set(text) <= _SCRIPTABLE:
        return subscript(text) if lower else superscript(text)
    plain = len(text.lstrip(MINUS)) == 1 or _DECIMAL.fullmatch(text)
    return f"{mark}{text}" if plain else f"{mark}({text})"


def integral_sign(lower: Bound, upper: Bound) -> str:
    """``∫₀¹``, ``∫₀^∞``, ``∫_(−π)^(π/2)``: the integral sign with its bounds, in one line."""
    return f"∫{_scripted(lower.display(), '_', True)}{_scripted(upper.display(), '^', False)}"
