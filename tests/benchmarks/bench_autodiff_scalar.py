"""Benchmark: a 100,000-node scalar graph, build + backward, against a micrograd-style reference.

Budget (issue 3): at most 3x the minimal pure-Python reference below, and at most half of
PyTorch's time with 0-dim tensors when torch happens to be installed (it is not a dependency).
Run: python tests/benchmarks/bench_autodiff_scalar.py
"""

from __future__ import annotations

import gc
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import explorer.autodiff as ad  # noqa: E402

NODES = 100_000
ROUNDS = 3


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
    for _ in range(NODES // 3):
        y = tanh(y * w + b)
    y.backward()
    return w.grad


def run_reference():
    return build_and_backward(Value, lambda v: v.tanh())


def run_ours():
    return build_and_backward(lambda v: ad.tensor(v, requires_grad=True), lambda t: t.tanh())


def run_torch():
    import torch

    return build_and_backward(
        lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True), lambda t: t.tanh()
    )


def best_time(function) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


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
    reference_time, reference_grad = best_time(run_reference)
    ours_time, our_grad = best_time(run_ours)
    assert math.isclose(float(our_grad), reference_grad, rel_tol=1e-9), (our_grad, reference_grad)
    print(f"scalar graph: {NODES:,} nodes, build + backward, best of {ROUNDS}")
    print(f"  micrograd-style reference: {reference_time * 1e3:8.1f} ms "
          f"({reference_time / NODES * 1e6:.2f} µs/node)")  # fmt: skip
    print(f"  explorer.autodiff        : {ours_time * 1e3:8.1f} ms "
          f"({ours_time / NODES * 1e6:.2f} µs/node)")  # fmt: skip
    ratio = ours_time / reference_time
    verdict = "OK" if ratio <= 3 else "OVER"
    print(f"  ratio ours/reference     : {ratio:.2f}x (budget <= 3x) {verdict}")
    try:
        import torch  # noqa: F401
    except ImportError:
        print("  torch 0-dim tensors      : skipped (torch is not installed)")
        return
    torch_time, _ = best_time(run_torch)
    print(f"  torch 0-dim tensors      : {torch_time * 1e3:8.1f} ms; ratio ours/torch "
          f"{ours_time / torch_time:.2f}x (budget <= 0.5x)")  # fmt: skip


if __name__ == "__main__":
    main()
    deep_chain()
