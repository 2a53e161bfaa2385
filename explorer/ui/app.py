"""Start the GUI: the QApplication, logging, the error reporter and the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

ORGANIZATION = "Calculus Explorer"
APPLICATION = "calculus-explorer"
DISPLAY_NAME = "Calculus Explorer"


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created with the app's names (QSettings uses them) if needed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName(DISPLAY_NAME)
    # Lets Linux desktops match the window to calculus-explorer.desktop (icon, name).
    QApplication.setDesktopFileName(APPLICATION)
    from explorer import __version__

    QApplication.setApplicationVersion(__version__)
    return app


def configure_logging() -> Path | None:
    """Log to stderr and to ``calculus-explorer.log`` in the per-user app data folder."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    log_path = None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    if folder:
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            log_path = Path(folder) / "calculus-explorer.log"
            handlers.append(logging.FileHandler(log_path, encoding="utf-8"))
        except OSError:
            log_path = None
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )
    return log_path


def run_gui(argv: Sequence[str] | None = None, *, session: str | None = None) -> int:
    """Open the main window (with the ``session`` file, if given) and run the event loop.

    A session that cannot be opened is explained in the window, which starts as usual.
    """
    app = ensure_application(argv)
    configure_logging()
    from explorer.ui.error_reporting import ErrorReporter
    from explorer.ui.main_window import MainWindow, start_background_services
    from explorer.ui.resources import app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow()
    reporter = ErrorReporter(window)
    reporter.install()
    window.show()
    if session is not None:
        window.session.open_path(Path(session))
    start_background_services(window)
    try:
        return app.exec()
    finally:
        reporter.uninstall()
