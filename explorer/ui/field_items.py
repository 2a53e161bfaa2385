"""Graphics items of the 2-D field view: an arrow field drawn as one item, a draggable point,
fixed markers and the keyed polylines."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from explorer.ui.plot import FOREGROUND, make_pen
from explorer.ui.plot_style import scale_pen_width
from explorer.ui.polyline_item import PixelSize, Polyline

# Outlines of screen_marker's symbols, in pixels for a size of 1 (y grows downwards).
_MARKER_TRIANGLES = {
    "t1": ((-0.5, 0.5), (0.0, -0.5), (0.5, 0.5)),  # pointing up
    "t": ((-0.5, -0.5), (0.0, 0.5), (0.5, -0.5)),  # pointing down
}
# Arrowheads are this long on screen (pixels) whatever the zoom, and open by this half-angle.
HEAD_PIXELS = 9.0
HEAD_HALF_ANGLE = np.radians(24.0)
_COS_HALF, _SIN_HALF = float(np.cos(HEAD_HALF_ANGLE)), float(np.sin(HEAD_HALF_ANGLE))
# Up to this many arrows are kept and put into a painter path point by point, without numpy.
FEW_ARROWS = 8


class ArrowField(pg.GraphicsObject):
    """Arrows from (x, y) to (x + u, y + v) in data units, drawn by one item.

    Each arrow has one of a few colours (``color_index`` into ``colors``); arrows of one colour
    are one painter path, so hundreds of arrows cost a handful of draw calls. Heads are sized in
    screen pixels, so they keep their shape when the axes are scaled unequally.
    """

    def __init__(self, width: float = 1.5) -> None:
        super().__init__()
        self._width = width
        self._arrays = (np.empty(0),) * 4
        self._color_index = np.empty(0, dtype=int)
        self._colors: list[QColor] = [QColor(FOREGROUND)]
        self._color_key: tuple = (FOREGROUND,)
        self._bounds = QRectF()
        # Built on the first paint after the arrows or the view change, then reused: Qt asks
        # for the bounds many times a frame, and the heads depend on the data size of a pixel.
        self._padded_bounds: QRectF | None = None
        self._paths: list[QPainterPath] | None = None
        self._pens: list[QPen] = []
        self._pixel = PixelSize()

    def set_arrows(
        self,
        x: np.ndarray | Sequence[float],
        y: np.ndarray | Sequence[float],
        u: np.ndarray | Sequence[float],
        v: np.ndarray | Sequence[float],
        colors: Sequence[str | QColor],
        color_index: np.ndarray | None = None,
    ) -> None:
        if color_index is None and isinstance(x, (list, tuple)) and len(x) <= FEW_ARROWS:
            self._set_few(x, y, u, v)
        else:
            self._set_many(x, y, u, v, color_index)
        key = tuple(colors)
        if key != self._color_key:
            self._color_key = key
            self._colors = [QColor(c) for c in colors]
            self._pens = []
        self.prepareGeometryChange()
        self._paths = None
        self._padded_bounds = None
        self.update()

    def _set_many(self, x, y, u, v, color_index: np.ndarray | None) -> None:  # noqa: ANN001
        arrays = [np.asarray(a, dtype=float).reshape(-1) for a in (x, y, u, v)]
        index = np.zeros(arrays[0].size, dtype=int) if color_index is None else color_index
        index = np.asarray(index).reshape(-1)
        keep = np.isfinite(arrays[0]) & np.isfinite(arrays[1])
        keep &= np.isfinite(arrays[2]) & np.isfinite(arrays[3])
        if not keep.all():
            arrays = [a[keep] for a in arrays]
            index = index[keep]
        self._arrays, self._color_index = tuple(arrays), index
        x, y, u, v = self._arrays
        if x.size:
            xs = np.concatenate((x, x + u))
            ys = np.concatenate((y, y + v))
            self._bounds = QRectF(xs.min(), ys.min(), xs.max() - xs.min(), ys.max() - ys.min())
        else:
            self._bounds = QRectF()

    def _set_few(self, *columns: Sequence[float]) -> None:
        # A few arrows of one colour (P's gradient and u, on every drag step): the same arrays
        # and bounds as _set_many, without its numpy set-up for arrays this short.
        rows = [
            row
            for row in zip(*(map(float, column) for column in columns), strict=True)
            if all(math.isfinite(value) for value in row)
        ]
        self._color_index = np.zeros(len(rows), dtype=int)
        if not rows:
            self._arrays = (np.empty(0),) * 4
            self._bounds = QRectF()
            return
        self._arrays = tuple(np.array(column, dtype=float) for column in zip(*rows, strict=True))
        xs = [x for x, _, _, _ in rows] + [x + u for x, _, u, _ in rows]
        ys = [y for _, y, _, _ in rows] + [y + v for _, y, _, v in rows]
        self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def arrows(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The finite arrows shown: x, y, u, v."""
        return self._arrays

    def data_bounds(self) -> QRectF:
        """What the arrows span in data units, from tails to tips (heads not counted)."""
        return QRectF(self._bounds)

    def set_width(self, width: float) -> None:
        if width != self._width:
            self._width = width
            self._pens = []
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        if self._padded_bounds is None:
            # A head may stick out past the tips by its length; pad by that in data units.
            pixel_w, pixel_h = self._pixel_size()
            pad_x, pad_y = 2 * HEAD_PIXELS * pixel_w, 2 * HEAD_PIXELS * pixel_h
            self._padded_bounds = self._bounds.adjusted(-pad_x, -pad_y, pad_x, pad_y)
        return QRectF(self._padded_bounds)

    def _pixel_size(self) -> tuple[float, float]:
        return self._pixel.of(self) or (0.0, 0.0)

    def build_paths(self, pixel_w: float, pixel_h: float) -> list[QPainterPath]:
        x, y, u, v = self._arrays
        if len(self._colors) == 1 and x.size <= FEW_ARROWS:
            return [
                few_arrows_path(x.tolist(), y.tolist(), u.tolist(), v.tolist(), pixel_w, pixel_h)
            ]
        px, py = arrow_polylines(x, y, u, v, pixel_w, pixel_h)
        if len(self._colors) == 1:
            return [arrows_path(px, py)]
        return [
            arrows_path(px[chosen], py[chosen])
            for chosen in (self._color_index == index for index in range(len(self._colors)))
        ]

    def paint(self, painter: QPainter, *_args) -> None:
        if self._arrays[0].size == 0:
            return
        if self._paths is None:
            pixel_size = self._pixel_size()
            if pixel_size[0] == 0.0:
                return
            self._paths = self.build_paths(*pixel_size)
        if not self._pens:
            for color in self._colors:
                pen = QPen(make_pen(color, self._width))
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                self._pens.append(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for pen, path in zip(self._pens, self._paths, strict=True):
            if path.isEmpty():
                continue
            painter.setPen(pen)
            painter.drawPath(path)

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph hook
        # Zooming changes the data size of a pixel: heads must be rebuilt, bounds padded anew.
        self.prepareGeometryChange()
        self._pixel.forget()
        self._paths = None
        self._padded_bounds = None


def arrow_polylines(
    x: np.ndarray,
    y: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
    pixel_w: float,
    pixel_h: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Each arrow (x, y) → (x + u, y + v) as a 5-point polyline (rows of the two arrays): the
    shaft, then the head's left tip, the tip again and its right tip, so an arrow is 4 segments.
    ``pixel_w`` and ``pixel_h`` are the data size of a pixel: heads are sized on screen."""
    pu, pv = u / pixel_w, v / pixel_h
    length = np.hypot(pu, pv)
    # From the tip back along the shaft, as long as the head, in pixels (0 for no arrow).
    back = np.divide(
        np.minimum(HEAD_PIXELS, 0.6 * length),
        length,
        out=np.zeros_like(length),
        where=length > 0,
    )
    back_x, back_y = -pu * back, -pv * back
    # Turned by ± the half-angle, back in data units.
    left_x = (back_x * _COS_HALF - back_y * _SIN_HALF) * pixel_w
    left_y = (back_y * _COS_HALF + back_x * _SIN_HALF) * pixel_h
    right_x = (back_x * _COS_HALF + back_y * _SIN_HALF) * pixel_w
    right_y = (back_y * _COS_HALF - back_x * _SIN_HALF) * pixel_h
    tip_x, tip_y = x + u, y + v
    px = np.stack((x, tip_x, tip_x + left_x, tip_x, tip_x + right_x), axis=1)
    py = np.stack((y, tip_y, tip_y + left_y, tip_y, tip_y + right_y), axis=1)
    return px, py


def arrows_path(px: np.ndarray, py: np.ndarray) -> QPainterPath:
    """One path of 5-point arrow polylines (rows of ``px``, ``py``), each starting afresh."""
    count = px.shape[0]
    if count > FEW_ARROWS:
        connect = np.ones((count, 5), dtype=bool)
        connect[:, -1] = False
        return pg.arrayToQPath(px.reshape(-1), py.reshape(-1), connect.reshape(-1))
    path = QPainterPath()
    for xs, ys in zip(px.tolist(), py.tolist(), strict=True):
        path.moveTo(xs[0], ys[0])
        for point_x, point_y in zip(xs[1:], ys[1:], strict=True):
            path.lineTo(point_x, point_y)
    return path


def few_arrows_path(
    xs: list[float],
    ys: list[float],
    us: list[float],
    vs: list[float],
    pixel_w: float,
    pixel_h: float,
) -> QPainterPath:
    """``arrows_path(*arrow_polylines(…))`` for a few arrows (P's gradient and u, rebuilt on
    every drag step), point by point: the same arithmetic in the same order on each arrow's
    numbers, without numpy's set-up for arrays this short."""
    path = QPainterPath()
    for x, y, u, v in zip(xs, ys, us, vs, strict=True):
        pu, pv = u / pixel_w, v / pixel_h
        # numpy's hypot, as arrow_polylines uses (math.hypot may differ in the last bit).
        length = float(np.hypot(pu, pv))
        back = min(HEAD_PIXELS, 0.6 * length) / length if length > 0 else 0.0
        back_x, back_y = -pu * back, -pv * back
        left_x = (back_x * _COS_HALF - back_y * _SIN_HALF) * pixel_w
        left_y = (back_y * _COS_HALF + back_x * _SIN_HALF) * pixel_h
        right_x = (back_x * _COS_HALF + back_y * _SIN_HALF) * pixel_w
        right_y = (back_y * _COS_HALF - back_x * _SIN_HALF) * pixel_h
        tip_x, tip_y = x + u, y + v
        path.moveTo(x, y)
        path.lineTo(tip_x, tip_y)
        path.lineTo(tip_x + left_x, tip_y + left_y)
        path.lineTo(tip_x, tip_y)
        path.lineTo(tip_x + right_x, tip_y + right_y)
    return path


class HandleSignals(QObject):
    """What a ``DraggablePoint`` reports (a plain graphics item is no QObject and cannot emit)."""

    dragged = Signal(float, float)
    drag_started = Signal()
    drag_finished = Signal()


class PixelPath(QGraphicsPathItem):
    """A path in pixels round its position (in data coordinates), the same size at any zoom:
    Qt draws and moves it alone (``ItemIgnoresTransformations``), with no Python on the way.

    What the pointer hits is the outline itself, inside the view box, as with pyqtgraph's
    markers: Qt maps the view box's clip into an item that ignores transformations as if it did
    not, which would shrink the clip to a couple of pixels round the centre (hover, drags and
    tooltips would miss the item). Hit tests only (hover, a press, a tooltip) run this.
    """

    def __init__(self, path: QPainterPath) -> None:
        super().__init__(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def collidesWithPath(  # noqa: N802 - Qt override
        self,
        path: QPainterPath,
        mode: Qt.ItemSelectionMode = Qt.ItemSelectionMode.IntersectsItemShape,
    ) -> bool:
        scene = self.scene()
        if scene is None or not scene.views():
            return super().collidesWithPath(path, mode)
        # Both in scene coordinates, through the view (the only way to place this item).
        viewport = scene.views()[0].viewportTransform()
        to_scene = self.deviceTransform(viewport) * viewport.inverted()[0]
        outline = to_scene.map(self.path())
        clipping = self.parentItem()
        flag = QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape
        while clipping is not None and not clipping.flags() & flag:
            clipping = clipping.parentItem()
        if clipping is not None:
            outline = outline.intersected(clipping.mapToScene(clipping.shape()))
        other = to_scene.map(path)
        if mode in (
            Qt.ItemSelectionMode.ContainsItemShape,
            Qt.ItemSelectionMode.ContainsItemBoundingRect,
        ):
            return other.contains(outline)
        return other.intersects(outline)


class DraggablePoint(PixelPath):
    """A round handle the mouse drags anywhere; emits where the pointer takes it.

    It looks and behaves as pyqtgraph's TargetItem did (the same circle, pens and brushes, the
    hover look while it can be taken, the grab offset kept so the point does not jump to the
    pointer, a right click during a drag ending it), but as a ``PixelPath`` moving it on every
    drag step runs no Python (a TargetItem re-ran pyqtgraph's position bookkeeping, its signals
    and a shape rebuilt through the view's transforms). It takes pyqtgraph's scene events
    (``mouseDragEvent``, ``hoverEvent``, ``mouseClickEvent``) like any pyqtgraph item.

    The owner may put the point elsewhere (snap, refuse) with ``setPos``, which emits nothing;
    ``dragged`` carries where the mouse wanted it.
    """

    def __init__(self, color: str, size: float = 14.0, tooltip: str = "") -> None:
        super().__init__(symbol_path("o", size))
        self._looks = {
            False: (make_pen(FOREGROUND, 1.5), pg.mkBrush(color)),
            True: (make_pen(FOREGROUND, 2.5), pg.mkBrush(QColor(color).lighter(140))),
        }
        self._hovered = False
        self.setPen(self._looks[False][0])
        self.setBrush(self._looks[False][1])
        self.setZValue(30)
        if tooltip:
            self.setToolTip(tooltip)
        self.signals = HandleSignals()
        self.dragged = self.signals.dragged
        self.drag_started = self.signals.drag_started
        self.drag_finished = self.signals.drag_finished
        # While a drag is under way: the handle's position minus the pointer's, in data units.
        self._grab_offset: QPointF | None = None

    def is_hovered(self) -> bool:
        """Whether the pointer is over the handle and could take it (drawn lighter, wider)."""
        return self._hovered

    def is_dragged(self) -> bool:
        return self._grab_offset is not None

    def _set_hovered(self, hovered: bool) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            pen, brush = self._looks[hovered]
            self.setPen(pen)
            self.setBrush(brush)

    def _data_point(self, scene_position: QPointF) -> QPointF:
        # The parent is the view box's child group, whose coordinates are the data's.
        return self.parentItem().mapFromScene(scene_position)

    def _report(self, position: QPointF) -> None:
        if position != self.pos():
            self.setPos(position)
            self.dragged.emit(float(position.x()), float(position.y()))

    # pyqtgraph's scene sends these to the items under the pointer (its own event protocol).
    def hoverEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph hook
        left = Qt.MouseButton.LeftButton
        self._set_hovered(not ev.isExit() and ev.acceptDrags(left))

    def mouseDragEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph hook
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        ev.accept()
        if ev.isStart():
            self.drag_started.emit()
            self._grab_offset = self.pos() - self._data_point(ev.buttonDownScenePos())
        if self._grab_offset is None:
            return  # a right click ended this drag
        self._report(self._grab_offset + self._data_point(ev.scenePos()))
        if ev.isFinish():
            self._grab_offset = None
            self.drag_finished.emit()

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph hook
        # A right click during a drag lets go of the handle where it is.
        if self._grab_offset is not None and ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self._grab_offset = None
            position = self.pos()
            self.dragged.emit(float(position.x()), float(position.y()))
            self.drag_finished.emit()


class Paths:
    """Polylines by key on one plot, as light ``Polyline`` items: a drag step only sets new
    points (a ``PlotDataItem`` would also re-run its data pipeline and re-place the legend, a
    ``PlotCurveItem`` its bounds and signals).

    Pens are cosmetic and scaled by the screen's device pixel ratio like PlotView's curves
    (``scale_pen_width`` remembers the base width for exports). Paths never drive autorange.
    """

    def __init__(self, plot: pg.PlotItem, legend: pg.LegendItem | None, z_value: float) -> None:
        self._plot = plot
        self._legend = legend
        self._z_value = z_value
        self._items: dict[str, Polyline] = {}
        self._styles: dict[str, tuple] = {}
        self._names: dict[str, str | None] = {}

    def set(
        self,
        key: str,
        x: np.ndarray,
        y: np.ndarray,
        *,
        color: str,
        width: float,
        style: str = "solid",
        name: str | None = None,
    ) -> Polyline:
        item = self._items.get(key)
        if item is None:
            item = Polyline()
            item.setZValue(self._z_value)
            self._plot.addItem(item, ignoreBounds=True)
            self._items[key] = item
        ratio = item.scene().views()[0].devicePixelRatioF() if item.scene().views() else 1.0
        if self._styles.get(key) != (color, width, style, ratio):
            pen = make_pen(color, width * ratio, style)
            # Round caps make Qt's stroker build arcs at both ends of every segment: 3.5× the
            # time of square caps for a wide 300-point curve, redrawn on every drag step.
            # Square caps keep a lone short piece visible all the same.
            pen.setCapStyle(Qt.PenCapStyle.SquareCap)
            item.setPen(pen)
            scale_pen_width(item, width, ratio)
            self._styles[key] = (color, width, style, ratio)
        item.setData(x, y)
        if self._legend is not None and self._names.get(key) != name:
            self._legend.removeItem(item)
            if name:
                self._legend.addItem(item, name)
            self._names[key] = name
        return item

    def data(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        item = self._items.get(key)
        if item is None:
            return np.empty(0), np.empty(0)
        return item.getData()

    def remove(self, key: str) -> None:
        item = self._items.pop(key, None)
        self._styles.pop(key, None)
        self._names.pop(key, None)
        if item is not None:
            if self._legend is not None:
                self._legend.removeItem(item)
            self._plot.removeItem(item)


def symbol_path(symbol: str, size: float) -> QPainterPath:
    """pyqtgraph's marker ``symbol`` ("o", "d", "t", "t1", …) ``size`` pixels across, centred
    on (0, 0): the same outline its scatter plots and TargetItem draw."""
    return QTransform.fromScale(size, size).map(Symbols[symbol])


def screen_marker(color: str, symbol: str = "o", size: float = 10.0) -> PixelPath:
    """A fixed point ``size`` pixels across (a circle, or a triangle "t1" up or "t" down) at a
    position in data coordinates. Qt draws and moves it alone, with no Python on the way: a
    drag step of the Gradient tab moves five of these (a pyqtgraph TargetItem costs a cascade
    of Python calls on every move and paint)."""
    path = QPainterPath()
    if symbol == "o":
        path.addEllipse(QPointF(0.0, 0.0), size / 2, size / 2)
    else:
        path.addPolygon(
            QPolygonF([QPointF(x * size, y * size) for x, y in _MARKER_TRIANGLES[symbol]])
        )
        path.closeSubpath()
    return fixed_marker(path, color, 1.2)


def fixed_marker(path: QPainterPath, color: str, pen_width: float) -> PixelPath:
    """``path`` (in pixels round (0, 0)) drawn at a position in data coordinates, filled with
    ``color`` and outlined in the foreground colour, the same size at any zoom."""
    item = PixelPath(path)
    item.setPen(make_pen(FOREGROUND, pen_width))
    item.setBrush(pg.mkBrush(color))
    item.setZValue(20)
    return item
