"""Three derivatives on one grid (symbolic, reverse mode, central differences), where they differ.

* symbolic: our own derivative tree (``steps.derive``) evaluated with the shared numpy evaluator —
  no sympy on this path, so it is fast enough for every keystroke (the tests check the tree
  against sympy);
* reverse mode: the shared autodiff core over the whole grid in ONE backward pass with
  ``gradient = ones``, as the seed does with ``y.sum().backward()``;
* central differences with h = ∛ε·max(1, |x|).

Two kinds of finding, kept apart because they mean different things to a learner:

- a **disagreement** (``Agreement.points``): the methods differ beyond
  ``atol + rtol·|f′| + round-off`` where f is defined, or the table says the derivative does not
  exist although f is continuous (a kink of |x| or relu, a jump of floor) — shown as a warning;
- an **undefined point** (``Agreement.notes``): f itself is undefined or has a pole there
  (``1/x`` at 0, ``log(|x|)`` at 0), so f′ simply does not exist — a neutral note
  ("f′ is undefined at x = 0 (pole of f)"), not a failure of any method.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.expr.display import format_unicode
from explorer.core.text import format_number

_EPSILON = float(np.finfo(np.float64).eps)
_MAX_MESSAGES = 20
# |f| this close to float64's largest value (1.8×10³⁰⁸) is an overflow region, not a pole.
_NEAR_OVERFLOW = 1e300


@dataclass(frozen=True)
class Disagreement:
    """One place where the derivatives differ (or do not exist although f does), and why."""

    x: float
    kind: str  # "kink", "cancelled kink", "jump", "numerical", "method"
    message: str
    # At a kink where all three methods report the same value (sign(0) = 0 for |x|): that
    # value, a convention rather than a derivative. None when they really differ.
    convention: float | None = None


@dataclass(frozen=True)
class UndefinedPoint:
    """A place where f′ does not exist because f is undefined or has a pole there."""

    x: float
    kind: str  # "pole" (f grows without bound), "overflow" (beyond float64) or "undefined"
    message: str


@dataclass(frozen=True)
class Agreement:
    """The three derivative arrays on ``x``, where they disagree and where f′ is undefined.

    ``disagree`` and ``undefined`` are masks over ``x``; ``points`` and ``notes`` explain them,
    one entry per run of neighbouring samples.
    """

    x: np.ndarray
    symbolic: np.ndarray
    reverse: np.ndarray
    central: np.ndarray
    disagree: np.ndarray
    points: tuple[Disagreement, ...]
    undefined: np.ndarray
    notes: tuple[UndefinedPoint, ...]

    @property
    def all_agree(self) -> bool:
        """True when the methods agree wherever f′ exists (undefined points are not counted)."""
        return not self.points

    @property
    def messages(self) -> list[str]:
        return [p.message for p in self.points]

    @property
    def conflicts(self) -> tuple[Disagreement, ...]:
        """Findings where the methods really give different numbers (not a shared convention)."""
        return tuple(p for p in self.points if p.convention is None)

    @property
    def conventions(self) -> tuple[Disagreement, ...]:
        """Kinks where f′ does not exist but all three methods report the same value."""
        return tuple(p for p in self.points if p.convention is not None)

    @property
    def note_messages(self) -> list[str]:
        return [n.message for n in self.notes]

    @property
    def defined_count(self) -> int:
        """How many samples have a derivative to compare (all but the undefined ones)."""
        return int(self.x.size - np.count_nonzero(self.undefined))


def reverse_mode_derivative(function: PreparedFunction, x: np.ndarray) -> np.ndarray:
    """f′ on the whole grid from one backward pass of the shared autodiff core (NaN where f is
    undefined: the gradient's formula may still give a number there, 1/x for ln x at x < 0)."""
    with np.errstate(all="ignore"):
        return np.where(np.isfinite(function.f(x)), _reverse_raw(function, x), np.nan)


def _reverse_raw(function: PreparedFunction, x: np.ndarray) -> np.ndarray:
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
    # Poles are found with the formulas' raw values (−1/x² = −∞ at 0 against finite central
    # differences); afterwards every method is blanked where f has no finite value.
    with np.errstate(all="ignore"):
        symbolic = function.fprime_formula(grid)
        values = function.f(grid)
    reverse = _reverse_raw(function, grid)
    central, step = central_derivative(function, grid)
    roundoff = 10.0 * _EPSILON * np.abs(values) / step
    with np.errstate(all="ignore"):
        disagree = _differ(symbolic, reverse, atol, rtol) | (
            _differ(symbolic, central, atol + roundoff, rtol) & np.isfinite(central)
        )
    located = _kink_locations(function, grid)
    kinks = [k for k in located if slope_breaks(function, k[1])]
    # Kinks whose one-sided slopes agree (relu(x) − relu(−x) at 0): f is differentiable there.
    cancelled = {k[0]: k for k in located if k not in kinks}
    for index, _, _ in kinks:
        disagree[index] = True
    arrays = (grid, values, symbolic, reverse, central)
    points, notes, undefined = _explain(function, arrays, disagree, kinks, cancelled)
    f_undefined = ~np.isfinite(values)
    undefined |= f_undefined
    disagree &= ~undefined
    symbolic, reverse, central = (
        np.where(f_undefined, np.nan, method) for method in (symbolic, reverse, central)
    )
    return Agreement(grid, symbolic, reverse, central, disagree, points, undefined, notes)


def _differ(a: np.ndarray, b: np.ndarray, atol, rtol: float) -> np.ndarray:
    both = np.isfinite(a) & np.isfinite(b)
    exactly_one = np.isfinite(a) ^ np.isfinite(b)
    with np.errstate(invalid="ignore"):
        gap = np.abs(a - b) > atol + rtol * np.maximum(np.abs(a), np.abs(b))
    return (both & gap) | exactly_one


def _kink_locations(function: PreparedFunction, grid: np.ndarray) -> list[tuple[int, float, str]]:
    """(nearest grid index, x of the kink, description) wherever a table kink is crossed."""
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


def slope_breaks(function: PreparedFunction, where: float) -> bool:
    """Whether f′ really jumps at a table kink (|x| does; x·|x| and |x|³ are smooth there)."""
    offset = 1e-9 * max(1.0, abs(where))
    with np.errstate(all="ignore"):
        below, above = function.fprime(np.array([where - offset, where + offset]))
    if not (np.isfinite(below) and np.isfinite(above)):
        return True
    return bool(abs(above - below) > 1e-6 * (1.0 + abs(below) + abs(above)))


def _explain(
    function: PreparedFunction, arrays, disagree: np.ndarray, kinks, cancelled=None
) -> tuple[tuple[Disagreement, ...], tuple[UndefinedPoint, ...], np.ndarray]:
    """One finding per run of neighbouring flagged samples, the most informative cause first.

    Runs where f is undefined or blows up become notes (and their samples leave the
    disagreement mask); the rest are disagreements.
    """
    grid, values, symbolic, reverse, central = arrays
    kink_at = {index: (where, name) for index, where, name in kinks}
    typical = _typical_size(values, symbolic)
    points: list[Disagreement] = []
    notes: list[UndefinedPoint] = []
    undefined = np.zeros(grid.shape, dtype=bool)
    for run in _runs(np.flatnonzero(disagree)):
        kink = next((kink_at[i] for i in run if i in kink_at), None)
        singular = _singularity(function, arrays, run, typical, kink)
        if singular is not None:
            kind, where = singular
            undefined[run] = True
            if len(notes) < _MAX_MESSAGES:
                notes.append(_undefined_note(function.variable, kind, where, grid))
        elif len(points) < _MAX_MESSAGES:
            smooth_kink = next((cancelled[i] for i in run if i in (cancelled or {})), None)
            if kink is None and smooth_kink is not None:
                points.append(_cancelled_kink(function, arrays, smooth_kink))
            else:
                points.append(_disagreement(function, arrays, run, typical, kink))
    return tuple(points), tuple(notes), undefined


def _singularity(function, arrays, run, typical, kink) -> tuple[str, float] | None:
    """("pole" | "undefined", x) when f itself has no finite value at or next to the run."""
    grid, values, symbolic, reverse, central = arrays
    lo, hi = max(run[0] - 1, 0), min(run[-1] + 2, len(grid))
    near = values[lo:hi]
    blow_up = 1e3 * (1.0 + typical)
    if kink is not None:
        # log(|x|) at 0: the kink of |x| sits on a pole of f, and the pole is what matters.
        with np.errstate(all="ignore"):
            at_kink = float(function.f(np.float64(kink[0])))
        if np.isfinite(at_kink) and np.all(np.isfinite(near)):
            return None
        return ("undefined" if np.isnan(at_kink) else "pole"), kink[0]
    if not np.all(np.isfinite(near)):
        where = run[0] + int(np.argmin(np.isfinite(values[run])))
        infinite = lo + np.flatnonzero(np.isinf(near))
        if infinite.size and function.overflows_at(float(grid[infinite[0]])):
            return "overflow", float(grid[infinite[0]])
        finite_near = near[np.isfinite(near)]
        pole = np.any(np.isinf(near)) or np.any(np.abs(finite_near) > blow_up)
        return ("pole" if pole else "undefined"), float(grid[where])
    i = max(run, key=lambda j: _discrepancy(symbolic[j], reverse[j], central[j]))
    exact_methods_agree = not _differ(symbolic[i : i + 1], reverse[i : i + 1], 1e-6, 1e-5)[0]
    huge = abs(values[i]) > blow_up or abs(symbolic[i]) > blow_up
    if abs(values[i]) > _NEAR_OVERFLOW:
        # Not a pole: f is merely too large for float64 around here ((x² + x + 1)⁴⁰⁰).
        return "overflow", float(grid[i])
    if exact_methods_agree and np.isfinite(symbolic[i]) and huge:
        # A pole between two samples (tan at ±π/2 on most grids): f is finite but huge here.
        return "pole", _between_samples(grid, values, run)
    return None


def _between_samples(grid: np.ndarray, values: np.ndarray, run: list[int]) -> float:
    """Where a pole hides between samples: midway between the two largest |f| of the run's
    neighbourhood, rounded to what the grid spacing can tell (one decimal beyond it)."""
    lo, hi = max(run[0] - 1, 0), min(run[-1] + 2, len(grid))
    order = lo + np.argsort(np.abs(values[lo:hi]))[::-1]
    i, j = sorted(order[:2].tolist()) if order.size > 1 else (order[0], order[0])
    where = 0.5 * (grid[i] + grid[j])
    spacing = float(np.ptp(grid)) / max(len(grid) - 1, 1)
    if j != i + 1 or spacing <= 0:
        return float(grid[order[0]])
    return round(float(where), max(0, -math.floor(math.log10(spacing)) - 1))


def _undefined_note(variable: str, kind: str, where: float, grid: np.ndarray) -> UndefinedPoint:
    at = f"{variable} = {_where(where, grid)}"
    if kind == "overflow":
        return UndefinedPoint(
            where, kind, f"f′ cannot be computed at {at}: f overflows float64 here"
        )
    reason = "pole of f" if kind == "pole" else "f is not defined there"
    message = f"f′ is undefined at {at} ({reason})"
    return UndefinedPoint(where, kind, message)


def _disagreement(function, arrays, run, typical, kink) -> Disagreement:
    grid, values, symbolic, reverse, central = arrays
    name = function.variable
    if kink is not None:
        where, call = kink
        i = min(run, key=lambda j: abs(grid[j] - where))
        agree = _close(symbolic[i], reverse[i]) and _close(symbolic[i], central[i])
        at = f"At {name} = {_where(where, grid)}"
        if agree:
            value = float(symbolic[i])
            message = (
                f"{at} the derivative does not exist (kink of {call}); all three methods "
                f"report the convention value {format_number(value)}"
            )
            return Disagreement(where, "kink", message, convention=value)
        message = f"{at} the three derivatives disagree: {call} has a kink there"
        return Disagreement(where, "kink", message)
    i = max(run, key=lambda j: _discrepancy(symbolic[j], reverse[j], central[j]))
    kind, cause = _cause(function, values, symbolic, reverse, central, i)
    message = f"At {name} = {_where(grid[i], grid)} the three derivatives disagree: {cause}"
    return Disagreement(float(grid[i]), kind, message)


def _cancelled_kink(function, arrays, kink) -> Disagreement:
    """Kinks that cancel: f′ exists (central differences see it), while the formula and
    reverse mode report the kinks' convention value, as PyTorch does."""
    grid, _, symbolic, reverse, central = arrays
    index, where, _ = kink
    at = f"At {function.variable} = {_where(where, grid)}"
    value = float(symbolic[index])
    message = (
        f"{at} the kinks cancel, so f′ exists (central difference "
        f"{format_number(float(central[index]))}); the formula and reverse mode give "
        f"{format_number(value)}, the kinks' convention value"
    )
    return Disagreement(where, "cancelled kink", message, convention=value)


def _where(x: float, grid: np.ndarray) -> str:
    """x for a message; a grid's round-off near 0 (linspace gives −4.4e-16) reads as 0."""
    span = float(np.ptp(grid)) if grid.size > 1 else 1.0
    return format_number(0.0 if abs(x) < 1e-12 * max(span, 1.0) else float(x))


def _typical_size(values: np.ndarray, symbolic: np.ndarray) -> float:
    finite = np.abs(np.concatenate([values[np.isfinite(values)], symbolic[np.isfinite(symbolic)]]))
    return float(np.median(finite)) if finite.size else 1.0


def _cause(function, values, symbolic, reverse, central, i) -> tuple[str, str]:
    """Why the methods differ at sample ``i``, where f is defined (poles are notes, not causes)."""
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
