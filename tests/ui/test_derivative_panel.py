"""Derivative panel: seed numbers, dragging x₀, tangents, poles and kinks, sliders, h → 0."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSlider

from explorer.core.expr import parse
from explorer.ui.panels.derivative.controls import h_from_tick, tick_from_h
from explorer.ui.panels.derivative.panel import DerivativePanel


def expression(text: str):
    return parse(text, variables=("x",), parameters=True)


@pytest.fixture
def panel(qtbot):
    widget = DerivativePanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(panel, text: str, x0: float) -> None:
    panel.set_expression(expression(text))
    panel.set_x0(x0)


def tangent_data(panel):
    return panel.plot.curve_data("tangent")


def test_seed_function_slope_two_and_tangent_equation(panel):
    show(panel, "3x^2 - 4x", 1.0)
    assert panel.tangent.differentiable
    assert panel.tangent.slope == pytest.approx(2.0, abs=1e-12)
    assert "y = 2x − 3" in panel.side.tangent_equation.text()
    assert "f′(1) = 2" in panel.side.tangent_slope.text()
    x, y = tangent_data(panel)
    np.testing.assert_allclose(y, 2 * x - 3, atol=1e-9)
    assert panel.layer.handle.pos().x() == pytest.approx(1.0)
    assert panel.layer.handle.pos().y() == pytest.approx(-1.0)


def test_seed_lines_and_table_converge_on_the_table_tab(panel):
    show(panel, "3x^2 - 4x", 1.0)
    panel.views.setCurrentWidget(panel.limit_view)
    seed = panel.limit_view.seed_lines.text().splitlines()
    assert seed[0] == "h=0.00010, numerical limit=2.00030"
    assert seed[1] == "h=0.00001, numerical limit=2.00003"
    table = panel.limit_view.table
    assert table.rowCount() == 12
    forward = [float(table.item(row, 1).text()) for row in range(table.rowCount())]
    errors = [abs(value - 2.0) for value in forward]
    # Truncation error of the forward quotient is 3h here: tenfold smaller per row to h = 1e-5.
    for before, after in zip(errors[:5], errors[1:5], strict=False):
        assert after == pytest.approx(before / 10, rel=1e-3)
    central = [float(table.item(row, 3).text()) for row in range(6)]
    assert central == pytest.approx([2.0] * 6, abs=1e-9)


def drag_handle_to(qtbot, panel, target_x: float) -> None:
    """Press on the handle, move in steps to ``target_x`` (data units), release."""
    view_box = panel.plot.view_box
    viewport = panel.plot.plot_widget.viewport()
    widget = panel.plot.plot_widget

    def viewport_point(x: float, y: float):
        scene = view_box.mapViewToScene(QPointF(x, y))
        return widget.mapFromScene(scene)

    start = panel.layer.handle.pos()
    press_at = viewport_point(start.x(), start.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press_at)
    for fraction in np.linspace(0.1, 1.0, 8):
        x = start.x() + fraction * (target_x - start.x())
        qtbot.mouseMove(viewport, viewport_point(x, start.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(target_x, start.y()))


def test_dragging_the_point_moves_x0_and_the_tangent(qtbot, panel):
    show(panel, "3x^2 - 4x", 1.0)
    before = tangent_data(panel)[1].copy()
    drag_handle_to(qtbot, panel, 2.5)
    assert panel.x0() == pytest.approx(2.5, abs=0.05)
    x0 = panel.x0()
    # The point stays on f, the spin box follows, the tangent is the one at the new x₀.
    assert panel.layer.handle.pos().y() == pytest.approx(3 * x0**2 - 4 * x0)
    spin = panel.findChild(QDoubleSpinBox, "tangentPointInput")
    assert spin.value() == pytest.approx(x0, abs=1e-4)
    x, y = tangent_data(panel)
    assert not np.allclose(y, before)
    slope = 6 * x0 - 4
    np.testing.assert_allclose(y, (3 * x0**2 - 4 * x0) + slope * (x - x0), rtol=1e-9, atol=1e-6)


def test_spin_box_moves_the_tangent(qtbot, panel):
    show(panel, "x^3 - 1/x", 1.0)
    assert panel.tangent.equation == "y = 4x − 4"
    spin = panel.findChild(QDoubleSpinBox, "tangentPointInput")
    spin.setValue(2.0)
    assert panel.x0() == 2.0
    # f(2) = 7.5, f′(2) = 12 + 1/4 = 12.25.
    assert panel.tangent.slope == pytest.approx(12.25)
    assert "y = 12.25x − 17" in panel.side.tangent_equation.text()


@pytest.mark.parametrize(
    ("text", "x0", "why"),
    [("abs(x)", 0.0, "corner"), ("|x - 1|", 1.0, "corner"), ("1/x", 0.0, "not defined")],
)
def test_no_tangent_where_f_is_not_differentiable(panel, text, x0, why):
    show(panel, text, x0)
    assert not panel.tangent.differentiable
    heading = "f is not defined" if why == "not defined" else "Not differentiable"
    assert heading in panel.side.tangent_equation.text()
    assert why in panel.side.tangent_slope.text()
    x, _ = tangent_data(panel)
    assert x.ndim == 0 or x.size == 0  # pyqtgraph keeps None for an emptied curve
    assert "No tangent" in panel.layer.label.textItem.toPlainText()


def test_kink_is_flagged_by_the_three_way_check(panel):
    show(panel, "abs(x)", 0.0)
    assert not panel.agreement.all_agree
    # All three report sign(0) = 0 there: said as a convention, not as a disagreement.
    assert panel.side.agreement_label.text().startswith(
        "At x = 0 the derivative does not exist (kink of |x|); all three methods report the "
        "convention value 0"
    )
    assert "do not all agree" not in panel.side.agreement_label.text()
    assert panel.agreement.conventions[0].convention == 0.0
    marks_x, _ = panel.layer.kink_marks.getData()
    assert list(marks_x) == pytest.approx([0.0], abs=1e-9)
    show(panel, "sin(x)", 1.0)
    assert panel.agreement.all_agree
    assert "agree" in panel.side.agreement_label.text()
    assert len(panel.layer.kink_marks.getData()[0]) == 0


def test_pole_is_a_grey_note_not_a_red_warning(panel):
    show(panel, "x^3 - 1/x", 1.0)
    assert panel.agreement.all_agree
    status = panel.side.agreement_label
    assert status.text().startswith("✓")
    assert "#1b7f3b" in status.styleSheet() and "#b00020" not in status.styleSheet()
    notes = panel.side.undefined_label
    assert notes.isVisible()
    assert notes.text() == "f′ is undefined at x = 0 (pole of f)"
    assert "#555555" in notes.styleSheet()
    # No red disagreement mark at the pole.
    assert len(panel.layer.kink_marks.getData()[0]) == 0
    # A kink next to a pole: amber for the kink (no derivative, one convention value from all
    # three methods), grey for the pole.
    show(panel, "|x - 1| + 1/(x + 1)", 0.0)
    assert "#8a4b00" in status.styleSheet()
    assert "kink" in status.text() and "pole" not in status.text()
    assert notes.text() == "f′ is undefined at x = −1 (pole of f)"
    show(panel, "sin(x)", 1.0)
    assert not notes.isVisible()


def test_pole_leaves_gaps_in_f_and_f_prime(panel):
    show(panel, "x^3 - 1/x", 1.0)
    for key in ("f", "fprime"):
        x, y = panel.plot.curve_data(key)
        finite = np.isfinite(y)
        joined = finite[:-1] & finite[1:]
        # No drawn segment crosses x = 0, where the pole is.
        crosses = joined & (x[:-1] < 0) & (x[1:] > 0)
        assert not crosses.any()
        assert (~finite).any()


def test_parameter_sliders_follow_the_expression_and_drive_the_plot(panel):
    show(panel, "a*x^2 + b", 1.0)
    assert panel.side.parameters.names() == ["a", "b"]
    assert panel.side.parameters.isVisible()
    slider_a = panel.findChild(QSlider, "parameterSlider_a")
    f_before = panel.plot.curve_data("f")[1].copy()
    assert panel.tangent.slope == pytest.approx(2.0)
    slider_a.setValue(300)  # a = 3
    assert panel.function.params == {"a": 3.0, "b": 1.0}
    x, y = panel.plot.curve_data("f")
    assert not np.allclose(y, f_before)
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], 3 * x[finite] ** 2 + 1, rtol=1e-9, atol=1e-9)
    assert panel.tangent.slope == pytest.approx(6.0)
    assert "y = 6x − 2" in panel.side.tangent_equation.text()
    # The value survives a new expression that keeps the parameter; b's slider goes away.
    panel.set_expression(expression("a*sin(x)"))
    assert panel.side.parameters.names() == ["a"]
    assert panel.function.params == {"a": 3.0}
    panel.set_expression(expression("x^2"))
    assert not panel.side.parameters.isVisible()


def test_h_slider_moves_the_secant_towards_the_tangent(panel):
    show(panel, "sin(x)", 0.5)
    slider = panel.findChild(QSlider, "hSlider")
    slopes = []
    for h in (1.0, 1e-1, 1e-2, 1e-4):
        slider.setValue(tick_from_h(h))
        x, y = panel.plot.curve_data("secant")
        slopes.append((y[1] - y[0]) / (x[1] - x[0]))
        points_x, _ = panel.layer.secant_points.getData()
        assert list(points_x) == pytest.approx([0.5, 0.5 + h])
    errors = [abs(s - np.cos(0.5)) for s in slopes]
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 1e-4
    assert "h = 1.0×10⁻⁴" in panel.side.h_slider.readout.text()


def test_float32_switch_changes_the_error_curve(panel):
    show(panel, "exp(x)", 1.0)
    panel.views.setCurrentWidget(panel.error_view)
    _, error64 = panel.error_view.plot.curve_data("forward")
    best64 = panel.error_view.result.best_h_forward
    panel.error_view.precision_switch.setCurrentText("float32")
    _, error32 = panel.error_view.plot.curve_data("forward")
    best32 = panel.error_view.result.best_h_forward
    assert panel.error_view.result.dtype == "float32"
    assert not np.allclose(error64, error32, equal_nan=True)
    # Round-off sets in much earlier in float32: its best step is far larger.
    assert best32 > 100 * best64
    assert "float32" in panel.error_view.summary.text()


def test_error_plot_has_both_reference_slopes_and_best_h(panel):
    show(panel, "sin(x)", 1.0)
    panel.views.setCurrentWidget(panel.error_view)
    result = panel.error_view.result
    assert result.forward_slope == pytest.approx(1.0, abs=0.15)
    assert result.central_slope == pytest.approx(2.0, abs=0.2)
    h, order2 = panel.error_view.plot.curve_data("order2")
    finite = np.isfinite(order2) & (order2 > 0)
    slope = np.polyfit(np.log10(h[finite]), np.log10(order2[finite]), 1)[0]
    assert slope == pytest.approx(2.0)
    best_x, _ = panel.error_view.best_marks.getData()
    assert len(best_x) == 2


def test_limit_views_are_refreshed_only_when_shown(panel):
    show(panel, "3x^2 - 4x", 1.0)
    panel.views.setCurrentWidget(panel.limit_view)
    panel.views.setCurrentWidget(panel.plot)
    panel.set_x0(2.0)
    assert panel.limit_view.rows[0].forward == pytest.approx(2.3)  # still x₀ = 1
    panel.views.setCurrentWidget(panel.limit_view)
    assert panel.limit_view.rows[0].forward == pytest.approx(8.3)  # (f(2.1) − f(2))/0.1


def test_bad_input_keeps_the_last_state(panel):
    show(panel, "x^3 - 1/x", 1.0)
    before = panel.plot.curve_data("f")[1].copy()
    panel.set_expression("x^3 - 1/")
    panel.set_expression("sinx")
    np.testing.assert_array_equal(panel.plot.curve_data("f")[1], before)
    assert panel.tangent.equation == "y = 4x − 4"


def test_steps_pane_unfolds_and_names_the_rules(qtbot, panel):
    show(panel, "x^2*sin(x)", 1.0)
    steps = panel.side.steps
    assert not steps.list.isVisible()
    qtbot.mouseClick(steps.toggle, Qt.MouseButton.LeftButton)
    assert steps.list.isVisible()
    assert steps.rules()[0] == "product"
    assert steps.list.count() == len(panel.function.derivation.steps)
    assert "Product rule" in steps.list.item(0).text()


def test_second_derivative_toggle(panel):
    show(panel, "x^3", 1.0)
    assert "fsecond" not in panel.plot.curve_keys()
    panel.side.show_second.setChecked(True)
    x, y = panel.plot.curve_data("fsecond")
    np.testing.assert_allclose(y, 6 * x, atol=1e-9)
    assert panel.side.second_label.text() == "f″(x) = 6x"
    panel.side.show_second.setChecked(False)
    assert "fsecond" not in panel.plot.curve_keys()


def test_linear_approximation_band(panel):
    show(panel, "x^2", 1.0)
    panel.side.epsilon_input.setValue(0.25)
    panel.side.show_band.setChecked(True)
    # |x² − (2x − 1)| = (x − 1)² ≤ 0.25  ⇔  |x − 1| ≤ 0.5.
    low, high = panel.layer.band_region.getRegion()
    assert low == pytest.approx(0.5, abs=0.01)
    assert high == pytest.approx(1.5, abs=0.01)
    assert panel.layer.band_fill.isVisible()
    readout = panel.side.band_readout.text()
    assert float(re.search(r"within ±([\d.]+)", readout).group(1)) == pytest.approx(0.5, abs=0.01)
    panel.side.show_band.setChecked(False)
    assert not panel.layer.band_fill.isVisible()


def test_h_slider_scale_is_logarithmic():
    assert h_from_tick(0) == 1.0
    assert h_from_tick(120) == pytest.approx(1e-12)
    assert tick_from_h(1e-4) == 40


@pytest.mark.parametrize(("text", "key"), [("sign(x) + x", "f"), ("abs(x)", "fprime")])
def test_no_vertical_connector_across_a_jump(panel, text, key):
    show(panel, text, 1.0)
    x, y = panel.plot.curve_data(key)
    joined = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    # The jump at 0 is 2 high; a continuous step on this grid rises by at most 0.003.
    assert np.abs(np.diff(y))[joined].max() < 0.01
    assert np.isnan(y[(x > -0.01) & (x < 0.01)]).any()
