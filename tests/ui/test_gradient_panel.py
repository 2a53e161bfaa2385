"""The Gradient panel driven as a learner would: type f(x, y), drag P and u, read the numbers."""

import math
import warnings
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from explorer.core.gradient.point import analyse_point
from explorer.core.gradient.surface import Surface
from explorer.core.panel_state import GradientState
from explorer.ui.panels.gradient_panel import GradientPanel
from explorer.ui.parameter_sliders import ParameterModel


@pytest.fixture
def panel(qtbot):
    widget = GradientPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.map.set_recompute_delay(0)
    return widget


def viewport_point(view, x, y):
    scene = view.view_box.mapViewToScene(QPointF(x, y))
    return view.plot_widget.mapFromScene(scene)


def drag(qtbot, view, start, end, steps=6):
    viewport = view.plot_widget.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, *start))
    for fraction in np.linspace(1 / steps, 1.0, steps):
        x = start[0] + fraction * (end[0] - start[0])
        y = start[1] + fraction * (end[1] - start[1])
        qtbot.mouseMove(viewport, viewport_point(view, x, y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, *end))


def test_opens_on_the_seed_with_its_numbers(panel):
    assert panel.input.line_edit.objectName() == "gradientExpressionInput"
    assert panel.point_input.objectName() == "gradientPointInput"
    assert panel.input.text() == "log(exp(x) + exp(y))"
    assert panel.analysis().y == pytest.approx(math.log(2))
    assert "approximation: 1.0819, true value: 1.0821" in panel.linear_label.text()
    numbers = panel.numbers.text()
    assert "exp(x)/(exp(x) + exp(y))" in numbers and "0.333333" in numbers
    assert "0.666667" in numbers and "0.745356" in numbers


def test_dragging_p_moves_the_arrow_slices_and_direction_plot(qtbot, panel):
    arrow_before = [a.copy() for a in panel.map.arrows("gradient").arrows()]
    slice_before = panel.slice_x.curve_data("slice")[1].copy()
    direction_before = panel.direction_plot.curve_data("D")[1].copy()
    start = (panel.analysis().x, panel.analysis().y)
    drag(qtbot, panel.map, start, (1.5, -1.0))
    analysis = panel.analysis()
    assert (analysis.x, analysis.y) == pytest.approx((1.5, -1.0), abs=0.06)
    # The numbers are the core's at the new P.
    expected = analyse_point(Surface.from_text("log(exp(x)+exp(y))"), analysis.x, analysis.y)
    assert analysis.gradient == pytest.approx(expected.gradient)
    x, y, u, v = panel.map.arrows("gradient").arrows()
    assert (x[0], y[0]) == pytest.approx((analysis.x, analysis.y))
    assert math.atan2(v[0], u[0]) == pytest.approx(math.atan2(analysis.df_dy, analysis.df_dx))
    assert not np.allclose(arrow_before[2:], [u, v])
    assert not np.allclose(panel.slice_x.curve_data("slice")[1], slice_before)
    assert not np.allclose(panel.direction_plot.curve_data("D")[1], direction_before)
    assert panel.point_input.text() == f"{analysis.x:.6g}, {analysis.y:.6g}"
    assert panel.state().point == (analysis.x, analysis.y)
    # The slices pass through f(P) with the partials as their tangents' slopes.
    t, line = panel.slice_y.curve_data("tangent")
    assert (line[1] - line[0]) / (t[1] - t[0]) == pytest.approx(analysis.df_dy)


def test_dragging_the_head_of_u_turns_theta(qtbot, panel):
    head = panel.layer.direction_handle.pos()
    p = panel.analysis()
    radius = math.hypot(head.x() - p.x, head.y() - p.y)
    target = (p.x + radius * math.cos(2.0), p.y + radius * math.sin(2.0))
    drag(qtbot, panel.map, (head.x(), head.y()), target)
    assert panel.state().theta == pytest.approx(2.0, abs=0.05)
    assert panel.angle_input.value() == pytest.approx(math.degrees(panel.state().theta), abs=0.06)
    line = panel.direction_plot.theta_line.value()
    assert line == pytest.approx(panel.state().theta)
    assert "∇f·u" in panel.numbers.text()


def test_typing_theta_and_p(qtbot, panel):
    panel.angle_input.setValue(180.0)
    assert panel.state().theta == pytest.approx(math.pi)
    panel.point_input.setText("1, -pi/4")
    panel.point_input.editingFinished.emit()
    assert (panel.analysis().x, panel.analysis().y) == pytest.approx((1.0, -math.pi / 4))
    panel.point_input.setText("1, 2, 3")
    panel.point_input.editingFinished.emit()
    assert "two numbers" in panel.point_feedback.text()
    assert panel.analysis().x == pytest.approx(1.0)  # nothing lost


def test_typing_f_redraws_and_a_bad_f_keeps_the_last_map(qtbot, panel):
    line_edit = panel.input.line_edit
    line_edit.clear()
    qtbot.keyClicks(line_edit, "x^2 - y^2")
    qtbot.waitUntil(lambda: panel.surface().text == "x^2 - y^2", timeout=10000)
    grid = panel.map.grid()
    assert grid.z[0, 0] == pytest.approx(grid.xs[0] ** 2 - grid.ys[0] ** 2)
    qtbot.keyClicks(line_edit, " + sinx")
    qtbot.waitUntil(lambda: "Unknown name" in panel.input.error_message(), timeout=10000)
    assert panel.surface().text == "x^2 - y^2"
    # The last good f stays mapped. (The error line takes some height, so the map may be
    # sampled again for its new shape: still x² − y², not a new grid object's identity.)
    QApplication.processEvents()
    grid = panel.map.grid()
    np.testing.assert_allclose(grid.z, grid.xs[None, :] ** 2 - grid.ys[:, None] ** 2)


def test_undefined_regions_and_points_do_not_crash(qtbot, panel):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel.set_expression_text("sqrt(1 - x^2 - y^2)")
        panel.move_point(2.5, 2.5)
    assert np.isnan(panel.map.grid().z).any()
    assert "undefined" in panel.numbers.text()
    assert "No linear approximation" in panel.linear_label.text()
    assert panel.map.arrows("gradient").arrows()[0].size == 0


def test_critical_points_of_himmelblau_are_marked(qtbot, panel):
    panel.presets.activated.emit(5)  # Himmelblau
    assert panel.input.text().startswith("(x^2 + y - 11)^2")
    qtbot.waitUntil(lambda: panel.critical_points() is not None, timeout=10000)
    kinds = sorted(p.kind for p in panel.critical_points())
    assert kinds == ["maximum"] + ["minimum"] * 4 + ["saddle"] * 4
    xs, _ = panel.map.marker_positions("critical minimum")
    assert xs.size == 4
    assert "4 minima, 4 saddles, 1 maximum" in panel.critical_label.text()


def test_gradient_field_and_tolerance_shading_toggle(qtbot, panel):
    panel.field_toggle.setChecked(True)
    assert panel.map.arrows("field").arrows()[0].size > 100
    panel.field_toggle.setChecked(False)
    assert panel.map.arrows("field").arrows()[0].size == 0
    panel.tolerance_toggle.setChecked(True)
    assert panel.map.shading_visible("tolerance")
    panel.tolerance_input.setText("-1")
    panel.tolerance_input.editingFinished.emit()
    assert "tolerance" in panel.point_feedback.text()
    assert panel.state().tolerance == pytest.approx(0.01)


def test_a_parameter_slider_redraws_the_map(qtbot, panel):
    model = ParameterModel()
    panel.set_parameter_model(model)
    panel.set_expression_text("a*x^2 + y^2")
    assert panel.parameters.names() == ["a"]
    before = panel.map.grid().z.copy()
    model.set_value("a", 3.0)
    grid = panel.map.grid()
    assert grid.z[0, 0] == pytest.approx(3.0 * grid.xs[0] ** 2 + grid.ys[0] ** 2)
    assert not np.allclose(before, grid.z)
    assert panel.analysis().df_dx == pytest.approx(6.0 * panel.analysis().x)


def test_state_to_widgets_and_back(qtbot, panel):
    state = replace(
        GradientState(),
        expression="x*y",
        point=(0.5, -1.0),
        theta=math.pi / 2,
        epsilon=(0.1, 0.2),
        show_field=True,
        rule_sizes=(4, 2),
    )
    panel.set_state(state)
    assert panel.input.text() == "x*y"
    assert panel.point_input.text() == "0.5, -1"
    assert panel.angle_input.value() == pytest.approx(90.0)
    assert panel.epsilon_input.text() == "0.1, 0.2"
    assert panel.field_toggle.isChecked()
    assert panel.rules.n_input.value() == 4
    assert panel.analysis().gradient == pytest.approx((-1.0, 0.5))
    panel.epsilon_input.setText("0.01, -0.03")
    panel.epsilon_input.editingFinished.emit()
    assert panel.state().epsilon == (0.01, -0.03)
    assert panel.state().expression == "x*y"


def test_vector_rules_tab_follows_the_sizes(qtbot, panel):
    panel.rules.n_input.setValue(5)
    assert panel.state().rule_sizes == (5, 2)
    assert panel.rules.table.rowCount() == 5
    assert all(check.max_difference < 1e-12 for check in panel.rules.checks)
    assert panel.rules.checks[0].autodiff.shape == (5, 2)


def test_the_map_exports(tmp_path, panel):
    from explorer.ui.export import export_png, export_svg

    png = export_png(panel.export_target(), tmp_path / "map.png", 800, 600)
    svg = export_svg(panel.export_target(), tmp_path / "map.svg", 800, 600)
    assert png.stat().st_size > 10_000 and "<svg" in svg.read_text(encoding="utf-8")[:2000]


def test_a_drag_skips_the_hover_search_and_hover_returns_after(qtbot, panel, every_mouse_move):
    view = panel.map
    scene, viewport = view.plot_widget.scene(), view.plot_widget.viewport()
    searches = []
    search = scene.itemsNearEvent
    scene.itemsNearEvent = lambda *args, **kwargs: searches.append(1) or search(*args, **kwargs)
    p = panel.analysis()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, p.x, p.y))
    path = [(p.x + 0.1 * step, p.y - 0.05 * step) for step in range(1, 9)]
    for x, y in path[:2]:
        qtbot.mouseMove(viewport, viewport_point(view, x, y))
    searches.clear()
    for x, y in path[2:]:
        qtbot.mouseMove(viewport, viewport_point(view, x, y))
    # P followed every move, and no move after the drag began searched for hovered items.
    assert panel.state().point == pytest.approx(path[-1], abs=0.02)
    assert searches == []
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, *path[-1]))
    # Letting go looks again: P, under the pointer, shows it can be taken again.
    assert searches
    assert panel.layer.point_handle.is_hovered()


def test_the_focus_ring_steps_aside_during_a_mouse_drag_then_rings_the_dragged_handle(
    qtbot, panel, every_mouse_move
):
    view = panel.map
    viewport = view.plot_widget.viewport()
    ring = view.keyboard.ring
    assert not view.plot_widget.hasFocus() and not ring.isVisible()
    head = panel.layer.direction_handle.pos()
    start = (head.x(), head.y())
    # The press focuses the plot; the focus arrives while the drag is under way.
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, *start))
    for step in range(1, 5):
        qtbot.mouseMove(viewport, viewport_point(view, start[0], start[1] + 0.1 * step))
        QApplication.processEvents()
        assert not ring.isVisible()
    assert view.plot_widget.hasFocus()
    end = (start[0], start[1] + 0.4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, *end))
    # Round u where it was let go: the arrow keys now move u.
    assert ring.isVisible()
    head = panel.layer.direction_handle.pos()
    x, y = ring.getData()
    assert (x[0], y[0]) == pytest.approx((head.x(), head.y()))
    assert view.keyboard.handle().name == "u"
    assert not np.allclose((head.x(), head.y()), start)


def _pixels(plot):
    image = plot.plot_widget.viewport().grab().toImage()
    image = image.convertToFormat(image.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4).copy()


def test_while_p_is_dragged_the_small_plots_axes_are_one_picture_that_looks_the_same(
    qtbot, panel, every_mouse_move
):
    view, plots = panel.map, (panel.slice_x, panel.slice_y, panel.direction_plot)
    viewport = view.plot_widget.viewport()
    p = panel.analysis()
    ranges = [plot.view_range() for plot in plots]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, p.x, p.y))
    # Far enough down that f(x₀, y)'s values leave its view: that plot moves its axes.
    for step in range(1, 9):
        qtbot.mouseMove(viewport, viewport_point(view, p.x + 0.3 * step, p.y - 0.4 * step))
    assert panel.state().point == pytest.approx((p.x + 2.4, p.y - 3.2), abs=0.05)
    assert any(plot.view_range() != before for plot, before in zip(plots, ranges, strict=True))
    for plot in plots:
        assert plot.backdrop.is_frozen()
        frozen = _pixels(plot)
        plot.backdrop.thaw()  # the plot's own axes, painted now at the current view
        differs = np.abs(frozen.astype(int) - _pixels(plot).astype(int)).max(axis=2) > 40
        assert differs.mean() < 0.002
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(view, 1.0, -1.0))
    assert not any(plot.backdrop.is_frozen() for plot in plots)
