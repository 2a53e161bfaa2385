"""An edge's curve, and just its visible part: long edges of a big graph are cut to the view.

An edge is a chain of cubic segments with horizontal tangents at every point. An edge that
jumps far (a value reused many layers later) is thousands of pixels long on screen; stroking all
of it with an antialiased pen for every repaint cost a quarter of a millisecond per edge, most of
a step's time. ``EdgePath.visible`` returns the same curve cut to the exposed rect: segments
outside are dropped and a long segment is trimmed to the parameter range inside (an exact
sub-curve by de Casteljau), so the pixels drawn are unchanged. The path itself is built when
first drawn: a big graph's edges off screen never pay for it; their bounds come from the
segments' control points.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

Cubic = tuple[float, float, float, float, float, float, float, float]  # x0 y0 x1 y1 x2 y2 x3 y3
Point = tuple[float, float]

_MIN_PULL = 12.0
_BISECTIONS = 30


class EdgePath:
    """The full path of an edge and, for a repaint, the part of it inside a rect."""

    __slots__ = ("points", "segments", "_bounds", "_full", "_clip_key", "_clip_path")

    def __init__(self, points: list[Point]):
        self.points = points
        self.segments = _segments(points)
        self._bounds: tuple[float, float, float, float] | None = None
        self._full: QPainterPath | None = None
        self._clip_key: tuple[int, int, int, int] | None = None
        self._clip_path: QPainterPath | None = None

    @property
    def full(self) -> QPainterPath:
        if self._full is None:
            self._full = _to_path(self.segments)
        return self._full

    def bounds(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of every point and control point (the curve lies inside).
        The control points share their ends' y (horizontal tangents)."""
        if self._bounds is None:
            ys = [y for _, y in self.points]
            xs = [x for segment in self.segments for x in (segment[0], segment[2], segment[4])]
            xs.append(self.points[-1][0])
            self._bounds = min(xs), min(ys), max(xs), max(ys)
        return self._bounds

    def visible(self, exposed: QRectF, bounds: QRectF, pad: float) -> QPainterPath:
        """The curve within ``exposed`` grown by ``pad`` (item coordinates); the full path when
        that covers the edge or is unknown (an empty rect)."""
        if exposed.isEmpty():
            return self.full
        rect = exposed.adjusted(-pad, -pad, pad, pad)
        if rect.contains(bounds):
            return self.full
        key = (round(rect.left()), round(rect.top()), round(rect.right()), round(rect.bottom()))
        if key != self._clip_key:
            self._clip_key = key
            self._clip_path = _clipped(self.segments, rect)
        return self._clip_path


def _segments(points: list[Point]) -> list[Cubic]:
    """Cubic segments with horizontal tangents at every point (a level step stays straight)."""
    segments: list[Cubic] = []
    for (x0, y0), (x3, y3) in zip(points, points[1:], strict=False):
        if abs(y3 - y0) < 0.5:
            segments.append((x0, y0, x0, y0, x3, y3, x3, y3))  # a straight line, as a cubic
            continue
        pull = max(abs(x3 - x0) * 0.5, _MIN_PULL)
        segments.append((x0, y0, x0 + pull, y0, x3 - pull, y3, x3, y3))
    return segments


def _is_line(segment: Cubic) -> bool:
    return segment[0:2] == segment[2:4] and segment[4:6] == segment[6:8]


def _to_path(segments: list[Cubic], path: QPainterPath | None = None) -> QPainterPath:
    path = path if path is not None else QPainterPath()
    for segment in segments:
        end = QPointF(segment[6], segment[7])
        if path.isEmpty() or path.currentPosition() != QPointF(segment[0], segment[1]):
            path.moveTo(segment[0], segment[1])
        if _is_line(segment):
            path.lineTo(end)
        else:
            path.cubicTo(segment[2], segment[3], segment[4], segment[5], segment[6], segment[7])
    return path


def _clipped(segments: list[Cubic], rect: QRectF) -> QPainterPath:
    left, right, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
    kept: list[Cubic] = []
    for segment in segments:
        xs, ys = segment[0::2], segment[1::2]
        if max(xs) < left or min(xs) > right or max(ys) < top or min(ys) > bottom:
            continue  # the curve lies within its control points' box
        kept.append(_trimmed(segment, left, right))
    return _to_path(kept)


def _trimmed(segment: Cubic, left: float, right: float) -> Cubic:
    """The part of a segment whose x lies in [left, right], when x runs monotonically along it
    (then that part is one parameter interval); otherwise the whole segment."""
    xs = segment[0::2]
    rising = xs[0] <= xs[1] <= xs[2] <= xs[3]
    falling = xs[0] >= xs[1] >= xs[2] >= xs[3]
    if not (rising or falling) or (min(xs) >= left and max(xs) <= right):
        return segment
    if falling:
        start, end = _parameter_at(xs, right, falling=True), _parameter_at(xs, left, falling=True)
    else:
        start, end = _parameter_at(xs, left), _parameter_at(xs, right)
    return _sub_curve(segment, start, end)


def _parameter_at(xs: tuple[float, ...], x: float, falling: bool = False) -> float:
    """The parameter where a monotonic cubic reaches ``x`` (clamped to [0, 1])."""
    low, high = 0.0, 1.0
    for _ in range(_BISECTIONS):
        middle = (low + high) / 2
        before = _cubic(xs, middle) > x if falling else _cubic(xs, middle) < x
        low, high = (middle, high) if before else (low, middle)
    return (low + high) / 2


def _cubic(values: tuple[float, ...], t: float) -> float:
    s = 1.0 - t
    return (
        s * s * s * values[0]
        + 3 * s * s * t * values[1]
        + 3 * s * t * t * values[2]
        + (t * t * t * values[3])
    )


def _split(segment: Cubic, t: float) -> tuple[Cubic, Cubic]:
    """De Casteljau: the segment's parts before and after parameter ``t``."""
    (x0, y0, x1, y1, x2, y2, x3, y3) = segment

    def lerp(a: float, b: float) -> float:
        return a + (b - a) * t

    ax, ay, bx, by, cx, cy = (
        lerp(x0, x1),
        lerp(y0, y1),
        lerp(x1, x2),
        lerp(y1, y2),
        lerp(x2, x3),
        lerp(y2, y3),
    )
    dx, dy, ex, ey = lerp(ax, bx), lerp(ay, by), lerp(bx, cx), lerp(by, cy)
    fx, fy = lerp(dx, ex), lerp(dy, ey)
    return (x0, y0, ax, ay, dx, dy, fx, fy), (fx, fy, ex, ey, cx, cy, x3, y3)


def _sub_curve(segment: Cubic, start: float, end: float) -> Cubic:
    if end <= start:
        return segment
    head = _split(segment, end)[0] if end < 1.0 else segment
    if start <= 0.0:
        return head
    return _split(head, start / end)[1]
