"""Cold start to first window shown: Calculus Explorer vs a bare pyqtgraph window (budget ≤ 1.5×).

Each run is a fresh interpreter. The window builds only the tab in view; other tabs, sympy and the
worker process come after it is shown (tests/ui/test_cold_start_is_lazy.py pins that). The parent
notes the wall-clock time before starting it; the child prints the wall-clock time once its window
has been shown and the event loop has run, then quits. Runs alternate between the two programs and
the medians are compared. Both start from bytecode, as installed programs do: pip compiled
pyqtgraph's modules when it installed them, and this compiles the checkout's ``explorer`` first
(where PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile it from source again).

    python tests/benchmarks/bench_startup.py [runs]
"""

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUDGET = 1.5

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg
app = QApplication([])
window = pg.PlotWidget()
window.plot([0, 1, 2], [0, 1, 4])
window.show()
QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))
app.exec()
"""

# The same steps as explorer.ui.app.run_gui, with a report once the window is up.
EXPLORER = """
import tempfile, time
from PySide6.QtCore import QSettings, QTimer
from explorer.ui.app import ensure_application
app = ensure_application()
from explorer.ui.main_window import MainWindow, start_background_services
settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
window = MainWindow(settings)
window.show()
start_background_services(window)
QTimer.singleShot(0, lambda: (print(time.time(), flush=True), window.close()))
app.exec()
"""


def time_to_window(program: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    # A data folder of its own: no autosave left by another run offers a restore dialog.
    env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-startup-")
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=REPO
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    shown = float(result.stdout.strip().splitlines()[0])
    return shown - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    compileall.compile_dir(REPO / "explorer", quiet=1)
    time_to_window(BARE)  # warm the OS file cache so the first measured run is not penalised
    time_to_window(EXPLORER)
    bare, ours = [], []
    for _ in range(runs):
        bare.append(time_to_window(BARE))
        ours.append(time_to_window(EXPLORER))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"runs per program: {runs}")
    print(
        f"bare pyqtgraph window : median {bare_median * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})"
    )
    print(
        f"Calculus Explorer     : median {ours_median * 1000:7.1f} ms  (min {min(ours) * 1000:.1f})"
    )
    print(f"ratio                 : {ours_median / bare_median:.2f}x  (budget <= {BUDGET:.2f}x)")


if __name__ == "__main__":
    main()
