"""Benchmark: a 100,000-node scalar graph, build + backward, against a micrograd-style reference.

Budget (issue 11): at most 1.0x the minimal pure-Python reference below (build + backward per
node), and at most half of PyTorch's time with 0-dim tensors when torch happens to be installed
(it is not a dependency). A chain of a million nodes must still backpropagate.
Run: python tests/benchmarks/bench_autodiff_scalar.py
The two run in alternation, ROUNDS times each, so a load that comes and goes on a shared machine
slows both; the verdict is the median of the paired ratios, and the best-of ratio is printed too.
Both run as Python runs them, cycle collector included; the same pair is then printed with the
collector paused, to show how much of each side's time is the collector's (not the budget).
"""

from __future__ import annotations

import gc
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import explorer.autodiff as ad  # noqa: E402

NODES = 100_000
ROUNDS = 7


class Value:
    """A minimal micrograd-style scalar (with an iterative sort, so a deep chain works)."""

    __slots__ = ("data", "grad", "_backward", "_prev")

    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._backward = _nothing
        self._prev = children

    def __add__(self, other):
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,))

        def _backward():
            self.grad += (1 - t * t) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        order, visited, stack = [], {id(self)}, [(self, iter(self._prev))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if id(child) not in visited:
                    visited.add(id(child))
                    stack.append((child, iter(child._prev)))
                    break
            else:
                stack.pop()
                order.append(node)
        self.grad = 1.0
        for node in reversed(order):
            node._backward()


def _nothing():
    return None


def build_and_backward(make, tanh):
    """A neuron-like chain: y = tanh(y * w + b), three nodes per step, NODES nodes in all."""
    x, w, b = make(0.5), make(0.9), make(0.1)
    y = x
    start = time.perf_counter()
    for _ in range(NODES // 3):
        y = tanh(y * w + b)
    built = time.perf_counter()
    y.backward()
    PHASES.append((built - start, time.perf_counter() - built))
    return w.grad


# (build, backward) seconds of every run, for the split printed below.
PHASES: list[tuple[float, float]] = []


def run_reference():
    return build_and_backward(Value, lambda v: v.tanh())


def run_ours():
    return build_and_backward(lambda v: ad.tensor(v, requires_grad=True), lambda t: t.tanh())


def run_torch():
    import torch

    return build_and_backward(
        lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True), lambda t: t.tanh()
    )


def timed(function, collector: bool = True) -> tuple[float, tuple[float, float], object]:
    """Seconds of one run, its (build, backward) split, and its result; ``collector=False``
    pauses Python's cycle collector during the run."""
    PHASES.clear()
    gc.collect()
    if not collector:
        gc.disable()
    try:
        start = time.perf_counter()
        result = function()
        return time.perf_counter() - start, PHASES[0], result
    finally:
        gc.enable()


def paired(first, second, collector: bool = True) -> tuple[dict, dict]:
    """ROUNDS runs of each, alternating which goes first: (times, phases, result) per side."""
    runs = {side: {"times": [], "phases": [], "result": None} for side in (first, second)}
    for index in range(ROUNDS):
        for function in (first, second) if index % 2 == 0 else (second, first):
            seconds, phases, result = timed(function, collector)
            runs[function]["times"].append(seconds)
            runs[function]["phases"].append(phases)
            runs[function]["result"] = result
    return runs[first], runs[second]


def verdict(label: str, ours: list[float], theirs: list[float], budget: float) -> None:
    pair_ratios = [o / t for o, t in zip(ours, theirs, strict=True)]
    median_ratio = statistics.median(pair_ratios)
    mark = "OK" if median_ratio <= budget else "OVER"
    print(f"  ratio ours/{label}: median of paired runs {median_ratio:.2f}x (budget <= "
          f"{budget}x) {mark}; best / best {min(ours) / min(theirs):.2f}x")  # fmt: skip


def per_node(seconds: float) -> str:
    return f"{seconds / NODES * 1e6:.2f} µs/node"


def report(label: str, times: list[float], phases: list[tuple[float, float]]) -> None:
    build = statistics.median(phase[0] for phase in phases)
    backward = statistics.median(phase[1] for phase in phases)
    print(f"  {label:<25}: best {min(times) * 1e3:6.1f} ms ({per_node(min(times))}), "
          f"median {per_node(statistics.median(times))}; "
          f"median build {per_node(build)} + backward {per_node(backward)}")  # fmt: skip


def deep_chain(length: int = 1_000_000) -> None:
    """A chain of a million multiplications: backward must not recurse (micrograd's would)."""
    start = time.perf_counter()
    x = ad.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(length):
        y = y * 1.0
    built = time.perf_counter()
    y.backward()
    done = time.perf_counter()
    assert x.grad.item() == 1.0
    print(f"chain of {length:,} nodes: build {built - start:.2f} s, backward {done - built:.2f} s")


def main() -> None:
    reference, ours = paired(run_reference, run_ours)
    reference_grad = reference["result"]
    assert math.isclose(float(ours["result"]), reference_grad, rel_tol=1e-9)
    print(f"scalar graph: {NODES:,} nodes, build + backward, {ROUNDS} paired runs")
    report("micrograd-style reference", reference["times"], reference["phases"])
    report("explorer.autodiff", ours["times"], ours["phases"])
    verdict("reference", ours["times"], reference["times"], 1.0)
    # Where the time goes: much of the reference's is the cycle collector's, which traverses
    # every object it tracks (per node a Value, its children tuple, a closure and three cells;
    # here a Node and its inputs tuple). Paused for both sides, the figures show the rest.
    reference_paused, ours_paused = paired(run_reference, run_ours, collector=False)
    print("  with the cycle collector paused during each run (both sides; not the budget):")
    report("micrograd-style reference", reference_paused["times"], reference_paused["phases"])
    report("explorer.autodiff", ours_paused["times"], ours_paused["phases"])
    ratios = [o / r for o, r in zip(ours_paused["times"], reference_paused["times"], strict=True)]
    print(f"  ratio ours/reference, collector paused: median of paired runs "
          f"{statistics.median(ratios):.2f}x")  # fmt: skip
    try:
        import torch  # noqa: F401
    except ImportError:
        print("  torch 0-dim tensors      : skipped (torch is not installed)")
        return
    torch_side, ours = paired(run_torch, run_ours)
    assert math.isclose(float(torch_side["result"]), reference_grad, rel_tol=1e-9)
    report("torch 0-dim tensors", torch_side["times"], torch_side["phases"])
    verdict("torch", ours["times"], torch_side["times"], 0.5)


if __name__ == "__main__":
    main()
    deep_chain()
