"""What f′ and f″ say about the whole range: where f rises or falls, how it bends, its extremes.

Intervals: the samples are split at every sign change of f′ (or f″) that was found as a point of
interest, at holes, asymptotes, breaks and undefined stretches; each piece takes the sign most of
its samples agree on (exact zeros ignored; a piece where f′ is 0 throughout is "constant"). The
pieces are written as open intervals and never merged: ``1/x`` decreases on (−5, 0) and on
(0, 5), not on (−5, 5); ``floor`` is constant on each step. A zero that does not change the
sign (``x³`` at 0) splits nothing: x³ is increasing on the whole range.

Global extrema on an interval [a, b]: the largest and smallest among the endpoints, the points
of interest (local extrema, roots, …), and every sample (which catches the top of a jump, where
f′ does not change sign). An asymptote inside the interval going to +∞ (−∞) leaves no maximum
(minimum); a hole whose limit beats every value is approached but never reached, and is
reported as such.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from explorer.core.analysis.model import (
    ASYMPTOTE,
    HOLE,
    INFLECTION,
    LOCAL_MAXIMUM,
    LOCAL_MINIMUM,
    CurveAnalysis,
    GlobalExtremum,
    Interval,
    PointOfInterest,
)
from explorer.core.analysis.points import CurveSamples, tidy
from explorer.core.analysis.roots import RealFunction, values_at
from explorer.core.analysis.singular import Singularity
from explorer.core.text import format_number

_SLIVER = 1e-9


def sign_intervals(
    x: np.ndarray,
    y: np.ndarray,
    values: np.ndarray,
    cuts: list[float],
    flips: list[float] = (),
) -> tuple[Interval, ...]:
    """Pieces of the range where ``values`` (f′ or f″ at the samples) keeps one sign.

    ``flips`` are the cuts where the sign changes (extrema, inflection points); two of them
    closer than the grid spacing hold no sample between them, and the piece there takes the
    sign opposite to the piece before it.
    """
    usable = np.isfinite(y) & np.isfinite(values)
    cut_points = np.unique(np.asarray(cuts, dtype=float))
    # A new piece after every unusable sample and at every cut.
    piece = np.cumsum(~usable) * (cut_points.size + 1) + np.searchsorted(cut_points, x)
    result: list[Interval] = []
    indices = np.flatnonzero(usable)
    if indices.size == 0:
        return ()
    boundaries = np.flatnonzero(np.diff(piece[indices])) + 1
    for group in np.split(indices, boundaries):
        start, end = _piece_bounds(x, usable, cut_points, group)
        # A sliver between a break and the end of the range (floor's jump at x = 2 on [−2, 2]).
        if end - start <= _SLIVER * (x[-1] - x[0]):
            continue
        signs = np.sign(values[group])
        plus, minus = int((signs > 0).sum()), int((signs < 0).sum())
        sign = 0 if plus == minus == 0 else (1 if plus >= minus else -1)
        result.append(Interval(start, end, sign))
    return _between_close_flips(result, x, np.unique(np.asarray(flips, dtype=float)))


def _between_close_flips(
    pieces: list[Interval], x: np.ndarray, flips: np.ndarray
) -> tuple[Interval, ...]:
    """``pieces`` with a piece added between consecutive flips that have no sample between."""
    if flips.size < 2:
        return tuple(pieces)
    ends = {piece.end: piece for piece in pieces}
    for start, end in zip(flips[:-1], flips[1:], strict=True):
        before = ends.get(float(start))
        empty = not ((x > start) & (x < end)).any()
        if before is not None and empty and before.sign != 0:
            piece = Interval(float(start), float(end), -before.sign)
            pieces.append(piece)
            ends[piece.end] = piece
    return tuple(sorted(pieces, key=lambda piece: piece.start))


def _piece_bounds(
    x: np.ndarray, usable: np.ndarray, cuts: np.ndarray, group: np.ndarray
) -> tuple[float, float]:
    """A piece reaches out to the cut beside it, or to the break marker (the NaN a sampler put
    at a pole or jump, whose x is the break); an undefined stretch ends it at its last sample."""
    first, last = int(group[0]), int(group[-1])
    start, end = float(x[first]), float(x[last])
    if first > 0:
        marker = not usable[first - 1] and _isolated_gap(usable, first - 1)
        # A cut (the pole itself) may lie beyond the marker, which a sampler puts near the break.
        reach = x[first - 2] if marker else x[first - 1]
        between = cuts[(cuts >= reach) & (cuts <= start)]
        if between.size:
            start = float(between[-1])
        elif marker:
            start = float(x[first - 1])
    if last < x.size - 1:
        marker = not usable[last + 1] and _isolated_gap(usable, last + 1)
        reach = x[last + 2] if marker else x[last + 1]
        between = cuts[(cuts >= end) & (cuts <= reach)]
        if between.size:
            end = float(between[0])
        elif marker:
            end = float(x[last + 1])
    return start, end


def _isolated_gap(usable: np.ndarray, index: int) -> bool:
    """One missing sample between usable ones: a break marker, whose x is the break itself."""
    return 0 < index < usable.size - 1 and usable[index - 1] and usable[index + 1]


def shape_intervals(
    samples: CurveSamples, points: list[PointOfInterest]
) -> tuple[tuple[Interval, ...], tuple[Interval, ...]]:
    """(monotonicity, concavity) intervals of one curve."""
    singular = [p.x for p in points if p.kind in (HOLE, ASYMPTOTE)]
    extrema = [p.x for p in points if p.kind in (LOCAL_MINIMUM, LOCAL_MAXIMUM)]
    inflections = [p.x for p in points if p.kind == INFLECTION]
    monotonicity = sign_intervals(samples.x, samples.y, samples.first, extrema + singular, extrema)
    concavity = sign_intervals(
        samples.x, samples.y, samples.second, inflections + singular, inflections
    )
    return _tidied(monotonicity, samples.width), _tidied(concavity, samples.width)


def _tidied(intervals: tuple[Interval, ...], width: float) -> tuple[Interval, ...]:
    return tuple(Interval(tidy(i.start, width), tidy(i.end, width), i.sign) for i in intervals)


def global_extrema(
    samples: CurveSamples, points: list[PointOfInterest], name: str
) -> tuple[GlobalExtremum, GlobalExtremum]:
    """(minimum, maximum) of f on the samples' range."""
    inside = np.isfinite(samples.y)
    candidates_x = list(samples.x[inside])
    candidates_y = list(samples.y[inside])
    for point in points:
        # Refined points beat nearby samples (a root at a domain's edge is exactly 0 there).
        if point.kind not in (HOLE, ASYMPTOTE) and point.y is not None:
            candidates_x.append(point.x)
            candidates_y.append(point.y)
    if not candidates_y:
        none = "f has no real values here".replace("f", name, 1)
        return GlobalExtremum("minimum", None, None, none), GlobalExtremum(
            "maximum", None, None, none
        )
    xs, ys = np.array(candidates_x), np.array(candidates_y)
    return (
        _extreme("minimum", xs, ys, samples.singular, name, -1),
        _extreme("maximum", xs, ys, samples.singular, name, 1),
    )


def _extreme(
    kind: str,
    xs: np.ndarray,
    ys: np.ndarray,
    singular: tuple[Singularity, ...],
    name: str,
    direction: int,
) -> GlobalExtremum:
    for item in singular:
        if item.kind == "vertical asymptote" and direction in (item.left, item.right):
            way = "grows" if direction > 0 else "falls"
            note = (
                f"{name} {way} without bound at the vertical asymptote x = {format_number(item.x)}"
            )
            return GlobalExtremum(kind, None, None, note)
    index = int(np.argmax(direction * ys))
    best_x, best_y = float(xs[index]), float(ys[index])
    # Among equal values (a plateau) report the leftmost.
    ties = np.flatnonzero(ys == best_y)
    best_x = float(xs[ties].min())
    for item in singular:
        if item.kind == "hole" and item.y is not None and direction * (item.y - best_y) > 0:
            note = (
                f"{name} approaches {format_number(item.y)} at the hole x = "
                f"{format_number(item.x)} but never reaches it"
            )
            return GlobalExtremum(kind, None, None, note)
    return GlobalExtremum(kind, best_x, best_y)


def restricted(
    curve: CurveAnalysis, samples: CurveSamples, f: RealFunction, interval: tuple[float, float]
) -> CurveAnalysis:
    """``curve`` cut down to ``interval`` inside its range, without sampling again: its points
    and samples there (plus f at both ends), its intervals clipped, extrema found among them.

    A pan inside the analysed range shows the view's extrema at the cost of a filter.
    """
    low, high = interval
    inside = (samples.x > low) & (samples.x < high)
    ends = values_at(f, np.array([low, high]))
    x = np.concatenate([[low], samples.x[inside], [high]])
    y = np.concatenate([ends[:1], samples.y[inside], ends[1:]])
    blank = np.full(x.size, np.nan)
    singular = tuple(item for item in samples.singular if low < item.x < high)
    part = dataclasses.replace(samples, x=x, y=y, first=blank, second=blank, singular=singular)
    points = [p for p in curve.points if low <= p.x <= high]
    minimum, maximum = global_extrema(part, points, curve.name)
    return dataclasses.replace(
        curve,
        x_range=(low, high),
        points=tuple(points),
        monotonicity=_clipped(curve.monotonicity, low, high),
        concavity=_clipped(curve.concavity, low, high),
        minimum=minimum,
        maximum=maximum,
    )


def _clipped(intervals: tuple[Interval, ...], low: float, high: float) -> tuple[Interval, ...]:
    return tuple(
        Interval(max(i.start, low), min(i.end, high), i.sign)
        for i in intervals
        if i.end > low and i.start < high
    )
