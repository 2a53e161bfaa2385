"""Derivative lab budgets: a new f → every view ≤ 50 ms; a drag / h-slider move ≤ 8 ms (core part).

Run: ``python tests/benchmarks/bench_derivative.py``. Prints medians in ms and ratios against a
baseline measured in the same run: hand-written numpy for f and f′ on the same 5,000-point grid.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

# Runnable as a plain script from anywhere: put the repository on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from explorer.core.derivative import (  # noqa: E402
    error_vs_h,
    limit_table,
    linear_approximation_band,
    prepare,
    secant_through,
    tangent_at,
    three_derivatives,
)
from explorer.core.derivative import model as model_module  # noqa: E402
from explorer.core.expr import parse  # noqa: E402

GRID = np.linspace(-3, 3, 5000)
TEXTS = ("x^3 - 1/x", "sin(x)^2 + 3x - 1/(x - 1)", "x^2 sin(x)/(1 + e^x)", "a*x^2 + b")


def median_ms(action, repeats: int = 50) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def baseline() -> float:
    def hand_written() -> None:
        x = GRID
        with np.errstate(all="ignore"):
            _ = x**3 - 1 / x
            _ = 3 * x**2 + 1 / x**2

    return median_ms(hand_written)


def new_expression(text: str) -> None:
    """Everything the lab computes when f changes (sympy simplification excluded: worker)."""
    # Clear the caches so each run pays for parsing and the derivation like a new keystroke.
    model_module._parse.cache_clear()
    model_module._derivation.cache_clear()
    function = prepare(text, {"a": 2.0, "b": 1.0})
    with np.errstate(all="ignore"):
        function.f(GRID)
        function.fprime(GRID)
    tangent_at(function, 1.0)
    secant_through(function, 1.0, 0.1)
    limit_table(function.f, 1.0, float(function.fprime(np.float64(1.0))))
    error_vs_h(function.f, 1.0, float(function.fprime(np.float64(1.0))))
    three_derivatives(function, GRID)
    linear_approximation_band(function, 1.0, 0.1, GRID)
    [step.after for step in function.derivation.steps]


def drag(function, x0s) -> None:
    for x0 in x0s:
        tangent = tangent_at(function, x0)
        tangent.line(GRID)
        secant_through(function, x0, 0.1).line(GRID)


def main() -> None:
    base = baseline()
    print(f"baseline: hand-written numpy f and f′ on 5,000 points: {base:.3f} ms")
    for text in TEXTS:
        parse(text, parameters=True)  # warm imports
        keystroke = median_ms(lambda t=text: new_expression(t), repeats=20)
        function = prepare(text, {"a": 2.0, "b": 1.0})
        positions = np.linspace(-2.5, 2.5, 101)
        per_drag = median_ms(lambda f=function, p=positions: drag(f, p), repeats=10) / len(
            positions
        )
        agreement = median_ms(lambda f=function: three_derivatives(f, GRID), repeats=20)
        slider = median_ms(lambda f=function: secant_through(f, 1.0, 1e-3).line(GRID), repeats=200)
        rebinding = median_ms(lambda f=function: tangent_at(f, 1.0, {"a": 3.0, "b": 0.5}), 50)
        print(
            f"{text!r:32} new f → all views {keystroke:7.2f} ms (budget 50, ×{keystroke / base:.0f}"
            f" baseline) | drag {per_drag:.3f} ms (budget 8) | h slider {slider:.3f} ms"
            f" | three derivatives {agreement:.2f} ms | parameter slider {rebinding:.3f} ms"
        )


if __name__ == "__main__":
    main()
