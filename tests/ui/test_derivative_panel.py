"""Derivative panel: seed numbers, dragging x₀ (and back from off the domain), tangents, poles,
kinks and domains, the plot title, sliders, h → 0."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QSlider

from explorer.core.expr import parse
from explorer.ui.appearance import text_role
from explorer.ui.palette import LIGHT
from explorer.ui.panels.derivative.controls import h_from_tick, tick_from_h


def expression(text: str):
    return parse(text, variables=("x",), parameters=True)


def show(derivative_panel, text: str, x0: float) -> None:
    derivative_panel.set_expression(expression(text))
    derivative_panel.set_x0(x0)


def tangent_data(derivative_panel):
    return derivative_panel.plot.curve_data("tangent")


def test_seed_function_slope_two_and_tangent_equation(derivative_panel):
    show(derivative_panel, "3x^2 - 4x", 1.0)
    assert derivative_panel.tangent.differentiable
    assert derivative_panel.tangent.slope == pytest.approx(2.0, abs=1e-12)
    assert "y = 2x − 3" in derivative_panel.side.tangent_equation.text()
    assert "f′(1) = 2" in derivative_panel.side.tangent_slope.text()
    x, y = tangent_data(derivative_panel)
    np.testing.assert_allclose(y, 2 * x - 3, atol=1e-9)
    assert derivative_panel.layer.handle.pos().x() == pytest.approx(1.0)
    assert derivative_panel.layer.handle.pos().y() == pytest.approx(-1.0)


def test_seed_lines_and_table_converge_on_the_table_tab(derivative_panel):
    show(derivative_panel, "3x^2 - 4x", 1.0)
    derivative_panel.views.setCurrentWidget(derivative_panel.limit_view)
    seed = derivative_panel.limit_view.seed_lines.text().splitlines()
    assert seed[0] == "h=0.00010, numerical limit=2.00030"
    assert seed[1] == "h=0.00001, numerical limit=2.00003"
    table = derivative_panel.limit_view.table
    assert table.rowCount() == 12
    forward = [float(table.item(row, 1).text()) for row in range(table.rowCount())]
    errors = [abs(value - 2.0) for value in forward]
    # Truncation error of the forward quotient is 3h here: tenfold smaller per row to h = 1e-5.
    for before, after in zip(errors[:5], errors[1:5], strict=False):
        assert after == pytest.approx(before / 10, rel=1e-3)
    central = [float(table.item(row, 3).text()) for row in range(6)]
    assert central == pytest.approx([2.0] * 6, abs=1e-9)


def drag_handle_to(qtbot, derivative_panel, target_x: float) -> None:
    """Press on the handle, move in steps to ``target_x`` (data units), release."""
    view_box = derivative_panel.plot.view_box
    viewport = derivative_panel.plot.plot_widget.viewport()
    widget = derivative_panel.plot.plot_widget

    def viewport_point(x: float, y: float):
        scene = view_box.mapViewToScene(QPointF(x, y))
        return widget.mapFromScene(scene)

    start = derivative_panel.layer.handle.pos()
    press_at = viewport_point(start.x(), start.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press_at)
    for fraction in np.linspace(0.1, 1.0, 8):
        x = start.x() + fraction * (target_x - start.x())
        qtbot.mouseMove(viewport, viewport_point(x, start.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(target_x, start.y()))


def test_dragging_the_point_moves_x0_and_the_tangent(qtbot, derivative_panel):
    show(derivative_panel, "3x^2 - 4x", 1.0)
    before = tangent_data(derivative_panel)[1].copy()
    drag_handle_to(qtbot, derivative_panel, 2.5)
    assert derivative_panel.x0() == pytest.approx(2.5, abs=0.05)
    x0 = derivative_panel.x0()
    # The point stays on f, the spin box follows, the tangent is the one at the new x₀.
    assert derivative_panel.layer.handle.pos().y() == pytest.approx(3 * x0**2 - 4 * x0)
    spin = derivative_panel.findChild(QDoubleSpinBox, "tangentPointInput")
    assert spin.value() == pytest.approx(x0, abs=1e-4)
    x, y = tangent_data(derivative_panel)
    assert not np.allclose(y, before)
    slope = 6 * x0 - 4
    np.testing.assert_allclose(y, (3 * x0**2 - 4 * x0) + slope * (x - x0), rtol=1e-9, atol=1e-6)


def test_spin_box_moves_the_tangent(qtbot, derivative_panel):
    show(derivative_panel, "x^3 - 1/x", 1.0)
    assert derivative_panel.tangent.equation == "y = 4x − 4"
    spin = derivative_panel.findChild(QDoubleSpinBox, "tangentPointInput")
    spin.setValue(2.0)
    assert derivative_panel.x0() == 2.0
    # f(2) = 7.5, f′(2) = 12 + 1/4 = 12.25.
    assert derivative_panel.tangent.slope == pytest.approx(12.25)
    assert "y = 12.25x − 17" in derivative_panel.side.tangent_equation.text()


@pytest.mark.parametrize(
    ("text", "x0", "why"),
    [("abs(x)", 0.0, "corner"), ("|x - 1|", 1.0, "corner"), ("1/x", 0.0, "not defined")],
)
def test_no_tangent_where_f_is_not_differentiable(derivative_panel, text, x0, why):
    show(derivative_panel, text, x0)
    assert not derivative_panel.tangent.differentiable
    heading = "f is not defined" if why == "not defined" else "Not differentiable"
    assert heading in derivative_panel.side.tangent_equation.text()
    assert why in derivative_panel.side.tangent_slope.text()
    x, _ = tangent_data(derivative_panel)
    assert x.ndim == 0 or x.size == 0  # pyqtgraph keeps None for an emptied curve
    assert "No tangent" in derivative_panel.layer.label.textItem.toPlainText()


def test_kink_is_flagged_by_the_three_way_check(derivative_panel):
    show(derivative_panel, "abs(x)", 0.0)
    assert not derivative_panel.agreement.all_agree
    # All three report sign(0) = 0 there: said as a convention, not as a disagreement.
    assert derivative_panel.side.agreement_label.text().startswith(
        "At x = 0 the derivative does not exist (kink of |x|); all three methods report the "
        "convention value 0"
    )
    assert "do not all agree" not in derivative_panel.side.agreement_label.text()
    assert derivative_panel.agreement.conventions[0].convention == 0.0
    marks_x, _ = derivative_panel.layer.kink_marks.getData()
    assert list(marks_x) == pytest.approx([0.0], abs=1e-9)
    show(derivative_panel, "sin(x)", 1.0)
    assert derivative_panel.agreement.all_agree
    assert "agree" in derivative_panel.side.agreement_label.text()
    assert len(derivative_panel.layer.kink_marks.getData()[0]) == 0


def test_pole_is_a_grey_note_not_a_red_warning(derivative_panel):
    show(derivative_panel, "x^3 - 1/x", 1.0)
    assert derivative_panel.agreement.all_agree
    status = derivative_panel.side.agreement_label
    assert status.text().startswith("✓")
    assert text_role(status) == "ok"
    assert LIGHT.ok in status.styleSheet() and LIGHT.error not in status.styleSheet()
    notes = derivative_panel.side.undefined_label
    assert notes.isVisible()
    assert notes.text() == "f′ is undefined at x = 0 (pole of f)"
    assert text_role(notes) == "muted" and LIGHT.muted in notes.styleSheet()
    # No red disagreement mark at the pole.
    assert len(derivative_panel.layer.kink_marks.getData()[0]) == 0
    # A kink next to a pole: amber for the kink (no derivative, one convention value from all
    # three methods), grey for the pole.
    show(derivative_panel, "|x - 1| + 1/(x + 1)", 0.0)
    assert text_role(status) == "caution" and LIGHT.caution in status.styleSheet()
    assert "kink" in status.text() and "pole" not in status.text()
    assert notes.text() == "f′ is undefined at x = −1 (pole of f)"
    show(derivative_panel, "sin(x)", 1.0)
    assert not notes.isVisible()


def test_pole_leaves_gaps_in_f_and_f_prime(derivative_panel):
    show(derivative_panel, "x^3 - 1/x", 1.0)
    for key in ("f", "fprime"):
        x, y = derivative_panel.plot.curve_data(key)
        finite = np.isfinite(y)
        joined = finite[:-1] & finite[1:]
        # No drawn segment crosses x = 0, where the pole is.
        crosses = joined & (x[:-1] < 0) & (x[1:] > 0)
        assert not crosses.any()
        assert (~finite).any()


def test_parameter_sliders_follow_the_expression_and_drive_the_plot(derivative_panel):
    show(derivative_panel, "a*x^2 + b", 1.0)
    assert derivative_panel.side.parameters.names() == ["a", "b"]
    assert derivative_panel.side.parameters.isVisible()
    slider_a = derivative_panel.findChild(QSlider, "parameterSlider_a")
    f_before = derivative_panel.plot.curve_data("f")[1].copy()
    assert derivative_panel.tangent.slope == pytest.approx(2.0)
    slider_a.setValue(300)  # a = 3
    assert derivative_panel.function.params == {"a": 3.0, "b": 1.0}
    x, y = derivative_panel.plot.curve_data("f")
    assert not np.allclose(y, f_before)
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], 3 * x[finite] ** 2 + 1, rtol=1e-9, atol=1e-9)
    assert derivative_panel.tangent.slope == pytest.approx(6.0)
    assert "y = 6x − 2" in derivative_panel.side.tangent_equation.text()
    # The value survives a new expression that keeps the parameter; b's slider goes away.
    derivative_panel.set_expression(expression("a*sin(x)"))
    assert derivative_panel.side.parameters.names() == ["a"]
    assert derivative_panel.function.params == {"a": 3.0}
    derivative_panel.set_expression(expression("x^2"))
    assert not derivative_panel.side.parameters.isVisible()


def test_h_slider_moves_the_secant_towards_the_tangent(derivative_panel):
    show(derivative_panel, "sin(x)", 0.5)
    slider = derivative_panel.findChild(QSlider, "hSlider")
    slopes = []
    for h in (1.0, 1e-1, 1e-2, 1e-4):
        slider.setValue(tick_from_h(h))
        x, y = derivative_panel.plot.curve_data("secant")
        slopes.append((y[1] - y[0]) / (x[1] - x[0]))
        points_x, _ = derivative_panel.layer.secant_points.getData()
        assert list(points_x) == pytest.approx([0.5, 0.5 + h])
    errors = [abs(s - np.cos(0.5)) for s in slopes]
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 1e-4
    assert "h = 1.0×10⁻⁴" in derivative_panel.side.h_slider.readout.text()


def test_float32_switch_changes_the_error_curve(derivative_panel):
    show(derivative_panel, "exp(x)", 1.0)
    derivative_panel.views.setCurrentWidget(derivative_panel.error_view)
    _, error64 = derivative_panel.error_view.plot.curve_data("forward")
    best64 = derivative_panel.error_view.result.best_h_forward
    derivative_panel.error_view.precision_switch.setCurrentText("float32")
    _, error32 = derivative_panel.error_view.plot.curve_data("forward")
    best32 = derivative_panel.error_view.result.best_h_forward
    assert derivative_panel.error_view.result.dtype == "float32"
    assert not np.allclose(error64, error32, equal_nan=True)
    # Round-off sets in much earlier in float32: its best step is far larger.
    assert best32 > 100 * best64
    assert "float32" in derivative_panel.error_view.summary.text()


def test_error_plot_has_both_reference_slopes_and_best_h(derivative_panel):
    show(derivative_panel, "sin(x)", 1.0)
    derivative_panel.views.setCurrentWidget(derivative_panel.error_view)
    result = derivative_panel.error_view.result
    assert result.forward_slope == pytest.approx(1.0, abs=0.15)
    assert result.central_slope == pytest.approx(2.0, abs=0.2)
    h, order2 = derivative_panel.error_view.plot.curve_data("order2")
    finite = np.isfinite(order2) & (order2 > 0)
    slope = np.polyfit(np.log10(h[finite]), np.log10(order2[finite]), 1)[0]
    assert slope == pytest.approx(2.0)
    best_x, _ = derivative_panel.error_view.best_marks.getData()
    assert len(best_x) == 2


def test_limit_views_are_refreshed_only_when_shown(derivative_panel):
    show(derivative_panel, "3x^2 - 4x", 1.0)
    derivative_panel.views.setCurrentWidget(derivative_panel.limit_view)
    derivative_panel.views.setCurrentWidget(derivative_panel.plot)
    derivative_panel.set_x0(2.0)
    assert derivative_panel.limit_view.rows[0].forward == pytest.approx(2.3)  # still x₀ = 1
    derivative_panel.views.setCurrentWidget(derivative_panel.limit_view)
    assert derivative_panel.limit_view.rows[0].forward == pytest.approx(8.3)  # (f(2.1) − f(2))/0.1


def test_bad_input_keeps_the_last_state(derivative_panel):
    show(derivative_panel, "x^3 - 1/x", 1.0)
    before = derivative_panel.plot.curve_data("f")[1].copy()
    derivative_panel.set_expression("x^3 - 1/")
    derivative_panel.set_expression("sinx")
    np.testing.assert_array_equal(derivative_panel.plot.curve_data("f")[1], before)
    assert derivative_panel.tangent.equation == "y = 4x − 4"


def test_steps_pane_unfolds_and_names_the_rules(qtbot, derivative_panel):
    show(derivative_panel, "x^2*sin(x)", 1.0)
    steps = derivative_panel.side.steps
    assert not steps.list.isVisible()
    qtbot.mouseClick(steps.toggle, Qt.MouseButton.LeftButton)
    assert steps.list.isVisible()
    assert steps.rules()[0] == "product"
    assert steps.list.count() == len(derivative_panel.function.derivation.steps)
    assert "Product rule" in steps.list.item(0).text()


def test_second_derivative_toggle(derivative_panel):
    show(derivative_panel, "x^3", 1.0)
    assert "fsecond" not in derivative_panel.plot.curve_keys()
    derivative_panel.side.show_second.setChecked(True)
    x, y = derivative_panel.plot.curve_data("fsecond")
    np.testing.assert_allclose(y, 6 * x, atol=1e-9)
    assert derivative_panel.side.second_label.text() == "f″(x) = 6x"
    derivative_panel.side.show_second.setChecked(False)
    assert "fsecond" not in derivative_panel.plot.curve_keys()


def test_linear_approximation_band(derivative_panel):
    show(derivative_panel, "x^2", 1.0)
    derivative_panel.side.epsilon_input.setValue(0.25)
    derivative_panel.side.show_band.setChecked(True)
    # |x² − (2x − 1)| = (x − 1)² ≤ 0.25  ⇔  |x − 1| ≤ 0.5.
    low, high = derivative_panel.layer.band_region.getRegion()
    assert low == pytest.approx(0.5, abs=0.01)
    assert high == pytest.approx(1.5, abs=0.01)
    assert derivative_panel.layer.band_fill.isVisible()
    readout = derivative_panel.side.band_readout.text()
    assert float(re.search(r"within ±([\d.]+)", readout).group(1)) == pytest.approx(0.5, abs=0.01)
    derivative_panel.side.show_band.setChecked(False)
    assert not derivative_panel.layer.band_fill.isVisible()


def test_h_slider_scale_is_logarithmic():
    assert h_from_tick(0) == 1.0
    assert h_from_tick(120) == pytest.approx(1e-12)
    assert tick_from_h(1e-4) == 40


@pytest.mark.parametrize(("text", "key"), [("sign(x) + x", "f"), ("abs(x)", "fprime")])
def test_no_vertical_connector_across_a_jump(derivative_panel, text, key):
    show(derivative_panel, text, 1.0)
    x, y = derivative_panel.plot.curve_data(key)
    joined = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    # The jump at 0 is 2 high; a continuous step on this grid rises by at most 0.003.
    assert np.abs(np.diff(y))[joined].max() < 0.01
    assert np.isnan(y[(x > -0.01) & (x < 0.01)]).any()


def test_f_prime_and_f_second_are_hidden_where_ln_is_undefined(derivative_panel):
    derivative_panel.side.show_second.setChecked(True)
    show(derivative_panel, "log(x)", 2.0)
    for key in ("fprime", "fsecond"):
        x, y = derivative_panel.plot.curve_data(key)
        assert np.all(~np.isfinite(y[x < 0])), key
        assert np.any(np.isfinite(y[x > 0])), key
    assert "points in view" in derivative_panel.side.agreement_label.text()
    assert "at all" not in derivative_panel.side.agreement_label.text()


def test_tangent_readout_says_f_is_not_defined_left_of_zero(derivative_panel):
    show(derivative_panel, "log(x)", -3.23)
    assert "not defined" in derivative_panel.side.tangent_equation.text()
    readout = derivative_panel.side.three_at_x0.text()
    assert "not defined" in readout
    assert "0.3" not in readout  # no 1/x value


LONG = "sigmoid(3x-1)*tanh(x^2) + log(1+x^2)/sqrt(1+x^2)"


@pytest.mark.parametrize("width", [1280, 900])
def test_long_formula_title_is_elided_and_the_plot_stays_in_its_frame(
    qtbot, derivative_panel, width
):
    derivative_panel.resize(width, 800)
    show(derivative_panel, LONG, 1.0)
    qtbot.waitUntil(
        lambda: (
            derivative_panel.plot.plot_item.geometry().width()
            <= derivative_panel.plot.plot_widget.width()
        )
    )
    assert "…" in derivative_panel.title.text()
    tooltip = derivative_panel.plot.plot_item.titleLabel.toolTip()
    assert derivative_panel.function.derivation.text in tooltip
    assert "ln(1 + x²)/√(1 + x²)" in tooltip


def test_short_formula_title_is_whole(derivative_panel):
    show(derivative_panel, "x^2", 1.0)
    assert derivative_panel.title.text().split() == ["f(x)", "=", "x²", "f′(x)", "=", "2x"]


def test_cancelling_kinks_draw_the_tangent_y_equals_x(derivative_panel):
    show(derivative_panel, "relu(x)-relu(-x)", 0.0)
    assert derivative_panel.tangent.differentiable and derivative_panel.tangent.slope == 1.0
    assert "y = x" in derivative_panel.side.tangent_equation.text()
    assert "convention" in derivative_panel.side.three_at_x0.text()
    x, y = derivative_panel.plot.curve_data("tangent")
    np.testing.assert_allclose(y, x)


def test_point_dragged_off_the_domain_stays_visible_and_can_be_dragged_back(
    qtbot, derivative_panel
):
    show(derivative_panel, "log(x)", 1.0)
    handle = derivative_panel.layer.handle
    drag_handle_to(qtbot, derivative_panel, -3.0)
    assert derivative_panel.x0() == pytest.approx(-3.0, abs=0.05)
    assert handle.isVisible()
    assert handle.pos().x() == pytest.approx(derivative_panel.x0()) and handle.pos().y() == 0.0
    # Past the double-click interval, so the next press starts a new drag.
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 50)
    drag_handle_to(qtbot, derivative_panel, 2.0)
    assert derivative_panel.x0() == pytest.approx(2.0, abs=0.05)
    assert handle.pos().y() == pytest.approx(math.log(derivative_panel.x0()))
    assert derivative_panel.tangent.differentiable


def test_error_summary_says_a_quadratics_central_difference_is_exact(derivative_panel):
    show(derivative_panel, "x^2", 0.0)
    derivative_panel.views.setCurrentIndex(2)
    summary = derivative_panel.error_view.summary.text()
    assert "central difference is exact for this f" in summary
    assert "best h 1.0e+00" not in summary and "—" not in summary
    # The forward quotient of x² at 0 is exactly h: slope 1, and no round-off rise to claim.
    assert "slope 1.00" in summary and "round-off ∝ ε/h" not in summary
