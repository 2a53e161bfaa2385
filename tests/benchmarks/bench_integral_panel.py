"""Integral panel budgets: n slider and dragging a bound (≤ 8 ms, up to n = 1,000), typing a new
f → area, sums and F(x) drawn (≤ 50 ms).

Runs the real panel inside the main window at 1280×800 (offscreen) with the real worker. Each
figure is the median time from the input until the plot viewport has been repainted:

- n slider: stepping ``integralNSlider`` over every tick from n = 1 to n = 1,000 (rule by rule
  for midpoint, Simpson and upper, the costliest to draw and compute);
- drag: a real mouse drag of the bound b through the plot's viewport (QTest press, moves,
  release) with n = 1,000 rectangles; each move redraws the area, the sum, F and the FTC check
  (the worker is asked only once the drag pauses);
- typing: the expression input's parse through area, sum, F(x) and the check to a repaint; the
  exact and numeric values arrive later from the worker and are not counted.

Baseline in the same run: repainting the unchanged plot. Wall-clock figures; on a loaded
machine run with ``--cpu`` for this process's CPU time instead.

    python tests/benchmarks/bench_integral_panel.py [moves] [--cpu]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPointF, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from explorer.core.panel_state import IntegralState  # noqa: E402
from explorer.ui.app import ensure_application  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402
from explorer.ui.panels.integral_panel import CURVE_SAMPLES  # noqa: E402
from explorer.ui.panels.integral_side import tick_from_n  # noqa: E402

clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
BUDGET_MS = 8.0
TYPING_BUDGET_MS = 50.0
EXPRESSIONS = [
    "x^2",
    "sin(x)*exp(-x^2/4)",
    "1/sqrt(x)",
    "floor(x)",
    "1/x",
    "a*x^3 - x",
    "sigmoid(2x)",
    "exp(-x)",
]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _p90(samples: list[float]) -> float:
    return sorted(samples)[int(0.9 * (len(samples) - 1))] * 1000


def report(name: str, samples: list[float], budget: float, baseline_ms: float) -> None:
    median = median_ms(samples)
    verdict = "within" if median <= budget else "OVER"
    print(
        f"{name:<40} median {median:7.2f} ms  p90 {_p90(samples):7.2f} ms  "
        f"({median / baseline_ms:5.1f}× a bare repaint)  budget {budget:.0f} ms: {verdict}"
    )


def slider_samples(panel, rule: str) -> list[float]:
    panel.side.rule.setCurrentIndex(panel.side.rule.findData(rule))
    slider = panel.side.n_slider.slider
    viewport = panel.plot.plot_widget.viewport()
    samples = []
    for tick in range(0, tick_from_n(1000) + 1):
        started = clock()
        slider.setValue(tick)
        viewport.repaint()
        samples.append(clock() - started)
    return samples


def drag_samples(app, panel, moves: int) -> list[float]:
    # pyqtgraph drops mouse moves closer than 10 ms apart; lift that so every move drags.
    pg.setConfigOption("mouseRateLimit", -1)
    plot = panel.plot
    widget, viewport, view_box = plot.plot_widget, plot.plot_widget.viewport(), plot.view_box
    (_, _), (y_low, y_high) = plot.view_range()
    y = 0.5 * (y_low + y_high)

    def point(x: float):
        return widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))

    start = panel.layer.upper_line.value()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(start))
    samples, bounds = [], set()
    for index in range(moves):
        phase = (index % 100) / 100.0
        x = start - 0.6 * (phase if (index // 100) % 2 == 0 else 1.0 - phase)
        started = clock()
        QTest.mouseMove(viewport, point(x))
        viewport.repaint()
        samples.append(clock() - started)
        bounds.add(panel.state().upper)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(start))
    app.processEvents()
    print(f"drag: b took {len(bounds)} distinct values over {moves} mouse moves")
    return samples


def typing_samples(window, panel, repeats: int) -> dict[str, list[float]]:
    viewport = panel.plot.plot_widget.viewport()
    results = {}
    for text in EXPRESSIONS:
        samples = []
        for _ in range(repeats):
            window.expression_input.line_edit.setText(text)
            started = clock()
            window.expression_input.parse_now()
            viewport.repaint()
            samples.append(clock() - started)
        results[text] = samples
    return results


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    moves = int(numbers[0]) if numbers else 300
    app = ensure_application()
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()
    panel = window.panel_titled("Integral")
    window.tabs.setCurrentWidget(panel)
    window.expression_input.set_text("sin(x)*exp(-x^2/4) + 0.3")
    window.expression_input.parse_now()
    panel.set_state(IntegralState(lower="-2", upper="2", rule="midpoint", n=1000))
    app.processEvents()
    viewport = panel.plot.plot_widget.viewport()

    baseline = []
    for _ in range(50):
        started = clock()
        viewport.repaint()
        baseline.append(clock() - started)
    baseline_ms = median_ms(baseline)
    print(f"f sampled on {CURVE_SAMPLES} points; window 1280×800 (offscreen)")
    print(f"{'baseline: repaint, nothing changed':<40} median {baseline_ms:7.2f} ms")
    for rule in ("midpoint", "simpson", "upper"):
        report(f"n slider 1 … 1,000 ({rule})", slider_samples(panel, rule), BUDGET_MS, baseline_ms)
    panel.side.rule.setCurrentIndex(panel.side.rule.findData("midpoint"))
    panel.side.n_slider.slider.setValue(tick_from_n(1000))
    app.processEvents()
    report(
        f"drag b, n = 1,000 ({moves} moves)",
        drag_samples(app, panel, moves),
        BUDGET_MS,
        baseline_ms,
    )
    typing = typing_samples(window, panel, 5)
    for text, samples in typing.items():
        report(f"type f = {text}", samples, TYPING_BUDGET_MS, baseline_ms)
    every = [sample for samples in typing.values() for sample in samples]
    report("type f: all expressions", every, TYPING_BUDGET_MS, baseline_ms)
    kind = "process CPU time" if clock is time.process_time else "wall-clock time"
    print(f"  ({kind}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    # What the benchmark typed is not work to save: close without the unsaved-changes question.
    window.session.mark_clean()
    window.close()


if __name__ == "__main__":
    main()
