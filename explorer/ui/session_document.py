"""The open session of a window: File ▸ New/Open/Save/Save As/Open Recent/Open Example, the
title's file name and unsaved mark, asking before work is lost, autosave and crash recovery.

The file format is ``explorer.core.session``; this module only moves state between it and the
window: the f(x) text, the slider parameters, the current tab, and each panel's state dataclass
through the panel protocol (``Panel.state`` / ``Panel.set_state``). It hooks the window through
an event filter (close, drag and drop), so the window itself stays unaware of files.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLockFile, QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from explorer.core import session as sessions
from explorer.core.files import write_atomically
from explorer.core.session import Session, SessionError
from explorer.ui import i18n
from explorer.ui.i18n import Context
from explorer.ui.panels.panel import Panel
from explorer.ui.resources import example_sessions

T = Context("SessionDocument")

RECENT_KEY = "session/recent"
RECENT_LIMIT = 8
AUTOSAVE_INTERVAL_MS = 60_000
# How often the unsaved-changes mark is brought up to date while nothing else has told us.
CHANGE_CHECK_MS = 500
FILE_FILTER = T.mark("Calculus Explorer sessions (*.calcx);;All files (*)")


class SessionDocument(QObject):
    """Everything about the window's session file. ``window`` is the ``MainWindow``."""

    # The file or the unsaved mark changed (the title has already been updated).
    status_changed = Signal()
    # A file could not be opened or saved: (title, message). The window shows it.
    problem = Signal(str, str)

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        app_title: str,
        *,
        autosave_folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.app_title = app_title
        self.path: Path | None = None
        # The file's name, or a translated "Untitled" (a Text: the title follows the language).
        self.display_name: object = T.lazy("Untitled")
        self._loaded = Session()  # what the file held: unknown keys ride along to the next save
        self._saved_bytes = b""
        self._modified = False
        self.autosave_folder = autosave_folder or default_autosave_folder()
        self._autosave_id = uuid.uuid4().hex[:12]
        self._autosave_lock: QLockFile | None = None
        self._last_autosaved = b""
        # Tab title → the state an applied session holds for a panel not shown since: a
        # checked state, or (for a panel not built yet) the session to read it from.
        self._deferred: dict[str, Any] = {}
        self._build_actions()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._change_timer = QTimer(self)
        self._change_timer.setInterval(CHANGE_CHECK_MS)
        self._change_timer.timeout.connect(self.refresh_modified)
        window.installEventFilter(self)
        window.setAcceptDrops(True)

    # ----- the window's menus -------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut=None) -> QAction:
            made = T.action(self.window, text)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            self.window.addAction(made)
            return made

        self.new_action = action(
            T.mark("&New Session"), self.new_session, QKeySequence.StandardKey.New
        )
        self.open_action = action(T.mark("&Open Session…"), self.choose_and_open, "Ctrl+O")
        self.save_action = action(T.mark("&Save Session"), self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = action(
            T.mark("Save Session &As…"), self.choose_and_save_as, QKeySequence.StandardKey.SaveAs
        )
        self.recent_menu = QMenu(self.window)
        T.title(self.recent_menu, "Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = QMenu(self.window)
        T.title(self.examples_menu, "Open &Example")
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)

    def add_to_menu(self, menu: QMenu) -> None:
        """Put the session entries at the top of the File menu."""
        menu.addActions([self.new_action, self.open_action])
        menu.addMenu(self.recent_menu)
        menu.addMenu(self.examples_menu)
        menu.addSeparator()
        menu.addActions([self.save_action, self.save_as_action])
        menu.addSeparator()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for path in recent:
            item = self.recent_menu.addAction(path.name)
            item.setToolTip(str(path))
            item.setStatusTip(str(path))
            item.triggered.connect(lambda _=False, p=path: self.open_path_asking(p))
        if not recent:
            self.recent_menu.addAction(T("No recent sessions")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(T("Clear Recent"), self._clear_recent)

    def _fill_examples_menu(self) -> None:
        self.examples_menu.clear()
        for title, path in example_sessions():
            item = self.examples_menu.addAction(title)
            item.triggered.connect(lambda _=False, p=path, t=title: self.open_example(p, t))

    # ----- capture and apply --------------------------------------------------------------------

    def capture(self) -> Session:
        """The window as a session: what would be saved now."""
        window = self.window
        session = Session(
            expression=window.expression_input.text(),
            parameters=window.parameters.values(),
            tab=window.tab_key(window.tabs.currentIndex()),
            title=self._loaded.title,
            panels={title: dict(state) for title, state in self._loaded.panels.items()},
            extras=dict(self._loaded.extras),
        )
        for index in range(window.tabs.count()):
            title = window.tab_key(index)
            waiting = self._deferred.get(title)
            if isinstance(waiting, Session):
                session.panels[title] = dict(waiting.panels[title])
                continue
            state = window.tabs.widget(index).state() if waiting is None else waiting
            if state is not None:
                sessions.store_panel_state(session, title, state)
        return session

    def apply(self, session: Session) -> None:
        """Show ``session`` in the window; problems inside it become ``session.warnings``.

        Only the tab that will be in view gets its state now. Every other tab gets it when it
        is next shown or asked for (``take_deferred``, called by ``MainWindow.panel_titled``):
        opening a session neither builds nor redraws panels nobody is looking at. A built
        panel's state is checked now (its warnings come with the others); a panel not built yet
        checks its own when it is built, and says then if something was wrong.
        """
        window = self.window
        for name, value in session.parameters.items():
            window.parameters.set_value(name, value)
        if session.expression:
            window.expression_input.set_text(session.expression)
        titles = [window.tab_key(index) for index in range(window.tabs.count())]
        shown = session.tab if session.tab in titles else titles[window.tabs.currentIndex()]
        self._deferred = {}
        for index, title in enumerate(titles):
            if title == shown or title not in session.panels:
                continue
            current = window.tabs.widget(index).state()
            if current is None:  # not built yet (or keeps no state: nothing will be applied)
                self._deferred[title] = session
                continue
            state = sessions.panel_state(session, title, type(current))
            if state is not None:
                self._deferred[title] = state
        panel = window.panel_titled(shown)
        current = panel.state()
        state = None if current is None else sessions.panel_state(session, shown, type(current))
        if state is not None:
            panel.set_state(state)
        window.tabs.setCurrentIndex(titles.index(shown))

    def take_deferred(self, title: str, panel: Panel) -> None:
        """Give tab ``title``'s panel the state the last session applied holds for it, if it
        has not had it yet. A document that was clean stays clean."""
        waiting = self._deferred.pop(title, None)
        current = panel.state()
        if waiting is None or current is None:
            return
        state = waiting
        if isinstance(waiting, Session):
            state = sessions.panel_state(waiting, title, type(current))
            if waiting.warnings:
                warnings = "\n".join(map(i18n.core_text, waiting.warnings))
                self.problem.emit(T("Opened with changes"), warnings)
                waiting.warnings.clear()
        if state is None:
            return
        clean = not self.refresh_modified()
        panel.set_state(state)
        if clean:
            self.mark_clean()

    # ----- commands -----------------------------------------------------------------------------

    def new_session(self) -> bool:
        if not self.confirm_discard():
            return False
        self._loaded = Session()
        self._deferred = {}
        for index in range(self.window.tabs.count()):
            panel = self.window.tabs.widget(index)
            state = panel.state()
            if state is not None:
                panel.set_state(type(state)())
        self._set_document(None, T.lazy("Untitled"))
        return True

    def choose_and_open(self) -> bool:
        if not self.confirm_discard():
            return False
        name, _ = QFileDialog.getOpenFileName(
            self.window, T("Open Session"), str(self._dialog_folder()), T(FILE_FILTER)
        )
        return bool(name) and self.open_path(Path(name))

    def open_path_asking(self, path: Path) -> bool:
        """Open ``path`` after asking about unsaved changes (recent files, drops, the CLI)."""
        return self.confirm_discard() and self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a session file; on any problem the message is shown and nothing changes."""
        try:
            session = sessions.read_session(path)
        except SessionError as error:
            self.problem.emit(
                T("Could not open the session"), f"{path.name}: {i18n.core_text(str(error))}"
            )
            return False
        self._show(session, Path(path), Path(path).name)
        self._remember_recent(Path(path))
        return True

    def open_example(self, path: Path, title: str) -> bool:
        """Open a shipped example as an untitled copy, so Save never writes into the app."""
        if not self.confirm_discard():
            return False
        try:
            session = sessions.read_session(path)
        except SessionError as error:
            self.problem.emit(
                T("Could not open the example"), f"{title}: {i18n.core_text(str(error))}"
            )
            return False
        self._show(session, None, T.lazy("{title} (example)", title=title))
        return True

    def _show(self, session: Session, path: Path | None, name: object) -> None:
        self._loaded = session
        self.apply(session)
        self._set_document(path, name)
        if session.warnings:
            self.problem.emit(
                T("Opened with changes"), "\n".join(map(i18n.core_text, session.warnings))
            )
        session.warnings.clear()

    def save(self) -> bool:
        if self.path is None:
            return self.choose_and_save_as()
        return self.save_as(self.path)

    def choose_and_save_as(self) -> bool:
        suggested = self._dialog_folder() / f"{Path(str(self.display_name)).stem}{sessions.SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, T("Save Session"), str(suggested), T(FILE_FILTER)
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(sessions.SUFFIX)
        return self.save_as(path)

    def save_as(self, path: Path) -> bool:
        """Save to ``path`` atomically; on failure the document stays marked as modified."""
        session = self.capture()
        session.migrated_from = self._loaded.migrated_from if path == self.path else None
        try:
            sessions.write_session(path, session)
        except SessionError as error:
            self.problem.emit(T("Could not save the session"), i18n.core_text(str(error)))
            self.refresh_modified()
            return False
        self._loaded = session
        self._set_document(Path(path), Path(path).name)
        self._remember_recent(Path(path))
        return True

    def confirm_discard(self) -> bool:
        """True when there is nothing unsaved, or the user saved or chose to discard it."""
        if not self.refresh_modified():
            return True
        answer = self.ask_about_unsaved_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_about_unsaved_changes(self) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self.window,
            T("Unsaved changes"),
            T("Save the changes to {name} before going on?", name=self.display_name),
            buttons,
            QMessageBox.StandardButton.Save,
        )

    # ----- the unsaved mark ---------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self._modified

    def refresh_modified(self) -> bool:
        """Compare the window with the last save (cheap: a few small dataclasses as JSON)."""
        modified = self._comparable(self.capture()) != self._saved_bytes
        if modified != self._modified:
            self._modified = modified
            self._update_title()
        return modified

    @staticmethod
    def _comparable(session: Session) -> bytes:
        # Looking at another tab is not a change to save (the file still records the tab).
        session.tab = ""
        return sessions.session_to_json(session)

    def _set_document(self, path: Path | None, name: object) -> None:
        self.path = path
        self.display_name = name
        self.mark_clean()

    def mark_clean(self) -> None:
        """The window as it is now counts as saved (no unsaved mark, nothing to ask on close)."""
        self._saved_bytes = self._comparable(self.capture())
        self._modified = False
        self._update_title()

    def _update_title(self) -> None:
        i18n.bind(
            self.window,
            "setWindowTitle",
            i18n.Joined([self.display_name, f"[*] — {self.app_title}"]),
        )
        self.window.setWindowModified(self._modified)
        self.status_changed.emit()

    def start(self) -> None:
        """Begin tracking: the window as it is now counts as saved; autosave starts."""
        self.mark_clean()
        self._change_timer.start()
        self._autosave_timer.start()

    # ----- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        names = self.settings.value(RECENT_KEY, [], type=list) or []
        return [Path(name) for name in names if isinstance(name, str)][:RECENT_LIMIT]

    def _remember_recent(self, path: Path) -> None:
        path = path.resolve()
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue(RECENT_KEY, [str(p) for p in [path, *recent][:RECENT_LIMIT]])

    def _clear_recent(self) -> None:
        self.settings.setValue(RECENT_KEY, [])

    def _dialog_folder(self) -> Path:
        recent = self.recent_files()
        return recent[0].parent if recent else Path.home()

    # ----- autosave and recovery ----------------------------------------------------------------

    @property
    def autosave_path(self) -> Path:
        return self.autosave_folder / f"autosave-{self._autosave_id}{sessions.SUFFIX}"

    def autosave_now(self) -> bool:
        """Write the window to this instance's autosave file when it changed since last time."""
        data = sessions.session_to_json(self.capture())
        if data == self._last_autosaved:
            return False
        try:
            self.autosave_folder.mkdir(parents=True, exist_ok=True)
            if self._autosave_lock is None:
                # Held while this window runs: a lock whose owner died marks a crash.
                lock = QLockFile(str(self.autosave_path.with_suffix(".lock")))
                lock.setStaleLockTime(0)
                if lock.tryLock(0):
                    self._autosave_lock = lock
            write_atomically(self.autosave_path, data)
        except (OSError, SessionError):
            return False  # autosave is a safety net; a failing one must not disturb the user
        self._last_autosaved = data
        return True

    def discard_autosave(self) -> None:
        """A clean close: this instance's autosave is no longer needed."""
        self.autosave_path.unlink(missing_ok=True)
        if self._autosave_lock is not None:
            self._autosave_lock.unlock()
            self._autosave_lock = None

    def crashed_autosaves(self) -> list[Path]:
        """Autosaves of windows that did not close cleanly (their lock's process is gone)."""
        if not self.autosave_folder.is_dir():
            return []
        found = []
        for path in sorted(self.autosave_folder.glob(f"autosave-*{sessions.SUFFIX}")):
            if path == self.autosave_path:
                continue
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # nobody holds it: its window is gone
                lock.unlock()
                found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> QMessageBox | None:
        """After a crash: a non-modal offer to restore the newest autosave (or discard them)."""
        crashed = self.crashed_autosaves()
        if not crashed:
            return None
        box = QMessageBox(self.window)
        box.setObjectName("recoveryOffer")
        box.setWindowTitle(T("Restore unsaved work?"))
        box.setText(
            T(
                "Calculus Explorer did not close properly last time. Restore the work it saved "
                "automatically?"
            )
        )
        restore = box.addButton(T("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(T("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        # Escape, the close button and quitting the application answer "not now": the autosaves
        # stay for the next start. (A message box without an escape button refuses to close,
        # which made QApplication.quit() a no-op while the offer was up.)
        later = box.addButton(T("Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(later)

        def answered(button) -> None:
            if button is later:
                return
            if button is restore:
                self.restore_autosave(crashed[0])
            for path in crashed:
                path.unlink(missing_ok=True)
                path.with_suffix(".lock").unlink(missing_ok=True)

        box.buttonClicked.connect(answered)
        box.setModal(False)
        box.show()
        return box

    def restore_autosave(self, path: Path) -> bool:
        try:
            session = sessions.read_session(path)
        except SessionError as error:
            self.problem.emit(T("Could not restore the autosave"), i18n.core_text(str(error)))
            return False
        session.migrated_from = None
        self._loaded = session
        self.apply(session)
        self._set_document(None, T.lazy("Recovered"))
        self._saved_bytes = b""  # recovered work is unsaved work
        self.refresh_modified()
        return True

    # ----- the window's close and drops ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # While the window is being torn down Qt may still call in after Python let go of us.
        window = getattr(self, "window", None)
        if window is None or watched is not window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close:
            if not self.confirm_discard():
                event.ignore()
                return True
            self._change_timer.stop()
            self._autosave_timer.stop()
            self.discard_autosave()
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_session(event) is not None:
                event.acceptProposedAction()
                return True
        if kind == QEvent.Type.Drop:
            path = _dropped_session(event)
            if path is not None:
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda: self.open_path_asking(path))
                return True
        return False


def _dropped_session(event) -> Path | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


def default_autosave_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".calculus-explorer") / "autosave"
