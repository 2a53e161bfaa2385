"""What a screen reader says for a control: its accessible name and description, set in one call.

Qt reads a button's or check box's own text as its name and a tooltip as its description; a line
edit, slider, combo box, plot or scroll area has no text of its own, so Qt would read nothing (or
a combo box's current value) and the user would not know what the control is for. Every such
control is named where it is made, with ``describe`` (tests/ui/test_keyboard_focus_chain.py walks
every tab's focus chain and checks).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from explorer.ui import palette

W = TypeVar("W", bound=QWidget)
# The focus frame and the ring round a plot's handle: the palette's blue, 5.3:1 on white (focus
# marks need 3:1), and drawn as a frame or ring where no curve is drawn that way.
FOCUS = palette.BLUE
FOCUS_FRAME_WIDTH = 2


def describe(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` the accessible ``name`` (what it is) and ``description`` (what it does,
    how to use it from the keyboard); without a description the tooltip is read."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def tab_order(*widgets: QWidget) -> None:
    """Make Tab visit ``widgets`` in this order (where the order of creation differs from the
    order on screen); what came after the last one before still follows it."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def show_focus_frame(
    view: QAbstractScrollArea, colour: str = FOCUS, unfocused: str = "transparent"
) -> None:
    """Draw a frame round ``view`` (a plot or the graph) while it has the keyboard focus.

    Styles draw a focus frame for buttons and fields but not for a QGraphicsView, so a keyboard
    user would not see that the plot took the focus. The frame is always there (``unfocused``
    without the focus), so taking the focus does not shift the picture.
    """
    kind = type(view).__name__
    view.setStyleSheet(
        f"{kind} {{ border: {FOCUS_FRAME_WIDTH}px solid {unfocused}; }}"
        f"{kind}:focus {{ border: {FOCUS_FRAME_WIDTH}px solid {colour}; }}"
    )
