"""Keystroke → replot in the main window (budget ≤ 30 ms, debounce excluded and shown apart).

Measures, per expression, the time from a finished edit (the debounce timer firing) until the
Function panel's curve holds the new data and the plot has been repainted: parse, sample with
break detection, hand the arrays to pyqtgraph, paint. Baseline in the same run: handing a
precomputed 2,000-point array to the same plot and painting it.

Then the repaint when only the crosshair moves (the mouse over the plot) and a small pan, with
PlotView's pixmap cache of long curves and axes on, and off as the same-run baseline.

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
    compare_cursor_and_pan(window, plot, viewport, repeats * 5)
    # What the benchmark typed is not work to save: close without the unsaved-changes question.
    window.session.mark_clean()
    window.close()
    del window
    app.processEvents()


def cursor_and_pan_ms(window, plot, viewport, repeats: int) -> tuple[float, float]:
    window.expression_input.line_edit.setText("x^3 - 1/x")
    window.expression_input.parse_now()
    viewport.repaint()
    moves, pans = [], []
    for x in np.resize(np.linspace(-4, 4, 37), repeats):
        started = time.perf_counter()
        plot.show_cursor(float(x), 0.5)
        viewport.repaint()
        moves.append(time.perf_counter() - started)
    for _ in range(repeats):
        (low, high), _ = plot.view_range()
        started = time.perf_counter()
        plot.view_box.setXRange(low + 0.01, high + 0.01, padding=0)
        viewport.repaint()
        pans.append(time.perf_counter() - started)
    return median_ms(moves), median_ms(pans)


def compare_cursor_and_pan(window, plot, viewport, repeats: int) -> None:
    from PySide6.QtWidgets import QGraphicsItem

    import explorer.ui.plot as plot_module

    cached = cursor_and_pan_ms(window, plot, viewport, repeats)
    # The same-run baseline: no pixmap cache on curves or axes.
    plot_module.CACHE_MIN_POINTS = 10**12
    for axis in ("left", "bottom"):
        plot.plot_item.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.NoCache)
    window.expression_input.line_edit.setText("0")
    window.expression_input.parse_now()
    uncached = cursor_and_pan_ms(window, plot, viewport, repeats)
    for label, on, off in zip(("crosshair move", "small pan"), cached, uncached, strict=True):
        print(
            f"{label} + repaint (x^3 - 1/x): {on:.2f} ms cached, {off:.2f} ms uncached "
            f"({off / on:.1f}x faster)"
        )


if __name__ == "__main__":
    main()
