"""Tangent line, secant line and the linear-approximation band at a point x₀.

Where f has no derivative at x₀ the tangent says so instead of drawing a wrong line: f undefined
there (a pole, outside the domain), a jump (piecewise-constant functions), a kink named by the
function table (|x| at 0, relu at 0, also inside compositions like |x − 1| at 1), a corner found
numerically (one-sided slopes that stay apart as h shrinks), or an infinite slope (∛x at 0).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.derivative.formatting import line_equation, point_slope_equation
from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import Variable, walk
from explorer.core.text import format_number

# One-sided quotients at two step sizes (relative to max(1, |x₀|)): a corner keeps them apart
# at both, a smooth function's gap shrinks 100-fold.
_COARSE_STEP = 1e-4
_FINE_STEP = 1e-6
# Where the exact derivative is read on either side of x₀ (the one-sided slopes shown).
_EXACT_OFFSET = 1e-10


@dataclass(frozen=True)
class Tangent:
    """The tangent at x₀, or why there is none."""

    x0: float
    y0: float
    slope: float
    differentiable: bool
    reason: str = ""
    equation: str = ""
    point_slope: str = ""
    left_slope: float | None = None
    right_slope: float | None = None
    # At a table kink whose one-sided slopes agree (relu(x) − relu(−x) at 0), the derivative's
    # formula and autodiff give the kink's convention value (0, as PyTorch does) instead.
    convention_slope: float | None = None

    @property
    def convention_note(self) -> str:
        """The amber note about a convention value that differs from the true slope, or ''."""
        if self.convention_slope is None:
            return ""
        return (
            f"The derivative's formula and autodiff (as PyTorch) give "
            f"{format_number(self.convention_slope)} here, the kinks' convention value; both "
            f"one-sided slopes are {format_number(self.slope)}, so f′ = {format_number(self.slope)}"
        )

    @property
    def intercept(self) -> float:
        return self.y0 - self.slope * self.x0

    def line(self, x: np.ndarray | float) -> np.ndarray:
        """L(x) = f(x₀) + f′(x₀)(x − x₀); NaN everywhere when there is no tangent."""
        x = np.asarray(x, dtype=np.float64)
        if not self.differentiable:
            return np.full_like(x, np.nan)
        return self.y0 + self.slope * (x - self.x0)


@dataclass(frozen=True)
class Secant:
    """The line through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h))."""

    x0: float
    h: float
    y0: float
    y1: float
    slope: float
    defined: bool
    equation: str = ""
    reason: str = ""

    def line(self, x: np.ndarray | float) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        if not self.defined:
            return np.full_like(x, np.nan)
        return self.y0 + self.slope * (x - self.x0)


@dataclass(frozen=True)
class LinearBand:
    """Where |f(x) − L(x)| ≤ ε on a grid, as a mask and as closed intervals of grid points."""

    epsilon: float
    x: np.ndarray
    mask: np.ndarray
    intervals: tuple[tuple[float, float], ...]
    around_x0: tuple[float, float] | None


def tangent_at(
    expression: Any, x0: float, params: Mapping[str, float] | None = None, variable: str = "x"
) -> Tangent:
    """The tangent of f at ``x0`` (text, ``Expression``, tree or ``PreparedFunction``)."""
    function = prepare(expression, params, variable)
    x0 = float(x0)
    y0 = float(function.f(np.float64(x0)))
    name = function.variable
    if not math.isfinite(y0):
        return _no_tangent(x0, y0, _undefined_reason(function, x0, y0))
    reason, left, right = _diagnose(function, x0, y0)
    if reason:
        return _no_tangent(x0, y0, reason, _or_none(left), _or_none(right))
    slope = function.derivative_at(x0)
    convention = None
    if _at_table_kink(function, x0) and math.isfinite(left + right) and _differ(slope, left):
        # The kinks cancel (one-sided slopes agree): the limit is the slope, and the formula's
        # value at x₀ is only the table's convention for each kink.
        convention, slope = slope, (left + right) / 2.0
    if math.isnan(slope) and math.isfinite(left + right):
        # The formula gives 0·∞ at x₀ (exp(−1/x²) at 0) but both one-sided limits agree.
        slope = (left + right) / 2.0
    if not math.isfinite(slope) or abs(slope) > 1e6 * (1.0 + abs(left) + abs(right)):
        where = f"{name} = {format_number(x0)}"
        if _slope_overflows(function, x0):
            reason = f"f′ overflows float64 at {where} (|f′| is beyond 1.8×10^308): no tangent"
            return _no_tangent(x0, y0, reason)
        return _no_tangent(x0, y0, f"f has no finite slope at {where}: the tangent is vertical")
    return Tangent(
        x0=x0,
        y0=y0,
        slope=slope,
        differentiable=True,
        equation=line_equation(slope, y0 - slope * x0, name),
        point_slope=point_slope_equation(x0, y0, slope, name),
        left_slope=left,
        right_slope=right,
        convention_slope=convention,
    )


def _at_table_kink(function: PreparedFunction, x0: float) -> bool:
    """Whether some |·|, relu … call of f has its argument exactly at its kink at x₀."""
    with np.errstate(all="ignore"):
        return any(
            float(site.argument(np.float64(x0))) in site.points for site in function.kink_sites
        )


def _undefined_reason(function: PreparedFunction, x0: float, y0: float) -> str:
    """Why f(x₀) has no value: a division by zero, a float64 overflow (x² at 10³⁰⁰, eˣ at
    1000) or simply outside f's domain."""
    where = f"{function.variable} = {format_number(x0)}"
    divisor = function.zero_divisor_at(x0)
    if divisor is not None and function.variable not in _names(divisor):
        # The parameters make a divisor 0 (ln(a) with a = 1): f is undefined for every x.
        return (
            f"f is not defined at {where}: {format_unicode(divisor)} = 0 makes f undefined "
            "(division by zero)"
        )
    if math.isinf(y0) and function.overflows_at(x0):
        return (
            f"f({function.variable}) overflows float64 at {where} (|f| is beyond "
            "1.8×10^308), so neither f nor its slope can be computed there"
        )
    limit = removable_limit(function, x0)
    if limit is not None:
        return (
            f"f is not defined at {where}, but f({function.variable}) → {format_number(limit)} "
            "from both sides: a removable singularity (a hole in the curve)"
        )
    return f"f is not defined at {where}"


def removable_limit(function: PreparedFunction, x0: float) -> float | None:
    """The limit of f at x₀ where f(x₀) has no value but both sides close in on one finite
    number (sin(x)/x → 1 at 0); None when they do not (a pole, a jump, no values at all).

    Judged on f at x₀ ± h for h = 10⁻⁵ and 10⁻⁶ times the scale of x₀: the four values must
    agree to 10⁻⁴ (relative), far tighter than any jump and far looser than round-off.
    """
    scale = max(1.0, abs(x0))
    steps = np.array([1e-5, 1e-6]) * scale
    with np.errstate(all="ignore"):
        values = function.f(np.concatenate([x0 - steps, x0 + steps]))
    if not np.all(np.isfinite(values)):
        return None
    centre = float(np.median(values))
    if np.max(np.abs(values - centre)) > 1e-4 * max(1.0, abs(centre)):
        return None
    return float(values[1] + values[3]) / 2  # the closer pair, averaged


def _slope_overflows(function: PreparedFunction, x0: float) -> bool:
    """f′ is ±∞ at and beside x₀ (an overflow region of f′, not a vertical tangent)."""
    offset = 1e-6 * max(1.0, abs(x0))
    with np.errstate(all="ignore"):
        values = function.fprime_formula(np.array([x0 - offset, x0, x0 + offset]))
    return bool(np.all(np.isinf(values)))


def _names(node) -> set[str]:
    return {n.name for n in walk(node) if isinstance(n, Variable)}


def _slope_overflows(function: PreparedFunction, x0: float) -> bool:
    """f′ is ±∞ at and beside x₀ (an overflow region of f′, not a vertical tangent)."""
    offset = 1e-6 * max(1.0, abs(x0))
    with np.errstate(all="ignore"):
        values = function.fprime_formula(np.array([x0 - offset, x0, x0 + offset]))
    return bool(np.all(np.isinf(values)))


def _names(node) -> set[str]:
    return {n.name for n in walk(node) if isinstance(n, Variable)}


def _or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _no_tangent(x0: float, y0: float, reason: str, left=None, right=None) -> Tangent:
    return Tangent(x0, y0, float("nan"), False, reason, left_slope=left, right_slope=right)


def _one_sided(function: PreparedFunction, x0: float, y0: float, step: float) -> tuple:
    """(left slope, right slope, f(x₀+h) − f(x₀−h), largest |f(x₀±h)|) with step h."""
    below, above = function.f(np.array([x0 - step, x0 + step]))
    size = max(abs(below), abs(above))
    return (y0 - below) / step, (above - y0) / step, above - below, size


def _differ(a: float, b: float) -> bool:
    if not (math.isfinite(a) and math.isfinite(b)):
        return a != b
    return abs(a - b) > 1e-6 * (1.0 + abs(a) + abs(b))


def _diagnose(function: PreparedFunction, x0: float, y0: float) -> tuple[str, float, float]:
    """Why f has no tangent at x₀ ('' if it has one), and f′ just left and right of x₀."""
    scale = max(1.0, abs(x0))
    where = f"{function.variable} = {format_number(x0)}"
    nan = float("nan")
    with np.errstate(all="ignore"):
        left_c, right_c, jump_c, size_c = _one_sided(function, x0, y0, _COARSE_STEP * scale)
        left, right, jump, size = _one_sided(function, x0, y0, _FINE_STEP * scale)
    if not (math.isfinite(left) and math.isfinite(right)):
        if not math.isfinite(left) and not math.isfinite(right):
            return f"f is not defined on either side of {where}", nan, nan
        side = "left" if not math.isfinite(left) else "right"
        return f"f is not defined just to the {side} of {where}, so it has no slope there", nan, nan
    # Near a pole f(x₀) dwarfs its neighbours, and f(x₀+h) − f(x₀−h) grows as h shrinks.
    noise = 1e-8 * max(1.0, size_c)
    if abs(y0) > 1e6 * (1.0 + size_c) or (abs(jump) > 2.0 * abs(jump_c) and abs(jump) > noise):
        return f"f has a pole at {where}: it grows without bound there", nan, nan
    if abs(jump) > 0.5 * abs(jump_c) and abs(jump) > noise:
        return _jump_reason(function, where), nan, nan
    slopes = _limit_slopes(function, x0, scale, left, right)
    for site in function.kink_sites:
        argument = float(site.argument(np.float64(x0)))
        if any(argument == point for point in site.points) and _differ(*slopes):
            return _corner_reason(function, site.call, where, *slopes), *slopes
    gap, gap_coarse = right - left, right_c - left_c
    tolerance = 1e-6 * (1.0 + abs(left) + abs(right) + abs(y0) / scale)
    # Confirmed with the exact one-sided derivatives: within 10⁻⁶ of a corner (but not at it)
    # the quotients straddle it although f is differentiable at x₀ itself.
    if abs(gap) > 0.5 * abs(gap_coarse) and abs(gap) > tolerance and _differ(*slopes):
        return _corner_reason(function, None, where, *slopes), *slopes
    return "", *slopes


def _limit_slopes(
    function: PreparedFunction, x0: float, scale: float, left: float, right: float
) -> tuple[float, float]:
    """f′ just left and right of x₀ from the symbolic derivative, else the one-sided quotients."""
    near, far = _EXACT_OFFSET * scale, 1e4 * _EXACT_OFFSET * scale
    points = np.array([x0 - near, x0 + near, x0 - far, x0 + far])
    with np.errstate(all="ignore"):
        below, above, below_far, above_far = (float(v) for v in function.fprime(points))
    if not math.isfinite(below):
        below = left
    if not math.isfinite(above):
        above = right
    # A slope still growing 10-fold as we move 10⁴ times closer is unbounded (a cusp, √|x|).
    if abs(below) > 1e3 and abs(below) > 10 * abs(below_far):
        below = math.copysign(math.inf, below)
    if abs(above) > 1e3 and abs(above) > 10 * abs(above_far):
        above = math.copysign(math.inf, above)
    return _tidy_slope(below), _tidy_slope(above)


def _tidy_slope(value: float) -> float:
    """One-sided slopes of a corner printed cleanly: 0.9999999999 → 1."""
    if not math.isfinite(value):
        return value
    rounded = float(f"{value:.6g}")
    return 0.0 if rounded == 0 else rounded


def _corner_reason(function: PreparedFunction, call, where: str, left: float, right: float) -> str:
    slopes = f"left slope {format_number(left)}, right slope {format_number(right)}"
    if call is not None and call == function.tree:
        return f"{format_unicode(call)} has a corner at {where}: {slopes}"
    if call is not None:
        return f"f has a corner at {where} (from {format_unicode(call)}): {slopes}"
    return f"f has a corner at {where}: {slopes}"


def _jump_reason(function: PreparedFunction, where: str) -> str:
    text = f"f jumps at {where}, so it has no tangent there"
    calls = function.piecewise_constant_calls
    if calls:
        names = ", ".join(dict.fromkeys(format_unicode(c) for c in calls))
        text += f" ({names}: not differentiable at its jumps, slope 0 elsewhere)"
    return text


def secant_through(
    expression: Any,
    x0: float,
    h: float,
    params: Mapping[str, float] | None = None,
    variable: str = "x",
) -> Secant:
    """The secant through x₀ and x₀ + h; its slope is the forward difference quotient."""
    function = prepare(expression, params, variable)
    x0, h = float(x0), float(h)
    y0, y1 = (float(v) for v in function.f(np.array([x0, x0 + h])))
    if h == 0:
        return Secant(x0, h, y0, y1, float("nan"), False, reason="h must not be 0")
    if not (math.isfinite(y0) and math.isfinite(y1)):
        bad = x0 if not math.isfinite(y0) else x0 + h
        reason = f"f is not defined at {function.variable} = {format_number(bad)}"
        return Secant(x0, h, y0, y1, float("nan"), False, reason=reason)
    slope = (y1 - y0) / h
    equation = line_equation(slope, y0 - slope * x0, function.variable)
    return Secant(x0, h, y0, y1, slope, True, equation=equation)


def linear_approximation_band(
    expression: Any,
    x0: float,
    epsilon: float,
    x: np.ndarray,
    params: Mapping[str, float] | None = None,
    variable: str = "x",
) -> LinearBand:
    """Where the tangent L approximates f within ``epsilon`` on the grid ``x``."""
    function = prepare(expression, params, variable)
    grid = np.asarray(x, dtype=np.float64)
    tangent = tangent_at(function, x0)
    with np.errstate(invalid="ignore"):
        mask = np.abs(function.f(grid) - tangent.line(grid)) <= epsilon
    intervals = _runs(grid, mask)
    around = next((run for run in intervals if run[0] <= x0 <= run[1]), None)
    return LinearBand(float(epsilon), grid, mask, intervals, around)


def _runs(grid: np.ndarray, mask: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Maximal runs of True as (first x, last x)."""
    if not mask.any():
        return ()
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    changes = np.flatnonzero(np.diff(padded))
    starts, ends = changes[::2], changes[1::2] - 1
    return tuple((float(grid[s]), float(grid[e])) for s, e in zip(starts, ends, strict=True))
