"""Function tab with five curves: points of interest after a typed change (budget ≤ 60 ms) and
after a pan or zoom (budget ≤ 30 ms).

Typed change: from the entry's parse (ExpressionInput's debounce fired) until every curve is
resampled, analysed (roots, extrema, inflections, holes, asymptotes, intersections, intervals,
extrema tests) and its curves, dots and labels handed to pyqtgraph and painted.
Pan/zoom: the same after the view's x-range changes (the debounce timer excluded): a pan within
the analysed range (details of the view only) and one past it (sample and analyse again).
Wall-clock figures; on a loaded machine run with ``--cpu`` for the CPU time of the GUI thread
instead (``time.thread_time``: the work the panel does, without the time spent waiting for a
core; the process's CPU time would also count numpy's BLAS helper threads spinning beside it).
Baseline in the same run: what the tab did before points of interest existed — sampling the
same five curves with pole/jump breaks and drawing them (``sample_curve`` + ``set_curve``).
Also the core alone (``analyze_curves``) and one curve, to show where the time goes.

    python tests/benchmarks/bench_function_panel.py [repeats] [--cpu]
"""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from explorer.core.analysis import analyze_curves, define_curves  # noqa: E402
from explorer.core.expr import parse  # noqa: E402
from explorer.core.sampling import sample_curve  # noqa: E402
from explorer.ui.app import ensure_application  # noqa: E402
from explorer.ui.panels.function_panel import FunctionPanel  # noqa: E402

F = "x^3 - 3x"
OTHERS = ["g(x) = f(x - 1) + 2", "f'(x)", "sin(x)/x", "tan(x)/4"]
EDITS = ["sin(x)/x + 0.1", "sin(x)/x - 0.1"]


clock = time.thread_time if "--cpu" in sys.argv else time.perf_counter


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    repeats = int(numbers[0]) if numbers else 15
    app = ensure_application()
    panel = FunctionPanel()
    panel.resize(1280, 800)
    panel.show()
    panel.set_expression(parse(F, parameters=True))
    for text in OTHERS:
        panel.add_curve(text)
    app.processEvents()
    rows = panel.curve_list.rows

    baseline = []
    definitions = define_curves([F, *OTHERS])
    functions = [d.tree for d in definitions]
    from explorer.core.derivative.evaluate import bind

    bound = [bind(tree, "x", {}) for tree in functions]
    for _ in range(repeats):
        start = clock()
        for index, f in enumerate(bound):
            curve = sample_curve(f, -5.0, 5.0)
            panel.plot.set_curve(f"baseline{index}", *curve.display_arrays())
        panel.plot.plot_widget.viewport().repaint()
        baseline.append(clock() - start)
    for index in range(len(bound)):
        panel.plot.remove_curve(f"baseline{index}")

    typed = []
    for step in range(repeats):
        row = rows[3]
        row.input.line_edit.blockSignals(True)
        row.input.line_edit.setText(EDITS[step % 2])
        row.input.line_edit.blockSignals(False)
        start = clock()
        row.input.parse_now()
        panel.plot.plot_widget.viewport().repaint()
        typed.append(clock() - start)

    panned, past = [], []
    for step in range(repeats):
        # A small pan inside the analysed range (the points are already there) …
        shift = 0.5 if step % 2 else -0.5
        panel.plot.set_view_range((-4.0 + shift, 4.0 + shift), (-10, 10), remember=False)
        start = clock()
        panel._view_timer.stop()
        panel._on_view_settled()
        panel.plot.plot_widget.viewport().repaint()
        panned.append(clock() - start)
        # … and one past it, which samples and analyses the view again.
        centre = 20.0 * (step + 1)
        panel.plot.set_view_range((centre - 5, centre + 5), (-10, 10), remember=False)
        start = clock()
        panel._view_timer.stop()
        panel._on_view_settled()
        panel.plot.plot_widget.viewport().repaint()
        past.append(clock() - start)
        panel.plot.set_view_range((-5.0, 5.0), (-10, 10), remember=False)
        panel._view_timer.stop()
        panel._on_view_settled()
        # Painted, as the window would before the next pan (not timed): the next pan's figure
        # is that pan, not the first paint of the curves this reset resampled.
        panel.plot.plot_widget.viewport().repaint()

    core = []
    texts = [F, *OTHERS]
    for _ in range(repeats):
        start = clock()
        analyze_curves(define_curves(texts), {}, (-5.0, 5.0))
        core.append(clock() - start)
    single = []
    for _ in range(repeats):
        start = clock()
        analyze_curves(define_curves([F]), {}, (-5.0, 5.0))
        single.append(clock() - start)

    repaint = []
    for _ in range(repeats):
        start = clock()
        panel.plot.plot_widget.viewport().repaint()
        repaint.append(clock() - start)

    base = median_ms(baseline)
    points = len(panel.analysis.points())
    print(f"five curves, {points} points of interest, median of {repeats}:")
    print(f"  baseline: sample + draw five curves        {base:7.1f} ms")
    print(
        f"  typed change → points drawn (≤ 60 ms)      {median_ms(typed):7.1f} ms"
        f"   ×{median_ms(typed) / base:.1f} baseline"
    )
    print(
        f"  pan/zoom → points of the view (≤ 30 ms)    {median_ms(panned):7.1f} ms"
        f"   ×{median_ms(panned) / base:.1f} baseline"
    )
    print(
        f"  pan past the analysed range (resample)     {median_ms(past):7.1f} ms"
        f"   ×{median_ms(past) / base:.1f} baseline"
    )
    print(f"  of which painting the plot alone           {median_ms(repaint):7.1f} ms")
    print(f"  core analyze_curves, five curves           {median_ms(core):7.1f} ms")
    print(f"  core analyze_curves, one curve (x^3 - 3x)  {median_ms(single):7.1f} ms")
    kind = "GUI-thread CPU time" if "--cpu" in sys.argv else "wall-clock time"
    print(f"  ({kind}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
