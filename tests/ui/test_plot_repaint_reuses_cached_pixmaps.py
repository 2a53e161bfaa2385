"""A repaint that changes nothing re-uses the pixmaps of the long curves (a crosshair moving, a
handle dragged): five long curves and the axes of a large plot fit in Qt's pixmap cache, so none
of them is drawn again (past its 10 MB default each was re-rendered on every repaint)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from explorer.ui.plot import PlotView


def test_five_long_curves_are_not_drawn_again_on_a_repaint(qtbot, monkeypatch):
    drawn = []
    original = pg.PlotCurveItem.paint

    def counting(self, *args):
        drawn.append(self)
        return original(self, *args)

    # Before any curve exists: Qt calls the Python override it finds when an item is made.
    monkeypatch.setattr(pg.PlotCurveItem, "paint", counting)
    plot = PlotView()
    qtbot.addWidget(plot)
    plot.resize(1280, 800)
    plot.show()
    qtbot.waitExposed(plot)
    x = np.linspace(-5, 5, 2000)
    for k in range(5):
        plot.set_curve(f"c{k}", x, np.sin(x + k))
    QApplication.processEvents()  # the view fits the curves, and they are painted
    viewport = plot.plot_widget.viewport()
    viewport.repaint()
    assert len(drawn) >= 5
    drawn.clear()
    viewport.repaint()
    assert drawn == []
