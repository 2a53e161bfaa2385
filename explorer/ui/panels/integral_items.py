"""Plot items of the Integral panel: the signed area in two colours, the Riemann shapes, the
draggable bounds a and b, F(x) and the tangent to F at x₀.

Everything drawn here was computed by ``explorer.core.integral``; the items keep their pyqtgraph
handles so a drag or an n step only replaces a few arrays.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from explorer.core.integral.accumulation import Accumulation, FtcCheck
from explorer.core.integral.area import signed_parts
from explorer.core.integral.riemann import RiemannSum
from explorer.ui.i18n import Context
from explorer.ui.palette import LIGHT, Theme
from explorer.ui.panels.derivative.items import CurvePointHandle
from explorer.ui.plot import PALETTE, PlotView, make_pen
from explorer.ui.plot_style import ACCUMULATION_STYLE, TANGENT_STYLE

T = Context("IntegralPanel")

POSITIVE = (0, 114, 178)  # PALETTE[0], the function's blue: area above the axis
NEGATIVE = (213, 94, 0)  # PALETTE[1], vermilion: area below the axis
F_COLOR = PALETTE[2]
TANGENT_COLOR = PALETTE[3]
# Dividers between shapes are drawn up to this n; beyond, they would be a solid block.
_DIVIDER_LIMIT = 120
_TANGENT_REACH = 20.0  # view spans each side
TANGENT_NAME = T.mark("tangent to F at x₀ (slope f(x₀))")


class FillItem(QGraphicsPathItem):
    """The region between y = 0 and a polyline, as one path in data coordinates.

    pyqtgraph's own fill (``fillLevel``) paints a 2,000-point region in 50-point chunks, ~5×
    slower than one path; a bound drag repaints these every frame. (A pixmap cache would be
    redrawn on every such frame too, so there is none.)
    """

    def __init__(self, rgb: tuple[int, int, int], alpha: int, z: float, outline: bool = False):
        super().__init__()
        self.setBrush(pg.mkBrush(*rgb, alpha))
        self._outline = make_pen(rgb, 1.2)
        self.show_outline(outline)
        self.setZValue(z)
        self._x = self._y = np.zeros(0)

    def set_data(self, x: np.ndarray, y: np.ndarray) -> None:
        self._x, self._y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        path = QPainterPath()
        if self._x.size >= 2 and np.any(self._y != 0):
            xs = np.concatenate([[self._x[0]], self._x, [self._x[-1]]])
            ys = np.concatenate([[0.0], self._y, [0.0]])
            path = pg.arrayToQPath(xs, ys, connect="all")
            path.closeSubpath()
        self.setPath(path)

    def show_outline(self, on: bool) -> None:
        """Stroke the edge too (the shapes' tops); off when they are thinner than a few pixels,
        where the stroke is a blur that costs more to paint than the fill."""
        self.setPen(self._outline if on else QPen(Qt.PenStyle.NoPen))

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The polyline last given (what a test compares with the integral)."""
        return self._x, self._y


class BoundLine(pg.InfiniteLine):
    """A vertical line for a bound that the mouse drags; emits ``dragged(x)`` while moving."""

    dragged = Signal(float)
    released = Signal()

    def __init__(self, name: str, theme: Theme = LIGHT) -> None:
        super().__init__(angle=90, movable=True, label=name, labelOpts={"position": 0.04})
        self.restyle(theme)
        self.setZValue(25)
        T.tip(self, "Drag to move the bound {name}", name=name)
        self.sigDragged.connect(lambda line: self.dragged.emit(float(line.value())))
        self.sigPositionChangeFinished.connect(lambda _line: self.released.emit())

    def restyle(self, theme: Theme) -> None:
        """The line and its name in the theme's text colour, on a box of its legend colour."""
        self.setPen(make_pen(theme.foreground, 1.6, "dash"))
        self.setHoverPen(make_pen(theme.foreground, 3.0))
        fill = QColor(theme.legend_fill)
        fill.setAlpha(200)
        self.label.fill = pg.mkBrush(fill)
        self.label.setColor(theme.foreground)


class IntegralLayer:
    """The items over f: area fills, sum shapes and dividers, bound lines, F and its tangent."""

    def __init__(self, plot: PlotView) -> None:
        self.plot = plot
        self.area_positive = FillItem(POSITIVE, 70, -5)
        self.area_negative = FillItem(NEGATIVE, 70, -5)
        self.sum_positive = FillItem(POSITIVE, 60, -3, outline=True)
        self.sum_negative = FillItem(NEGATIVE, 60, -3, outline=True)
        self.dividers = pg.PlotDataItem(
            [], [], pen=make_pen(plot.theme.guide, 0.8), connect="pairs"
        )
        self.dividers.setZValue(-3)
        for item in (
            self.area_positive,
            self.area_negative,
            self.sum_positive,
            self.sum_negative,
            self.dividers,
        ):
            plot.add_item(item, ignore_bounds=True)
        self.lower_line = BoundLine("a", plot.theme)
        self.upper_line = BoundLine("b", plot.theme)
        for line in (self.lower_line, self.upper_line):
            plot.add_item(line, ignore_bounds=True)
        # Not one of PlotView's keyed curves: those re-place the legend on every change, and
        # the tangent (two points, never in the legend) moves with every x₀ and bound.
        self.tangent = pg.PlotDataItem([], [], pen=make_pen(TANGENT_COLOR, 1.8, TANGENT_STYLE))
        plot.add_item(self.tangent, ignore_bounds=True)
        self.handle = CurvePointHandle(plot.theme)
        T.tip(self.handle, "Drag along F to move x₀: the tangent to F has slope f(x₀)")
        plot.add_item(self.handle, ignore_bounds=True)
        plot.restyled.connect(self.restyle)

    def restyle(self) -> None:
        """Follow the plot's theme (bounds, dividers, the x₀ handle's outline and size)."""
        theme = self.plot.theme
        for line in (self.lower_line, self.upper_line):
            line.restyle(theme)
        self.dividers.setPen(make_pen(theme.guide, 0.8))
        self.handle.restyle(theme)

    # ----- area ---------------------------------------------------------------------------------

    def show_area(self, x: np.ndarray, y: np.ndarray) -> None:
        """Shade between f and the axis over the samples given (already cut to [a, b])."""
        xs, positive, negative = signed_parts(x, y)
        self.area_positive.set_data(xs, positive)
        self.area_negative.set_data(xs, negative)

    # ----- sums ---------------------------------------------------------------------------------

    def show_sum(self, riemann: RiemannSum | None, y_limits: tuple[float, float]) -> None:
        if riemann is None or riemann.problem:
            for fill in (self.sum_positive, self.sum_negative):
                fill.set_data(np.zeros(0), np.zeros(0))
            self.dividers.setData([], [])
            return
        x, y = riemann.outline()
        y = np.clip(y, *y_limits)
        xs, positive, negative = signed_parts(x, y)
        for fill, part in ((self.sum_positive, positive), (self.sum_negative, negative)):
            fill.show_outline(riemann.n <= _DIVIDER_LIMIT)
            fill.set_data(xs, part)
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
            "F",
            accumulation.x,
            accumulation.F,
            name=name,
            color=F_COLOR,
            width=2.2,
            style=ACCUMULATION_STYLE,
        )
        self.show_tangent(check)

    def _tangent_in_legend(self, shown: bool) -> None:
        # An exported picture has no side column: the legend says what the dash-dotted line is.
        listed = self.plot.legend.getLabel(self.tangent) is not None
        if shown and not listed:
            self.plot.legend.addItem(self.tangent, T(TANGENT_NAME))
        elif listed and not shown:
            self.plot.legend.removeItem(self.tangent)

    def show_tangent(self, check: FtcCheck | None) -> None:
        shown = check is not None and math.isfinite(check.F_value) and math.isfinite(check.f_value)
        self._tangent_in_legend(shown)
        if not shown:
            self.tangent.setData([], [])
            self.handle.setVisible(False)
            return
        (low, high), _ = self.plot.view_range()
        reach = _TANGENT_REACH * (high - low)
        x = np.array([check.x0 - reach, check.x0 + reach])
        self.tangent.setData(x, check.F_value + check.f_value * (x - check.x0))
        self.handle.setVisible(True)
        self.handle.setPos(check.x0, check.F_value)
