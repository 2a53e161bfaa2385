"""The Graph panel driven with qtbot: presets, stepping, scrubbing, sandbox, program mode, export.

Expected numbers are computed independently with sympy (the seed's chain example) or taken from
the seed notes (f = 1024, every input's gradient −4096).
"""

import numpy as np
import pytest
import sympy as sp
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from explorer.core.graph.stepper import state_at
from explorer.ui import export
from explorer.ui.panels.graph_panel import DEFINITIONS, PYTHON, GraphPanel

SEED_AT = {"w": -1, "x": 0, "y": -2, "z": 1}


@pytest.fixture
def panel(graph_panel):
    return graph_panel


def seed_sympy():
    w, x, y, z = sp.symbols("w x y z", real=True)
    a = (w + x + y + z) ** 2
    b = (w + x - y - z) ** 2
    f = ((a + b) ** 2 + (a - b) ** 2) ** 2
    at = {w: -1, x: 0, y: -2, z: 1}
    return f, (w, x, y, z), at


def click_box(qtbot, box):
    # A check box toggles only when its indicator or text is hit, not anywhere in its width.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def card_of(panel, label):
    node = panel.model.node_named(label)
    return panel.scene.cards[node.id]


def test_seed_preset_run_all_shows_f_and_the_four_gradients(panel, qtbot):
    f, symbols, at = seed_sympy()
    assert f.subs(at) == 1024
    qtbot.mouseClick(panel.step_bar.run_all_button, Qt.MouseButton.LeftButton)
    assert card_of(panel, "f").value_line.text == "value  1024"
    for symbol in symbols:
        expected = sp.diff(f, symbol).subs(at)
        assert expected == -4096
        card = card_of(panel, symbol.name)
        assert card.grad_line.text == "grad  −4096"
        assert card.state.grad_kind == "grad"
    assert "−4096" in panel.explanation.toPlainText()


def test_every_card_matches_sympy_after_run_all(panel):
    f, symbols, at = seed_sympy()
    w, x, y, z = symbols
    a_expr, b_expr = (w + x + y + z) ** 2, (w + x - y - z) ** 2
    a, b, u, v = sp.symbols("a b u v")
    f_abuv = (u + v) ** 2
    uv = {u: (a + b) ** 2, v: (a - b) ** 2}
    ab = {a: a_expr.subs(at), b: b_expr.subs(at)}
    expected = {
        "u": sp.diff(f_abuv, u).subs(uv).subs(ab),
        "v": sp.diff(f_abuv, v).subs(uv).subs(ab),
        "a": sp.diff(f_abuv.subs(uv), a).subs(ab),
        "b": sp.diff(f_abuv.subs(uv), b).subs(ab),
    }
    panel.run_all()
    for label, grad in expected.items():
        shown = card_of(panel, label).grad_line.text
        assert shown == f"grad  {int(grad)}".replace("-", "−")


def test_step_buttons_update_cards_and_highlight(panel, qtbot):
    model = panel.model
    first, second = model.nodes[0], model.nodes[1]
    assert panel.scene.cards[first.id].state.value == ""
    qtbot.mouseClick(panel.step_bar.forward_button, Qt.MouseButton.LeftButton)
    assert panel.scene.cards[first.id].value_line.text == "value  −1"
    assert panel.scene.cards[first.id].state.current
    qtbot.mouseClick(panel.step_bar.forward_button, Qt.MouseButton.LeftButton)
    assert not panel.scene.cards[first.id].state.current
    assert panel.scene.cards[second.id].state.current
    before = {node_id: card.state for node_id, card in panel.scene.cards.items()}
    # Step backward finishes the forward pass and seeds the output: ∂f/∂f = 1.
    qtbot.mouseClick(panel.step_bar.backward_button, Qt.MouseButton.LeftButton)
    output = panel.scene.cards[model.output_id]
    assert output.state.current and output.grad_line.text == "grad  1"
    assert output.value_line.text == "value  1024"
    qtbot.mouseClick(panel.step_bar.backward_button, Qt.MouseButton.LeftButton)
    step = panel.stepper.current_step
    assert step.phase == "backward"
    assert all(panel.scene.edges[i].state.current for i in step.edge_indices)
    assert "∂f/∂" in panel.explanation.toPlainText()
    # Back is one step of the schedule back: the output's seed, then the end of the forward pass.
    qtbot.mouseClick(panel.step_bar.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.step_bar.back_button, Qt.MouseButton.LeftButton)
    assert panel.stepper.position == panel.stepper.forward_count
    for _ in range(panel.stepper.forward_count - 2):
        panel.back()
    after = {node_id: card.state for node_id, card in panel.scene.cards.items()}
    assert after == before


def test_timeline_slider_scrubs(panel):
    stepper = panel.stepper
    for position in (5, stepper.length, 0, stepper.forward_count + 3):
        panel.step_bar.timeline.setValue(position)
        assert stepper.position == position
        assert panel.step_bar.step_label.text() == f"{position} / {stepper.length}"
        state = state_at(panel.model, stepper.schedule, position)
        for node_id, card in panel.scene.cards.items():
            assert bool(card.state.value) == (node_id in state.evaluated)
            assert (card.state.grad_kind == "grad") == (node_id in state.graded)


def test_fan_out_backward_step_says_contributions_add(panel):
    stepper = panel.stepper
    a_id = panel.model.node_named("a").id
    index = next(s.index for s in stepper.schedule if s.phase == "backward" and s.node_id == a_id)
    panel.step_bar.timeline.setValue(index + 1)
    text = panel.explanation.toPlainText()
    # The seed preset opens in the named-steps view: the seed's own chain rule.
    assert "∂f/∂a = ∂f/∂u·∂u/∂a + ∂f/∂v·∂v/∂a = 64·2(a + b) + 64·2(a − b)" in text
    assert "64·8 + 64·8 = 1024" in text
    assert "contributions add" in text
    assert len(stepper.current_step.edge_indices) == 2


def test_detach_draws_a_dashed_edge_and_stops_the_gradient(panel, qtbot):
    click_box(qtbot, panel.sandbox.detach_boxes["a"])
    cut = [item for item in panel.scene.edges.values() if item.detached]
    assert len(cut) == 1
    assert cut[0].pen().style() == Qt.PenStyle.DashLine
    panel.run_all()
    # With a cut, f depends on the inputs only through b, whose gradient is 0 at the seed point.
    w, x, y, z = sp.symbols("w x y z", real=True)
    a = sp.Symbol("a_const")
    b = (w + x - y - z) ** 2
    f = ((a + b) ** 2 + (a - b) ** 2) ** 2
    expected = sp.diff(f, w).subs({a: 4, w: -1, x: 0, y: -2, z: 1})
    assert expected == 0
    assert card_of(panel, "w").grad_line.text == "grad  0"
    assert card_of(panel, "a").grad_line.text.startswith("grad  None")


def test_backward_after_free_shows_the_core_error(panel, qtbot):
    qtbot.mouseClick(panel.sandbox.free_button, Qt.MouseButton.LeftButton)
    text = panel.explanation.toPlainText()
    assert "Trying to backward through the graph a second time" in text
    assert "retain_graph=True" in text


def test_backward_again_accumulates(panel, qtbot):
    qtbot.mouseClick(panel.sandbox.again_button, Qt.MouseButton.LeftButton)
    assert card_of(panel, "w").grad_line.text == "grad  −8192"
    assert "−4096 → −8192" in panel.explanation.toPlainText()
    qtbot.mouseClick(panel.sandbox.again_button, Qt.MouseButton.LeftButton)
    assert card_of(panel, "w").grad_line.text == "grad  −12288"
    panel.inputs.set_value("w", "-1")  # any rebuild starts from a fresh graph again
    panel.run_all()
    assert card_of(panel, "w").grad_line.text == "grad  −4096"


def test_non_scalar_output_needs_gradient(panel):
    panel.set_source("y = x * x")
    panel.inputs.set_value("x", "0, 1, 2, 3")
    panel.sandbox.non_scalar()
    text = panel.explanation.toPlainText()
    assert "grad can be implicitly created only for scalar outputs" in text
    assert "x.grad = [0, 2, 4, 6]" in text


def test_changing_an_input_rebuilds_with_sympy_values(panel):
    f, symbols, _ = seed_sympy()
    w, x, y, z = symbols
    panel.inputs.set_value("w", "log(2)")
    panel.run_all()
    at = {w: sp.log(2), x: 0, y: -2, z: 1}
    assert float(panel.model.output.value) == pytest.approx(float(f.subs(at)))
    assert float(panel.model.node_named("w").grad) == pytest.approx(float(sp.diff(f, w).subs(at)))
    assert "Expected" not in panel.explanation.toPlainText()


def test_requires_grad_off(panel, qtbot):
    click_box(qtbot, panel.inputs.grad_boxes["z"])
    panel.run_all()
    assert "requires_grad=False" in card_of(panel, "z").subtitle.text
    assert card_of(panel, "z").grad_line.text.startswith("grad  None")
    assert card_of(panel, "w").grad_line.text == "grad  −4096"


def test_control_flow_program_shows_loop_branch_and_a_grad_equals_d_over_a(panel, settle):
    panel.load_preset("control_flow")
    settle(panel)
    assert panel.mode() == PYTHON
    text = panel.explanation.toPlainText()
    assert "print(a.grad == d / a)" in text and "tensor(True)" in text
    assert "while loop (line 3) ran" in text and "if (line 5) took the" in text
    a_node = panel.model.node_named("a")
    d_node = panel.model.output
    panel.run_all()
    assert np.isclose(float(a_node.grad), float(d_node.value) / float(a_node.value))
    first_a = float(a_node.value)
    panel.inputs.seed_box.setValue(7)  # another torch.randn draw: the graph is redrawn
    settle(panel)
    assert float(panel.model.node_named("a").value) != first_a
    assert "tensor(True)" in panel.explanation.toPlainText()


def test_negative_input_takes_the_else_branch(panel, settle, seed_f_of_a):
    source = seed_f_of_a("a = torch.tensor(-0.5, requires_grad=True)")
    assert panel.set_source(source, PYTHON)
    settle(panel)
    text = panel.explanation.toPlainText()
    assert "took the else branch" in text and "tensor(True)" in text


def test_bad_program_shows_error_and_keeps_the_graph(panel, qtbot, settle):
    model = panel.model
    count = len(panel.scene.cards)
    assert not panel.set_source("a = (w + x\nf = a^2")
    assert panel.last_error.startswith("Line 1, column")
    assert "Missing ')'" in panel.program.error_label.text()
    assert "Missing ')'" in panel.explanation.toPlainText()
    assert panel.model is model and len(panel.scene.cards) == count
    (marked,) = panel.program.source_edit.extraSelections()
    assert marked.cursor.blockNumber() == 0 and marked.cursor.selectedText() != ""
    panel.set_source("import os\nx = 1", PYTHON)
    settle(panel)
    assert "Line 1, column 1" in panel.program.error_label.text()
    assert panel.model is model
    assert panel.set_source("a = (w + x)\nf = a^2", DEFINITIONS)
    assert (
        panel.program.error_label.text() == "" and panel.program.source_edit.extraSelections() == []
    )


def test_typing_rebuilds_after_a_pause(panel, qtbot):
    panel.program.source_edit.setPlainText("q = x * y\nf = q + x")
    qtbot.waitUntil(lambda: panel.model.output.label == "f" and len(panel.model.nodes) == 4)
    assert set(panel.inputs.value_fields) == {"x", "y"}


def test_forward_mode_shows_tangents_and_the_passes_note(panel, qtbot):
    panel.forward_mode.check.setChecked(True)
    panel.forward_mode.input_combo.setCurrentIndex(panel.forward_mode.input_combo.findText("w"))
    panel.forward_mode.input_combo.activated.emit(panel.forward_mode.input_combo.currentIndex())
    panel.seek(panel.stepper.forward_count)
    output = panel.scene.cards[panel.model.output_id]
    assert output.grad_line.text == "∂/∂w  −4096"  # the tangent df/dw equals the gradient
    assert output.state.grad_kind == "tangent"
    assert "forward mode needs 4 passes" in panel.explanation.toPlainText()


def test_dot_edges_are_labelled_with_the_rule_over_the_operands(panel, settle):
    panel.load_preset("2xtx")
    settle(panel)
    dot_edges = [edge for edge in panel.model.edges if edge.local_partial is None]
    assert len(dot_edges) == 2  # x feeds both arguments of dot(x, x)
    for edge in dot_edges:
        label = panel.scene.labels[edge.index]
        assert label.partial.text == "∂dot(x, x)/∂x"  # compact on screen; the formula in the tip
        assert label.toolTip().startswith("∂dot(x, x)/∂x = x")  # through one slot it is x
        assert label.number.text == "= [0, 1, 2, 3] (vector)"
    panel.run_all()
    for edge in dot_edges:  # each slot adds ∂y/∂dot·x = 2x; together 4x (the seed's ∇2xᵀx)
        assert panel.scene.labels[edge.index].flow.text == "adds [0, 2, 4, 6]"
    assert card_of(panel, "x").grad_line.text == "grad  [0, 4, 8, 12]"
    assert "#" not in panel.explanation.toPlainText()


def test_zoom_and_fit(panel, qtbot):
    view = panel.view
    zoom = view.zoom
    view.zoom_in()
    assert view.zoom == pytest.approx(zoom * 1.15)
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for card in panel.scene.cards.values():
        assert visible.contains(card.sceneBoundingRect())


def non_white_fraction(image: QImage) -> float:
    small = image.scaled(200, 120)
    pixels = [small.pixelColor(x, y) for x in range(small.width()) for y in range(small.height())]
    return sum(1 for c in pixels if c.lightness() < 240) / len(pixels)


def test_export_png_and_svg_are_not_blank(panel, tmp_path):
    panel.run_all()
    png = export.export_image(panel.export_target(), tmp_path / "g.png", 1200, 700)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1200, 700)
    assert non_white_fraction(image) > 0.01
    svg = export.export_image(panel.export_target(), tmp_path / "g.svg", 1200, 700)
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    rendered = QImage(600, 350, QImage.Format.Format_ARGB32)
    rendered.fill(Qt.GlobalColor.white)
    painter = QPainter(rendered)
    renderer.render(painter)
    painter.end()
    assert non_white_fraction(rendered) > 0.01
    assert "1024" in svg.read_text(encoding="utf-8")


def test_a_panel_built_small_fits_again_when_shown_large(qtbot):
    """Built inside a hidden tab (a tiny viewport), the panel refits once it gets its size, so
    inputs and the output are both on screen without pressing Fit."""
    panel = GraphPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 200)
    panel.show()
    panel.resize(1280, 800)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 800)
    panel.run_all()
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    for node in (*panel.model.inputs, panel.model.output):
        assert visible.contains(panel.scene.cards[node.id].sceneBoundingRect())


def test_the_control_flow_chain_is_wrapped_and_stepping_keeps_the_current_card_in_view(
    panel, settle, qtbot
):
    """At a readable zoom the chain is wrapped into bands, the view opens at the input, and
    every step brings its card into view (the output's too)."""
    from explorer.ui.graph_view.view import READABLE_ZOOM

    panel.load_preset("control_flow")
    settle(panel)
    assert panel.scene.layout.band_count > 1
    assert panel.view.zoom >= READABLE_ZOOM

    def in_view(node_id):
        visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
        return visible.contains(panel.scene.cards[node_id].sceneBoundingRect())

    assert all(in_view(node.id) for node in panel.model.inputs)
    for position in range(1, panel.stepper.length + 1):
        panel.seek(position)  # a refit of a late resize may move the view: wait for it
        qtbot.waitUntil(lambda: in_view(panel.stepper.state.current_node), timeout=2000)
    panel.seek(panel.stepper.forward_count)
    qtbot.waitUntil(lambda: in_view(panel.model.output_id), timeout=2000)
    panel.view.zoom_in()  # the user's zoom is kept on a resize
    zoom = panel.view.zoom
    panel.resize(1200, 760)
    assert panel.view.zoom == zoom


def test_the_seed_fits_the_main_window_at_1280_by_800_without_scrollbars(qtbot, settings):
    """The README's window size: the seed's named steps are all in view, readable, with no
    scroll range left (the scene's margin once exceeded the fit's and showed a scrollbar)."""
    from explorer.ui.graph_view.view import READABLE_ZOOM
    from explorer.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel = window.panel_titled("Graph")
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 800)
    view = panel.view
    for position in (0, panel.stepper.length // 2, panel.stepper.length):
        panel.seek(position)
        assert view.zoom >= READABLE_ZOOM
        assert view.horizontalScrollBar().maximum() <= view.horizontalScrollBar().minimum()
        assert view.verticalScrollBar().maximum() <= view.verticalScrollBar().minimum()
        # The scroll bars' visibility follows the range once Qt lays the view out again.
        qtbot.waitUntil(
            lambda: (
                not view.horizontalScrollBar().isVisible()
                and not view.verticalScrollBar().isVisible()
            ),
            timeout=2000,
        )
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        for card in panel.scene.cards.values():
            assert visible.contains(card.sceneBoundingRect())
    window.close()
