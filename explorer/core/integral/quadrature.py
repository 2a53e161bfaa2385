"""The numeric value of ∫ₐᵇ f dx with ``mpmath.quad``, and the cases where there is none.

Before any quadrature the integrand is examined (``explorer.core.integral.singular``): a pole
inside [a, b] or at a bound that is too strong to integrate, a tail that decays too slowly, and a
stretch where f has no real value are reported as such, with where and why, instead of letting
``mpmath.quad`` return a confident-looking number (it gives 44.09 for ∫₀¹ 1/x dx). Otherwise the
interval is split at every jump and integrable singularity (tanh–sinh quadrature handles
singular ends well), an oscillating infinite tail goes to ``mpmath.quadosc`` with the period
measured from f's sign changes, and mpmath's own error estimate is reported; an estimate that is
large compared to the value marks the result as unreliable rather than hiding it.

f is evaluated through our own tree in float64 (``explorer.core.expr.to_numpy``'s postfix
program), so mpmath never sees the user's text; its nodes are rounded to float64 on the way in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import mpmath
import numpy as np

from explorer.core.expr.nodes import Node
from explorer.core.expr.to_numpy import compile_postfix, run_postfix
from explorer.core.integral import singular
from explorer.core.integral.singular import Singularity
from explorer.core.text import MINUS, format_number

RealFunction = Callable[[np.ndarray], np.ndarray]
ScalarFunction = Callable[[float], float]

CONVERGES = "converges"
DIVERGES = "diverges"
UNDEFINED = "undefined"
UNRELIABLE = "unreliable"
# mpmath's error estimate beyond this share of max(1, |value|) makes the value unreliable
# (a converged tanh–sinh estimate is ~1e-15 or smaller; one that did not converge is ~1).
RELIABLE_SHARE = 1e-8
# Beyond this many jumps the interval is not split at each (floor(1000x)); quad still runs.
_MAX_BREAKPOINTS = 400
# How far past a finite bound an infinite interval is searched for poles and jumps.
_SEARCH_SPAN = 20.0
# An oscillating tail is summed over this many half-periods, the last _SERIES_TERMS partial sums
# extrapolated.
_TAIL_PIECES = 30
_SERIES_TERMS = 20


@dataclass(frozen=True)
class NumericIntegral:
    """What ``numeric_integral`` found: a value with mpmath's error estimate, or why none.

    ``value`` is ±inf for an integral that diverges to ±∞ and NaN when it has no value at all
    (1/x across its pole, sin x out to ∞, f not real on part of [a, b]).
    """

    value: float
    error: float
    status: str  # CONVERGES, DIVERGES, UNDEFINED or UNRELIABLE
    reason: str = ""  # one sentence for DIVERGES / UNDEFINED / UNRELIABLE
    notes: tuple[str, ...] = ()
    singularities: tuple[Singularity, ...] = field(default=())
    method: str = ""

    @property
    def has_value(self) -> bool:
        return self.status in (CONVERGES, UNRELIABLE) and math.isfinite(self.value)


def scalar_function(tree: Node, variable: str = "x", params: Mapping[str, float] | None = None):
    """``f(t) -> float`` for mpmath: our tree's postfix program run on one float64 number."""
    program = compile_postfix(tree)
    fixed = {name: np.float64(value) for name, value in (params or {}).items()}

    def evaluate(t) -> float:
        env = {**fixed, variable: np.float64(float(t))}
        with np.errstate(all="ignore"):
            value = run_postfix(program, env)
        value = complex(value) if np.iscomplexobj(value) else float(value)
        if isinstance(value, complex):
            return value.real if value.imag == 0 else math.nan
        return value

    return evaluate


def where(x: float) -> str:
    """``x = 0``, ``x = −1.5``: a place, as the messages name it."""
    return f"x = {format_number(x)}"


def exponent_text(exponent: float, c: float) -> str:
    """``like |x|ᵖ with p = −0.5``, ``like |x − 1|ᵖ with p = −1``: how |f| grows next to ``c``.

    The exponent is named rather than raised: Unicode has no raised decimal point, and a caret
    is the input language, not how the app writes formulas."""
    if math.isinf(exponent):
        return "faster than any power"
    distance = "|x|" if c == 0 else f"|x {'−' if c > 0 else '+'} {format_number(abs(c))}|"
    return f"like {distance}ᵖ with p = {format_number(exponent, 3)}"


def numeric_integral(
    f: RealFunction,
    scalar: ScalarFunction,
    a: float,
    b: float,
    fprime: RealFunction | None = None,
) -> NumericIntegral:
    """∫ₐᵇ f dx (a, b may be ±inf; b < a gives −∫ᵦᵃ, with a note).

    ``fprime`` (f′, from the derivative lab) lets a quadrature that came out unreliable try again
    split at f's corners (|x| at 0), found as jumps of f′.
    """
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        raise ValueError("bounds must be numbers")
    if a == b:
        if math.isinf(a):
            return NumericIntegral(
                math.nan, math.nan, UNDEFINED, "Both bounds are the same infinity."
            )
        return NumericIntegral(
            0.0, 0.0, CONVERGES, notes=("a = b: the interval is empty, so the integral is 0",)
        )
    if b < a:
        forward = numeric_integral(f, scalar, b, a, fprime)
        note = "b < a: ∫ₐᵇ f dx = −∫ᵦᵃ f dx, the integral over [b, a] with its sign flipped"
        return NumericIntegral(
            -forward.value,
            forward.error,
            forward.status,
            forward.reason,
            (note, *forward.notes),
            forward.singularities,
            forward.method,
        )
    if math.isinf(a) and math.isinf(b):
        return _combined(
            numeric_integral(f, scalar, a, 0.0, fprime), numeric_integral(f, scalar, 0.0, b, fprime)
        )
    return _forward(f, scalar, a, b, fprime)


def _combined(left: NumericIntegral, right: NumericIntegral) -> NumericIntegral:
    """(−∞, 0] and [0, ∞) together: the worse status wins, values add."""
    order = (UNDEFINED, DIVERGES, UNRELIABLE, CONVERGES)
    worst = min(left, right, key=lambda part: order.index(part.status))
    notes = tuple(dict.fromkeys((*left.notes, *right.notes)))
    if worst.status in (UNDEFINED, DIVERGES):
        return NumericIntegral(
            worst.value, math.nan, worst.status, worst.reason, notes, worst.singularities
        )
    return NumericIntegral(
        left.value + right.value,
        left.error + right.error,
        worst.status,
        worst.reason,
        notes,
        (*left.singularities, *right.singularities),
        worst.method,
    )


def _search_window(a: float, b: float) -> tuple[float, float]:
    if math.isfinite(a) and math.isfinite(b):
        return a, b
    if math.isfinite(a):
        return a, a + max(_SEARCH_SPAN, abs(a))
    if math.isfinite(b):
        return b - max(_SEARCH_SPAN, abs(b)), b
    return -_SEARCH_SPAN, _SEARCH_SPAN


def _forward(f, scalar, a: float, b: float, fprime) -> NumericIntegral:
    low, high = _search_window(a, b)
    stretches = singular.undefined_stretches(f, low, high)
    if stretches:
        start, end = stretches[0]
        return NumericIntegral(
            math.nan,
            math.nan,
            UNDEFINED,
            f"f has no real values between x ≈ {format_number(start, 4)} and "
            f"x ≈ {format_number(end, 4)}, inside the interval: the integral is not a real number",
        )
    points = singular.find_singularities(f, low, high)
    # The ends of a search window that stands in for ±∞ are not bounds of the integral.
    points = [p for p in points if _is_bound_or_inside(p.x, a, b, low, high)]
    poles = [p for p in points if p.kind == singular.POLE]
    if poles:
        return _pole_result(poles[0], a, b, tuple(points))
    tails = []
    for bound, direction, start in ((a, -1, low), (b, 1, high)):
        if math.isinf(bound):
            tail = singular.tail_behaviour(f, start, direction)
            tails.append(tail)
            problem = _tail_problem(tail, a, b)
            if problem is not None:
                return problem
    notes = _notes(points)
    breakpoints = [p.x for p in points if a < p.x < b][:_MAX_BREAKPOINTS]
    scalar = _finite_or_zero(scalar)
    oscillating = [
        t for t in tails if t.kind == singular.OSCILLATES or math.isfinite(t.half_period)
    ]
    try:
        if oscillating and len(tails) == 1:
            value, error, method = _oscillating(f, scalar, a, b, breakpoints, oscillating[0])
            notes.append(
                "f oscillates out to infinity: the tail is summed half-period by half-period"
                + (
                    " (the integral converges only conditionally)"
                    if tails[0].kind == singular.OSCILLATES
                    else ""
                )
            )
        else:
            value, error = mpmath.quad(scalar, [a, *breakpoints, b], error=True)
            method = "mpmath.quad"
            if _too_uncertain(value, error) and fprime is not None and not tails:
                corners = _corners(fprime, a, b)
                if corners:
                    ends = sorted({a, *breakpoints, *corners, b})
                    value, error = mpmath.quad(scalar, ends, error=True)
                    shown = ", ".join(format_number(x) for x in corners[:6])
                    notes.append(f"f has a corner at x = {shown}: the quadrature is split there")
            if _too_uncertain(value, error) and not tails:
                # A slow singularity the break search cannot see (ln|x| at 0 stays within
                # view): split at the highest peaks of |f| and try once more.
                peaks = singular.peaks_of(f, a, b)
                poles = [p for p in peaks if p.kind == singular.POLE]
                if poles:
                    return _pole_result(poles[0], a, b, tuple(points) + tuple(peaks))
                if peaks:
                    ends = sorted({a, *breakpoints, *(p.x for p in peaks), b})
                    value, error = mpmath.quad(scalar, ends, error=True)
                    points = sorted([*points, *peaks], key=lambda p: p.x)
                    notes = _notes(points)
    except (ZeroDivisionError, OverflowError, ValueError, ArithmeticError) as problem:
        return NumericIntegral(
            math.nan,
            math.nan,
            UNRELIABLE,
            f"mpmath could not integrate f ({type(problem).__name__})",
        )
    value, error = _real(value), float(abs(error))
    if not math.isfinite(value):
        return NumericIntegral(
            math.nan,
            error,
            UNRELIABLE,
            "mpmath's quadrature gave no finite value",
            tuple(notes),
            tuple(points),
            method,
        )
    if _too_uncertain(value, error):
        reason = (
            f"mpmath's error estimate ({format_number(error, 2)}) is large: "
            "the value may be inaccurate"
        )
        return NumericIntegral(
            value, error, UNRELIABLE, reason, tuple(notes), tuple(points), method
        )
    return NumericIntegral(value, error, CONVERGES, "", tuple(notes), tuple(points), method)


def _finite_or_zero(scalar: ScalarFunction) -> ScalarFunction:
    """The integrand for the quadrature once every pole is known to be integrable: a node that
    rounds onto an integrable singularity (1/√|x − 1.7| at 1.7 + 1e-30 is f(1.7) in float64)
    counts as 0; its weight is far below float64 resolution anyway."""

    def evaluate(t) -> float:
        value = scalar(t)
        return value if math.isfinite(value) else 0.0

    return evaluate


def _too_uncertain(value, error) -> bool:
    return float(abs(error)) > RELIABLE_SHARE * max(1.0, abs(float(abs(value))))


def _corners(fprime: RealFunction, a: float, b: float) -> list[float]:
    """Where f′ jumps inside (a, b): f's corners."""
    points = singular.find_singularities(fprime, a, b)
    return [p.x for p in points if p.kind == singular.JUMP and a < p.x < b][:_MAX_BREAKPOINTS]


def _is_bound_or_inside(x: float, a: float, b: float, low: float, high: float) -> bool:
    if x == low and math.isinf(a):
        return False
    if x == high and math.isinf(b):
        return False
    return a <= x <= b


def _real(value) -> float:
    if isinstance(value, mpmath.mpc):
        return (
            float(value.real) if abs(value.imag) <= 1e-12 * max(1.0, abs(value.real)) else math.nan
        )
    return float(value)


def _oscillating(f, scalar, a, b, breakpoints, tail) -> tuple[float, float, str]:
    """∫ with one infinite bound where f oscillates: the finite part by ``mpmath.quad``, the tail
    as the series of integrals between f's successive zeros, summed by ``mpmath.shanks``
    (Wynn's epsilon) — ``mpmath.quadosc`` takes minutes on a float64 integrand."""
    direction = 1 if math.isinf(b) else -1
    finite_end = a if direction > 0 else b
    start = (max if direction > 0 else min)([finite_end, *breakpoints])
    ends = [a, *breakpoints, start] if direction > 0 else [start, *breakpoints, b]
    finite_value, finite_error = (
        mpmath.quad(scalar, ends, error=True) if ends[0] != ends[-1] else (0.0, 0.0)
    )
    zeros = _zeros(f, start, direction, tail.half_period)
    if zeros.size < _SERIES_TERMS + 2:
        raise ValueError("too few zeros to sum the oscillating tail")
    partial, total = [], mpmath.mpf(0)
    for left, right in zip([start, *zeros[:-1]], zeros, strict=True):
        piece = mpmath.quad(scalar, [min(left, right), max(left, right)])
        total += piece
        partial.append(total)
    latest = mpmath.shanks(partial[-_SERIES_TERMS:])[-1][-1]
    previous = mpmath.shanks(partial[-_SERIES_TERMS - 1 : -1])[-1][-1]
    value = float(finite_value + latest)
    return value, float(abs(finite_error)) + abs(float(latest - previous)), "mpmath.quad + shanks"


def _zeros(f: RealFunction, start: float, direction: int, half_period: float) -> np.ndarray:
    """f's sign changes beyond ``start``, located by bisection to float64 resolution."""
    span = half_period * (_TAIL_PIECES + 2)
    x = start + direction * np.linspace(0.0, span, 40 * (_TAIL_PIECES + 2) + 1)
    with np.errstate(all="ignore"):
        y = np.asarray(f(x), dtype=float)
    changes = np.flatnonzero(np.sign(y[:-1]) * np.sign(y[1:]) < 0)
    low, high, low_y = x[changes].copy(), x[changes + 1].copy(), y[changes].copy()
    for _ in range(60):
        middle = 0.5 * (low + high)
        with np.errstate(all="ignore"):
            middle_y = np.asarray(f(middle), dtype=float)
        same = np.sign(middle_y) == np.sign(low_y)
        low, low_y = np.where(same, middle, low), np.where(same, middle_y, low_y)
        high = np.where(same, high, middle)
    return 0.5 * (low + high)


def _location(x: float, a: float, b: float) -> str:
    if x == a:
        return f"at the lower bound {where(x)}"
    if x == b:
        return f"at the upper bound {where(x)}"
    return f"at {where(x)}, inside [{format_number(a)}, {format_number(b)}]"


def _pole_result(pole: Singularity, a: float, b: float, points: tuple) -> NumericIntegral:
    growth = exponent_text(pole.exponent, pole.x)
    signs = set(pole.signs)
    if len(pole.signs) == 2 and signs == {-1, 1}:
        value = math.nan
        outcome = (
            "diverges: it runs to +∞ on one side of the pole and −∞ on the other, so it has no "
            "value (not even 0)"
        )
    else:
        sign = pole.signs[0] if pole.signs else 1
        value = math.inf if sign >= 0 else -math.inf
        outcome = f"diverges to {_infinity(sign)}"
    reason = (
        f"f has a pole {_location(pole.x, a, b)}: |f| grows {growth} there, too fast to "
        f"integrate (p must be above {MINUS}1), so the integral {outcome}"
    )
    return NumericIntegral(value, math.nan, DIVERGES, reason, (), points)


def _tail_problem(tail: singular.Tail, a: float, b: float) -> NumericIntegral | None:
    towards = "∞" if tail.direction > 0 else f"{MINUS}∞"
    if tail.kind == singular.UNDEFINED:
        return NumericIntegral(
            math.nan,
            math.nan,
            UNDEFINED,
            f"f has no real values as x → {towards}: the integral is not a real number",
        )
    if tail.kind == singular.NO_LIMIT:
        return NumericIntegral(
            math.nan,
            math.nan,
            DIVERGES,
            f"f keeps oscillating without dying out as x → {towards}: the integral has no limit",
        )
    if tail.kind == singular.GROWS:
        sign = tail.sign if tail.sign else 1
        value = math.inf if sign > 0 else -math.inf
        if math.isinf(tail.exponent):
            how = "grows without bound"
        elif tail.exponent >= 0:
            how = f"does not decay (|f| behaves {exponent_text(tail.exponent, 0)})"
        else:
            how = (
                f"decays too slowly ({exponent_text(tail.exponent, 0)}; it must fall faster "
                "than 1/|x|)"
            )
        return NumericIntegral(
            value,
            math.nan,
            DIVERGES,
            f"f {how} as x → {towards}, so the integral diverges to {_infinity(sign)}",
        )
    return None


def _notes(points: list[Singularity]) -> list[str]:
    notes = []
    jumps = [p.x for p in points if p.kind == singular.JUMP]
    if jumps:
        shown = ", ".join(format_number(x) for x in jumps[:6]) + (" …" if len(jumps) > 6 else "")
        notes.append(
            f"f jumps (or has a hole) at x = {shown}: the quadrature is split there, so each "
            "piece is smooth"
        )
    for point in points:
        if point.kind == singular.INTEGRABLE:
            growth = exponent_text(point.exponent, point.x)
            notes.append(
                f"f is unbounded at {where(point.x)} (|f| grows {growth}) but integrably so: "
                "an improper integral that converges"
            )
    return notes


def _infinity(sign: int) -> str:
    return "+∞" if sign >= 0 else f"{MINUS}∞"
