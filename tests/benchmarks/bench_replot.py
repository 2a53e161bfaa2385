"""Keystroke → replot in the main window (budget ≤ 30 ms, debounce excluded and shown apart).

Measures, per expression, the time from a finished edit (the debounce timer firing) until the
Function panel's curve holds the new data and the plot has been repainted: parse, sample with
break detection, hand the arrays to pyqtgraph, paint. Baseline in the same run: handing a
precomputed 2,000-point array to the same plot and painting it.

    python tests/benchmarks/bench_replot.py [repeats]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from explorer.ui.app import ensure_application  # noqa: E402
from explorer.ui.expression_input import DEBOUNCE_MS  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402

EXPRESSIONS = [
    "x^3 - 1/x",
    "sin(x)",
    "tan(x)",
    "exp(-x^2/2)",
    "log(x)",
    "floor(x)",
    "sqrt(x)",
    "1/(x-0.1)",
    "x*sin(1/x)",
    "sigmoid(x)",
]


def median_ms(samples):
    return statistics.median(samples) * 1000


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    app = ensure_application()
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    plot = window.panel_titled("Function").plot
    viewport = plot.plot_widget.viewport()

    x = np.linspace(-5, 5, 2000)
    y = np.sin(x)
    baseline = []
    for _ in range(repeats):
        started = time.perf_counter()
        plot.set_curve("f", x, y)
        viewport.repaint()
        baseline.append(time.perf_counter() - started)

    print(f"{'expression':<14} {'compute ms':>10} {'+ paint ms':>10} {'max ms':>8}")
    medians = []
    for text in EXPRESSIONS:
        computing, totals = [], []
        for _ in range(repeats):
            window.expression_input.line_edit.setText(text)
            started = time.perf_counter()
            window.expression_input.parse_now()  # what the debounce timer calls
            computed = time.perf_counter()
            viewport.repaint()
            computing.append(computed - started)
            totals.append(time.perf_counter() - started)
        medians.append(median_ms(totals))
        print(
            f"{text:<14} {median_ms(computing):10.2f} {medians[-1]:10.2f} {max(totals) * 1000:8.2f}"
        )
    worst = max(medians)
    print(f"baseline: set 2,000 precomputed points + repaint: {median_ms(baseline):.2f} ms")
    print(f"typical (median over expressions): {statistics.median(medians):.2f} ms")
    print(f"worst expression median: {worst:.2f} ms (budget <= 30 ms)")
    print(f"worst / baseline ratio: {worst / median_ms(baseline):.1f}x")
    print(f"plus the typing debounce of {DEBOUNCE_MS} ms before the replot starts")
    window.close()
    del window
    app.processEvents()


if __name__ == "__main__":
    main()
