"""What the Graph tab's tests measure on a drawn scene: overlapping cards and labels, and edges
that run through a card they do not connect."""

import itertools

from PySide6.QtGui import QPainterPathStroker


def shown_rects(panel):
    cards = [card.sceneBoundingRect() for card in panel.scene.cards.values()]
    labels = [
        label.mapRectToScene(label._rect)
        for label in panel.scene.labels.values()
        if label.isVisible()
    ]
    return cards, labels


def overlaps(panel) -> list[tuple[str, int, int]]:
    """(kind, first, second) for every two shown cards or labels whose rects intersect: "cards"
    (two cards), "label on card" (label, card) or "labels" (two labels), by their order in
    ``shown_rects``."""
    cards, labels = shown_rects(panel)
    found = []
    for (i, first), (j, second) in itertools.combinations(enumerate(cards), 2):
        if first.intersects(second):
            found.append(("cards", i, j))
    for (i, label), (j, card) in itertools.product(enumerate(labels), enumerate(cards)):
        if label.intersects(card):
            found.append(("label on card", i, j))
    for (i, first), (j, second) in itertools.combinations(enumerate(labels), 2):
        if first.intersects(second):
            found.append(("labels", i, j))
    return found


def cards_crossed(panel):
    """(edge index, card title) for every edge whose stroke enters a card it does not connect."""
    scene, model = panel.scene, panel.model
    # A card's outline is drawn inside its bounding rect's 3-pixel margin.
    cards = {
        node_id: card.sceneBoundingRect().adjusted(3, 3, -3, -3)
        for node_id, card in scene.cards.items()
    }
    stroker = QPainterPathStroker()
    crossed = []
    for index, item in scene.edges.items():
        edge = model.edges[index]
        stroke = item.mapToScene(stroker.createStroke(item.path))
        for node_id, rect in cards.items():
            if node_id not in (edge.source, edge.target) and stroke.intersects(rect):
                crossed.append((index, scene.cards[node_id].title.text))
    return crossed
