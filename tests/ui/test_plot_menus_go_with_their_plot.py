"""A plot's pyqtgraph menus (never shown: the app's export is in File) are not parentless
windows waiting for Python's collector: they belong to the plot and go when it is deleted."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMenu

from explorer.ui.panels.integral_panel import IntegralPanel


def menus() -> dict[int, QMenu]:
    return {id(widget): widget for widget in QApplication.allWidgets() if isinstance(widget, QMenu)}


def test_a_deleted_panels_plot_menus_are_gone_without_the_collector(qtbot):
    before = set(menus())
    gc.disable()  # a panel's wrappers sit in reference cycles: only deletion may free its menus
    try:
        panel = IntegralPanel()  # three plots: the area, the n doubling and the error views
        panel.show()
        qtbot.waitExposed(panel)
        created = [menu for key, menu in menus().items() if key not in before]
        assert created, "pyqtgraph builds a plot options menu for every plot"
        assert all(menu.parent() is not None for menu in created)
        del created
        # None of them is offered: a right click on the plot opens no menu.
        viewport = panel.plot.plot_widget.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=viewport.rect().center())
        assert QApplication.activePopupWidget() is None
        panel.close()
        panel.deleteLater()
        del panel
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert [menu.title() for key, menu in menus().items() if key not in before] == []
    finally:
        gc.enable()
