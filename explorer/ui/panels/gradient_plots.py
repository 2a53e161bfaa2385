"""The Gradient panel's small plots: the partials as slices through P, and D_u f(P) against θ.

Each is a ``PlotView``; a drag of P only calls ``setData`` on short curves and moves markers.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QWidget

from explorer.core.gradient.point import (
    TWO_PI,
    DirectionExtremes,
    PointAnalysis,
    Slice,
    direction_extremes,
    directional_curve,
    directional_derivative,
)
from explorer.ui.accessible import describe
from explorer.ui.field_items import Paths, screen_marker
from explorer.ui.i18n import Context
from explorer.ui.label_placement import choose_spots, point_box, spots_beside
from explorer.ui.plot import PALETTE, PlotView, make_pen
from explorer.ui.plot_backdrop import Backdrop, axis_items
from explorer.ui.plot_keyboard import KeyboardHandle, PlotKeyboard, item_position
from explorer.ui.plot_style import TANGENT_STYLE

T = Context("GradientPanel")

SLICE_COLOR = PALETTE[0]
TANGENT_COLOR = PALETTE[1]
DIRECTION_COLOR = PALETTE[0]
MAX_COLOR = PALETTE[2]
MIN_COLOR = PALETTE[1]
SMALL_PLOT_MIN_HEIGHT = 125
# What the max and min are called when the plot is too small for the whole sentence.
SHORT_EXTREME_LABELS = ("max |∇f|", "min −|∇f|")
# Room left above and below a curve when its plot's y range has to move, as a part of the
# curve's span: at rest a tenth; while P is dragged, when every new range costs a new picture
# of the axes (about 5 ms, where a step is 6), a quarter, so the curve drifts further before
# the range moves again.
REST_PAD = 0.1
DRAG_PAD = 0.25
# The least part of the y range a curve must fill to keep it: half at rest, less during a drag.
REST_FILL = 0.5
DRAG_FILL = 0.3
# Pixels from a max/min marker's centre that its label keeps clear of (the marker is 12 px).
MARKER_CLEARANCE = 8.0
PI_TICKS = [
    (0.0, "0"),
    (math.pi / 2, "π/2"),
    (math.pi, "π"),
    (3 * math.pi / 2, "3π/2"),
    (TWO_PI, "2π"),
]


class SmallPlot(PlotView):
    """A small plot beside the map: no cursor readout, no legend box (captions say what it is),
    and a small size hint so the side column fits a laptop screen and grows on a big one."""

    def __init__(self, parent: QWidget | None = None, **plot_options: str) -> None:
        super().__init__(parent, **plot_options)
        self.readout_label.setVisible(False)
        self.legend.setVisible(False)
        self.setMinimumHeight(SMALL_PLOT_MIN_HEIGHT)
        self.paths = Paths(self.plot_item, None, z_value=10)
        # While P is dragged on the map, the axes and grid are one picture (see hold_axes).
        self.backdrop = Backdrop(self.plot_widget, lambda: axis_items(self.plot_item))
        self._holding = False

    def hold_axes(self, holding: bool) -> None:
        """A drag that redraws this plot on every step starts (or ends): meanwhile the axes,
        grid and labels are painted once, as one picture, and again only if the view moves."""
        self._holding = holding
        if holding:
            self.backdrop.freeze()
        else:
            self.backdrop.thaw()

    def place_legend(self, *_signal_args: object) -> str:
        # No legend is shown here: skip counting curve samples on every drag step.
        return self.legend_corner()

    def show_curve(
        self, key: str, x: np.ndarray, y: np.ndarray, color: str, style: str = "solid"
    ) -> None:
        """A curve that changes with every drag step (a light curve item, new points only)."""
        self.paths.set(key, x, y, color=color, width=2.0, style=style)

    def curve_data(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        return self.paths.data(key)

    def fit_view(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """Show ``x_range`` and the curve's ``y_range``, moving the view only when needed.

        A new view redraws the axes and their grid (the costly part of a drag step), so y keeps
        its range while the curve still fits and fills at least half of it.
        """
        (x0, x1), (y0, y1) = self.view_range()
        new_y0, new_y1 = y_range
        span = y1 - y0
        fill = DRAG_FILL if self._holding else REST_FILL
        fits = y0 <= new_y0 and new_y1 <= y1 and (new_y1 - new_y0) >= fill * span
        same_x = abs(x0 - x_range[0]) <= 1e-9 * max(1.0, abs(x0)) and abs(
            x1 - x_range[1]
        ) <= 1e-9 * max(1.0, abs(x1))
        if fits and same_x:
            self._keep_axes_held()
            return
        if not fits:
            # Some room around the curve, so small moves of P keep this view.
            pad = (DRAG_PAD if self._holding else REST_PAD) * (new_y1 - new_y0)
            y_range = (new_y0 - pad, new_y1 + pad)
        else:
            y_range = (y0, y1)
        self.set_view_range(x_range, y_range)
        self._keep_axes_held()

    def _keep_axes_held(self) -> None:
        # A new view, or the axes resizing to new tick labels, thawed the picture: take it again.
        if self._holding and not self.backdrop.is_frozen():
            self.backdrop.freeze()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # No taller than the minimum: the side column's wrapped captions make its scroll area
        # size it by height-for-width, from the preferred heights, and 2 × 30 px more made it
        # scroll at 1280×800. The plots still grow into spare height by their stretch.
        return QSize(240, SMALL_PLOT_MIN_HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(160, SMALL_PLOT_MIN_HEIGHT)


class SlicePlot(SmallPlot):
    """t ↦ f with the other coordinate held at P's, and its tangent at P (slope = a partial)."""

    def __init__(self, variable: str, other: str, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            x_label=variable,
            y_label=f"f({variable}, {other}₀)" if variable == "x" else f"f({other}₀, {variable})",
        )
        self.variable = variable
        describe(
            self.plot_widget,
            T.lazy("Slice of f along {variable} through P, with its tangent", variable=variable),
            T.lazy(
                "The slope of the tangent is the partial derivative ∂f/∂{variable} at P",
                variable=variable,
            ),
        )
        self.marker = screen_marker(TANGENT_COLOR)
        self._undefined = False
        self.add_item(self.marker, ignore_bounds=True)

    def show_slice(self, piece: Slice, tangent_half_width: float) -> None:
        self.show_curve("slice", piece.t, piece.values, SLICE_COLOR)
        if math.isfinite(piece.value) and math.isfinite(piece.slope):
            ts, line = piece.tangent(tangent_half_width)
            self.show_curve("tangent", ts, line, TANGENT_COLOR, TANGENT_STYLE)
            _place(self.marker, (piece.at, piece.value))
        else:
            self.show_curve("tangent", np.empty(0), np.empty(0), TANGENT_COLOR, TANGENT_STYLE)
            _place(self.marker, None)
        finite = piece.values[np.isfinite(piece.values)]
        x_range = (float(piece.t[0]), float(piece.t[-1]))
        if finite.size:
            low, high = float(np.min(finite)), float(np.max(finite))
            if math.isfinite(piece.value):
                low, high = min(low, piece.value), max(high, piece.value)
            pad = 0.08 * (high - low) if high > low else max(1.0, abs(high)) * 0.5
            self.fit_view(x_range, (low - pad, high + pad))
        else:
            self.fit_view(x_range, (-1.0, 1.0))
        undefined = not finite.size
        if undefined != self._undefined:
            # Only when it changes: placing the note again on every drag step costs.
            self._undefined = undefined
            self.set_message(T.lazy("f is undefined along this slice") if undefined else None)


class DirectionPlot(SmallPlot):
    """D_u f(P) = ∇f·u against θ over [0, 2π): the current θ, the max |∇f| and min −|∇f|.

    The vertical line at θ can be dragged; ``theta_dragged(θ)`` reports where to.
    """

    theta_dragged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, x_label=T("θ (direction of u)"), y_label="Dᵤ f(P)")
        self.plot_item.getAxis("bottom").setTicks([PI_TICKS, []])
        describe(
            self.plot_widget,
            T.lazy("Plot of the directional derivative against the angle θ"),
            T.lazy("D_u f(P) = ∇f·u for every direction; its maximum is |∇f(P)|"),
        )
        self.theta_line = pg.InfiniteLine(
            angle=90, movable=True, pen=make_pen(DIRECTION_COLOR, 2.0), bounds=(0.0, TWO_PI)
        )
        self.theta_line.setHoverPen(make_pen(DIRECTION_COLOR, 3.5))
        T.tip(self.theta_line, "θ, the direction of u: drag it")
        self.theta_line.sigDragged.connect(
            lambda line: self.theta_dragged.emit(float(line.value()))
        )
        self.add_item(self.theta_line, ignore_bounds=True)
        # ←/→ turn θ as a drag of the line does (wrapping round at 0 and 2π).
        self.keyboard = PlotKeyboard(
            self,
            [
                KeyboardHandle(
                    "θ",
                    position=lambda: item_position(self.theta_line, self),
                    drag_to=lambda x, _y: self.theta_dragged.emit(float(x) % TWO_PI),
                )
            ],
        )
        self.theta_line.sigDragged.connect(lambda _line: self.keyboard.mouse_drag("θ", True))
        self.theta_line.sigPositionChangeFinished.connect(
            lambda _line: self.keyboard.mouse_drag("θ", False)
        )
        self.current = screen_marker(DIRECTION_COLOR)
        self.maximum = screen_marker(MAX_COLOR, "t1", 12)
        self.minimum = screen_marker(MIN_COLOR, "t", 12)
        for item in (self.current, self.maximum, self.minimum):
            self.add_item(item, ignore_bounds=True)
        # Beside the max and min markers, placed in the view box's pixels (_place_labels).
        self.max_label = PixelLabel(MAX_COLOR, self.view_box)
        self.min_label = PixelLabel(MIN_COLOR, self.view_box)
        self._measure = QGraphicsTextItem()
        self._label_sizes: dict[tuple[str, str], tuple[float, float]] = {}
        self._extremes: DirectionExtremes | None = None
        self.view_box.sigResized.connect(self._place_labels)
        self.view_box.sigRangeChanged.connect(self._place_labels)
        self.restyled.connect(self._place_labels)

    def show_analysis(self, analysis: PointAnalysis, theta: float) -> None:
        theta_values, values = directional_curve(analysis)
        # Close the curve at 2π so it spans the whole axis.
        self.show_curve(
            "D", np.append(theta_values, TWO_PI), np.append(values, values[:1]), DIRECTION_COLOR
        )
        extremes = direction_extremes(analysis)
        self._extremes = extremes
        if extremes is None:
            _place(self.maximum, None)
            _place(self.minimum, None)
        else:
            _place(self.maximum, (extremes.max_theta, extremes.max_value))
            _place(self.minimum, (extremes.min_theta, extremes.min_value))
        norm = analysis.norm if math.isfinite(analysis.norm) and analysis.norm > 0 else 1.0
        self.fit_view((0.0, TWO_PI), (-1.3 * norm, 1.3 * norm))
        self._place_labels()
        self.show_theta(analysis, theta)

    def _place_labels(self, *_signal_args: object) -> None:
        """Name the max and min beside their markers, inside the plot, never on each other or
        on a marker, over as little of the curve as can be; shortened ("max |∇f|") when the
        plot is too small for the whole sentence, hidden when even that does not fit."""
        labels = (self.max_label, self.min_label)
        extremes = self._extremes
        area = self.view_box.boundingRect()
        if extremes is None or area.width() <= 0 or area.height() <= 0:
            for label in labels:
                label.setVisible(False)
            return
        box = (area.left(), area.top(), area.width(), area.height())
        points = [
            self.view_box.mapFromView(QPointF(theta, value))
            for theta, value in (
                (extremes.max_theta, extremes.max_value),
                (extremes.min_theta, extremes.min_value),
            )
        ]
        radius = MARKER_CLEARANCE
        markers = [point_box(point.x(), point.y(), radius) for point in points]
        curve = self._curve_pixels()
        for texts in (
            (T("max |∇f|: u along ∇f"), T("min −|∇f|: steepest descent")),
            SHORT_EXTREME_LABELS,
        ):
            spots = choose_spots(
                [
                    spots_beside((point.x(), point.y()), self._text_size(text), box, radius)
                    for point, text in zip(points, texts, strict=True)
                ],
                box,
                keep_clear=markers,
                points=curve,
            )
            if spots is not None:
                for label, text, (left, top, _, _) in zip(labels, texts, spots, strict=True):
                    _set_text(label, text)
                    label.setPos(left, top)
                    label.setVisible(True)
                return
        for label in labels:
            label.setVisible(False)

    def _text_size(self, text: str) -> tuple[float, float]:
        """The pixel size a label showing ``text`` takes (measured once per text and font)."""
        font = self.max_label.font()
        key = (text, font.key())
        size = self._label_sizes.get(key)
        if size is None:
            self._measure.setFont(font)
            self._measure.setPlainText(text)
            rect = self._measure.boundingRect()
            size = self._label_sizes[key] = (rect.width(), rect.height())
        return size

    def _curve_pixels(self) -> np.ndarray:
        x, y = self.curve_data("D")
        if x.size == 0:
            return np.zeros((0, 2))
        (x0, x1), (y0, y1) = self.view_range()
        area = self.view_box.boundingRect()
        px = area.left() + (x - x0) / (x1 - x0) * area.width()
        py = area.top() + (y1 - y) / (y1 - y0) * area.height()
        return np.column_stack([px, py])

    def show_theta(self, analysis: PointAnalysis, theta: float) -> None:
        self.theta_line.blockSignals(True)
        self.theta_line.setValue(theta)
        self.theta_line.blockSignals(False)
        value = directional_derivative(analysis, theta)
        _place(self.current, (theta, value) if math.isfinite(value) else None)


class PixelLabel(QGraphicsTextItem):
    """Plain text placed in the pixels of ``parent`` (a view box), over the plot's items.

    Moved on every drag step, so Qt moves and draws it alone: pyqtgraph's TextItem, a frame
    that keeps the same QGraphicsTextItem upright and unscaled inside a zoomed view, ran Python
    on every move, show and paint, and in the view box's own pixels it has nothing to undo.
    """

    def __init__(self, color: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setDefaultTextColor(pg.mkColor(color))
        self.setZValue(25)

    def setText(self, text: str) -> None:  # noqa: N802 - as pyqtgraph's TextItem
        self.setPlainText(text)


def _set_text(label: PixelLabel, text: str) -> None:
    # setText lays the text out again as HTML: skip it when nothing changes (every drag step).
    if label.toPlainText() != text:
        label.setText(text)


def _place(marker: QGraphicsItem, position: tuple[float, float] | None) -> None:
    marker.setVisible(position is not None)
    if position is not None:
        marker.setPos(*position)
