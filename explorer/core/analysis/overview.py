"""``analyze_curves``: every curve's points of interest, intervals, extremes, and where they meet.

The one entry point the Function tab, the ``analyze`` command and the tests call. Each curve is
sampled once (the same samples the plot draws, ``CurveAnalysis.sampled``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.core.analysis.curves import CurveDefinition
from explorer.core.analysis.intersections import intersections
from explorer.core.analysis.model import CurveAnalysis, PointOfInterest
from explorer.core.analysis.points import (
    CurveFunctions,
    CurveSamples,
    find_points,
    prepare_curve,
    sample_derivatives,
)
from explorer.core.analysis.shape import global_extrema, shape_intervals
from explorer.core.sampling import DEFAULT_SAMPLES, sample_curve, validate_range

ANALYSIS_SAMPLES = DEFAULT_SAMPLES


@dataclass(frozen=True)
class Analysis:
    """All curves analysed on one range, and the intersections of every pair."""

    x_range: tuple[float, float]
    curves: tuple[CurveAnalysis, ...]
    intersections: tuple[PointOfInterest, ...]

    def curve(self, name: str) -> CurveAnalysis:
        return next(item for item in self.curves if item.name == name)

    def points(self) -> tuple[PointOfInterest, ...]:
        return tuple(p for c in self.curves for p in c.points) + self.intersections


def analyze_curve(
    curve: CurveFunctions, x_range: tuple[float, float], samples: int = ANALYSIS_SAMPLES
) -> tuple[CurveAnalysis, CurveSamples]:
    """One curve on ``x_range`` (raises ``RangeError`` for a bad range)."""
    low, high = validate_range(*x_range)
    sampled = sample_curve(curve.f, low, high, samples)
    values = sample_derivatives(curve, sampled, samples)
    points = find_points(curve, values)
    monotonicity, concavity = shape_intervals(values, points)
    minimum, maximum = global_extrema(values, points, curve.name)
    points.sort(key=lambda p: (p.x, p.kind))
    analysis = CurveAnalysis(
        curve.name, (low, high), sampled, tuple(points), monotonicity, concavity, minimum, maximum
    )
    return analysis, values


def analyze_curves(
    definitions: Sequence[CurveDefinition],
    params: Mapping[str, float],
    x_range: tuple[float, float],
    samples: int = ANALYSIS_SAMPLES,
) -> Analysis:
    """Analyse every well-formed definition on ``x_range``; broken ones are skipped."""
    prepared = [prepare_curve(d, params) for d in definitions if d.ok]
    results = [analyze_curve(curve, x_range, samples) for curve in prepared]
    meeting: list[PointOfInterest] = []
    for i, (first, (_, first_values)) in enumerate(zip(prepared, results, strict=True)):
        for second, (_, second_values) in zip(prepared[i + 1 :], results[i + 1 :], strict=True):
            meeting += intersections(first, first_values, second, second_values)
    meeting.sort(key=lambda p: p.x)
    curves = tuple(analysis for analysis, _ in results)
    return Analysis(curves[0].x_range if curves else tuple(x_range), curves, tuple(meeting))
