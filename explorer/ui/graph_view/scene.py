"""The graph scene: node cards, edges and edge labels placed from the core's layered layout.

``show_model`` builds the items once per graph; ``apply_state`` shows one moment of the stepping
(values of evaluated nodes, gradients complete or partial, tangents in forward mode, the current
node and edges highlighted) and touches only the items whose content changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene

from explorer.core.autodiff.introspect import GraphEdge
from explorer.core.graph.labels import EdgeLabelTexts, card_texts, edge_label_texts, grad_line
from explorer.core.graph.layout import Layout, wrap_layout
from explorer.core.graph.model import GraphModel
from explorer.core.graph.stepper import StepState
from explorer.core.text import format_number
from explorer.ui.graph_view.items import (
    CARD_WIDTH,
    LABEL_FONT,
    LABEL_MAX_WIDTH,
    CardState,
    EdgeItem,
    EdgeLabel,
    EdgeState,
    NodeCard,
    card_width_for,
    label_width_for,
    value_line_text,
)
from explorer.ui.i18n import core_text

COLUMN_PITCH = CARD_WIDTH + LABEL_MAX_WIDTH + 2 * 10.0  # a card and a gap for the labels
ROW_GAP = 38.0  # extra space between cards stacked in one layer
_LABEL_GAP = 3.0
_LABEL_MARGIN = 10.0  # between a label and the cards on either side, room for the arrows
RETURN_REACH = 24.0  # how far an edge into the next band reaches out before turning
_BAND_MARGIN = 5.0  # between a label on a run back along a band gap and the cards around it
# Room around the drawing in the view. The view fits exactly this rect, so a fitted graph has
# no scroll range left (a wider scene rect than the fit showed a scrollbar at 1280×800).
SCENE_MARGIN = 20.0


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
        self.column_pitch = COLUMN_PITCH
        self.card_width = CARD_WIDTH
        self.label_width = LABEL_MAX_WIDTH
        self.layout: Layout | None = None
        self.numbers = True
        self.full_labels = False
        self.row_pitch = 1.0
        self.band_clearance = ROW_GAP  # pixels between one band's cards and the next's
        self.bands = 1
        self.drawing_rect = QRectF()  # every item's bounds, measured once per drawing
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
        so no edge label is cut short (exports, which have no tooltips).
        """
        if (
            self.model is model
            and self.cards
            and (numbers, full_labels) == (self.numbers, self.full_labels)
        ):
            if bands != self.bands:
                self._place(bands)  # the same items, wrapped differently: only moved
            return
        self.clear()
        self.model = model
        self.cards, self.edges, self.labels = {}, {}, {}
        self._shown = None
        self.numbers = numbers
        self.full_labels = full_labels
        for node in model.nodes:
            self._value_text[node.id] = format_number(node.value)
            self._grad_text[node.id] = format_number(node.grad)
        # Numbers are never cut short: the cards widen to the longest value or gradient (a
        # node used twice shows a running sum, "grad  −512 + …"); formulas may be, with the
        # whole in the tooltip.
        self.card_width = card_width_for(
            {value_line_text(self._value_text[node.id]) for node in model.nodes}
            | {
                f"grad  {self._grad_text[node.id]}"
                + (" + …" if len(model.outgoing(node.id)) > 1 else "")
                for node in model.nodes
            }
        )
        label_texts = [edge_label_texts(model, edge, full_labels) for edge in model.edges]
        self.label_width, self.column_pitch = _label_room(label_texts, self.card_width, full_labels)
        for node in model.nodes:
            texts = card_texts(model, node)
            subtitle = core_text(texts.subtitle)
            card = NodeCard(
                node.id, texts.title, subtitle, texts.kind, texts.tooltip, self.card_width
            )
            self.addItem(card)
            self.cards[node.id] = card
        for edge, texts in zip(model.edges, label_texts, strict=True):
            self._flow_text[edge.index] = flow = texts.flow
            lines = texts.lines if self.numbers else (texts.lines[0], "")
            label = EdgeLabel(
                edge.index, lines, flow, texts.tooltip, edge.detached, self.label_width
            )
            self.addItem(label)
            self.labels[edge.index] = label
        self._place(bands)

    def _place(self, bands: int) -> None:
        """Position the cards and labels for ``bands`` and route the edges between them."""
        model = self.model
        self.bands = bands
        heights = [card.height for card in self.cards.values()]
        self.row_pitch = row_pitch = heights[0] + ROW_GAP if heights else 1.0
        # Between bands, room for the runs back to the left and the labels riding on them.
        tallest = max((label.height for label in self.labels.values()), default=0.0)
        self.band_clearance = max(ROW_GAP, tallest + 2 * _BAND_MARGIN)
        gap = (self.band_clearance - ROW_GAP) / row_pitch
        layout = wrap_layout(model.layout, bands, gap) if bands > 1 else model.layout
        self.layout = layout
        for node_id, card in self.cards.items():
            x, y = layout.positions[node_id]
            card.setPos(x * self.column_pitch, y * row_pitch - card.height / 2)
        self._route_edges(model, layout, row_pitch)
        margin = SCENE_MARGIN
        self.drawing_rect = self.itemsBoundingRect()
        self.setSceneRect(self.drawing_rect.adjusted(-margin, -margin, margin, margin))

    def shows(self, model: GraphModel, bands: int = 1) -> bool:
        """Whether the scene already draws ``model`` as ``show_model(model, bands=bands)`` would."""
        return self.model is model and self.bands == bands and self.numbers and not self.full_labels

    def _edge_points(self, layout: Layout, edge: GraphEdge, ports, row_pitch) -> list[QPointF]:
        """Card port, a left and right point per waypoint, card port; an edge into the next
        band of a wrapped layout runs down to the gap, back left along it, and into the card."""
        route = layout.edge_routes[edge.index]
        bands = layout.route_bands[edge.index] if layout.route_bands else (0,) * len(route)
        source, target = self.cards[edge.source], self.cards[edge.target]
        points = [source.right_port(*ports[0])]
        for index in range(1, len(route)):
            if index < len(route) - 1:
                x, y = route[index]
                left = QPointF(x * self.column_pitch, y * row_pitch)
                right = QPointF(x * self.column_pitch + self.card_width, y * row_pitch)
            else:
                left = right = target.left_port(*ports[1])
            if bands[index] > bands[index - 1]:
                gap = layout.band_gaps[bands[index - 1]] * row_pitch
                points.append(QPointF(points[-1].x() + RETURN_REACH, gap))
                points.append(QPointF(left.x() - RETURN_REACH, gap))
                self._gap_runs[edge.index] = (points[-2], points[-1])
            points.append(left)
            if right is not left:
                points.append(right)
        return points

    def _route_edges(self, model: GraphModel, layout: Layout, row_pitch: float) -> None:
        source_rank = _source_ranks(model, layout.edge_routes)
        target_rank = _target_ranks(model)
        wanted: dict[int, list[tuple[float, EdgeLabel]]] = {}
        along_gaps: dict[int, list[tuple[float, EdgeLabel]]] = {}
        self._gap_runs: dict[int, tuple[QPointF, QPointF]] = {}
        for edge in model.edges:
            ports = (source_rank[edge.index], target_rank[edge.index])
            points = self._edge_points(layout, edge, ports, row_pitch)
            item = self.edges.get(edge.index)
            if item is None:
                item = self.edges[edge.index] = EdgeItem(edge.index, points, edge.detached)
                self.addItem(item)
            else:
                item.set_points(points)
            label = item.label = self.labels[edge.index]
            run = self._gap_runs.get(edge.index)
            if run is not None:  # into the next band: the label rides the run along the gap
                label.setPos((run[0].x() + run[1].x()) / 2, run[0].y())
                along_gaps.setdefault(round(run[0].y()), []).append((label.x(), label))
                continue
            before, end = points[-2], points[-1]
            label.setPos((before.x() + end.x()) / 2, (before.y() + end.y()) / 2)
            wanted.setdefault(round(end.x()), []).append((label.y(), label))
        for run in along_gaps.values():
            _spread_labels(run, across=True)
        targets: dict[int, set[int]] = {}
        for edge in model.edges:
            column = round(self.cards[edge.target].pos().x())
            targets.setdefault(column, set()).add(edge.target)
        for x, column in wanted.items():
            _spread_labels(column)
            # More than two labels per card entering the gap crowd it: show them on demand.
            crowded = len(column) > 2 * max(1, len(targets.get(x, ())))
            for _, label in column:
                label.set_on_demand(crowded and not self.full_labels)

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


def _label_room(
    texts: list[EdgeLabelTexts], card_width: float, full: bool = False
) -> tuple[float, float]:
    """Label width and column pitch for labels of ``texts``. On screen a label is compact
    (``labels.edge_label_texts``) and as wide as its numbers need, so none is cut short (a vector
    partial's list), and no wider than its texts; ``full`` (exports) widens the labels to the
    longest whole label, formula included."""
    if full:
        metrics = QFontMetricsF(LABEL_FONT)
        lines = {line for each in texts for line in each.lines}
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0.0)
        width = max(widest + 2, LABEL_MAX_WIDTH)
    else:
        width = label_width_for(
            {line for t in texts for line in (t.lines[1], t.flow.partition(" ")[2])},
            {line for t in texts for line in (t.lines[0], t.flow)},
        )
    return width, card_width + width + 2 * _LABEL_MARGIN


def _source_ranks(model: GraphModel, routes) -> dict[int, tuple[int, int]]:
    """Outgoing edges leave a card top to bottom in the order their next point lies."""
    ranks: dict[int, tuple[int, int]] = {}
    for node in model.nodes:
        outgoing = sorted(model.outgoing(node.id), key=lambda e: (routes[e.index][1][1], e.index))
        for rank, edge in enumerate(outgoing):
            ranks[edge.index] = (rank, len(outgoing))
    return ranks


def _target_ranks(model: GraphModel) -> dict[int, tuple[int, int]]:
    """Incoming edges enter a card top to bottom by argument order (u before v)."""
    ranks: dict[int, tuple[int, int]] = {}
    for node in model.nodes:
        incoming = sorted(model.incoming(node.id), key=lambda e: (e.argument_index, e.index))
        for rank, edge in enumerate(incoming):
            ranks[edge.index] = (rank, len(incoming))
    return ranks


def _spread_labels(column: list[tuple[float, EdgeLabel]], across: bool = False) -> None:
    """Labels sharing a gap keep their order and move apart just enough not to overlap:
    up and down in a gap between layers, sideways (``across``) along a gap between bands."""
    column.sort(key=lambda pair: pair[0])
    placed: list[float] = []
    for index, (wanted, label) in enumerate(column):
        if index:
            previous = column[index - 1][1]
            sizes = (previous.width + label.width) if across else (previous.height + label.height)
            wanted = max(wanted, placed[-1] + sizes / 2 + _LABEL_GAP)
        placed.append(wanted)
    # Centre the stack on where the labels wanted to be (pushing apart only moved them on).
    shift = sum(w for w, _ in column) / len(column) - sum(placed) / len(placed)
    for (_, label), where in zip(column, placed, strict=True):
        if across:
            label.setX(where + shift)
        else:
            label.setY(where + shift)
