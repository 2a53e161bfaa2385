"""The gradient field: ∇f on a grid of arrow positions, scaled so arrows never overlap."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.gradient.surface import Surface

DEFAULT_ARROWS_PER_SIDE = 19
# The longest arrow spans this share of the spacing between arrows.
LONGEST_FRACTION = 0.9
# Arrow lengths follow |∇f| up to this percentile; longer ones are cut to the longest length, so
# one steep corner (Rosenbrock's walls) does not shrink every other arrow to a dot.
LENGTH_PERCENTILE = 90.0


@dataclass(frozen=True)
class GradientField:
    """Arrow tails (x, y), arrow vectors (u, v) in data units and |∇f| at each tail."""

    x: np.ndarray
    y: np.ndarray
    u: np.ndarray
    v: np.ndarray
    magnitude: np.ndarray


def gradient_field(
    surface: Surface,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    per_side: int = DEFAULT_ARROWS_PER_SIDE,
) -> GradientField:
    """∇f at ``per_side`` × ``per_side`` cell centres (one autodiff pass), drawn to scale up to
    a robust maximum; arrows where f is undefined are left out."""
    dx = (x_range[1] - x_range[0]) / per_side
    dy = (y_range[1] - y_range[0]) / per_side
    xs = x_range[0] + dx * (np.arange(per_side) + 0.5)
    ys = y_range[0] + dy * (np.arange(per_side) + 0.5)
    grid_x, grid_y = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        value, gx, gy = surface.value_and_gradient(grid_x, grid_y)
        magnitude = np.hypot(gx, gy)
    # Where f itself is undefined its formal partials may still be numbers (log(x·y) at x·y < 0).
    finite = np.isfinite(magnitude) & np.isfinite(value)
    x, y, gx, gy, magnitude = (a[finite] for a in (grid_x, grid_y, gx, gy, magnitude))
    if magnitude.size == 0 or not np.any(magnitude > 0):
        zeros = np.zeros(magnitude.size)
        return GradientField(x, y, zeros, zeros, magnitude)
    reference = float(np.percentile(magnitude, LENGTH_PERCENTILE)) or float(magnitude.max())
    longest = LONGEST_FRACTION * min(dx, dy)
    length = longest * np.minimum(magnitude / reference, 1.0)
    safe = np.where(magnitude > 0, magnitude, 1.0)
    return GradientField(x, y, gx / safe * length, gy / safe * length, magnitude)
