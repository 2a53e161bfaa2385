"""Benchmark of the graph view's core: layout, model and stepping for a ~500-node graph.

Run: python tests/benchmarks/bench_graph_core.py
Budget (issue 5): layout + first render of a 500-node graph ≤ 300 ms, one step ≤ 10 ms; this
measures the core's share. Baseline in the same run: longest-path layering alone.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from explorer.core.graph.explain import forward_text, forward_texts
from explorer.core.graph.layout import assign_layers, layered_layout
from explorer.core.graph.model import build_model
from explorer.core.graph.named_steps import _derivative, build_named_model
from explorer.core.graph.stepper import Stepper


def _program(definitions: int) -> str:
    """A program that mixes, reuses and fans out names, like a small network written out."""
    lines = ["h0 = sin(x) * y + z", "h1 = exp(-x^2) + y * z"]
    for i in range(2, definitions):
        lines.append(f"h{i} = tanh(h{i - 1} * w{i % 3} + h{i - 2}) - sigmoid(h{i // 2}) * x")
    return "\n".join(lines)


def _median_ms(function, repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    values = {"x": 0.3, "y": -0.7, "z": 0.2, "w0": 0.5, "w1": -0.4, "w2": 0.9}
    source = _program(50)
    model = build_model(source, values)
    while len(model.nodes) < 500:
        source = _program(int(50 * 500 / len(model.nodes)) + 1)
        model = build_model(source, values)
    ids = [node.id for node in model.nodes]
    edges = [(edge.source, edge.target) for edge in model.edges]
    inputs = [node.id for node in model.inputs]
    print(f"graph: {len(ids)} nodes, {len(edges)} edges")
    layering = _median_ms(
        lambda: assign_layers(ids, edges, inputs=inputs, output_id=model.output_id)
    )
    layout_ms = _median_ms(
        lambda: layered_layout(ids, edges, inputs=inputs, output_id=model.output_id)
    )
    layout = layered_layout(ids, edges, inputs=inputs, output_id=model.output_id)
    print(f"layering only (baseline): {layering:.2f} ms")
    print(
        f"full layout: {layout_ms:.2f} ms  ({layout_ms / layering:.1f}x baseline), "
        f"{layout.width} layers, {layout.crossings} crossings"
    )
    build_ms = _median_ms(lambda: build_model(source, values), repeats=5)
    print(
        f"build + backward + model ({len(build_model(source, values).nodes)} nodes): "
        f"{build_ms:.2f} ms"
    )
    schedule_ms = _median_ms(lambda: Stepper(model), repeats=5)
    stepper = Stepper(model)
    late = stepper.length - 2  # a backward step: the state with most grads to rebuild

    def one_step() -> None:
        stepper.seek(late)
        stepper.step_backward()

    step_ms = _median_ms(one_step, repeats=15)
    print(f"schedule with explanations: {schedule_ms:.2f} ms")
    # The forward texts with one running dict of names vs a scan of earlier nodes per node.
    scan_ms = _median_ms(lambda: [forward_text(model, node) for node in model.nodes], repeats=5)
    linear_ms = _median_ms(lambda: forward_texts(model), repeats=5)
    print(
        f"forward texts: {linear_ms:.2f} ms linear vs {scan_ms:.2f} ms per-node scan "
        f"(baseline; {scan_ms / linear_ms:.1f}x)"
    )

    def cold_named() -> None:
        _derivative.cache_clear()  # as for a program never seen before
        build_named_model(source, values)

    cold_ms = _median_ms(cold_named, repeats=3)
    named_ms = _median_ms(lambda: build_named_model(source, values), repeats=5)
    named = build_named_model(source, values)
    named_schedule_ms = _median_ms(lambda: Stepper(named), repeats=5)
    print(
        f"named-steps model ({len(named.nodes)} nodes, {len(named.edges)} edges): "
        f"{cold_ms:.2f} ms first build, {named_ms:.2f} ms rebuild (new values), "
        f"{named_schedule_ms:.2f} ms schedule"
    )
    print(f"one step (state rebuild): {step_ms:.3f} ms")
    print(f"core share of the 300 ms budget (layout): {layout_ms / 300:.0%}")


if __name__ == "__main__":
    main()
