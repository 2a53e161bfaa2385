"""The Descent panel: the race on the map or on f(x), the timeline (step, back, scrub, play),
hyperparameters that re-run at once, the diagnosis and explanation from core, copy as code,
and export (PNG frame, animated GIF)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle

from explorer.core.descent.explain import explain_step
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.descent.presets import preset_named
from explorer.core.descent.state import DescentState, Racer, race_for, state_from_preset
from explorer.ui import export
from explorer.ui.panels.descent_panel import DescentPanel

ROSENBROCK = "Rosenbrock (1 − x)² + 100(y − x²)²"


def rosenbrock(state, steps=200):
    """Rosenbrock's preset, shorter (the tests need its first steps only)."""
    return replace(state_from_preset(preset_named(ROSENBROCK), state), steps=steps)


@pytest.fixture
def panel(qtbot):
    widget = DescentPanel()
    widget.fixed_interval = 0
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def current_points(panel):
    xs, ys = panel.map_view.racer_markers.getData()
    return np.column_stack([xs, ys])


def test_the_panel_opens_on_d2ls_bowl_as_a_map(panel):
    assert panel.objectName() == "descentPanel"
    assert panel.views.currentWidget() is panel.map_view
    assert panel.state().expression == "x^2 + 2y^2"
    assert panel.results.rowCount() == 2  # its numbers, then its status
    panel.show_frame(20)
    assert panel.results.item(0, 1).text() == "(−0.05765,\n−7.312×10⁻⁵)"  # a coordinate a line
    np.testing.assert_allclose(current_points(panel)[0], [-0.057646, -0.000073], atol=1e-6)


def test_step_and_back_buttons_restore_the_exact_previous_frame(qtbot, panel):
    panel.set_state(rosenbrock(panel.state()))
    for _ in range(5):
        qtbot.mouseClick(panel.timeline.step_button, Qt.MouseButton.LeftButton)
    assert panel.state().frame == 5
    at_five = current_points(panel).copy()
    explanation = panel.explanation.text()
    qtbot.mouseClick(panel.timeline.step_button, Qt.MouseButton.LeftButton)
    assert not np.array_equal(current_points(panel), at_five)
    qtbot.mouseClick(panel.timeline.back_button, Qt.MouseButton.LeftButton)
    assert panel.state().frame == 5
    assert np.array_equal(current_points(panel), at_five)
    assert panel.explanation.text() == explanation
    race = race_for(panel.state())
    np.testing.assert_array_equal(at_five, [t.point(5) for t in race.trajectories])


def test_scrubbing_shows_the_cores_explanation_of_that_step(panel):
    panel.set_state(rosenbrock(panel.state()))
    panel.explain_combo.setCurrentIndex(panel.explain_combo.findData("adam"))
    panel.timeline.scrubber.setValue(42)
    adam = next(t for t in panel.race.trajectories if t.settings.kind == "adam")
    assert panel.explanation.text() == explain_step(adam, 42).text()
    assert "m̂ = m / (1 − β₁⁴²)" in panel.explanation.text()
    assert panel.timeline.label.text() == "step 42 / 200"


def test_play_runs_to_the_end_and_stops(qtbot, panel):
    panel.set_state(replace(panel.state(), frame=0))
    qtbot.mouseClick(panel.timeline.play_button, Qt.MouseButton.LeftButton)
    assert panel.playing
    qtbot.waitUntil(lambda: not panel.playing, timeout=10_000)
    assert panel.state().frame == panel.race.longest == 20
    assert panel.timeline.play_button.text() == "▶ Play"


def test_a_learning_rate_slider_reruns_the_race_at_once(panel):
    panel.set_state(rosenbrock(panel.state()))
    panel.show_frame(100)
    slider = panel.racer_controls.sliders[("gd", "lr")]
    slider.setValue(slider.value() - 100)  # η / 10
    gd = panel.race.trajectories[0]
    assert gd.settings.lr == pytest.approx(0.0001)
    assert panel.state().racers[0].settings.lr == gd.settings.lr
    assert panel.state().frame == 100
    expected = race_for(panel.state()).trajectories[0].point(100)
    np.testing.assert_array_equal(current_points(panel)[0], expected)


def test_switching_a_racer_off_removes_it(qtbot, panel):
    panel.set_state(rosenbrock(panel.state()))
    panel.racer_controls.switches["rmsprop"].setChecked(False)
    labels = [t.label for t in panel.race.trajectories]
    assert labels == ["GD", "Momentum", "Nesterov", "Adam"]
    assert panel.results.rowCount() == 2 * 4


def test_divergence_is_said_when_the_timeline_reaches_it(panel):
    state = replace(
        DescentState(),
        expression="x^2",
        start=(10.0,),
        racers=(Racer(OptimizerSettings("gd", lr=1.1)),),
        steps=30,
    )
    panel.set_state(state)
    assert panel.views.currentWidget() is panel.curve_view
    panel.show_frame(3)
    assert "diverged" not in panel.diagnosis.text()
    panel.show_frame(30)
    assert panel.state().frame == 7  # the race stopped there
    assert "GD: diverged at step 7: learning rate too large for this curvature" in (
        panel.diagnosis.text()
    )
    assert panel.results.item(1, 0).text() == "GD: diverged"


def test_the_1d_view_draws_the_tangent_and_the_step_it_promises(panel):
    panel.set_state(state_from_preset(preset_named("d2l: f(x) = x², η = 0.2 from x = 10")))
    panel.show_frame(2)
    gd = panel.race.trajectories[0]
    x2, f2, slope = gd.points[2, 0], gd.losses[2], gd.gradients[2, 0]
    tx, ty = panel.curve_view.curve_data("tangent0")
    np.testing.assert_allclose(ty, f2 + slope * (tx - x2))
    sx, sy = panel.curve_view.curve_data("step0")
    np.testing.assert_allclose(sx, [x2, gd.points[3, 0]])
    np.testing.assert_allclose(sy, [f2, f2 + slope * (gd.points[3, 0] - x2)])


def test_a_bad_f_keeps_the_last_race_and_says_why(qtbot, panel):
    race = panel.race
    panel.expression_input.setText("x^2 + ")
    panel.expression_input.editingFinished.emit()
    assert panel.race is race
    assert panel.message.text().startswith("f: ")
    panel.expression_input.setText("(x - 1)^2 + (y + 2)^2")
    panel.expression_input.editingFinished.emit()
    assert panel.message.isHidden()
    assert panel.state().expression == "(x - 1)^2 + (y + 2)^2"


def test_a_start_of_the_wrong_length_is_refused(panel):
    panel.start_input.setText("1")
    panel.start_input.editingFinished.emit()
    assert "needs 2 number(s)" in panel.message.text()
    assert panel.state().start == (-5.0, -2.0)


def test_switching_f_between_one_and_two_variables_adapts_the_start(panel):
    panel.expression_input.setText("x^4 - 3x^2 + x")
    panel.expression_input.editingFinished.emit()
    assert panel.state().start == (-5.0,)
    assert panel.views.currentWidget() is panel.curve_view
    panel.expression_input.setText("x^2 + y^2")
    panel.expression_input.editingFinished.emit()
    assert panel.state().start == (-5.0, 1.0)
    assert panel.views.currentWidget() is panel.map_view
    assert panel.message.isHidden()


def test_dragging_the_start_on_the_map_moves_it(panel):
    panel.map_view.start_moved.emit(1.0, 2.0)
    assert panel.state().start == (1.0, 2.0)
    np.testing.assert_array_equal(panel.race.start, [1.0, 2.0])


def test_copy_as_code_puts_a_pytorch_script_on_the_clipboard(qtbot, panel):
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith('"""Gradient descent race from Calculus Explorer')
    assert "torch.optim.SGD(params, lr=0.1)" in text
    assert "p = torch.tensor([-5.0, -2.0], dtype=torch.float64, requires_grad=True)" in text


def test_export_png_of_the_figure(panel, tmp_path):
    path = export.export_image(panel, tmp_path / "frame.png", 900, 600)
    image = Image.open(path)
    assert image.size == (900, 600)
    colors = image.convert("RGB").getcolors(maxcolors=100_000)
    assert colors is not None and len(colors) > 50  # a map, not a blank page


def test_gif_has_the_frames_and_size_asked_for(panel, tmp_path):
    panel.set_state(rosenbrock(panel.state()))
    panel.show_frame(7)
    path = panel.save_animation(str(tmp_path / "race.gif"), 6, 12.5, 400, 300)
    assert panel.state().frame == 7  # the timeline is back where it was
    gif = Image.open(path)
    assert gif.size == (400, 300)
    assert gif.n_frames == 6
    assert gif.info["duration"] == 80
    assert gif.info["loop"] == 0
    gif.seek(0)
    first = np.asarray(gif.convert("RGB"))
    gif.seek(5)
    assert not np.array_equal(first, np.asarray(gif.convert("RGB")))


def test_gif_refuses_bad_requests_before_rendering(panel, tmp_path):
    from explorer.ui.export_gif import write_gif

    for frames, fps, path, message in (
        ([], 10, tmp_path / "a.gif", "No frames"),
        ([0, 1], 0, tmp_path / "a.gif", "between 0 and 100"),
        ([0, 1], 10, tmp_path / "missing" / "a.gif", "does not exist"),
    ):
        with pytest.raises(export.ExportError, match=message):
            write_gif(panel, path, frames, fps, 200, 150)
    assert not list(tmp_path.rglob("*.gif"))


def test_racer_rows_follow_a_state_with_other_kinds(panel):
    panel.set_state(replace(panel.state(), racers=(Racer(OptimizerSettings("adam", lr=0.2)),)))
    assert list(panel.racer_controls.switches) == ["adam"]
    panel.set_state(rosenbrock(DescentState()))
    assert list(panel.racer_controls.switches) == [
        "gd", "momentum", "nesterov", "rmsprop", "adam",
    ]  # fmt: skip
    assert panel.racer_controls.values[("momentum", "lr")].text() == "0.001"


def test_the_preset_name_and_the_results_read_in_full_at_1280_px(qtbot, panel):
    qtbot.waitExposed(panel)
    combo = panel.preset_combo
    name_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
    assert name_width < combo.width() - 30  # the arrow and the frame take the rest
    results = panel.results
    for row in range(results.rowCount()):
        # Each row is as tall as its wrapped cells at the columns' final widths: nothing in "…".
        assert results.rowHeight(row) >= results.sizeHintForRow(row)


@pytest.mark.parametrize("width", [830, 1280])
def test_the_figure_and_the_side_column_share_a_narrow_panel(qtbot, panel, width):
    # 830 px is what a 1280 px window leaves the tab with the Lessons dock open: the loss plot
    # was squeezed to a sliver there while the side column kept 410 px.
    panel.resize(width, 760)
    qtbot.waitUntil(lambda: panel.width() == width)
    side = panel.results.width()
    assert 295 <= side <= 410
    assert panel.loss_plot.width() >= 170
    assert panel.map_view.width() >= panel.loss_plot.width()
    assert panel.map_view.minimumSizeHint().width() < 300  # the cursor readout does not set it


@pytest.mark.parametrize("race", ["default", "rosenbrock"])
def test_the_end_points_read_in_full_with_the_lessons_dock_open(qtbot, panel, race):
    # 830 px: a 1280 px window with the Lessons dock open. "(−0.05765, −7.312×10⁻⁵)" wrapped
    # at its space left "−7.312×10⁻⁵)" wider than the column, cut to "−7.312×1…".
    if race == "rosenbrock":
        panel.set_state(rosenbrock(panel.state()))
    panel.resize(830, 760)
    qtbot.waitUntil(lambda: panel.width() == 830)
    results = panel.results
    margin = 2 * (results.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    width = results.columnWidth(1) - margin
    metrics = results.fontMetrics()
    assert results.rowCount() >= 2
    for row in range(0, results.rowCount(), 2):  # the rows of numbers (statuses between)
        text = results.item(row, 1).text()
        assert "−" in text or any(ch.isdigit() for ch in text)
        for word in text.split():
            assert metrics.horizontalAdvance(word) <= width, (word, width)
        assert results.rowHeight(row) >= results.sizeHintForRow(row)
