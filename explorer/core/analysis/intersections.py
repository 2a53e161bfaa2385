"""Where two curves meet: zeros of their difference d = f − g, found like a single curve's roots.

Sign changes of d on the sampler's common base grid (values the curves already have) are refined;
no bracket reaches across a break of either curve, and the continuity test of roots applies.
d′ = f′ − g′ is bracketed too, so curves that only touch (``x²`` and ``0``, a tangent line)
and crossings closer than the grid spacing are found as well. Points at a hole or an asymptote
of either curve are dropped, and so are curves that coincide on a stretch (d is 0 there
throughout: nothing isolated to mark).
"""

from __future__ import annotations

import numpy as np

from explorer.core.analysis.model import INTERSECTION, PointOfInterest
from explorer.core.analysis.points import (
    TOUCH_SHARE,
    CurveFunctions,
    CurveSamples,
    tidy_point,
)
from explorer.core.analysis.roots import (
    RealFunction,
    continuous_at,
    grid_step,
    insert_samples,
    sign_change_zeros,
    sign_changes,
    values_at,
)


def _difference(first: RealFunction, second: RealFunction) -> RealFunction:
    def difference(x: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return first(x) - second(x)

    return difference


def intersections(
    one: CurveFunctions, one_samples: CurveSamples, two: CurveFunctions, two_samples: CurveSamples
) -> list[PointOfInterest]:
    """Intersections of two curves on the range both were sampled on (with equal ``samples``)."""
    x, one_y, one_slope = _on_base_grid(one_samples)
    _, two_y, two_slope = _on_base_grid(two_samples)
    d = _difference(one.f, two.f)
    slope = _difference(one.first, two.first)
    with np.errstate(invalid="ignore"):
        d_values = one_y - two_y
        slope_values = one_slope - two_slope
    step = grid_step(x)
    turning = sign_changes(slope, x, slope_values).x
    turning = turning[np.isfinite(turning)]
    x_all, d_all = insert_samples(d, x, d_values, turning)
    crossing = sign_change_zeros(d, x_all, d_all)
    span = max(one_samples.y_span, two_samples.y_span)
    touching = turning[np.abs(values_at(d, turning)) <= TOUCH_SHARE * span]
    places = np.unique(np.concatenate([crossing, touching]))
    places = places[~one_samples.near_singular(places) & ~two_samples.near_singular(places)]
    y = values_at(one.f, places)
    keep = continuous_at(one.f, places, y, step) & continuous_at(two.f, places, y, step)
    return [
        tidy_point(
            PointOfInterest(INTERSECTION, one.name, float(px), float(py), other=two.name),
            one_samples,
        )
        for px, py in zip(places[keep], y[keep], strict=True)
    ]


def _on_base_grid(samples: CurveSamples) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A curve's f and f′ on the sampler's uniform base grid, with no new evaluation.

    The sampler only inserts points between its base samples, so those are found among its
    samples. A base sample followed by a break (a NaN before the next base sample) gets NaN:
    then no bracket of the difference reaches across that pole or jump.
    """
    base = samples.base
    where = np.searchsorted(samples.x, base)
    y = samples.y[where].copy()
    slope = samples.first[where].copy()
    bad = np.cumsum(~np.isfinite(samples.y))
    broken = bad[where[1:] - 1] != bad[where[:-1]]
    y[:-1][broken] = np.nan
    slope[:-1][broken] = np.nan
    return base, y, slope
