"""Function analysis, Qt-free: several curves, their points of interest, and what f′, f″ say.

``define_curves(texts)`` parses the entries (``g(x) = f(x - 1) + 2`` and ``f'(x)`` may use
earlier curves); ``analyze_curves(definitions, params, x_range)`` finds roots, extrema with their
derivative tests, inflection points, y-intercepts, holes, vertical asymptotes, intersections,
intervals of increase/decrease and concavity, and global extrema. ``analyze_curve`` does one
curve (for a typed interval).
"""

from __future__ import annotations

from explorer.core.analysis.curves import CurveDefinition, define_curves
from explorer.core.analysis.model import (
    CurveAnalysis,
    GlobalExtremum,
    Interval,
    PointOfInterest,
)
from explorer.core.analysis.overview import Analysis, analyze_curve, analyze_curves
from explorer.core.analysis.points import prepare_curve

__all__ = [
    "Analysis",
    "CurveAnalysis",
    "CurveDefinition",
    "GlobalExtremum",
    "Interval",
    "PointOfInterest",
    "analyze_curve",
    "analyze_curves",
    "define_curves",
    "prepare_curve",
]
