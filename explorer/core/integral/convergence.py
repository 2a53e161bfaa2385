"""How Riemann sums approach the integral as n doubles: the table, error vs n, fitted orders.

The table follows the derivative lab's printing of the seed's h table
(``h=0.00010, numerical limit=2.00030``): one line per n, ``n=8, midpoint sum=0.33203,
error=1.30e-03``. The error-vs-n data fit the slope of log(error) against log(n) where the
truncation error dominates (above ``FLOOR_MARGIN`` × the round-off floor), which should come out
near −1 (left, right, upper, lower), −2 (midpoint, trapezoid) or −4 (Simpson) for a smooth f.
A rule whose error stays at the round-off floor for every n is exact for this f (the trapezoid
rule on a line, Simpson on a cubic) and is said to be, without a meaningless slope.

The round-off floor is what float64 cannot resolve: about ε times the size of the numbers
summed (∫|f| and |∫f|), growing slowly with the number of terms (``roundoff_floor``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from explorer.core.integral.riemann import RULE_NAMES, RULE_ORDERS, RULES, riemann_sum

RealFunction = Callable[[np.ndarray], np.ndarray]

TABLE_NS: tuple[int, ...] = tuple(2**k for k in range(14))  # 1 … 8192
PLOT_NS: tuple[int, ...] = TABLE_NS
FLOOR_MARGIN = 30.0
_EPSILON = float(np.finfo(np.float64).eps)
_FIT_POINTS = 6
_LARGE_VALUE = 1e6


@dataclass(frozen=True)
class TableRow:
    n: int
    value: float
    error: float | None

    def text(self, rule: str) -> str:
        """``n=8, midpoint sum=0.33203, error=1.30e-03`` (the seed's way of printing)."""
        line = f"n={self.n}, {RULE_NAMES[rule]}={table_number(self.value)}"
        if self.error is not None:
            line += f", error={self.error:.2e}"
        return line


def table_number(value: float) -> str:
    """Five decimals like the seed, huge values in compact scientific form."""
    if math.isfinite(value) and abs(value) >= _LARGE_VALUE:
        return f"{value:.5e}"
    return f"{value:.5f}"


def doubling_table(
    f: RealFunction, a: float, b: float, rule: str, exact: float | None, ns=TABLE_NS
) -> list[TableRow]:
    """The ``rule`` sum for n = 1, 2, 4, … with its distance from ``exact`` (when known)."""
    rows = []
    for n in ns:
        value = riemann_sum(f, a, b, n, rule).value
        error = None if exact is None or not math.isfinite(value) else abs(value - exact)
        rows.append(TableRow(n, value, error))
    return rows


@dataclass(frozen=True)
class RuleConvergence:
    """One rule's errors over ``ns`` and what they show."""

    rule: str
    errors: np.ndarray
    slope: float  # fitted d log(error) / d log(n), NaN when too few points lie above the floor
    exact: bool  # error at the round-off floor for every n

    @property
    def theory(self) -> int:
        return -RULE_ORDERS[self.rule]

    def verdict(self) -> str:
        """``midpoint sum: slope −2.00 (theory −2)`` or why there is no slope."""
        name = RULE_NAMES[self.rule]
        if self.exact:
            return f"{name}: exact for this f (error at round-off for every n)"
        if not np.isfinite(self.errors).any():
            return f"{name}: undefined (f has no finite value at one of its points)"
        if not math.isfinite(self.slope):
            return f"{name}: too few errors above round-off to fit a slope"
        slope = f"{self.slope:.2f}".replace("-", "−")
        text = f"{name}: slope {slope} (theory {self.theory})".replace("-", "−")
        if self.slope < self.theory - 0.5:
            text += ", faster than theory"
        elif self.slope > self.theory + 0.5:
            text += ", slower than theory (f is not smooth enough here)"
        return text


@dataclass(frozen=True)
class ErrorVsN:
    ns: np.ndarray
    floor: np.ndarray
    rules: dict[str, RuleConvergence]


def roundoff_floor(f: RealFunction, a: float, b: float, exact: float, ns: np.ndarray) -> np.ndarray:
    """2ε·(∫|f| + |∫f|)·√(1 + log₂ n): below this a sum's error is float64 noise.

    Each of the n terms carries a rounding error of a few ε relative to its size, and they add
    up like a random walk over numpy's pairwise summation tree, hence the slow growth in n.
    """
    size = abs(riemann_sum(lambda x: np.abs(f(x)), a, b, 4096, "midpoint").value)
    if not math.isfinite(size):
        size = abs(exact)
    return 2.0 * _EPSILON * (size + abs(exact)) * np.sqrt(1.0 + np.log2(ns))


def error_vs_n(
    f: RealFunction, a: float, b: float, exact: float, rules=RULES, ns=PLOT_NS
) -> ErrorVsN:
    """Each rule's |sum − exact| for n = 1, 2, 4, … 8192, fitted slopes and exactness."""
    ns_array = np.asarray(ns, dtype=float)
    floor = roundoff_floor(f, a, b, exact, ns_array)
    found = {}
    for rule in rules:
        with np.errstate(invalid="ignore"):
            errors = np.array([abs(riemann_sum(f, a, b, int(n), rule).value - exact) for n in ns])
        exact_rule = bool(np.all(np.isfinite(errors)) and np.all(errors <= floor))
        found[rule] = RuleConvergence(
            rule, errors, fitted_slope(ns_array, errors, floor), exact_rule
        )
    return ErrorVsN(ns_array, floor, found)


def fitted_slope(ns: np.ndarray, errors: np.ndarray, floor: np.ndarray) -> float:
    """The slope over the last ``_FIT_POINTS`` n ≥ 2 whose error is well above the floor and
    before it first reaches the floor (beyond that, round-off noise would flatten the fit)."""
    with np.errstate(invalid="ignore"):
        above = np.isfinite(errors) & (errors > FLOOR_MARGIN * floor) & (errors > 0)
    usable = []
    for index in range(1, ns.size):
        if not above[index]:
            if usable:
                break
            continue
        usable.append(index)
    if len(usable) < 3:
        return math.nan
    chosen = usable[-_FIT_POINTS:]
    slope = np.polyfit(np.log10(ns[chosen]), np.log10(errors[chosen]), 1)[0]
    return float(slope)
