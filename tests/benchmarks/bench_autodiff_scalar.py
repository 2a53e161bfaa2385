"""Benchmark: a 100,000-node scalar graph, build + backward, against a micrograd-style reference.

Budget (issue 11): at most 1.0x the minimal pure-Python reference below (build + backward per
node), and at most half of PyTorch's time with 0-dim tensors when torch happens to be installed
(it is not a dependency). A chain of a million nodes must still backpropagate.
Run: python tests/benchmarks/bench_autodiff_scalar.py
Ratios are of the best of ROUNDS runs; medians are printed too (the machine may be shared).
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
ROUNDS = 5


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


def timed(function) -> tuple[list[float], list[tuple[float, float]], object]:
    """Seconds of each of ROUNDS runs, their (build, backward) split, and the last result."""
    times, result = [], None
    PHASES.clear()
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, list(PHASES), result


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
    reference_times, reference_phases, reference_grad = timed(run_reference)
    our_times, our_phases, our_grad = timed(run_ours)
    assert math.isclose(float(our_grad), reference_grad, rel_tol=1e-9), (our_grad, reference_grad)
    print(f"scalar graph: {NODES:,} nodes, build + backward, {ROUNDS} runs each")
    report("micrograd-style reference", reference_times, reference_phases)
    report("explorer.autodiff", our_times, our_phases)
    ratio = min(our_times) / min(reference_times)
    verdict = "OK" if ratio <= 1.0 else "OVER"
    median_ratio = statistics.median(our_times) / statistics.median(reference_times)
    print(f"  ratio ours/reference, best : {ratio:.2f}x (budget <= 1.0x) {verdict}; "
          f"of medians {median_ratio:.2f}x")  # fmt: skip
    try:
        import torch  # noqa: F401
    except ImportError:
        print("  torch 0-dim tensors      : skipped (torch is not installed)")
        return
    torch_times, torch_phases, torch_grad = timed(run_torch)
    assert math.isclose(float(torch_grad), reference_grad, rel_tol=1e-9)
    report("torch 0-dim tensors", torch_times, torch_phases)
    ratio = min(our_times) / min(torch_times)
    verdict = "OK" if ratio <= 0.5 else "OVER"
    median_ratio = statistics.median(our_times) / statistics.median(torch_times)
    print(f"  ratio ours/torch, best     : {ratio:.2f}x (budget <= 0.5x) {verdict}; "
          f"of medians {median_ratio:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
    deep_chain()
