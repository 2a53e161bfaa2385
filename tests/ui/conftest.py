"""UI test setup: own QSettings storage per test, symbolic workers lent from a pool, and each
test's windows freed before the next test starts."""

import pyqtgraph as pg
import pytest
from lent_workers import WorkerPool
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox
from widget_cleanup import free_closed_widgets

from explorer.ui import i18n, worker_bridge
from explorer.ui.appearance import Appearance
from explorer.ui.main_window import MainWindow
from explorer.ui.plot import PlotView
from explorer.ui.session_document import SessionDocument


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory, qapp, monkeypatch):
    # A default-constructed QSettings() anywhere in the app now lands in a throwaway INI folder.
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("calculus-explorer-tests")
    QCoreApplication.setApplicationName("calculus-explorer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    # Autosaves go to QStandardPaths' data folder, which follows XDG_DATA_HOME on Linux.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    # Nobody answers a modal question in a test: closing a changed window discards the changes
    # (tests of the question itself set their own answer on the window's session).
    monkeypatch.setattr(
        SessionDocument,
        "ask_about_unsaved_changes",
        lambda _self: QMessageBox.StandardButton.Discard,
    )
    # English unless a test chooses otherwise, whatever the machine's locale; a test that
    # switched language leaves the next one in English.
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    yield folder
    if i18n.language() != "en":
        i18n.set_language("en")


@pytest.fixture(autouse=True)
def widgets_freed_after_each_test(qapp):
    """Each test's closed windows are really gone before the next test starts
    (tests/ui/widget_cleanup.py). Torn down after the test's own fixtures (autouse fixtures are
    set up first)."""
    yield
    free_closed_widgets()


@pytest.fixture(scope="session")
def worker_pool():
    """This test process's idle symbolic workers (tests/ui/lent_workers.py)."""
    pool = WorkerPool()
    yield pool
    pool.close()


@pytest.fixture(autouse=True)
def symbolic_workers_lent(worker_pool, monkeypatch):
    """Windows and panels get the app's symbolic worker from the pool instead of spawning one
    each (a second of CPU a time); each is given back when its bridge shuts down, and at the
    latest when the test ends."""
    monkeypatch.setattr(worker_bridge, "SymbolicWorker", worker_pool.worker)
    yield
    worker_pool.take_back_all()


@pytest.fixture
def settings(tmp_path):
    """An explicit settings file for a window under test."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def appearance(settings):
    """An Appearance on the test's settings; the application's default look comes back after."""
    look = Appearance(settings)
    yield look
    settings.clear()
    Appearance(settings).apply()


@pytest.fixture
def show_at_window_size(qtbot):
    """``show_at_window_size(widget)``: the widget shown at the README's 1280×800 and laid out."""

    def show(widget):
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


@pytest.fixture
def function_panel_showing(qtbot):
    """A shown 1280×800 Function panel plotting the given f (shared by its behaviour tests)."""
    from explorer.core.expr import parse
    from explorer.ui.panels.function_panel import FunctionPanel

    def make(text: str) -> FunctionPanel:
        panel = FunctionPanel()
        qtbot.addWidget(panel)
        panel.resize(1280, 800)
        panel.show()
        qtbot.waitExposed(panel)
        panel.set_expression(parse(text, parameters=True))
        return panel

    return make


@pytest.fixture
def graph_panel(qtbot):
    """A Graph panel at the README's 1280×800, shown and laid out, with the seed preset loaded.

    Its program worker (started by the first Python program) is shut down afterwards.
    """
    from explorer.ui.panels.graph_panel import GraphPanel

    panel = GraphPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 800)
    yield panel
    panel.shutdown()
    panel.close()
    # Its widget groups call back into it (a reference cycle): widgets_freed_after_each_test
    # collects them before the next test.


@pytest.fixture
def settle(qtbot):
    """``settle(panel)`` waits until the panel's Python program has run in the worker and its
    graph or error is shown (a definitions program is built at once, so it returns at once)."""

    def wait(panel) -> None:
        qtbot.waitUntil(lambda: not panel.runner.running, timeout=30_000)

    return wait


@pytest.fixture
def derivative_panel(qtbot):
    """A Derivative panel on its own, shown at the window's typical size (no worker)."""
    from explorer.ui.panels.derivative.panel import DerivativePanel

    panel = DerivativePanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def symbolic_worker(qtbot):
    """The app's real symbolic worker (a killable process), started, shut down afterwards."""
    from explorer.ui.worker_bridge import WorkerBridge

    bridge = WorkerBridge(poll_interval_ms=10)
    bridge.start()
    yield bridge
    bridge.shutdown()


@pytest.fixture
def window(qtbot, settings):
    """The whole main window, shown, with isolated settings."""
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


@pytest.fixture
def every_mouse_move():
    """pyqtgraph drops moves closer than 10 ms apart; a test's moves come faster."""
    before = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", before)


@pytest.fixture
def shown_plot_view(qtbot):
    """``shown_plot_view(width, height)``: a PlotView shown at that size."""

    def show(width: int, height: int) -> PlotView:
        view = PlotView()
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        return view

    return show
