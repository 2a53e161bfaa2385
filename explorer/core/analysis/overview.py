"""``analyze_curves``: every curve's points of interest, intervals, extremes, and where they meet.

The one entry point the Function tab, the ``analyze`` command and the tests call. Each curve is
sampled once (the same samples the plot draws, ``CurveAnalysis.sampled``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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
    # Each curve's samples with f′, f″ (for ``restricted``), in the order of ``curves``.
    samples: tuple[CurveSamples, ...] = field(default=(), compare=False, repr=False)

    def curve(self, name: str) -> CurveAnalysis:
        return next(item for item in self.curves if item.name == name)

    def samples_of(self, name: str) -> CurveSamples:
        return next(s for c, s in zip(self.curves, self.samples, strict=True) if c.name == name)

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


class AnalysisCache:
    """Results of the last ``analyze_curves`` call, reused for curves that did not change.

    After a typed change to one of five curves only that curve and its four intersections are
    recomputed. Keys hold everything a result depends on (name, tree, parameter values, range,
    samples); each call keeps only what it used, so the cache never grows past one analysis.
    """

    def __init__(self) -> None:
        self._curves: dict[tuple, tuple[CurveAnalysis, CurveSamples]] = {}
        self._meetings: dict[tuple, list[PointOfInterest]] = {}

    def curve(self, key: tuple, compute: Callable[[], tuple[CurveAnalysis, CurveSamples]]):
        return self._curves[key] if key in self._curves else compute()

    def meeting(self, key: tuple, compute: Callable[[], list[PointOfInterest]]):
        return self._meetings[key] if key in self._meetings else compute()

    def keep(self, curves: dict[tuple, Any], meetings: dict[tuple, Any]) -> None:
        self._curves, self._meetings = curves, meetings


def analyze_curves(
    definitions: Sequence[CurveDefinition],
    params: Mapping[str, float],
    x_range: tuple[float, float],
    samples: int = ANALYSIS_SAMPLES,
    cache: AnalysisCache | None = None,
) -> Analysis:
    """Analyse every well-formed definition on ``x_range``; broken ones are skipped."""
    cache = cache or AnalysisCache()
    prepared = [prepare_curve(d, params) for d in definitions if d.ok]
    keys = [
        (curve.name, curve.tree, tuple(sorted(curve.params.items())), tuple(x_range), samples)
        for curve in prepared
    ]
    results = [
        cache.curve(key, functools.partial(analyze_curve, curve, x_range, samples))
        for key, curve in zip(keys, prepared, strict=True)
    ]
    used_meetings: dict[tuple, list[PointOfInterest]] = {}
    for i in range(len(prepared)):
        for j in range(i + 1, len(prepared)):
            compute = functools.partial(
                intersections, prepared[i], results[i][1], prepared[j], results[j][1]
            )
            used_meetings[keys[i], keys[j]] = cache.meeting((keys[i], keys[j]), compute)
    cache.keep(dict(zip(keys, results, strict=True)), used_meetings)
    meeting = sorted((p for found in used_meetings.values() for p in found), key=lambda p: p.x)
    curves = tuple(analysis for analysis, _ in results)
    x_range = curves[0].x_range if curves else tuple(x_range)
    return Analysis(x_range, curves, tuple(meeting), tuple(values for _, values in results))
