"""The Gradient tab's small plots keep their y range while a curve still fits; when it must move
during a drag of P (each new range costs a new picture of the axes), it leaves more room, so a
drifting curve moves it less often; the curve is never cut off, and at rest the range is chosen
as before (a tenth of the curve's span above and below)."""

import numpy as np
import pytest

from explorer.ui.panels import gradient_plots
from explorer.ui.panels.gradient_plots import SmallPlot

X_RANGE = (-3.0, 3.0)


@pytest.fixture
def small(qtbot):
    plot = SmallPlot()
    qtbot.addWidget(plot)
    plot.resize(300, 160)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def _drift(plot: SmallPlot, holding: bool) -> int:
    """Fit a curve rising and swelling step by step; how often the y range moved. Every step
    the curve lies inside the range and fills the part the rule asks for."""
    plot.hold_axes(holding)
    plot.fit_view(X_RANGE, (0.0, 1.0))
    moves, fill = 0, gradient_plots.DRAG_FILL if holding else gradient_plots.REST_FILL
    for step in range(200):
        low, high = 0.02 * step, 1.0 + 0.05 * step + 0.5 * np.sin(step / 7)
        before = plot.view_range()[1]
        plot.fit_view(X_RANGE, (low, high))
        (x0, x1), (y0, y1) = plot.view_range()
        assert (x0, x1) == pytest.approx(X_RANGE)
        assert y0 <= low and high <= y1  # never cut off
        assert high - low >= fill * (y1 - y0) * (1 - 1e-9)
        moves += (y0, y1) != before
    plot.hold_axes(False)
    return moves


def test_a_drifting_curve_moves_the_range_less_often_during_a_drag(small):
    at_rest = _drift(small, holding=False)
    dragging = _drift(small, holding=True)
    assert dragging < 0.6 * at_rest, (dragging, at_rest)


def test_at_rest_a_new_range_leaves_a_tenth_of_the_span(small):
    small.fit_view(X_RANGE, (2.0, 4.0))
    assert small.view_range()[1] == pytest.approx((1.8, 4.2))
    small.fit_view(X_RANGE, (10.0, 20.0))  # out of the view: moves, a tenth either side
    assert small.view_range()[1] == pytest.approx((9.0, 21.0))
    small.fit_view(X_RANGE, (12.0, 19.0))  # fits and fills half: stays
    assert small.view_range()[1] == pytest.approx((9.0, 21.0))
    small.fit_view(X_RANGE, (12.0, 16.0))  # fills less than half: moves
    assert small.view_range()[1] == pytest.approx((11.6, 16.4))


def test_during_a_drag_a_new_range_leaves_a_quarter_and_keeps_a_smaller_curve(small):
    small.hold_axes(True)
    small.fit_view(X_RANGE, (10.0, 20.0))
    assert small.view_range()[1] == pytest.approx((7.5, 22.5))
    small.fit_view(X_RANGE, (12.0, 17.0))  # a third of the range: stays while dragging
    assert small.view_range()[1] == pytest.approx((7.5, 22.5))
    small.hold_axes(False)
