"""Derivative panel, second review: domains, long titles, the x₀ box, recovering a lost point."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox

from explorer.core.expr import parse
from explorer.ui.panels.derivative.panel import DerivativePanel


@pytest.fixture
def panel(qtbot):
    widget = DerivativePanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(panel, text: str, x0: float) -> None:
    panel.set_expression(parse(text, variables=("x",), parameters=True))
    panel.set_x0(x0)


def test_f_prime_and_f_second_are_hidden_where_ln_is_undefined(panel):
    panel.side.show_second.setChecked(True)
    show(panel, "log(x)", 2.0)
    for key in ("fprime", "fsecond"):
        x, y = panel.plot.curve_data(key)
        assert np.all(~np.isfinite(y[x < 0])), key
        assert np.any(np.isfinite(y[x > 0])), key
    assert "points in view" in panel.side.agreement_label.text()
    assert "at all" not in panel.side.agreement_label.text()


def test_tangent_readout_says_f_is_not_defined_left_of_zero(panel):
    show(panel, "log(x)", -3.23)
    assert "not defined" in panel.side.tangent_equation.text()
    readout = panel.side.three_at_x0.text()
    assert "not defined" in readout
    assert "0.3" not in readout  # no 1/x value


LONG = "sigmoid(3x-1)*tanh(x^2) + log(1+x^2)/sqrt(1+x^2)"


@pytest.mark.parametrize("width", [1280, 900])
def test_long_formula_title_is_elided_and_the_plot_stays_in_its_frame(qtbot, panel, width):
    panel.resize(width, 800)
    show(panel, LONG, 1.0)
    qtbot.waitUntil(
        lambda: panel.plot.plot_item.geometry().width() <= panel.plot.plot_widget.width()
    )
    assert "…" in panel.title.text()
    tooltip = panel.plot.plot_item.titleLabel.toolTip()
    assert panel.function.derivation.text in tooltip
    assert "ln(1 + x²)/√(1 + x²)" in tooltip


def test_short_formula_title_is_whole(panel):
    show(panel, "x^2", 1.0)
    assert panel.title.text().split() == ["f(x)", "=", "x²", "f′(x)", "=", "2x"]


def test_cancelling_kinks_draw_the_tangent_y_equals_x(panel):
    show(panel, "relu(x)-relu(-x)", 0.0)
    assert panel.tangent.differentiable and panel.tangent.slope == 1.0
    assert "y = x" in panel.side.tangent_equation.text()
    assert "convention" in panel.side.three_at_x0.text()
    x, y = panel.plot.curve_data("tangent")
    np.testing.assert_allclose(y, x)


def type_x0(qtbot, panel, text: str) -> None:
    box = panel.side.x0_input
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pi/2", math.pi / 2),
        ("1e-3", 1e-3),
        ("-2pi", -2 * math.pi),
        ("0.00001", 1e-5),
        ("2.71828", 2.71828),
        ("sqrt(2)", math.sqrt(2)),
    ],
)
def test_x0_box_reads_constant_expressions_at_full_precision(qtbot, panel, text, expected):
    show(panel, "x^2", 1.0)
    box = panel.findChild(QDoubleSpinBox, "tangentPointInput")
    assert box is panel.side.x0_input
    type_x0(qtbot, panel, text)
    assert panel.x0() == expected  # exactly: no rounding to the box's decimals
    assert panel.tangent.slope == pytest.approx(2 * expected, rel=1e-12)
    assert not panel.side.x0_error.isVisible()


def test_x0_box_shows_bad_text_inline_and_keeps_the_last_x0(qtbot, panel):
    show(panel, "x^2", 1.5)
    box = panel.side.x0_input
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "2+y")
    assert panel.side.x0_error.isVisible()
    assert "Unknown name 'y'" in panel.side.x0_error.text()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert panel.x0() == 1.5


def test_x0_box_still_steps_with_the_arrow_keys(qtbot, panel):
    show(panel, "x^2", 1.0)
    box = panel.side.x0_input
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert panel.x0() == pytest.approx(1.1)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert panel.x0() == pytest.approx(0.9)


def test_point_dragged_off_the_domain_stays_visible_and_can_be_dragged_back(qtbot, panel):
    show(panel, "log(x)", 1.0)
    handle = panel.layer.handle
    drag_handle_to(qtbot, panel, -3.0)
    assert panel.x0() == pytest.approx(-3.0, abs=0.05)
    assert handle.isVisible()
    assert handle.pos().x() == pytest.approx(panel.x0()) and handle.pos().y() == 0.0
    # Past the double-click interval, so the next press starts a new drag.
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 50)
    drag_handle_to(qtbot, panel, 2.0)
    assert panel.x0() == pytest.approx(2.0, abs=0.05)
    assert handle.pos().y() == pytest.approx(math.log(panel.x0()))
    assert panel.tangent.differentiable


def drag_handle_to(qtbot, panel, target_x: float) -> None:
    """Press on the handle, move in steps to ``target_x`` (data units), release."""
    view_box, widget = panel.plot.view_box, panel.plot.plot_widget
    viewport = widget.viewport()

    def viewport_point(x: float, y: float):
        return widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))

    start = panel.layer.handle.pos()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(start.x(), start.y()))
    for fraction in np.linspace(0.1, 1.0, 8):
        x = start.x() + fraction * (target_x - start.x())
        qtbot.mouseMove(viewport, viewport_point(x, start.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(target_x, start.y()))


def test_error_summary_says_a_quadratics_central_difference_is_exact(panel):
    show(panel, "x^2", 0.0)
    panel.views.setCurrentIndex(2)
    summary = panel.error_view.summary.text()
    assert "central difference is exact for this f" in summary
    assert "best h 1.0e+00" not in summary and "—" not in summary
    # The forward quotient of x² at 0 is exactly h: slope 1, and no round-off rise to claim.
    assert "slope 1.00" in summary and "round-off ∝ ε/h" not in summary
