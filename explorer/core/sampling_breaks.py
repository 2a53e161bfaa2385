"""Where a sampled curve must break: jumps and poles between grid points, hidden even poles, edges.

The search itself, for ``explorer.core.sampling`` (whose docstring explains the method and its
limits): suspect grid intervals are bisected (``bisect_jumps``), intervals next to a peak of |y|
are zoomed into (``find_hidden_peaks``), and the borders of undefined regions are refined
(``refine_edges``). Each returns groups of points to insert after a grid index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

# 40 halvings shrink a grid interval by 1e-12: a continuous rise (even cbrt's, at 1e-4) is gone by
# then, while a jump keeps its full height and a pole's rise keeps growing.
_BISECTION_STEPS = 40
# A checked interval is continuous once its rise has shrunk to this share of the grid rise.
_CONTINUOUS_SHRINK = 1e-3
# ... and broken when at least this share of the grid rise survives all halvings.
_BREAK_SHARE = 0.25
# Hidden-peak search: points per zoom round and the number of rounds (8**12 = 7e10 shrink).
_PEAK_POINTS = 17
_PEAK_ZOOMS = 12
# Refined points and display clipping stay within this many view spans of the view.
_DISPLAY_MARGIN_SPANS = 10.0


def evaluate_real(func: Callable[[np.ndarray], Any], x: np.ndarray) -> np.ndarray:
    """``func(x)`` as a float64 array shaped like ``x``; complex or non-finite values become NaN."""
    with np.errstate(all="ignore"):
        raw = np.asarray(func(x))
        if np.iscomplexobj(raw):
            real, imag = raw.real, raw.imag
            tolerance = 1e-12 * np.maximum(1.0, np.abs(real))
            raw = np.where(np.abs(imag) <= tolerance, real, np.nan)
        values = np.array(np.broadcast_to(raw, x.shape), dtype=np.float64)
    values[~np.isfinite(values)] = np.nan
    return values


def display_limits(view: tuple[float, float]) -> tuple[float, float]:
    """The y-limits beyond which refined points are dropped and drawn values clipped."""
    biggest = float(np.finfo(np.float64).max)
    margin = _DISPLAY_MARGIN_SPANS * (0.5 * view[1] - 0.5 * view[0]) * 2.0
    return max(view[0] - margin, -biggest), min(view[1] + margin, biggest)


def bisect_jumps(
    evaluate: Callable[[np.ndarray], Any], x: np.ndarray, y: np.ndarray, suspects: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Halve each suspect interval, keeping the half that rises more, until its nature is clear.

    Returns ``broken`` (bool per suspect) and the final brackets ``left, left_y, right, right_y``.
    All still-undecided intervals are refined together, one vectorised call per halving.
    """
    left, right = x[suspects].copy(), x[suspects + 1].copy()
    left_y, right_y = y[suspects].copy(), y[suspects + 1].copy()
    grid_rise = np.abs(right_y - left_y)
    broken = np.zeros(suspects.size, dtype=bool)
    active = np.arange(suspects.size)
    for _ in range(_BISECTION_STEPS):
        if active.size == 0:
            break
        a, b = left[active], right[active]
        middle = 0.5 * a + 0.5 * b
        middle_y = evaluate_real(evaluate, middle)
        # A hidden undefined point or an exact pole inside the interval is a break by itself.
        undefined = ~np.isfinite(middle_y)
        broken[active[undefined]] = True
        with np.errstate(invalid="ignore"):
            rise_left = np.abs(middle_y - left_y[active])
            rise_right = np.abs(right_y[active] - middle_y)
        keep = ~undefined
        go_left = keep & (rise_left >= rise_right)
        go_right = keep & (rise_left < rise_right)
        right[active[go_left]], right_y[active[go_left]] = middle[go_left], middle_y[go_left]
        left[active[go_right]], left_y[active[go_right]] = middle[go_right], middle_y[go_right]
        current_rise = np.maximum(rise_left, rise_right)
        continuous = keep & (current_rise <= _CONTINUOUS_SHRINK * grid_rise[active])
        # Floats ran out: the middle is one of the ends, nothing more to learn.
        exhausted = keep & ((middle == a) | (middle == b))
        active = active[keep & ~continuous & ~exhausted]
    final_rise = np.abs(right_y - left_y)
    with np.errstate(invalid="ignore"):
        broken |= final_rise >= _BREAK_SHARE * grid_rise
    return broken, left, left_y, right, right_y


def find_hidden_peaks(
    evaluate: Callable[[np.ndarray], Any],
    x: np.ndarray,
    y: np.ndarray,
    both_finite: np.ndarray,
    view: tuple[float, float],
    already_broken: set[int],
) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Break intervals next to a local maximum of |y| whose inside shoots far out of sight.

    An even pole (``1/x^2``) does not change sign and may sit between two grid points with equal
    values, so the rise test cannot see it. Here each such interval is zoomed into around its
    largest |f| (17 points a round, the bracket shrinking 8-fold). If the values leave the display
    limits or become undefined, a NaN goes at that spot: beyond those limits the curve is off
    screen anyway, so the break hides nothing true and removes a false connector.
    """
    magnitude = np.where(np.isfinite(y), np.abs(y), -np.inf)
    peak = np.zeros(y.size, dtype=bool)
    middle, before, after = magnitude[1:-1], magnitude[:-2], magnitude[2:]
    # Strict on one side at least, so a flat stretch (floor's steps) is not a row of peaks.
    peak[1:-1] = ((middle >= before) & (middle > after)) | ((middle > before) & (middle >= after))
    peak[0], peak[-1] = magnitude[0] > magnitude[1], magnitude[-1] > magnitude[-2]
    near_peak = both_finite & (peak[:-1] | peak[1:])
    candidates = np.array(
        [i for i in np.flatnonzero(near_peak) if int(i) not in already_broken], dtype=np.intp
    )
    if candidates.size == 0:
        return []
    low, high = display_limits(view)
    left, right = x[candidates].copy(), x[candidates + 1].copy()
    best = np.maximum(magnitude[candidates], magnitude[candidates + 1])
    offsets = np.linspace(0.0, 1.0, _PEAK_POINTS)
    inserts = []
    active = np.arange(candidates.size)
    quiet = np.zeros(candidates.size, dtype=int)
    for _ in range(_PEAK_ZOOMS):
        if active.size == 0:
            break
        width = right[active] - left[active]
        points = left[active, None] + offsets[None, :] * width[:, None]
        values = evaluate_real(evaluate, points.ravel()).reshape(points.shape)
        undefined = ~np.isfinite(values)
        ends = np.maximum(magnitude[candidates[active]], magnitude[candidates[active] + 1])
        with np.errstate(invalid="ignore"):
            # Only an excursion beyond both grid values counts: it is what the grid missed.
            outside = ((values < low) | (values > high)) & (np.abs(values) > ends[:, None])
        hit = (undefined | outside).any(axis=1)
        for row in np.flatnonzero(hit):
            column = int(np.argmax(undefined[row] | outside[row]))
            index = int(candidates[active[row]])
            inserts.append((index, np.array([points[row, column]]), np.array([np.nan])))
        sizes = np.abs(values)
        top = np.argmax(sizes, axis=1)
        top_size = sizes[np.arange(top.size), top]
        growing = top_size > best[active] * (1.0 + 1e-3)
        best[active] = np.maximum(best[active], top_size)
        # While the largest value sits at the bracket's edge the peak is not located yet: a pole
        # a hair beside a grid sample only outgrows that sample once the zoom reaches its scale.
        at_edge = (top == 0) | (top == _PEAK_POINTS - 1)
        # A pole just beside a grid point only shows after one more zoom: allow a quiet round.
        quiet[active] = np.where(growing | at_edge, 0, quiet[active] + 1)
        growing = quiet[active] < 2
        step = width / (_PEAK_POINTS - 1)
        left[active] = np.maximum(points[np.arange(top.size), top] - step, left[active])
        right[active] = np.minimum(points[np.arange(top.size), top] + step, right[active])
        active = active[~hit & growing]
    return inserts


def break_points(
    index: int,
    a: float,
    ya: float,
    b: float,
    yb: float,
    view: tuple[float, float],
    grid_ends: tuple[float, float] = (np.nan, np.nan),
) -> tuple[int, np.ndarray, np.ndarray]:
    """Points to insert after grid sample ``index``: the refined ends (if in sight) around a NaN.

    A refined end is kept only when it continues its own grid neighbour (``grid_ends``): at
    ``sign(x) + x`` the bracket may end on the isolated value sign(0) = 0, and joining that to
    the next grid sample (1.001) would draw the very connector the NaN removes.
    """
    low, high = display_limits(view)
    left_y, right_y = grid_ends
    xs: list[float] = []
    ys: list[float] = []
    if np.isfinite(ya) and low <= ya <= high and not abs(ya - left_y) >= abs(ya - yb):
        xs.append(a)
        ys.append(ya)
    xs.append(0.5 * a + 0.5 * b)
    ys.append(np.nan)
    if np.isfinite(yb) and low <= yb <= high and not abs(yb - right_y) >= abs(yb - ya):
        xs.append(b)
        ys.append(yb)
    return index, np.array(xs), np.array(ys)


def refine_edges(
    evaluate: Callable[[np.ndarray], Any],
    x: np.ndarray,
    y: np.ndarray,
    finite: np.ndarray,
    edges: np.ndarray,
    view: tuple[float, float],
) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Find where each undefined region really begins, so ``sqrt(x)`` starts at x = 0."""
    inside, outside = x[edges].copy(), x[edges + 1].copy()
    flip = ~finite[edges]  # the finite end is on the right
    inside[flip], outside[flip] = x[edges + 1][flip], x[edges][flip]
    inside_y = np.where(flip, y[edges + 1], y[edges])
    for _ in range(_BISECTION_STEPS):
        middle = 0.5 * inside + 0.5 * outside
        if np.all((middle == inside) | (middle == outside)):
            break
        middle_y = evaluate_real(evaluate, middle)
        defined = np.isfinite(middle_y)
        inside = np.where(defined, middle, inside)
        inside_y = np.where(defined, middle_y, inside_y)
        outside = np.where(defined, outside, middle)
    grid_x = np.where(flip, x[edges + 1], x[edges])
    grid_y = np.where(flip, y[edges + 1], y[edges])
    # Only a border point in sight is added (log's plunge to -33 at x = 1e-15 would stretch the
    # last segment into a near-vertical line), and only when the new segment is plain: csc(log(x))
    # oscillates without end near 0, and a segment into it would paper over infinitely many poles.
    low, high = view
    plain = _segments_are_plain(evaluate, grid_x, grid_y, inside, inside_y, 0.01 * (high - low))
    keep = (inside != grid_x) & (inside_y >= low) & (inside_y <= high) & plain
    return [
        (int(index), np.array([point]), np.array([value]))
        for index, point, value in zip(edges[keep], inside[keep], inside_y[keep], strict=True)
    ]


def _segments_are_plain(
    evaluate: Callable[[np.ndarray], Any],
    x0: np.ndarray,
    y0: np.ndarray,
    x1: np.ndarray,
    y1: np.ndarray,
    tolerance: float,
) -> np.ndarray:
    """Whether f stays finite and between its end values (± tolerance) inside each segment."""
    if x0.size == 0:
        return np.zeros(0, dtype=bool)
    fractions = np.linspace(0.0, 1.0, 18)[1:-1]
    points = x0[:, None] + fractions[None, :] * (x1 - x0)[:, None]
    values = evaluate_real(evaluate, points.ravel()).reshape(points.shape)
    low = np.minimum(y0, y1)[:, None] - tolerance
    high = np.maximum(y0, y1)[:, None] + tolerance
    with np.errstate(invalid="ignore"):
        inside = (values >= low) & (values <= high)
    return inside.all(axis=1)
