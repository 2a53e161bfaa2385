"""The main window: expression input, panel tabs, menus, status bar and remembered geometry."""

from __future__ import annotations

import html
import importlib
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import explorer
from explorer.core.expr.errors import ExprError
from explorer.ui import i18n
from explorer.ui.accessible import frame_focus_everywhere
from explorer.ui.appearance import Appearance, AppearanceMenu
from explorer.ui.expression_input import ExpressionInput
from explorer.ui.i18n import Context, LanguageMenu
from explorer.ui.lessons_pane import LessonsDock
from explorer.ui.panels import PANELS, TAB_NAMES, PanelEntry
from explorer.ui.panels.panel import Panel, signals_blocked
from explorer.ui.parameter_sliders import ParameterModel
from explorer.ui.resources import app_icon
from explorer.ui.session_document import SessionDocument
from explorer.ui.shortcuts import ShortcutRow, shortcut_rows
from explorer.ui.syntax_help import show_syntax_help
from explorer.ui.worker_bridge import WorkerBridge

APP_TITLE = "Calculus Explorer"
DEFAULT_EXPRESSION = "x^3 - 1/x"
DEFAULT_SIZE = (1100, 760)
_STATUS_MS = 8000

T = Context("MainWindow")


class MainWindow(QMainWindow):
    """The app's one window. Panels are tabs; the expression typed at the top feeds all of them.

    ``settings`` is where geometry and the last expression are kept; tests pass an isolated
    QSettings so they never touch the user's. Panels that are not visible receive a new
    expression when their tab is next shown, so typing only pays for the panel in view.
    """

    def __init__(self, settings: QSettings | None = None, *, load_panels: bool = True):
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        # The language first, so everything below is made in it.
        i18n.set_language(i18n.saved_language(self.settings))
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        # Sliders, tables, read-only texts and plots show a frame while they have the focus.
        frame_focus_everywhere(QApplication.instance())
        # The one symbolic worker (a killable process); it starts after the window is shown, or on
        # the first job, whichever comes first.
        self.worker: Any = WorkerBridge(self)
        # One set of slider values (a, b, k …) shared by every panel that shows sliders.
        self.parameters = ParameterModel(self)
        self.panels: list[Panel] = []
        self._stale: dict[int, Any] = {}  # id(panel) -> expression not yet delivered
        # Each tab's English title: its name in session files, lessons and panel_titled, whatever
        # language the tab bar is drawn in.
        self.tab_keys: list[str] = []
        self.current_expression: Any = None

        self.expression_input = ExpressionInput(parent=self)
        self.expression_input.expression_parsed.connect(self._on_expression_parsed)
        self.expression_input.expression_failed.connect(self._on_expression_failed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("panelTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.expression_input)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.lessons = LessonsDock(self, self.settings)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lessons)

        self._build_actions()
        # Theme, presentation mode and text size from the settings, before the panels are built.
        self.appearance = Appearance(self.settings, self)
        self.appearance.apply()
        self.appearance_menu = AppearanceMenu(self.appearance, self)
        # The open session file: File ▸ New/Open/Save…, the title's unsaved mark, autosave.
        self.session = SessionDocument(self, self.settings, APP_TITLE)
        self.session.problem.connect(self.show_problem)
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._restore_geometry()
        if load_panels:
            # Each tab holds a placeholder until it is first shown: start-up builds (and imports)
            # only the panel in view; the others are built when their tab is chosen.
            for entry in PANELS:
                self._add_tab(PendingPanel(entry), entry.title)
            self._built_panel_at(self.tabs.currentIndex())
        text = self.settings.value("input/expression", DEFAULT_EXPRESSION, type=str)
        self.expression_input.set_text(text)
        self.session.start()

    # ----- panels -------------------------------------------------------------------------------

    def add_panel(self, panel: Panel, title: str) -> int:
        """Add ``panel`` as a tab (see ``explorer.ui.panels`` for the contract)."""
        self._adopt(panel, title)
        index = self._add_tab(panel, title)
        self._deliver_pending(self.tabs.currentWidget())
        return index

    def _add_tab(self, widget: QWidget, title: str) -> int:
        # The key first: adding the first tab makes it current, and that builds its panel.
        self.tab_keys.append(title)
        index = self.tabs.addTab(widget, title)
        self._name_tab(index)
        return index

    def _name_tab(self, index: int) -> None:
        i18n.bind(self.tabs, "setTabText", TAB_NAMES.lazy(self.tab_keys[index]), index)

    def tab_key(self, index: int) -> str:
        """The English title of tab ``index`` (its name in session files and lessons); "" for
        no tab, like ``tabText``."""
        return self.tab_keys[index] if 0 <= index < len(self.tab_keys) else ""

    def tab_index(self, title: str) -> int | None:
        """The index of the tab with English title ``title``, or None."""
        return self.tab_keys.index(title) if title in self.tab_keys else None

    def _adopt(self, panel: Panel, title: str) -> None:
        if not isinstance(panel, Panel):
            raise TypeError(f"panel {title!r} must be an explorer.ui.panels.panel.Panel")
        if type(panel).export_target is Panel.export_target:
            raise TypeError(f"panel {title!r} must provide export_target()")
        self.panels.append(panel)
        if self.worker is not None:
            panel.set_worker(self.worker)
        panel.set_parameter_model(self.parameters)
        if self.current_expression is not None:
            self._stale[id(panel)] = self.current_expression

    def _built_panel_at(self, index: int) -> Panel | None:
        """The panel of tab ``index``, built now in place of its placeholder if need be, with
        the state an opened session left waiting for it."""
        panel = self._build_panel_at(index)
        if panel is not None:
            self.session.take_deferred(self.tab_key(index), panel)
        return panel

    def _build_panel_at(self, index: int) -> Panel | None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, PendingPanel):
            return widget
        title = self.tab_keys[index]
        panel = widget.entry.load()()
        self._adopt(panel, title)
        current = self.tabs.currentIndex()
        # Swapping the tab's widget is not a change of tab: nothing listening should hear it.
        with signals_blocked(self.tabs):
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, title)
            self.tabs.setCurrentIndex(current)
        self._name_tab(index)
        # Its page's size now, as an eagerly built tab would have had (panels that fit their
        # view to their size must not do it later, after someone read their state).
        panel.setGeometry(widget.geometry())
        widget.deleteLater()
        return panel

    def current_panel(self) -> Panel | None:
        return self._built_panel_at(self.tabs.currentIndex())

    def panel_titled(self, title: str) -> Panel | None:
        """The panel of the tab called ``title`` (built if it has not been shown yet)."""
        index = self.tab_index(title)
        return None if index is None else self._built_panel_at(index)

    def attach_worker(self, worker: Any) -> None:
        """Hand the one symbolic worker to every panel that wants it; it is shut down on close."""
        self.worker = worker
        for panel in self.panels:
            panel.set_worker(worker)

    def _on_expression_parsed(self, expression: Any) -> None:
        self.current_expression = expression
        self.settings.setValue("input/expression", self.expression_input.text())
        for panel in self.panels:
            self._stale[id(panel)] = expression
        self._deliver_pending(self.tabs.currentWidget())

    def _on_expression_failed(self, error: ExprError) -> None:
        self.status_label.setText("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "focus_input_action"):
            self._update_input_for_panel()

    def _on_tab_changed(self, index: int) -> None:
        self._built_panel_at(index)
        self._deliver_pending(self.tabs.currentWidget())
        self._rebuild_view_menu()
        self._update_input_for_panel()

    def _update_input_for_panel(self) -> None:
        """Grey the f(x) input out, with a hint, while the current panel does not use it."""
        panel = self.tabs.currentWidget()
        uses_input = panel is None or panel.uses_expression
        hint = ""
        if not uses_input:
            users = [
                self.tabs.tabText(index)
                for index in range(self.tabs.count())
                if self.tabs.widget(index).uses_expression
            ]
            title = self.tabs.tabText(self.tabs.currentIndex())
            hint = T("f(x) is not used on the {tab} tab, which has its own input", tab=title)
            if len(users) == 1:
                hint += T("; f(x) drives the {tab} tab", tab=users[0])
            elif users:
                hint += T("; f(x) drives the {tabs} tabs", tabs=_joined(users))
        self.expression_input.set_active(uses_input, hint)
        self.focus_input_action.setEnabled(uses_input)

    def _deliver_pending(self, panel: Panel | None) -> None:
        if panel is None or id(panel) not in self._stale:
            return
        expression = self._stale.pop(id(panel))
        if panel.uses_expression:
            panel.set_expression(expression)

    # ----- actions and menus --------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(self)
        i18n.bind(action, "setText", T.lazy(text))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.export_action = self._action(
            T.mark("&Export Image…"), self.show_export_dialog, "Ctrl+E"
        )
        self.copy_action = self._action(T.mark("&Copy Image"), self.copy_image, "Ctrl+Shift+C")
        self.quit_action = self._action(T.mark("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.focus_input_action = self._action(
            T.mark("Edit &Expression"), self._focus_input, QKeySequence("Ctrl+L")
        )
        self.full_screen_action = self._action(
            T.mark("&Full Screen"), self._toggle_full_screen, "F11"
        )
        self.full_screen_action.setCheckable(True)
        self.about_action = self._action(T.mark("&About Calculus Explorer"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action = self._action(
            T.mark("&Keyboard Shortcuts"), self.show_shortcuts, QKeySequence("Ctrl+/")
        )
        self.syntax_action = self._action(
            T.mark("Expression &Syntax"),
            lambda: show_syntax_help(self),
            QKeySequence.StandardKey.HelpContents,
        )

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("")
        T.title(file_menu, "&File")
        self.session.add_to_menu(file_menu)
        file_menu.addActions([self.export_action, self.copy_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.view_menu: QMenu = menu_bar.addMenu("")
        T.title(self.view_menu, "&View")
        self.language_menu = LanguageMenu(self, self.settings, self._language_chosen)
        self._rebuild_view_menu()
        help_menu = menu_bar.addMenu("")
        T.title(help_menu, "&Help")
        help_menu.addActions([self.syntax_action, self.shortcuts_action, self.about_action])

    def _rebuild_view_menu(self) -> None:
        self.view_menu.clear()
        panel = self.tabs.currentWidget()
        actions = panel.view_actions() if panel is not None else []
        if actions:
            self.view_menu.addActions(actions)
            self.view_menu.addSeparator()
        self.view_menu.addActions([self.focus_input_action, self.full_screen_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.lessons.view_actions())
        self.view_menu.addAction(self.language_menu.menuAction())
        self.view_menu.addSeparator()
        self.appearance_menu.add_to(self.view_menu)

    def _language_chosen(self, _code: str) -> None:
        # Chinese chosen where no font can draw it: said once, in the status bar, in English.
        notice = i18n.missing_font_notice()
        if notice:
            self.statusBar().showMessage(notice, _STATUS_MS)

    def _focus_input(self) -> None:
        self.expression_input.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.expression_input.line_edit.selectAll()

    def _toggle_full_screen(self, checked: bool) -> None:
        self.showFullScreen() if checked else self.showNormal()

    # ----- export -------------------------------------------------------------------------------
    # explorer.ui.export (Qt SVG, the scene exporters) is imported on the first export: the first
    # window does not need it (tests/ui/test_cold_start_is_lazy.py).

    def export_target(self) -> Any:
        from explorer.ui import export

        panel = self.tabs.currentWidget()
        if panel is None:
            raise export.ExportError(T("There is no panel to export"))
        return panel.export_target()

    def export_image(self, path: str | Path, width: int, height: int) -> Path:
        """Export the current panel to ``path`` (.png or .svg) and say so in the status bar."""
        from explorer.ui import export

        written = export.export_image(self.export_target(), path, width, height)
        self.statusBar().showMessage(
            T("Exported {path} ({width}×{height})", path=written, width=width, height=height),
            _STATUS_MS,
        )
        return written

    def show_export_dialog(self) -> None:
        from explorer.ui import export
        from explorer.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.settings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        width, height = dialog.chosen_size()
        try:
            self.export_image(dialog.chosen_path(), width, height)
        except (export.ExportError, OSError) as error:
            QMessageBox.warning(self, T("Export failed"), i18n.core_text(str(error)))
            return
        dialog.remember_folder()

    def show_problem(self, title: str, message: str) -> None:
        """A non-modal message (a file that would not open or save); the work stays as it was."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.statusBar().showMessage(f"{title}: {message.splitlines()[0]}", _STATUS_MS)

    def copy_image(self) -> None:
        from explorer.ui import export

        image = export.copy_image_to_clipboard(self.export_target())
        self.statusBar().showMessage(
            T(
                "Copied the plot to the clipboard ({width}×{height})",
                width=image.width(),
                height=image.height(),
            ),
            _STATUS_MS,
        )

    # ----- help ---------------------------------------------------------------------------------

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            T("About {app}", app=APP_TITLE),
            f"<h3>{APP_TITLE} {html.escape(explorer.__version__)}</h3><p>"
            + T(
                "Explore the calculus behind deep learning: derivatives and the limit h→0, "
                "tangent lines and the rules step by step, the chain rule, and backpropagation "
                "stepped through a computational graph on a PyTorch-style autograd core."
            )
            + "</p><p>"
            + T("Built with PySide6, pyqtgraph, NumPy and SymPy.")
            + "</p>",
        )

    def shortcut_rows(self) -> list[ShortcutRow]:
        """Every shortcut of the window and of every tab (tabs not built yet are built now, so
        the list is whole), plus the keys the expression input and the graph handle themselves."""
        for index in range(self.tabs.count()):
            self._built_panel_at(index)
        plot_now = T("Plot the expression now (typing plots after a short pause)")
        fixed = [ShortcutRow(T("Enter"), plot_now, "f(x)")]
        return shortcut_rows(self, self._tab_of, fixed)

    def _tab_of(self, owner: QObject) -> str | None:
        """The title of the tab ``owner`` belongs to, or None for the window's own."""
        pages = {self.tabs.widget(index): index for index in range(self.tabs.count())}
        while owner is not None:
            if owner in pages:
                return self.tabs.tabText(pages[owner]).replace("&", "")
            owner = owner.parent()
        return None

    def show_shortcuts(self) -> None:
        table = "".join(
            f"<tr><td><b>{html.escape(row.keys)}</b>&nbsp;&nbsp;</td>"
            f"<td>{html.escape(row.what)}&nbsp;&nbsp;</td>"
            f"<td><i>{html.escape(row.where)}</i></td></tr>"
            for row in self.shortcut_rows()
        )
        box = QMessageBox(self)
        box.setWindowTitle(T("Keyboard Shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{table}</table>")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # ----- geometry and shutdown ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry", QByteArray(), type=QByteArray)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("input/expression", self.expression_input.text())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        for panel in self.panels:
            _call_reporting_errors(panel.shutdown)
        if self.worker is not None:
            _call_reporting_errors(self.worker.shutdown)
        super().closeEvent(event)


class PendingPanel(QWidget):
    """A tab's place until its panel is first shown (``MainWindow._built_panel_at``)."""

    def __init__(self, entry: PanelEntry):
        super().__init__()
        self.entry = entry

    @property
    def uses_expression(self) -> bool:
        # The class says it; importing it is cheap next to building the panel.
        return self.entry.load().uses_expression

    def state(self) -> None:
        """Nothing to save yet: the panel keeps its default state until it is built (a session
        opened meanwhile keeps the panel's state waiting, ``SessionDocument.take_deferred``)."""
        return None


def _joined(names: list[str]) -> str:
    return T("{names} and {last}", names=T(", ").join(names[:-1]), last=names[-1])


def _call_reporting_errors(function) -> None:
    # Closing must finish even if one panel's cleanup fails; the failure is still reported.
    try:
        function()
    except Exception:  # noqa: BLE001
        sys.excepthook(*sys.exc_info())


def start_background_services(window: MainWindow) -> None:
    """After the window is shown: start the symbolic worker and warm sympy up off the GUI thread."""
    QTimer.singleShot(0, lambda: _start_services(window))


def _start_services(window: MainWindow) -> None:
    import threading

    if window.worker is not None:
        window.worker.start()
    window.session.offer_recovery()
    # Importing sympy takes ~0.5 s; doing it now in a thread makes the first symbolic display
    # quick without delaying the first window.
    threading.Thread(target=importlib.import_module, args=("sympy",), daemon=True).start()
