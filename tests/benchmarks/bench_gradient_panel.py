"""Gradient panel budgets: typed f → 300×300 map (≤ 40 ms), drag P (≤ 8 ms), slider (≤ 40 ms).

Runs the real panel inside the main window at 1280×800 (offscreen). Each figure is the median
time from the input until the panel has been repainted (map, slices, direction plot, numbers):

- typing: the f(x, y) input's parse (what its debounce timer calls) → 300×300 samples, contour
  levels and lines (contourpy), bands, labels, P's arrow, level curve, slices, D_u f(θ), linear
  approximation → repaint. The critical-point search runs right after, from a zero timer, so the
  map is on screen first; its time is printed on its own line.
- drag: a real mouse drag of P through the map's viewport (QTest press, moves, release); each
  move recomputes P's gradient (autodiff), the level curve through P (contourpy, in the blocks
  of the map's grid whose values straddle f(P)), the tangent and right angle, both slices, the
  direction plot and the numbers. Timed three ways: the handler alone; the handler and a full
  repaint of each of the four plots (the map, both slices, the D_u f(θ) plot) — the budget's
  figure, printed as a ratio to the budget and part by part (a view's repaint also paints the
  other widgets waiting for one, such as the number tables: they land in the first part, the
  map's); and until Qt's event queue is empty (window composition too). While P is dragged the
  map's bands, lines, labels, colour bar and axes are one picture (FieldView; with the |f − L|
  shading on, the level lines and labels are a second picture over the shading and the axes
  are painted live, so the drag looks as the map does after it), and so are the small plots'
  axes and grid (explorer.ui.plot_backdrop); the curves that change are light Polyline items;
  pyqtgraph's hover search is skipped on a drag's moves (explorer.ui.plot_scene). Every move is
  processed (none is coalesced with the next), so each figure is the cost of one processed
  event.
- slider: stepping the parameter a of ``a*x^2 + y^2 + sin(a*x*y)`` through 40 slider ticks:
  the whole map is recomputed for each value (critical points again from a zero timer).

Baseline in the same run: repainting the unchanged panel.

Each line gives wall-clock time and, in brackets, the CPU time of the GUI thread
(``time.thread_time``): on a shared, busy machine the wall clock also counts time spent waiting
for a core, which the CPU figure leaves out.

    python tests/benchmarks/bench_gradient_panel.py [moves] [--drag-only]

``--drag-only`` runs only the drag lines (for paired runs of the drag budget).
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

from explorer.ui.app import ensure_application  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402

TYPING_BUDGET_MS = 40.0
DRAG_BUDGET_MS = 8.0
SLIDER_BUDGET_MS = 40.0
EXPRESSIONS = [
    "log(exp(x) + exp(y))",
    "x^2 + 2y^2",
    "x^2 - y^2",
    "(1 - x)^2 + 100(y - x^2)^2",
    "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    "sin(x)*cos(y)",
    "log(x*y)",
    "sqrt(1 - x^2 - y^2)",
]
SLIDER_EXPRESSION = "a*x^2 + y^2 + sin(a*x*y)"


class Stopwatch:
    """Wall-clock and GUI-thread CPU time of a block, appended to ``samples`` as a pair."""

    def __init__(self, samples: list[tuple[float, float]]) -> None:
        self.samples = samples

    def __enter__(self) -> "Stopwatch":
        self.wall, self.cpu = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.samples.append((time.perf_counter() - self.wall, time.thread_time() - self.cpu))


def median_ms(samples: list[tuple[float, float]], which: int = 0) -> float:
    return statistics.median(sample[which] for sample in samples) * 1000


def _p90(samples: list[tuple[float, float]]) -> float:
    return sorted(sample[0] for sample in samples)[int(0.9 * (len(samples) - 1))] * 1000


def report(
    name: str, samples: list[tuple[float, float]], budget: float | None, baseline_ms: float
) -> None:
    """Wall-clock median and p90, CPU median; the budget is judged on the CPU median."""
    median, cpu = median_ms(samples), median_ms(samples, 1)
    verdict = ""
    if budget is not None:
        verdict = f"  budget {budget:.0f} ms: " + ("within" if cpu <= budget else "OVER")
    print(
        f"{name:<44} median {median:7.2f} ms [cpu {cpu:6.2f}]  p90 {_p90(samples):7.2f} ms  "
        f"({cpu / baseline_ms:5.1f}× a bare repaint){verdict}"
    )


def typing_samples(
    app, panel, repeats: int
) -> tuple[dict[str, list[tuple[float, float]]], list[tuple[float, float]]]:
    results, critical = {}, []
    for text in EXPRESSIONS:
        samples = []
        for _ in range(repeats):
            panel.input.line_edit.setText(text)
            app.processEvents()  # the debounce timer is restarted by setText; flush other work
            with Stopwatch(samples):
                panel.input.parse_now()
                panel.repaint()
            with Stopwatch(critical):
                app.processEvents()  # the deferred critical-point search and its markers
        results[text] = samples
    return results, critical


def drag_samples(
    app, panel, moves: int, paint: str, parts: dict[str, list] | None = None
) -> list[tuple[float, float]]:
    """Time each mouse move of a drag of P; ``paint`` says what is counted after the handler:
    "none", "views" (repainting the map, both slices and the direction plot) or "events"
    (everything Qt does until the event queue is empty, window composition included).
    ``parts`` (with "views") collects the handler and each view's repaint on their own."""
    # pyqtgraph drops mouse moves closer than 10 ms apart (mouseRateLimit = 100/s); lift that so
    # every timed move really drags the point.
    pg.setConfigOption("mouseRateLimit", -1)
    view = panel.map
    widget, viewport, view_box = view.plot_widget, view.plot_widget.viewport(), view.view_box
    views = {
        name: plot.plot_widget.viewport()
        for name, plot in (
            ("map", panel.map),
            ("slice f(x, y₀)", panel.slice_x),
            ("slice f(x₀, y)", panel.slice_y),
            ("D_u f(θ) plot", panel.direction_plot),
        )
    }
    if parts is not None:
        parts.update({name: [] for name in ("handler", *views)})

    def viewport_point(x: float, y: float):
        return widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))

    app.processEvents()
    start = panel.analysis()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(start.x, start.y))
    samples, positions = [], set()
    for index in range(moves):
        phase = (index % 100) / 100.0
        x = -2.5 + 5.0 * (phase if (index // 100) % 2 == 0 else 1.0 - phase)
        y = 0.5 * x
        with Stopwatch(samples):
            with Stopwatch(parts["handler"] if parts is not None else []):
                QTest.mouseMove(viewport, viewport_point(x, y))
            if paint == "views":
                for name, each in views.items():
                    with Stopwatch(parts[name] if parts is not None else []):
                        each.repaint()
            elif paint == "events":
                app.processEvents()
        if paint != "events":
            app.processEvents()  # outside the timing: keep Qt's queue from piling up
        positions.add(panel.state().point)
    print(f"drag ({paint}): P took {len(positions)} distinct positions over {moves} mouse moves")
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_point(1.0, 0.5))
    app.processEvents()
    return samples


def slider_samples(
    app, panel, steps: int
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    panel.set_expression_text(SLIDER_EXPRESSION)
    app.processEvents()
    slider = panel.parameters.slider("a")
    samples, critical = [], []
    for step in range(steps):
        with Stopwatch(samples):
            slider.setValue(20 + 10 * (step % 40))
            panel.repaint()
        with Stopwatch(critical):
            app.processEvents()
    return samples, critical


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--drag-only"]
    drag_only = "--drag-only" in sys.argv[1:]
    moves = int(arguments[0]) if arguments else 400
    app = ensure_application()
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.worker = None
    window.resize(1280, 800)
    window.show()
    panel = window.panel_titled("Gradient")
    window.tabs.setCurrentWidget(panel)
    app.processEvents()
    grid = panel.map.grid()
    print(f"map grid {grid.z.shape[1]}×{grid.z.shape[0]}; window 1280×800 (offscreen)")

    baseline = []
    for _ in range(30):
        with Stopwatch(baseline):
            panel.repaint()
    baseline_ms = median_ms(baseline, 1)
    print(
        f"{'baseline: repaint the panel, nothing changed':<44} median {median_ms(baseline):7.2f} "
        f"ms [cpu {baseline_ms:6.2f}]"
    )

    if not drag_only:
        typing, critical = typing_samples(app, panel, 5)
        for text, samples in typing.items():
            report(f"type f = {text}", samples, TYPING_BUDGET_MS, baseline_ms)
        every = [sample for samples in typing.values() for sample in samples]
        report("type f: all expressions", every, TYPING_BUDGET_MS, baseline_ms)
        report("  then critical points (deferred, not in map)", critical, None, baseline_ms)

    panel.set_expression_text("log(exp(x) + exp(y))")
    app.processEvents()
    parts: dict[str, list] = {}
    for paint, what in (
        ("none", "handler only"),
        ("views", "+ repaint map, slices, D_u plot"),
        ("events", "+ all Qt does (queue emptied)"),
    ):
        samples = drag_samples(app, panel, moves, paint, parts if paint == "views" else None)
        report(f"drag P: {what}", samples, DRAG_BUDGET_MS, baseline_ms)
        if paint == "views":
            # The budget's figure: the handler and the repaint of each view, one by one.
            total = median_ms(samples, 1)
            print(f"  {total / DRAG_BUDGET_MS:4.2f}× the {DRAG_BUDGET_MS:.0f} ms budget, of which:")
            for name, part in parts.items():
                print(f"    {name:<18} cpu median {median_ms(part, 1):6.2f} ms")
    panel.field_toggle.setChecked(True)
    panel.tolerance_toggle.setChecked(True)
    app.processEvents()
    samples = drag_samples(app, panel, moves, "views")
    report("drag P + field, |f − L| shading: + repaint", samples, DRAG_BUDGET_MS, baseline_ms)
    panel.field_toggle.setChecked(False)
    panel.tolerance_toggle.setChecked(False)

    if not drag_only:
        slider, critical = slider_samples(app, panel, 80)
        report(f"slider a of {SLIDER_EXPRESSION}", slider, SLIDER_BUDGET_MS, baseline_ms)
        report("  then critical points (deferred, not in map)", critical, None, baseline_ms)
    # What the benchmark typed is not work to save: close without the unsaved-changes question.
    window.session.mark_clean()
    window.close()


if __name__ == "__main__":
    main()
