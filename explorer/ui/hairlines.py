"""Translucent one-pixel horizontal and vertical lines (a plot's grid) filled as the pixel runs
Qt's cosmetic stroker would cover: the same pixels, blended the same way, ~20× faster.

Without antialiasing, Qt draws a cosmetic line of width 1 pixel by pixel; a translucent one
goes through its generic blend one pixel at a time (an opaque one has a fast path). The grid of
a plot axis is 20–40 such lines across the plot: ~5 ms each time an axis is drawn again, which
a drag of the Gradient tab's P does whenever a small plot's y range has to move. A horizontal
or vertical line covers a single row or column of pixels, so it is filled as that rectangle.

The pixels follow ``QCosmeticStroker::drawLine`` (qcosmeticstroker.cpp): the ends mapped to the
device in 26.6 fixed point (truncated), a square cap reaching half a pixel past each end, the
row (column) that holds the line's 26.6 coordinate. tests/ui/test_hairlines_match_qt.py checks
against Qt's own drawing on thousands of random lines, clips and transforms.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPen, QTransform

# Device coordinates (pixels) beyond which a line is left to Qt, which clips it to the device
# before its fixed-point steps; within, clipping a run to the device gives the same pixels.
DEVICE_LIMIT = 1 << 20


def pixel_run(start: QPointF, end: QPointF, caps: bool) -> QRect | None:
    """The pixels (one row or one column) Qt's stroker covers for the line between the device
    points ``start`` and ``end``; None when the line is neither horizontal nor vertical at
    Qt's 1/64-pixel precision, is a single point (drawn as a point by Qt), or lies beyond any
    device (Qt clips it first; left to Qt)."""
    return _run(start.x(), start.y(), end.x(), end.y(), caps)


def _run(x1: float, y1: float, x2: float, y2: float, caps: bool) -> QRect | None:
    limit = DEVICE_LIMIT
    # (Also false for NaN.)
    if not (abs(x1) <= limit and abs(y1) <= limit and abs(x2) <= limit and abs(y2) <= limit):
        return None
    # 26.6 fixed point, truncated as Qt's cast does.
    fx1, fy1, fx2, fy2 = int(x1 * 64.0), int(y1 * 64.0), int(x2 * 64.0), int(y2 * 64.0)
    if fy1 == fy2 and fx1 != fx2:
        first, stop = _span(min(fx1, fx2), max(fx1, fx2), caps)
        return QRect(first, fy1 >> 6, stop - first, 1) if stop > first else QRect()
    if fx1 == fx2 and fy1 != fy2:
        first, stop = _span(min(fy1, fy2), max(fy1, fy2), caps)
        return QRect(fx1 >> 6, first, 1, stop - first) if stop > first else QRect()
    return None


def _span(low: int, high: int, caps: bool) -> tuple[int, int]:
    """First pixel and one past the last along the line, ends in 26.6 fixed point."""
    if caps:  # half a pixel more at each end
        low, high = low - 32, high + 32
    return (low + 32) >> 6, (high + 32) >> 6


def fills_like_qt(painter: QPainter, pen: QPen) -> bool:
    """Whether ``pen``'s lines on ``painter`` are the translucent cosmetic hairlines Qt draws
    pixel by pixel, and the rectangles would be blended exactly as those pixels are."""
    if painter.paintEngine() is None or painter.paintEngine().type() != QPaintEngine.Type.Raster:
        return False  # an SVG or PDF keeps its lines as lines
    color = pen.color()
    return (
        pen.style() == Qt.PenStyle.SolidLine
        and pen.brush().style() == Qt.BrushStyle.SolidPattern
        and pen.isCosmetic()
        and pen.widthF() in (0.0, 1.0)
        and 0 < color.alpha() < 255
        and not painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        and painter.compositionMode() == QPainter.CompositionMode.CompositionMode_SourceOver
        and painter.opacity() == 1.0
        and painter.deviceTransform().type().value <= QTransform.TransformationType.TxScale.value
    )


def draw_lines(painter: QPainter, pen: QPen, lines: list[QLineF]) -> int:
    """Draw ``lines`` with ``pen``, in order, as ``painter.drawLine`` would; when
    ``fills_like_qt``, the horizontal and vertical ones are filled as the pixels they cover.
    The painter is left with ``pen`` set and its transform as it was. Returns how many lines
    were filled."""
    painter.setPen(pen)
    device = painter.deviceTransform()
    inverse, invertible = device.inverted()
    if not invertible or not fills_like_qt(painter, pen):
        for line in lines:
            painter.drawLine(line)
        return 0
    caps = pen.capStyle() != Qt.PenCapStyle.FlatCap
    # No shear or rotation (fills_like_qt): a scale and a shift per coordinate.
    sx, sy, dx, dy = device.m11(), device.m22(), device.dx(), device.dy()
    runs = []
    for line in lines:
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        runs.append(_run(x1 * sx + dx, y1 * sy + dy, x2 * sx + dx, y2 * sy + dy, caps))
    color = QColor(pen.color())
    world = painter.worldTransform()
    # Filled in device pixels: the painter's transform undone (what a widget's painter adds to
    # reach its backing store stays, as it does for Qt's stroker).
    in_pixels = inverse * world
    filling = False
    filled = 0
    for line, run in zip(lines, runs, strict=True):
        if run is None:
            if filling:
                painter.setWorldTransform(world)
                filling = False
            painter.drawLine(line)
        elif not run.isEmpty():
            if not filling:
                painter.setWorldTransform(in_pixels)
                filling = True
            painter.fillRect(run, color)
        filled += run is not None
    if filling:
        painter.setWorldTransform(world)
    return filled
