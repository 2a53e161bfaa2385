"""Integral panel: dragging a bound moves the shading and the value, n and the rule redraw the
sum, typed bounds (pi/2, inf) and bad ones, the convergence tabs, the worker's exact value."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from explorer.core.expr import parse
from explorer.core.panel_state import IntegralState
from explorer.ui.panels.integral_panel import IntegralPanel
from explorer.ui.panels.integral_side import n_from_tick, tick_from_n


@pytest.fixture
def panel(qtbot):
    widget = IntegralPanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(panel, text: str, **state) -> None:
    panel.set_state(IntegralState(**state))
    panel.set_expression(parse(text, variables=("x",), parameters=True))


def shaded_extent(panel) -> tuple[float, float]:
    x, y = panel.layer.area_positive.data()
    return (
        float(x[0]),
        float(x[-1]),
        float(np.trapezoid(y, x) if hasattr(np, "trapezoid") else np.trapz(y, x)),
    )


def drag_line_to(qtbot, panel, line, target_x: float) -> None:
    """Press on a bound line, move in steps to ``target_x`` (data units), release."""
    view_box = panel.plot.view_box
    widget = panel.plot.plot_widget
    viewport = widget.viewport()
    (_, _), (y_low, y_high) = panel.plot.view_range()
    y = 0.5 * (y_low + y_high)

    def point(x: float):
        return widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))

    start = line.value()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(start))
    for fraction in np.linspace(0.1, 1.0, 8):
        qtbot.mouseMove(viewport, point(start + fraction * (target_x - start)))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(target_x))


def test_dragging_the_upper_bound_moves_the_shading_and_the_value(qtbot, panel):
    show(panel, "x^2", lower="0", upper="1")
    assert panel.numeric.value == pytest.approx(1 / 3)
    low, high, area = shaded_extent(panel)
    assert (low, high) == pytest.approx((0.0, 1.0))
    assert area == pytest.approx(1 / 3, rel=1e-3)
    drag_line_to(qtbot, panel, panel.layer.upper_line, 1.2)
    b = float(panel.state().upper)
    assert b == pytest.approx(1.2, abs=0.02)
    assert panel.side.upper_input.text() == panel.state().upper
    low, high, area = shaded_extent(panel)
    assert high == pytest.approx(b)
    assert area == pytest.approx(b**3 / 3, rel=1e-3)
    # The value follows once the drag pauses (no worker here: computed in the panel).
    qtbot.waitUntil(lambda: panel.numeric is not None, timeout=5000)
    assert panel.numeric.value == pytest.approx(b**3 / 3, rel=1e-12)
    assert panel.side.numeric.text().startswith(f"Numeric (mpmath): {b**3 / 3:.6f}"[:22])


def test_dragging_the_lower_bound_past_the_upper_negates(qtbot, panel):
    show(panel, "x + 1", lower="0", upper="1")
    drag_line_to(qtbot, panel, panel.layer.lower_line, 1.25)
    qtbot.waitUntil(lambda: panel.numeric is not None, timeout=5000)
    a = float(panel.state().lower)
    expected = (1 / 2 + 1) - (a**2 / 2 + a)
    assert panel.numeric.value == pytest.approx(expected, rel=1e-12)
    assert "b < a" in panel.side.notes.text()


def test_n_slider_and_rule_redraw_the_sum(qtbot, panel):
    show(panel, "exp(x)", lower="0", upper="1", rule="left", n=4)
    rects = panel.layer.sum_positive.data()[1]
    assert rects.max() == pytest.approx(math.exp(0.75))
    panel.side.n_slider.slider.setValue(tick_from_n(100))
    assert panel.state().n == n_from_tick(tick_from_n(100)) == 100
    assert panel.riemann.value == pytest.approx(sum(math.exp(k / 100) for k in range(100)) / 100)
    assert "n = 100" in panel.side.sum_readout.text()
    assert "(error 0.00858)" in panel.side.sum_readout.text()  # about (e − 1)/200
    panel.side.rule.setCurrentIndex(panel.side.rule.findData("simpson"))
    assert panel.state().rule == "simpson"
    assert abs(panel.riemann.value - (math.e - 1)) < 1e-9


def test_typed_bounds_read_constants_and_infinity(qtbot, panel):
    show(panel, "sin(x)", lower="0", upper="1")
    panel.side.upper_input.setText("pi/2")
    panel.side.upper_input.editingFinished.emit()
    assert panel.numeric.value == pytest.approx(1.0, rel=1e-12)
    assert "∫₀^(π/2) sin(x) dx" in panel.side.formula.text()
    show(panel, "exp(-x)", lower="0", upper="inf")
    assert panel.numeric.value == pytest.approx(1.0)
    assert not panel.layer.upper_line.isVisible()
    assert "finite bounds" in panel.side.sum_readout.text()


def test_a_bad_bound_is_explained_and_the_last_good_state_stays(qtbot, panel):
    show(panel, "x^2", lower="0", upper="1")
    panel.side.upper_input.setText("2 +")
    panel.side.upper_input.editingFinished.emit()
    assert panel.side.bound_error.isVisible()
    assert panel.state().upper == "1"
    assert panel.numeric.value == pytest.approx(1 / 3)


def test_divergent_and_pole_cases_are_stated_on_the_panel(qtbot, panel):
    show(panel, "1/x", lower="-1", upper="1")
    assert "pole at x = 0, inside [−1, 1]" in panel.side.notes.text()
    assert "diverges" in panel.side.numeric.text()
    show(panel, "1/x", lower="1", upper="inf")
    assert "diverges to +∞" in panel.side.numeric.text()


def test_ftc_check_and_accumulation(qtbot, panel):
    show(panel, "cos(x)", lower="0", upper="2", ftc_x=1.0)
    assert panel.check.agrees
    assert panel.check.slope == pytest.approx(math.cos(1.0), rel=1e-7)
    x, F = panel.plot.curve_data("F")
    finite = np.isfinite(F)
    np.testing.assert_allclose(F[finite], np.sin(x[finite]), atol=1e-8)
    panel.side.x0_input.setValue(0.25)
    assert panel.check.x0 == 0.25
    assert "✓" in panel.side.ftc.text()


def test_convergence_tabs_fill_when_shown(qtbot, panel):
    show(panel, "exp(x)", lower="0", upper="1", rule="midpoint")
    panel.views.setCurrentWidget(panel.table_view)
    lines = panel.table_view.lines()
    assert lines[0] == "n=1, midpoint sum=1.64872, error=6.96e-02"
    assert "theory for a smooth f: p = 2" in panel.table_view.summary.text()
    panel.views.setCurrentWidget(panel.error_view)
    result = panel.error_view.result
    assert result.rules["simpson"].slope == pytest.approx(-4, abs=0.2)
    assert panel.export_target() is panel.error_view.plot


def test_the_worker_brings_the_exact_value_and_antiderivative(qtbot, panel):
    from explorer.ui.worker_bridge import WorkerBridge

    bridge = WorkerBridge(poll_interval_ms=10)
    bridge.start()
    try:
        panel.set_worker(bridge)
        show(panel, "x^2", lower="0", upper="1")
        qtbot.waitUntil(
            lambda: (
                panel.exact is not None
                and panel.numeric is not None
                and panel.antiderivative is not None
            ),
            timeout=60000,
        )
        assert panel.side.formula.text().startswith("∫₀¹ x² dx = 1/3")
        assert "agree" in panel.side.agreement.text()
        assert panel.side.antiderivative.text() == "Antiderivative (sympy): F(x) = x³/3 + C"
        assert panel.check.symbolic_slope == pytest.approx(0.25)
    finally:
        panel.shutdown()
        bridge.shutdown()


def test_the_antiderivative_of_one_over_x_holds_left_of_zero(qtbot, panel):
    # sympy's log(x) has no real value for x < 0: the tab shows ln(|x|), and the FTC check's
    # symbolic slope at x₀ = −2 is f(−2) = −0.5.
    from explorer.ui.worker_bridge import WorkerBridge

    bridge = WorkerBridge(poll_interval_ms=10)
    bridge.start()
    try:
        panel.set_worker(bridge)
        show(panel, "1/x", lower="-3", upper="-1", ftc_x=-2.0)
        qtbot.waitUntil(lambda: panel.antiderivative is not None, timeout=60000)
        # Not sympy's as it came (log(x)): labelled so, with what was changed and why.
        assert panel.side.antiderivative.text().splitlines() == [
            "Antiderivative: F(x) = ln(|x|) + C",
            "sympy's ln(u) is written ln|u| here: f is real where u < 0 too, and F′ = f there "
            "(checked)",
        ]
        assert panel.check.symbolic_slope == pytest.approx(-0.5)
        assert panel.check.agrees
        assert "✓" in panel.side.ftc.text()
    finally:
        panel.shutdown()
        bridge.shutdown()
