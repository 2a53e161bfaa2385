"""A light plot item for a polyline that is replaced on every step of a drag: points in data
coordinates, one cosmetic pen, NaN breaks the line.

pyqtgraph's ``PlotCurveItem`` runs its data pipeline (signals, bounds invalidation, NaN-aware
minima, a profiler, checks for OpenGL, fills and step mode) on every ``setData`` and paint: about
0.15 ms of Python per curve and step, for eight curves on the Gradient tab. This item keeps only
what those curves use and draws them as ``PlotCurveItem`` does: a wide, solid, opaque line
without antialiasing as separate segments (Qt's fast path for thick lines), any other as one
painter path, with the same helpers or the same segments in the same order (a long line's in
memory kept from one step to the next, see SegmentBuffer), so the pixels are the same.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPainterPath, QPen, QPolygonF
from shiboken6 import Shiboken

# Pixels added around the points for the pen: a square cap reaches half the width out along
# the line and as much across it, so √2/2 of the width at a corner (PlotCurveItem's 0.7072),
# and antialiasing blends one pixel further.
_CAP_REACH = 0.7072
_BLEND_PIXELS = 1.0
# Up to this many points (all finite) the segments or path are built point by point: pyqtgraph's
# array helpers cost ~50 µs of set-up each, more than a tangent or a right angle takes to draw.
FEW_POINTS = 32


class Polyline(pg.GraphicsObject):
    """Points (x, y) in data coordinates joined by straight lines; a NaN in either breaks the
    line there (``connect="finite"``), so a pole or an undefined stretch is a gap.

    ``opts`` holds the pen and antialiasing as a ``PlotCurveItem``'s do, for legend samples and
    the plot style's pen scaling (``explorer.ui.plot_style.line_pen``).
    """

    def __init__(self, pen: QPen | None = None) -> None:
        super().__init__()
        self.opts = {
            "pen": QPen(pen) if pen is not None else pg.mkPen(),
            "antialias": pg.getConfigOption("antialias"),
        }
        self.xData = np.empty(0)
        self.yData = np.empty(0)
        # Which points are finite, or None when all are.
        self._finite: np.ndarray | None = None
        self._data_rect = QRectF()
        # Built when first needed after the points, the pen or the view change, then reused:
        # Qt asks for the bounds many times a frame, and a paint may be repeated.
        self._bounds: QRectF | None = None
        self._segments = None
        # The path of a line that is not drawn as segments (the line itself for two points).
        self._path: QPainterPath | QLineF | None = None
        self._pixel = PixelSize()
        # Whether the pen is drawn as separate segments (see _draws_segments), for the pen and
        # antialiasing set; None until the next paint after they change.
        self._as_segments: bool | None = None
        self._lines = SegmentBuffer()

    def setPen(self, pen: QPen) -> None:  # noqa: N802 - the name plot_style.set_line_pen calls
        self.prepareGeometryChange()
        self.opts["pen"] = QPen(pen)
        self._bounds = None
        self._as_segments = None
        self.update()

    def pen(self) -> QPen:
        return QPen(self.opts["pen"])

    def setData(self, x: np.ndarray, y: np.ndarray) -> None:  # noqa: N802 - as PlotCurveItem
        x = np.asarray(x, dtype=float).reshape(-1)
        y = np.asarray(y, dtype=float).reshape(-1)
        if x.shape != y.shape:
            raise ValueError(f"x and y differ in length ({x.size} and {y.size})")
        self.prepareGeometryChange()
        self.xData, self.yData = x, y
        self._data_rect, self._finite = _extent(x, y)
        self._bounds = None
        self._segments = None
        self._path = None
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 - as PlotCurveItem
        return self.xData, self.yData

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        if self._bounds is not None:
            return QRectF(self._bounds)
        if self.xData.size < 2 or self._data_rect.isNull():
            return QRectF()  # nothing is drawn
        pen = self.opts["pen"]
        pad = _BLEND_PIXELS
        if pen.style() != Qt.PenStyle.NoPen:
            pad += max(pen.widthF(), 1.0) * _CAP_REACH
        pixel = self._pixel.of(self)
        if pixel is None:
            # Not in a view yet: the bounds are asked for again once it is.
            return QRectF(self._data_rect)
        pad_x, pad_y = pad * pixel[0], pad * pixel[1]
        self._bounds = self._data_rect.adjusted(-pad_x, -pad_y, pad_x, pad_y)
        return QRectF(self._bounds)

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph hook
        # A zoom changes the data size of a pixel, so the padding for the pen.
        self.prepareGeometryChange()
        self._pixel.forget()
        self._bounds = None

    def paint(self, painter: QPainter, *_args: object) -> None:
        if self.xData.size < 2:
            return
        pen = self.opts["pen"]
        export = self._exportOpts
        if export is not False:
            antialias = export.get("antialias", True)
            as_segments = _draws_segments(pen, antialias)
        else:
            antialias = self.opts["antialias"]
            if self._as_segments is None:
                self._as_segments = _draws_segments(pen, antialias)
            as_segments = self._as_segments
        if pen.style() == Qt.PenStyle.NoPen:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, bool(antialias))
        painter.setPen(pen)
        if as_segments:
            if self._segments is None:
                if self.xData.size > FEW_POINTS:
                    self._segments = self._lines.fill(self.xData, self.yData, self._finite)
                else:
                    self._segments = line_segments(self.xData, self.yData)
            if isinstance(self._segments, list):
                painter.drawLines(self._segments)
            elif isinstance(self._segments, tuple):
                if self._segments[1]:
                    painter.drawLines(*self._segments)
            else:
                painter.drawLines(*self._segments.drawargs())
        else:
            if self._path is None:
                self._path = _one_line(self.xData, self.yData) or line_path(self.xData, self.yData)
            if not isinstance(self._path, QLineF):
                painter.drawPath(self._path)
            elif painter.paintEngine().type() == QPaintEngine.Type.Raster:
                # Qt strokes a path of two points as the line between them (the same pixels,
                # dashes too; tested), and a line costs no path to build on every drag step.
                painter.drawLine(self._path)
            else:
                painter.drawPath(line_path(self.xData, self.yData))  # SVG, PDF: a path


class SegmentBuffer:
    """The segments of a polyline, (x[i], y[i]) → (x[i+1], y[i+1]) in order for each i whose
    both ends are finite, exactly as pyqtgraph's arrayToLineSegments(connect="finite") lays
    them out (four doubles a QLineF), in memory kept from one set of points to the next with a
    QLineF pointer to it: a drag step's curve fills it again instead of allocating an array and
    wrapping it anew for each paint."""

    def __init__(self) -> None:
        self._memory = np.empty((0, 4))
        self._first: QLineF | None = None  # a QLineF wrapper of the memory's first segment

    def fill(
        self, x: np.ndarray, y: np.ndarray, finite: np.ndarray | None
    ) -> tuple[QLineF | None, int]:
        """The segments of the polyline through ``x``, ``y`` (at least 2 points; ``finite``
        marks the finite ones, None when all are), as ``QPainter.drawLines`` arguments."""
        if finite is None:
            count = x.size - 1
            starts_x, ends_x, starts_y, ends_y = x[:-1], x[1:], y[:-1], y[1:]
        else:
            joined = finite[:-1] & finite[1:]
            count = int(np.count_nonzero(joined))
            starts_x, ends_x = x[:-1][joined], x[1:][joined]
            starts_y, ends_y = y[:-1][joined], y[1:][joined]
        if count == 0:
            return None, 0
        if self._memory.shape[0] < count or self._first is None:
            self._first = None  # the old memory goes: never keep a pointer into it
            self._memory = np.empty((max(count, 2 * self._memory.shape[0]), 4))
            self._first = Shiboken.wrapInstance(self._memory.ctypes.data, QLineF)
        memory = self._memory[:count]
        memory[:, 0] = starts_x
        memory[:, 2] = ends_x
        memory[:, 1] = starts_y
        memory[:, 3] = ends_y
        return self._first, count


def _extent(x: np.ndarray, y: np.ndarray) -> tuple[QRectF, np.ndarray | None]:
    """The rectangle the finite points (x, y) span, and which points are finite (None when all
    are). Each step of a drag sets new points on eight lines, so the common case is quick: the
    extremes are finite only when every point is (a NaN or an infinity would be one), and a few
    points are compared as Python floats."""
    if x.size == 0:
        return QRectF(), None
    if x.size <= FEW_POINTS:
        xs, ys = x.tolist(), y.tolist()
        if all(map(math.isfinite, xs)) and all(map(math.isfinite, ys)):
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
            return QRectF(left, bottom, right - left, top - bottom), None
    else:
        left, right, bottom, top = x.min(), x.max(), y.min(), y.max()
        if all(map(math.isfinite, (left, right, bottom, top))):
            return QRectF(left, bottom, right - left, top - bottom), None
    finite = np.isfinite(x) & np.isfinite(y)
    xs, ys = x[finite], y[finite]
    if not xs.size:
        return QRectF(), finite
    left, right, bottom, top = xs.min(), xs.max(), ys.min(), ys.max()
    return QRectF(left, bottom, right - left, top - bottom), finite


def _one_line(x: np.ndarray, y: np.ndarray) -> QLineF | None:
    """The line between two finite points, or None for any other set of points."""
    if x.size != 2:
        return None
    x0, x1 = x.tolist()
    y0, y1 = y.tolist()
    if all(map(math.isfinite, (x0, y0, x1, y1))):
        return QLineF(x0, y0, x1, y1)
    return None


def _few_finite(x: np.ndarray, y: np.ndarray) -> bool:
    return x.size <= FEW_POINTS and bool(np.isfinite(x).all() and np.isfinite(y).all())


def line_segments(x: np.ndarray, y: np.ndarray):
    """The segments ``PlotCurveItem`` draws for a wide line (``arrayToLineSegments`` with
    ``connect="finite"``): a list of ``QLineF`` for a few finite points, the same lines in the
    same order, else pyqtgraph's array of them."""
    if _few_finite(x, y):
        xs, ys = x.tolist(), y.tolist()
        return [QLineF(xs[i], ys[i], xs[i + 1], ys[i + 1]) for i in range(len(xs) - 1)]
    return arrayToLineSegments(x, y, connect="finite", finiteCheck=True)


def line_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """``pg.arrayToQPath(x, y, connect="finite")``; for a few finite points built as it builds
    them (one polygon added to an empty path), without its array set-up."""
    if _few_finite(x, y):
        path = QPainterPath()
        if x.size >= 2:
            points = zip(x.tolist(), y.tolist(), strict=True)
            path.addPolygon(QPolygonF([QPointF(a, b) for a, b in points]))
        return path
    return pg.arrayToQPath(x, y, connect="finite")


class PixelSize:
    """The data size of one screen pixel for an item, measured when first asked for and kept
    until ``forget`` (the item's view transform changed): items that take new points on every
    drag step pad their bounds by it, and measuring takes two transform inversions."""

    def __init__(self) -> None:
        self._size: tuple[float, float] | None = None

    def of(self, item: pg.GraphicsObject) -> tuple[float, float] | None:
        """(width, height) in data units, or None while ``item`` is in no view."""
        if self._size is None:
            width, height = item.pixelWidth(), item.pixelHeight()
            if np.isfinite(width) and np.isfinite(height) and width > 0 and height > 0:
                self._size = (float(width), float(height))
        return self._size

    def forget(self) -> None:
        self._size = None


def _draws_segments(pen: QPen, antialias: bool) -> bool:
    """Whether the line is drawn as separate segments, as ``PlotCurveItem`` decides: only a
    wide, solid, opaque line without antialiasing (where the segments' overlaps do not show)."""
    return (
        pen.widthF() > 1.0
        and pen.style() == Qt.PenStyle.SolidLine
        and pen.isSolid()
        and pen.color().alphaF() == 1.0
        and not antialias
    )
