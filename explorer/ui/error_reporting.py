"""Unhandled exceptions in Qt slots are logged and shown to the user; the app keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from explorer.ui.i18n import Context

T = Context("ErrorReporter")

log = logging.getLogger("explorer")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorReporter(QObject):
    """Replaces ``sys.excepthook`` while installed: log the traceback, tell the user, carry on.

    PySide6 hands exceptions raised in slots to ``sys.excepthook``; the default hook only prints
    them, and pytest-qt's hook fails the test. The app installs this reporter at startup (not in
    ``MainWindow``), so tests keep pytest-qt's hook unless they install the reporter on purpose.
    """

    reported = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self._box: QMessageBox | None = None
        self._previous: ExceptHook | None = None
        self.count = 0

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            # Ctrl+C in the terminal should still stop the app.
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        self.count += 1
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unhandled exception:\n%s", details)
        summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        try:
            self._tell_user(summary, details)
        except Exception:  # noqa: BLE001 - reporting must never raise from inside the hook
            log.exception("Could not show the error to the user")
        self.reported.emit(summary)

    def _tell_user(self, summary: str, details: str) -> None:
        status_bar = self._window.statusBar()
        status_bar.showMessage(
            T("Internal error: {summary} (details in the log)", summary=summary), 15_000
        )
        if self._box is None:
            # One non-modal box, reused: a slot failing on every mouse move must not open dozens.
            self._box = QMessageBox(self._window)
            self._box.setIcon(QMessageBox.Icon.Warning)
            T.window_title(self._box, "Calculus Explorer: internal error")
            self._box.setWindowModality(Qt.WindowModality.NonModal)
            self._box.setStandardButtons(QMessageBox.StandardButton.Close)
        self._box.setText(
            T(
                "Something went wrong inside Calculus Explorer. Your work is still open; "
                "you can keep going."
            )
            + "\n\n"
            + summary
        )
        self._box.setDetailedText(details)
        self._box.show()

    def message_box(self) -> QMessageBox | None:
        """The box shown for the last error (None before the first one)."""
        return self._box
