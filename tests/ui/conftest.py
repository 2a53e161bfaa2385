"""UI test setup: every test gets its own QSettings storage, never the user's."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory, qapp):
    # A default-constructed QSettings() anywhere in the app now lands in a throwaway INI folder.
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("calculus-explorer-tests")
    QCoreApplication.setApplicationName("calculus-explorer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture
def settings(tmp_path):
    """An explicit settings file for a window under test."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


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
