"""Critical points in view: where ∇f = 0, found by Newton's method and classified by the
Hessian's eigenvalues (minimum, maximum, saddle, or degenerate when the test says nothing).

The seed's warning made visible: "not every point with gradient zero is the global minimum".
Seeds are the local minima of |∇f| on a coarse grid of the view; every seed is refined at once
(vectorised passes of the autodiff core), converged points are merged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.gradient.surface import Surface
from explorer.core.text import format_number

Range = tuple[float, float]
COARSE_GRID = 41
MAX_SEEDS = 60
NEWTON_ITERATIONS = 30
# A node seeds Newton's method when |∇f| there is at most this many times the change of ∇f
# to its neighbours (generous: a zero one or two cells away still qualifies).
SEED_REACH = 3.0
# Points closer than this share of the view are one point (on screen they are).
MERGE_FRACTION = 2e-3
MAX_POINTS = 60
KINDS = ("minimum", "maximum", "saddle", "degenerate")


@dataclass(frozen=True)
class CriticalPoint:
    x: float
    y: float
    value: float
    kind: str
    eigenvalues: tuple[float, float]

    def describe(self) -> str:
        """E.g. ``saddle at (0, 0): Hessian eigenvalues −2 and 2 have opposite signs``."""
        low, high = (format_number(v, 4) for v in self.eigenvalues)
        where = f"({format_number(self.x, 5)}, {format_number(self.y, 5)})"
        reason = {
            "minimum": f"Hessian eigenvalues {low} and {high} are both positive",
            "maximum": f"Hessian eigenvalues {low} and {high} are both negative",
            "saddle": f"Hessian eigenvalues {low} and {high} have opposite signs",
            "degenerate": f"a Hessian eigenvalue is 0 ({low}, {high}): the test is inconclusive",
        }[self.kind]
        return f"{self.kind} at {where}, f = {format_number(self.value, 5)}: {reason}"


def classify(eigenvalues: tuple[float, float]) -> str:
    """The second-derivative test in two variables, with round-off counted as zero."""
    low, high = sorted(eigenvalues)
    zero = 1e-6 * max(1.0, abs(low), abs(high))
    if abs(low) <= zero or abs(high) <= zero:
        return "degenerate"
    if low > 0:
        return "minimum"
    if high < 0:
        return "maximum"
    return "saddle"


def _seeds(surface: Surface, x_range: Range, y_range: Range) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(all="ignore"):
        return _seeds_unchecked(surface, x_range, y_range)


def _seeds_unchecked(
    surface: Surface, x_range: Range, y_range: Range
) -> tuple[np.ndarray, np.ndarray]:
    xs = np.linspace(*x_range, COARSE_GRID)
    ys = np.linspace(*y_range, COARSE_GRID)
    grid_x, grid_y = np.meshgrid(xs, ys)
    gx, gy = surface.formula_gradient(grid_x, grid_y)
    size = np.hypot(gx, gy)
    size = np.where(np.isfinite(size), size, np.inf)
    padded = np.pad(size, 1, constant_values=np.inf)
    padded_x = np.pad(gx, 1, constant_values=np.nan)
    padded_y = np.pad(gy, 1, constant_values=np.nan)
    is_minimum = np.isfinite(size)
    # How much ∇f changes to a neighbour: a zero of ∇f within reach of this node needs
    # |∇f| here to be no more than a few such changes (the gradient is nearly linear over a cell).
    change = np.zeros(size.shape)
    rows, cols = size.shape
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                window = (slice(1 + di, 1 + di + rows), slice(1 + dj, 1 + dj + cols))
                is_minimum &= size <= padded[window]
                step = np.hypot(padded_x[window] - gx, padded_y[window] - gy)
                change = np.fmax(change, step)
    is_minimum &= size <= SEED_REACH * change
    rows, cols = np.nonzero(is_minimum)
    order = np.argsort(size[rows, cols])[:MAX_SEEDS]
    seed_x = grid_x[rows[order], cols[order]]
    seed_y = grid_y[rows[order], cols[order]]
    # Cells where both partials change sign: their zero lines cross inside (a saddle on a
    # diagonal valley of |∇f| need not be a node-wise minimum). The cell's centre is a seed.
    crossing = _changes_sign(gx) & _changes_sign(gy)
    cell_rows, cell_cols = np.nonzero(crossing)
    centre_x = (xs[cell_cols] + xs[cell_cols + 1]) / 2
    centre_y = (ys[cell_rows] + ys[cell_rows + 1]) / 2
    return (
        np.concatenate((seed_x, centre_x[:MAX_SEEDS])),
        np.concatenate((seed_y, centre_y[:MAX_SEEDS])),
    )


def _changes_sign(values: np.ndarray) -> np.ndarray:
    """For each grid cell: its four corners are finite and not all of one sign."""
    corners = np.stack((values[:-1, :-1], values[:-1, 1:], values[1:, :-1], values[1:, 1:]))
    finite = np.isfinite(corners).all(axis=0)
    with np.errstate(invalid="ignore"):
        return finite & (corners.min(axis=0) <= 0) & (corners.max(axis=0) >= 0)


def find_critical_points(surface: Surface, x_range: Range, y_range: Range) -> list[CriticalPoint]:
    """The points in the view where ∇f = 0, classified; at most ``MAX_POINTS``, by position."""
    x, y = _seeds(surface, x_range, y_range)
    if x.size == 0:
        return []
    span = max(x_range[1] - x_range[0], y_range[1] - y_range[0])
    active = np.ones(x.size, dtype=bool)
    converged = np.zeros(x.size, dtype=bool)
    with np.errstate(all="ignore"):
        gx0, gy0 = surface.formula_gradient(x, y)
        typical = float(np.nanmedian(np.hypot(gx0, gy0))) if np.isfinite(gx0).any() else 1.0
        tolerance = 1e-9 * max(1.0, typical)
        for _ in range(NEWTON_ITERATIONS):
            if not active.any():
                break
            ax, ay = x[active], y[active]
            gx, gy = surface.formula_gradient(ax, ay)
            done = np.hypot(gx, gy) <= tolerance
            hessian = surface.hessian(ax, ay)
            a, b, d = hessian[..., 0, 0], hessian[..., 0, 1], hessian[..., 1, 1]
            det = a * d - b * b
            usable = np.abs(det) > 1e-14 * np.maximum(1.0, a * a + d * d)
            step_x = np.where(usable, -(d * gx - b * gy) / np.where(usable, det, 1), -gx)
            step_y = np.where(usable, -(a * gy - b * gx) / np.where(usable, det, 1), -gy)
            length = np.hypot(step_x, step_y)
            limit = 0.1 * span
            shrink = np.where(length > limit, limit / np.where(length > 0, length, 1), 1.0)
            step_x, step_y = step_x * shrink, step_y * shrink
            index = np.flatnonzero(active)
            bad = ~np.isfinite(step_x) | ~np.isfinite(step_y)
            converged[index[done]] = True
            x[index] = np.where(done | bad, ax, ax + step_x)
            y[index] = np.where(done | bad, ay, ay + step_y)
            tiny = length <= 1e-13 * span
            converged[index[tiny & ~bad]] = True
            active[index[done | bad | tiny]] = False
        gx, gy = surface.formula_gradient(x, y)
        converged &= np.hypot(gx, gy) <= 1e-6 * max(1.0, typical)
    margin = 1e-9 * span
    inside = (
        (x >= x_range[0] - margin)
        & (x <= x_range[1] + margin)
        & (y >= y_range[0] - margin)
        & (y <= y_range[1] + margin)
    )
    keep = converged & inside
    # Best first, so a cluster of slowly converging points (x⁴ + y⁴ near 0) keeps its best.
    order = np.argsort(np.hypot(gx, gy)[keep], kind="stable")
    return _merged_and_classified(surface, x[keep][order], y[keep][order], MERGE_FRACTION * span)


def _merged_and_classified(
    surface: Surface, x: np.ndarray, y: np.ndarray, distance: float
) -> list[CriticalPoint]:
    chosen: list[tuple[float, float]] = []
    for px, py in zip(x.tolist(), y.tolist(), strict=True):
        if all(abs(px - qx) > distance or abs(py - qy) > distance for qx, qy in chosen):
            chosen.append((px, py))
    chosen = sorted(chosen)[:MAX_POINTS]
    if not chosen:
        return []
    cx = np.array([p[0] for p in chosen])
    cy = np.array([p[1] for p in chosen])
    values = surface.values(cx, cy)
    hessians = surface.hessian(cx, cy)
    points = []
    for index, (px, py) in enumerate(chosen):
        if not np.isfinite(values[index]):
            continue  # a zero of the formal partials where f itself is undefined
        eigenvalues = np.linalg.eigvalsh(hessians[index])
        pair = (float(eigenvalues[0]), float(eigenvalues[1]))
        points.append(CriticalPoint(px, py, float(values[index]), classify(pair), pair))
    return points
