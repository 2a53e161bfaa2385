"""The focus frame over a focused plot is only its border: it looks exactly as when the whole
frame was a widget, at any size, and a repaint of the plot inside it (a drag step) does not
paint the frame, while one that reaches its border does."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QImage

from explorer.ui.accessible import FocusFrame


class PaintCounter(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        self.count += event.type() == QEvent.Type.Paint
        return False


def _pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return array[:, : image.width(), :3].copy()


@pytest.fixture
def focused_plot(qtbot, shown_plot_view):
    view = shown_plot_view(420, 300)
    view.set_curve("f", np.linspace(-2, 2, 30), np.linspace(-2, 2, 30) ** 3)
    view.plot_widget.setFocus()
    frame = view.plot_widget.findChild(FocusFrame)
    qtbot.waitUntil(frame.isVisible)
    return view, frame


@pytest.mark.parametrize("size", [(420, 300), (233, 171), (601, 449)])
def test_the_frame_looks_as_a_whole_widget_did(focused_plot, qtbot, size):
    view, frame = focused_plot
    view.resize(*size)
    qtbot.waitUntil(lambda: frame.size() == view.plot_widget.size())
    assert not frame.mask().isEmpty()
    masked = _pixels(view)
    frame.clearMask()
    whole = _pixels(view)
    assert np.array_equal(masked, whole)
    # The border is drawn (the focus colour along the edge).
    assert not np.array_equal(whole[:, :2], _pixels(view.plot_widget.viewport())[:, :2])


def test_a_repaint_inside_the_frame_leaves_it_alone(focused_plot, qtbot):
    view, frame = focused_plot
    counter = PaintCounter(frame)
    viewport = view.plot_widget.viewport()
    inside = viewport.rect().adjusted(20, 20, -20, -20)
    viewport.repaint(inside)
    assert counter.count == 0
    viewport.repaint(QRect(0, 0, 30, 30))  # over the border's corner
    assert counter.count == 1
