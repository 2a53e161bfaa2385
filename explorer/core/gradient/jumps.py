"""Where a sampled f(x, y) jumps between neighbouring samples (atan2's branch cut, the sign change
at a pole of 1/(x − y)): no level line runs along such a step and no slice's curve crosses it.

Samples alone cannot tell a jump from a steep stretch, so a step is first *suspect*, when it is
several times the steps on either side of it along the same line, or when it alone crosses more
than half the values' spread; each suspect is then bisected with f itself, as the f(x) plots do
(``explorer.core.sampling_breaks.bisect_jumps``): a jump keeps its rise through every halving,
a continuous stretch loses it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from explorer.core.sampling_breaks import bisect_jumps

PointFunction = Callable[[np.ndarray, np.ndarray], np.ndarray]

# A step this many times the larger of its neighbours along the line is suspect ...
SUSPECT_RATIO = 4.0
# ... as is one crossing this share of the values' spread (1st to 99th percentile) by itself.
SUSPECT_SPREAD_SHARE = 0.5
# Steps below this share of the spread are never suspect (rounding noise on a flat f).
NOISE_SHARE = 1e-9


def spread(values: np.ndarray) -> float:
    """The range from the 1st to the 99th percentile of the finite values (order statistics,
    on a subsample of a large grid)."""
    sample = values[::4, ::4] if values.ndim == 2 and values.size > 10_000 else values
    finite = sample[np.isfinite(sample)]
    count = finite.size
    if count < 2:
        return 0.0
    low, high = count // 100, count - 1 - count // 100
    ordered = np.partition(finite, (low, high))
    return float(ordered[high] - ordered[low])


def suspect_steps(values: np.ndarray, scale: float, axis: int = -1) -> np.ndarray:
    """True for each step between neighbours along ``axis`` that may be a jump."""
    with np.errstate(invalid="ignore"):
        steps = np.moveaxis(np.abs(np.diff(values, axis=axis)), axis, -1)
        share = steps * (1.0 / SUSPECT_RATIO)
        # Over SUSPECT_RATIO times each neighbour step (an undefined neighbour does not count).
        lonely = np.ones(steps.shape, dtype=bool)
        lonely[..., 1:] = ~(steps[..., :-1] >= share[..., 1:])
        lonely[..., :-1] &= ~(steps[..., 1:] >= share[..., :-1])
        lonely |= steps > SUSPECT_SPREAD_SHARE * scale
        lonely &= steps > max(NOISE_SHARE * scale, np.finfo(float).tiny)
    return np.moveaxis(lonely, -1, axis)


def jumps(
    function: PointFunction,
    start: tuple[np.ndarray, np.ndarray],
    end: tuple[np.ndarray, np.ndarray],
    start_values: np.ndarray,
    end_values: np.ndarray,
) -> np.ndarray:
    """For each segment from ``start`` to ``end`` (x and y arrays) whose ends have the given
    values, whether f jumps (or has a pole) inside it."""
    count = start_values.size
    if count == 0:
        return np.zeros(0, dtype=bool)
    (x0, y0), (x1, y1) = start, end
    # Segment j is the parameter interval [2j, 2j + 1]; the gaps keep each bisection's middle
    # points on its own segment.
    parameters = np.arange(2 * count, dtype=np.float64)
    values = np.empty(2 * count)
    values[0::2], values[1::2] = start_values, end_values

    def along(t: np.ndarray) -> np.ndarray:
        index = (np.floor(t) // 2).astype(np.intp)
        share = t - 2 * index
        x = x0[index] + share * (x1[index] - x0[index])
        y = y0[index] + share * (y1[index] - y0[index])
        return np.broadcast_to(function(x, y), t.shape)

    broken, *_ = bisect_jumps(along, parameters, values, np.arange(0, 2 * count, 2))
    return broken


def jump_mask(function: PointFunction, xs: np.ndarray, ys: np.ndarray, z: np.ndarray) -> np.ndarray:
    """True at each sample of ``z[i, j] = f(xs[j], ys[i])`` next to a jump of f to a neighbour."""
    mask = np.zeros(z.shape, dtype=bool)
    scale = spread(z)
    if scale == 0.0:
        return mask
    rows, columns = np.nonzero(suspect_steps(z, scale))  # along x: (i, j) → (i, j + 1)
    broken = jumps(
        function,
        (xs[columns], ys[rows]),
        (xs[columns + 1], ys[rows]),
        z[rows, columns],
        z[rows, columns + 1],
    )
    mask[rows[broken], columns[broken]] = mask[rows[broken], columns[broken] + 1] = True
    rows, columns = np.nonzero(suspect_steps(z, scale, axis=0))  # along y: (i, j) → (i + 1, j)
    broken = jumps(
        function,
        (xs[columns], ys[rows]),
        (xs[columns], ys[rows + 1]),
        z[rows, columns],
        z[rows + 1, columns],
    )
    mask[rows[broken], columns[broken]] = mask[rows[broken] + 1, columns[broken]] = True
    return mask


def break_at_jumps(
    function: PointFunction, x: np.ndarray, y: np.ndarray, t: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """A slice's samples ``values`` of f at (x, y), drawn against ``t``, with a NaN put between
    the two samples of every jump, so the curve is not drawn across it."""
    scale = spread(values)
    if scale == 0.0:
        return t, values
    (suspects,) = np.nonzero(suspect_steps(values, scale))
    if suspects.size == 0:
        return t, values
    broken = jumps(
        function,
        (x[suspects], y[suspects]),
        (x[suspects + 1], y[suspects + 1]),
        values[suspects],
        values[suspects + 1],
    )
    where = suspects[broken] + 1
    if where.size == 0:
        return t, values
    middle = 0.5 * t[where - 1] + 0.5 * t[where]
    return np.insert(t, where, middle), np.insert(values, where, np.nan)
