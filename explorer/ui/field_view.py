"""The shared 2-D field view: a filled contour map of any f(x, y) with points, paths and arrows.

Built on ``PlotView`` (styling, crosshair readout, reset view, export). The map is recomputed
from the function whenever the view is zoomed or panned, so detail never runs out; undefined
regions stay blank. What it shows on top is addressed by key, as curves are in ``PlotView``:

- ``set_function(f)``: ``f(X, Y) -> Z`` on numpy grids (NaN where undefined), or None.
- ``set_polyline(key, x, y, …)``: a path or trajectory (NaN breaks it).
- ``set_markers(key, xs, ys, …)``: fixed points (critical points, iterates).
- ``set_arrows(key, x, y, u, v, …)``: arrows drawn by one item, optionally coloured by size.
- ``add_handle(key, …)`` / ``set_handle(key, x, y)``: a draggable point; ``handle_dragged``.
- ``set_shading(key, mask, color)``: tint the samples of the current grid where ``mask`` holds.
- ``map_clicked(x, y)``: a click (not a drag) on the map.
- ``field_changed(grid)``: the map was recomputed (new function or view); overlays that depend
  on the grid (level set through a point, shading) are redrawn by the owner then.

The numbers (grid, levels, level lines) come from ``explorer.core.gradient.field``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QWidget

from explorer.core.gradient.field import (
    DEFAULT_GRID_SIZE,
    ContourLevels,
    FieldFunction,
    FieldGrid,
    band_indices,
    combined_polyline,
    contour_levels,
    label_anchors,
    level_lines,
    sample_field,
)
from explorer.core.text import format_number
from explorer.ui import palette
from explorer.ui.field_items import (
    ArrowField,
    DraggablePoint,
    Paths,
    PixelPath,
    fixed_marker,
    symbol_path,
)
from explorer.ui.i18n import Context
from explorer.ui.mask_image import MaskImage
from explorer.ui.plot import FOREGROUND, PlotView, make_pen
from explorer.ui.plot_backdrop import Backdrop, axis_items
from explorer.ui.plot_keyboard import KeyboardHandle, PlotKeyboard, item_position
from explorer.ui.polyline_item import Polyline

T = Context("FieldView")

# Band colours: viridis mixed with white so lines, arrows and labels on top stay readable.
COLOR_MAP = "viridis"
BAND_LIGHTEN = 0.35
LEVEL_LINE_COLOR = "#3a3a3a"
# Zoom and pan recompute the map this long after the view stops changing (one frame or two).
RECOMPUTE_DELAY_MS = 30
# Arrows coloured by size use this many steps of the colour map.
ARROW_COLOR_STEPS = 8
COLOR_BAR_WIDTH = 18
READOUT_WIDTH = 360
FIELD_GRID_ALPHA = 0.12
COLOR_BAR_AXIS_WIDTH = 48
# The level labels' and the colour bar's numbers, in points at the normal text size.
LABEL_POINTS = 9


def band_colors(count: int) -> np.ndarray:
    """``count`` RGBA byte colours from the map, lightened, one per band (low to high)."""
    cmap = pg.colormap.get(COLOR_MAP)
    centres = (np.arange(count) + 0.5) / max(count, 1)
    rgba = cmap.map(centres, mode="float")
    rgba[:, :3] = rgba[:, :3] * (1 - BAND_LIGHTEN) + BAND_LIGHTEN
    rgba[:, 3] = 1.0
    return np.round(rgba * 255).astype(np.uint8)


def magnitude_colors(steps: int = ARROW_COLOR_STEPS) -> list[QColor]:
    """Dark-to-warm colours for arrows coloured by their length (short to long)."""
    cmap = pg.colormap.get("plasma")
    rgba = cmap.map(np.linspace(0.0, 0.85, steps), mode="byte")
    return [QColor(int(r), int(g), int(b)) for r, g, b, _ in rgba]


class FieldView(PlotView):
    """A contour map of f(x, y) with a colour bar, labelled level lines and overlays by key."""

    field_changed = Signal(object)
    handle_dragged = Signal(str, float, float)
    # The mouse took the handle ``key`` (handle_released follows when it lets go).
    handle_grabbed = Signal(str)
    handle_released = Signal(str)
    map_clicked = Signal(float, float)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        grid_size: int = DEFAULT_GRID_SIZE,
        lock_aspect: bool = True,
        **plot_options: str | None,
    ):
        """``plot_options`` are PlotView's (``x_label``, ``y_label``, ``title``)."""
        super().__init__(parent, **plot_options)
        # Arrow keys move the handles (P, the start point) as a drag does.
        self.keyboard = PlotKeyboard(self)
        self.grid_size = grid_size
        self._function: FieldFunction | None = None
        self._grid: FieldGrid | None = None
        self._levels: ContourLevels | None = None
        self._level_lines: list = []
        # Equal scales on both axes: the gradient then looks perpendicular to the level lines.
        self.view_box.setAspectLocked(lock_aspect)
        # A fainter grid than PlotView's: here it lies over coloured bands, not white paper.
        self.plot_item.showGrid(x=True, y=True, alpha=FIELD_GRID_ALPHA)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setZValue(-20)
        # Blitted from a screen-sized pixmap on repaints that do not change it (a drag of P)
        # instead of scaling 300×300 samples up again.
        self._image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot_item.addItem(self._image, ignoreBounds=True)
        self._lines = pg.PlotCurveItem(pen=make_pen(LEVEL_LINE_COLOR, 1.0), connect="finite")
        self._lines.setZValue(-10)
        # The map changes only with f or the view; overlays are redrawn on every drag step over
        # a pixmap of these (the bands are one image, cheap to draw anyway).
        self._lines.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot_item.addItem(self._lines, ignoreBounds=True)
        self._labels: list[pg.TextItem] = []
        self._label_font = QFont()
        self._color_bar = pg.ColorBarItem(
            values=(0.0, 1.0),
            width=COLOR_BAR_WIDTH,
            interactive=False,
            colorMapMenu=False,
        )
        self._colour_bar_text()
        self.restyled.connect(self._colour_bar_text)
        self._color_bar.axis.setWidth(COLOR_BAR_AXIS_WIDTH)
        self.plot_item.layout.addItem(self._color_bar, 2, 5)
        self.plot_item.layout.setColumnFixedWidth(4, 8)
        self._color_bar.setFixedWidth(COLOR_BAR_WIDTH + COLOR_BAR_AXIS_WIDTH + 4)
        self._color_bar.setVisible(False)
        self._shadings: dict[str, MaskImage] = {}
        self._markers: dict[str, pg.ScatterPlotItem] = {}
        self._arrows: dict[str, ArrowField] = {}
        self._handles: dict[str, DraggablePoint] = {}
        self._points: dict[str, pg.TargetItem] = {}
        self._paths = Paths(self.plot_item, self.legend, z_value=0.0)
        # While a handle is dragged: the map painted once, shown instead of its items (it
        # thaws by itself when the view is resized or its range changes).
        self._backdrop = Backdrop(self.plot_widget, self._map_items, self._items_over_shading)
        self._recompute = QTimer(self)
        self._recompute.setSingleShot(True)
        self._recompute.setInterval(RECOMPUTE_DELAY_MS)
        self._recompute.timeout.connect(self.refresh)
        self._computed_range: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.view_box.sigRangeChanged.connect(self._on_range_changed)
        self._show_legend_if_used()
        self.plot_widget.scene().sigMouseClicked.connect(self._on_scene_clicked)
        # The cursor readout changes with every mouse move: a fixed size keeps Qt from laying
        # the whole window out again on each move (a label of changing width does that). It sits
        # in a holder that may be narrower than it, so it never sets the map's minimum width (the
        # Descent map beside the Lessons dock at 1280 px); the holder clips what does not fit.
        height = self.readout_label.sizeHint().height()
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        holder.setFixedHeight(height)
        self.layout().replaceWidget(self.readout_label, holder)
        self.readout_label.setParent(holder)
        self.readout_label.setFixedSize(READOUT_WIDTH, height)
        # Opaque (it fills its own background): its new text on every mouse move then repaints
        # it alone, not every widget beneath it up to the window.
        self.readout_label.setAutoFillBackground(True)
        self.readout_label.show()

    # ----- the map ------------------------------------------------------------------------------

    def set_function(self, function: FieldFunction | None) -> None:
        """Show the contour map of ``function`` over the current view (recomputed at once)."""
        self._function = function
        self.refresh()

    def set_recompute_delay(self, milliseconds: int) -> None:
        """How long after the last zoom or pan step the map is recomputed (tests use 0)."""
        self._recompute.setInterval(milliseconds)

    def grid(self) -> FieldGrid | None:
        """The samples behind the map shown now (None before a function is set)."""
        return self._grid

    def levels(self) -> ContourLevels | None:
        return self._levels

    def level_label_texts(self) -> list[str]:
        return [label.toPlainText() for label in self._labels if label.isVisible()]

    def refresh(self) -> None:
        """Sample the function over the view now and redraw the map, lines, labels and bar."""
        self._recompute.stop()
        self._thaw_map()
        if self._function is None:
            self._clear_map()
            return
        x_range, y_range = self.view_range()
        grid = sample_field(self._function, x_range, y_range, self.grid_size)
        self._grid = grid
        self._computed_range = (x_range, y_range)
        self._levels = contour_levels(grid.z)
        self._draw_bands(grid)
        self._draw_level_lines(grid)
        self.set_message(None if self._levels is not None else T.lazy("f has no real values here"))
        self.field_changed.emit(grid)

    def _clear_map(self) -> None:
        self._grid = None
        self._levels = None
        self._image.clear()
        self._lines.setData([], [])
        for label in self._labels:
            label.setVisible(False)
        self._color_bar.setVisible(False)

    def _draw_bands(self, grid: FieldGrid) -> None:
        levels = self._levels
        if levels is None:
            self._image.clear()
            self._color_bar.setVisible(False)
            return
        colors = band_colors(levels.band_count)
        rgba = np.zeros((*grid.z.shape, 4), dtype=np.uint8)
        index = band_indices(grid.z, levels)
        defined = index >= 0
        rgba[defined] = colors[index[defined]]
        self._image.setImage(rgba, autoLevels=False)
        self._image.setRect(pixel_rect(grid))
        positions = np.repeat(np.linspace(0.0, 1.0, levels.band_count + 1), 2)[1:-1]
        self._color_bar.setColorMap(pg.ColorMap(positions, np.repeat(colors, 2, axis=0)))
        self._color_bar.setLevels((levels.low, levels.high))
        ticks = [(float(v), format_number(float(v))) for v in levels.values]
        # Every other edge when bands are thin, so tick labels never overlap.
        stride = 1 if levels.band_count <= 12 else 2
        self._color_bar.axis.setTicks([ticks[::stride], []])
        if not self._color_bar.isVisible():
            self._color_bar.setVisible(True)
            # An axis sizes itself to zero while hidden; give it its room back.
            self._color_bar.axis.setWidth(COLOR_BAR_AXIS_WIDTH)

    def _draw_level_lines(self, grid: FieldGrid) -> None:
        levels = self._levels
        values = [] if levels is None else list(levels.values[1:-1])
        self._level_lines = level_lines(grid, values) if values else []
        x, y = combined_polyline(self._level_lines)
        self._lines.setData(x, y, connect="finite")
        x_range, y_range = grid.x_range, grid.y_range
        pixel = self.view_box.viewPixelSize()
        anchors = label_anchors(self._level_lines, x_range, y_range, pixel)
        while len(self._labels) < len(anchors):
            label = pg.TextItem(anchor=(0.5, 0.5), color=FOREGROUND, fill=(255, 255, 255, 190))
            label.setFont(self._label_font)
            label.setZValue(-5)
            self.plot_item.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        for label, (level, x, y) in zip(self._labels, anchors, strict=False):
            label.setText(format_number(level))
            label.setPos(x, y)
            label.setVisible(True)
        for label in self._labels[len(anchors) :]:
            label.setVisible(False)

    def level_line_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The level lines drawn now, as one NaN-separated polyline."""
        return np.asarray(self._lines.xData), np.asarray(self._lines.yData)

    def _map_items(self) -> list[QGraphicsItem]:
        """What a drag of a handle leaves unchanged and lies under everything that may change:
        bands, level lines and their labels, the colour bar, the axes with their grid and titles.
        (The legend stays live: it is drawn over the paths that move.)

        A shading (|f − L| ≤ tol, redrawn on every step of a drag of P) lies over the bands but
        under the level lines, their labels and the grid: while one is shown, those are a
        picture of their own over it (``_items_over_shading``)."""
        below = [self._image, self._color_bar]
        if self._shading_shown():
            return below
        return [*below, *self._items_over_shading(shading=True)]

    def _items_over_shading(self, *, shading: bool | None = None) -> list[QGraphicsItem]:
        shown = self._shading_shown() if shading is None else shading
        return [self._lines, *self._labels, *axis_items(self.plot_item)] if shown else []

    def _shading_shown(self) -> bool:
        return any(item.isVisible() for item in self._shadings.values())

    def _freeze_map(self) -> None:
        """A handle starts being dragged: until it is let go (or the map or the view changes)
        the map is one pixmap under the overlays (see ``explorer.ui.plot_backdrop``)."""
        if self._grid is not None:
            self._backdrop.freeze()

    def _thaw_map(self, *_args: object) -> None:
        """The map's own items again (the drag ended, or the map or the view changed)."""
        self._backdrop.thaw()

    def is_frozen(self) -> bool:
        """Whether the map is shown as a picture now (a handle is being dragged)."""
        return self._backdrop.is_frozen()

    def _on_range_changed(self, *_args) -> None:
        self._thaw_map()
        if self._function is None or self._computed_range == self.view_range():
            return
        if self._covers_view():
            # Zooming in: the map already covers the view; sharpen it once the view settles.
            self._recompute.start()
        else:
            # Panning, zooming out or an export at another shape: no blank edge, not even briefly.
            self.refresh()

    def _covers_view(self) -> bool:
        if self._computed_range is None:
            return False
        (x0, x1), (y0, y1) = self.view_range()
        (cx0, cx1), (cy0, cy1) = self._computed_range
        return cx0 <= x0 and x1 <= cx1 and cy0 <= y0 and y1 <= cy1

    # ----- overlays -----------------------------------------------------------------------------

    def set_polyline(
        self,
        key: str,
        x: Sequence[float] | np.ndarray,
        y: Sequence[float] | np.ndarray,
        *,
        color: str,
        width: float = 2.0,
        style: str = "solid",
        name: str | None = None,
    ) -> Polyline:
        """A path through the points (a level curve, a tangent, a descent trajectory); NaN
        breaks it; ``name`` gives it a legend entry.

        Cheap to call on every drag step: a light curve item (``Paths``) that only takes the new
        points, drawn directly (a cached pixmap would be re-rendered every frame); the legend
        keeps its corner until the view changes.
        """
        item = self._paths.set(key, x, y, color=color, width=width, style=style, name=name)
        self._show_legend_if_used()
        return item

    def polyline_data(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The points of the path ``key`` as last set (empty arrays when there is none)."""
        return self._paths.data(key)

    def legend_theme(self) -> palette.Theme:
        # The legend sits over the map, which is light in both themes, and lists the dark lines
        # drawn on it (the level curve through P): light colours keep those readable.
        return palette.LIGHT

    def _colour_bar_text(self) -> None:
        # The colour bar's numbers are on the plot's background, which follows the theme; they
        # and the level labels grow with the text size (Ctrl+=, presentation mode).
        pen = pg.mkPen(self.theme.foreground)
        self._color_bar.axis.setTextPen(pen)
        self._color_bar.axis.setPen(pen)
        tick_font = QFont()
        tick_font.setPointSizeF(self.point_size(LABEL_POINTS))
        self._color_bar.axis.setTickFont(tick_font)
        self._label_font.setPointSizeF(self.point_size(LABEL_POINTS))
        for label in self._labels:
            label.setFont(self._label_font)

    def _show_legend_if_used(self) -> None:
        # The map explains itself through its colour bar; an empty legend box would be clutter.
        self.legend.setVisible(bool(self.legend.items))

    def set_markers(
        self,
        key: str,
        xs: Sequence[float] | np.ndarray,
        ys: Sequence[float] | np.ndarray,
        *,
        color: str | Sequence[str],
        symbol: str | Sequence[str] = "o",
        size: float = 11.0,
        tooltips: Sequence[str] | None = None,
        name: str | None = None,
    ) -> pg.ScatterPlotItem:
        """Fixed points by key; ``color`` and ``symbol`` may be one for all or one per point.

        ``name`` gives the set a legend entry while it has points.
        """
        item = self._markers.get(key)
        if item is None:
            item = pg.ScatterPlotItem(pxMode=True)
            item.setZValue(20)
            self.plot_item.addItem(item, ignoreBounds=True)
            self._markers[key] = item
        count = len(xs)
        # One value for all points sets the item's own style too, which its legend sample shows.
        brush = pg.mkBrush(color) if isinstance(color, str) else [pg.mkBrush(c) for c in color]
        item.setData(
            x=np.asarray(xs, dtype=float),
            y=np.asarray(ys, dtype=float),
            symbol=symbol if isinstance(symbol, str) else list(symbol),
            brush=brush,
            pen=make_pen(FOREGROUND, 1.2),
            size=size,
            data=list(tooltips) if tooltips else None,
        )
        item.setToolTip("\n".join(tooltips) if tooltips else "")
        # An empty set is not painted at all (four of them sit under every drag step).
        item.setVisible(count > 0)
        self.legend.removeItem(item)
        if name and count:
            self.legend.addItem(item, name)
        self._show_legend_if_used()
        return item

    def set_point(
        self,
        key: str,
        position: tuple[float, float] | None,
        *,
        color: str,
        symbol: str = "o",
        size: float = 10.0,
        tooltip: str = "",
    ) -> None:
        """One fixed point by key (None hides it); cheap to move on every drag step."""
        item = self._points.get(key)
        if item is None:
            item = point_marker(color, symbol, size)
            item.setToolTip(tooltip)
            self.plot_item.addItem(item, ignoreBounds=True)
            self._points[key] = item
        item.setVisible(position is not None)
        if position is not None:
            item.setPos(QPointF(*position))

    def point_position(self, key: str) -> tuple[float, float] | None:
        item = self._points.get(key)
        if item is None or not item.isVisible():
            return None
        return float(item.pos().x()), float(item.pos().y())

    def marker_positions(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        item = self._markers.get(key)
        if item is None:
            return np.empty(0), np.empty(0)
        x, y = item.getData()
        return np.asarray(x), np.asarray(y)

    def set_arrows(
        self,
        key: str,
        x: np.ndarray,
        y: np.ndarray,
        u: np.ndarray,
        v: np.ndarray,
        *,
        color: str | None = None,
        magnitudes: np.ndarray | None = None,
        width: float = 1.5,
        z_value: float = 10.0,
    ) -> ArrowField:
        """Arrows (x, y) → (x + u, y + v); one ``color``, or coloured by ``magnitudes``."""
        item = self._arrows.get(key)
        if item is None:
            item = ArrowField(width)
            item.setZValue(z_value)
            self.plot_item.addItem(item, ignoreBounds=True)
            self._arrows[key] = item
        item.set_width(width)
        if magnitudes is None:
            item.set_arrows(x, y, u, v, [color or FOREGROUND])
        else:
            palette = magnitude_colors()
            item.set_arrows(x, y, u, v, palette, magnitude_bins(magnitudes, len(palette)))
        return item

    def arrows(self, key: str) -> ArrowField | None:
        return self._arrows.get(key)

    def add_handle(
        self, key: str, *, color: str, tooltip: str = "", name: object = None
    ) -> DraggablePoint:
        """A draggable point; drags emit ``handle_dragged(key, x, y)``; the owner moves it.
        ``name`` (a text, ``key`` by default) is what the keyboard description calls it."""
        handle = self._handles.get(key)
        if handle is None:
            handle = DraggablePoint(color, tooltip=tooltip)
            handle.dragged.connect(lambda x, y, k=key: self.handle_dragged.emit(k, x, y))
            handle.drag_started.connect(self._freeze_map)
            handle.drag_started.connect(lambda k=key: self.keyboard.mouse_drag(k, True))
            handle.drag_started.connect(lambda k=key: self.handle_grabbed.emit(k))
            handle.drag_finished.connect(self._thaw_map)
            handle.drag_finished.connect(lambda k=key: self.keyboard.mouse_drag(k, False))
            handle.drag_finished.connect(lambda k=key: self.handle_released.emit(k))
            self.plot_item.addItem(handle, ignoreBounds=True)
            self._handles[key] = handle
            self.keyboard.add(
                KeyboardHandle(
                    key if name is None else name,
                    position=lambda h=handle: item_position(h, self),
                    drag_to=lambda x, y, k=key: self.handle_dragged.emit(k, x, y),
                    release=lambda k=key: self.handle_released.emit(k),
                    vertical=True,
                )
            )
        return handle

    def set_handle(self, key: str, x: float, y: float) -> None:
        # Emits nothing (only a drag by the mouse does); Qt skips a move to where it is.
        self._handles[key].setPos(QPointF(x, y))

    def handle(self, key: str) -> DraggablePoint:
        return self._handles[key]

    def set_shading(self, key: str, mask: np.ndarray | None, color: str) -> None:
        """Tint the current grid's samples where ``mask`` is True (None or no grid: nothing)."""
        item = self._shadings.get(key)
        if item is None:
            item = MaskImage()
            item.setZValue(-15)
            self.plot_item.addItem(item, ignoreBounds=True)
            self._shadings[key] = item
        if mask is None or self._grid is None or mask.shape != self._grid.z.shape:
            item.setVisible(False)
            return
        item.set_mask(mask, QColor(color), pixel_rect(self._grid))
        item.setVisible(True)

    def shading_visible(self, key: str) -> bool:
        item = self._shadings.get(key)
        return item is not None and item.isVisible()

    def remove_overlay(self, key: str) -> None:
        """Remove whatever overlay (path, markers, arrows, handle, shading) is called ``key``."""
        self.remove_curve(key)
        self._paths.remove(key)
        for store in (self._markers, self._arrows, self._handles, self._shadings, self._points):
            item = store.pop(key, None)
            if item is not None:
                self.legend.removeItem(item)
                self.plot_item.removeItem(item)
        self._show_legend_if_used()

    # ----- clicks -------------------------------------------------------------------------------

    def _on_scene_clicked(self, event) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton or event.isAccepted():
            return
        scene_pos = event.scenePos()
        if not self.view_box.sceneBoundingRect().contains(scene_pos):
            return
        point = self.view_box.mapSceneToView(scene_pos)
        self.map_clicked.emit(float(point.x()), float(point.y()))


def point_marker(color: str, symbol: str = "o", size: float = 10.0) -> PixelPath:
    """A fixed round (or ``symbol``) point in data coordinates, ``size`` pixels across: moving
    it is a setPos that Qt does alone (the same outline pyqtgraph's TargetItem drew)."""
    return fixed_marker(symbol_path(symbol, size), color, 1.2)


def pixel_rect(grid: FieldGrid) -> pg.QtCore.QRectF:
    """The rectangle an image of ``grid`` covers: each sample is the centre of its pixel."""
    nx, ny = grid.xs.size, grid.ys.size
    dx = (grid.xs[-1] - grid.xs[0]) / max(nx - 1, 1)
    dy = (grid.ys[-1] - grid.ys[0]) / max(ny - 1, 1)
    return pg.QtCore.QRectF(
        grid.xs[0] - dx / 2, grid.ys[0] - dy / 2, dx * nx or 1.0, dy * ny or 1.0
    )


def magnitude_bins(magnitudes: np.ndarray, steps: int) -> np.ndarray:
    """Which of ``steps`` colours each magnitude gets, from the smallest finite to the largest."""
    values = np.asarray(magnitudes, dtype=float).reshape(-1)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.zeros(values.size, dtype=int)
    low, high = float(finite.min()), float(finite.max())
    if high <= low:
        return np.full(values.size, steps - 1, dtype=int)
    scaled = np.nan_to_num((values - low) / (high - low), nan=0.0)
    return np.clip((scaled * steps).astype(int), 0, steps - 1)
