"""Riemann sums of f over [a, b] with n subintervals: left, right, midpoint, trapezoid, Simpson,
upper and lower, with the shapes a plot draws for them.

Every rule splits [a, b] into n equal subintervals of width h = (b − a)/n:

- left / right / midpoint: rectangles of height f at the subinterval's left end, right end, middle;
- trapezoid: the chord through both ends, h·(f(xᵢ) + f(xᵢ₊₁))/2;
- Simpson: the parabola through both ends and the middle, h·(f(xᵢ) + 4f(mᵢ) + f(xᵢ₊₁))/6
  (each of the n subintervals gets its own parabola, so any n ≥ 1 works and h is the same h as
  for the other rules; the error still falls like h⁴);
- upper / lower: rectangles of height sup f and inf f on the subinterval. The sup and inf are
  taken over ``_EXTREMUM_SAMPLES`` evenly spaced points of each subinterval, ends included, which
  is exact where f is monotone on the subinterval and off by O((h/m)²) at an interior extremum —
  far below the sums' own O(h) distance from the integral.

A reversed interval (b < a) gives the negated sum over [b, a]: ∫ₐᵇ = −∫ᵦᵃ, rule by rule.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from explorer.core.text import format_number

RealFunction = Callable[[np.ndarray], np.ndarray]

RULES: tuple[str, ...] = ("left", "right", "midpoint", "trapezoid", "simpson", "upper", "lower")
RULE_NAMES: dict[str, str] = {
    "left": "left sum",
    "right": "right sum",
    "midpoint": "midpoint sum",
    "trapezoid": "trapezoid rule",
    "simpson": "Simpson's rule",
    "upper": "upper sum",
    "lower": "lower sum",
}
# How fast each rule's error falls on a smooth f: error ∝ n^−order.
RULE_ORDERS: dict[str, int] = {
    "left": 1,
    "right": 1,
    "midpoint": 2,
    "trapezoid": 2,
    "simpson": 4,
    "upper": 1,
    "lower": 1,
}
MAX_N = 10_000
# Points per subinterval for sup/inf: many for few subintervals, at least both ends and the
# middle; the total stays near _EXTREMUM_BUDGET evaluations.
_EXTREMUM_SAMPLES = 64
_EXTREMUM_BUDGET = 200_000
# Simpson's parabolas are drawn with this many points each (fewer when n is large).
_PARABOLA_POINTS = 16
_OUTLINE_BUDGET = 4000


@dataclass(frozen=True)
class RiemannSum:
    """One sum: its value and what to draw (over [lo, hi], lo < hi, whatever the order of a, b).

    ``value`` is NaN or ±inf when f has no finite value at a node; ``problem`` then says where.
    """

    rule: str
    n: int
    a: float
    b: float
    value: float
    edges: np.ndarray  # the n + 1 subinterval ends, increasing
    heights: np.ndarray | None  # rectangle rules: the n heights
    edge_values: np.ndarray | None  # trapezoid and Simpson: f at the edges
    mid_values: np.ndarray | None  # Simpson: f at the midpoints
    problem: str = ""

    @property
    def width(self) -> float:
        """h = (b − a)/n (negative for a reversed interval)."""
        return (self.b - self.a) / self.n

    def outline(self) -> tuple[np.ndarray, np.ndarray]:
        """The top edge of the drawn shapes, left to right, ready to fill down to y = 0."""
        edges = self.edges
        if self.heights is not None:
            x = np.repeat(edges, 2)[1:-1]
            y = np.repeat(self.heights, 2)
            return x, y
        if self.mid_values is None:
            return edges, self.edge_values
        points = max(3, min(_PARABOLA_POINTS, _OUTLINE_BUDGET // self.n))
        t = np.linspace(0.0, 1.0, points)
        left, middle, right = self.edge_values[:-1], self.mid_values, self.edge_values[1:]
        # The parabola through (0, left), (½, middle), (1, right) in Lagrange form.
        basis_left = 2.0 * (t - 0.5) * (t - 1.0)
        basis_middle = -4.0 * t * (t - 1.0)
        basis_right = 2.0 * t * (t - 0.5)
        y = (
            left[:, None] * basis_left
            + middle[:, None] * basis_middle
            + right[:, None] * basis_right
        )
        x = edges[:-1, None] + (edges[1:] - edges[:-1])[:, None] * t
        return x.ravel(), y.ravel()

    def dividers(self) -> tuple[np.ndarray, np.ndarray]:
        """Vertical segments from y = 0 up to the shape at each inner edge (pairs of points)."""
        inner = self.edges[1:-1]
        if self.heights is not None:
            tops = _taller(self.heights[:-1], self.heights[1:])
        else:
            tops = self.edge_values[1:-1]
        x = np.repeat(inner, 2)
        y = np.column_stack([np.zeros_like(tops), tops]).ravel()
        return x, y


def _taller(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The taller of two neighbouring rectangles, signed (the divider reaches the farther one)."""
    return np.where(np.abs(left) >= np.abs(right), left, right)


def check_rule(rule: str) -> str:
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    return rule


def check_n(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_N:
        raise ValueError(f"n must be a whole number from 1 to {MAX_N:,}, got {n!r}")
    return int(n)


def riemann_sum(f: RealFunction, a: float, b: float, n: int, rule: str) -> RiemannSum:
    """The ``rule`` sum of the vectorised ``f`` over finite [a, b] with ``n`` subintervals."""
    check_rule(rule)
    n = check_n(n)
    a, b = float(a), float(b)
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("Riemann sums need finite bounds")
    low, high = min(a, b), max(a, b)
    sign = 1.0 if b >= a else -1.0
    edges = np.linspace(low, high, n + 1)
    h = (high - low) / n
    heights = edge_values = mid_values = None
    with np.errstate(all="ignore"):
        if rule in ("left", "right", "midpoint"):
            nodes = {
                "left": edges[:-1],
                "right": edges[1:],
                "midpoint": 0.5 * (edges[:-1] + edges[1:]),
            }
            heights = _values(f, nodes[rule])
            total = h * float(np.sum(heights))
            bad_nodes = nodes[rule]
            bad_values = heights
        elif rule in ("upper", "lower"):
            heights = _extremes(f, edges, rule == "upper")
            total = h * float(np.sum(heights))
            bad_nodes, bad_values = 0.5 * (edges[:-1] + edges[1:]), heights
        else:
            edge_values = _values(f, edges)
            if rule == "trapezoid":
                total = h * float(
                    0.5 * edge_values[0] + np.sum(edge_values[1:-1]) + 0.5 * edge_values[-1]
                )
                bad_nodes, bad_values = edges, edge_values
            else:
                mid_values = _values(f, 0.5 * (edges[:-1] + edges[1:]))
                inner = np.sum(edge_values[1:-1])
                total = (
                    h
                    / 6.0
                    * float(
                        edge_values[0] + edge_values[-1] + 2.0 * inner + 4.0 * np.sum(mid_values)
                    )
                )
                bad_nodes = np.concatenate([edges, 0.5 * (edges[:-1] + edges[1:])])
                bad_values = np.concatenate([edge_values, mid_values])
    problem = _problem(rule, bad_nodes, bad_values)
    return RiemannSum(rule, n, a, b, sign * total, edges, heights, edge_values, mid_values, problem)


def _values(f: RealFunction, x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        values = np.asarray(f(x), dtype=np.float64)
    return np.array(np.broadcast_to(values, x.shape), dtype=np.float64)


def _extremes(f: RealFunction, edges: np.ndarray, upper: bool) -> np.ndarray:
    n = edges.size - 1
    points = int(max(3, min(_EXTREMUM_SAMPLES, _EXTREMUM_BUDGET // n)))
    t = np.linspace(0.0, 1.0, points)
    grid = edges[:-1, None] + (edges[1:] - edges[:-1])[:, None] * t[None, :]
    values = _values(f, grid.ravel()).reshape(grid.shape)
    # NaN (f undefined somewhere in the subinterval) must not be skipped: the sum is undefined.
    return np.max(values, axis=1) if upper else np.min(values, axis=1)


def _problem(rule: str, nodes: np.ndarray, values: np.ndarray) -> str:
    bad = ~np.isfinite(values)
    if not bad.any():
        return ""
    where = float(nodes[int(np.argmax(bad))])
    name = RULE_NAMES[rule]
    if rule in ("upper", "lower"):
        return (
            f"f has no finite {'sup' if rule == 'upper' else 'inf'} on the subinterval around "
            f"x = {format_number(where)}: the {name} is undefined"
        )
    return f"f({format_number(where)}) is not a finite number, so the {name} is undefined"
