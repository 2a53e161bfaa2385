"""The keyboard's way to drag a plot's handles: arrow keys move the handle the mouse would drag.

A plot with handles (the Derivative tab's x₀, the Integral tab's a, b and x₀, the Gradient tab's
P and direction, the Descent map's start) takes the focus like any control. While it has it, a
ring marks the handle the keys move; ←/→ (and ↑/↓ for a point that moves in two dimensions) move
it by 1/100 of the view, with Shift by 1/1000; Tab goes on to the plot's next handle, and from the
last one to the next control. A move is exactly what a mouse drag to that spot does (the panel's
own drag handler is called, then its release handler), so snapping, limits and redraws are the
panel's as always. The plot's accessible description says which handle the keys move, in the
language the app is shown in (written again when the language changes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent

from explorer.ui.accessible import FOCUS
from explorer.ui.i18n import Context
from explorer.ui.plot import PlotView
from explorer.ui.plot_style import make_pen
from explorer.ui.screen_only import HiddenInExport

STEPS_PER_VIEW = 100  # an arrow key moves a handle 1/100 of the view
FINE_STEPS_PER_VIEW = 1000  # with Shift
RING_SIZE = 30.0  # px: the focus ring round the handle the keys move
T = Context("PlotKeyboard")

_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Down: (0, -1),
    Qt.Key.Key_Up: (0, 1),
}


class FocusRing(pg.ScatterPlotItem):
    """The ring round the handle the keys move; like the crosshair, never in an export."""

    def __init__(self) -> None:
        super().__init__(
            size=RING_SIZE, symbol="o", pen=make_pen(FOCUS, 2.5), brush=pg.mkBrush(None)
        )
        self.setZValue(40)
        self.setVisible(False)
        self.export_mode = HiddenInExport(self)


@dataclass(frozen=True)
class KeyboardHandle:
    """One handle the keyboard can move.

    ``position()`` is where it is now, in data coordinates (None while it is not shown: the keys
    then pass it by); ``drag_to(x, y)`` does what a mouse drag to (x, y) does; ``release()`` what
    letting go of the mouse does. A handle that moves only along x (``vertical=False``) ignores
    ↑ and ↓.
    """

    name: object  # a text: rendered in the current language when the description is written
    position: Callable[[], tuple[float, float] | None]
    drag_to: Callable[[float, float], None]
    release: Callable[[], None] = lambda: None
    vertical: bool = False


class PlotKeyboard(QObject):
    """Arrow keys for a PlotView's handles (see the module docstring)."""

    def __init__(
        self, plot: PlotView, handles: Sequence[KeyboardHandle] = (), *, what: object = ""
    ) -> None:
        super().__init__(plot)
        self.plot = plot
        self.widget = plot.plot_widget
        self.handles: list[KeyboardHandle] = list(handles)
        self.current = 0
        self._what = what  # what the plot shows: a text rendered in the current language
        self._written: str | None = None  # the description this object last wrote
        self._mouse_dragging = False
        self.ring = FocusRing()
        plot.plot_item.addItem(self.ring, ignoreBounds=True)
        self.widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.widget.installEventFilter(self)
        plot.view_box.sigRangeChanged.connect(lambda *_: self.show_ring())
        self._describe()

    def add(self, handle: KeyboardHandle) -> None:
        self.handles.append(handle)
        self._describe()

    # ----- moving -------------------------------------------------------------------------------

    def handle(self) -> KeyboardHandle | None:
        """The handle the arrow keys move now (None when no handle is shown)."""
        shown = self._shown()
        if not shown:
            return None
        if self.current not in shown:
            self.current = shown[0]
        return self.handles[self.current]

    def _shown(self) -> list[int]:
        return [i for i, handle in enumerate(self.handles) if handle.position() is not None]

    def step(self, fine: bool = False) -> tuple[float, float]:
        """How far one arrow key moves a handle in x and in y: 1/100 of the view (Shift 1/1000)."""
        (x0, x1), (y0, y1) = self.plot.view_range()
        count = FINE_STEPS_PER_VIEW if fine else STEPS_PER_VIEW
        return (x1 - x0) / count, (y1 - y0) / count

    def nudge(self, right: int, up: int, *, fine: bool = False) -> bool:
        """Move the current handle ``right`` and ``up`` steps; False when nothing moved."""
        handle = self.handle()
        if handle is None or (right == 0 and not handle.vertical):
            return False
        x, y = handle.position()
        dx, dy = self.step(fine)
        handle.drag_to(x + right * dx, y + (up * dy if handle.vertical else 0.0))
        handle.release()
        self.show_ring()
        self._describe()
        return True

    # ----- focus --------------------------------------------------------------------------------

    def show_ring(self) -> None:
        """The ring round the current handle while the plot has the focus."""
        # The focus a mouse press gives arrives once the drag is under way: no ring until it ends.
        focused = self.widget.hasFocus() and not self._mouse_dragging
        handle = self.handle() if focused else None
        position = handle.position() if handle is not None else None
        if position is None:
            self.ring.setVisible(False)
            return
        self.ring.setData([position[0]], [position[1]])
        self.ring.setVisible(True)

    def mouse_drag(self, name: str, dragging: bool) -> None:
        """The mouse starts (or ends) dragging the handle called ``name``. The ring is the keys'
        mark: hidden while the mouse drags (it would stay where the drag began, and be painted
        on every step), then round the dragged handle, which the keys move next."""
        self._mouse_dragging = dragging
        if dragging:
            self.ring.setVisible(False)
            return
        names = [handle.name for handle in self.handles]
        if name in names:
            self.current = names.index(name)
        self.show_ring()
        self._describe()

    def _describe(self) -> None:
        """Tell a screen reader how to work the plot and which handle the keys move."""
        if not self.handles:
            return
        current = self.widget.accessibleDescription()
        if current != self._written and (current or self._written is not None):
            # Someone else described the plot (what it shows): keep that, add the keys to it.
            self._what = current
        handle = self.handle()
        names = ", ".join(str(h.name) for h in self.handles)
        keys = (
            T(
                "Arrow keys move {handle} (now {where})",
                handle=handle.name,
                where=_coordinates(handle),
            )
            if handle
            else T("Arrow keys move {handles} when shown", handles=names)
        )
        if len(self.handles) > 1:
            keys = T("{keys}; Shift for fine steps; Tab goes to the next handle", keys=keys)
        else:
            keys = T("{keys}; Shift for fine steps", keys=keys)
        what = str(self._what)
        self._written = T("{what}. {keys}", what=what, keys=keys) if what else keys
        self.widget.setAccessibleDescription(self._written)

    def _next_handle(self, forward: bool) -> bool:
        shown = self._shown()
        if self.current not in shown:
            return False
        index = shown.index(self.current) + (1 if forward else -1)
        if not 0 <= index < len(shown):
            return False
        self.current = shown[index]
        self.show_ring()
        self._describe()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            shown = self._shown()
            if shown and event.reason() == Qt.FocusReason.TabFocusReason:
                self.current = shown[0]
            elif shown and event.reason() == Qt.FocusReason.BacktabFocusReason:
                self.current = shown[-1]
            self.show_ring()
            self._describe()
        elif kind == QEvent.Type.LanguageChange:
            # The bound description (what the plot shows) was set again in the new language
            # just before; the keys' part follows it.
            self._describe()
        elif kind == QEvent.Type.FocusOut:
            self.ring.setVisible(False)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in _ARROWS and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            right, up = _ARROWS[event.key()]
            return self.nudge(right, up, fine=modifiers == Qt.KeyboardModifier.ShiftModifier)
        if event.key() == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            return self._next_handle(True)
        if event.key() == Qt.Key.Key_Backtab:
            return self._next_handle(False)
        return False


def _coordinates(handle: KeyboardHandle) -> str:
    position = handle.position()
    if position is None:
        return ""
    x, y = position
    return f"x = {x:.4g}, y = {y:.4g}" if handle.vertical else f"x = {x:.4g}"


def item_position(item: pg.GraphicsObject, plot: PlotView) -> tuple[float, float] | None:
    """Where a handle item is, for ``KeyboardHandle.position``; None while it is hidden. A
    vertical line (a bound) is marked halfway up the view."""
    if not item.isVisible():
        return None
    if isinstance(item, pg.InfiniteLine):
        _, (y0, y1) = plot.view_range()
        return float(item.value()), (y0 + y1) / 2.0
    position = item.pos()
    return float(position.x()), float(position.y())
