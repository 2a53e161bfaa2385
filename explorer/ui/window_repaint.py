"""One repaint of a window for a change that spans several plots (a drag step of the Gradient tab).

Qt processes a QGraphicsScene's changed items in a queued call, and at its end it makes the
window repaint and flush at once (QGraphicsView dispatches the window's pending update request),
so a step that changes four plots repaints and flushes the window four times, each time with a
part of the step's changes. ``RepaintOnce`` runs those queued calls at once with the window's
update request held back, then asks for one repaint: the same picture, painted and flushed once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsScene, QWidget


class RepaintOnce(QObject):
    """Holds a window's update requests back while plots' scenes process their changed items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        return watched is self._window and event.type() == QEvent.Type.UpdateRequest

    def process(self, window: QWidget, scenes: Iterable[QGraphicsScene]) -> None:
        """Let ``scenes`` mark what changed in ``window`` now, then repaint the window once."""
        self._window = window
        window.installEventFilter(self)
        try:
            for scene in scenes:
                QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
        finally:
            window.removeEventFilter(self)
            self._window = None
        # A request held back was taken from the queue; Qt posts none while one is under way,
        # so ask again (if none was held back, the extra request finds nothing to paint).
        QCoreApplication.postEvent(
            window, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value
        )
