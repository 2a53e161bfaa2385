"""Regenerate the README's screenshots: the whole main window at 1280×800, grabbed by the app.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [OUTPUT_FOLDER]

Writes ``screenshot.png`` (Derivative tab, ``x^3 - 1/x``, tangent at x₀ = 1) and
``screenshot-graph.png`` (Graph tab, the seed's example half-way through the backward pass).
Settings go to a throwaway file, so the user's remembered window and expression are untouched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SIZE = (1280, 800)
# Long enough for the worker process to start and send sympy's simplified f′.
WORKER_WAIT_MS = 3000


def main(folder: Path) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from explorer.ui.app import ensure_application

    ensure_application()
    from explorer.ui.main_window import MainWindow, start_background_services

    def run_events_for(milliseconds: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    folder.mkdir(parents=True, exist_ok=True)
    settings_file = Path(tempfile.mkdtemp()) / "screenshots.ini"
    window = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    start_background_services(window)
    window.expression_input.set_text("x^3 - 1/x")
    derivative = window.panel_titled("Derivative")
    window.tabs.setCurrentWidget(derivative)
    derivative.set_x0(1.0)
    run_events_for(WORKER_WAIT_MS)
    _save(window.grab(), folder / "screenshot.png")

    graph = window.panel_titled("Graph")
    window.tabs.setCurrentWidget(graph)
    stepper = graph.stepper
    graph.seek(stepper.forward_count + (stepper.length - stepper.forward_count) // 2)
    run_events_for(300)
    _save(window.grab(), folder / "screenshot-graph.png")
    window.close()


def _save(pixmap, path: Path) -> None:
    if not pixmap.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"Wrote {path} ({pixmap.width()}×{pixmap.height()})")


if __name__ == "__main__":  # the worker is a spawned process: it must not rerun this
    # Run from a checkout too, not only after `pip install .`: the repository root holds explorer/.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
