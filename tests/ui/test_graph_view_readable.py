"""The Graph tab is readable at 1280×800 without zooming: at the default zoom every text is at
least the application's font size, and no shown label overlaps another label or a card, for the
seed example in both views and every preset, at the start, mid-way and after Run all."""

import itertools

import pytest
from PySide6.QtWidgets import QApplication

from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.core.graph.presets import PRESETS
from explorer.ui.graph_view.items import BODY_FONT, LABEL_FONT, TITLE_FONT

CASES = [("chain", NAMED_STEPS), ("chain", OPERATIONS)] + [
    (preset.key, None) for preset in PRESETS if preset.key != "chain"
]


def shown_rects(panel):
    cards = [card.sceneBoundingRect() for card in panel.scene.cards.values()]
    labels = [
        label.mapRectToScene(label._rect)
        for label in panel.scene.labels.values()
        if label.isVisible()
    ]
    return cards, labels


@pytest.mark.parametrize(("key", "view"), CASES)
def test_texts_are_app_sized_and_nothing_overlaps(graph_panel, settle, key, view):
    panel = graph_panel
    panel.load_preset(key)
    settle(panel)
    if view is not None and panel.model.view != view:
        panel.view_choice.choose(view)
        panel.apply_source()
    app_points = QApplication.font().pointSizeF()
    for font in (BODY_FONT, LABEL_FONT, TITLE_FONT):
        assert font.pointSizeF() * panel.view.zoom >= app_points - 1e-9
    for position in (0, panel.stepper.length // 2, panel.stepper.length):
        panel.seek(position)
        cards, labels = shown_rects(panel)
        for first, second in itertools.combinations(cards, 2):
            assert not first.intersects(second)
        for label in labels:
            assert not any(label.intersects(card) for card in cards), (key, position)
        for first, second in itertools.combinations(labels, 2):
            assert not first.intersects(second), (key, position)
