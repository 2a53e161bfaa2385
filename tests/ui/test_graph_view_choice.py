"""The Graph panel's "Show: every operation / named steps only" toggle, driven with qtbot."""

import pytest
from PySide6.QtCore import Qt

from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.ui.panels.graph_panel import DEFINITIONS


@pytest.fixture
def panel(graph_panel):
    return graph_panel


def pick(qtbot, panel, view: str) -> None:
    """Choose a view with the keyboard, as a user would on the closed combo box."""
    combo = panel.view_choice
    key = Qt.Key.Key_Down if combo.findData(view) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != view:
        qtbot.keyClick(combo, key)


def titles(panel) -> list[str]:
    return sorted(card.title.text for card in panel.scene.cards.values())


def test_seed_opens_in_named_steps_with_nine_cards(panel, qtbot) -> None:
    assert panel.view_choice.currentData() == NAMED_STEPS
    assert panel.model.view == NAMED_STEPS
    assert titles(panel) == sorted("wxyzabuvf")
    partials = {label.partial.text for label in panel.scene.labels.values()}
    assert {"∂u/∂a", "∂v/∂b", "∂f/∂u"} <= partials  # compact; the formula is in the tooltip
    tips = {label.toolTip().split("\n")[0] for label in panel.scene.labels.values()}
    assert {"∂u/∂a = 2(a + b) = 8", "∂v/∂b = −2(a − b) = −8", "∂f/∂u = 2(u + v) = 64"} <= tips
    qtbot.mouseClick(panel.step_bar.run_all_button, Qt.MouseButton.LeftButton)
    model = panel.model
    for name in "wxyz":
        assert panel.scene.cards[model.node_named(name).id].grad_line.text == "grad  −4096"
    assert panel.scene.cards[model.output_id].value_line.text == "value  1024"


def test_toggle_switches_the_scene_and_back(panel, qtbot) -> None:
    pick(qtbot, panel, OPERATIONS)
    assert panel.model.view == OPERATIONS
    assert len(panel.scene.cards) == 18  # every +, −, ^ and input of the seed's program
    assert "(w + x)₁" in titles(panel) and "(w + x)₂" in titles(panel)
    pick(qtbot, panel, NAMED_STEPS)
    assert len(panel.scene.cards) == 9
    assert len(panel.scene.edges) == 14


def test_the_pick_holds_for_edits_until_a_preset_is_loaded(panel, qtbot) -> None:
    pick(qtbot, panel, OPERATIONS)
    panel.set_source("a = x^2\nb = a*y", DEFINITIONS)
    assert panel.model.view == OPERATIONS
    panel.load_preset("neuron")
    assert panel.model.view == NAMED_STEPS
    assert titles(panel) == sorted(["w", "x", "b", "t", "z", "p", "loss"])


def test_bare_expression_defaults_to_every_operation(panel, qtbot) -> None:
    panel.load_preset("logsumexp")
    assert panel.model.view == OPERATIONS
    pick(qtbot, panel, NAMED_STEPS)
    assert titles(panel) == ["out", "x", "y"]
    assert len(panel.scene.edges) == 2
    panel.run_all()
    x = panel.scene.cards[panel.model.node_named("x").id]
    assert x.grad_line.text == "grad  0.333333"


def test_python_mode_disables_the_toggle_with_a_reason(panel, settle) -> None:
    panel.load_preset("control_flow")
    settle(panel)
    assert not panel.view_choice.isEnabled()
    assert panel.view_choice.currentData() == OPERATIONS
    assert "Python programs are traced operation by operation" in panel.view_choice.toolTip()
    panel.load_preset("chain")
    assert panel.view_choice.isEnabled()


def test_detach_in_named_steps_draws_the_cut_and_sandbox_demos_keep_the_view(panel, qtbot):
    qtbot.mouseClick(
        panel.sandbox.detach_boxes["a"], Qt.MouseButton.LeftButton, pos=_box_point(panel, "a")
    )
    assert panel.model.view == NAMED_STEPS
    cut = [item for item in panel.scene.edges.values() if item.detached]
    assert len(cut) == 1
    assert "a.detach()" in titles(panel)
    qtbot.mouseClick(panel.sandbox.again_button, Qt.MouseButton.LeftButton)
    assert panel.model.view == NAMED_STEPS
    assert panel.view_choice.currentData() == NAMED_STEPS
    assert "a.detach()" in titles(panel)


def _box_point(panel, name):
    from PySide6.QtCore import QPoint

    box = panel.sandbox.detach_boxes[name]
    return QPoint(8, box.height() // 2)


def test_seed_named_steps_fits_the_view_at_1280_by_800_with_whole_labels(panel, qtbot) -> None:
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    for card in panel.scene.cards.values():
        assert visible.contains(card.sceneBoundingRect()), card.title.text
    for label in panel.scene.labels.values():
        assert "…" not in label.partial.static.text()  # labels are not elided
    assert panel.view.zoom >= 1.0


def test_seed_every_operation_writes_each_partial_whole(panel, qtbot) -> None:
    # "∂(w + x + y)/∂(w + x)₁" is wider than a label: it is written as a fraction, not cut
    # short to "∂(w + x + y…".
    pick(qtbot, panel, OPERATIONS)
    qtbot.mouseClick(panel.step_bar.run_all_button, Qt.MouseButton.LeftButton)
    fractions = 0
    for label in panel.scene.labels.values():
        shown = [label.partial.static.text(), label.denominator.static.text()]
        assert not any("…" in line for line in shown), shown
        written = "/".join(line for line in shown if line)
        partial = label.toolTip().split(" = ")[0]  # the whole ∂target/∂source
        assert written.replace(" ", "") == partial.replace(" ", "")
        fractions += label.as_fraction
    assert fractions >= 4
    assert "∂(w + x + y)" in {label.partial.text for label in panel.scene.labels.values()}
