"""Export mode: the temporary changes a scene goes through while it is rendered to an image.

As pyqtgraph's exporters call ``setExportMode`` on every item, ``export_mode`` asks each item
that has an ``export_mode(exporting, scale)`` method to prepare itself (the plot's crosshair
hides itself), then applies what stock pyqtgraph items cannot do for themselves: item caches
off, line pens widened by the plot style's ``exported_pen_width``, legends scaled with the plot.
Everything is restored afterwards, even when rendering fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pyqtgraph as pg
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from explorer.ui.plot_style import exported_pen_width, line_pen, line_pen_items, set_line_pen


@contextmanager
def export_mode(scene: QGraphicsScene, scale: float = 1.0, *, lines: bool = True) -> Iterator[None]:
    """``scene`` prepared for rendering at ``scale`` times its layout size.

    ``lines=False`` (a whole scene fitted into the image, e.g. the graph view) leaves line pens
    and legends as they are.
    """
    with ExitStack() as stack:
        stack.enter_context(items_prepared(scene, scale))
        stack.enter_context(uncached_items(scene))
        if lines:
            stack.enter_context(scaled_line_pens(scene, scale))
            stack.enter_context(scaled_legends(scene))
        yield


@contextmanager
def items_prepared(scene: QGraphicsScene, scale: float) -> Iterator[None]:
    """Call ``export_mode(True, scale)`` on every item that has one, ``(False, scale)`` after."""
    prepared = [item for item in scene.items() if callable(getattr(item, "export_mode", None))]
    for item in prepared:
        item.export_mode(True, scale)
    try:
        yield
    finally:
        for item in prepared:
            item.export_mode(False, scale)


@contextmanager
def uncached_items(scene: QGraphicsScene) -> Iterator[None]:
    """Paint every item directly: a pixmap cache (kept for fast repaints on screen) would put
    bitmaps into an SVG and blur a PNG scaled beyond the screen size."""
    cached = [
        (item, item.cacheMode())
        for item in scene.items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


@contextmanager
def scaled_line_pens(scene: QGraphicsScene, scale: float) -> Iterator[None]:
    """Draw curve and line pens at the plot style's export width while rendering."""
    changed: list[tuple[QGraphicsItem, QPen]] = []
    for item in line_pen_items(scene):
        original = line_pen(item)
        width = exported_pen_width(item, scale)
        if width == original.widthF():
            continue
        exported = QPen(original)
        exported.setWidthF(width)
        set_line_pen(item, exported)
        changed.append((item, original))
    try:
        yield
    finally:
        for item, original in changed:
            set_line_pen(item, original)


@contextmanager
def scaled_legends(scene: QGraphicsScene) -> Iterator[None]:
    """Let legends scale with the rest of the plot while rendering.

    pyqtgraph legends ignore transformations (so they keep their size when zooming); in an export
    that would leave them tiny next to the scaled-up axes.
    """
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    legends = [item for item in scene.items() if isinstance(item, pg.LegendItem)]
    legends = [item for item in legends if item.flags() & flag]
    for legend in legends:
        legend.setFlag(flag, False)
    try:
        yield
    finally:
        for legend in legends:
            legend.setFlag(flag, True)


def view_of(item: QGraphicsItem) -> QGraphicsView | None:
    """The first view showing ``item``'s scene, if any."""
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0] if views else None
