"""No plot tells its curves apart by colour alone: every two entries of a legend differ in line
style or marker too, so a reader who cannot tell the colours apart (or a grey-scale printout)
still matches each curve to its name — f, f′, f″, the tangent and the secant; the Function tab's
curves; F and its tangent; every Riemann rule's error; every optimizer of a race."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from explorer.core.expr import parse
from explorer.core.panel_state import DerivativeState, FunctionState, IntegralState


def legend_looks(plot) -> dict[str, tuple[Qt.PenStyle, str | None]]:
    """Each legend entry's name → (line style, marker) as the legend sample draws them."""
    looks = {}
    for sample, label in plot.legend.items:
        item = sample.item
        looks[label.text] = (item.opts["pen"].style(), item.opts.get("symbol"))
    return looks


def assert_told_apart(looks: dict, expected: int) -> None:
    assert len(looks) == expected, looks
    for (name_a, look_a), (name_b, look_b) in itertools.combinations(looks.items(), 2):
        assert look_a != look_b, f"{name_a} and {name_b} differ only by colour"


def test_derivative_tab_f_f_prime_f_second_tangent_and_secant(qtbot, show_at_window_size):
    from explorer.ui.panels.derivative.panel import DerivativePanel

    panel = show_at_window_size(DerivativePanel())
    panel.set_state(DerivativeState(x0=1.0, show_second=True, show_secant=True))
    panel.set_expression(parse("sin(x) + x^2/4", parameters=True))
    looks = legend_looks(panel.plot)
    assert_told_apart(looks, 5)
    assert looks["f(x)"][0] == Qt.PenStyle.SolidLine
    # The error-vs-h view: the two quotients' errors and the two slope guides.
    panel.views.setCurrentWidget(panel.error_view)
    assert_told_apart(legend_looks(panel.error_view.plot), 4)


def test_function_tab_curves(qtbot, show_at_window_size):
    from explorer.ui.panels.function_panel import FunctionPanel

    panel = show_at_window_size(FunctionPanel())
    panel.set_state(FunctionState(curves=("f'(x)", "g(x) = f(x - 1)", "cos(x)")))
    panel.set_expression(parse("x^2", parameters=True))
    assert_told_apart(legend_looks(panel.plot), 4)


def test_integral_tab_f_accumulation_tangent_and_every_rule_error(qtbot, show_at_window_size):
    from explorer.ui.panels.integral_panel import IntegralPanel

    panel = show_at_window_size(IntegralPanel())
    panel.set_state(IntegralState(lower="0", upper="2", show_accumulation=True, ftc_x=1.0))
    panel.set_expression(parse("x^2", variables=("x",), parameters=True))
    qtbot.waitUntil(lambda: len(legend_looks(panel.plot)) == 3)
    assert_told_apart(legend_looks(panel.plot), 3)
    panel.views.setCurrentWidget(panel.error_view)
    qtbot.waitUntil(lambda: panel.error_view.result is not None)
    looks = legend_looks(panel.error_view.plot)
    # Seven rules (their errors) and the round-off level.
    assert_told_apart(looks, 8)


@pytest.mark.parametrize("kinds", [("gd", "momentum", "nesterov", "rmsprop", "adam")])
def test_descent_racers(qtbot, show_at_window_size, kinds):
    from explorer.ui.panels.descent_panel import DescentPanel
    from explorer.ui.panels.descent_views import RACER_SYMBOLS

    panel = show_at_window_size(DescentPanel())
    state = panel.state()
    for kind in kinds:
        state = state.with_enabled(kind, True)
    panel.set_state(state)
    assert_told_apart(legend_looks(panel.loss_plot), len(kinds))
    # The racers' points (on the map and on the loss curves) each carry their own marker.
    assert len({RACER_SYMBOLS[kind] for kind in kinds}) == len(kinds)
    assert list(panel.loss_plot.step_markers.data["symbol"]) == [RACER_SYMBOLS[k] for k in kinds]


def test_gradient_slices_tangent_is_not_drawn_like_the_slice(qtbot, show_at_window_size):
    from explorer.ui.panels.gradient_panel import GradientPanel
    from explorer.ui.polyline_item import Polyline

    panel = show_at_window_size(GradientPanel())
    for plot in (panel.slice_x, panel.slice_y):
        curves = [item for item in plot.plot_item.items if isinstance(item, Polyline)]
        styles = {item.pen().style() for item in curves if item.xData.size}
        # The slice of f (solid) and its tangent at P (dash-dotted, as on every tab).
        assert styles == {Qt.PenStyle.SolidLine, Qt.PenStyle.DashDotLine}


def ink_runs(sample) -> list[int]:
    """The lengths of the drawn stretches along a legend sample, left to right, read from its
    pixels (a column counts as drawn where any of its pixels is)."""
    rect = sample.boundingRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    sample.paint(painter, None, None)
    painter.end()
    alpha = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)[..., 3]
    drawn = (alpha[:, : image.width()] > 96).any(axis=0)
    runs, length = [], 0
    for column in drawn:
        if column:
            length += 1
        elif length:
            runs, length = [*runs, length], 0
    return [*runs, length] if length else runs


def rhythm(runs: list[int]) -> str:
    """A sample's pattern in words: "-" for a dash, "." for a dot (a stretch at most half the
    longest; an end cut short counts as what it is drawn as)."""
    longest = max(runs)
    return "".join("-" if run > longest / 2 else "." for run in runs)


@pytest.mark.parametrize("presenting", [False, True])
def test_tangent_and_secant_legend_samples_show_their_patterns(
    qtbot, show_at_window_size, settings, presenting
):
    """Dash-dot (the tangent) and dash-dot-dot (the secant) are drawn long enough in the legend
    to show their rhythm: "-.-" for one, "-..-" for the other, also with presentation mode's
    thicker lines."""
    from explorer.ui.appearance import Appearance
    from explorer.ui.plot import PlotView
    from explorer.ui.plot_style import SECANT_STYLE, TANGENT_STYLE

    appearance = Appearance(settings)
    appearance.set_presentation(presenting)
    try:
        plot = show_at_window_size(PlotView())
        plot.set_curve("tangent", [0, 1], [0, 1], name="tangent", style=TANGENT_STYLE)
        plot.set_curve("secant", [0, 1], [1, 0], name="secant", style=SECANT_STYLE)
        samples = {label.text: sample for sample, label in plot.legend.items}
        tangent = rhythm(ink_runs(samples["tangent"]))
        secant = rhythm(ink_runs(samples["secant"]))
        assert "-.-" in tangent and "-..-" not in tangent, tangent
        assert "-..-" in secant and "-.-" not in secant, secant
    finally:
        settings.clear()
        Appearance(settings).apply()
