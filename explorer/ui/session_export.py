"""``export KIND --session FILE``: a session shown in an unseen window, for its panel's image."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings

from explorer.core.session import SessionError, read_session
from explorer.ui.main_window import MainWindow
from explorer.ui.panels.panel import Panel


@contextmanager
def session_view(panel_title: str, path: str | Path) -> Iterator[Panel]:
    """Tab ``panel_title`` of a window showing the session in ``path`` (export its target).

    Raises ``SessionError`` for a file that cannot be opened (it is only read) and for a tab that
    keeps no state in a session. The window lives until the ``with`` block ends.
    """
    session = read_session(Path(path))
    with tempfile.TemporaryDirectory(prefix="calculus-explorer-export-") as folder:
        # A throwaway settings file: rendering a session never changes the user's preferences.
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        try:
            panel = window.panel_titled(panel_title)
            if panel is None or panel.state() is None:
                raise SessionError(f"the {panel_title} tab keeps nothing in a session file yet")
            window.session.apply(session)
            window.tabs.setCurrentWidget(panel)
            problem = panel.settle()
            if problem:
                raise SessionError(f"the {panel_title} tab cannot show this session: {problem}")
            yield panel
        finally:
            window.session.mark_clean()
            window.close()
