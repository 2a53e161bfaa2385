"""Where f stops being an ordinary integrand: poles, integrable singularities, jumps, holes,
stretches without real values, and how f behaves out towards ±∞.

Nothing here guesses from a single value. A point is examined on each side at distances
10⁻²…10⁻¹⁰ of the interval's length: if |f| grows, the slope p of log|f| against log|x − c| says
how fast (|f| ≈ C·|x − c|^p), and ∫ |x − c|^p converges exactly when p > −1. An infinite bound is
examined along x = X·10⁰…10⁸: the envelope of |f| falls like x^p, and ∫^∞ x^p converges exactly
when p < −1. Sign changes out there mean f oscillates; an oscillation whose envelope still falls
(sin(x)/x) converges conditionally, one that does not (sin x) has no limit.

Limits, stated: the tests are numerical, so borderline cases such as 1/(x·ln²x) (convergent,
though p → −1) are reported by their measured p; detail finer than the break search's resolution
(``explorer.core.sampling``) is not seen.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from explorer.core.sampling import RangeError, SampledCurve, sample_curve

RealFunction = Callable[[np.ndarray], np.ndarray]

POLE = "pole"  # |f| → ∞ too fast to integrate (p ≤ −1)
INTEGRABLE = "integrable singularity"  # |f| → ∞ but the integral converges (p > −1)
JUMP = "jump"  # f stays bounded: a jump (floor), a corner or a hole (sin(x)/x at 0)
UNDEFINED = "undefined"  # f has no real value on one side

DECAYS = "decays"  # the tail's integral converges absolutely
OSCILLATES = "oscillates"  # the envelope falls, but too slowly: converges conditionally
NO_LIMIT = "oscillates without limit"
GROWS = "diverges"  # too slow a decay (or growth) of one sign

# p at or below this counts as a non-integrable pole; |x − c|⁻¹ measures −1.000.
POLE_EXPONENT = -0.97
# A tail whose envelope falls faster than x^TAIL_EXPONENT converges; x⁻¹ measures −1.000.
TAIL_EXPONENT = -1.02
_DISTANCES = 10.0 ** -np.arange(2, 11, dtype=float)
_GROWTH = 4.0  # |f| must grow at least this much from 10⁻² to 10⁻¹⁰ to count as unbounded
_DETECTION_SAMPLES = 2001
_TAIL_DECADES = 8
_TAIL_PER_DECADE = 100
_OSCILLATION_CHANGES = 6
_PEAK_POINTS = 33
_PEAK_ROUNDS = 16


@dataclass(frozen=True)
class SideBehaviour:
    """f just beside a point, on one side."""

    defined: bool
    unbounded: bool
    exponent: float  # p in |f| ≈ C·d^p (NaN when bounded)
    sign: int  # sign of f closest to the point


@dataclass(frozen=True)
class Singularity:
    """A point of [a, b] where f is not an ordinary integrand."""

    x: float
    kind: str  # POLE, INTEGRABLE, JUMP
    exponent: float  # the worse side's p (NaN for a jump)
    signs: tuple[int, ...]  # f's sign on each examined side, left first


@dataclass(frozen=True)
class Tail:
    """f as x → ±∞ (``direction`` +1 or −1)."""

    direction: int
    kind: str  # DECAYS, OSCILLATES, NO_LIMIT, GROWS or UNDEFINED
    exponent: float  # the envelope's p in |f| ≈ C·|x|^p
    sign: int  # f's sign far out (0 when it oscillates)
    half_period: float  # mean distance between sign changes (NaN unless oscillating)


def _raw(f: RealFunction, x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        values = np.asarray(f(np.asarray(x, dtype=np.float64)))
    if np.iscomplexobj(values):
        values = np.where(values.imag == 0, values.real, np.nan)
    return np.array(np.broadcast_to(values, np.shape(x)), dtype=np.float64)


def side_behaviour(f: RealFunction, c: float, side: int, scale: float) -> SideBehaviour:
    """How f behaves approaching ``c`` from ``side`` (−1 left, +1 right)."""
    distances = scale * _DISTANCES
    points = c + side * distances
    values = _raw(f, points)
    # Points that round onto c itself say nothing about the approach.
    usable = points != c
    values, distances = values[usable], distances[usable]
    if values.size < 3 or np.isnan(values).any():
        return SideBehaviour(False, False, math.nan, 0)
    sign = int(np.sign(values[-1]))
    magnitude = np.abs(values)
    if np.isinf(magnitude[-1]):
        # Overflow on the way in (e^(1/x) at 0⁺): faster than any power.
        return SideBehaviour(True, True, -math.inf, sign)
    first = max(float(magnitude[0]), np.finfo(float).tiny)
    if not magnitude[-1] > _GROWTH * first:
        return SideBehaviour(True, False, math.nan, sign)
    tail = slice(-5, None)
    positive = magnitude[tail] > 0
    if positive.sum() < 3:
        return SideBehaviour(True, False, math.nan, sign)
    slope = np.polyfit(np.log10(distances[tail][positive]), np.log10(magnitude[tail][positive]), 1)[
        0
    ]
    return SideBehaviour(True, bool(slope < -0.02), float(slope), sign)


def classify_point(f: RealFunction, c: float, scale: float, sides=(-1, 1)) -> Singularity | None:
    """The kind of point ``c`` is (None when f is undefined beside it)."""
    behaviours = [side_behaviour(f, c, side, scale) for side in sides]
    if not all(b.defined for b in behaviours):
        return None
    signs = tuple(b.sign for b in behaviours)
    unbounded = [b for b in behaviours if b.unbounded]
    if not unbounded:
        return Singularity(c, JUMP, math.nan, signs)
    exponent = min(b.exponent for b in unbounded)
    kind = POLE if exponent <= POLE_EXPONENT else INTEGRABLE
    return Singularity(c, kind, exponent, signs)


def undefined_stretches(f: RealFunction, low: float, high: float) -> list[tuple[float, float]]:
    """Runs of at least two grid points where f has no real value (NaN), as (start, end)."""
    x = np.linspace(low, high, _DETECTION_SAMPLES)
    missing = np.isnan(_raw(f, x))
    runs, start = [], None
    for index, flag in enumerate(missing):
        if flag and start is None:
            start = index
        if (not flag or index == missing.size - 1) and start is not None:
            end = index if flag else index - 1
            if end > start:
                runs.append((float(x[start]), float(x[end])))
            start = None
    return runs


def find_singularities(f: RealFunction, low: float, high: float) -> list[Singularity]:
    """Poles, integrable singularities and jumps of f on [low, high] (finite, low < high), in
    order; the ends are examined from the inside only."""
    try:
        curve = sample_curve(f, low, high, _DETECTION_SAMPLES)
    except RangeError:
        curve = None
    return singularities_from_curve(f, curve, low, high)


def singularities_from_curve(
    f: RealFunction, curve: SampledCurve | None, low: float, high: float
) -> list[Singularity]:
    """``find_singularities`` for a curve already sampled over (at least) [low, high]."""
    scale = high - low
    candidates: list[float] = []
    if curve is not None:
        finite = np.isfinite(curve.y)
        for index in np.flatnonzero(~finite):
            # A single NaN between finite samples is a break (pole, jump) or a hole; longer runs
            # are stretches without real values, reported by undefined_stretches.
            if 0 < index < finite.size - 1 and finite[index - 1] and finite[index + 1]:
                candidates.append(float(curve.x[index]))
    found: list[Singularity] = []
    for end, side in ((low, 1), (high, -1)):
        point = classify_point(f, end, scale, (side,))
        if point is not None and point.kind != JUMP:
            found.append(point)
    spacing = scale / (_DETECTION_SAMPLES - 1)
    for c in candidates:
        if not low < c < high:
            continue
        point = classify_point(f, _tidy(c, scale), scale)
        if point is not None and point.kind == JUMP:
            # An even pole (1/(x − 2)²) is marked where the break search saw |f| leave the
            # view, a little beside the pole: look for the peak itself before calling it bounded.
            peak = _peak_near(f, c, 2.0 * spacing)
            if peak is not None:
                at_peak = classify_point(f, _tidy(peak, scale), scale)
                if at_peak is not None and at_peak.kind != JUMP:
                    point = at_peak
        if point is not None:
            found.append(point)
    found.sort(key=lambda s: s.x)
    return found


def peaks_of(f: RealFunction, low: float, high: float, count: int = 3) -> list[Singularity]:
    """The ``count`` highest local peaks of |f| inside (low, high), located to float64
    resolution and classified; those where f stays bounded are left out."""
    x = np.linspace(low, high, _DETECTION_SAMPLES)
    size = np.abs(_raw(f, x))
    size = np.where(np.isnan(size), -np.inf, size)
    inner = np.arange(1, x.size - 1)
    local = inner[(size[inner] >= size[inner - 1]) & (size[inner] >= size[inner + 1])]
    found = []
    for index in local[np.argsort(size[local])[::-1][:count]]:
        peak = _peak_near(f, float(x[index]), 2.0 * (x[1] - x[0]))
        if peak is None or not low < peak < high:
            continue
        point = classify_point(f, _tidy(peak, high - low), high - low)
        if point is not None and point.kind != JUMP:
            found.append(point)
    return found


def _peak_near(f: RealFunction, c: float, reach: float) -> float | None:
    """Where |f| is largest (or f undefined) within ``reach`` of ``c``, zooming 16-fold per
    round down to float64 resolution; None when nothing stands out."""
    left, right = c - reach, c + reach
    offsets = np.linspace(0.0, 1.0, _PEAK_POINTS)
    best = None
    for _ in range(_PEAK_ROUNDS):
        points = left + offsets * (right - left)
        values = _raw(f, points)
        size = np.where(np.isfinite(values), np.abs(values), np.inf)
        index = int(np.argmax(size))
        best = float(points[index])
        step = (right - left) / (_PEAK_POINTS - 1)
        if step <= 4 * np.spacing(abs(best) + 1.0):
            break
        left, right = best - step, best + step
    return best


def _tidy(c: float, scale: float) -> float:
    """A located break, snapped to a short decimal when that is as close as the search can tell
    (the pole of 1/x is found at 3e-17; it is at 0)."""
    resolution = 1e-11 * scale
    for digits in range(0, 13):
        rounded = round(c, digits)
        if abs(rounded - c) <= resolution:
            return float(rounded)
    return c


def tail_behaviour(f: RealFunction, start: float, direction: int) -> Tail:
    """How f behaves as x → direction·∞, looking from ``start`` outwards."""
    origin = max(1.0, 2.0 * abs(start))
    magnitudes = origin * np.logspace(0, _TAIL_DECADES, _TAIL_DECADES * _TAIL_PER_DECADE + 1)
    values = _raw(f, direction * magnitudes)
    far = slice(-4 * _TAIL_PER_DECADE, None)
    if np.isnan(values[far]).any():
        return Tail(direction, UNDEFINED, math.nan, 0, math.nan)
    signs = np.sign(values[far])
    nonzero = signs[signs != 0]
    changes = int(np.count_nonzero(nonzero[1:] != nonzero[:-1]))
    envelope = np.array(
        [
            np.max(np.abs(values[k * _TAIL_PER_DECADE : (k + 1) * _TAIL_PER_DECADE + 1]))
            for k in range(_TAIL_DECADES - 4, _TAIL_DECADES)
        ]
    )
    centres = np.log10(origin) + np.arange(_TAIL_DECADES - 4, _TAIL_DECADES) + 0.5
    if np.isinf(envelope).any():
        return Tail(direction, GROWS, math.inf, int(nonzero[-1]) if nonzero.size else 0, math.nan)
    if envelope[-1] == 0 or envelope[-1] < 1e-280:
        return Tail(direction, DECAYS, -math.inf, 0, math.nan)
    exponent = float(np.polyfit(centres, np.log10(np.maximum(envelope, 1e-300)), 1)[0])
    if changes >= _OSCILLATION_CHANGES:
        half_period = _half_period(f, start if math.isfinite(start) else 0.0, direction)
        if exponent < TAIL_EXPONENT:
            return Tail(direction, DECAYS, exponent, 0, half_period)
        kind = OSCILLATES if exponent < -0.02 else NO_LIMIT
        return Tail(direction, kind, exponent, 0, half_period)
    if exponent < TAIL_EXPONENT:
        return Tail(direction, DECAYS, exponent, int(nonzero[-1]), math.nan)
    return Tail(direction, GROWS, exponent, int(nonzero[-1]) if nonzero.size else 0, math.nan)


def _half_period(f: RealFunction, start: float, direction: int) -> float:
    """Mean spacing of f's sign changes over 200 units beyond ``start`` (π for sin(x)/x)."""
    x = start + direction * np.linspace(1.0, 201.0, 20001)
    signs = np.sign(_raw(f, x))
    signs = signs[np.isfinite(signs) & (signs != 0)]
    changes = np.count_nonzero(signs[1:] != signs[:-1])
    return 200.0 / changes if changes >= 2 else math.nan
