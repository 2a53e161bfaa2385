"""The crosshair that follows the mouse keeps its bounds when it moves (they depend on the view
only) and draws exactly what pyqtgraph's InfiniteLine draws, at any position, after zooming
and resizing, and hides from exports as before."""

import random

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from explorer.ui.plot import PlotView


@pytest.fixture
def view(shown_plot_view):
    plot = shown_plot_view(640, 420)
    plot.set_curve("f", np.linspace(-3, 3, 50), np.linspace(-3, 3, 50) ** 2)
    return plot


def _pixels(plot: PlotView) -> np.ndarray:
    image = plot.plot_widget.viewport().grab().toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


def _positions(plot: PlotView, rng: random.Random, count: int):
    (x0, x1), (y0, y1) = plot.view_range()
    return [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(count)]


def test_a_moved_crosshair_keeps_the_bounds_pyqtgraph_would_measure(view, qtbot):
    rng = random.Random(5)
    for x_range, y_range, size in (
        ((-3, 3), (-1, 9), (640, 420)),
        ((-0.013, 0.07), (-2e5, 3e5), (640, 420)),
        ((10, 11), (-1, 1), (455, 301)),
    ):
        view.resize(*size)
        view.set_view_range(x_range, y_range)
        for x, y in _positions(view, rng, 25):
            view.show_cursor(x, y)
            qtbot.wait(1)  # painted: bounds measured where needed
            for line in (view._cross_v, view._cross_h):
                kept = (line.boundingRect(), line._endPoints)
                line._boundingRect = None
                measured = (line.boundingRect(), line._endPoints)
                assert kept == measured
                assert line.value() == pytest.approx(x if line.angle == 90 else y)


def test_the_crosshair_looks_as_pyqtgraph_draws_it(view, qtbot):
    # pyqtgraph's own lines, with the crosshair's pens, in its place in the plot.
    theirs = []
    for ours in (view._cross_v, view._cross_h):
        line = pg.InfiniteLine(angle=ours.angle, movable=False, pen=ours.pen)
        line.setVisible(False)
        view.plot_item.addItem(line, ignoreBounds=True)
        line.stackBefore(ours)  # where the crosshair is among the plot's items
        theirs.append(line)
    rng = random.Random(9)
    shots = []
    for x_range, y_range in (((-3, 3), (-1, 9)), ((0.25, 0.2513), (-7e4, 9e3))):
        view.set_view_range(x_range, y_range)
        for x, y in _positions(view, rng, 8):
            view.show_cursor(x, y)
            qtbot.wait(1)  # the legend settles in its corner first
            ours = _pixels(view)
            for mine, line, value in zip(
                (view._cross_v, view._cross_h), theirs, (x, y), strict=True
            ):
                mine.setVisible(False)
                line.setValue(value)
                line.setVisible(True)
            qtbot.wait(1)
            assert np.array_equal(_pixels(view), ours), (x, y)
            for line in theirs:
                line.setVisible(False)
            shots.append(ours)
    assert not np.array_equal(shots[0], shots[1])  # the crosshair is drawn and moves


def test_the_crosshair_stays_out_of_an_export(view):
    view.show_cursor(0.5, 2.0)
    line = view._cross_v
    line.export_mode(True, 1.0)
    assert not line.isVisible()
    line.export_mode(False, 1.0)
    assert line.isVisible()
    assert line.value() == pytest.approx(0.5)
