"""Float helpers for the constant checker: arithmetic, and telling a pole from an overflow."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from explorer.core.expr.nodes import Node, Variable, walk

# A folded call result this large is checked for being a pole hit by rounding (tan(pi/2)).
POLE_SUSPECT = 1e10
_POLE_NUDGE = 1e-13

ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}


def depends(node: Node) -> bool:
    return any(isinstance(leaf, Variable) for leaf in walk(node))


def evaluate(forward: Callable, argument: float) -> float:
    with np.errstate(all="ignore"):
        return float(forward(np.float64(argument)))


def _neighbours(forward: Callable, argument: float) -> tuple[float, float]:
    nudge = abs(argument) * _POLE_NUDGE or _POLE_NUDGE
    return evaluate(forward, argument - nudge), evaluate(forward, argument + nudge)


def overflows(forward: Callable, argument: float) -> bool:
    """Infinite here and next door too (exp(800)), unlike a true singularity (log(0))."""
    return all(math.isinf(value) for value in _neighbours(forward, argument))


def is_pole(forward: Callable, argument: float, value: float) -> bool:
    if abs(value) < POLE_SUSPECT:
        return False
    for neighbour in _neighbours(forward, argument):
        if not math.isfinite(neighbour) or neighbour * value <= 0:
            return True
        if abs(neighbour - value) > 1e-3 * abs(value):
            return True
    return False
