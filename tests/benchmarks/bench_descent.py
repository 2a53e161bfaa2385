"""Descent budgets: a race of five optimizers × 1,000 steps on a typed f(x, y) (≤ 300 ms), one
animation frame updated and repainted (≤ 5 ms median), a 100-frame 800×600 GIF (≤ 10 s).

The machine is shared (two cores, several test runs at once): each figure is given as wall time
and as this process's CPU time, the steadier of the two there.

- race: Rosenbrock typed as text, GD, momentum, Nesterov, RMSProp and Adam from (−1.5, 2), 1,000
  steps each (5,000 updates through torch.optim's update rules, 1,000 batched gradient sweeps);
  wall and CPU time (the machine is shared: CPU time is the steadier figure);
- frame: the real panel at 1280×800 (offscreen) playing that race: ``show_frame(k)`` for
  successive k (five trajectories, markers, arrows, loss curves, results table, explanation)
  and a synchronous repaint of the panel;
- GIF: ``export_gif.write_gif`` of 100 frames at 800×600 from the panel.

Baselines in the same run: the same 5,000 updates as a hand-written numpy loop with the
gradient written out (race); repainting the unchanged panel (frame); rendering the 100 frames to
PNG images without the GIF encoder (GIF).

    python tests/benchmarks/bench_descent.py
"""

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402

from explorer.core.descent.presets import preset_named  # noqa: E402
from explorer.core.descent.state import frame_steps, race_for, state_from_preset  # noqa: E402

RACE_BUDGET_MS = 300.0
FRAME_BUDGET_MS = 5.0
GIF_BUDGET_S = 10.0
ROSENBROCK = preset_named("Rosenbrock (1 − x)² + 100(y − x²)²")


def handwritten_race() -> None:
    """GD with the gradient written out, 5 × 1,000 steps: the floor for Python-level stepping."""
    for _ in range(5):
        p = np.array([-1.5, 2.0])
        for _ in range(1000):
            x, y = p
            g = np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
            p = p - 0.001 * g


def timed(function, repeats: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def bench_race() -> None:
    state = replace(state_from_preset(ROSENBROCK), steps=1000)
    walls, cpus = timed(lambda: race_for(state), 7)
    base_walls, base_cpus = timed(handwritten_race, 7)
    wall, cpu = statistics.median(walls) * 1000, statistics.median(cpus) * 1000
    base = statistics.median(base_cpus) * 1000
    verdict = "within" if min(wall, cpu) <= RACE_BUDGET_MS else "OVER"
    print(
        f"race 5 × 1000 steps: median {wall:.0f} ms wall, {cpu:.0f} ms CPU "
        f"(budget {RACE_BUDGET_MS:.0f} ms, {verdict}); hand-written numpy GD loop {base:.0f} ms "
        f"CPU, ratio {cpu / base:.1f}×"
    )


def bench_frame_and_gif() -> None:
    from explorer.ui.app import ensure_application
    from explorer.ui.export_gif import render_frames, write_gif
    from explorer.ui.panels.descent_panel import DescentPanel

    app = ensure_application()
    panel = DescentPanel()
    panel.resize(1280, 800)
    panel.show()
    panel.set_state(replace(state_from_preset(ROSENBROCK), steps=1000))
    app.processEvents()
    repaints, frames, frame_cpus = [], [], []
    for step in range(1, 301):
        start = time.perf_counter()
        panel.repaint()
        repaints.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), time.process_time()
        panel.show_frame(step)
        panel.repaint()
        frames.append(time.perf_counter() - start)
        frame_cpus.append(time.process_time() - cpu)
    frame, base = statistics.median(frames) * 1000, statistics.median(repaints) * 1000
    frame_cpu = statistics.median(frame_cpus) * 1000
    verdict = "within" if min(frame, frame_cpu) <= FRAME_BUDGET_MS else "OVER"
    print(
        f"frame (5 trajectories, markers, arrows, loss plot, explanation) updated and "
        f"repainted (whole 1280×800 panel): median {frame:.2f} ms wall, {frame_cpu:.2f} ms CPU, "
        f"p90 {np.percentile(frames, 90) * 1000:.2f} ms wall (budget {FRAME_BUDGET_MS:.0f} ms, "
        f"{verdict}); repaint alone {base:.2f} ms"
    )
    steps = frame_steps(panel.race.longest, 100)
    with tempfile.TemporaryDirectory() as folder:
        start, cpu = time.perf_counter(), time.process_time()
        path = write_gif(panel, Path(folder) / "race.gif", steps, 20, 800, 600)
        gif, gif_cpu = time.perf_counter() - start, time.process_time() - cpu
        size = Path(path).stat().st_size
        start = time.perf_counter()
        render_frames(panel, steps, 800, 600)
        rendering = time.perf_counter() - start
    verdict = "within" if min(gif, gif_cpu) <= GIF_BUDGET_S else "OVER"
    print(
        f"GIF {len(steps)} frames 800×600: {gif:.2f} s wall, {gif_cpu:.2f} s CPU, "
        f"{size / 1e6:.2f} MB (budget "
        f"{GIF_BUDGET_S:.0f} s, {verdict}); rendering the frames alone {rendering:.2f} s"
    )
    panel.close()


if __name__ == "__main__":
    bench_race()
    bench_frame_and_gif()
