"""Plot items of the Derivative panel: the draggable point on f, tangent, secant, band, kink marks.

Everything here draws numbers the core computed (``Tangent``, ``Secant``, ``LinearBand``,
``Agreement``); no calculus happens in this module. The items keep their pyqtgraph handles so a
drag only moves a few points instead of rebuilding curves.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont

from explorer.core.derivative import LinearBand, Secant, Tangent
from explorer.core.sampling import SampledCurve
from explorer.ui.plot import FOREGROUND, PALETTE, PlotView, make_pen

TANGENT_COLOR = PALETTE[1]
SECANT_COLOR = PALETTE[4]
BAND_COLOR = (0, 158, 115)  # PALETTE[2] as RGB, for translucent brushes
WARNING_COLOR = "#b00020"
# The tangent and secant are drawn this many view spans beyond each side of the view, so a pan
# never reveals their ends.
_LINE_REACH_SPANS = 20.0


class CurvePointHandle(pg.TargetItem):
    """A point the mouse drags along the x-axis; the panel puts it back on the curve.

    ``x_dragged(x)`` is emitted for every drag step with the pointer's x in data coordinates
    (plus the grab offset, so the point does not jump to the pointer when the drag starts).
    """

    x_dragged = Signal(float)
    drag_finished = Signal()

    def __init__(self) -> None:
        super().__init__(
            pos=(0.0, 0.0),
            size=15,
            symbol="o",
            pen=make_pen(FOREGROUND, 1.5),
            brush=pg.mkBrush(TANGENT_COLOR),
            hoverPen=make_pen(FOREGROUND, 2.5),
            hoverBrush=pg.mkBrush("#ffb080"),
            movable=True,
        )
        self.setZValue(20)
        self.setToolTip("Drag along the curve to move x₀")
        self._grab_offset = 0.0

    def mouseDragEvent(self, event) -> None:  # noqa: N802 - pyqtgraph override
        if not self.movable or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        view_box = self.getViewBox()
        pointer_x = view_box.mapSceneToView(event.scenePos()).x()
        if event.isStart():
            self._grab_offset = (
                self.pos().x() - view_box.mapSceneToView(event.buttonDownScenePos()).x()
            )
        self.x_dragged.emit(float(pointer_x + self._grab_offset))
        if event.isFinish():
            self.drag_finished.emit()


class TangentLayer:
    """Tangent line and its label, secant with its two points, and the ε band on a PlotView."""

    def __init__(self, plot: PlotView) -> None:
        self.plot = plot
        self.tangent_curve = plot.set_curve(
            "tangent", [], [], name="tangent at x₀", color=TANGENT_COLOR, width=2.0, style="dash"
        )
        self.secant_curve = plot.set_curve(
            "secant", [], [], name="secant x₀ … x₀+h", color=SECANT_COLOR, width=1.6
        )
        self.secant_points = pg.ScatterPlotItem(
            size=8, pen=make_pen(FOREGROUND, 1), brush=pg.mkBrush(SECANT_COLOR)
        )
        self.secant_points.setZValue(15)
        plot.add_item(self.secant_points, ignore_bounds=True)
        self.handle = CurvePointHandle()
        plot.add_item(self.handle, ignore_bounds=True)
        self.label = pg.TextItem(
            color=FOREGROUND, anchor=(0.0, 1.2), fill=pg.mkBrush(255, 255, 255, 210)
        )
        font = QFont()
        font.setPointSize(11)
        self.label.setFont(font)
        self.label.setZValue(25)
        plot.add_item(self.label, ignore_bounds=True)
        self._build_band()
        self.kink_marks = pg.ScatterPlotItem(
            size=13, symbol="x", pen=make_pen(WARNING_COLOR, 2.5), brush=pg.mkBrush(WARNING_COLOR)
        )
        self.kink_marks.setZValue(18)
        plot.add_item(self.kink_marks, ignore_bounds=True)

    def _build_band(self) -> None:
        self.band_region = pg.LinearRegionItem(
            values=(0, 0), movable=False, brush=pg.mkBrush(*BAND_COLOR, 40), pen=pg.mkPen(None)
        )
        self.band_region.setZValue(-10)
        self.band_low = pg.PlotDataItem(pen=make_pen((*BAND_COLOR, 160), 1))
        self.band_high = pg.PlotDataItem(pen=make_pen((*BAND_COLOR, 160), 1))
        self.band_fill = pg.FillBetweenItem(
            self.band_low, self.band_high, brush=pg.mkBrush(*BAND_COLOR, 90)
        )
        for item in (self.band_region, self.band_low, self.band_high, self.band_fill):
            item.setVisible(False)
            self.plot.add_item(item, ignore_bounds=True)

    # ----- tangent ------------------------------------------------------------------------------

    def line_reach(self) -> tuple[float, float]:
        (x_low, x_high), _ = self.plot.view_range()
        span = x_high - x_low
        return x_low - _LINE_REACH_SPANS * span, x_high + _LINE_REACH_SPANS * span

    def show_tangent(self, tangent: Tangent) -> None:
        """Draw the tangent line and put the handle at (x₀, f(x₀)); without a tangent say why."""
        (x_low, x_high), (y_low, y_high) = self.plot.view_range()
        if np.isfinite(tangent.y0):
            self.handle.setPos(tangent.x0, tangent.y0)
            self.handle.setVisible(True)
            self.label.setPos(tangent.x0, tangent.y0)
        else:
            self.handle.setVisible(False)
            self.label.setPos(tangent.x0, 0.5 * (y_low + y_high))
        # The label grows away from the nearer edge of the view so it is never cut off.
        right_half = tangent.x0 > 0.5 * (x_low + x_high)
        self.label.setAnchor((1.05 if right_half else -0.05, 1.15))
        if tangent.differentiable:
            ends = np.array(self.line_reach())
            self.tangent_curve.setData(ends, tangent.line(ends))
            self.label.setColor(FOREGROUND)
            self.label.setText(f"{tangent.equation}   (slope {_slope_text(tangent.slope)})")
        else:
            self.tangent_curve.setData([], [])
            self.label.setColor(WARNING_COLOR)
            self.label.setText("No tangent here:\n" + tangent.reason.replace(": ", ":\n", 1))

    # ----- secant -------------------------------------------------------------------------------

    def show_secant(self, secant: Secant | None) -> None:
        """Draw the secant through x₀ and x₀ + h (None hides it)."""
        if secant is None or not secant.defined:
            self.secant_curve.setData([], [])
            self.secant_points.setData([], [])
            return
        ends = np.array(self.line_reach())
        self.secant_curve.setData(ends, secant.line(ends))
        self.secant_points.setData([secant.x0, secant.x0 + secant.h], [secant.y0, secant.y1])

    # ----- linear-approximation band ------------------------------------------------------------

    def show_band(self, band: LinearBand | None, tangent: Tangent | None) -> None:
        """Shade where |f − L| ≤ ε around x₀: the x-interval and the strip L ± ε over it."""
        around = None if band is None else band.around_x0
        visible = around is not None and tangent is not None and tangent.differentiable
        for item in (self.band_region, self.band_low, self.band_high, self.band_fill):
            item.setVisible(visible)
        if not visible:
            return
        self.band_region.setRegion(around)
        x = np.linspace(around[0], around[1], 2)
        line = tangent.line(x)
        self.band_low.setData(x, line - band.epsilon)
        self.band_high.setData(x, line + band.epsilon)

    # ----- disagreement marks -------------------------------------------------------------------

    def show_kinks(self, xs: Sequence[float], ys: Sequence[float]) -> None:
        self.kink_marks.setData(list(xs), list(ys))


def combined_y_range(f_curve: SampledCurve, d_curve: SampledCurve) -> tuple[float, float]:
    """A y-range showing f and f′ without letting f′'s poles squash f (tan′ ≫ tan)."""
    f_range, d_range = f_curve.y_view_range, d_curve.y_view_range
    if f_range is None:
        return d_range or (-1.0, 1.0)
    if d_range is None:
        return f_range
    span = f_range[1] - f_range[0]
    return (
        min(f_range[0], max(d_range[0], f_range[0] - span)),
        max(f_range[1], min(d_range[1], f_range[1] + span)),
    )


def _slope_text(slope: float) -> str:
    from explorer.core.derivative import format_number

    return format_number(slope)
