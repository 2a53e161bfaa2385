"""Where PlotView's legend goes: the corner of the plot area that hides the fewest curve samples."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

# Corner name -> the sign of the legend's offset from that corner (pyqtgraph's LegendItem
# anchors to the right/bottom edge when the offset's x/y is negative).
CORNERS: dict[str, tuple[int, int]] = {
    "top-left": (1, 1),
    "top-right": (-1, 1),
    "bottom-left": (1, -1),
    "bottom-right": (-1, -1),
}
# Short curves (a tangent's two end points) are resampled along their segments, so a line
# crossing a corner counts even though neither end point lies in it.
DENSE_POINTS = 256


def _densified(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if x.size < 2 or x.size >= DENSE_POINTS:
        return x, y
    steps = np.linspace(0.0, x.size - 1.0, DENSE_POINTS)
    index = np.arange(x.size, dtype=float)
    # A NaN end point makes its whole segment NaN, so gaps stay gaps.
    return np.interp(steps, index, x), np.interp(steps, index, y)


def corner_counts(
    curves: Iterable[tuple[np.ndarray, np.ndarray]],
    view: tuple[tuple[float, float], tuple[float, float]],
    area_px: tuple[float, float],
    legend_px: tuple[float, float],
    margin_px: float,
) -> dict[str, int]:
    """How many curve samples each corner's legend rectangle would cover.

    ``view`` is the visible ((x0, x1), (y0, y1)); ``area_px`` the plot area's (width, height)
    and ``legend_px`` the legend's, in pixels; the legend sits ``margin_px`` from both edges.
    """
    (x0, x1), (y0, y1) = view
    width, height = area_px
    legend_w, legend_h = legend_px
    counts = dict.fromkeys(CORNERS, 0)
    if x1 == x0 or y1 == y0 or width <= 0 or height <= 0:
        return counts
    for x, y in curves:
        x, y = _densified(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
        # Pixel positions, y downwards as on screen; NaN compares False and so counts nowhere.
        px = (x - x0) / (x1 - x0) * width
        py = (y1 - y) / (y1 - y0) * height
        in_left = (px >= margin_px) & (px <= margin_px + legend_w)
        in_right = (px <= width - margin_px) & (px >= width - margin_px - legend_w)
        in_top = (py >= margin_px) & (py <= margin_px + legend_h)
        in_bottom = (py <= height - margin_px) & (py >= height - margin_px - legend_h)
        counts["top-left"] += int(np.count_nonzero(in_left & in_top))
        counts["top-right"] += int(np.count_nonzero(in_right & in_top))
        counts["bottom-left"] += int(np.count_nonzero(in_left & in_bottom))
        counts["bottom-right"] += int(np.count_nonzero(in_right & in_bottom))
    return counts


def best_corner(counts: dict[str, int], current: str) -> str:
    """The corner with the fewest covered samples; the current one keeps ties (no jumping
    about while panning), then the order of ``CORNERS`` (top-left first) decides."""
    fewest = min(counts.values())
    if counts.get(current) == fewest:
        return current
    return next(name for name in CORNERS if counts[name] == fewest)
