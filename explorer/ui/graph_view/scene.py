"""The graph scene: node cards, edges and edge labels placed from the core's layered layout.

``show_model`` builds the items once per graph; ``apply_state`` shows one moment of the stepping
(values of evaluated nodes, gradients complete or partial, tangents in forward mode, the current
node and edges highlighted) and touches only the items whose content changed.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from explorer.core.autodiff.introspect import GraphEdge
from explorer.core.graph.labels import EdgeLabelTexts, card_texts, edge_label_texts, grad_line
from explorer.core.graph.layout import Layout, wrap_layout
from explorer.core.graph.model import GraphModel
from explorer.core.graph.stepper import StepState
from explorer.core.text import format_number
from explorer.ui.graph_view.edge_path import EdgePath
from explorer.ui.graph_view.items import (
    LABEL_GAP,
    CardState,
    EdgeItem,
    EdgeLabel,
    EdgeState,
    GraphFonts,
    NodeCard,
    card_width_for,
    edge_bounds,
    graph_fonts,
    label_width_for,
    value_line_text,
)
from explorer.ui.i18n import core_text, shown_language

ROW_GAP = 38.0  # extra space between cards stacked in one layer (at the default text size)
# The widest a card grows to show its title and op line whole (at the default text size); a
# longer formula is cut short, with the whole in its tooltip.
_MAX_TITLE_WIDTH = 240.0
_LABEL_MARGIN = 10.0  # between a label and the cards on either side, room for the arrows
RETURN_REACH = 24.0  # how far an edge into the next band reaches out before turning
_BAND_MARGIN = 5.0  # between a label on a run back along a band gap and the cards around it
# Room around the drawing in the view. The view fits exactly this rect, so a fitted graph has
# no scroll range left (a wider scene rect than the fit showed a scrollbar at 1280×800).
SCENE_MARGIN = 20.0

Point = tuple[float, float]


@dataclass
class Placement:
    """Where every item of a drawing goes for one number of bands, worked out without moving
    an item: the panel measures the one-band drawing to choose the bands, and the items are
    then placed once, where they are shown."""

    bands: int
    layout: Layout
    row_pitch: float
    band_clearance: float  # pixels between one band's cards and the next's
    column_x: list[float]  # the left of each column of cards
    column_width: list[float]  # the width of the cards in each column
    cards: dict[int, Point]  # top left
    curves: dict[int, EdgePath] = field(default_factory=dict)
    labels: dict[int, Point] = field(default_factory=dict)  # centre
    on_demand: set[int] = field(default_factory=set)  # labels shown for the current step or
    # under the pointer only
    rect: QRectF = field(default_factory=QRectF)  # every item's bounds (the outline's, until
    # complete: the cards and the edges' waypoints)
    complete: bool = False  # the edges routed and the labels placed

    def band_width(self, per_band: int) -> float:
        """The width of a band of ``per_band`` columns of this (one-band) drawing's cards, each
        column as wide as the widest layer it would hold."""
        count = len(self.column_width)
        pitch = self.column_x[1] - self.column_x[0] - self.column_width[0] if count > 1 else 0.0
        widths = [
            max(self.column_width[layer] for layer in range(column, count, per_band))
            for column in range(min(per_band, count))
        ]
        return sum(widths) + pitch * (len(widths) - 1)


@contextmanager
def collection_paused():
    """Python's cycle collector paused while a drawing is made: its thousands of items all live
    on, so collections meanwhile only walk them again and again (and the whole heap, when the
    oldest generation's turn comes: a 500-node drawing spent a fifth of its time in them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class GraphScene(QGraphicsScene):
    """Draws one ``GraphModel``; ``cards``, ``edges`` and ``labels`` are keyed for tests."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model: GraphModel | None = None
        self.cards: dict[int, NodeCard] = {}
        self.edges: dict[int, EdgeItem] = {}
        self.labels: dict[int, EdgeLabel] = {}
        self._value_text: dict[int, str] = {}
        self._grad_text: dict[int, str] = {}
        self._flow_text: dict[int, str] = {}
        self.fonts: GraphFonts = graph_fonts()
        self.card_width = self.fonts.card_width  # the narrowest column's cards
        self.label_width = self.fonts.label_max_width
        self.layout: Layout | None = None
        self.numbers = True
        self.full_labels = False
        self.language = shown_language()  # the cards' words are written in it
        self.row_pitch = 1.0
        self.band_clearance = ROW_GAP  # pixels between one band's cards and the next's
        self.bands = 0  # 0 until the items are placed
        self.drawing_rect = QRectF()  # every item's bounds, measured once per drawing
        self._placements: dict[int, Placement] = {}
        # The state and tangents last shown, so a step touches only the items it changes.
        self._shown: tuple[StepState, Mapping[int, str] | None] | None = None

    def restyle(self) -> None:
        """Repaint every item in the theme's colours (a light or dark palette)."""
        for edge in self.edges.values():
            edge.restyle()
        self.update()

    # ----- building -----------------------------------------------------------------------------

    def show_model(
        self,
        model: GraphModel,
        *,
        bands: int = 1,
        numbers: bool = True,
        full_labels: bool = False,
    ) -> None:
        """Replace the drawing with ``model`` (all cards blank until ``apply_state``).

        ``bands`` > 1 wraps the layers into that many bands stacked top to bottom (exports of
        long chains); ``numbers=False`` leaves the partials' numbers off the edge labels (a
        structure-only picture drawn without input values); ``full_labels`` widens the columns
        so no edge label is cut short (exports, which have no tooltips). The drawing follows the
        application's text size at the time (``graph_fonts``).
        """
        self.prepare(model, numbers=numbers, full_labels=full_labels)
        if bands != self.bands:
            self._apply(self.placement(bands))  # the same items, wrapped differently: moved

    def shows(self, model: GraphModel, bands: int = 1) -> bool:
        """Whether the scene already draws ``model`` as ``show_model(model, bands=bands)`` would."""
        return (
            self.model is model
            and self.bands == bands
            and self.numbers
            and not self.full_labels
            and self.fonts is graph_fonts()
            and self.language == shown_language()
        )

    def prepare(self, model: GraphModel, *, numbers: bool = True, full_labels: bool = False):
        """Make the items for ``model`` (unless they are made already, at this text size), not
        yet placed: ``placement`` tells where they would go, ``show_model`` places them."""
        fonts = graph_fonts()
        if (
            self.model is model
            and self.cards
            and (numbers, full_labels) == (self.numbers, self.full_labels)
            and fonts is self.fonts
            and self.language == shown_language()
        ):
            return
        self.clear()
        self.model = model
        self.fonts = fonts
        self.cards, self.edges, self.labels = {}, {}, {}
        self._placements = {}
        self.bands = 0
        self._shown = None
        self.numbers = numbers
        self.full_labels = full_labels
        self.language = shown_language()
        for node in model.nodes:
            self._value_text[node.id] = format_number(node.value)
            self._grad_text[node.id] = format_number(node.grad)
        # Numbers are never cut short: the cards widen to the longest value or gradient (a
        # node used twice shows a running sum, "grad  −512 + …"); formulas are as wide as
        # their column allows, with the whole in the tooltip.
        self.card_width = card_width_for(
            {value_line_text(self._value_text[node.id]) for node in model.nodes}
            | {
                f"grad  {self._grad_text[node.id]}"
                + (" + …" if len(model.outgoing(node.id)) > 1 else "")
                for node in model.nodes
            },
            fonts,
        )
        label_texts = [
            _shown_language(edge_label_texts(model, edge, full_labels)) for edge in model.edges
        ]
        self.label_width = _label_width(label_texts, fonts, full_labels)
        for node in model.nodes:
            texts = card_texts(model, node)
            subtitle = core_text(texts.subtitle)
            tooltip = core_text(texts.tooltip)
            card = NodeCard(
                node.id, texts.title, subtitle, texts.kind, tooltip, fonts, self.card_width
            )
            self.cards[node.id] = card
        for edge, texts in zip(model.edges, label_texts, strict=True):
            self._flow_text[edge.index] = flow = texts.flow
            lines = texts.lines if self.numbers else (texts.lines[0], "")
            label = EdgeLabel(
                edge.index,
                lines,
                flow,
                texts.tooltip,
                edge.detached,
                fonts,
                self.label_width,
                texts.fraction,
            )
            self.labels[edge.index] = label

    def placement(self, bands: int) -> Placement:
        """Where the prepared items go in ``bands`` bands (worked out once per band count)."""
        placement = self.outline(bands)
        if not placement.complete:
            self._route_edges(placement)
            placement.rect = self._bounds(placement)
            placement.complete = True
        return placement

    def outline(self, bands: int) -> Placement:
        """Where the cards go in ``bands`` bands, without the edges and labels: its ``rect``
        covers the cards and the edges' waypoints and lanes, so the whole drawing is at least
        that large (a panel choosing the bands of a big graph need not route it in one band)."""
        placement = self._placements.get(bands)
        if placement is None:
            placement = self._placements[bands] = self._place_cards(bands)
        return placement

    def _place_cards(self, bands: int) -> Placement:
        """Position the cards for ``bands``."""
        model, fonts = self.model, self.fonts
        card_height = next(iter(self.cards.values())).height if self.cards else 0.0
        row_gap = ROW_GAP * fonts.em
        row_pitch = card_height + row_gap if self.cards else 1.0
        # Between bands, room for the runs back to the left and the labels riding on them.
        tallest = max((label.height for label in self.labels.values()), default=0.0)
        band_clearance = max(row_gap, tallest + 2 * _BAND_MARGIN)
        gap = (band_clearance - row_gap) / row_pitch
        layout = wrap_layout(model.layout, bands, gap) if bands > 1 else model.layout
        column_width = self._column_widths(layout, bands)
        column_pitch = self.label_width + 2 * _LABEL_MARGIN
        column_x = [0.0]
        for width in column_width[:-1]:
            column_x.append(column_x[-1] + width + column_pitch)
        cards = {}
        for node_id in self.cards:
            x, y = layout.positions[node_id]
            cards[node_id] = (column_x[round(x)], y * row_pitch - card_height / 2)
        placement = Placement(
            bands, layout, row_pitch, band_clearance, column_x, column_width, cards
        )
        placement.rect = self._outline_bounds(placement)
        return placement

    def _outline_bounds(self, placement: Placement) -> QRectF:
        """The cards' bounds and the edges' waypoints (lanes included)."""
        if not placement.cards:
            return QRectF()
        xs = [x for x, _ in placement.cards.values()]
        ys = [y for _, y in placement.cards.values()]
        left, top = min(xs) - 3, min(ys) - 3
        right = placement.column_x[-1] + placement.column_width[-1] + 3
        bottom = max(ys) + next(iter(self.cards.values())).height + 3
        pitch = placement.row_pitch
        for route in placement.layout.edge_routes:
            for _, y in route[1:-1]:
                top, bottom = min(top, y * pitch), max(bottom, y * pitch)
        return QRectF(left, top, right - left, bottom - top)

    def _column_widths(self, layout: Layout, bands: int) -> list[float]:
        """Each column's card width: the graph's numbers whole (``card_width``), and each card's
        title and op line whole, up to the widest card a column may have."""
        widest = max(self.card_width, _MAX_TITLE_WIDTH * self.fonts.em)
        columns = max((round(x) for x, _ in layout.positions.values()), default=0) + 1
        widths = [self.card_width] * columns
        model = self.model
        for node_id, card in self.cards.items():
            column = round(layout.positions[node_id][0])
            # A leaf's op line ("input · requires_grad=False") is no formula: it may be cut.
            needed = card.needed_width(subtitle=not model.node(node_id).is_leaf)
            widths[column] = max(widths[column], min(widest, needed))
        return widths

    def _bounds(self, placement: Placement) -> QRectF:
        """Every item's bounding rect united, from the placement (as ``itemsBoundingRect``)."""
        lefts, tops, rights, bottoms = [], [], [], []
        widths = placement.column_width
        for node_id, (x, y) in placement.cards.items():
            card = self.cards[node_id]
            width = widths[round(placement.layout.positions[node_id][0])]
            lefts.append(x - 3)
            tops.append(y - 3)
            rights.append(x + width + 3)
            bottoms.append(y + card.height + 3)
        for curve in placement.curves.values():
            x, y, width, height = edge_bounds(curve)
            lefts.append(x)
            tops.append(y)
            rights.append(x + width)
            bottoms.append(y + height)
        for index, (x, y) in placement.labels.items():
            label = self.labels[index]
            lefts.append(x - label.width / 2 - 2)
            tops.append(y - label.height / 2 - 2)
            rights.append(x + label.width / 2 + 2)
            bottoms.append(y + label.height / 2 + 2)
        if not lefts:
            return QRectF()
        left, top = min(lefts), min(tops)
        return QRectF(left, top, max(rights) - left, max(bottoms) - top)

    def _apply(self, placement: Placement) -> None:
        """Move the items where ``placement`` says (adding them to the scene the first time)."""
        self.bands = placement.bands
        self.layout = placement.layout
        self.row_pitch = placement.row_pitch
        self.band_clearance = placement.band_clearance
        widths = placement.column_width
        positions = placement.layout.positions
        new = not self.edges
        for node_id, card in self.cards.items():
            card.set_width(widths[round(positions[node_id][0])])
            card.setPos(*placement.cards[node_id])
        for index, curve in placement.curves.items():
            item = self.edges.get(index)
            if item is None:
                item = self.edges[index] = EdgeItem(index, curve, self.labels[index].detached)
                item.label = self.labels[index]
            else:
                item.set_curve(curve)
        on_demand = placement.on_demand
        for index, label in self.labels.items():
            label.setPos(*placement.labels[index])
            label.set_on_demand(index in on_demand and not self.full_labels)
        if new:
            for items in (self.cards, self.edges, self.labels):
                for item in items.values():
                    self.addItem(item)
        self.drawing_rect = QRectF(placement.rect)
        margin = SCENE_MARGIN
        self.setSceneRect(self.drawing_rect.adjusted(-margin, -margin, margin, margin))

    def _edge_points(self, placement: Placement, edge: GraphEdge, ports) -> list[Point]:
        """Card port, a left and right point per waypoint, card port; an edge into the next
        band of a wrapped layout runs down to the gap, back left along it, and into the card."""
        layout, row_pitch = placement.layout, placement.row_pitch
        column_x, column_width = placement.column_x, placement.column_width
        route = layout.edge_routes[edge.index]
        bands = layout.route_bands[edge.index] if layout.route_bands else (0,) * len(route)
        source, target = self.cards[edge.source], self.cards[edge.target]
        source_width = column_width[round(route[0][0])]
        points = [source.right_port(placement.cards[edge.source], *ports[0], source_width)]
        last = len(route) - 1
        for index in range(1, len(route)):
            if index < last:
                x, y = route[index]
                column = round(x)
                left = (column_x[column], y * row_pitch)
                right = (column_x[column] + column_width[column], y * row_pitch)
            else:
                left = right = target.left_port(placement.cards[edge.target], *ports[1])
            if bands[index] > bands[index - 1]:
                gap = layout.band_gaps[bands[index - 1]] * row_pitch
                points.append((points[-1][0] + RETURN_REACH, gap))
                points.append((left[0] - RETURN_REACH, gap))
                self._gap_runs[edge.index] = (points[-2], points[-1])
            points.append(left)
            if right is not left:
                points.append(right)
        return points

    def _route_edges(self, placement: Placement) -> None:
        model = self.model
        source_rank = _source_ranks(model, placement.layout.edge_routes)
        target_rank = _target_ranks(model)
        wanted: dict[int, list[tuple[float, int]]] = {}
        along_gaps: dict[int, list[tuple[float, int]]] = {}
        positions = placement.labels
        self._gap_runs: dict[int, tuple[Point, Point]] = {}
        for edge in model.edges:
            ports = (source_rank[edge.index], target_rank[edge.index])
            points = self._edge_points(placement, edge, ports)
            placement.curves[edge.index] = EdgePath(points)
            run = self._gap_runs.get(edge.index)
            if run is not None:  # into the next band: the label rides the run along the gap
                x = (run[0][0] + run[1][0]) / 2
                positions[edge.index] = (x, run[0][1])
                along_gaps.setdefault(round(run[0][1]), []).append((x, edge.index))
                continue
            (x0, y0), (x1, y1) = points[-2], points[-1]
            positions[edge.index] = ((x0 + x1) / 2, (y0 + y1) / 2)
            wanted.setdefault(round(x1), []).append(((y0 + y1) / 2, edge.index))
        for run in along_gaps.values():
            self._spread_labels(run, positions, across=True)
        targets: dict[int, set[int]] = {}
        for edge in model.edges:
            column = round(placement.cards[edge.target][0])
            targets.setdefault(column, set()).add(edge.target)
        for x, column in wanted.items():
            self._spread_labels(column, positions)
            # More than two labels per card entering the gap crowd it: show them on demand.
            if len(column) > 2 * max(1, len(targets.get(x, ()))):
                placement.on_demand.update(index for _, index in column)

    def _spread_labels(
        self,
        column: list[tuple[float, int]],
        positions: dict[int, Point],
        across: bool = False,
    ) -> None:
        """Labels sharing a gap keep their order and move apart just enough not to overlap:
        up and down in a gap between layers, sideways (``across``) along a gap between bands."""
        column.sort(key=lambda pair: pair[0])
        labels = self.labels
        placed: list[float] = []
        for rank, (wanted, index) in enumerate(column):
            if rank:
                previous, label = labels[column[rank - 1][1]], labels[index]
                if across:
                    sizes = previous.width + label.width
                else:
                    sizes = previous.height + label.height
                wanted = max(wanted, placed[-1] + sizes / 2 + LABEL_GAP)
            placed.append(wanted)
        # Centre the stack on where the labels wanted to be (pushing apart only moved them on).
        shift = sum(w for w, _ in column) / len(column) - sum(placed) / len(placed)
        for (_, index), where in zip(column, placed, strict=True):
            x, y = positions[index]
            positions[index] = (where + shift, y) if across else (x, where + shift)

    def focus_rect(self, node_id: int, edge_indices: tuple[int, ...]) -> QRectF:
        """The current card with its highlighted edges' labels (what a step is about)."""
        card = self.cards.get(node_id)
        if card is None:
            return QRectF()
        rect = card.sceneBoundingRect()
        for index in edge_indices:
            label = self.labels.get(index)
            if label is not None:
                rect = rect.united(label.sceneBoundingRect())
        return rect

    # ----- stepping -----------------------------------------------------------------------------

    def apply_state(
        self,
        state: StepState,
        tangents: Mapping[int, str] | None = None,
    ) -> int:
        """Show the step state (or tangents for evaluated nodes); returns how many items changed."""
        model = self.model
        if model is None:
            return 0
        partial = dict(state.partial_grads)
        node_ids, edge_indices = self._changed_since_shown(state, tangents, partial)
        self._shown = (state, tangents)
        changed = 0
        current_node = state.current_node
        for node_id in node_ids:
            evaluated = node_id in state.evaluated
            value = self._value_text[node_id] if evaluated else ""
            node = model.node(node_id)
            grad, kind = grad_line(model, node, state, tangents, self._grad_text[node_id], partial)
            card_state = CardState(value, grad, kind, node_id == current_node)
            changed += self.cards[node_id].set_state(card_state)
        current = set(state.current_edges)
        edges = model.edges
        for index in edge_indices:
            edge = edges[index]
            carried = tangents is None and edge.target in state.graded and not edge.detached
            known = edge.source in state.evaluated and edge.target in state.evaluated
            edge_state = EdgeState(
                index in current,
                carried,
                self._flow_text[index] if carried else "",
                known,
            )
            changed += self.edges[index].set_state(edge_state)
            changed += self.labels[index].set_state(edge_state)
        return changed

    def _changed_since_shown(
        self,
        state: StepState,
        tangents: Mapping[int, str] | None,
        partial: dict[int, tuple[float, ...]],
    ):
        """The nodes and edges whose look can differ from the last state shown: those a step
        evaluated, graded or added to, the old and new current ones, and their edges. Every item
        after a new drawing, other tangents, or entering or leaving "done" ("grad None" cards)."""
        shown = self._shown
        if (
            shown is None
            or shown[1] is not tangents
            or (shown[0].phase == "done") != (state.phase == "done")
        ):
            return self.cards.keys(), range(len(self.model.edges))
        old = shown[0]
        nodes = set(state.evaluated ^ old.evaluated) | (state.graded ^ old.graded)
        old_partial = dict(old.partial_grads)
        nodes.update(
            n for n in partial.keys() | old_partial.keys() if partial.get(n) != old_partial.get(n)
        )
        nodes.update(n for n in (old.current_node, state.current_node) if n is not None)
        edges = set(old.current_edges) | set(state.current_edges)
        for node_id in nodes:
            edges.update(edge.index for edge in self.model.incoming(node_id))
            edges.update(edge.index for edge in self.model.outgoing(node_id))
        return sorted(nodes), sorted(edges)


def _shown_language(texts: EdgeLabelTexts) -> EdgeLabelTexts:
    """An edge label's words ("adds 512", a detached edge's note) in the language shown."""
    lines = (core_text(texts.lines[0]), core_text(texts.lines[1]))
    return replace(texts, lines=lines, flow=core_text(texts.flow), tooltip=core_text(texts.tooltip))


def _label_width(texts: list[EdgeLabelTexts], fonts: GraphFonts, full: bool = False) -> float:
    """The labels' width for labels of ``texts``. On screen a label is compact
    (``labels.edge_label_texts``) and as wide as its numbers need, so none is cut short (a vector
    partial's list), and no wider than its texts; ``full`` (exports) widens the labels to the
    longest whole label, formula included."""
    if full:
        lines = {line for each in texts for line in each.lines}
        widest = max((fonts.label.width(line) for line in lines), default=0.0)
        return max(widest + 2, fonts.label_max_width)
    return label_width_for(
        {line for t in texts for line in (t.lines[1], t.flow.partition(" ")[2])},
        {line for t in texts for line in (t.lines[0], t.flow)},
        fonts,
    )


def _source_ranks(model: GraphModel, routes) -> dict[int, tuple[int, int]]:
    """Outgoing edges leave a card top to bottom in the order their next point lies; edges
    going to the same next point (a trunk of long edges along one lane) leave as one line."""
    ranks: dict[int, tuple[int, int]] = {}
    for node in model.nodes:
        outgoing = model.outgoing(node.id)
        nexts = sorted({routes[edge.index][1] for edge in outgoing}, key=lambda p: (p[1], p[0]))
        rank_of = {point: rank for rank, point in enumerate(nexts)}
        for edge in outgoing:
            ranks[edge.index] = (rank_of[routes[edge.index][1]], len(nexts))
    return ranks


def _target_ranks(model: GraphModel) -> dict[int, tuple[int, int]]:
    """Incoming edges enter a card top to bottom by argument order (u before v)."""
    ranks: dict[int, tuple[int, int]] = {}
    for node in model.nodes:
        incoming = sorted(model.incoming(node.id), key=lambda e: (e.argument_index, e.index))
        for rank, edge in enumerate(incoming):
            ranks[edge.index] = (rank, len(incoming))
    return ranks
