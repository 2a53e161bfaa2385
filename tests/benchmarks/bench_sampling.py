"""Benchmark: sampling 5,000 points with break detection vs a bare evaluation on the same grid.

Run: ``python tests/benchmarks/bench_sampling.py``. Prints milliseconds per call (best of several
rounds) and the ratio to the baseline measured in the same run: evaluating the same expression on
``np.linspace`` with no gap handling at all. Budget (issue 2): parse + evaluate ≤ 5 ms.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from explorer.core.expr import parse  # noqa: E402
from explorer.core.sampling import sample_curve  # noqa: E402

EXPRESSIONS = (
    "sin(x)^2 + 3x - 1/(x-1)",
    "x^3 - 1/x",
    "tan(x)",
    "floor(x)",
    "sqrt(x) + log(x)",
    "sin(50x)",
    "exp(-x^2/2)",
)
POINTS = 5000
ROUNDS = 7
CALLS = 20


def best_ms(action) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            action()
        best = min(best, (time.perf_counter() - started) / CALLS)
    return best * 1e3


def main() -> None:
    print(
        f"{'expression':28s} {'bare eval':>10s} {'sample':>9s} {'parse+sample':>13s} {'ratio':>6s}"
    )
    for text in EXPRESSIONS:
        expression = parse(text)
        function = expression.numpy_function()
        grid = np.linspace(-5, 5, POINTS)

        def bare(function=function, grid=grid):
            with np.errstate(all="ignore"):
                function(x=grid)

        bare_ms = best_ms(bare)
        sample_ms = best_ms(lambda expression=expression: sample_curve(expression, -5, 5, POINTS))
        both_ms = best_ms(lambda text=text: sample_curve(parse(text), -5, 5, POINTS))
        print(
            f"{text:28s} {bare_ms:9.3f}m {sample_ms:8.3f}m {both_ms:12.3f}m "
            f"{sample_ms / bare_ms:6.1f}x"
        )
    print("(m = milliseconds per call; ratio = sample / bare evaluation)")


if __name__ == "__main__":
    main()
