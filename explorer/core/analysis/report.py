"""The analysis as text and as JSON data: what ``calculus-explorer analyze`` prints."""

from __future__ import annotations

from typing import Any

from explorer.core.analysis.curves import CurveDefinition
from explorer.core.analysis.model import CurveAnalysis, Interval, coordinates
from explorer.core.analysis.overview import Analysis
from explorer.core.text import format_number

_KIND_WIDTH = 19


def _bounds(x_range: tuple[float, float]) -> str:
    return f"[{format_number(x_range[0])}, {format_number(x_range[1])}]"


def analysis_text(analysis: Analysis, definitions: list[CurveDefinition]) -> str:
    """Every point of interest with its kind and coordinates, then the intervals and extremes."""
    headings = {d.name: d.heading() for d in definitions}
    lines: list[str] = []
    for curve in analysis.curves:
        lines.append(f"{headings[curve.name]}   on {_bounds(curve.x_range)}")
        lines += _curve_lines(curve)
        lines.append("")
    if len(analysis.curves) > 1:
        lines.append("Intersections:")
        for point in analysis.intersections:
            lines.append(
                f"  {point.curve} and {point.other}".ljust(_KIND_WIDTH + 2)
                + coordinates(point.x, point.y)
            )
        if not analysis.intersections:
            lines.append("  none in this range")
    return "\n".join(lines).rstrip() + "\n"


def _curve_lines(curve: CurveAnalysis) -> list[str]:
    lines = ["  Points of interest:"]
    for point in curve.points:
        lines.append(f"    {point.kind.ljust(_KIND_WIDTH)}{coordinates(point.x, point.y)}")
        lines += [f"      {test}" for test in point.tests]
    if not curve.points:
        lines.append("    none in this range")
    for title, chosen in curve.interval_groups():
        lines.append(f"  {title} on: {', '.join(chosen) if chosen else 'nowhere'}")
    lines.append(f"  {curve.minimum.describe(curve.name)}")
    lines.append(f"  {curve.maximum.describe(curve.name)}")
    return lines


def analysis_data(analysis: Analysis, definitions: list[CurveDefinition]) -> dict[str, Any]:
    """The same as plain JSON values (no NaN: a missing coordinate is null)."""
    headings = {d.name: d.heading() for d in definitions}
    return {
        "x_range": list(analysis.x_range),
        "curves": [
            {
                "name": curve.name,
                "definition": headings[curve.name],
                "points": [point.to_dict() for point in curve.points],
                "increasing": _pairs(curve.monotonicity, 1),
                "decreasing": _pairs(curve.monotonicity, -1),
                "constant": _pairs(curve.monotonicity, 0),
                "concave_up": _pairs(curve.concavity, 1),
                "concave_down": _pairs(curve.concavity, -1),
                "global_minimum": curve.minimum.to_dict(),
                "global_maximum": curve.maximum.to_dict(),
            }
            for curve in analysis.curves
        ],
        "intersections": [point.to_dict() for point in analysis.intersections],
    }


def _pairs(intervals: tuple[Interval, ...], sign: int) -> list[list[float]]:
    return [[i.start, i.end] for i in intervals if i.sign == sign]
