"""What the Function tab draws over its curves: points of interest, shading, the trace dot.

Points are small grey dots, as in Desmos (holes are open rings, vertical asymptotes thin dashed
lines, the global extremes of the selected curve a darker ring); a label with the coordinates
(and, at an extremum, both derivative tests) appears while the cursor is within a few pixels of
a point and stays when the point is clicked. Everything shown is computed in
``explorer.core.analysis``; this module only places it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from explorer.core.analysis.model import ASYMPTOTE, HOLE, GlobalExtremum, Interval, PointOfInterest
from explorer.core.analysis.trace import TracePoint
from explorer.ui.i18n import core_text
from explorer.ui.label_placement import Rect, contains, intersects, point_box
from explorer.ui.palette import Theme
from explorer.ui.plot import PlotView

POINT_COLOUR = "#6b6b6b"
# Pop-up labels: the theme's legend box, nearly opaque over the curves.
LABEL_ALPHA = 230
# A point is "under the cursor" within this many pixels.
HOVER_PIXELS = 9
SHADES = {
    "slope": {1: (0, 158, 115, 38), -1: (213, 94, 0, 38)},
    "concavity": {1: (0, 114, 178, 34), -1: (204, 121, 167, 40)},
}
_MAX_ASYMPTOTE_LINES = 60
# Where a pinned label may sit (pyqtgraph anchors: the fraction of the label left of and above
# its point), nearest first: above right as a hover label, then the other corners, then rows
# further up or down when labels crowd (the label names its point's coordinates).
_PIN_ANCHORS = tuple(
    anchor
    for row in range(4)
    for anchor in (
        (0.0, 1.1 + 1.05 * row),
        (1.0, 1.1 + 1.05 * row),
        (0.0, -0.1 - 1.05 * row),
        (1.0, -0.1 - 1.05 * row),
    )
)
_PIN_DOT_PIXELS = 5  # a pinned point's dot, kept clear of the other labels
_LEADER_PIXELS = 8  # a label further than this from its point gets a line to it


def point_label_html(point: PointOfInterest, theme: Theme) -> str:
    """The label of a point: its title and coordinates, then its tests in the theme's muted
    text colour (both read at 4.5:1 on the theme's label box)."""
    lines = [f"<b>{html.escape(core_text(point.label()))}</b>"]
    lines += [
        f"<span style='color:{theme.muted}'>{html.escape(core_text(test))}</span>"
        for test in point.tests
    ]
    return f"<div style='color:{theme.foreground}'>{'<br>'.join(lines)}</div>"


def style_label(label: pg.TextItem, theme: Theme) -> None:
    """A pop-up label's box in ``theme``: the legend's fill and border."""
    fill = QColor(theme.legend_fill)
    fill.setAlpha(LABEL_ALPHA)
    label.fill = pg.mkBrush(fill)
    label.border = pg.mkPen(theme.legend_border)
    label.update()


class PointMarkers:
    """Dots, rings, asymptote lines and labels for a list of points of interest on a PlotView."""

    def __init__(self, plot: PlotView):
        self.plot = plot
        self.points: list[PointOfInterest] = []
        self.asymptote_points: list[PointOfInterest] = []
        self.dots = pg.ScatterPlotItem(
            size=7, pen=pg.mkPen(None), brush=pg.mkBrush(POINT_COLOUR), hoverable=False
        )
        self.rings = pg.ScatterPlotItem(size=8, pen=pg.mkPen(POINT_COLOUR, width=1.5))
        self.extremes = pg.ScatterPlotItem(size=13, brush=pg.mkBrush(None), symbol="o")
        for item in (self.extremes, self.dots, self.rings):
            item.setZValue(20)
            plot.add_item(item, ignore_bounds=True)
        self.asymptotes: list[pg.InfiniteLine] = []
        self.hover_label = self._label()
        self._hover_point: PointOfInterest | None = None
        self.pinned: dict[tuple[str, str, float], pg.TextItem] = {}
        self._pinned_points: dict[tuple[str, str, float], PointOfInterest] = {}
        self.leaders: dict[tuple[str, str, float], pg.PlotCurveItem] = {}
        self.shades: list[pg.LinearRegionItem] = []
        self.restyle()
        plot.restyled.connect(self.restyle)
        # Zooming moves the points apart or together on screen, the labels keep their size.
        plot.view_box.sigRangeChanged.connect(self.place_pinned)
        plot.view_box.sigResized.connect(self.place_pinned)

    def restyle(self) -> None:
        """Holes open onto the plot's background; extremes ringed in its text colour; the
        labels in the theme's box and text colours."""
        theme = self.plot.theme
        self.rings.setBrush(pg.mkBrush(theme.background))
        self.extremes.setPen(pg.mkPen(theme.foreground, width=1.6))
        labels = [(self.hover_label, self._hover_point)]
        labels += [(label, self._pinned_points[key]) for key, label in self.pinned.items()]
        for label, point in labels:
            style_label(label, theme)
            if point is not None:
                label.setHtml(point_label_html(point, theme))
        self.place_pinned()

    def _label(self) -> pg.TextItem:
        label = pg.TextItem(anchor=(0, 1.1))
        style_label(label, self.plot.theme)
        label.setZValue(30)
        label.setVisible(False)
        self.plot.add_item(label, ignore_bounds=True)
        return label

    # ----- points ----------------------------------------------------------------------------

    def show(self, points: Sequence[PointOfInterest], extremes: Sequence[GlobalExtremum]) -> None:
        """Mark ``points`` (asymptotes as lines) and ring the global ``extremes``."""
        self.points = [p for p in points if p.kind != ASYMPTOTE]
        self.asymptote_points = [p for p in points if p.kind == ASYMPTOTE]
        solid = [p for p in self.points if p.kind != HOLE]
        holes = [p for p in self.points if p.kind == HOLE]
        self.dots.setData([p.x for p in solid], [p.y for p in solid])
        self.rings.setData([p.x for p in holes], [p.y for p in holes])
        found = [e for e in extremes if e.x is not None and e.y is not None]
        self.extremes.setData([e.x for e in found], [e.y for e in found])
        lines = [p.x for p in points if p.kind == ASYMPTOTE][:_MAX_ASYMPTOTE_LINES]
        while len(self.asymptotes) < len(lines):
            line = pg.InfiniteLine(
                angle=90,
                movable=False,
                pen=pg.mkPen(POINT_COLOUR, width=1, style=Qt.PenStyle.DashLine),
            )
            line.setZValue(5)
            self.plot.add_item(line, ignore_bounds=True)
            self.asymptotes.append(line)
        for line, x in zip(self.asymptotes, lines, strict=False):
            line.setPos(x)
            line.setVisible(True)
        for line in self.asymptotes[len(lines) :]:
            line.setVisible(False)
        # Pinned labels follow their point; those whose point is gone go too.
        keys = {self._key(p): p for p in self.points + self.asymptote_points}
        for key in list(self.pinned):
            if key not in keys:
                self._unpin(key)
        self.hover_label.setVisible(False)

    def clear(self) -> None:
        self.show([], [])

    @staticmethod
    def _key(point: PointOfInterest) -> tuple[str, str, float]:
        return (point.kind, point.curve + point.other, round(point.x, 9))

    def point_near(self, x: float, y: float) -> PointOfInterest | None:
        """The marked point within ``HOVER_PIXELS`` of the data point (x, y), if any; a
        vertical asymptote counts at any height."""
        if not self.points and not self.asymptote_points:
            return None
        # Distances in pixels, for all points at once (a mouse move must stay cheap).
        pixel_width, pixel_height = self.plot.view_box.viewPixelSize()
        candidates = self.points + self.asymptote_points
        xs = np.array([p.x for p in candidates])
        ys = np.array([y if p.y is None else p.y for p in candidates], dtype=float)
        distance = np.hypot((xs - x) / pixel_width, (ys - y) / pixel_height)
        best = int(np.argmin(distance))
        return candidates[best] if distance[best] <= HOVER_PIXELS else None

    def hover(self, x: float, y: float) -> PointOfInterest | None:
        point = self.point_near(x, y)
        if point is None or self._key(point) in self.pinned:
            self.hover_label.setVisible(False)
            return point
        self._hover_point = point
        self.hover_label.setHtml(point_label_html(point, self.plot.theme))
        self.hover_label.setPos(point.x, y if point.y is None else point.y)
        self.hover_label.setVisible(True)
        return point

    def toggle_pin(self, point: PointOfInterest, y: float = 0.0) -> bool:
        """Pin the point's label (or unpin it; an asymptote's at height ``y``); returns whether
        it is pinned now."""
        key = self._key(point)
        if key in self.pinned:
            self._unpin(key)
            return False
        label = self._label()
        label.setHtml(point_label_html(point, self.plot.theme))
        label.setPos(point.x, y if point.y is None else point.y)
        label.setVisible(True)
        self.pinned[key] = label
        self._pinned_points[key] = point
        self.hover_label.setVisible(False)
        self.place_pinned()
        return True

    def _unpin(self, key: tuple[str, str, float]) -> None:
        self.plot.remove_item(self.pinned.pop(key))
        del self._pinned_points[key]
        leader = self.leaders.pop(key, None)
        if leader is not None:
            self.plot.remove_item(leader)

    def place_pinned(self, *_: object) -> None:
        """Put each pinned label beside its point, inside the plot, off the other labels and
        pinned dots: the first free spot of ``_PIN_ANCHORS`` in the order they were pinned (one
        that only covers a dot, or else the first inside the plot, when none is free)."""
        if not self.pinned:
            return
        box = self.plot.view_box
        bounds = box.sceneBoundingRect()
        area = (bounds.left(), bounds.top(), bounds.width(), bounds.height())
        corners = {key: box.mapViewToScene(label.pos()) for key, label in self.pinned.items()}
        dots = [point_box(c.x(), c.y(), _PIN_DOT_PIXELS) for c in corners.values()]
        placed: list[Rect] = []
        for key, label in self.pinned.items():
            size = label.textItem.boundingRect()
            width, height = size.width(), size.height()
            x, y = corners[key].x(), corners[key].y()
            spots = [
                (anchor, (x - anchor[0] * width, y - anchor[1] * height, width, height))
                for anchor in _PIN_ANCHORS
            ]
            inside = [(anchor, rect) for anchor, rect in spots if contains(area, rect)] or spots
            apart = [
                spot for spot in inside if not any(intersects(spot[1], r) for r in placed)
            ] or inside
            clear = [
                spot for spot in apart if not any(intersects(spot[1], dot) for dot in dots)
            ] or apart
            anchor, rect = clear[0]
            placed.append(rect)
            if tuple(label.anchor) != anchor:
                label.setAnchor(anchor)
            self._lead(key, (x, y), rect)

    def _lead(self, key: tuple[str, str, float], point: tuple[float, float], rect: Rect) -> None:
        """A thin line from the point to its label when the label had to move away from it."""
        left, top, width, height = rect
        end = QPointF(min(max(point[0], left), left + width), min(max(point[1], top), top + height))
        leader = self.leaders.get(key)
        far = math.dist(point, (end.x(), end.y())) > _LEADER_PIXELS
        if leader is None:
            if not far:
                return
            leader = self.leaders[key] = pg.PlotCurveItem()
            leader.setZValue(29)  # under the labels, over the curves
            self.plot.add_item(leader, ignore_bounds=True)
        leader.setPen(pg.mkPen(self.plot.theme.muted, width=1))
        box = self.plot.view_box
        start, end = box.mapSceneToView(QPointF(*point)), box.mapSceneToView(end)
        leader.setData([start.x(), end.x()], [start.y(), end.y()])
        leader.setVisible(far)

    # ----- shading ---------------------------------------------------------------------------

    def shade(self, intervals: Sequence[Interval], kind: str) -> None:
        """Tint the x-intervals where f′ (kind "slope") or f″ ("concavity") is + or −."""
        colours = SHADES.get(kind, {})
        wanted = [i for i in intervals if i.sign in colours]
        while len(self.shades) < len(wanted):
            region = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
            region.setZValue(-10)
            self.plot.add_item(region, ignore_bounds=True)
            self.shades.append(region)
        for region, interval in zip(self.shades, wanted, strict=False):
            region.setRegion((interval.start, interval.end))
            region.setBrush(pg.mkBrush(*colours[interval.sign]))
            region.setVisible(True)
        for region in self.shades[len(wanted) :]:
            region.setVisible(False)


class TraceDot:
    """The dot that follows a curve under the cursor, with its reading."""

    def __init__(self, plot: PlotView):
        self.plot = plot
        self.dot = pg.ScatterPlotItem(size=10)
        self.dot.setZValue(25)
        self.label = pg.TextItem(anchor=(-0.05, -0.2))
        self.label.setZValue(31)
        plot.add_item(self.dot, ignore_bounds=True)
        plot.add_item(self.label, ignore_bounds=True)
        self.hide()
        self.reading: TracePoint | None = None
        self.restyle()
        plot.restyled.connect(self.restyle)

    def restyle(self) -> None:
        """The reading in the theme's label box; the dot ringed in the plot's background."""
        theme = self.plot.theme
        style_label(self.label, theme)
        self.label.setColor(theme.foreground)
        self.dot.setPen(pg.mkPen(theme.background, width=1.5))

    def show(self, reading: TracePoint, colour: str) -> None:
        self.reading = reading
        if not reading.defined:
            self.hide()
            self.reading = reading
            return
        self.dot.setData([reading.x], [reading.y], brush=pg.mkBrush(QColor(colour)))
        self.label.setText(reading.text())
        self.label.setPos(reading.x, reading.y)
        self.dot.setVisible(True)
        self.label.setVisible(True)

    def hide(self) -> None:
        self.reading = None
        self.dot.setVisible(False)
        self.label.setVisible(False)
