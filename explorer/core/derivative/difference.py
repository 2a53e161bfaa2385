"""Difference quotients, the seed's h → 0 table, and how their error depends on h.

Everything takes a vectorised ``f(x_array) -> array``. With ``dtype=np.float32`` the point, the
step and f's evaluation really are float32 (the callable must keep the dtype of its input, as the
lab's evaluators do), which is what makes the round-off rise for small h visible much earlier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from explorer.core.text import superscript

RealFunction = Callable[[np.ndarray], np.ndarray]

# The table: h = 10⁻¹ … 10⁻¹².
TABLE_STEPS: tuple[float, ...] = tuple(10.0**-k for k in range(1, 13))
# From here on a table value prints in scientific form (its fixed-point digits are noise).
_LARGE_TABLE_VALUE = 1e6


def _evaluate(f: RealFunction, x: np.ndarray, dtype: type) -> np.ndarray:
    with np.errstate(all="ignore"):
        return np.asarray(f(np.asarray(x, dtype=dtype)), dtype=dtype)


def forward_difference(
    f: RealFunction, x: float | np.ndarray, h: float | np.ndarray, dtype: type = np.float64
) -> np.ndarray:
    """``(f(x+h) − f(x))/h`` computed entirely in ``dtype``."""
    x_cast = np.asarray(x, dtype=dtype)
    h_cast = np.asarray(h, dtype=dtype)
    with np.errstate(all="ignore"):
        return (_evaluate(f, x_cast + h_cast, dtype) - _evaluate(f, x_cast, dtype)) / h_cast


def central_difference(
    f: RealFunction, x: float | np.ndarray, h: float | np.ndarray, dtype: type = np.float64
) -> np.ndarray:
    """``(f(x+h) − f(x−h))/(2h)`` computed entirely in ``dtype``."""
    x_cast = np.asarray(x, dtype=dtype)
    h_cast = np.asarray(h, dtype=dtype)
    with np.errstate(all="ignore"):
        ahead = _evaluate(f, x_cast + h_cast, dtype)
        behind = _evaluate(f, x_cast - h_cast, dtype)
        return (ahead - behind) / (dtype(2) * h_cast)


def format_seed_row(h: float, value: float) -> str:
    """Exactly the seed's print: ``h=0.00010, numerical limit=2.00030``."""
    return f"h={h:.5f}, numerical limit={value:.5f}"


def seed_limit_rows(
    f: RealFunction, x: float = 1.0, start: float = 0.0001, count: int = 5
) -> list[tuple[float, float]]:
    """The seed's loop: ``h = 0.0001``, a quotient, ``h *= 0.1``, ``count`` times (Python
    floats, so h is exactly the seed's), as (h, forward quotient) pairs."""
    rows = []
    h = start
    for _ in range(count):
        rows.append((h, float(forward_difference(f, x, h))))
        h *= 0.1
    return rows


def seed_limit_lines(
    f: RealFunction, x: float = 1.0, start: float = 0.0001, count: int = 5
) -> list[str]:
    """The seed's loop printed the seed's way (``format_seed_row``)."""
    return [format_seed_row(h, value) for h, value in seed_limit_rows(f, x, start, count)]


def seed_rounding_note(steps: list[float]) -> str:
    """What a reader of ``h=0.00000`` needs told: h is printed with 5 decimals, as the seed
    prints it, and is really 10⁻⁶ … 10⁻⁸ ("" when no h rounds to 0.00000)."""
    hidden = [h for h in steps if f"{h:.5f}" == "0.00000"]
    if not hidden:
        return ""
    powers = [f"10{superscript(round(np.log10(h)))}" for h in hidden]
    shown = powers[0] if len(powers) == 1 else f"{powers[0]} … {powers[-1]}"
    return (
        f"h is printed with 5 decimals, as the seed prints it: the rows showing h=0.00000 are "
        f"really h = {shown}."
    )


@dataclass(frozen=True)
class LimitRow:
    """One row of the h → 0 table."""

    h: float
    forward: float
    central: float
    forward_error: float | None = None
    central_error: float | None = None

    @property
    def seed_text(self) -> str:
        """The forward quotient printed the seed's way."""
        return format_seed_row(self.h, self.forward)

    @property
    def text(self) -> str:
        """A row that also shows tiny h (the seed's ``h=0.00000`` hides them)."""
        exponent = round(-np.log10(self.h))
        forward, central = table_number(self.forward), table_number(self.central)
        return f"h=1e-{exponent:02d}  forward={forward}  central={central}"


def table_number(value: float) -> str:
    """Five decimals like the seed, but huge values (1/x at 0) in compact scientific form:
    ``1.00000e+18``, not ``999999999999999872.00000``."""
    if np.isfinite(value) and abs(value) >= _LARGE_TABLE_VALUE:
        return f"{value:.5e}"
    return f"{value:.5f}"


def limit_table(
    f: RealFunction,
    x0: float,
    exact: float | None = None,
    steps: tuple[float, ...] = TABLE_STEPS,
    dtype: type = np.float64,
) -> list[LimitRow]:
    """Forward and central quotients at ``x0`` for each h (10⁻¹ … 10⁻¹² by default)."""
    hs = np.asarray(steps, dtype=np.float64)
    forward = forward_difference(f, np.full_like(hs, x0), hs, dtype).astype(np.float64)
    central = central_difference(f, np.full_like(hs, x0), hs, dtype).astype(np.float64)
    rows = []
    for h, fwd, cen in zip(hs, forward, central, strict=True):
        with np.errstate(invalid="ignore"):
            errors = (
                (None, None)
                if exact is None
                else (float(abs(fwd - exact)), float(abs(cen - exact)))
            )
        rows.append(LimitRow(float(h), float(fwd), float(cen), *errors))
    return rows


@dataclass(frozen=True)
class ErrorVsH:
    """|forward − f′(x₀)| and |central − f′(x₀)| over a log-spaced h grid, with fitted slopes."""

    h: np.ndarray
    forward_error: np.ndarray
    central_error: np.ndarray
    forward_slope: float
    central_slope: float
    best_h_forward: float
    best_h_central: float
    theoretical_best_forward: float
    theoretical_best_central: float
    dtype: str
    # A quotient with no truncation error (central for a quadratic, both for a line): its
    # error stays at the round-off level for every h, so "best h" and slopes mean nothing.
    forward_exact: bool = False
    central_exact: bool = False


def error_vs_h(
    f: RealFunction,
    x0: float,
    exact: float,
    dtype: type = np.float64,
    h: np.ndarray | None = None,
) -> ErrorVsH:
    """Errors of both quotients against ``exact`` for h from 10⁰ to 10⁻¹⁶ (41 points by default).

    The slopes are least-squares fits of log10(error) against log10(h) where truncation dominates:
    h between 4× the best h (below it round-off takes over) and 0.3 (above it the Taylor series
    is not yet in its asymptotic regime). The theoretical best steps are √ε and ∛ε of ``dtype``,
    scaled by max(1, |x₀|).
    """
    steps = np.logspace(0, -16, 65) if h is None else np.asarray(h, dtype=np.float64)
    points = np.full_like(steps, x0)
    forward = forward_difference(f, points, steps, dtype).astype(np.float64)
    central = central_difference(f, points, steps, dtype).astype(np.float64)
    with np.errstate(invalid="ignore"):
        forward_error = np.abs(forward - exact)
        central_error = np.abs(central - exact)
    epsilon = float(np.finfo(dtype).eps)
    scale = max(1.0, abs(x0))
    floor = _roundoff_floor(f, x0, steps, exact, epsilon, dtype)
    best_forward = _argmin_h(steps, forward_error)
    best_central = _argmin_h(steps, central_error)
    return ErrorVsH(
        h=steps,
        forward_error=forward_error,
        central_error=central_error,
        forward_slope=_truncation_slope(steps, forward_error, best_forward),
        central_slope=_truncation_slope(steps, central_error, best_central),
        best_h_forward=best_forward,
        best_h_central=best_central,
        theoretical_best_forward=scale * epsilon**0.5,
        theoretical_best_central=scale * epsilon ** (1.0 / 3.0),
        dtype=np.dtype(dtype).name,
        forward_exact=bool(np.all(forward_error <= floor)),
        central_exact=bool(np.all(central_error <= floor)),
    )


def _roundoff_floor(f, x0: float, steps: np.ndarray, exact: float, epsilon: float, dtype):
    """The error a quotient with no truncation error still has at each h: the rounding of f's
    values (a few ε·|f|) divided by h, plus the rounding of f′ itself."""
    with np.errstate(all="ignore"):
        x = np.asarray(x0, dtype=dtype)
        sizes = [
            np.abs(np.asarray(f(x + sign * steps.astype(dtype)), np.float64)) for sign in (-1, 1)
        ]
        size = np.maximum(np.maximum(*sizes), abs(float(np.asarray(f(x), np.float64))))
    return 8.0 * epsilon * (size / steps + abs(exact))


def _argmin_h(steps: np.ndarray, errors: np.ndarray) -> float:
    finite = np.isfinite(errors)
    if not finite.any():
        return float("nan")
    masked = np.where(finite, errors, np.inf)
    return float(steps[int(np.argmin(masked))])


def _truncation_slope(steps: np.ndarray, errors: np.ndarray, best_h: float) -> float:
    region = (steps <= 0.3) & (steps >= 4.0 * best_h) & np.isfinite(errors) & (errors > 0)
    if region.sum() < 2:
        return float("nan")
    slope, _ = np.polyfit(np.log10(steps[region]), np.log10(errors[region]), 1)
    return float(slope)
