"""The temporary scene changes an export makes: transient items hidden, item caches off, line
pens and legends scaled to the export size; and the pen bookkeeping for screen pixel ratios."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

# Marks transient items (crosshairs) to leave out of exports.
_NOT_EXPORTED_ATTRIBUTE = "_explorer_not_exported"
# (base width, width applied) of a line pen scaled for the screen's device pixel ratio.
_PEN_WIDTH_ATTRIBUTE = "_explorer_pen_width"


def mark_not_exported(item: QGraphicsItem) -> None:
    """Leave ``item`` (e.g. a crosshair that follows the mouse) out of every exported image."""
    # A Python attribute rather than QGraphicsItem.setData/data: in PySide6 6.12 that round trip
    # over-releases True/None and the interpreter aborts at exit ("bool_dealloc").
    setattr(item, _NOT_EXPORTED_ATTRIBUTE, True)


@contextmanager
def _hidden_transient_items(scene: QGraphicsScene) -> Iterator[None]:
    hidden = [
        item
        for item in scene.items()
        if getattr(item, _NOT_EXPORTED_ATTRIBUTE, False) and item.isVisible()
    ]
    for item in hidden:
        item.setVisible(False)
    try:
        yield
    finally:
        for item in hidden:
            item.setVisible(True)


@contextmanager
def _uncached_items(scene: QGraphicsScene) -> Iterator[None]:
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
def _scaled_cosmetic_pens(scene: QGraphicsScene, scale: float) -> Iterator[None]:
    """Draw curve and line pens at their base width times ``scale`` while rendering.

    Cosmetic pens (pyqtgraph's default) ignore the painter's scale, so without this a 2-pixel
    curve would look hairline-thin next to text that was scaled up with the rest of the plot.
    Starting from the base width (not the on-screen one, which PlotView multiplies by the
    screen's device pixel ratio) makes an export from a 2x screen match one from a 1x screen.
    Axes and grid keep their base width, as they always have in exports.
    """
    changed: list[tuple[QGraphicsItem, QPen]] = []
    for item in line_pen_items(scene):
        original = _line_pen(item)
        base = base_pen_width(item)
        factor = 1.0 if isinstance(item, pg.AxisItem) else scale
        width = max(base, 1.0) * factor if factor > 1.0 else base
        if width == original.widthF():
            continue
        exported = QPen(original)
        exported.setWidthF(width)
        _set_line_pen(item, exported)
        changed.append((item, original))
    try:
        yield
    finally:
        for item, original in changed:
            _set_line_pen(item, original)


@contextmanager
def _scaled_legends(scene: QGraphicsScene) -> Iterator[None]:
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


def line_pen_items(scene: QGraphicsScene) -> list[QGraphicsItem]:
    """Items drawn with one line pen: curves, infinite lines, and axes (which draw the grid)."""
    return [item for item in scene.items() if _line_pen(item) is not None]


def base_pen_width(item: QGraphicsItem) -> float:
    """The width ``item``'s line pen was asked for, before any device pixel ratio scaling."""
    width = _line_pen(item).widthF()
    recorded = getattr(item, _PEN_WIDTH_ATTRIBUTE, None)
    # A pen set since the width was last scaled is a fresh, unscaled one.
    return recorded[0] if recorded is not None and recorded[1] == width else width


def scale_pen_width(item: QGraphicsItem, base: float, ratio: float) -> None:
    """Draw ``item``'s line pen ``base * ratio`` wide, remembering ``base`` for exports."""
    pen = _line_pen(item)
    if pen.widthF() != base * ratio:
        pen.setWidthF(base * ratio)
        _set_line_pen(item, pen)
    setattr(item, _PEN_WIDTH_ATTRIBUTE, (base, pen.widthF()))


def _line_pen(item: QGraphicsItem) -> QPen | None:
    if isinstance(item, pg.PlotDataItem | pg.PlotCurveItem):
        # A PlotDataItem re-applies its own pen to its curve on every setData; it owns the pen.
        if isinstance(item.parentItem(), pg.PlotDataItem):
            return None
        pen = item.opts.get("pen")
        return QPen(pen) if isinstance(pen, QPen) and pen.style() != Qt.PenStyle.NoPen else None
    if isinstance(item, pg.InfiniteLine):
        return QPen(item.pen)
    if isinstance(item, pg.AxisItem):
        return QPen(item.pen())
    return None


def _set_line_pen(item: QGraphicsItem, pen: QPen) -> None:
    if isinstance(item, pg.PlotDataItem):
        # Directly, not via setPen: that re-runs setData, and the legend sample reads opts.
        item.opts["pen"] = pen
        item.curve.setPen(pen)
        item.update()
    else:
        item.setPen(pen)


def _view_of(item: QGraphicsItem) -> QGraphicsView | None:
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0] if views else None
