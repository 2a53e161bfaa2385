"""A plot's unchanging items (axes and grid, a contour map) shown as one picture during a drag.

Qt repaints everything under the items that move, so each step of a drag would paint the axes,
their grid and labels (and a map's bands, lines and labels) again. While frozen, those items
are one pixmap at the back of the scene instead; the items that move are painted live on top.
The owner freezes when a drag starts and thaws when it ends; a new view (range or size) thaws
by itself, and the owner freezes again if the drag goes on.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem


class Backdrop:
    """``items()`` (those that do not change during a drag) as one picture while frozen."""

    def __init__(self, plot: pg.PlotWidget, items: Callable[[], list[QGraphicsItem]]) -> None:
        self._widget = plot
        self._items = items
        self._snapshot: QGraphicsPixmapItem | None = None
        self._frozen: list[QGraphicsItem] = []
        view_box = plot.getPlotItem().getViewBox()
        view_box.sigResized.connect(self.thaw)
        view_box.sigRangeChanged.connect(self.thaw)

    def freeze(self) -> None:
        if self._snapshot is not None or not self._widget.isVisible():
            return
        frozen = [item for item in self._items() if item.isVisible() and item.opacity() > 0]
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
            for item in [*plot_item.items, plot_item.legend, *placed]
            if item not in frozen and item.isVisible() and item.opacity() > 0
        ]
        for item in live:
            item.setOpacity(0.0)
        try:
            picture = self._widget.viewport().grab()
        finally:
            for item in live:
                item.setOpacity(1.0)
        snapshot = QGraphicsPixmapItem(picture)
        snapshot.setPos(self._widget.mapToScene(0, 0))
        snapshot.setZValue(-1e9)
        self._widget.scene().addItem(snapshot)
        for item in frozen:
            # Not painted while fully transparent; the layout does not change (hiding would).
            item.setOpacity(0.0)
        self._snapshot, self._frozen = snapshot, frozen

    def thaw(self, *_signal_args: object) -> None:
        if self._snapshot is None:
            return
        for item in self._frozen:
            item.setOpacity(1.0)
        self._widget.scene().removeItem(self._snapshot)
        self._snapshot, self._frozen = None, []

    def is_frozen(self) -> bool:
        return self._snapshot is not None


def axis_items(plot_item: pg.PlotItem) -> list[QGraphicsItem]:
    """A plot's axes (with their grid lines and labels) and its title."""
    return [*(axis["item"] for axis in plot_item.axes.values()), plot_item.titleLabel]
