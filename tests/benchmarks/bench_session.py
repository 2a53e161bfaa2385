"""Session budget: open or save a typical session ≤ 100 ms (issue #15).

A typical session has every tab's state set: the panels of all the shipped examples
(``explorer/resources/examples/*.calcx``) merged into one file, with the first example's f and
parameters, opened on its tab. Each figure is the median over the runs, from the command until
the window has done everything it does for it (``processEvents`` until the queue is empty, so
the tab in view is repainted and deferred work such as the critical-point search is counted):

- save: File ▸ Save's code path (``SessionDocument.save_as``): every tab's state captured,
  written as JSON, saved atomically (QSaveFile).
- open, fresh window: File ▸ Open's code path (``SessionDocument.open_path``) right after the
  window started, when only the tab in view is built: read, checked, applied to the window.
- open, every tab already built: the same in a window where each tab has been shown.

Baseline in the same run: typing a new f into the window's f(x) field (parse and replot of the
tab in view, repainted), the app's most common single action. Wall-clock and, in brackets, the
CPU time of the GUI thread (``time.thread_time``), which leaves out waiting for a core on a busy
machine; the budget is judged on the CPU figure, as the other window benchmarks do.

    python tests/benchmarks/bench_session.py [runs]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A data folder of its own: no autosave left by another run offers a restore dialog.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-session-")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from explorer.core import session as sessions  # noqa: E402
from explorer.ui.app import ensure_application  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402

BUDGET_MS = 100.0
EXAMPLES = Path(__file__).resolve().parents[2] / "explorer" / "resources" / "examples"
BASELINE_EXPRESSIONS = ["sin(x)/x", "x^3 - 1/x"]


def typical_session() -> sessions.Session:
    """Every shipped example's panels in one session (the first example's window fields)."""
    files = sorted(EXAMPLES.glob("*.calcx"))
    merged = sessions.read_session(files[0])
    for path in files[1:]:
        for title, state in sessions.read_session(path).panels.items():
            merged.panels.setdefault(title, state)
    merged.title = "Every tab"
    return merged


def new_window(app) -> MainWindow:
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.worker = None
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return window


def close(window: MainWindow) -> None:
    window.session.mark_clean()  # nothing to ask on close
    window.close()
    window.deleteLater()


def timed(app, action) -> tuple[float, float]:
    """(wall, CPU) seconds of ``action()`` and everything Qt does for it afterwards."""
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def report(name: str, samples: list[tuple[float, float]], baseline: float | None) -> None:
    wall = statistics.median(s[0] for s in samples) * 1000
    cpu = statistics.median(s[1] for s in samples) * 1000
    line = f"{name:<40} median {wall:7.1f} ms [cpu {cpu:6.1f}]"
    if baseline is not None:
        verdict = "within" if cpu <= BUDGET_MS else "OVER"
        line += f"  ({cpu / baseline:4.1f}× the baseline)  budget {BUDGET_MS:.0f} ms: {verdict}"
    print(line)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    app = ensure_application()
    folder = Path(tempfile.mkdtemp(prefix="bench-session-files-"))
    typical = folder / "typical.calcx"
    sessions.write_session(typical, typical_session())
    size = typical.stat().st_size
    print(f"typical session: {size} bytes, {len(typical_session().panels)} panels")
    # Start-up work (imports, the first panel, the worker's absence) is not counted.
    new_window(app).session.open_path(typical)

    fresh = []
    for _ in range(runs):
        window = new_window(app)
        fresh.append(timed(app, lambda w=window: w.session.open_path(typical)))
        close(window)

    window = new_window(app)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # every tab built and shown once
        app.processEvents()
    again, saved, baseline = [], [], []
    for run in range(runs):
        again.append(timed(app, lambda: window.session.open_path(typical)))
        saved.append(timed(app, lambda r=run: window.session.save_as(folder / f"s{r}.calcx")))
        text = BASELINE_EXPRESSIONS[run % 2]
        baseline.append(timed(app, lambda t=text: window.expression_input.set_text(t)))
    problems = [s for s in (folder / f"s{r}.calcx" for r in range(runs)) if not s.is_file()]
    if problems:
        raise SystemExit(f"not saved: {problems}")
    base = statistics.median(s[1] for s in baseline) * 1000
    report("baseline: type f(x) in the window", baseline, None)
    report("save (capture, JSON, atomic write)", saved, base)
    report("open in a fresh window (tabs unbuilt)", fresh, base)
    report("open again (every tab built)", again, base)
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    close(window)


if __name__ == "__main__":
    main()
