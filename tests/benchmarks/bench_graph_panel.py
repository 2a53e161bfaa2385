"""Benchmark of the Graph panel: layout + first render of a 500-node graph, and one step.

Run: python tests/benchmarks/bench_graph_panel.py
Budgets (issue 12): layout + first render ≤ 30× the baseline; one step (update + repaint) ≤ 10 ms
median. Baseline in the same run: a bare QGraphicsScene with one rectangle and one text item per
node, drawn once in the same view size. Also printed: the layout's edge crossings (between
adjacent layers, waypoints included) and, where Graphviz's ``dot`` is installed, the crossings of
dot's own layout of the same graph, counted the same way.
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


def _baseline_ms(node_count: int, view: QGraphicsView) -> float:
    start = time.perf_counter()
    scene = QGraphicsScene()
    for index in range(node_count):
        x, y = (index // 10) * 300.0, (index % 10) * 120.0
        scene.addItem(QGraphicsRectItem(x, y, 156, 80))
        text = QGraphicsSimpleTextItem(f"node {index}")
        text.setPos(x + 6, y + 6)
        scene.addItem(text)
    view.setScene(scene)
    view.viewport().repaint()
    elapsed = (time.perf_counter() - start) * 1000
    view.setScene(None)
    return elapsed


def _dot_crossings(model) -> str:
    """Crossings of Graphviz's own layered layout (rankdir=LR), counted like ours: between
    adjacent ranks, an edge over several ranks entering each rank it crosses once."""
    import shutil
    import subprocess

    from explorer.core.graph.layout import count_crossings

    dot = shutil.which("dot")
    if dot is None:
        return "Graphviz not installed here"
    lines = ["digraph g { rankdir=LR;"]
    lines += [f"n{node.id};" for node in model.nodes]
    lines += [f"n{edge.source} -> n{edge.target};" for edge in model.edges]
    lines.append("}")
    plain = subprocess.run(
        [dot, "-Tplain"], input="\n".join(lines), capture_output=True, text=True, check=True
    ).stdout
    where = {}
    for row in plain.splitlines():
        parts = row.split()
        if parts and parts[0] == "node":
            where[int(parts[1][1:])] = (float(parts[2]), float(parts[3]))
    ranks = sorted({round(x, 2) for x, _ in where.values()})
    rank_of = {node: ranks.index(round(x, 2)) for node, (x, _) in where.items()}
    layers: list[list[tuple[float, object]]] = [[] for _ in ranks]
    down: dict[object, list[object]] = {}
    for node, rank in rank_of.items():
        layers[rank].append((-where[node][1], node))
    for edge in model.edges:  # a chain of waypoints, one per rank crossed
        previous: object = edge.source
        for rank in range(rank_of[edge.source] + 1, rank_of[edge.target]):
            waypoint = ("w", edge.index, rank)
            y = where[edge.source][1] + (where[edge.target][1] - where[edge.source][1]) * (
                (rank - rank_of[edge.source]) / (rank_of[edge.target] - rank_of[edge.source])
            )
            layers[rank].append((-y, waypoint))
            down.setdefault(previous, []).append(waypoint)
            previous = waypoint
        down.setdefault(previous, []).append(edge.target)
    order = [[vertex for _, vertex in sorted(layer, key=lambda pair: pair[0])] for layer in layers]
    return str(count_crossings(order, down))


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
        start = time.perf_counter()
        _ = model.layout
        layout_done = time.perf_counter()
        panel.set_model(model)
        panel.view.viewport().repaint()
        first_times.append((time.perf_counter() - start) * 1000)
        layout_times.append((layout_done - start) * 1000)
        for action, times in ((panel.step_forward, step_times), (panel.back, back_times)):
            for _ in range(20):
                begin = time.perf_counter()
                action()
                panel.view.viewport().repaint()
                times.append((time.perf_counter() - begin) * 1000)
                if action is panel.step_forward:
                    continue
    panel.seek(panel.stepper.forward_count)
    backward_times = []
    for _ in range(40):
        begin = time.perf_counter()
        panel.step_backward()
        panel.view.viewport().repaint()
        backward_times.append((time.perf_counter() - begin) * 1000)
    view = QGraphicsView()
    view.resize(950, 560)
    view.show()
    baseline = _median([_baseline_ms(nodes, view) for _ in range(7)])
    first = _median(first_times)
    print(f"graph: {nodes} nodes, {edges} edges")
    print(f"layout (core):               {_median(layout_times):8.1f} ms")
    ratio = first / baseline
    print(f"layout + first render:       {first:8.1f} ms")
    print(
        f"baseline bare scene + paint: {baseline:8.1f} ms  "
        f"(ratio {ratio:.1f}×, budget {BUDGET_FIRST_RATIO:.0f}×)"
    )
    print(f"edge crossings (ours):       {model.layout.crossings:8d}")
    print(f"edge crossings (dot):        {_dot_crossings(model)}")
    for name, times in (
        ("step forward", step_times),
        ("back one step", back_times),
        ("step backward", backward_times),
    ):
        print(
            f"{name + ' + repaint:':<29}{_median(times):8.2f} ms median, "
            f"{max(times):6.2f} ms max  (budget {BUDGET_STEP_MS:.0f} ms)"
        )
    steps = max(_median(step_times), _median(back_times), _median(backward_times))
    within = ratio <= BUDGET_FIRST_RATIO and steps <= BUDGET_STEP_MS
    print("within budget" if within else "OVER BUDGET")


if __name__ == "__main__":
    main()
