"""What the analysis of a curve finds: points of interest, intervals, tests, global extrema.

Plain frozen dataclasses, Qt-free, with the wording a learner reads (the panel's labels, the
``analyze`` command's lines and its JSON all come from here).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.core.sampling import SampledCurve
from explorer.core.text import format_number

ROOT = "root"
LOCAL_MINIMUM = "local minimum"
LOCAL_MAXIMUM = "local maximum"
INFLECTION = "inflection point"
Y_INTERCEPT = "y-intercept"
INTERSECTION = "intersection"
HOLE = "hole"
ASYMPTOTE = "vertical asymptote"
KINDS = (ROOT, LOCAL_MINIMUM, LOCAL_MAXIMUM, INFLECTION, Y_INTERCEPT, INTERSECTION, HOLE, ASYMPTOTE)


def coordinates(x: float, y: float | None) -> str:
    """``(1.5, −2.25)``; a vertical asymptote is ``x = 0``."""
    if y is None:
        return f"x = {format_number(x)}"
    return f"({format_number(x)}, {format_number(y)})"


@dataclass(frozen=True)
class PointOfInterest:
    """One marked point of one curve (or of two, for an intersection)."""

    kind: str
    curve: str
    x: float
    y: float | None  # None for a vertical asymptote
    other: str = ""  # the second curve of an intersection
    tests: tuple[str, ...] = ()  # derivative tests at an extremum, notes at an inflection point

    def title(self) -> str:
        if self.kind == INTERSECTION:
            return f"Intersection of {self.curve} and {self.other}"
        return f"{self.kind[0].upper()}{self.kind[1:]} of {self.curve}"

    def label(self) -> str:
        """``Local minimum of f: (1, −2)``."""
        return f"{self.title()}: {coordinates(self.x, self.y)}"

    def to_dict(self) -> dict:
        data = {"kind": self.kind, "curve": self.curve, "x": self.x, "y": self.y}
        if self.other:
            data["other"] = self.other
        if self.tests:
            data["tests"] = list(self.tests)
        return data


@dataclass(frozen=True)
class Interval:
    """A stretch of x where f′ (or f″) keeps one sign: +1, −1, or 0 (zero throughout)."""

    start: float
    end: float
    sign: int

    def bounds(self) -> str:
        return f"({format_number(self.start)}, {format_number(self.end)})"

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "sign": self.sign}


@dataclass(frozen=True)
class GlobalExtremum:
    """The least or greatest value of f on an interval, or why there is none."""

    kind: str  # "minimum" or "maximum"
    x: float | None
    y: float | None
    note: str = ""  # why it is missing or not attained

    def describe(self, curve: str) -> str:
        head = f"Global {self.kind} of {curve}"
        if self.x is None or self.y is None:
            return f"{head}: none — {self.note}" if self.note else f"{head}: none"
        text = f"{head}: {format_number(self.y)} at x = {format_number(self.x)}"
        return f"{text} ({self.note})" if self.note else text

    def to_dict(self) -> dict:
        return {"kind": self.kind, "x": self.x, "y": self.y, "note": self.note}


@dataclass(frozen=True)
class CurveAnalysis:
    """Everything found for one curve on one x-range."""

    name: str
    x_range: tuple[float, float]
    sampled: SampledCurve
    points: tuple[PointOfInterest, ...]
    monotonicity: tuple[Interval, ...]  # sign of f′: increasing (+1) / decreasing (−1)
    concavity: tuple[Interval, ...]  # sign of f″: concave up (+1) / concave down (−1)
    minimum: GlobalExtremum
    maximum: GlobalExtremum
    notes: tuple[str, ...] = field(default=())

    def of_kind(self, kind: str) -> tuple[PointOfInterest, ...]:
        return tuple(point for point in self.points if point.kind == kind)

    def interval_groups(self) -> list[tuple[str, list[str]]]:
        """("Increasing", ["(−5, −1)", …]), then decreasing, constant (only where f′ is 0 on a
        whole stretch: ``floor``'s steps), concave up, concave down."""
        groups = [
            ("Increasing", self.monotonicity, 1),
            ("Decreasing", self.monotonicity, -1),
            ("Constant", self.monotonicity, 0),
            ("Concave up", self.concavity, 1),
            ("Concave down", self.concavity, -1),
        ]
        return [
            (title, [i.bounds() for i in intervals if i.sign == sign])
            for title, intervals, sign in groups
            if title != "Constant" or any(i.sign == 0 for i in intervals)
        ]

    def interval_lines(self) -> list[str]:
        """``increasing on (−5, 0)`` … and ``concave up on …`` lines."""
        words = {1: "increasing", -1: "decreasing", 0: "constant"}
        bends = {1: "concave up", -1: "concave down", 0: "straight"}
        lines = [f"{words[i.sign]} on {i.bounds()}" for i in self.monotonicity]
        lines += [f"{bends[i.sign]} on {i.bounds()}" for i in self.concavity]
        return lines
