"""What screen-reader and keyboard users need from a control: a name, Tab order, a focus frame.

Qt reads a button's or check box's own text as its name and a tooltip as its description; a line
edit, slider, combo box, plot or scroll area has no text of its own, so Qt would read nothing (or
a combo box's current value) and the user would not know what the control is for. Every such
control is named where it is made, with ``describe`` (tests/ui/test_keyboard_focus_chain.py walks
every tab's focus chain and checks). The name and description are translatable texts
(``T.lazy("…")``) bound to the widget, so a screen reader hears them in the language the app is
shown in, also after View ▸ Language switches it. ``tab_order`` fixes Tab's order where it
differs from the layout; ``show_focus_frame`` marks a plot or graph that has the focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QTextEdit,
    QWidget,
)

from explorer.ui import i18n, palette

W = TypeVar("W", bound=QWidget)
# The focus frame and the ring round a plot's handle: the palette's blue, 5.3:1 on white (focus
# marks need 3:1), and drawn as a frame or ring where no curve is drawn that way.
FOCUS = palette.BLUE
FOCUS_FRAME_WIDTH = 2
_FRAMES_INSTALLED = "explorer_focus_frames"


def describe(widget: W, name: object, description: object = "") -> W:
    """Give ``widget`` the accessible ``name`` (what it is) and ``description`` (what it does,
    how to use it from the keyboard); without a description the tooltip is read.

    Both are texts to render (``T.lazy("…")``): they are set again in the new language whenever
    the language changes."""
    i18n.bind(widget, "setAccessibleName", name)
    if description:
        i18n.bind(widget, "setAccessibleDescription", description)
    return widget


def tab_order(*widgets: QWidget) -> None:
    """Make Tab visit ``widgets`` in this order (where the order of creation differs from the
    order on screen); what came after the last one before still follows it."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


class FocusFrame(QWidget):
    """A frame drawn over a view (a plot, the graph) while the view has the keyboard focus.

    Styles draw a focus frame for buttons and fields but not for a QGraphicsView, so a keyboard
    user would not see that the plot took the focus. The frame is a transparent child laid over
    the view, not a border of the view's own: the picture keeps its size and place, and so does
    everything mapped to the view's pixels.
    """

    def __init__(self, view: QWidget, colour: str = FOCUS) -> None:
        super().__init__(view)
        self.colour = QColor(colour)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.Resize) and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.setVisible(watched.hasFocus())
            self.raise_()
        elif kind == QEvent.Type.FocusOut:
            self.hide()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Only the border is drawn, so only a ring (with a pixel to spare) is part of the frame:
        # a repaint of the view inside it (a drag redraws most of a plot on every step) does
        # not paint the frame too.
        rim = FOCUS_FRAME_WIDTH + 1
        inside = self.rect().adjusted(rim, rim, -rim, -rim)
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inside)))
        super().resizeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        pen = QPen(self.colour, FOCUS_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        inset = FOCUS_FRAME_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))


def tab_order_in(container: QWidget, widgets: Sequence[QWidget]) -> None:
    """Put ``widgets``, rows a container made after it was laid out (which Tab would otherwise
    visit last), where the container is: after the last tab stop before it, in this order."""
    anchor = container.previousInFocusChain()
    while anchor is not container.window() and (
        not anchor.focusPolicy() & Qt.FocusPolicy.TabFocus or container.isAncestorOf(anchor)
    ):
        anchor = anchor.previousInFocusChain()
    tab_order(anchor, *widgets)


def show_focus_frame(view: QWidget) -> FocusFrame:
    """Frame ``view`` while it has the keyboard focus (see ``FocusFrame``)."""
    frame = view.findChild(FocusFrame, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return frame if frame is not None else FocusFrame(view)


def needs_focus_frame(widget: QWidget | None) -> bool:
    """Whether the style shows no focus of its own on ``widget``: a slider, a table or list, a
    read-only text or scroll area, a plot or the graph (fields show a caret, buttons a frame)."""
    if widget is None or widget.window().windowType() == Qt.WindowType.Popup:
        return False
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.isReadOnly()
    return isinstance(widget, QSlider | QAbstractItemView | QScrollArea | QGraphicsView)


def frame_focus_everywhere(app: QApplication) -> None:
    """From now on, whichever widget of ``app`` takes the focus without showing it gets a
    ``FocusFrame`` (made the first time; it then follows that widget's focus itself)."""

    def on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        if (
            needs_focus_frame(new)
            and new.findChild(FocusFrame, options=Qt.FindChildOption.FindDirectChildrenOnly) is None
        ):
            frame = FocusFrame(new)
            frame.setGeometry(new.rect())
            frame.show()
            frame.raise_()

    if not app.property(_FRAMES_INSTALLED):
        app.focusChanged.connect(on_focus_changed)
        app.setProperty(_FRAMES_INSTALLED, True)
