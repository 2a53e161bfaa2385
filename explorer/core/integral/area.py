"""The signed area under a sampled curve, split into the part above the axis and the part below,
ready to be filled in two colours (each down to y = 0)."""

from __future__ import annotations

import numpy as np


def signed_parts(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x', max(y, 0), min(y, 0)) with a point inserted where each segment crosses y = 0, so both
    fills meet exactly on the axis; undefined samples (NaN) count as 0 (nothing is shaded)."""
    x = np.asarray(x, dtype=float)
    y = np.where(np.isfinite(y), np.asarray(y, dtype=float), 0.0)
    if x.size < 2:
        return x, np.maximum(y, 0.0), np.minimum(y, 0.0)
    crossing = np.flatnonzero(y[:-1] * y[1:] < 0)
    with np.errstate(all="ignore"):
        t = y[crossing] / (y[crossing] - y[crossing + 1])
    crossing_x = x[crossing] + t * (x[crossing + 1] - x[crossing])
    x_all = np.insert(x, crossing + 1, crossing_x)
    y_all = np.insert(y, crossing + 1, 0.0)
    return x_all, np.maximum(y_all, 0.0), np.minimum(y_all, 0.0)


def clipped_to(
    x: np.ndarray, y: np.ndarray, low: float, high: float, y_low: float, y_high: float
) -> tuple[np.ndarray, np.ndarray]:
    """The samples with low ≤ x ≤ high, the ends added exactly (interpolated), y within the
    display limits (a pole's 1e300 would break the fill)."""
    inside = (x > low) & (x < high)
    ends_y = np.interp([low, high], x, np.where(np.isfinite(y), y, 0.0))
    xs = np.concatenate([[low], x[inside], [high]])
    ys = np.concatenate([[ends_y[0]], y[inside], [ends_y[1]]])
    with np.errstate(invalid="ignore"):
        return xs, np.clip(ys, y_low, y_high)
