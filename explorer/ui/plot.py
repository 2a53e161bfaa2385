"""The one plot component every panel uses: styled pyqtgraph plot, legend, cursor readout, reset."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from explorer.core.text import typographic_minus
from explorer.ui import i18n, palette
from explorer.ui.accessible import show_focus_frame
from explorer.ui.appearance import line_scale, text_scale, theme_for
from explorer.ui.i18n import Context
from explorer.ui.plot_axes import EDGE_LABEL_ROOM_X, EDGE_LABEL_ROOM_Y, EdgeLabelAxis
from explorer.ui.plot_legend import CORNERS, LineSample, best_corner, corner_counts
from explorer.ui.plot_note import NoteRow
from explorer.ui.plot_scene import skip_hover_search_while_dragging
from explorer.ui.plot_style import (
    base_pen_width,
    line_pen,
    line_pen_items,
    make_pen,
    scale_pen_width,
    set_line_pen,
)
from explorer.ui.screen_only import HiddenInExport

T = Context("PlotView")

# Colour-blind safe (Okabe–Ito); a curve without a colour of its own takes the next one.
PALETTE: tuple[str, ...] = palette.CURVE_CYCLE
# Light-theme text and axes; a PlotView takes its colours from its palette's theme (restyle).
FOREGROUND = palette.FOREGROUND
GRID_ALPHA = 0.25
# Curves with at least this many samples are kept as a pixmap between repaints (see PlotView).
CACHE_MIN_POINTS = 200
# Gap (px) between the legend and the corner of the plot area it sits in.
LEGEND_MARGIN = 10
# The legend's background alpha: it only ever sits over empty space (or outside the plot area).
LEGEND_ALPHA_CLEAR = 220
# Where the legend goes when every corner would hide part of a curve (a*sin(b*x) peaks in all
# four): into the title row above the plot area (exported with it), as coloured line samples.
OUTSIDE = "outside"
_SAMPLE_DASHES = {
    Qt.PenStyle.DashLine: "╌╌",
    Qt.PenStyle.DotLine: "┈┈",
    # Two periods each: one "╸·╸" and one "╸··╸" were too short to tell apart.
    Qt.PenStyle.DashDotLine: "━·━·━",
    Qt.PenStyle.DashDotDotLine: "━··━··━",
}
# Point sizes of the plot's text at the app's normal text size; they grow with Ctrl+= and in
# presentation mode.
TICK_POINTS = 10
LABEL_POINTS = 12
TITLE_POINTS = 13
LEGEND_POINTS = 11
MESSAGE_POINTS = 13
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
# Items kept as pixmaps share Qt's one QPixmapCache, 10 MB by default: five curves and two axes
# of a 900×700 plot need 18 MB, and past the limit every repaint renders each of them into a
# new pixmap again (the Function tab's repaint took 24 ms instead of 2). Room for a few plots
# on a 2× screen; memory is only used for what is cached.
PIXMAP_CACHE_KB = 128 * 1024
_UNCACHED = QGraphicsItem.CacheMode.NoCache
_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
# The theme, the text size or presentation mode changed (see explorer.ui.appearance).
_RESTYLE_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.FontChange,
    QEvent.Type.ApplicationFontChange,
)


class CrosshairLine(pg.InfiniteLine):
    """A line of the crosshair that follows the mouse; it hides itself while exported.

    It moves on every mouse move (every step of a drag on a map), so it moves lightly: a
    vertical or horizontal line's bounds and ends, in its own coordinates, are the view's extent
    along it whatever its position, so a move keeps them (pyqtgraph's setPos measures them
    again, ~0.1 ms, at the next paint) and only the view changing measures them anew; the paint
    draws the same line with the same pen, without pyqtgraph's Point objects.
    """

    def __init__(self, angle: float, pen: QPen) -> None:
        super().__init__(angle=angle, movable=False, pen=pen)
        # Called by explorer.ui.export_scene around a render (pyqtgraph's setExportMode).
        self.export_mode = HiddenInExport(self)

    def setPos(self, pos) -> None:  # noqa: N802 - pyqtgraph's name
        if self._boundingRect is None or not isinstance(pos, float | int):
            super().setPos(pos)  # measured anew at the next paint anyway
            return
        position = [float(pos), 0.0] if self.angle == 90 else [0.0, float(pos)]
        if self.p != position:
            self.p = position
            pg.GraphicsObject.setPos(self, QPointF(*position))
            self.sigPositionChanged.emit(self)

    def itemChange(self, change, value):  # noqa: N802 - Qt override
        # pyqtgraph tells the view box that the item's bounds moved, so an auto-range can follow;
        # the crosshair is left out of the range (ignoreBounds), so a move need not say so.
        if change == _POSITION_CHANGED:
            return value
        return super().itemChange(change, value)

    def paint(self, painter, *_args) -> None:
        # pyqtgraph's InfiniteLine.paint for a line at 0° or 90° without markers.
        left, right = self._endPoints
        pen = self.currentPen
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawLine(QLineF(left, 0.0, right, 0.0))


class CursorReadout(QLabel):
    """The mouse position under a plot, as text the mouse can select (to copy it).

    Its text changes on every mouse move over the plot, and a label whose text can be selected
    keeps it as a document, painted ~2.5× slower than plain text. The text can only be selected
    with the pointer on the label (or kept selected while the label has the focus), and the
    pointer is then not over the plot: the label is selectable exactly then. Both paint the same
    pixels.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._selectable(False)

    def _selectable(self, on: bool) -> None:
        flags = _SELECTABLE if on else Qt.TextInteractionFlag.NoTextInteraction
        if self.textInteractionFlags() != flags:
            self.setTextInteractionFlags(flags)

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._selectable(True)
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        if not self.hasFocus():
            self._selectable(False)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if not self.underMouse():
            self._selectable(False)


def _legend_entry_html(sample: pg.ItemSample, label: pg.LabelItem, foreground: str) -> str:
    """A legend entry as rich text: a short line in the curve's colour and style, its name."""
    pen = sample.item.opts.get("pen")
    colour = pen.color().name() if isinstance(pen, QPen) else foreground
    line = _SAMPLE_DASHES.get(pen.style() if isinstance(pen, QPen) else None, "━━")
    return f"<span style='color:{colour}'>{line}</span>&nbsp;{label.text}"


def readout_decimals(span: float) -> int:
    """How many decimals make a cursor coordinate meaningful for a view ``span`` units wide."""
    if not math.isfinite(span) or span <= 0:
        return 3
    return int(min(12, max(0, 3 - math.floor(math.log10(span)))))


class PlotView(QWidget):
    """A pyqtgraph plot with the app's styling and the behaviour every panel shares.

    Curves are addressed by a key of the caller's choosing, so a panel updates "f" or "tangent"
    without keeping item handles. NaN in ``y`` stays a gap (``connect="finite"``): samplers put
    NaN at poles and jumps, and no line is ever drawn across them.

    Repaints that change nothing of a curve (the crosshair following the mouse, a tangent being
    dragged) blit the long curves and the axes from a pixmap instead of redrawing thousands of
    thick segments and the grid: ~10 ms → ~0.5 ms a frame for a 2,000-point curve. Short
    curves (a tangent's two points) are drawn directly, as they change every frame anyway. The
    export module paints with every item's cache switched off, so PNG and SVG stay crisp
    vectors. (pyqtgraph's clip-to-view and peak downsampling were measured too and did not help
    at these sizes; ``skipFiniteCheck`` would break the NaN gaps.)
    """

    cursor_moved = Signal(float, float)
    # After the theme, text size or presentation mode changed this plot's colours or sizes;
    # panels restyle their own items (handles, labels) from ``theme`` then.
    restyled = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        x_label: str = "x",
        y_label: str = "y",
        title: str | None = None,
    ):
        super().__init__(parent)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.theme: palette.Theme = theme_for(self.palette())
        self._text_scale = text_scale()
        # No right-click menu: pyqtgraph's offers its own (dialog-opening) export, ours is in File.
        # Without it the view box builds no menu at all; the plot item's options menu is built
        # anyway, as a parentless window that only Python's collector would free: it goes with
        # the plot widget instead.
        self.plot_widget = pg.PlotWidget(
            background=self.theme.background,
            axisItems={side: EdgeLabelAxis(side) for side in ("left", "bottom")},
            enableMenu=False,
        )
        options_menu = self.plot_widget.getPlotItem().ctrlMenu
        options_menu.setParent(self.plot_widget, options_menu.windowFlags())
        self.plot_widget.setObjectName("plotWidget")
        skip_hover_search_while_dragging(self.plot_widget.scene())
        show_focus_frame(self.plot_widget)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.view_box: pg.ViewBox = self.plot_item.getViewBox()
        self._curves: dict[str, pg.PlotDataItem] = {}
        # The colour each curve was asked for (a role), so a theme change can redraw it.
        self._curve_colours: dict[str, str | QColor] = {}
        self._home_range: tuple[tuple[float, float], tuple[float, float] | None] | None = None
        self._style_plot(x_label, y_label, title)
        self._build_overlays()
        self._build_readout()
        self.reset_view_action = T.action(self, "Reset view")
        self.reset_view_action.setShortcut(QKeySequence("Ctrl+0"))
        T.tip(self.reset_view_action, "Show the whole curve again (Ctrl+0)")
        self.reset_view_action.triggered.connect(self.reset_view)
        self.origin_axes_action = T.action(self, "Axes Through the Origin")
        self.origin_axes_action.setCheckable(True)
        T.tip(
            self.origin_axes_action,
            "Draw the x- and y-axes through (0, 0), as Desmos and GeoGebra do",
        )
        self.origin_axes_action.toggled.connect(self.set_axes_through_origin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        # A note that no spot inside the plot would leave every curve in sight goes here.
        self.note_row = NoteRow()
        layout.addWidget(self.note_row)
        layout.addWidget(self.readout_label)
        self.fit_pens_to_screen()

    # ----- construction -------------------------------------------------------------------------

    def _style_plot(self, x_label: str, y_label: str, title: str | None) -> None:
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).setCacheMode(_CACHED)
        self.plot_item.setLabel("bottom", x_label)
        self.plot_item.setLabel("left", y_label)
        self._title = title
        self._title_points = TITLE_POINTS
        self.plot_item.showGrid(x=True, y=True, alpha=GRID_ALPHA)
        # Room on the right and top so the last tick labels are not cut off at the edge.
        self.plot_item.layout.setContentsMargins(2, EDGE_LABEL_ROOM_Y, EDGE_LABEL_ROOM_X, 2)
        self._legend_corner = "top-left"
        self.legend = self.plot_item.addLegend(
            offset=(LEGEND_MARGIN, LEGEND_MARGIN), sampleType=LineSample
        )
        self._legend_room = 0.0  # px the plot area gives up above it while the legend is outside
        self.legend.setVisible(False)  # until it has an entry: never an empty box
        # pyqtgraph's "A" (auto-range) button duplicates View ▸ Reset view and puzzles learners.
        self.plot_item.hideButtons()
        self._apply_text_and_colours()

    def point_size(self, base: float) -> float:
        """Text drawn ``base`` points at the normal text size is this large now."""
        return base * self._text_scale

    def _css_points(self, base: float) -> str:
        return f"{self.point_size(base):.3g}pt"

    def _apply_text_and_colours(self) -> None:
        """Colour and size the axes, labels, title and legend for the theme and text size."""
        theme = self.theme
        self.plot_widget.setBackground(theme.background)
        tick_font = QFont()
        tick_font.setPointSizeF(self.point_size(TICK_POINTS))
        label_style = {"color": theme.foreground, "font-size": self._css_points(LABEL_POINTS)}
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(theme.foreground, width=1))
            axis.setTextPen(pg.mkPen(theme.foreground))
            axis.setTickFont(tick_font)
            axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix, **label_style)
        if self._title:
            self._set_title()
        legend = self.legend_theme()
        self.legend.setLabelTextColor(legend.foreground)
        self.legend.setLabelTextSize(self._css_points(LEGEND_POINTS))
        # The two setters above only reach entries added later; restyle those already shown.
        for _sample, label in self.legend.items:
            label.setText(label.text, color=legend.foreground, size=self._css_points(LEGEND_POINTS))
        self.legend.setPen(pg.mkPen(legend.legend_border))
        fill = QColor(legend.legend_fill)
        fill.setAlpha(LEGEND_ALPHA_CLEAR)
        self.legend.setBrush(pg.mkBrush(fill))

    def legend_theme(self) -> palette.Theme:
        """The colours of the legend box: the plot's theme (a view whose legend sits over a
        light colour map and lists dark lines drawn on it keeps the light ones)."""
        return self.theme

    def _set_title(self) -> None:
        self.plot_item.setTitle(
            self._title, color=self.theme.foreground, size=self._css_points(self._title_points)
        )

    def _build_overlays(self) -> None:
        cross_pen = make_pen(self.theme.crosshair, width=1, style="dash")
        self._cross_v = CrosshairLine(90, cross_pen)
        self._cross_h = CrosshairLine(0, cross_pen)
        for line in (self._cross_v, self._cross_h):
            line.setVisible(False)
            self.plot_item.addItem(line, ignoreBounds=True)
        # The axes through the origin (off until asked for); exported with the plot.
        axis_pen = make_pen(self.theme.foreground, width=1.4)
        self._origin_axes = (
            pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=axis_pen),
            pg.InfiniteLine(pos=0.0, angle=0, movable=False, pen=axis_pen),
        )
        for line in self._origin_axes:
            line.setVisible(False)
            line.setZValue(-5)  # under the curves, over the grid
            self.plot_item.addItem(line, ignoreBounds=True)
        # A centred note inside the plot area ("No real values in this range"); exported with it.
        self._message = pg.TextItem(anchor=(0.5, 0.5), color=self.theme.foreground)
        message_font = QFont()
        message_font.setPointSizeF(self.point_size(MESSAGE_POINTS))
        self._message.setFont(message_font)
        self._message.setParentItem(self.view_box)
        self._message.setVisible(False)
        self.view_box.sigResized.connect(self._centre_message)
        # Synchronous, so an export (which lays the plot out at its own size) moves it too.
        self.view_box.sigResized.connect(self.place_legend)
        self.view_box.sigRangeChanged.connect(self.place_legend)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _build_readout(self) -> None:
        self.readout_label = CursorReadout(" ")
        self.readout_label.setObjectName("cursorReadout")
        T.tip(self.readout_label, "Mouse position in plot coordinates")

    # ----- curves and items ---------------------------------------------------------------------

    def set_curve(
        self,
        key: str,
        x: Sequence[float] | np.ndarray,
        y: Sequence[float] | np.ndarray,
        *,
        name: str | None = None,
        color: str | QColor | None = None,
        width: float = 2.0,
        style: str = "solid",
    ) -> pg.PlotDataItem:
        """Create or replace the curve called ``key``; NaN in ``y`` becomes a gap in the line.

        ``name`` is shown in the legend (no legend entry when None); ``color`` defaults to the
        next palette colour; ``style`` is one of plot_style's ("solid", "dash", "dot", …).
        """
        x_array = np.asarray(x, dtype=float)
        y_array = np.asarray(y, dtype=float)
        if x_array.shape != y_array.shape:
            raise ValueError(f"x and y differ in shape: {x_array.shape} vs {y_array.shape}")
        if color is None:
            color = PALETTE[len(self._curves) % len(PALETTE)]
        self._curve_colours[key] = color
        ratio = self.pen_scale()
        pen = make_pen(palette.curve_colour(color, self.theme), width * ratio, style)
        item = self._curves.get(key)
        if item is None:
            item = pg.PlotDataItem(connect="finite", pen=pen, name=name)
            self._curves[key] = item
            self.plot_item.addItem(item)
            # Panels also move curves with item.setData (a dragged tangent); follow those too.
            item.sigPlotChanged.connect(self.place_legend)
        else:
            item.setPen(pen)
            self._rename_legend_entry(item, name)
        scale_pen_width(item, width, ratio)
        item.setData(x_array, y_array, connect="finite")
        item.curve.setCacheMode(_CACHED if x_array.size >= CACHE_MIN_POINTS else _UNCACHED)
        return item

    def _rename_legend_entry(self, item: pg.PlotDataItem, name: str | None) -> None:
        if item.name() == name:
            return
        self.legend.removeItem(item)
        item.opts["name"] = name
        if name:
            self.legend.addItem(item, name)

    def curve(self, key: str) -> pg.PlotDataItem | None:
        """The curve item called ``key``, or None."""
        return self._curves.get(key)

    def curve_keys(self) -> list[str]:
        return list(self._curves)

    def curve_data(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The x and y arrays last given to pyqtgraph for ``key`` (NaN gaps included)."""
        item = self._curves[key]
        return np.asarray(item.xData), np.asarray(item.yData)

    def remove_curve(self, key: str) -> None:
        """Remove the curve called ``key`` (and its legend entry); unknown keys are ignored."""
        item = self._curves.pop(key, None)
        self._curve_colours.pop(key, None)
        if item is not None:
            self.plot_item.removeItem(item)
            self.place_legend()

    def clear_curves(self) -> None:
        for key in list(self._curves):
            self.remove_curve(key)

    def add_item(self, item: pg.GraphicsObject, *, ignore_bounds: bool = False) -> None:
        """Add any pyqtgraph item (InfiniteLine, ScatterPlotItem, TargetItem, ...) to the plot."""
        self.plot_item.addItem(item, ignoreBounds=ignore_bounds)
        self.fit_pens_to_screen()

    def pen_scale(self) -> float:
        """Line widths are drawn this many times their base: the screen's pixel ratio, times
        presentation mode's thicker lines."""
        return self.devicePixelRatioF() * line_scale()

    def fit_pens_to_screen(self) -> None:
        """Draw every line (curves, crosshair, axes and grid) at its width times pen_scale().

        Cosmetic pen widths count device pixels, so on a 2x screen a 2-pixel curve would be half
        as thick as at 1x next to text that Qt scales; exports start from the base widths.
        """
        ratio = self.pen_scale()
        for item in line_pen_items(self.plot_widget.scene()):
            scale_pen_width(item, base_pen_width(item), ratio)

    def restyle(self) -> None:
        """Follow the palette (light or dark theme) and the app's text size and line scale."""
        theme = theme_for(self.palette())
        scale = text_scale()
        if theme != self.theme or scale != self._text_scale:
            # Axis pens are replaced here; their base width (1) is rescaled just below.
            self.theme, self._text_scale = theme, scale
            self._apply_text_and_colours()
            self._recolour_curves()
            cross_pen = make_pen(theme.crosshair, width=1, style="dash")
            self._cross_v.setPen(cross_pen)
            self._cross_h.setPen(cross_pen)
            for line in self._origin_axes:
                line.setPen(make_pen(theme.foreground, width=1.4))
            self._message.setColor(theme.foreground)
            font = self._message.textItem.font()
            font.setPointSizeF(self.point_size(MESSAGE_POINTS))
            self._message.setFont(font)
            if self._legend_corner == OUTSIDE:
                self._show_entries_in_title()
            self.place_legend()
        # Panels restyle their own items first, so their new pens are scaled too.
        self.restyled.emit()
        self.fit_pens_to_screen()

    def _recolour_curves(self) -> None:
        for key, item in self._curves.items():
            pen = line_pen(item)
            colour = self._curve_colours.get(key)
            if pen is None or colour is None:
                continue
            pen.setColor(pg.mkColor(palette.curve_colour(colour, self.theme)))
            set_line_pen(item, pen)

    def event(self, event: QEvent) -> bool:
        # Moving to a screen with another ratio, or being shown on one, must rescale the pens.
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.Show):
            self.fit_pens_to_screen()
        elif event.type() in _RESTYLE_EVENTS:
            self.restyle()
        return super().event(event)

    def remove_item(self, item: pg.GraphicsObject) -> None:
        self.plot_item.removeItem(item)

    def legend_corner(self) -> str:
        """Where the legend is: "top-left", "top-right", "bottom-left", "bottom-right", or
        "outside" (above the plot area) when every corner would hide part of a curve."""
        return self._legend_corner

    def place_legend(self, *_signal_args: object) -> str:
        """Put the legend where it hides no curve: a free corner of the plot area, else above it.

        Runs whenever curves, the visible range or the plot's size change; counting a few
        thousand samples against four rectangles costs well under a millisecond. The corners
        are judged on the area as it is with the legend inside, so the choice does not flip
        back and forth as the area gives up room for a legend outside. A legend without
        entries is hidden.
        """
        self.legend.setVisible(bool(self.legend.items) and self._legend_corner != OUTSIDE)
        if not self.legend.items:
            if self._legend_corner == OUTSIDE:
                self._move_legend("top-left")
            self.legend.setVisible(False)
            return self._legend_corner
        area = self.view_box.boundingRect()
        legend = self.legend.boundingRect()
        # getData() is what is drawn, in view coordinates: log10 of the data on log axes.
        curves = [
            item.getData()
            for item in self._curves.values()
            if item.xData is not None and item.isVisible()
        ]
        counts = corner_counts(
            curves,
            self.view_range(),
            (area.width(), area.height() + self._legend_room),
            (legend.width(), legend.height()),
            LEGEND_MARGIN,
        )
        current = self._legend_corner if self._legend_corner in CORNERS else "top-left"
        corner = best_corner(counts, current)
        if counts[corner]:
            corner = OUTSIDE
        if corner != self._legend_corner or corner == OUTSIDE:
            self._move_legend(corner)
        return corner

    def set_title(self, title: str | None, *, points: float = TITLE_POINTS) -> None:
        """The plot's title (rich text), kept when the legend moves into the title row and out.

        Panels set their title here, never on the plot item: moving the legend rewrites the
        title row, and would otherwise drop a title the plot did not know about.
        """
        self._title, self._title_points = title, points
        if self._legend_corner == OUTSIDE:
            self._show_entries_in_title()
        else:
            self._set_title()

    def _show_entries_in_title(self) -> None:
        """The legend's entries in the title row: side by side, or one a line if that is too
        wide for the plot; the row grows to fit them."""
        foreground = self.theme.foreground
        entries = [_legend_entry_html(*entry, foreground) for entry in self.legend.items]
        head = [self._title] if self._title else []
        for separator in ("&nbsp;&nbsp;&nbsp;", "<br>"):
            self.plot_item.setTitle(
                "<br>".join([*head, separator.join(entries)]),
                color=foreground,
                size=self._css_points(LEGEND_POINTS),
            )
            text = self.plot_item.titleLabel.item.boundingRect()
            if text.width() <= self.plot_item.boundingRect().width():
                break
        self.plot_item.titleLabel.setMaximumHeight(text.height())
        self.plot_item.layout.setRowFixedHeight(0, text.height())

    def _move_legend(self, corner: str) -> None:
        # The legend item stays a child of the view box (moving it to another parent leaves
        # pyqtgraph's anchoring tied to the old one); outside, the title row shows its entries.
        self._legend_corner = corner
        height_before = self.view_box.boundingRect().height()
        if corner == OUTSIDE:
            self.legend.setVisible(False)
            self._show_entries_in_title()
        else:
            sign_x, sign_y = CORNERS[corner]
            self.legend.setOffset((sign_x * LEGEND_MARGIN, sign_y * LEGEND_MARGIN))
            self._set_title()
        # Now, not at the next event: an export may come next.
        self.plot_item.layout.activate()
        lost = height_before - self.view_box.boundingRect().height()
        self._legend_room = max(0.0, self._legend_room + lost) if corner == OUTSIDE else 0.0

    # ----- view ---------------------------------------------------------------------------------

    def set_view_range(
        self,
        x_range: tuple[float, float],
        y_range: tuple[float, float] | None = None,
        *,
        remember: bool = True,
    ) -> None:
        """Show ``x_range`` (and ``y_range``, or fit y to the data) without padding.

        With ``remember`` the range also becomes what "Reset view" returns to.
        """
        if remember:
            self._home_range = (tuple(x_range), None if y_range is None else tuple(y_range))
        self.view_box.enableAutoRange(enable=False)
        self.view_box.setXRange(*x_range, padding=0)
        if y_range is None:
            self.view_box.enableAutoRange(axis=pg.ViewBox.YAxis, enable=True)
        else:
            self.view_box.setYRange(*y_range, padding=0)

    def set_home_range(
        self, x_range: tuple[float, float], y_range: tuple[float, float] | None = None
    ) -> None:
        """Set where "Reset view" returns to without moving the view now."""
        self._home_range = (tuple(x_range), None if y_range is None else tuple(y_range))

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    def view_actions(self) -> list[QAction]:
        """The plot's entries for the View menu: Reset view and Axes Through the Origin."""
        return [self.reset_view_action, self.origin_axes_action]

    def set_axes_through_origin(self, on: bool) -> None:
        """Draw the axes as lines through (0, 0) besides the labelled frame, or stop."""
        for line in self._origin_axes:
            line.setVisible(on)
        if self.origin_axes_action.isChecked() != on:
            self.origin_axes_action.setChecked(on)

    def axes_through_origin(self) -> bool:
        return self._origin_axes[0].isVisible()

    def reset_view(self) -> None:
        """Return to the last range a panel set, or fit all data when none was set."""
        if self._home_range is None:
            self.view_box.enableAutoRange(enable=True)
            return
        x_range, y_range = self._home_range
        self.set_view_range(x_range, y_range, remember=False)

    # ----- messages and cursor ------------------------------------------------------------------

    def set_message(self, text: object | None) -> None:
        """Show ``text`` centred in the plot area (e.g. "No real values in this range"); a
        translatable text (``explorer.ui.i18n``) follows the language."""
        i18n.bind(self._message, "setText", text or "")
        self._message.setVisible(bool(text))
        self._centre_message()

    def message(self) -> str:
        return self._message.toPlainText() if self._message.isVisible() else ""

    def _centre_message(self) -> None:
        rect = self.view_box.boundingRect()
        self._message.setPos(rect.center())

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.view_box.sceneBoundingRect().contains(scene_pos):
            self._cross_v.setVisible(False)
            self._cross_h.setVisible(False)
            return
        point = self.view_box.mapSceneToView(scene_pos)
        self.show_cursor(point.x(), point.y())

    def show_cursor(self, x: float, y: float) -> None:
        """Move the crosshair and readout to data point (x, y) and emit ``cursor_moved``."""
        (x0, x1), (y0, y1) = self.view_range()
        x_text = f"{x:.{readout_decimals(x1 - x0)}f}"
        y_text = f"{y:.{readout_decimals(y1 - y0)}f}"
        self.readout_label.setText(typographic_minus(f"x = {x_text},  y = {y_text}"))
        self._cross_v.setPos(x)
        self._cross_h.setPos(y)
        self._cross_v.setVisible(True)
        self._cross_h.setVisible(True)
        self.cursor_moved.emit(float(x), float(y))

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._cross_v.setVisible(False)
        self._cross_h.setVisible(False)
        super().leaveEvent(event)

    # ----- export -------------------------------------------------------------------------------

    def export_target(self) -> pg.PlotItem:
        """What File ▸ Export renders: the plot item (axes, legend, curves), not the readout."""
        return self.plot_item
