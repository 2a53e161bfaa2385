"""The Descent figure is one picture on the plots' background: the map's cursor readout, which
fills its own background, shows the figure's colour there, not the window's grey, in both themes
(it sat under the map as a grey bar, and in every exported frame and GIF)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QWidget

from explorer.ui.palette import DARK, LIGHT
from explorer.ui.panels.descent_panel import DescentPanel


def colour_under_readout(panel: DescentPanel) -> str:
    readout = panel.map_view.readout_label
    image = panel.figure.grab().toImage()
    centre = readout.mapTo(panel.figure, QPoint(readout.width() // 2, readout.height() // 2))
    return QColor(image.pixel(centre)).name()


def test_the_readout_under_the_map_shows_the_figures_background(qtbot, window):
    window.resize(1280, 800)
    tabs = window.findChild(QTabWidget)
    tabs.setCurrentIndex(window.tab_keys.index("Descent"))
    panel = window.findChild(QWidget, "descentPanel")
    qtbot.waitExposed(panel)
    readout = panel.map_view.readout_label
    assert readout.isVisible() and readout.autoFillBackground()
    assert colour_under_readout(panel) == QColor(LIGHT.background).name()

    window.appearance.set_theme("dark")
    qtbot.waitUntil(lambda: colour_under_readout(panel) == QColor(DARK.background).name())
    window.appearance.set_theme("light")
    qtbot.waitUntil(lambda: colour_under_readout(panel) == QColor(LIGHT.background).name())
