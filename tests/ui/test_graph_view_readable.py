"""The Graph tab is readable at 1280×800 without zooming: at the default zoom every text is at
least the application's font size, no shown label overlaps another label or a card, and no edge
runs through a card it does not connect, for the seed example in both views and every preset, at
the start, mid-way and after Run all; and no edge crosses a card in programs of 40+ definitions
whose values are reused many layers later (the long edges run along lanes beside the cards)."""

import pytest
from PySide6.QtWidgets import QApplication

from explorer.core.graph.from_text import DEFINITIONS
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.core.graph.presets import PRESETS
from explorer.ui.graph_view.view import READABLE_ZOOM
from tests.ui.graph_drawing import cards_crossed, overlaps

CASES = [("chain", NAMED_STEPS), ("chain", OPERATIONS)] + [
    (preset.key, None) for preset in PRESETS if preset.key != "chain"
]


def long_program(definitions: int = 42) -> str:
    """A chain of definitions, each also reading one three back, and an output reading the
    first and a middle one (edges spanning 20 and 40 layers)."""
    lines = ["a0 = x*y + sin(x)"]
    lines += [f"a{i} = a{i - 1}*x + cos(a{max(0, i - 3)}) - y" for i in range(1, definitions)]
    lines.append(f"f = a{definitions - 1} + a0 + a{definitions // 2}")
    return "\n".join(lines)


def show_case(panel, settle, key, view):
    """The panel showing preset ``key`` in ``view`` (None: the preset's own)."""
    panel.load_preset(key)
    settle(panel)
    if view is not None and panel.model.view != view:
        panel.view_choice.choose(view)
        panel.apply_source()
    return panel


def cut_short(line):
    return line.metrics.horizontalAdvance(line.text) > line.max_width + 0.5


def nothing_lost(panel):
    """Texts cut short with "…" where that loses information: a value, gradient, partial or
    flow number (never cut), or a formula whose whole text is not in its item's tooltip."""
    lost = []
    for card in panel.scene.cards.values():
        lost += [line.text for line in (card.value_line, card.grad_line) if cut_short(line)]
        lost += [
            line.text
            for line in (card.title, card.subtitle)
            if cut_short(line) and line.text not in card.toolTip()
        ]
    for label in panel.scene.labels.values():
        lost += [
            line.text for line in (label.number, label.flow, label.flow_amount) if cut_short(line)
        ]
        if cut_short(label.partial) and label.partial.text not in label.toolTip():
            lost.append(label.partial.text)
    return lost


@pytest.mark.parametrize(("key", "view"), CASES)
def test_texts_are_app_sized_and_nothing_overlaps(graph_panel, settle, key, view):
    panel = show_case(graph_panel, settle, key, view)
    assert cards_crossed(panel) == []
    app_points = QApplication.font().pointSizeF()
    fonts = panel.scene.fonts
    for font in (fonts.body, fonts.label, fonts.title):
        assert font.font.pointSizeF() * panel.view.zoom >= app_points - 1e-9
    for position in (0, panel.stepper.length // 2, panel.stepper.length):
        panel.seek(position)
        assert overlaps(panel) == [], (key, position)
        assert nothing_lost(panel) == [], (key, position)


@pytest.mark.parametrize("view", [NAMED_STEPS, OPERATIONS])
def test_no_edge_crosses_a_card_in_a_long_program(graph_panel, view):
    panel = graph_panel
    panel.view_choice.choose(view)
    assert panel.set_source(long_program(), DEFINITIONS)
    assert panel.model.view == view
    spans = [
        panel.model.layout.layer_of[e.target] - panel.model.layout.layer_of[e.source]
        for e in panel.model.edges
    ]
    assert max(spans) >= 40  # the case this is about: values reused far along the chain
    assert cards_crossed(panel) == []
    panel.run_all()
    assert nothing_lost(panel) == []  # its gradients reach 10¹³: the cards widen to show them


# The seed in "every operation" has 18 cards of four lines and 25 partials: at the application's
# font size it needs about twice the view's area, so it is wrapped to the view's width and read
# by scrolling down, like a page. Every other case fits whole.
SCROLLS_DOWN = {("chain", OPERATIONS)}


@pytest.mark.parametrize(("key", "view"), CASES)
def test_the_graph_fits_the_view_at_a_readable_size(graph_panel, settle, key, view):
    panel = show_case(graph_panel, settle, key, view)
    assert panel.view.zoom >= READABLE_ZOOM
    shown = panel.view.viewport().rect()
    drawing = panel.view.mapFromScene(panel.scene.sceneRect()).boundingRect()
    assert drawing.width() <= shown.width() + 1, (key, view)
    if (key, view) not in SCROLLS_DOWN:
        assert drawing.height() <= shown.height() + 1, (key, view)
