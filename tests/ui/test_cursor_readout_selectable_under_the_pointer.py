"""The cursor readout under a plot can be selected with the mouse (to copy the position): it is
selectable while the pointer is on it and while it keeps the focus after a selection, plain
text otherwise (it changes on every mouse move over the plot), and looks the same either way,
on every tab's plots, light and dark."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit

from explorer.ui.main_window import MainWindow
from explorer.ui.plot import CursorReadout, PlotView

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
PLAIN = Qt.TextInteractionFlag.NoTextInteraction


def _pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_readout_looks_the_same_selectable_or_not(
    qtbot, settings, appearance, show_at_window_size, theme
):
    appearance.set_theme(theme)
    window = show_at_window_size(MainWindow(settings))
    seen = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # a tab makes its panel when first shown
        qtbot.wait(5)
        for label in [view.readout_label for view in window.findChildren(PlotView)]:
            if not label.isVisible():
                continue
            label.setText("x = −1.234,  y = 56.78")
            label.setTextInteractionFlags(PLAIN)
            plain = _pixels(label)
            label.setTextInteractionFlags(SELECTABLE)
            assert np.array_equal(_pixels(label), plain)
            label.setTextInteractionFlags(PLAIN)
            assert (plain != plain[0, 0]).any()  # the text is drawn
            seen += 1
    assert seen >= 5  # the Function, Derivative, Integral, Gradient and Descent plots


@pytest.fixture
def readout(qtbot, shown_plot_view):
    view = shown_plot_view(480, 320)
    view.show_cursor(1.25, -0.5)
    label = view.readout_label
    assert isinstance(label, CursorReadout)
    # Whatever the pointer left behind in an earlier test (a window shown under it), it starts
    # away from the label.
    QApplication.sendEvent(label, QEvent(QEvent.Type.Leave))
    return view, label


def test_the_readout_is_selectable_with_the_pointer_on_it(qtbot, readout):
    view, label = readout
    assert label.textInteractionFlags() == PLAIN
    qtbot.mouseMove(label, QPoint(5, label.height() // 2))
    qtbot.waitUntil(lambda: label.textInteractionFlags() == SELECTABLE)
    # Select the text with the mouse, as to copy it.
    row = label.height() // 2
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(1, row))
    qtbot.mouseMove(label, QPoint(label.width() - 2, row))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(label.width() - 2, row))
    assert label.selectedText() == label.text()
    assert label.text().startswith("x = ")
    # The pointer leaves it (not over the plot, whose moves would set a new position): the
    # selection stays while the label keeps the focus, to be copied with Ctrl+C.
    QApplication.sendEvent(label, QEvent(QEvent.Type.Leave))
    assert label.hasFocus()
    assert label.textInteractionFlags() == SELECTABLE
    assert label.selectedText() == label.text()
    # Once the focus goes elsewhere, it is plain text again.
    field = QLineEdit(view)
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: label.textInteractionFlags() == PLAIN)
    QApplication.processEvents()


def test_moving_over_the_plot_leaves_it_plain(qtbot, readout):
    view, label = readout
    viewport = view.plot_widget.viewport()
    qtbot.mouseMove(viewport, QPoint(40, 120))  # the pointer comes from the plot
    qtbot.mouseMove(label, QPoint(5, label.height() // 2))
    qtbot.waitUntil(lambda: label.textInteractionFlags() == SELECTABLE)
    for x in range(40, 400, 60):
        qtbot.mouseMove(viewport, QPoint(x, 120))
        assert label.textInteractionFlags() == PLAIN
    assert label.text().startswith("x = ")
