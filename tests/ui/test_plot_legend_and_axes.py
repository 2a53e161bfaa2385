"""Plots never hide a curve under the legend, show no empty legend, no "A" button, and can draw
the axes through the origin."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from explorer.ui.plot import PlotView


@pytest.fixture
def plot(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def covered_samples(plot, key: str = "f") -> int:
    """Samples of ``key`` inside the legend's rectangle on screen: where the legend ended up,
    checked in scene pixels, independently of how its place was chosen."""
    if not plot.legend.isVisible():
        # Outside: the entries are in the title row, which lies above the plot area.
        title = plot.plot_item.titleLabel.sceneBoundingRect()
        assert title.bottom() <= plot.view_box.sceneBoundingRect().top()
        assert "a rather long legend entry" in plot.plot_item.titleLabel.text
        return 0
    legend = plot.legend.sceneBoundingRect()
    x, y = plot.curve_data(key)
    finite = np.isfinite(y)
    pairs = zip(x[finite], y[finite], strict=True)
    points = [plot.view_box.mapViewToScene(QPointF(a, b)) for a, b in pairs]
    area = plot.view_box.sceneBoundingRect()  # samples outside the view are not drawn
    return sum(legend.contains(point) and area.contains(point) for point in points)


@pytest.mark.parametrize(
    "f", [lambda x: x**2, lambda x: -(x**2), lambda x: np.sin(8 * x), lambda x: 3 * np.sin(2 * x)]
)
def test_the_legend_never_covers_a_sample(qtbot, plot, f):
    x = np.linspace(-5, 5, 800)
    plot.set_curve("f", x, f(x), name="f(x), a rather long legend entry")
    plot.set_view_range((-5, 5))
    assert covered_samples(plot) == 0


def legend_shown(plot) -> bool:
    """The legend box in a corner, or its entries in the title row above the plot."""
    return plot.legend.isVisible() or plot.plot_item.titleLabel.isVisible()


@pytest.mark.parametrize("crossing", [False, True])
def test_no_empty_legend_box(plot, crossing):
    # Crossing diagonals cover every corner: then the entries go to the title row.
    plot.set_curve("unnamed", [0, 1], [0, 1] if crossing else [0, 0.1])
    assert not legend_shown(plot)
    plot.set_curve("f", [0, 1], [1, 0] if crossing else [0, 0.2], name="f")
    assert legend_shown(plot)
    assert plot.legend.isVisible() != crossing
    plot.remove_curve("f")
    assert not legend_shown(plot)


def test_pyqtgraphs_auto_range_button_is_hidden(plot):
    assert not plot.plot_item.autoBtn.isVisible()
    assert plot.reset_view_action in plot.view_actions()


def dark_share_of_column(plot, x_value: float) -> float:
    """The share of dark pixels in the screen column of ``x_value`` inside the plot area."""
    image = plot.plot_widget.grab().toImage()
    view = plot.plot_widget
    top = view.mapFromScene(plot.view_box.mapViewToScene(QPointF(x_value, 3.8)))
    bottom = view.mapFromScene(plot.view_box.mapViewToScene(QPointF(x_value, -3.8)))
    column = [image.pixelColor(top.x(), row) for row in range(top.y(), bottom.y())]
    return sum(colour.lightness() < 120 for colour in column) / len(column)


def test_axes_through_the_origin_are_an_option(plot):
    x = np.linspace(-3, 3, 200)
    plot.set_curve("f", x, x**3 / 9 + 0.5, name="f")
    plot.set_view_range((-3, 3), (-4, 4))
    assert not plot.axes_through_origin()
    assert dark_share_of_column(plot, 0.0) < 0.2
    plot.origin_axes_action.trigger()  # View ▸ Axes Through the Origin
    assert plot.axes_through_origin() and plot.origin_axes_action.isChecked()
    assert dark_share_of_column(plot, 0.0) > 0.9
    plot.set_axes_through_origin(False)
    assert not plot.origin_axes_action.isChecked()
    assert dark_share_of_column(plot, 0.0) < 0.2
