"""The D_u f(θ) plot's max and min labels, plain text items in the view box's pixels, look
exactly as pyqtgraph's TextItem drew the same text at the same place, in both themes and in
presentation mode."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from explorer.core.gradient.point import analyse_point
from explorer.core.gradient.surface import Surface
from explorer.ui.panels.gradient_plots import MAX_COLOR, MIN_COLOR, DirectionPlot


def _pixels(plot: DirectionPlot) -> np.ndarray:
    image = plot.plot_widget.viewport().grab().toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


def _settled(plot: DirectionPlot, qtbot) -> np.ndarray:
    """The plot once a new range has laid its axes out (two pictures alike)."""
    shots = [_pixels(plot)]
    for _ in range(20):
        qtbot.wait(5)
        shots.append(_pixels(plot))
        if np.array_equal(shots[-1], shots[-2]):
            break
    return shots[-1]


@pytest.fixture
def plot(qtbot):
    view = DirectionPlot()
    # Made with the plot, before the look changes, as the plot made its TextItems.
    view.text_items = _text_items(view)
    qtbot.addWidget(view)
    view.resize(460, 190)
    view.show()
    qtbot.waitExposed(view)
    return view


def _text_items(plot: DirectionPlot) -> list[pg.TextItem]:
    """pyqtgraph's TextItems as the plot used to make them for its labels (hidden)."""
    items = []
    for color in (MAX_COLOR, MIN_COLOR):
        item = pg.TextItem(color=color)
        item.setParentItem(plot.view_box)
        item.setZValue(25)
        item.setVisible(False)
        items.append(item)
    return items


def _show_as_labels(items: list[pg.TextItem], plot: DirectionPlot) -> None:
    """``items`` showing what the labels show, where they are, in their place."""
    for item, label in zip(items, (plot.max_label, plot.min_label), strict=True):
        item.setText(label.toPlainText())
        item.setPos(label.pos())
        item.setVisible(label.isVisible())
        label.setVisible(False)


@pytest.mark.parametrize("look", ["light", "dark", "presentation"])
def test_labels_look_as_pyqtgraphs_text_items(plot, qtbot, appearance, look):
    if look == "presentation":
        appearance.set_presentation(True)
    else:
        appearance.set_theme(look)
    surface = Surface.from_text("x^2 + 2y^2")
    for point in ((1.0, 0.5), (-0.3, 1.2), (0.05, -0.02)):
        plot.show_analysis(analyse_point(surface, *point), 0.4)
        ours = _settled(plot, qtbot)
        assert plot.max_label.isVisible() or plot.min_label.isVisible()
        _show_as_labels(plot.text_items, plot)
        assert np.array_equal(_settled(plot, qtbot), ours), point
        for item in plot.text_items:
            item.setVisible(False)
        plot.show_analysis(analyse_point(surface, *point), 0.4)  # shows the labels again
