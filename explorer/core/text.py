"""Numbers and formula pieces as the app writes them: one rule each, for every panel, the CLI
and the errors.

- ``format_number``: a value for a reader — ``4``, ``−0.5``, ``1.5×10²⁰``, ``[0, 4, 8]``;
- ``source_number``: a value as it would be typed in an expression (ASCII ``-``, ``1e+100``),
  for error messages that quote the user's source next to it;
- ``MINUS`` and ``typographic_minus``: the real minus sign (U+2212) instead of a hyphen;
- ``pasteable_numbers``: the command line's plain text, its numbers with the ASCII minus and
  ``e`` notation (``-0.5``, ``1.5e20``) so they paste into Python;
- ``superscript`` / ``subscript``: ``x²``, ``10⁻³``, ``u₁``;
- ``counted``: ``1 point``, ``3 points``, ``1 point where f′ is undefined``;
- ``needs_parentheses`` / ``parenthesized`` / ``operand``: whether a piece of formula text must be
  bracketed to sit next to an operator.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

MINUS = "\u2212"
# Arrays up to this many entries are listed; larger ones are described by their shape.
MAX_LISTED = 8

_SUPERSCRIPTS = str.maketrans("0123456789-\u2212+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺")
# The letters Unicode can raise (there is no superscript q): x^n reads xⁿ, e^x reads eˣ.
SUPERSCRIPT_LETTERS: dict[str, str] = dict(
    zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", strict=True)
)
_SUBSCRIPTS = str.maketrans("0123456789-\u2212+", "₀₁₂₃₄₅₆₇₈₉₋₋₊")
# A number's minus sign (before a digit or a point) and a ×10ⁿ exponent (format_number's, or ×10^n).
_NUMBER_MINUS = re.compile("\u2212(?=[0-9.])")
_TIMES_TEN_TO = re.compile("(?<=[0-9])×10(?:\\^([\u2212-]?[0-9]+)|([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))")
_UNRAISE = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# Characters that make a formula a compound when they sit outside every bracket.
_OPERATORS = frozenset(" +-\u2212·*/^@")


_PLAIN_SCALARS = frozenset({float, int, bool, np.float64})


def format_number(value: Any, significant: int = 6) -> str:
    """A scalar, or a small 1-D array, as a learner reads it.

    Integers print without decimals, and values within a few ulps of an integer print as that
    integer (a slope computed as 3.9999999999999996 reads ``4``); others get at most
    ``significant`` significant digits, large exponents as ``1.5×10²⁰``. Negative numbers use the
    typographic minus; NaN reads ``undefined``, infinities ``∞``. ``None`` (no value yet) is
    ``—``; arrays up to ``MAX_LISTED`` entries are listed ``[0, 4, 8]``, larger ones named by
    shape.
    """
    if value is None:
        return "—"
    if type(value) in _PLAIN_SCALARS:
        # What numpy's round trip below gives back for these is the value itself: skipped, as
        # a drag step formats a dozen numbers.
        return _scalar_text(value, significant)
    array = np.asarray(value)
    if array.size == 1:
        return _scalar_text(array.reshape(()).item(), significant)
    if array.size <= MAX_LISTED and array.ndim == 1:
        return "[" + ", ".join(_scalar_text(v, significant) for v in array.tolist()) + "]"
    return f"tensor of shape {tuple(array.shape)}"


def _scalar_text(number: Any, significant: int) -> str:
    if isinstance(number, bool | np.bool_):
        return str(bool(number))
    value = float(number)
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "∞" if value > 0 else f"{MINUS}∞"
    nearest = round(value)
    if abs(value - nearest) <= 8 * math.ulp(value) and abs(nearest) < 1e15:
        text = str(int(nearest))
    else:
        text = f"{value:.{significant}g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa}×10{superscript(int(exponent))}"
    if text in ("-0", "0"):
        return "0"
    return typographic_minus(text)


def source_number(value: float) -> str:
    """A number as it would be typed in an expression: ``1000000``, ``-1200``, ``1e+100``."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def typographic_minus(text: str) -> str:
    """Every ASCII hyphen-minus in ``text`` as the real minus sign."""
    return text.replace("-", MINUS)


def pasteable_numbers(text: str) -> str:
    """``text`` with every number written as Python reads it: ``f′(−0.5) = 1.5×10⁻⁸`` becomes
    ``f′(-0.5) = 1.5e-8``. Formulas keep their typographic minus between terms (``6x − 4``);
    one in front of a number (``−2x``) becomes ASCII too, which reads the same."""
    text = _TIMES_TEN_TO.sub(_e_notation, text)
    return _NUMBER_MINUS.sub("-", text)


def _e_notation(match: re.Match) -> str:
    caret, raised = match.groups()
    return "e" + (caret.replace(MINUS, "-") if caret else raised.translate(_UNRAISE))


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with its noun agreeing: ``1 more point``, ``2 more points``. ``plural``
    defaults to the singular plus "s"."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def superscript(text: str | int) -> str:
    """Digits and signs raised: ``superscript(-3)`` is ``⁻³`` (other characters unchanged)."""
    return str(text).translate(_SUPERSCRIPTS)


def subscript(text: str | int) -> str:
    """Digits and signs lowered: ``subscript(12)`` is ``₁₂`` (other characters unchanged)."""
    return str(text).translate(_SUBSCRIPTS)


def needs_parentheses(text: str) -> bool:
    """True when an operator (or a space) sits outside all brackets: ``w + x`` or ``−2`` do,
    ``dot(x, x)``, ``(w + x)`` and ``4`` do not."""
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and char in _OPERATORS:
            return True
    return False


def parenthesized(text: str) -> str:
    """``text`` bracketed when it is a compound (``needs_parentheses``), else as it is."""
    return f"({text})" if needs_parentheses(text) else text


def operand(value: Any) -> str:
    """A number as it sits inside a formula: negatives in parentheses, ``3·(−2)``."""
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text
