"""A plot's unchanging items (axes and grid, a contour map) shown as one picture during a drag.

Qt repaints everything under the items that move, so each step of a drag would paint the axes,
their grid and labels (and a map's bands, lines and labels) again. While frozen, those items
are one pixmap at the back of the scene instead; the items that move are painted live on top.
Unchanging items that lie over something that changes (a map's level lines over a shading that
follows the dragged point) are a second, transparent picture at their place in the stacking
order, so what changes stays beneath them. The owner freezes when a drag starts and thaws when
it ends; a new view (range or size) thaws by itself, and the owner freezes again if the drag
goes on.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem

Items = Callable[[], list[QGraphicsItem]]


class Backdrop:
    """``items()`` (those that do not change during a drag) as one picture while frozen, and
    ``over()`` (unchanging items of the view box that lie over changing ones) as another."""

    def __init__(self, plot: pg.PlotWidget, items: Items, over: Items | None = None) -> None:
        self._widget = plot
        self._items = items
        self._over = over or list
        self._pictures: list[QGraphicsPixmapItem] = []
        self._frozen: list[tuple[QGraphicsItem, float]] = []
        view_box = plot.getPlotItem().getViewBox()
        view_box.sigResized.connect(self.thaw)
        view_box.sigRangeChanged.connect(self.thaw)

    def freeze(self) -> None:
        if self._pictures or not self._widget.isVisible():
            return
        frozen = _shown(self._items())
        over = [item for item in _shown(self._over()) if item not in frozen]
        plot_item = self._widget.getPlotItem()
        view_box = plot_item.getViewBox()
        # What is drawn over the data: the plot's items, its legend, and what a panel placed on
        # the view box itself (labels kept in pixels). Not in the picture, painted live.
        placed = [
            item
            for item in view_box.childItems()
            if item is not view_box.childGroup and item is not view_box.background
        ]
        live = [
            item
            for item in _shown([*plot_item.items, plot_item.legend, *placed])
            if item not in frozen and item not in over
        ]
        with _transparent([*live, *over]):
            picture = self._widget.viewport().grab()
        layer = self._alone(over) if over else None
        if layer is not None:
            # Outside the view box nothing that changes lies under them (an axis's ticks and
            # numbers): there they join the back picture. Inside, their own picture is clipped
            # to the view box as the data are.
            box = self._widget.viewportTransform().mapRect(view_box.sceneBoundingRect())
            inside = box.toRect()  # rounded as Qt rounds the view box's clip
            painter = QPainter(picture)
            painter.setClipRegion(QRegion(self._widget.viewport().rect()).subtracted(inside))
            painter.drawImage(0, 0, layer)
            painter.end()
        back = QGraphicsPixmapItem(picture)
        back.setPos(self._widget.mapToScene(0, 0))
        back.setZValue(-1e9)
        self._widget.scene().addItem(back)
        self._pictures = [back]
        if layer is not None:
            self._pictures.append(self._layer(layer, over, view_box.childGroup))
        # Not painted while fully transparent; the layout does not change (hiding would).
        self._frozen = _make_transparent([*frozen, *over])

    def _alone(self, items: list[QGraphicsItem]) -> QImage:
        """The view with only ``items`` drawn, on a transparent picture."""
        scene = self._widget.scene()
        viewport = self._widget.viewport()
        keep = set(items)
        for item in items:
            keep.update(_ancestors(item))
            keep.update(_descendants(item))
        ratio = viewport.devicePixelRatioF()
        image = QImage(
            round(viewport.width() * ratio),
            round(viewport.height() * ratio),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        source = self._widget.mapToScene(viewport.rect()).boundingRect()
        with _transparent([item for item in _shown(scene.items()) if item not in keep]):
            painter = QPainter(image)
            painter.setRenderHints(self._widget.renderHints())
            scene.render(painter, QRectF(0, 0, viewport.width(), viewport.height()), source)
            painter.end()
        return image

    def _layer(
        self, image: QImage, items: list[QGraphicsItem], parent: QGraphicsItem
    ) -> QGraphicsItem:
        """``image`` placed under ``parent`` (the view box's data group) at the lowest of
        ``items``' stacking values."""
        picture = QGraphicsPixmapItem(QPixmap.fromImage(image), parent)
        # Drawn in the view's pixels, from the viewport's corner, whatever the data range.
        picture.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        picture.setPos(parent.mapFromScene(self._widget.mapToScene(0, 0)))
        picture.setZValue(min(item.zValue() for item in items if item.parentItem() is parent))
        return picture

    def thaw(self, *_signal_args: object) -> None:
        if not self._pictures:
            return
        _restore(self._frozen)
        scene = self._widget.scene()
        for picture in self._pictures:
            scene.removeItem(picture)
        self._pictures, self._frozen = [], []

    def is_frozen(self) -> bool:
        return bool(self._pictures)


class _transparent:
    """Within the block, ``items`` are fully transparent (not painted), then as they were."""

    def __init__(self, items: list[QGraphicsItem]) -> None:
        self._items = items
        self._opacities: list[tuple[QGraphicsItem, float]] = []

    def __enter__(self) -> None:
        self._opacities = _make_transparent(self._items)

    def __exit__(self, *_exc: object) -> None:
        _restore(self._opacities)


def _make_transparent(items: list[QGraphicsItem]) -> list[tuple[QGraphicsItem, float]]:
    """Make ``items`` fully transparent; what their opacities were, for ``_restore``."""
    opacities = [(item, item.opacity()) for item in items]
    for item in items:
        item.setOpacity(0.0)
    return opacities


def _restore(opacities: list[tuple[QGraphicsItem, float]]) -> None:
    for item, opacity in opacities:
        item.setOpacity(opacity)


def _shown(items: list[QGraphicsItem]) -> list[QGraphicsItem]:
    return [item for item in items if item.isVisible() and item.opacity() > 0]


def _ancestors(item: QGraphicsItem) -> list[QGraphicsItem]:
    found = []
    parent = item.parentItem()
    while parent is not None:
        found.append(parent)
        parent = parent.parentItem()
    return found


def _descendants(item: QGraphicsItem) -> list[QGraphicsItem]:
    found = []
    for child in item.childItems():
        found += [child, *_descendants(child)]
    return found


def axis_items(plot_item: pg.PlotItem) -> list[QGraphicsItem]:
    """A plot's axes (with their grid lines and labels) and its title."""
    return [*(axis["item"] for axis in plot_item.axes.values()), plot_item.titleLabel]
