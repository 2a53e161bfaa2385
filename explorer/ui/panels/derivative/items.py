"""Plot items of the Derivative panel: the draggable point on f, tangent, secant, band, kink marks.

Everything here draws numbers the core computed (``Tangent``, ``Secant``, ``LinearBand``,
``Agreement``); no calculus happens in this module. The items keep their pyqtgraph handles so a
drag only moves a few points instead of rebuilding curves.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal

from explorer.core.derivative import LinearBand, Secant, Tangent
from explorer.core.sampling import SampledCurve
from explorer.core.text import format_number
from explorer.ui import palette
from explorer.ui.appearance import handle_scale
from explorer.ui.i18n import Context, core_text
from explorer.ui.plot import PlotView, make_pen
from explorer.ui.plot_style import SECANT_STYLE, TANGENT_STYLE

T = Context("DerivativePanel")

TANGENT_COLOR = palette.TANGENT
SECANT_COLOR = palette.SECANT  # sky blue: vermilion and orange look alike to most colour-blind eyes
BAND_COLOR = palette.rgb(palette.BAND)  # as RGB, for translucent brushes
HANDLE_SIZE = 15
TANGENT_NAME = T.mark("tangent at x₀")
SECANT_NAME = T.mark("secant x₀ … x₀+h")
KINK_NAME = T.mark("f′ does not exist")
_LABEL_POINTS = 11
_MARGIN = 8.0  # pixels between the readout label and the plot's edge
_LINE_POINTS = 400  # samples of a straight line when judging what the label would cover
_WRAP_SHARE = 0.42  # longer notes wrap at this share of the plot's width
_GRID_STEPS = 6  # spots tried across the plot when no corner or mid-edge is free: 7 × 7
_CELL = 4.0  # pixels: the grain at which curve points are counted under a spot
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

    def __init__(self, theme: palette.Theme = palette.LIGHT) -> None:
        super().__init__(
            pos=(0.0, 0.0),
            size=HANDLE_SIZE,
            symbol="o",
            brush=pg.mkBrush(TANGENT_COLOR),
            hoverBrush=pg.mkBrush("#ffb080"),
            movable=True,
        )
        self.restyle(theme)
        self.setZValue(20)
        T.tip(self, "Drag along the curve to move x₀")
        self._grab_offset = 0.0

    def restyle(self, theme: palette.Theme) -> None:
        """Outline in the theme's text colour; larger in presentation mode."""
        self.setPen(make_pen(theme.foreground, 1.5))
        self.setHoverPen(make_pen(theme.foreground, 2.5))
        size = HANDLE_SIZE * handle_scale()
        if self.scale != size:
            # pyqtgraph keeps a TargetItem's pixel size in ``scale`` (it has no setter) and
            # caches the shape built from it; dropping the cache makes it rebuild at the new size.
            self.prepareGeometryChange()
            self.scale = size
            self.viewTransformChanged()

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
    """Tangent line, secant with its two points, the ε band, kink marks and the readout label.

    The label is a readout in the corner of the plot that covers least of the curves (never
    under the legend), not a tag at x₀: a tag there hides the curve it describes and runs off
    the edge near the view's border. Lines are clipped to a window around the view, and the
    tangent and secant leave the legend when they are not drawn.
    """

    def __init__(self, plot: PlotView) -> None:
        self.plot = plot
        self._label_is_note = False
        self._point_shown = True
        self.tangent_curve = plot.set_curve(
            "tangent",
            [],
            [],
            name=T(TANGENT_NAME),
            color=TANGENT_COLOR,
            width=2.0,
            style=TANGENT_STYLE,
        )
        self.secant_curve = plot.set_curve(
            "secant", [], [], name=T(SECANT_NAME), color=SECANT_COLOR, width=1.8, style=SECANT_STYLE
        )
        self.secant_points = pg.ScatterPlotItem(
            size=8, pen=make_pen(plot.theme.foreground, 1), brush=pg.mkBrush(SECANT_COLOR)
        )
        self.secant_points.setZValue(15)
        plot.add_item(self.secant_points, ignore_bounds=True)
        self.handle = CurvePointHandle(plot.theme)
        plot.add_item(self.handle, ignore_bounds=True)
        self._build_label()
        self._build_band()
        warning = plot.theme.error
        self.kink_marks = pg.ScatterPlotItem(
            size=13, symbol="x", pen=make_pen(warning, 2.5), brush=pg.mkBrush(warning)
        )
        self.kink_marks.setZValue(18)
        plot.add_item(self.kink_marks, ignore_bounds=True)
        self.secant_note = ""
        self._long_curves: dict[str, tuple] = {}
        # (f, f′, f″ samples, (view, width, height), their _occupancy table)
        self._long_occupancy: tuple | None = None
        for item in (self.tangent_curve, self.secant_curve):
            _set_legend_entry(plot, item, None)
        plot.view_box.sigResized.connect(self.place_label)
        plot.view_box.sigRangeChanged.connect(self.place_label)
        plot.restyled.connect(self.restyle)

    def restyle(self) -> None:
        """Follow the plot's theme colours and presentation mode's handle size."""
        theme = self.plot.theme
        self.handle.restyle(theme)
        self._fill_handle()
        self.secant_points.setPen(make_pen(theme.foreground, 1))
        self.kink_marks.setPen(make_pen(theme.error, 2.5))
        self.kink_marks.setBrush(pg.mkBrush(theme.error))
        self._style_label()
        self.place_label()

    def _fill_handle(self) -> None:
        # Hollow (the plot's background) while f(x₀) is not where the handle waits.
        fill = TANGENT_COLOR if self._point_shown else self.plot.theme.background
        self.handle.setBrush(pg.mkBrush(fill))

    def _style_label(self) -> None:
        theme = self.plot.theme
        self.label.setColor(theme.error if self._label_is_note else theme.foreground)
        fill = pg.mkColor(theme.legend_fill)
        fill.setAlpha(200)
        self.label.fill = pg.mkBrush(fill)
        self.label.border = pg.mkPen(theme.legend_border)
        font = self.label.textItem.font()
        font.setPointSizeF(self.plot.point_size(_LABEL_POINTS))
        self.label.setFont(font)

    def _build_label(self) -> None:
        self.label = pg.TextItem(anchor=(0.0, 0.0))
        self._style_label()
        self.label.setZValue(25)
        # In the view box's own (pixel) coordinates, like the legend: a readout, not data.
        self.label.setParentItem(self.plot.view_box)

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

    def line_reach(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The window lines are drawn in: the view widened by ``_LINE_REACH_SPANS`` each way."""
        (x_low, x_high), (y_low, y_high) = self.plot.view_range()
        x_pad, y_pad = _LINE_REACH_SPANS * (x_high - x_low), _LINE_REACH_SPANS * (y_high - y_low)
        return (x_low - x_pad, x_high + x_pad), (y_low - y_pad, y_high + y_pad)

    def _near_view(self, *ys: float) -> bool:
        _, (y_low, y_high) = self.line_reach()
        return all(np.isfinite(y) and y_low <= y <= y_high for y in ys)

    def _handle_position(self, tangent: Tangent, on_curve: bool) -> tuple[float, float]:
        """(x₀, f(x₀)) when that is in view; else x₀ kept in view, on the x-axis if f(x₀) has
        no value, or at the edge of the view nearest to f(x₀)."""
        if on_curve:
            return tangent.x0, tangent.y0
        (x_low, x_high), (y_low, y_high) = self.plot.view_range()
        inset_x, inset_y = 0.02 * (x_high - x_low), 0.02 * (y_high - y_low)
        x = min(max(tangent.x0, x_low + inset_x), x_high - inset_x)
        y = tangent.y0 if np.isfinite(tangent.y0) else 0.0
        return x, min(max(y, y_low + inset_y), y_high - inset_y)

    def show_tangent(self, tangent: Tangent) -> None:
        """Draw the tangent and put the handle at (x₀, f(x₀)); without a tangent say why."""
        point_shown = self._near_view(tangent.y0)
        # The handle never disappears: off f's domain (or off the view) it waits at the nearest
        # spot in view, hollow, so the learner can drag x₀ back.
        self.handle.setPos(*self._handle_position(tangent, point_shown))
        self._point_shown = point_shown
        self._fill_handle()
        point = format_number(tangent.x0)
        if tangent.differentiable:
            x, y = clipped_line(tangent.slope, tangent.x0, tangent.y0, *self.line_reach())
            self.tangent_curve.setData(x, y)
            text = T("Tangent at x₀ = {x}:  {equation}", x=point, equation=tangent.equation)
            text += "\n" + T("slope f′({x}) = {slope}", x=point, slope=_slope(tangent))
            if not point_shown:
                where = f"({point}, {format_number(tangent.y0)})"
                text += "\n" + T("(x₀, f(x₀)) = {where} is outside the view", where=where)
        else:
            self.tangent_curve.setData([], [])
            text = T("No tangent at x₀ = {x}:", x=point) + "\n" + core_text(tangent.reason)
            if not np.isfinite(tangent.y0):
                text += "\n" + T("(the hollow point marks x₀: drag it back onto f)")
        _set_legend_entry(self.plot, self.tangent_curve, T(TANGENT_NAME) * tangent.differentiable)
        self._label_is_note = not tangent.differentiable
        self._style_label()
        self.label.setText(text)
        self.place_label()

    def place_label(self, *_args) -> None:
        """Put the readout where it hides no curve: a free corner, else a free mid-edge, else
        any free spot of the plot; with none free, in the row under the plot."""
        view = self.plot.view_box.boundingRect()
        width, height = view.width(), view.height()
        if width <= 0 or height <= 0:
            return
        text = self.label.toPlainText()
        # Long notes wrap instead of running off the edge (laid out again only when needed).
        if self.label.textItem.textWidth() != -1:
            self.label.setTextWidth(-1)
        # Only the prose of a "No tangent" note wraps; an equation stays on its line.
        if self._label_is_note and self.label.boundingRect().width() > _WRAP_SHARE * width:
            self.label.setTextWidth(_WRAP_SHARE * width)
        box = self.label.boundingRect()
        table, points = self._occupied(width, height)
        legend = self.plot.legend.mapRectToParent(self.plot.legend.boundingRect())
        best = None
        for left, top in _spots(width, height, box.width(), box.height()):
            area = QRectF(left, top, box.width(), box.height())
            if area.intersects(legend) and self.plot.legend.isVisible():
                continue
            grown = area.adjusted(-6, -6, 6, 6)
            if _count_inside(table, grown) == 0 and not _any_inside(points, grown):
                best = (left, top)
                break
        row = self.plot.note_row
        if best is None:
            self.label.setVisible(False)
            theme = self.plot.theme
            colour = theme.error if self._label_is_note else theme.foreground
            row.show_text(text, colour, self.plot.point_size(_LABEL_POINTS))
            return
        row.clear()
        self.label.setVisible(bool(text))
        self.label.setPos(*best)

    def _occupied(self, width: float, height: float) -> tuple[np.ndarray, np.ndarray]:
        """Where the plotted curves' points lie in view-box pixels (subsampled; enough to judge
        cover): f, f′, f″ as _occupancy's table, kept while they and the view stay (a drag or an
        h step moves only the rest), and the tangent's, the secant's and x₀'s points."""
        (x_low, x_high), (y_low, y_high) = view = self.plot.view_range()
        long_chunks, short_chunks = [], []
        for key in self.plot.curve_keys():
            x, y = self.plot.curve_data(key)
            if x.ndim != 1 or x.size == 0:
                continue
            if x.size >= _LINE_POINTS:
                cached = self._long_curves.get(key)
                # The arrays themselves are kept in the cache, so identity cannot be reused.
                if cached is None or cached[0] is not x or cached[1] is not y:
                    step = max(1, x.size // 1500)
                    cached = (x, y, np.column_stack([x[::step], y[::step]]))
                    self._long_curves[key] = cached
                long_chunks.append(cached[2])
                continue
            if np.all(np.diff(x) > 0):
                # A straight line is two far-away points: sample it where it crosses the view.
                inside = np.linspace(max(x[0], x_low), min(x[-1], x_high), _LINE_POINTS)
                x, y = inside, np.interp(inside, x, y)
            step = max(1, x.size // 1500)
            short_chunks.append(np.column_stack([x[::step], y[::step]]))
        if self.handle.isVisible():
            # The point x₀ itself must stay in sight.
            handle = self.handle.pos()
            short_chunks.append(np.array([[handle.x(), handle.y()]]))
        base = self._long_occupancy
        if (
            base is None
            or base[1] != (view, width, height)
            or len(base[0]) != len(long_chunks)
            or any(a is not b for a, b in zip(base[0], long_chunks, strict=True))
        ):
            table = _occupancy(_pixels(long_chunks, view, width, height), width, height)
            base = self._long_occupancy = (long_chunks, (view, width, height), table)
        return base[2], _pixels(short_chunks, view, width, height)

    # ----- secant -------------------------------------------------------------------------------

    def show_secant(self, secant: Secant | None) -> None:
        """Draw the secant through x₀ and x₀ + h (None hides it); ``secant_note`` says why a
        defined secant is not drawn (its points lie far outside the view, near a pole)."""
        self.secant_note = ""
        drawn = secant is not None and secant.defined
        if drawn and not self._near_view(secant.y0, secant.y1):
            self.secant_note = T("not drawn: f(x₀) or f(x₀ + h) lies far outside the view")
            drawn = False
        _set_legend_entry(self.plot, self.secant_curve, T(SECANT_NAME) * drawn)
        if not drawn:
            self.secant_curve.setData([], [])
            self.secant_points.setData([], [])
        else:
            x, y = clipped_line(secant.slope, secant.x0, secant.y0, *self.line_reach())
            self.secant_curve.setData(x, y)
            self.secant_points.setData([secant.x0, secant.x0 + secant.h], [secant.y0, secant.y1])
        # The readout was placed clear of the curves before the secant came or moved.
        self.place_label()

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
        _set_legend_entry(self.plot, self.kink_marks, T(KINK_NAME) * bool(len(xs)))


def clipped_line(
    slope: float, x0: float, y0: float, x_reach: tuple[float, float], y_reach: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """The line through (x0, y0) with ``slope`` cut to the window ``x_reach`` × ``y_reach``.

    A steep line (slope 10¹⁰ next to a pole) must not hand Qt end points at ±10¹², which it
    paints as a stray vertical stroke.
    """
    low, high = x_reach
    if slope != 0:
        crossings = sorted(x0 + (y - y0) / slope for y in y_reach)
        low, high = max(low, crossings[0]), min(high, crossings[1])
    elif not y_reach[0] <= y0 <= y_reach[1]:
        return np.zeros(0), np.zeros(0)
    if not (np.isfinite(low) and np.isfinite(high)) or low >= high:
        return np.zeros(0), np.zeros(0)
    x = np.array([low, high])
    return x, y0 + slope * (x - x0)


def _set_legend_entry(plot: PlotView, item, name: str) -> None:
    """List ``item`` in the legend as ``name``, or not at all when ``name`` is empty."""
    listed = any(sample.item is item for sample, _ in plot.legend.items)
    if listed and not name:
        plot.legend.removeItem(item)
    elif name and not listed:
        plot.legend.addItem(item, name)
    else:
        return
    plot.place_legend()  # a new size: it must again hide no curve (and never show empty)


def _spots(width: float, height: float, w: float, h: float) -> list[tuple[float, float]]:
    """Top-left positions of a w × h box in each corner, then mid-edge, then across the plot
    on a grid, in order of preference."""
    right, bottom = max(_MARGIN, width - w - _MARGIN), max(_MARGIN, height - h - _MARGIN)
    middle_x, middle_y = max(_MARGIN, 0.5 * (width - w)), max(_MARGIN, 0.5 * (height - h))
    corners = [(right, _MARGIN), (right, bottom), (_MARGIN, bottom), (_MARGIN, _MARGIN)]
    edges = [(middle_x, _MARGIN), (middle_x, bottom), (right, middle_y), (_MARGIN, middle_y)]
    grid = [
        (
            _MARGIN + (right - _MARGIN) * i / _GRID_STEPS,
            _MARGIN + (bottom - _MARGIN) * j / _GRID_STEPS,
        )
        for j in range(_GRID_STEPS + 1)
        for i in range(_GRID_STEPS + 1)
    ]
    return corners + edges + grid


def _any_inside(points: np.ndarray, area: QRectF) -> bool:
    x, y = points[:, 0], points[:, 1]
    return bool(
        np.any((x >= area.left()) & (x <= area.right()) & (y >= area.top()) & (y <= area.bottom()))
    )


def _pixels(chunks: list[np.ndarray], view, width: float, height: float) -> np.ndarray:
    """Data points (arrays of (x, y) rows) in view-box pixels, y downwards; NaN rows dropped."""
    if not chunks:
        return np.zeros((0, 2))
    (x_low, x_high), (y_low, y_high) = view
    data = np.concatenate(chunks)
    data = data[np.isfinite(data).all(axis=1)]
    px = (data[:, 0] - x_low) / (x_high - x_low) * width
    py = (y_high - data[:, 1]) / (y_high - y_low) * height
    return np.column_stack([px, py])


def _occupancy(points: np.ndarray, width: float, height: float) -> np.ndarray:
    """How many of ``points`` (view-box pixels) lie in each _CELL-pixel cell of the plot, as a
    summed-area table: counting a rectangle is then four look-ups, so trying every spot of the
    grid costs next to nothing on a drag step."""
    columns, rows = int(width // _CELL) + 1, int(height // _CELL) + 1
    x, y = points[:, 0], points[:, 1]
    keep = (x >= 0) & (x < width) & (y >= 0) & (y < height)
    cells = (y[keep] // _CELL).astype(int) * columns + (x[keep] // _CELL).astype(int)
    counts = np.bincount(cells, minlength=rows * columns).reshape(rows, columns)
    table = np.zeros((rows + 1, columns + 1), dtype=np.int64)
    table[1:, 1:] = counts.cumsum(axis=0).cumsum(axis=1)
    return table


def _count_inside(table: np.ndarray, area: QRectF) -> int:
    """The points in the cells ``area`` touches (a cell partly inside counts whole)."""
    rows, columns = table.shape[0] - 1, table.shape[1] - 1
    left = min(max(int(area.left() // _CELL), 0), columns)
    right = min(max(int(area.right() // _CELL) + 1, 0), columns)
    top = min(max(int(area.top() // _CELL), 0), rows)
    bottom = min(max(int(area.bottom() // _CELL) + 1, 0), rows)
    return int(table[bottom, right] - table[top, right] - table[bottom, left] + table[top, left])


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


def _slope(tangent: Tangent) -> str:
    return format_number(tangent.slope)
