"""Three derivatives on one grid (symbolic, reverse mode, central differences), where they differ.

* symbolic: our own derivative tree (``steps.derive``) evaluated with the shared numpy evaluator —
  no sympy on this path, so it is fast enough for every keystroke (the tests check the tree
  against sympy);
* reverse mode: the shared autodiff core over the whole grid in ONE backward pass with
  ``gradient = ones``, as the seed does with ``y.sum().backward()``;
* central differences with h = ∛ε·max(1, |x|).

Where they disagree beyond ``atol + rtol·|f′| + round-off`` — or where the table says the
derivative does not exist (a kink of |x| or relu), even if all three report the same convention
value — a human message says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.derivative.formatting import format_number
from explorer.core.derivative.model import PreparedFunction, prepare

_EPSILON = float(np.finfo(np.float64).eps)
_MAX_MESSAGES = 20


@dataclass(frozen=True)
class Disagreement:
    """One place where the derivatives differ (or do not exist), with its explanation."""

    x: float
    kind: str  # "kink", "jump", "undefined", "numerical", "method"
    message: str


@dataclass(frozen=True)
class Agreement:
    """The three derivative arrays on ``x`` and where they disagree."""

    x: np.ndarray
    symbolic: np.ndarray
    reverse: np.ndarray
    central: np.ndarray
    disagree: np.ndarray
    points: tuple[Disagreement, ...]

    @property
    def all_agree(self) -> bool:
        return not self.points

    @property
    def messages(self) -> list[str]:
        return [p.message for p in self.points]


def reverse_mode_derivative(function: PreparedFunction, x: np.ndarray) -> np.ndarray:
    """f′ on the whole grid from one backward pass of the shared autodiff core."""
    from explorer.core.autodiff.from_tree import build_graph

    values = {function.variable: x, **function.params}
    with np.errstate(all="ignore"):
        gradients = build_graph(function.tree, values).gradients()
    grad = gradients.get(function.variable)
    if grad is None:
        return np.zeros_like(x)
    return np.broadcast_to(np.asarray(grad, dtype=np.float64), x.shape).copy()


def central_derivative(function: PreparedFunction, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Central differences with a per-point step; also returns that step."""
    step = _EPSILON ** (1.0 / 3.0) * np.maximum(1.0, np.abs(x))
    with np.errstate(all="ignore"):
        ahead, behind = function.f(x + step), function.f(x - step)
        return (ahead - behind) / (2.0 * step), step


def three_derivatives(
    expression: Any,
    x: np.ndarray,
    params: Mapping[str, float] | None = None,
    variable: str = "x",
    rtol: float = 1e-5,
    atol: float = 1e-5,
) -> Agreement:
    """Compare symbolic, reverse-mode and central-difference derivatives on the grid ``x``."""
    function = prepare(expression, params, variable)
    grid = np.asarray(x, dtype=np.float64)
    with np.errstate(all="ignore"):
        symbolic = function.fprime(grid)
        values = function.f(grid)
    reverse = reverse_mode_derivative(function, grid)
    central, step = central_derivative(function, grid)
    roundoff = 10.0 * _EPSILON * np.abs(values) / step
    with np.errstate(all="ignore"):
        disagree = _differ(symbolic, reverse, atol, rtol) | (
            _differ(symbolic, central, atol + roundoff, rtol) & np.isfinite(central)
        )
    kinks = [k for k in _kink_locations(function, grid) if _slope_breaks(function, k[1])]
    for index, _, _ in kinks:
        disagree[index] = True
    points = _explain(function, grid, values, symbolic, reverse, central, disagree, kinks)
    return Agreement(grid, symbolic, reverse, central, disagree, points)


def _differ(a: np.ndarray, b: np.ndarray, atol, rtol: float) -> np.ndarray:
    both = np.isfinite(a) & np.isfinite(b)
    exactly_one = np.isfinite(a) ^ np.isfinite(b)
    with np.errstate(invalid="ignore"):
        gap = np.abs(a - b) > atol + rtol * np.maximum(np.abs(a), np.abs(b))
    return (both & gap) | exactly_one


def _kink_locations(function: PreparedFunction, grid: np.ndarray) -> list[tuple[int, float, str]]:
    """(nearest grid index, x of the kink, description) wherever a table kink is crossed."""
    from explorer.core.expr.display import format_unicode

    found = []
    for site in function.kink_sites:
        argument = site.argument(grid)
        for point in site.points:
            offset = argument - point
            hits = np.flatnonzero(offset == 0)
            crossings = np.flatnonzero(np.sign(offset[:-1]) * np.sign(offset[1:]) < 0)
            for i in hits:
                found.append((int(i), float(grid[i]), format_unicode(site.call)))
            for i in crossings:
                # The kink lies between two samples: interpolate where the argument meets it.
                where = grid[i] - offset[i] * (grid[i + 1] - grid[i]) / (offset[i + 1] - offset[i])
                nearest = i if abs(offset[i]) <= abs(offset[i + 1]) else i + 1
                found.append((int(nearest), float(where), format_unicode(site.call)))
    return found


def _slope_breaks(function: PreparedFunction, where: float) -> bool:
    """Whether f′ really jumps at a table kink (|x| does; x·|x| and |x|³ are smooth there)."""
    offset = 1e-9 * max(1.0, abs(where))
    with np.errstate(all="ignore"):
        below, above = function.fprime(np.array([where - offset, where + offset]))
    if not (np.isfinite(below) and np.isfinite(above)):
        return True
    return bool(abs(above - below) > 1e-6 * (1.0 + abs(below) + abs(above)))


def _explain(
    function, grid, values, symbolic, reverse, central, disagree, kinks
) -> tuple[Disagreement, ...]:
    """One message per run of neighbouring flagged samples, the most informative cause first."""
    kink_at = {index: (where, name) for index, where, name in kinks}
    name = function.variable
    typical = _typical_size(values, symbolic)
    points: list[Disagreement] = []
    for run in _runs(np.flatnonzero(disagree)):
        kink = next((kink_at[i] for i in run if i in kink_at), None)
        if kink is not None:
            where, call = kink
            i = min(run, key=lambda j: abs(grid[j] - where))
            agree = _close(symbolic[i], reverse[i]) and _close(symbolic[i], central[i])
            lead = (
                "the derivative does not exist (all three report a convention value)"
                if agree
                else "the three derivatives disagree"
            )
            where_text = _where(where, grid)
            message = f"At {name} = {where_text} {lead}: {call} has a kink there"
            points.append(Disagreement(where, "kink", message))
            continue
        i = max(run, key=lambda j: _discrepancy(symbolic[j], reverse[j], central[j]))
        kind, cause = _cause(function, grid, values, symbolic, reverse, central, run, i, typical)
        message = f"At {name} = {_where(grid[i], grid)} the three derivatives disagree: {cause}"
        points.append(Disagreement(float(grid[i]), kind, message))
        if len(points) >= _MAX_MESSAGES:
            break
    return tuple(points)


def _where(x: float, grid: np.ndarray) -> str:
    """x for a message; a grid's round-off near 0 (linspace gives −4.4e-16) reads as 0."""
    span = float(np.ptp(grid)) if grid.size > 1 else 1.0
    return format_number(0.0 if abs(x) < 1e-12 * max(span, 1.0) else float(x))


def _typical_size(values: np.ndarray, symbolic: np.ndarray) -> float:
    finite = np.abs(np.concatenate([values[np.isfinite(values)], symbolic[np.isfinite(symbolic)]]))
    return float(np.median(finite)) if finite.size else 1.0


def _cause(function, grid, values, symbolic, reverse, central, run, i, typical) -> tuple[str, str]:
    lo, hi = max(run[0] - 1, 0), min(run[-1] + 2, len(grid))
    if not np.all(np.isfinite(values[lo:hi])):
        return "undefined", "f is not defined (or has a pole) there"
    if not np.isfinite(symbolic[i]) and np.isfinite(values[i]):
        return "method", (
            "the derivative's formula is undefined there (such as 0·∞) although f is defined;"
            f" central differences give {format_number(float(central[i]))}"
        )
    if _differ(symbolic[i : i + 1], reverse[i : i + 1], 1e-6, 1e-5)[0]:
        # The exact methods differ: a convention of the formula (0·∞, 0⁰), not f itself.
        return "method", (
            f"the symbolic formula gives {format_number(float(symbolic[i]))}, reverse mode "
            f"gives {format_number(float(reverse[i]))}"
        )
    blow_up = 1e3 * (1.0 + typical)
    if abs(values[i]) > blow_up or abs(symbolic[i]) > blow_up:
        return "undefined", "f has a pole there (it grows without bound)"
    if function.piecewise_constant_calls:
        return (
            "jump",
            "f jumps there (a piecewise-constant function is not differentiable at its jumps)",
        )
    return "numerical", "f changes too fast there for the finite-difference step"


def _discrepancy(a: float, b: float, c: float) -> float:
    values = np.array([a, b, c])
    finite = values[np.isfinite(values)]
    if finite.size < 2:
        return np.inf
    return float(np.ptp(finite) / (1.0 + np.abs(finite).max()))


def _close(a: float, b: float) -> bool:
    return bool(
        np.isfinite(a) and np.isfinite(b) and abs(a - b) <= 1e-6 * (1.0 + max(abs(a), abs(b)))
    )


def _runs(indices: np.ndarray) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indices.tolist():
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
