"""The Graph tab's cards and labels follow the application's text size (View ▸ Larger Text,
Ctrl+=, and presentation mode): the graph is drawn again in the larger font at the same step,
every text stays at least the application's size on screen, and nothing overlaps afterwards."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from explorer.core.graph.model import OPERATIONS
from explorer.ui.appearance import Appearance
from tests.ui.graph_drawing import cards_crossed, overlaps


@pytest.fixture
def appearance(tmp_path):
    """An Appearance on its own settings; the application's text size is restored afterwards."""
    chosen = Appearance(QSettings(str(tmp_path / "look.ini"), QSettings.Format.IniFormat))
    yield chosen
    Appearance(QSettings(str(tmp_path / "reset.ini"), QSettings.Format.IniFormat)).apply()


def card_of(panel, name):
    return panel.scene.cards[panel.model.node_named(name).id]


def text_points(panel):
    fonts = panel.scene.fonts
    return (
        fonts.title.font.pointSizeF(),
        fonts.body.font.pointSizeF(),
        fonts.label.font.pointSizeF(),
    )


def assert_readable(panel):
    app_points = QApplication.font().pointSizeF()
    title, body, label = text_points(panel)
    zoom = panel.view.zoom
    assert min(title, body, label) * zoom >= app_points - 1e-9
    assert overlaps(panel) == []
    assert cards_crossed(panel) == []


@pytest.mark.parametrize("change", ["larger text", "presentation mode"])
def test_cards_grow_with_the_text_size_and_nothing_overlaps(graph_panel, appearance, qtbot, change):
    panel = graph_panel
    panel.seek(panel.stepper.forward_count)  # every value known: a's card reads 4
    position = panel.stepper.position
    before = text_points(panel)
    card = card_of(panel, "a")
    height, width = card.height, card.width
    if change == "larger text":
        for _ in range(3):
            appearance.grow_text()
    else:
        appearance.set_presentation(True)
    grown = QApplication.font().pointSizeF()
    qtbot.waitUntil(lambda: text_points(panel)[1] == grown)
    after = text_points(panel)
    assert all(new > old for new, old in zip(after, before, strict=True))
    assert after == (grown + 1, grown, grown)  # titles a point larger, as at the normal size
    card = card_of(panel, "a")
    assert card.height > height and card.width > width
    assert panel.stepper.position == position  # drawn again where the learner was
    assert card_of(panel, "a").value_line.text == "value  4"
    assert_readable(panel)
    appearance.reset_text()
    appearance.set_presentation(False)
    qtbot.waitUntil(lambda: text_points(panel) == before)
    assert_readable(panel)


def test_larger_text_in_every_operation_keeps_the_picture_clean(graph_panel, appearance, qtbot):
    panel = graph_panel
    panel.view_choice.choose(OPERATIONS)
    panel.apply_source()
    panel.run_all()
    for _ in range(2):
        appearance.grow_text()
    grown = QApplication.font().pointSizeF()
    qtbot.waitUntil(lambda: text_points(panel)[1] == grown)
    assert panel.model.view == OPERATIONS
    assert panel.stepper.position == panel.stepper.length
    assert_readable(panel)
