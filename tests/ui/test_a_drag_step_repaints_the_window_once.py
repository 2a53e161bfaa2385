"""A drag step of P (or u) changes the map and the small plots: the window is repainted and
flushed once for all of them (Qt would repaint it once per plot), and what the window shows
after the step is the whole step, plot for plot."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


class Counter(QObject):
    """Counts the window's update requests and each viewport's paints."""

    def __init__(self, window, viewports):
        super().__init__()
        self.window, self.viewports = window, viewports
        self.requests, self.paints = 0, dict.fromkeys(viewports, 0)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            self.requests += 1
        elif watched in self.paints and event.type() == QEvent.Type.Paint:
            self.paints[watched] += 1
        return False


@pytest.fixture
def panel(qtbot, window):
    panel = window.panel_titled("Gradient")
    window.tabs.setCurrentWidget(panel)
    window.resize(1280, 800)
    panel.map.set_recompute_delay(0)
    qtbot.waitUntil(lambda: panel.analysis() is not None)
    QApplication.processEvents()
    return panel


def _point(view, x, y):
    return view.plot_widget.mapFromScene(view.view_box.mapViewToScene(QPointF(x, y)))


def _pixels(image: QImage, rect: QRect) -> np.ndarray:
    image = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(rect.height(), -1, 4).copy()


def _plots(panel):
    return (panel.map, panel.slice_x, panel.slice_y, panel.direction_plot)


def _step_and_check(panel, move) -> None:
    window = panel.window()
    viewports = [plot.plot_widget.viewport() for plot in _plots(panel)]
    counter = Counter(window, viewports)
    window.installEventFilter(counter)
    for viewport in viewports:
        viewport.installEventFilter(counter)
    move()
    QApplication.processEvents()
    window.removeEventFilter(counter)
    for viewport in viewports:
        viewport.removeEventFilter(counter)
    assert counter.requests == 1
    # What the window shows (its backing store, as the screen gets it) is a fresh picture of
    # the step's state in every plot.
    shown = window.screen().grabWindow(window.winId()).toImage()
    fresh = window.grab().toImage()
    for viewport in viewports:
        rect = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
        assert np.array_equal(_pixels(shown, rect), _pixels(fresh, rect))


def test_each_step_of_a_drag_of_p_repaints_the_window_once(qtbot, panel, every_mouse_move):
    view = panel.map
    viewport = view.plot_widget.viewport()
    start = panel.analysis()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=_point(view, start.x, start.y))
    for step in range(1, 5):
        x, y = start.x + 0.15 * step, start.y - 0.1 * step
        _step_and_check(panel, lambda x=x, y=y: qtbot.mouseMove(viewport, _point(view, x, y)))
        assert panel.state().point == pytest.approx((x, y), abs=0.02)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=_point(view, x, y))


def test_each_step_of_a_drag_of_u_repaints_the_window_once(qtbot, panel, every_mouse_move):
    view = panel.map
    viewport = view.plot_widget.viewport()
    head = panel.layer.direction_handle.pos()
    start = (head.x(), head.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=_point(view, *start))
    thetas = []
    for step in range(1, 4):
        end = (start[0] - 0.1 * step, start[1] + 0.2 * step)
        _step_and_check(panel, lambda end=end: qtbot.mouseMove(viewport, _point(view, *end)))
        thetas.append(panel.state().theta)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=_point(view, *end))
    assert len(set(thetas)) == 3
