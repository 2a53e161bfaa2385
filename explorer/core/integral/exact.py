"""The exact value (sympy's, from the worker) and the numeric one side by side: the formula line
``∫₀¹ x² dx = 1/3``, the plain-data forms that cross the process boundary, and whether the two
agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.core.integral import quadrature
from explorer.core.integral.bounds import Bound, integral_sign
from explorer.core.integral.quadrature import NumericIntegral
from explorer.core.integral.singular import Singularity
from explorer.core.text import MINUS, format_number, parenthesized

# Statuses of sympy's answer.
VALUE = "value"
DIVERGES = "diverges"
UNDEFINED = "undefined"  # sympy says nan / zoo / oscillating bounds
NOT_REAL = "not real"
NO_CLOSED_FORM = "no closed form"
FAILED = "failed"  # the worker timed out or could not process f
# Exact and numeric values agree within this relative distance.
AGREEMENT = 1e-8


@dataclass(frozen=True)
class ExactIntegral:
    """sympy's answer: a status, the value as a float, and the formula text (``1/3``, ``π/2``)."""

    status: str
    value: float | None = None
    formula: str = ""
    message: str = ""  # for FAILED: why (time limit)

    @classmethod
    def from_data(cls, data: dict) -> ExactIntegral:
        value = data.get("value")
        return cls(
            str(data["status"]),
            None if value is None else float(value),
            str(data.get("formula") or ""),
        )

    @classmethod
    def failed(cls, message: str) -> ExactIntegral:
        return cls(FAILED, None, "", message)

    def describe(self) -> str:
        """What sympy found, in words, when it is not a plain value."""
        return {
            VALUE: self.formula,
            DIVERGES: f"diverges ({self.formula})",
            UNDEFINED: "no value (sympy: " + (self.formula or "undefined") + ")",
            NOT_REAL: f"not a real number ({self.formula})",
            NO_CLOSED_FORM: "sympy found no closed form",
            FAILED: self.message or "sympy could not work it out",
        }.get(self.status, self.status)


def formula_line(integrand: str, lower: Bound, upper: Bound, exact: ExactIntegral | None) -> str:
    """``∫₀¹ x² dx = 1/3``; without an exact value ``∫₀¹ x² dx``; a sum is bracketed,
    ``∫₀¹ (x³ − 1/x) dx``, so dx multiplies all of it."""
    left = f"{integral_sign(lower, upper)} {parenthesized(integrand)} dx"
    if exact is None or exact.status != VALUE:
        return left
    approximate = format_number(exact.value, 12)
    if approximate.replace(MINUS, "-") == exact.formula.replace(MINUS, "-"):
        return f"{left} = {exact.formula}"
    return f"{left} = {exact.formula} ≈ {approximate}"


def numeric_text(numeric: NumericIntegral) -> str:
    """``0.333333333333333 (mpmath.quad, error estimate 1e-21)`` or the divergence in words."""
    if numeric.status == quadrature.DIVERGES:
        if math.isinf(numeric.value):
            return f"diverges to {'+' if numeric.value > 0 else MINUS}∞"
        return "diverges (no value)"
    if numeric.status == quadrature.UNDEFINED:
        return "not a real number"
    if not math.isfinite(numeric.value):
        return "no value"
    text = format_number(numeric.value, 15)
    if numeric.status == quadrature.UNRELIABLE:
        return f"{text} (unreliable: error estimate {format_number(numeric.error, 2)})"
    return f"{text} ({numeric.method}, error estimate {format_number(numeric.error, 1)})"


def agreement(
    exact: ExactIntegral | None, numeric: NumericIntegral | None
) -> tuple[bool | None, str]:
    """(agree?, sentence). None when there is nothing to compare yet (or at all)."""
    if exact is None or numeric is None:
        return None, ""
    if exact.status == VALUE and numeric.has_value:
        difference = abs(exact.value - numeric.value)
        if difference <= AGREEMENT * max(1.0, abs(exact.value)) + 10 * numeric.error:
            return True, f"Exact and numeric agree (difference {format_number(difference, 2)})"
        return False, (
            f"Exact and numeric DISAGREE by {format_number(difference, 3)}: "
            "one of them is wrong here "
            "(check the integrand's singularities)"
        )
    divergent_exact = exact.status in (DIVERGES, UNDEFINED, NOT_REAL)
    divergent_numeric = numeric.status in (quadrature.DIVERGES, quadrature.UNDEFINED)
    if divergent_exact and divergent_numeric:
        return True, "sympy and the numeric analysis both find no finite real value"
    if exact.status in (NO_CLOSED_FORM, FAILED):
        return None, "Numeric value only: " + exact.describe()
    if divergent_exact != divergent_numeric:
        return False, (
            "sympy and the numeric analysis DISAGREE about whether the integral has a value"
        )
    return None, ""


def numeric_to_data(numeric: NumericIntegral) -> dict:
    """Plain data for the worker's answer (±inf and NaN as text, which JSON and pipes keep)."""
    return {
        "value": _float_text(numeric.value),
        "error": _float_text(numeric.error),
        "status": numeric.status,
        "reason": numeric.reason,
        "notes": list(numeric.notes),
        "method": numeric.method,
        "singularities": [
            [_float_text(s.x), s.kind, _float_text(s.exponent), list(s.signs)]
            for s in numeric.singularities
        ],
    }


def numeric_from_data(data: dict) -> NumericIntegral:
    return NumericIntegral(
        float(data["value"]),
        float(data["error"]),
        str(data["status"]),
        str(data.get("reason") or ""),
        tuple(str(note) for note in data.get("notes") or ()),
        tuple(
            Singularity(float(x), str(kind), float(exponent), tuple(int(s) for s in signs))
            for x, kind, exponent, signs in data.get("singularities") or ()
        ),
        str(data.get("method") or ""),
    )


def _float_text(value: float) -> float | str:
    return value if math.isfinite(value) else repr(float(value))
