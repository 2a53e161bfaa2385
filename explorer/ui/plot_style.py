"""The plot component's pen policy: the app's line pens, their widths on screens of any pixel
ratio, and how wide they are drawn in an export."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from explorer.ui.polyline_item import Polyline

_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
    "dashdotdot": Qt.PenStyle.DashDotDotLine,
}

# What a curve shows decides its line style as well as its colour (explorer.ui.palette), so no
# two curves on a plot are told apart by colour alone; the legend shows each style by its name.
FUNCTION_STYLE = "solid"  # f itself
DERIVATIVE_STYLE = "dash"  # f′
SECOND_DERIVATIVE_STYLE = "dot"  # f″
TANGENT_STYLE = "dashdot"  # a tangent line (to f, to F, to a slice)
SECANT_STYLE = "dashdotdot"  # the secant through x₀ and x₀ + h
ACCUMULATION_STYLE = "dash"  # F(x) = ∫ₐˣ f(t) dt, drawn beside f
# Curves without a role (the Function tab's added curves, the optimizers of a race) take these
# in turn, as they take palette.CURVE_CYCLE's colours.
STYLE_CYCLE: tuple[str, ...] = ("solid", "dash", "dot", "dashdot", "dashdotdot")
# (base width, width applied) of a line pen scaled for the screen's device pixel ratio.
_PEN_WIDTH_ATTRIBUTE = "_explorer_pen_width"


def make_pen(color: str | QColor, width: float = 2.0, style: str = "solid") -> QPen:
    """A cosmetic pen in the app's style; ``style`` is one of "solid", "dash", "dot".

    ``width`` is in logical pixels once the pen is in a PlotView, which multiplies it by the
    screen's device pixel ratio (cosmetic widths count device pixels).
    """
    if style not in _STYLES:
        raise ValueError(f"unknown line style {style!r}; use one of {sorted(_STYLES)}")
    pen = pg.mkPen(color=color, width=width)
    pen.setStyle(_STYLES[style])
    # Round caps keep short segments between NaN gaps visible.
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    return pen


def line_pen_items(scene: QGraphicsScene) -> list[QGraphicsItem]:
    """Items drawn with one line pen: curves, infinite lines, and axes (which draw the grid)."""
    return [item for item in scene.items() if line_pen(item) is not None]


def base_pen_width(item: QGraphicsItem) -> float:
    """The width ``item``'s line pen was asked for, before any device pixel ratio scaling."""
    width = line_pen(item).widthF()
    recorded = getattr(item, _PEN_WIDTH_ATTRIBUTE, None)
    # A pen set since the width was last scaled is a fresh, unscaled one.
    return recorded[0] if recorded is not None and recorded[1] == width else width


def scale_pen_width(item: QGraphicsItem, base: float, ratio: float) -> None:
    """Draw ``item``'s line pen ``base * ratio`` wide, remembering ``base`` for exports."""
    pen = line_pen(item)
    if pen.widthF() != base * ratio:
        pen.setWidthF(base * ratio)
        set_line_pen(item, pen)
    setattr(item, _PEN_WIDTH_ATTRIBUTE, (base, pen.widthF()))


def exported_pen_width(item: QGraphicsItem, scale: float) -> float:
    """How wide ``item``'s line is drawn in an export laid out ``scale`` times enlarged.

    Cosmetic pens ignore the painter's scale, so a 2-pixel curve would look hairline-thin next to
    text scaled up with the plot: lines grow with ``scale``. Starting from the base width (not
    the on-screen one, times the screen's ratio) makes a 2x screen export like a 1x one. Axes
    and grid keep their base width, as they always have in exports.
    """
    base = base_pen_width(item)
    factor = 1.0 if isinstance(item, pg.AxisItem) else scale
    return max(base, 1.0) * factor if factor > 1.0 else base


def line_pen(item: QGraphicsItem) -> QPen | None:
    """The one line pen ``item`` is drawn with (a copy), or None for items without one."""
    if isinstance(item, pg.PlotDataItem | pg.PlotCurveItem):
        # A PlotDataItem re-applies its own pen to its curve on every setData; it owns the pen.
        if isinstance(item.parentItem(), pg.PlotDataItem):
            return None
        pen = item.opts.get("pen")
        return QPen(pen) if isinstance(pen, QPen) and pen.style() != Qt.PenStyle.NoPen else None
    if isinstance(item, Polyline):
        pen = item.pen()
        return pen if pen.style() != Qt.PenStyle.NoPen else None
    if isinstance(item, pg.InfiniteLine):
        return QPen(item.pen)
    if isinstance(item, pg.AxisItem):
        return QPen(item.pen())
    return None


def set_line_pen(item: QGraphicsItem, pen: QPen) -> None:
    if isinstance(item, pg.PlotDataItem):
        # Directly, not via setPen: that re-runs setData, and the legend sample reads opts.
        item.opts["pen"] = pen
        item.curve.setPen(pen)
        item.update()
    else:
        item.setPen(pen)
