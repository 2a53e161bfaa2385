"""The Graph panel on graphs too big to read whole: Fit shows everything, the first view is
readable and starts at the inputs, and a resize repeats whichever fit the user chose."""

import pytest
from PySide6.QtCore import Qt

from explorer.ui.graph_view.view import READABLE_ZOOM
from explorer.ui.panels.graph_panel import DEFINITIONS, GraphPanel


@pytest.fixture
def big(graph_panel, forty_definitions):
    assert graph_panel.set_source(forty_definitions, DEFINITIONS)
    return graph_panel


def visible_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_the_first_view_is_readable_and_shows_an_input(big):
    view = big.view
    assert view.zoom >= READABLE_ZOOM
    visible = visible_rect(view)
    shown = [
        n for n in big.model.inputs if visible.contains(big.scene.cards[n.id].sceneBoundingRect())
    ]
    assert shown, "no input card in the first view"


def every_card_visible(panel) -> bool:
    visible = visible_rect(panel.view)
    return all(visible.contains(c.sceneBoundingRect()) for c in panel.scene.cards.values())


def test_fit_shows_every_card_and_survives_a_resize(big, qtbot):
    view = big.view
    big.step_bar.fit_button.click()
    assert view.zoom < READABLE_ZOOM  # the whole 40-definition graph is far too big at 0.72
    # Scroll bars hidden by the fit resize the viewport; the view refits once Qt gets there.
    qtbot.waitUntil(lambda: every_card_visible(big), timeout=2000)
    big.resize(1100, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 900)
    qtbot.waitUntil(lambda: every_card_visible(big), timeout=2000)
    assert view.zoom < READABLE_ZOOM


def test_an_unknown_name_in_an_input_reads_as_typed(qtbot):
    """The message is plain text: the quotes show as quotes, not as an HTML entity."""
    panel = GraphPanel()
    qtbot.addWidget(panel)
    panel.inputs.set_value("x", "abc")
    message = panel.inputs.message
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert message.text() == "x: Unknown name 'abc'"


def test_an_edge_shows_its_number_only_once_both_ends_are_computed(qtbot):
    """At step 0 of the seed no value is known, so no edge shows −4, 8, 64; the formulas do."""
    panel = GraphPanel()
    qtbot.addWidget(panel)
    labels = panel.scene.labels.values()
    assert panel.stepper.position == 0
    assert not any(label.shows_number for label in labels)
    assert all(label.partial.text for label in labels)
    for _ in range(panel.stepper.forward_count):
        panel.step_forward()
        evaluated = panel.stepper.state.evaluated
        for edge in panel.model.edges:
            both = edge.source in evaluated and edge.target in evaluated
            assert panel.scene.labels[edge.index].shows_number == both
    assert all(label.shows_number for label in labels)


def test_a_small_graph_exported_at_800_by_600_stays_in_one_band_with_no_label_on_a_card():
    from explorer.core.graph.model import build_model
    from explorer.core.graph.stepper import Stepper
    from explorer.ui.graph_view.export_layout import export_picture

    model = build_model("log(exp(x)+exp(y))", {"x": 0.0, "y": 0.6931})
    stepper = Stepper(model)
    stepper.run_all()
    picture = export_picture(model, stepper.state, width=800, height=600)
    scene = picture.scene
    assert scene.layout.band_count == 1
    # Bounding rects include a few pixels for the pen; compare what is painted.
    cards = [card.sceneBoundingRect().adjusted(3, 3, -3, -3) for card in scene.cards.values()]
    for label in scene.labels.values():
        box = label.sceneBoundingRect().adjusted(2, 2, -2, -2)
        assert not any(box.intersects(card) for card in cards), label.partial.text


def test_the_neuron_preset_treats_the_target_as_data(qtbot):
    import sympy as sp

    panel = GraphPanel()
    qtbot.addWidget(panel)
    panel.load_preset("neuron")
    assert not panel.inputs.grad_boxes["t"].isChecked()
    assert all(panel.inputs.grad_boxes[name].isChecked() for name in ("w", "x", "b"))
    gradients = panel.model.input_gradients()
    assert gradients.get("t") is None
    w, x, b, t = sp.symbols("w x b t")
    loss = (1 / (1 + sp.exp(-(w * x + b))) - t) ** 2
    at = {w: 0.5, x: 2.0, b: -0.5, t: 1.0}
    assert float(gradients["w"]) == pytest.approx(float(sp.diff(loss, w).subs(at)), rel=1e-12)


def test_the_preset_combo_shows_its_whole_title_or_a_tooltip(graph_panel, settle):
    panel = graph_panel
    combo = panel.program.preset_combo
    for key in ("control_flow", "neuron", "chain"):
        panel.load_preset(key)
        settle(panel)
        assert combo.toolTip() == combo.currentText()
        room = combo.width() - 40  # the arrow and frame
        assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= room, key


def test_a_program_in_the_wrong_mode_gets_a_hint_to_switch(graph_panel, settle):
    from explorer.ui.panels.graph_panel import PYTHON

    panel = graph_panel
    assert not panel.set_source("def f(x):\n    return x * 2\ny = f(3)", DEFINITIONS)
    assert "choose Mode → Python" in panel.program.error_label.text()
    panel.set_source("a = x * y\nf = a * a", PYTHON)
    settle(panel)
    assert "Name 'x' is not defined" in panel.program.error_label.text()
    assert "choose Mode → Expression / definitions" in panel.program.error_label.text()
