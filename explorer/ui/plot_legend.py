"""PlotView's legend: where it goes (the corner of the plot area that hides the fewest curve
samples) and its line samples, long enough to show each line style's pattern."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen

# Corner name -> the sign of the legend's offset from that corner (pyqtgraph's LegendItem
# anchors to the right/bottom edge when the offset's x/y is negative).
CORNERS: dict[str, tuple[int, int]] = {
    "top-left": (1, 1),
    "top-right": (-1, 1),
    "bottom-left": (1, -1),
    "bottom-right": (-1, -1),
}
# Short curves (a tangent's two end points) are resampled along their segments, so a line
# crossing a corner counts even though neither end point lies in it.
DENSE_POINTS = 256


def _densified(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if x.size < 2 or x.size >= DENSE_POINTS:
        return x, y
    steps = np.linspace(0.0, x.size - 1.0, DENSE_POINTS)
    index = np.arange(x.size, dtype=float)
    # A NaN end point makes its whole segment NaN, so gaps stay gaps.
    return np.interp(steps, index, x), np.interp(steps, index, y)


def corner_counts(
    curves: Iterable[tuple[np.ndarray, np.ndarray]],
    view: tuple[tuple[float, float], tuple[float, float]],
    area_px: tuple[float, float],
    legend_px: tuple[float, float],
    margin_px: float,
) -> dict[str, int]:
    """How many curve samples each corner's legend rectangle would cover.

    ``view`` is the visible ((x0, x1), (y0, y1)); ``area_px`` the plot area's (width, height)
    and ``legend_px`` the legend's, in pixels; the legend sits ``margin_px`` from both edges.
    """
    (x0, x1), (y0, y1) = view
    width, height = area_px
    legend_w, legend_h = legend_px
    counts = dict.fromkeys(CORNERS, 0)
    if x1 == x0 or y1 == y0 or width <= 0 or height <= 0:
        return counts
    for x, y in curves:
        x, y = _densified(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
        # Pixel positions, y downwards as on screen; NaN compares False and so counts nowhere.
        px = (x - x0) / (x1 - x0) * width
        py = (y1 - y) / (y1 - y0) * height
        in_left = (px >= margin_px) & (px <= margin_px + legend_w)
        in_right = (px <= width - margin_px) & (px >= width - margin_px - legend_w)
        in_top = (py >= margin_px) & (py <= margin_px + legend_h)
        in_bottom = (py <= height - margin_px) & (py >= height - margin_px - legend_h)
        counts["top-left"] += int(np.count_nonzero(in_left & in_top))
        counts["top-right"] += int(np.count_nonzero(in_right & in_top))
        counts["bottom-left"] += int(np.count_nonzero(in_left & in_bottom))
        counts["bottom-right"] += int(np.count_nonzero(in_right & in_bottom))
    return counts


def best_corner(counts: dict[str, int], current: str) -> str:
    """The corner with the fewest covered samples; the current one keeps ties (no jumping
    about while panning), then the order of ``CORNERS`` (top-left first) decides."""
    fewest = min(counts.values())
    if counts.get(current) == fewest:
        return current
    return next(name for name in CORNERS if counts[name] == fewest)


# A legend sample's length and the widest line it is drawn with, in logical pixels: pyqtgraph's
# 20 px sample showed dash-dot (the tangent) and dash-dot-dot (the secant) as the same "dash dot
# dot" (one period of either pattern does not fit), so they could only be told apart by colour.
# 48 px at 2.5 px show two periods of dash-dot and one and a half of dash-dot-dot.
SAMPLE_LENGTH = 48
SAMPLE_MAX_WIDTH = 2.5
SAMPLE_HEIGHT = 20


class LineSample(pg.ItemSample):
    """A legend entry's sample: its curve's line (colour, style, marker) over ``SAMPLE_LENGTH``
    pixels, at most ``SAMPLE_MAX_WIDTH`` wide so the dash pattern (which scales with the width)
    still fits twice."""

    def __init__(self, item: pg.GraphicsObject) -> None:
        super().__init__(item)
        self.setFixedWidth(SAMPLE_LENGTH)
        self.setFixedHeight(SAMPLE_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, SAMPLE_LENGTH, SAMPLE_HEIGHT)

    def paint(self, painter: QPainter, *args: object) -> None:
        opts = self.item.opts
        pen = opts.get("pen")
        if (
            not isinstance(pen, QPen)
            or isinstance(self.item, pg.ScatterPlotItem)
            or not self.item.isVisible()
        ):
            # pyqtgraph's own: a marker alone, or the "hidden" eye of a curve switched off.
            super().paint(painter, *args)
            return
        pen = QPen(pen)
        # Cosmetic widths count device pixels (PlotView widens pens on a 2× screen).
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        limit = SAMPLE_MAX_WIDTH * (ratio if pen.isCosmetic() else 1.0)
        pen.setWidthF(min(pen.widthF() or 1.0, limit))
        if opts.get("antialias"):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        middle = SAMPLE_HEIGHT / 2 + 1
        painter.drawLine(QLineF(0, middle, SAMPLE_LENGTH, middle))
        symbol = opts.get("symbol")
        if symbol is not None and isinstance(self.item, pg.PlotDataItem):
            scatter = self.item.scatter.opts
            painter.translate(SAMPLE_LENGTH / 2, SAMPLE_HEIGHT / 2)
            pg.graphicsItems.ScatterPlotItem.drawSymbol(
                painter,
                symbol,
                scatter["size"],
                pg.mkPen(scatter["pen"]),
                pg.mkBrush(scatter["brush"]),
            )
