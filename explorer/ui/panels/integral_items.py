"""Plot items of the Integral panel: the signed area in two colours, the Riemann shapes, the
draggable bounds a and b, F(x) and the tangent to F at x₀.

Everything drawn here was computed by ``explorer.core.integral``; the items keep their pyqtgraph
handles so a drag or an n step only replaces a few arrays.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from explorer.core.integral.accumulation import Accumulation, FtcCheck
from explorer.core.integral.area import signed_parts
from explorer.core.integral.riemann import RiemannSum
from explorer.ui.panels.derivative_items import CurvePointHandle
from explorer.ui.plot import FOREGROUND, PALETTE, PlotView, make_pen

POSITIVE = (0, 114, 178)  # PALETTE[0], the function's blue: area above the axis
NEGATIVE = (213, 94, 0)  # PALETTE[1], vermilion: area below the axis
F_COLOR = PALETTE[2]
TANGENT_COLOR = PALETTE[3]
# Dividers between shapes are drawn up to this n; beyond, they would be a solid block.
_DIVIDER_LIMIT = 120
_TANGENT_REACH = 20.0  # view spans each side


def _fill(rgb: tuple[int, int, int], alpha: int, z: float) -> pg.PlotDataItem:
    item = pg.PlotDataItem([], [], pen=None, fillLevel=0.0, brush=pg.mkBrush(*rgb, alpha))
    item.setZValue(z)
    return item


class BoundLine(pg.InfiniteLine):
    """A vertical line for a bound that the mouse drags; emits ``dragged(x)`` while moving."""

    dragged = Signal(float)
    released = Signal()

    def __init__(self, name: str) -> None:
        super().__init__(
            angle=90,
            movable=True,
            pen=make_pen(FOREGROUND, 1.6, "dash"),
            hoverPen=make_pen(FOREGROUND, 3.0),
            label=name,
            labelOpts={"position": 0.04, "color": FOREGROUND, "fill": (255, 255, 255, 200)},
        )
        self.setZValue(25)
        self.setToolTip(f"Drag to move the bound {name}")
        self.sigDragged.connect(lambda line: self.dragged.emit(float(line.value())))
        self.sigPositionChangeFinished.connect(lambda _line: self.released.emit())


class IntegralLayer:
    """The items over f: area fills, sum shapes and dividers, bound lines, F and its tangent."""

    def __init__(self, plot: PlotView) -> None:
        self.plot = plot
        self.area_positive = _fill(POSITIVE, 70, -5)
        self.area_negative = _fill(NEGATIVE, 70, -5)
        self.sum_positive = pg.PlotDataItem(
            [], [], pen=make_pen(POSITIVE, 1.2), fillLevel=0.0, brush=pg.mkBrush(*POSITIVE, 60)
        )
        self.sum_negative = pg.PlotDataItem(
            [], [], pen=make_pen(NEGATIVE, 1.2), fillLevel=0.0, brush=pg.mkBrush(*NEGATIVE, 60)
        )
        self.dividers = pg.PlotDataItem(
            [], [], pen=make_pen(QColor(80, 80, 80), 0.8), connect="pairs"
        )
        for item in (self.sum_positive, self.sum_negative, self.dividers):
            item.setZValue(-3)
        for item in (
            self.area_positive,
            self.area_negative,
            self.sum_positive,
            self.sum_negative,
            self.dividers,
        ):
            # Kept as a pixmap between repaints, like PlotView's long curves: a translucent
            # fill of thousands of points costs ~30 ms to paint, a blit well under 1 ms.
            item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.add_item(item, ignore_bounds=True)
        self.lower_line = BoundLine("a")
        self.upper_line = BoundLine("b")
        for line in (self.lower_line, self.upper_line):
            plot.add_item(line, ignore_bounds=True)
        self.tangent = plot.set_curve(
            "ftc_tangent", [], [], name=None, color=TANGENT_COLOR, width=1.8, style="dash"
        )
        self.handle = CurvePointHandle()
        self.handle.setToolTip("Drag along F to move x₀: the tangent to F has slope f(x₀)")
        plot.add_item(self.handle, ignore_bounds=True)

    # ----- area ---------------------------------------------------------------------------------

    def show_area(self, x: np.ndarray, y: np.ndarray) -> None:
        """Shade between f and the axis over the samples given (already cut to [a, b])."""
        xs, positive, negative = signed_parts(x, y)
        self.area_positive.setData(xs, positive)
        self.area_negative.setData(xs, negative)

    # ----- sums ---------------------------------------------------------------------------------

    def show_sum(self, riemann: RiemannSum | None, y_limits: tuple[float, float]) -> None:
        if riemann is None or riemann.problem:
            for item in (self.sum_positive, self.sum_negative, self.dividers):
                item.setData([], [])
            return
        x, y = riemann.outline()
        y = np.clip(y, *y_limits)
        xs, positive, negative = signed_parts(x, y)
        self.sum_positive.setData(xs, positive)
        self.sum_negative.setData(xs, negative)
        if riemann.n <= _DIVIDER_LIMIT:
            dx, dy = riemann.dividers()
            self.dividers.setData(dx, np.clip(dy, *y_limits))
        else:
            self.dividers.setData([], [])

    # ----- bounds -------------------------------------------------------------------------------

    def show_bounds(self, lower: float, upper: float) -> None:
        for line, value in ((self.lower_line, lower), (self.upper_line, upper)):
            line.setVisible(math.isfinite(value))
            if math.isfinite(value) and line.value() != value:
                line.blockSignals(True)
                line.setValue(value)
                line.blockSignals(False)

    # ----- F and the tangent ---------------------------------------------------------------------

    def show_accumulation(
        self, accumulation: Accumulation | None, check: FtcCheck | None, name: str
    ) -> None:
        if accumulation is None:
            self.plot.remove_curve("F")
            self.tangent.setData([], [])
            self.handle.setVisible(False)
            return
        self.plot.set_curve(
            "F", accumulation.x, accumulation.F, name=name, color=F_COLOR, width=2.2
        )
        self.show_tangent(check)

    def show_tangent(self, check: FtcCheck | None) -> None:
        if check is None or not (math.isfinite(check.F_value) and math.isfinite(check.f_value)):
            self.tangent.setData([], [])
            self.handle.setVisible(False)
            return
        (low, high), _ = self.plot.view_range()
        reach = _TANGENT_REACH * (high - low)
        x = np.array([check.x0 - reach, check.x0 + reach])
        self.tangent.setData(x, check.F_value + check.f_value * (x - check.x0))
        self.handle.setVisible(True)
        self.handle.setPos(check.x0, check.F_value)
