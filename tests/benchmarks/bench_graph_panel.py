"""Benchmark of the Graph panel: layout + first render of a 500-node graph, and one step.

Run: python tests/benchmarks/bench_graph_panel.py
Budgets (issue 12): layout + first render ≤ 30× the baseline; one step (update + full repaint of
the view) ≤ 10 ms median; both judged on the process's CPU time (the wall clock is printed too).
Baseline in the same run: a bare QGraphicsScene with one rectangle and one text item per node,
drawn once in the same view size. Also printed: the layout's edge crossings (between adjacent
layers, waypoints included), the crossings of the drawn routes (every edge, long ones along their
lanes) and, where Graphviz's ``dot`` is installed, the crossings of dot's own drawing of the same
graph counted the same way (dot is never a dependency; it is only run here).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from explorer.core.graph.model import build_model  # noqa: E402

BUDGET_FIRST_RATIO = 30.0
BUDGET_STEP_MS = 10.0


def _program(definitions: int) -> str:
    """Mixed, reused and fanned-out names, like a small network written out (as the core's)."""
    lines = ["h0 = sin(x) * y + z", "h1 = exp(-x^2) + y * z"]
    for i in range(2, definitions):
        lines.append(f"h{i} = tanh(h{i - 1} * w{i % 3} + h{i - 2}) - sigmoid(h{i // 2}) * x")
    return "\n".join(lines)


def _model_source() -> tuple[str, dict[str, float]]:
    values = {"x": 0.3, "y": -0.7, "z": 0.2, "w0": 0.5, "w1": -0.4, "w2": 0.9}
    definitions = 50
    while len(build_model(_program(definitions), values).nodes) < 500:
        definitions += 2
    return _program(definitions), values


def _median(times: list[float]) -> float:
    return statistics.median(times)


def _baseline_ms(node_count: int, view: QGraphicsView) -> tuple[float, float]:
    """A bare scene of ``node_count`` boxes and texts, drawn once: (wall ms, CPU ms)."""
    start, cpu = time.perf_counter(), time.process_time()
    scene = QGraphicsScene()
    for index in range(node_count):
        x, y = (index // 10) * 300.0, (index % 10) * 120.0
        scene.addItem(QGraphicsRectItem(x, y, 156, 80))
        text = QGraphicsSimpleTextItem(f"node {index}")
        text.setPos(x + 6, y + 6)
        scene.addItem(text)
    view.setScene(scene)
    view.viewport().repaint()
    elapsed = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    view.setScene(None)
    return elapsed


def _polyline_y(points: list[tuple[float, float]], x: float) -> float:
    """The y where a polyline (x rising) reaches ``x``."""
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x0 <= x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1] if x > points[-1][0] else points[0][1]


def drawn_crossings(
    rank_x: list[float], node_at: dict[int, tuple[int, float]], edges: list[tuple]
) -> int:
    """Crossings of a drawing, counted one way for ours and dot's: every edge enters each rank
    it passes at the y its drawn polyline has there (edges from one source on one line, a
    trunk, are one line there); crossings between adjacent ranks are the inversions of those
    y orders (``layout.count_crossings``). ``node_at`` gives each node's
    rank and y; ``edges`` are (index, source, target, polyline)."""
    from explorer.core.graph.layout import count_crossings

    layers: list[set[tuple[float, object]]] = [set() for _ in rank_x]
    down: dict[object, list[object]] = {}
    for node, (rank, y) in node_at.items():
        layers[rank].add((y, node))
    for index, source, target, polyline in edges:
        previous: object = source
        for rank in range(node_at[source][0] + 1, node_at[target][0]):
            y = _polyline_y(polyline, rank_x[rank])
            # Edges from one source drawn along one line (a trunk) are one line until they
            # part: counted once, as drawn, rather than once per edge on it.
            if previous == source or previous[0] == "t":
                waypoint = ("t", source, rank, round(y, 6))
            else:
                waypoint = ("w", index, rank)
            layers[rank].add((y, waypoint))
            if waypoint not in down.setdefault(previous, []):
                down[previous].append(waypoint)
            previous = waypoint
        if target not in down.setdefault(previous, []):
            down[previous].append(target)
    order = [
        [vertex for _, vertex in sorted(layer, key=lambda pair: (pair[0], str(pair[1])))]
        for layer in layers
    ]
    return count_crossings(order, down)


def _our_crossings(model) -> int:
    layout = model.layout
    node_at = {node: (layout.layer_of[node], y) for node, (_, y) in layout.positions.items()}
    edges = [
        (edge.index, edge.source, edge.target, list(layout.edge_routes[edge.index]))
        for edge in model.edges
    ]
    return drawn_crossings([float(i) for i in range(layout.width)], node_at, edges)


def _dot_crossings(model) -> str:
    """Crossings of Graphviz's own layered layout (rankdir=LR) of the same graph, from the
    splines dot draws, counted as ``drawn_crossings`` counts ours."""
    import json
    import shutil
    import subprocess

    dot = shutil.which("dot")
    if dot is None:
        return "Graphviz not installed here"
    lines = ["digraph g { rankdir=LR;"]
    lines += [f"n{node.id};" for node in model.nodes]
    lines += [f"n{edge.source} -> n{edge.target};" for edge in model.edges]  # in index order
    lines.append("}")
    # dot orders the ranks (its crossing minimisation) at its default effort; only the network
    # simplex that places them is capped, which otherwise runs for many minutes on 333 ranks.
    command = [dot, "-Tjson0", "-Gnslimit=2", "-Gnslimit1=2"]
    try:
        done = subprocess.run(
            command, input="\n".join(lines), capture_output=True, text=True, timeout=600
        )
    except subprocess.TimeoutExpired:
        return "dot did not finish within 10 minutes"
    drawn = json.loads(done.stdout)
    where: dict[int, tuple[float, float]] = {}
    for item in drawn["objects"]:
        x, y = (float(v) for v in item["pos"].split(","))
        where[int(item["name"][1:])] = (x, -y)
    rank_x = sorted({round(x, 2) for x, _ in where.values()})
    node_at = {node: (rank_x.index(round(x, 2)), y) for node, (x, y) in where.items()}
    edges = []
    for edge, item in zip(model.edges, drawn["edges"], strict=True):  # _gvid is input order
        points = [p.split(",") for p in item["pos"].split() if not p.startswith(("e,", "s,"))]
        spline = sorted((float(x), -float(y)) for x, y in points)
        edges.append((edge.index, edge.source, edge.target, spline))
    return str(drawn_crossings(rank_x, node_at, edges))


def _timed_step(action, panel) -> tuple[float, float]:
    """One step and a full repaint of the view: (wall-clock ms, this process's CPU ms).

    The CPU time is what the step costs the GUI thread; on a machine shared by several busy
    processes the wall clock also counts the time the scheduler gave to others."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    panel.view.viewport().repaint()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from explorer.ui.panels.graph_panel import GraphPanel

    panel = GraphPanel()
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    source, values = _model_source()
    first_times, layout_times, step_times, back_times, nodes = [], [], [], [], 0
    for _ in range(7):
        model = build_model(source, values)  # a fresh model: its layout is not computed yet
        nodes, edges = len(model.nodes), len(model.edges)
        start, cpu = time.perf_counter(), time.process_time()
        _ = model.layout
        layout_done = time.perf_counter()
        panel.set_model(model)
        panel.view.viewport().repaint()
        first_times.append(
            ((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
        )
        layout_times.append((layout_done - start) * 1000)
        for action, times in ((panel.step_forward, step_times), (panel.back, back_times)):
            for _ in range(20):
                times.append(_timed_step(action, panel))
    panel.seek(panel.stepper.forward_count)
    backward_times = [_timed_step(panel.step_backward, panel) for _ in range(40)]
    view = QGraphicsView()
    view.resize(950, 560)
    view.show()
    baselines = [_baseline_ms(nodes, view) for _ in range(7)]
    baseline, baseline_cpu = (_median([b[i] for b in baselines]) for i in (0, 1))
    first, first_cpu = (_median([f[i] for f in first_times]) for i in (0, 1))
    print(f"graph: {nodes} nodes, {edges} edges")
    print(f"layout (core):               {_median(layout_times):8.1f} ms")
    ratio = first_cpu / baseline_cpu
    print(f"layout + first render:       {first_cpu:8.1f} ms CPU (wall {first:.1f})")
    print(
        f"baseline bare scene + paint: {baseline_cpu:8.1f} ms CPU (wall {baseline:.1f})  "
        f"(ratio {ratio:.1f}× in CPU time, {first / baseline:.1f}× wall; "
        f"budget {BUDGET_FIRST_RATIO:.0f}×)"
    )
    print(f"edge crossings (layout):     {model.layout.crossings:8d}  (routed edges only)")
    print(f"edge crossings, drawn (ours):{_our_crossings(model):8d}  (every edge, lanes too)")
    print(f"edge crossings, drawn (dot): {_dot_crossings(model):>8}  (counted the same way)")
    cpu_medians = []
    for name, times in (
        ("step forward", step_times),
        ("back one step", back_times),
        ("step backward", backward_times),
    ):
        walls, cpus = [wall for wall, _ in times], [cpu for _, cpu in times]
        cpu_medians.append(_median(cpus))
        print(
            f"{name + ' + repaint:':<29}{_median(cpus):8.2f} ms CPU median "
            f"(wall {_median(walls):.2f}, max {max(walls):.2f})  (budget {BUDGET_STEP_MS:.0f} ms)"
        )
    # Judged on the GUI thread's CPU time: the wall clock of a shared machine is printed too.
    within = ratio <= BUDGET_FIRST_RATIO and max(cpu_medians) <= BUDGET_STEP_MS
    print("within budget" if within else "OVER BUDGET")


if __name__ == "__main__":
    main()
