"""Scene items of the graph view: node cards, edges (curves with arrowheads) and edge labels.

Everything is painted by hand with cached ``QStaticText`` lines, so a 500-node graph builds and
repaints fast; a step changes only the few items whose text or highlight changed. Pens are
cosmetic (the same pixel width at every zoom and device pixel ratio); fonts are sized in points.
Zoomed out until the text is too small to read (level of detail below ``_TEXT_LOD``), a card is
drawn as a simple box with just its label, in a font sized for the screen, and edge labels are
left out, so a big graph's structure stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from explorer.core.graph.labels import tight
from explorer.ui.appearance import current_theme
from explorer.ui.graph_view.edge_path import EdgePath
from explorer.ui.i18n import Context
from explorer.ui.palette import DARK, Theme

T = Context("GraphPanel")

CARD_WIDTH = 140.0  # the narrowest card; a graph whose numbers need more gets wider cards
_MAX_CARD_WIDTH = 300.0  # a long vector's value beyond this is elided (its tooltip has it)
_PADDING = 6.0
_TEXT_LOD = 0.5  # 9 pt text drawn at half size is no longer readable
_SUMMARY_PIXELS = 12.0  # the label's size on screen in the simplified card
_SUMMARY_MIN_PIXELS = 4.0  # smaller than this the label is left out too
_ARROW_SIZE = 9.0
_ARROW_HALF = 0.45  # half the arrowhead's height, as a fraction of its length
LABEL_MAX_WIDTH = 84.0  # "∂a/∂w", "= −4", "adds −4096" at the default font size
# The line height of the default application font (9 pt), for which the widths here were chosen.
_DEFAULT_TEXT_HEIGHT = 14.0
_MAX_LABEL_NUMBER_WIDTH = 220.0  # a vector partial's numbers, before eliding
_MIN_LABEL_WIDTH = 40.0
LABEL_GAP = 3.0  # between labels stacked in a gap (their backgrounds meet across it)


@dataclass(frozen=True)
class CardColours:
    """The graph's colours in one theme; every text colour reads at 4.5:1 on every card fill
    and on the edge labels' background (tests/ui/test_themes_follow_the_palette.py)."""

    text: QColor
    muted: QColor
    edge: QColor
    highlight: QColor  # the current step
    grad: QColor  # gradients (text and the edges that carry them)
    tangent: QColor  # forward-mode tangents
    label_background: QColor  # opaque: an edge passing behind never crosses a label's text
    fills: dict[str, tuple[QColor, QColor]]  # card kind → (fill, border)


LIGHT_CARDS = CardColours(
    text=QColor("#1f1f1f"),
    muted=QColor("#5f5f5f"),
    edge=QColor("#8a8a8a"),
    highlight=QColor("#e8590c"),
    grad=QColor("#b3261e"),
    tangent=QColor("#1864ab"),
    label_background=QColor("#ffffff"),
    fills={
        "input": (QColor("#e7f0fb"), QColor("#4a78b0")),
        "output": (QColor("#fff4d1"), QColor("#b8860b")),
        "inner": (QColor("#ffffff"), QColor("#8c8c8c")),
        "frozen": (QColor("#f1f1f1"), QColor("#b0b0b0")),
    },
)
DARK_CARDS = CardColours(
    text=QColor("#e8e8e8"),
    muted=QColor("#a9adb3"),
    edge=QColor("#7d828a"),
    highlight=QColor("#ff8a3d"),
    grad=QColor("#ff8a80"),
    tangent=QColor("#8ab4f8"),
    label_background=QColor(DARK.background),
    fills={
        "input": (QColor("#1f3350"), QColor("#6f9fd8")),
        "output": (QColor("#3d3420"), QColor("#d9a93a")),
        "inner": (QColor("#26292e"), QColor("#8c9096")),
        "frozen": (QColor("#2b2d31"), QColor("#5f6368")),
    },
)


def card_colours(theme: Theme | None = None) -> CardColours:
    """The graph's colours for ``theme`` (the application's now when None)."""
    return DARK_CARDS if (theme or current_theme()).dark else LIGHT_CARDS


class TextFont:
    """A font, its metrics, and the width of every text measured in it: a scene measures the same
    texts to size its cards and labels and again in the items (``horizontalAdvance`` was a large
    part of building a 500-node scene)."""

    __slots__ = ("font", "metrics", "height", "_widths")

    def __init__(self, font: QFont):
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.height = self.metrics.height()
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width


@dataclass(frozen=True)
class GraphFonts:
    """The graph's fonts at one application text size: body and label text in the application's
    own font, titles a point larger and bold, so at the view's readable zoom (1.0) every text is
    at least as large on screen as the rest of the window's. ``em`` scales the widths and gaps
    that were chosen for the default size (9 pt), so larger text gets larger cards."""

    title: TextFont
    body: TextFont
    label: TextFont
    em: float

    @property
    def card_width(self) -> float:
        """The narrowest card."""
        return CARD_WIDTH * self.em

    @property
    def label_max_width(self) -> float:
        return LABEL_MAX_WIDTH * self.em


_FONTS: dict[str, GraphFonts] = {}


def graph_fonts() -> GraphFonts:
    """The graph's fonts for the application's font now (which presentation mode and the text
    size change); one set per application font, so every scene drawn at that size shares it."""
    base = QApplication.font()
    key = base.toString()
    fonts = _FONTS.get(key)
    if fonts is None:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() + 1.0)
        title.setBold(True)
        body = TextFont(QFont(base))
        em = body.height / _DEFAULT_TEXT_HEIGHT
        fonts = _FONTS[key] = GraphFonts(TextFont(title), body, TextFont(QFont(base)), em)
    return fonts


def value_line_text(value: str) -> str:
    """A card's value line: ``value  4``, or that it is not evaluated yet ("")."""
    return T("value  {value}", value=value) if value else T("value  not yet")


def card_width_for(lines: Iterable[str], fonts: GraphFonts) -> float:
    """The card width that shows every one of ``lines`` (value and gradient lines) whole."""
    widest = max((fonts.body.width(line) for line in lines), default=0.0)
    return min(_MAX_CARD_WIDTH * fonts.em, max(fonts.card_width, widest + 2 * _PADDING + 2))


def label_width_for(whole: Iterable[str], short: Iterable[str], fonts: GraphFonts) -> float:
    """The edge-label width that shows every line of ``whole`` (numbers) in full and those of
    ``short`` (the ∂a/∂b line, "adds 512") up to the usual label width: as narrow as the graph's
    own labels allow, so more columns fit the view."""
    numbers = max((fonts.label.width(line) for line in whole), default=0.0)
    others = max((fonts.label.width(line) for line in short), default=0.0)
    widest = max(numbers, min(others, fonts.label_max_width))
    return min(_MAX_LABEL_NUMBER_WIDTH * fonts.em, max(_MIN_LABEL_WIDTH * fonts.em, widest + 2))


class _Line:
    """One line of text, laid out (elided, ``QStaticText`` prepared) only when first drawn and
    again only after its text changes: a big graph's off-screen cards never pay for it."""

    __slots__ = ("font", "metrics", "text_font", "max_width", "text", "_static", "_width")

    def __init__(self, font: TextFont, max_width: float, text: str = ""):
        self.text_font = font
        self.font = font.font
        self.metrics = font.metrics
        self.max_width = max_width
        self.text: str | None = None
        self._static: QStaticText | None = None
        self._width: float | None = None
        self.set(text)

    def set(self, text: str) -> bool:
        if text == self.text:
            return False
        self.text = text
        self._static = None
        self._width = None
        return True

    def set_max_width(self, max_width: float) -> None:
        if max_width != self.max_width:
            self.max_width = max_width
            self._static = None
            self._width = None

    @property
    def static(self) -> QStaticText:
        if self._static is None:
            shown = self.metrics.elidedText(self.text, Qt.TextElideMode.ElideRight, self.max_width)
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.font)
            self._static = static
        return self._static

    @property
    def height(self) -> float:
        return self.text_font.height

    def width(self) -> float:
        if self._width is None:
            self._width = min(self.text_font.width(self.text), self.max_width)
        return self._width


@dataclass(frozen=True)
class CardState:
    """What a card shows at one moment of the stepping."""

    value: str  # "" while not evaluated
    grad: str  # "" when nothing is known yet
    grad_kind: str  # "grad", "partial", "tangent" or "none"
    current: bool


def card_height(fonts: GraphFonts) -> float:
    """Every card's height: the title and three lines (op, value, grad or tangent)."""
    return 2 * _PADDING + fonts.title.height + 3 * fonts.body.height


class NodeCard(QGraphicsItem):
    """A node: title (the user's name or the formula), op line, value, and grad or tangent."""

    def __init__(
        self,
        node_id: int,
        title: str,
        subtitle: str,
        kind: str,
        tooltip: str,
        fonts: GraphFonts,
        width: float | None = None,
    ):
        super().__init__()
        self.node_id = node_id
        self.kind = kind
        self.fonts = fonts
        self.width = width = fonts.card_width if width is None else width
        inner = width - 2 * _PADDING
        self.title = _Line(fonts.title, inner, title)
        self.subtitle = _Line(fonts.body, inner, subtitle)
        self.value_line = _Line(fonts.body, inner)
        self.grad_line = _Line(fonts.body, inner)
        self.state = CardState("", "", "none", False)
        self.height = card_height(fonts)
        self._rect = QRectF(0.0, 0.0, width, self.height)
        self.setToolTip(tooltip)
        self.setZValue(2)

    def needed_width(self, subtitle: bool = True) -> float:
        """The width that shows the title whole, and the op line too with ``subtitle``."""
        widest = self.fonts.title.width(self.title.text)
        if subtitle:
            widest = max(widest, self.fonts.body.width(self.subtitle.text))
        return widest + 2 * _PADDING + 2

    def set_width(self, width: float) -> None:
        """Widen (or narrow) the card; its lines are cut short again only where they must be."""
        if width == self.width:
            return
        self.prepareGeometryChange()
        self.width = width
        self._rect = QRectF(0.0, 0.0, width, self.height)
        for line in (self.title, self.subtitle, self.value_line, self.grad_line):
            line.set_max_width(width - 2 * _PADDING)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect.adjusted(-3, -3, 3, 3)

    def set_state(self, state: CardState) -> bool:
        """Show ``state``; repaints (and returns True) only when something changed."""
        if state == self.state:
            return False
        self.state = state
        self.value_line.set(value_line_text(state.value))
        self.grad_line.set(state.grad)
        self.update()
        return True

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        colours = card_colours()
        fill, border = colours.fills[self.kind]
        current = self.state.current
        pen = QPen(colours.highlight if current else border, 3.0 if current else 1.3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 7, 7)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < _TEXT_LOD:
            self._paint_summary(painter, lod, colours)
            return
        x, y = _PADDING, _PADDING
        painter.setPen(colours.text)
        painter.setFont(self.title.font)
        painter.drawStaticText(QPointF(x, y), self.title.static)
        y += self.title.height
        painter.setFont(self.subtitle.font)
        painter.setPen(colours.muted)
        painter.drawStaticText(QPointF(x, y), self.subtitle.static)
        y += self.subtitle.height
        painter.setPen(colours.text if self.state.value else colours.muted)
        painter.drawStaticText(QPointF(x, y), self.value_line.static)
        y += self.subtitle.height
        kind = self.state.grad_kind
        colour = colours.tangent if kind == "tangent" else colours.grad
        painter.setPen(colour if kind in ("grad", "tangent") else colours.muted)
        painter.drawStaticText(QPointF(x, y), self.grad_line.static)

    def _paint_summary(self, painter: QPainter, lod: float, colours: CardColours) -> None:
        """Just the label, as large as the card allows up to a comfortable screen size."""
        pixels = min(_SUMMARY_PIXELS / lod, self.height * 0.6)
        if pixels * lod < _SUMMARY_MIN_PIXELS:
            return
        font = QFont(self.title.font)
        font.setPixelSize(max(1, round(pixels)))
        text = QFontMetricsF(font).elidedText(
            self.title.text, Qt.TextElideMode.ElideRight, self.width - 2 * _PADDING
        )
        painter.setFont(font)
        painter.setPen(colours.text)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, text)

    # ----- ports where edges attach -------------------------------------------------------------

    def left_port(self, at: tuple[float, float], rank: int, count: int) -> tuple[float, float]:
        """Where incoming edge ``rank`` of ``count`` enters, the card's top left being ``at``."""
        return at[0], at[1] + self.height * (rank + 1) / (count + 1)

    def right_port(
        self, at: tuple[float, float], rank: int, count: int, width: float
    ) -> tuple[float, float]:
        """Where outgoing edge ``rank`` of ``count`` leaves a card ``width`` wide at ``at``."""
        return at[0] + width, at[1] + self.height * (0.2 + 0.6 * (rank + 1) / (count + 1))


@dataclass(frozen=True)
class EdgeState:
    current: bool
    carries_gradient: bool  # the backward pass has gone through this edge
    flow: str  # "adds 512" once known, else ""
    numbers_known: bool = True  # both ends' values are computed, so the partial's number is


class EdgeItem(QGraphicsItem):
    """A curve from a source card's right side to a target card's left side, with an arrowhead."""

    def __init__(self, index: int, curve: EdgePath, detached: bool):
        super().__init__()
        self.index = index
        self.detached = detached
        self.state = EdgeState(False, False, "")
        self._set_geometry(curve)
        self._pen: QPen | None = None
        self.label: EdgeLabel | None = None  # shown while the pointer is on the edge
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        # The exposed rect lets paint stroke only the visible part of a long edge.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def _set_geometry(self, curve: EdgePath) -> None:
        self.curve = curve
        self._arrow: QPolygonF | None = None  # made when first drawn, like the curve's path
        self._bounds = QRectF(*edge_bounds(curve))

    @property
    def path(self) -> QPainterPath:
        return self.curve.full

    @property
    def arrow(self) -> QPolygonF:
        if self._arrow is None:
            self._arrow = _arrowhead(*self.curve.points[-1])
        return self._arrow

    def shape(self) -> QPainterPath:
        """What the pointer hovers: a band a few pixels either side of the curve."""
        stroker = QPainterPathStroker()
        stroker.setWidth(8.0)
        return stroker.createStroke(self.path)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.label is not None:
            self.label.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.label is not None:
            self.label.set_hovered(False)

    def set_curve(self, curve: EdgePath) -> None:
        """Route the edge along a new curve (its cards moved)."""
        self.prepareGeometryChange()
        self._set_geometry(curve)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._bounds

    def set_state(self, state: EdgeState) -> bool:
        if state == self.state:
            return False
        drawn_the_same = (state.current, state.carries_gradient) == (
            self.state.current,
            self.state.carries_gradient,
        )
        self.state = state
        if drawn_the_same:
            return False  # the flow text and numbers are the label's; the curve is unchanged
        self._pen = None
        self.setZValue(1 if state.current else 0)
        self.update()
        return True

    def restyle(self) -> None:
        """Draw again in the theme's colours (the pen is kept between steps)."""
        self._pen = None
        self.update()

    def pen(self) -> QPen:
        """The pen the edge is drawn with now (dashed when detached)."""
        if self._pen is None:
            self._pen = self._make_pen()
        return self._pen

    def _make_pen(self) -> QPen:
        colours = card_colours()
        if self.state.current:
            colour, width = colours.highlight, 2.8
        elif self.state.carries_gradient:
            colour, width = colours.grad, 1.6
        else:
            colour, width = colours.edge, 1.0  # Qt's fast cosmetic stroker: at most 1 pixel
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        if self.detached:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        pen = self.pen()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # A pen wider than one pixel goes through Qt's slow antialiased stroker, whose cost grows
        # with the curve's length on screen: such curves are cut to the exposed part. Thin pens
        # (most edges) are fast and drawn whole; so are dashed ones (a cut pattern would shift).
        if self.detached or pen.widthF() <= 1.0:
            path = self.path
        else:
            pad = 6.0 / max(option.levelOfDetailFromTransform(painter.worldTransform()), 1e-6)
            path = self.curve.visible(option.exposedRect, self._bounds, pad)
        painter.drawPath(path)
        painter.setBrush(pen.color())
        if self.detached:
            pen = QPen(pen)
            pen.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawPolygon(self.arrow)


def _arrowhead(x: float, y: float) -> QPolygonF:
    back = x - _ARROW_SIZE
    half = _ARROW_SIZE * _ARROW_HALF
    return QPolygonF([QPointF(x, y), QPointF(back, y - half), QPointF(back, y + half)])


def edge_bounds(curve: EdgePath) -> tuple[float, float, float, float]:
    """An edge item's bounding rect (x, y, width, height): the curve, its arrowhead at the end
    and 4 pixels for the pen, worked out from the points (no path is built for it)."""
    left, top, right, bottom = curve.bounds()
    tip_x, tip_y = curve.points[-1]
    half = _ARROW_SIZE * _ARROW_HALF
    left, top, bottom = (
        min(left, tip_x - _ARROW_SIZE),
        min(top, tip_y - half),
        max(bottom, tip_y + half),
    )
    return left - 4, top - 4, right - left + 8, bottom - top + 8


class EdgeLabel(QGraphicsItem):
    """An edge's local partial: ``∂u/∂a = 2·a`` over ``= 8``, then ``adds 512`` once known."""

    def __init__(
        self,
        index: int,
        lines: tuple[str, str],
        flow: str,
        tooltip: str,
        detached: bool,
        fonts: GraphFonts,
        max_width: float | None = None,
        fraction: tuple[str, ...] = (),
    ):
        super().__init__()
        self.index = index
        self.detached = detached
        font = fonts.label
        max_width = fonts.label_max_width if max_width is None else max_width
        self.partial = _Line(font, max_width, lines[0])
        # "∂(w + x + y)/∂(w + x)₁" wider than a label: a fraction; both parts without their
        # spaces when one needs that to fit (one cut short anyway is cut as written: the
        # tooltip has it whole).
        self.denominator = _Line(font, max_width, "")
        if fraction and font.width(lines[0]) > max_width:
            cramped = any(font.width(part) > max_width for part in fraction)
            numerator, denominator = (
                tight(part) if cramped and font.width(tight(part)) <= max_width else part
                for part in fraction
            )
            self.partial.set(numerator)
            self.denominator.set(denominator)
        self.as_fraction = bool(self.denominator.text)
        self.number = _Line(font, max_width, lines[1])
        # "adds −0.0887235" wider than a label: "adds" over the number, so no digit is cut.
        self.flow_split = font.width(flow) > max_width
        head, _, amount = flow.partition(" ")
        self.flow = _Line(font, max_width, head if self.flow_split else flow)
        self.flow_amount = _Line(font, max_width, amount if self.flow_split else "")
        flow_width = max(self.flow.width(), self.flow_amount.width())
        self.flow_gap = 8.0 if lines[1] else 0.0
        shared = self.number.width() + self.flow_gap + flow_width
        # "= 8  adds 512" on one line when it fits, else "adds 512" gets a line of its own.
        self.flow_own_line = bool(flow) and (shared > max_width or self.flow_split)
        second = max(self.number.width(), flow_width) if self.flow_own_line else shared
        self.flow.set("")
        self.state = EdgeState(False, False, "")
        self.width = max(self.partial.width(), self.denominator.width(), second, 24.0) + 8
        line_count = 1 + self.as_fraction + bool(lines[1] or flow)
        line_count += self.flow_own_line + self.flow_split
        self._line_count = line_count
        self.height = line_count * self.partial.height + 4
        self._rect = QRectF(-self.width / 2, -self.height / 2, self.width, self.height)
        self.setToolTip(tooltip)
        self.setZValue(1.5)
        # In a crowded gap labels are shown on demand: for the current step's edges and while
        # the pointer is on the edge, so the picture stays clean (the scene decides).
        self.on_demand = False
        self.hovered = False  # above every edge (0, or 1 when highlighted), below the cards

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect.adjusted(-2, -2, 2, 2)

    def _drawn_lines(self) -> int:
        """How many of the label's lines have text now (the ∂ line or fraction always)."""
        if self.state.flow:
            return 1 + self.as_fraction + 1 + self.flow_own_line + self.flow_split
        return 1 + self.as_fraction + self.shows_number

    @property
    def shows_number(self) -> bool:
        """The partial's number is drawn only once both ends' values are computed."""
        return self.state.numbers_known and bool(self.number.text)

    def set_state(self, state: EdgeState) -> bool:
        if state == self.state:
            return False
        self.state = state
        self.flow.set(state.flow.partition(" ")[0] if self.flow_split else state.flow)
        self._show_if_wanted()
        self.update()
        return True

    def set_on_demand(self, on_demand: bool) -> None:
        self.on_demand = on_demand
        self._show_if_wanted()

    def set_hovered(self, hovered: bool) -> None:
        self.hovered = hovered
        self._show_if_wanted()

    def _show_if_wanted(self) -> None:
        self.setVisible(not self.on_demand or self.state.current or self.hovered)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < _TEXT_LOD:
            return
        colours = card_colours()
        # The background covers the lines drawn now (the label's room is kept for its number
        # and flow to come), so an edge behind shows until a line is written over it; it
        # reaches half the gap between stacked labels, so no sliver of an edge shows between
        # them, and is square, so neither do the corners.
        half = LABEL_GAP / 2
        room = self._rect.adjusted(-half, -half, half, half)
        drawn = self._drawn_lines()
        if drawn < self._line_count:
            room.setHeight(drawn * self.partial.height + 2 + half)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.label_background)
        painter.drawRect(room)
        if self.state.current:
            border = QPen(colours.highlight, 1.2)
            border.setCosmetic(True)
            painter.setPen(border)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(self.partial.font)
        painter.setPen(colours.muted if self.detached else colours.text)
        left, top = self._rect.left() + 4, self._rect.top() + 2
        painter.drawStaticText(QPointF(left, top), self.partial.static)
        second = top + self.partial.height
        if self.as_fraction:
            bar = QPen(painter.pen().color(), 1.0)
            bar.setCosmetic(True)
            painter.setPen(bar)
            painter.drawLine(
                QPointF(left, second),
                QPointF(left + max(self.partial.width(), self.denominator.width()), second),
            )
            painter.drawStaticText(QPointF(left, second), self.denominator.static)
            second += self.partial.height
        if self.shows_number:
            painter.drawStaticText(QPointF(left, second), self.number.static)
        if self.state.flow:
            painter.setPen(colours.grad)
            if self.flow_own_line:
                where = QPointF(left, second + self.partial.height)
            else:
                where = QPointF(left + self.number.width() + self.flow_gap, second)
            painter.drawStaticText(where, self.flow.static)
            if self.flow_split:
                below = QPointF(left, where.y() + self.partial.height)
                painter.drawStaticText(below, self.flow_amount.static)
