"""The Graph tab in a session: its state is what it shows, and restoring a step shows the same
cards, edge labels and explanation as stepping there by hand."""

from dataclasses import replace

import pytest

from explorer.core import session as sessions
from explorer.core.graph.from_text import DEFINITIONS, PYTHON
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.core.panel_state import GraphInput, GraphState
from explorer.ui.panels.graph_panel import GraphPanel


def shown(panel):
    """Everything the graph shows: each card's lines, each edge label, the explanation."""
    cards = {
        node_id: (card.title.text, card.subtitle.text, card.value_line.text, card.grad_line.text)
        for node_id, card in panel.scene.cards.items()
    }
    labels = {
        index: (label.partial.text, label.number.text)
        for index, label in panel.scene.labels.items()
    }
    return cards, labels, panel.explanation.toPlainText()


def through_a_file(state, tmp_path):
    session = sessions.Session()
    sessions.store_panel_state(session, "Graph", state)
    sessions.write_session(tmp_path / "graph.calcx", session)
    reopened = sessions.read_session(tmp_path / "graph.calcx")
    assert reopened.warnings == []
    return sessions.panel_state(reopened, "Graph", GraphState)


@pytest.fixture
def second_panel(qtbot):
    panel = GraphPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.shutdown()
    panel.close()


def test_a_new_panel_shows_the_default_state(graph_panel):
    assert graph_panel.state() == GraphState()


@pytest.mark.parametrize(
    ("forward", "backward", "forward_mode"),
    [(0, 0, False), (3, 0, False), (11, 0, True), (11, 4, False), (11, 7, True), (11, 99, False)],
)
def test_restoring_a_step_shows_what_stepping_there_by_hand_shows(
    graph_panel, second_panel, tmp_path, forward, backward, forward_mode
):
    by_hand = graph_panel
    by_hand.forward_mode.check.setChecked(forward_mode)  # as a click would (signals on)
    for _ in range(forward):
        by_hand.step_forward()
    for _ in range(backward):
        by_hand.step_backward()
    state = by_hand.state()
    assert state.step == by_hand.stepper.position and state.forward_mode == forward_mode

    second_panel.set_state(through_a_file(state, tmp_path))
    assert second_panel.stepper.position == by_hand.stepper.position
    assert shown(second_panel) == shown(by_hand)
    assert second_panel.state() == state


def test_a_custom_program_with_typed_values_detach_and_view_round_trips(
    graph_panel, second_panel, tmp_path
):
    panel = graph_panel
    panel.set_source("a = x*y\nb = a + exp(y)\nf = b^2")
    panel.inputs.set_value("x", "2")
    panel.inputs.set_value("y", "log(2)")
    panel.inputs.grad_boxes["x"].setChecked(False)
    panel.sandbox.detach_boxes["a"].setChecked(True)
    panel.view_choice.choose(OPERATIONS)
    panel.apply_source()
    panel.run_all()
    panel.back()
    state = panel.state()
    assert state.inputs == (
        GraphInput("x", "2", requires_grad=False),
        GraphInput("y", "log(2)"),
    )
    assert (state.detach, state.view, state.mode) == (("a",), OPERATIONS, DEFINITIONS)

    second_panel.set_state(through_a_file(state, tmp_path))
    assert second_panel.state() == state
    assert shown(second_panel) == shown(panel)
    assert second_panel.inputs.value_fields["y"].text() == "log(2)"  # as typed, not 0.693…


def test_a_half_typed_value_saves_the_value_last_built(graph_panel):
    graph_panel.inputs.value_fields["w"].setText("3*")  # not finished, not applied
    assert graph_panel.state().inputs[0] == GraphInput("w", "-1")


def test_a_preset_is_recognised_with_its_note_only_while_its_inputs_hold(graph_panel, second_panel):
    graph_panel.load_preset("neuron")
    state = graph_panel.state()
    second_panel.set_state(state)
    assert second_panel.program.preset() == "neuron"
    assert "∂loss/∂w" in second_panel.explanation.toPlainText()
    changed = replace(state, inputs=(replace(state.inputs[0], value="0.25"), *state.inputs[1:]))
    second_panel.set_state(changed)
    assert "∂loss/∂w" not in second_panel.explanation.toPlainText()


def test_a_python_program_is_restored_at_its_step_once_the_worker_has_run_it(
    graph_panel, second_panel, settle, tmp_path
):
    graph_panel.load_preset("control_flow")
    settle(graph_panel)
    graph_panel.seek(graph_panel.stepper.forward_count + 2)
    graph_panel.inputs.show_seed(3)  # the next build draws from seed 3
    graph_panel.apply_source()
    settle(graph_panel)
    graph_panel.seek(graph_panel.stepper.forward_count + 2)
    state = graph_panel.state()
    assert (state.mode, state.seed, state.view, state.inputs) == (PYTHON, 3, OPERATIONS, ())

    second_panel.set_state(through_a_file(state, tmp_path))
    assert second_panel.settle() == ""
    assert second_panel.program.preset() == "control_flow"
    assert second_panel.state() == state
    assert shown(second_panel) == shown(graph_panel)


def test_a_program_that_does_not_build_is_kept_with_its_error(second_panel):
    second_panel.set_state(GraphState(program="a = (x + \nf = a^2", step=3))
    assert "(x + " in second_panel.source_text()  # nothing the learner wrote is lost
    assert second_panel.settle() != ""
    assert second_panel.program.error_label.text()


def test_a_python_state_asking_for_named_steps_is_drawn_op_by_op(second_panel):
    program = "x = torch.tensor(2.0, requires_grad=True)\ny = x * x\n"
    state = GraphState(program=program, mode=PYTHON, view=NAMED_STEPS, detach=("a",))
    assert (state.view, state.inputs, state.detach) == (OPERATIONS, (), ())
    second_panel.set_state(state)
    assert second_panel.settle() == ""
    assert second_panel.state() == state
