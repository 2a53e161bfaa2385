"""Start-up pays only for what the first window shows: other tabs, sympy, exports, the worker wait.

The cold-start budget itself (≤ 1.5× a bare pyqtgraph window, measured in the same run) is
measured by tests/benchmarks/bench_startup.py; these tests pin what makes it possible.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from explorer.ui.main_window import MainWindow, PendingPanel
from explorer.ui.panels import PANELS

REPOSITORY = Path(__file__).resolve().parents[2]

SHOW_THE_WINDOW = """
import json, sys, tempfile
from PySide6.QtCore import QSettings
from explorer.ui.app import ensure_application
app = ensure_application()
from explorer.ui.main_window import MainWindow
settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
window = MainWindow(settings)
window.show()
app.processEvents()
heavy = (
    "sympy",
    "explorer.core.autodiff",
    "explorer.core.graph",
    "explorer.ui.graph_view",
    "explorer.ui.export",
)
print(json.dumps({
    "imported": sorted(m for m in sys.modules if m.startswith(heavy)),
    "worker_started": window.worker.worker.process_id is not None,
}))
window.close()
"""


def test_the_first_window_imports_no_sympy_and_starts_no_worker():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(REPOSITORY) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, "-c", SHOW_THE_WINDOW],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPOSITORY,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # sympy, the Graph tab's engine and views, the exporters (first File ▸ Export): not yet
    assert report["imported"] == []
    assert not report["worker_started"]  # started after the window is shown


def test_only_the_tab_in_view_is_built_and_others_on_first_show(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    built = [not isinstance(window.tabs.widget(i), PendingPanel) for i in range(len(PANELS))]
    assert built == [True] + [False] * (len(PANELS) - 1)
    assert [window.tabs.tabText(i) for i in range(len(PANELS))] == [e.title for e in PANELS]
    window.tabs.setCurrentIndex(1)
    panel = window.tabs.widget(1)
    assert not isinstance(panel, PendingPanel) and window.current_panel() is panel
    assert window.tabs.currentIndex() == 1
    # Built on its first show, it got the expression typed before it existed.
    assert panel.function is not None and panel.function.tree == window.current_expression.tree
    last = PANELS[-1].title
    assert window.panel_titled(last) is window.tabs.widget(len(PANELS) - 1)  # built on request
    window.close()
