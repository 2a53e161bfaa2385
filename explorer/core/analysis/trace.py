"""Trace: the point of a curve under the cursor, snapped to a nearby point of interest.

``trace_at(curve, points, x, snap)`` gives the curve's point at ``x`` — or at the point of
interest of that curve within ``snap`` of ``x`` (the panel turns a few pixels into x units), so
the learner lands exactly on a root or an extremum — with f(x) and f′(x) and the readout text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.core.analysis.model import ASYMPTOTE, LOCAL_MAXIMUM, LOCAL_MINIMUM, PointOfInterest
from explorer.core.analysis.points import CurveFunctions
from explorer.core.text import format_number

_ROUND_OFF_SLOPE = 1e-8


@dataclass(frozen=True)
class TracePoint:
    """Where the trace dot sits: x, f(x), f′(x) (NaN where undefined) and the snapped point."""

    curve: str
    x: float
    y: float
    slope: float
    snapped: PointOfInterest | None = None

    @property
    def defined(self) -> bool:
        return math.isfinite(self.y)

    def text(self) -> str:
        """``(1.5, 2.25)   f′(1.5) = 3`` (with the snapped point's kind first)."""
        name = self.curve
        where = format_number(self.x)
        if not self.defined:
            return f"{name}({where}) is undefined"
        head = f"({where}, {format_number(self.y)})"
        if self.snapped is not None:
            head = f"{self.snapped.kind[0].upper()}{self.snapped.kind[1:]} {head}"
        slope = format_number(self.slope) if math.isfinite(self.slope) else "undefined"
        return f"{head}   {name}′({where}) = {slope}"


def trace_at(
    curve: CurveFunctions, points: Sequence[PointOfInterest], x: float, snap: float
) -> TracePoint:
    """The traced point of ``curve`` near ``x`` (see the module docstring)."""
    own = [p for p in points if p.curve == curve.name and p.kind != ASYMPTOTE]
    own += [p for p in points if p.other == curve.name]
    nearest = min(own, key=lambda p: abs(p.x - x), default=None)
    snapped = nearest if nearest is not None and abs(nearest.x - x) <= snap else None
    where = snapped.x if snapped is not None else float(x)
    with np.errstate(all="ignore"):
        y = float(curve.f(np.float64(where)))
        slope = float(curve.first(np.float64(where)))
    if snapped is not None and snapped.y is not None and not math.isfinite(y):
        y = snapped.y  # a hole: the dot sits on the limit the curve approaches
    if snapped is not None and snapped.kind in (LOCAL_MINIMUM, LOCAL_MAXIMUM):
        # f′ is 0 at a smooth extremum; what is left at the refined point is round-off.
        slope = 0.0 if abs(slope) <= _ROUND_OFF_SLOPE else slope
    return TracePoint(curve.name, where, y if math.isfinite(y) else math.nan, slope, snapped)
