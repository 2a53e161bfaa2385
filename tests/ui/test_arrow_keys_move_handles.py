"""What the mouse drags on a plot also moves with the arrow keys, once Tab has put the focus on
the plot: x₀ on the Derivative tab, a, b and x₀ on the Integral tab, P on the Gradient tab, the
start on the Descent map, and the Graph tab's steps. A step is 1/100 of the view (Shift: 1/1000);
the focused plot shows a frame and a ring round the handle the keys move."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from explorer.core.expr import parse
from explorer.core.panel_state import DerivativeState, GradientState, IntegralState
from explorer.ui.accessible import FOCUS, FOCUS_FRAME_WIDTH
from explorer.ui.export_scene import export_mode
from explorer.ui.plot_keyboard import FINE_STEPS_PER_VIEW, STEPS_PER_VIEW

RIGHT, LEFT, UP = Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Up
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shown(qtbot, show_at_window_size):
    """A panel shown at window size in the active window (keyboard focus goes to it)."""

    def show(panel: QWidget) -> QWidget:
        show_at_window_size(panel)
        panel.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
        return panel

    return show


def tab_into(qtbot, plot_widget: QWidget) -> None:
    """Give the plot the focus as Tab does (the first handle becomes the one the keys move)."""
    plot_widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(plot_widget.hasFocus)


def x_span(plot) -> float:
    (x0, x1), _ = plot.view_range()
    return x1 - x0


def test_arrow_keys_move_the_tangent_point_x0(qtbot, shown):
    from explorer.ui.panels.derivative.panel import DerivativePanel

    panel = shown(DerivativePanel())
    panel.set_state(DerivativeState(x0=1.0, x_range=(-5.0, 5.0)))
    panel.set_expression(parse("x^2", parameters=True))
    plot = panel.plot
    tab_into(qtbot, plot.plot_widget)
    step = x_span(plot) / STEPS_PER_VIEW

    qtbot.keyClick(plot.plot_widget, RIGHT)
    assert panel.state().x0 == pytest.approx(1.0 + step, abs=1e-9)
    assert panel.side.x0_input.value() == pytest.approx(panel.state().x0)
    # The tangent follows: its slope is f′(x₀) = 2x₀ at the new point.
    assert panel.layer.handle.pos().x() == pytest.approx(panel.state().x0)
    qtbot.keyClick(plot.plot_widget, LEFT)
    qtbot.keyClick(plot.plot_widget, LEFT)
    assert panel.state().x0 == pytest.approx(1.0 - step, abs=1e-9)
    qtbot.keyClick(plot.plot_widget, RIGHT, SHIFT)
    assert panel.state().x0 == pytest.approx(1.0 - step + x_span(plot) / FINE_STEPS_PER_VIEW)
    # ↑ does nothing to a point that only moves along x.
    before = panel.state()
    qtbot.keyClick(plot.plot_widget, UP)
    assert panel.state() == before
    assert "x₀" in plot.plot_widget.accessibleDescription()


def test_the_focused_plot_shows_a_frame_and_a_ring_round_the_handle(qtbot, shown):
    from explorer.ui.panels.derivative.panel import DerivativePanel

    panel = shown(DerivativePanel())
    panel.set_state(DerivativeState(x0=1.0, x_range=(-5.0, 5.0)))
    panel.set_expression(parse("x^2", parameters=True))
    widget = panel.plot.plot_widget

    def frame_colour() -> QColor:
        image = widget.grab().toImage()
        return image.pixelColor(FOCUS_FRAME_WIDTH // 2, image.height() // 2)

    assert frame_colour() != QColor(FOCUS)
    assert not panel.keyboard.ring.isVisible()
    tab_into(qtbot, widget)
    assert frame_colour() == QColor(FOCUS)
    assert panel.keyboard.ring.isVisible()
    x, y = panel.keyboard.ring.getData()
    assert (x[0], y[0]) == pytest.approx((panel.layer.handle.pos().x(), 1.0))
    # An exported picture never shows the ring (nor the frame, a widget outside the scene).
    with export_mode(widget.scene()):
        assert not panel.keyboard.ring.isVisible()
    assert panel.keyboard.ring.isVisible()
    panel.side.x0_input.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    assert frame_colour() != QColor(FOCUS)
    assert not panel.keyboard.ring.isVisible()


def test_tab_walks_the_integral_bounds_then_leaves_the_plot(qtbot, shown):
    from explorer.ui.panels.integral_panel import IntegralPanel

    panel = shown(IntegralPanel())
    panel.set_state(IntegralState(lower="0", upper="1", ftc_x=0.5, show_accumulation=True))
    panel.set_expression(parse("x^2", variables=("x",), parameters=True))
    widget = panel.plot.plot_widget
    tab_into(qtbot, widget)
    step = x_span(panel.plot) / STEPS_PER_VIEW

    qtbot.keyClick(widget, RIGHT)  # a
    assert float(panel.state().lower) == pytest.approx(step)
    assert float(panel.state().upper) == 1.0
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert widget.hasFocus()
    qtbot.keyClick(widget, LEFT)  # b
    a, b = float(panel.state().lower), float(panel.state().upper)
    assert (a, b) == pytest.approx((step, 1.0 - step))
    assert (panel.side.lower_input.text(), panel.side.upper_input.text()) == (
        panel.state().lower,
        panel.state().upper,
    )
    # The shaded area follows the bounds: ∫ₐᵇ x² dx = (b³ − a³)/3.
    x, y = panel.layer.area_positive.data()
    assert (x[0], x[-1]) == pytest.approx((a, b), abs=1e-9)
    assert np.trapezoid(y, x) == pytest.approx((b**3 - a**3) / 3, rel=1e-3)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.keyClick(widget, RIGHT)  # F's x₀
    assert panel.state().ftc_x == pytest.approx(0.5 + step)
    assert panel.side.x0_input.value() == pytest.approx(0.5 + step)
    # After the last handle Tab goes on to the next control, and Shift+Tab comes back to x₀.
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert not widget.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
    assert widget.hasFocus()
    assert panel.keyboard.handle().name == "x₀"


def test_arrow_keys_move_the_gradient_point_p_in_both_directions(qtbot, shown):
    from explorer.ui.panels.gradient_panel import GradientPanel

    panel = shown(GradientPanel())
    panel.set_state(
        GradientState(
            expression="x^2 + 2y^2", point=(1.0, 1.0), x_range=(-3.0, 3.0), y_range=(-3.0, 3.0)
        )
    )
    widget = panel.map.plot_widget
    tab_into(qtbot, widget)
    (x0, x1), (y0, y1) = panel.map.view_range()
    qtbot.keyClick(widget, RIGHT)
    qtbot.keyClick(widget, UP)
    x, y = panel.state().point
    assert x == pytest.approx(1.0 + (x1 - x0) / STEPS_PER_VIEW, abs=1e-3)
    assert y == pytest.approx(1.0 + (y1 - y0) / STEPS_PER_VIEW, abs=1e-3)
    # The gradient shown is the one at the new P: ∇(x² + 2y²) = (2x, 4y).
    assert panel.point_input.text()
    assert panel.map.handle("P").pos().x() == pytest.approx(x)
    # The description says what the map shows and which handle the keys move.
    assert widget.accessibleDescription().startswith(
        "P is the point where ∇f is drawn; u, the head of the direction arrow. Arrow keys move P"
    )
    # The direction θ turns on its own plot, D_u f against θ.
    direction = panel.direction_plot
    (t0, t1), _ = direction.view_range()
    theta = panel.state().theta
    tab_into(qtbot, direction.plot_widget)
    qtbot.keyClick(direction.plot_widget, RIGHT)
    assert panel.state().theta == pytest.approx(theta + (t1 - t0) / STEPS_PER_VIEW)


def test_arrow_keys_move_the_descent_start(qtbot, shown):
    from explorer.ui.panels.descent_panel import DescentPanel

    panel = shown(DescentPanel())
    qtbot.waitUntil(lambda: panel.views.currentWidget() is panel.map_view)
    widget = panel.map_view.plot_widget
    start = panel.state().start
    tab_into(qtbot, widget)
    (x0, x1), _ = panel.map_view.view_range()
    step = (x1 - x0) / STEPS_PER_VIEW
    qtbot.keyClick(widget, RIGHT)
    # The panel rounds a dragged start to a grain finer than a pixel (a fifth of a step here).
    assert panel.state().start[0] == pytest.approx(start[0] + step, abs=step / 5)
    assert panel.state().start[1] == pytest.approx(start[1], abs=step / 5)


def test_arrow_keys_step_the_graph_and_its_timeline(qtbot, graph_panel):
    view, timeline = graph_panel.view, graph_panel.step_bar.timeline
    tab_into(qtbot, view)
    start = timeline.value()
    qtbot.keyClick(view, RIGHT)
    assert timeline.value() == start + 1
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(timeline.hasFocus)
    qtbot.keyClick(timeline, RIGHT)
    assert timeline.value() == start + 2
    qtbot.keyClick(timeline, LEFT)
    assert timeline.value() == start + 1
