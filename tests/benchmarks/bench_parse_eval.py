"""Benchmark: parse + evaluate a typical expression on 5,000 points (budget <= 5 ms).

Prints the median time of parse alone, evaluation alone, and parse + evaluate, each next to a
hand-written numpy expression of the same function measured in the same run. Plain script:
    python tests/benchmarks/bench_parse_eval.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from explorer.core.expr import parse  # noqa: E402

TEXT = "sin(x)^2 + 3x - 1/(x-1)"
POINTS = 5_000
BUDGET_MS = 5.0


def median_ms(action: Callable[[], object], repeats: int = 300) -> float:
    action()  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def hand_written(x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        return np.sin(x) ** 2 + 3 * x - 1 / (x - 1)


def main() -> None:
    x = np.linspace(-3, 3, POINTS)
    expression = parse(TEXT)
    function = expression.numpy_function()
    np.testing.assert_allclose(function(x=x), hand_written(x), rtol=1e-12)

    baseline = median_ms(lambda: hand_written(x))
    parse_only = median_ms(lambda: parse(TEXT))
    evaluate_only = median_ms(lambda: function(x=x))
    both = median_ms(lambda: parse(TEXT).numpy_function()(x=x))
    print(f"expression: {TEXT!r} on {POINTS} points")
    print(f"hand-written numpy : {baseline:8.3f} ms")
    print(f"parse only         : {parse_only:8.3f} ms")
    print(f"evaluate only      : {evaluate_only:8.3f} ms  ({evaluate_only / baseline:.2f}x numpy)")
    print(f"parse + evaluate   : {both:8.3f} ms  ({both / baseline:.2f}x numpy)")
    verdict = "within" if both <= BUDGET_MS else "OVER"
    print(f"budget {BUDGET_MS:.1f} ms: {verdict} ({both / BUDGET_MS:.0%} of budget)")


if __name__ == "__main__":
    main()
