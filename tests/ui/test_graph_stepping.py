"""Stepping that never surprises: Back is one step back, forward mode keeps the place, the
sandbox demos stay in the learner's view and explain what the cards show, and the keyboard
steps while the graph has focus."""

from PySide6.QtCore import Qt

from explorer.core.graph.model import NAMED_STEPS
from explorer.core.graph.stepper import state_at


def card_of(panel, label):
    return panel.scene.cards[panel.model.node_named(label).id]


def test_back_after_run_all_goes_to_the_step_before_the_last(graph_panel, qtbot):
    panel = graph_panel
    panel.seek(3)
    qtbot.mouseClick(panel.step_bar.run_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.step_bar.back_button, Qt.MouseButton.LeftButton)
    stepper = panel.stepper
    assert stepper.position == stepper.length - 1
    assert stepper.state == state_at(panel.model, stepper.schedule, stepper.length - 1)
    assert panel.step_bar.step_label.text() == f"{stepper.length - 1} / {stepper.length}"


def test_toggling_forward_mode_keeps_the_position(graph_panel):
    panel = graph_panel
    panel.seek(6)
    panel.forward_mode.check.setChecked(True)
    assert panel.stepper.position == 6 and panel.step_bar.timeline.value() == 6
    panel.forward_mode.check.setChecked(False)
    assert panel.stepper.position == 6


def test_backward_again_explains_the_accumulation_in_the_learners_view(graph_panel, qtbot):
    panel = graph_panel
    assert panel.model.view == NAMED_STEPS
    qtbot.mouseClick(panel.sandbox.again_button, Qt.MouseButton.LeftButton)
    assert panel.model.view == NAMED_STEPS
    assert panel.view_choice.currentData() == NAMED_STEPS
    assert card_of(panel, "w").grad_line.text == "grad  −8192"
    w = panel.model.node_named("w").id
    step = next(s for s in panel.stepper.schedule if s.phase == "backward" and s.node_id == w)
    panel.seek(step.index + 1)
    text = panel.explanation.toPlainText()
    assert "w.grad = −4096 + (−4096) = −8192" in text
    assert "−4096 → −8192" in text  # the demo's own summary stays in the pane


def test_non_scalar_backward_says_what_gradient_is_and_what_to_type(graph_panel):
    panel = graph_panel
    panel.set_source("y = x * x")
    panel.inputs.set_value("x", "0, 1, 2, 3")
    panel.sandbox.non_scalar()
    text = panel.explanation.toPlainText()
    assert "y has 4 values, so backward needs gradient=" in text
    assert "type y.backward(gradient=torch.ones_like(y))" in text
    assert "x.grad = [0, 2, 4, 6]" in text


def test_keys_step_while_the_graph_has_focus(graph_panel, qtbot):
    panel = graph_panel
    view = panel.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    length = panel.stepper.length
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert panel.stepper.position == 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert panel.stepper.position == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert panel.stepper.position == length
    qtbot.keyClick(view, Qt.Key.Key_Right)  # past the end: nothing to do
    assert panel.stepper.position == length
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert panel.stepper.position == 0
    for _ in range(panel.stepper.forward_count + 2):  # Space carries on into the backward pass
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert panel.stepper.position == panel.stepper.forward_count + 2
    assert panel.stepper.current_step.phase == "backward"
