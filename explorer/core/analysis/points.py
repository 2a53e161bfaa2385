"""Points of interest of one curve on an x-range, found by bracketing f″, then f′, then f.

The curve is sampled as the plot samples it (``explorer.core.sampling``: a NaN at every pole and
jump, so no bracket straddles one), and f′ and f″ come from the derivation rules
(``explorer.core.derivative``) as formulas, masked where f itself is undefined. Then, in order:

1. inflection points: sign changes of f″ where f is continuous, also two of them closer than the
   grid spacing (a dip of f″ across 0 between samples, ``hidden_sign_changes``);
2. local extrema: sign changes of f′ on the grid with the inflection points added. Between two
   inflection points f′ is monotonic, so two extrema closer than the grid spacing are still
   bracketed (``x³ − 10⁻⁶x``);
3. roots: sign changes of f on the grid with the extrema added (a dip below 0 between two samples
   is caught the same way), plus extrema where f touches 0 (``x²``, ``x⁴`` at 0);
4. the y-intercept, holes and vertical asymptotes (``explorer.core.analysis.singular``).

Nothing is marked at a pole or a jump: a sign change there fails the continuity test of
``explorer.core.analysis.roots``, and points within a hair of a hole or an asymptote are dropped.
A dip of f″ narrower than the grid that its three samples around it do not show is not seen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from explorer.core.analysis.curves import VARIABLE, CurveDefinition, derivative_tree
from explorer.core.analysis.model import (
    ASYMPTOTE,
    HOLE,
    INFLECTION,
    LOCAL_MAXIMUM,
    LOCAL_MINIMUM,
    ROOT,
    Y_INTERCEPT,
    PointOfInterest,
)
from explorer.core.analysis.roots import (
    RealFunction,
    continuous_at,
    grid_step,
    hidden_sign_changes,
    insert_samples,
    sign_change_zeros,
    sign_changes,
    values_at,
)
from explorer.core.analysis.singular import Singularity, find_singularities
from explorer.core.derivative.evaluate import bind
from explorer.core.expr.nodes import Node
from explorer.core.sampling import SampledCurve
from explorer.core.text import format_number

# f touches 0 at an extremum when |f| there is below this share of the curve's visible y-span.
TOUCH_SHARE = 1e-12
# f′ or f″ counts as 0 at a point when below this share of its largest size on the range.
ZERO_DERIVATIVE_SHARE = 1e-7
# f at a domain edge within this share of the y-span of 0 is a root there.
_EDGE_ROOT_SHARE = 1e-4
# Coordinates this small compared with the range's width (or the curve's y-span) are 0.
_ROUND_OFF_ZERO = 1e-12
# Points this close to a hole or an asymptote (as a share of the range's width) are dropped.
_NEAR_SINGULAR = 1e-7


@dataclass(frozen=True)
class CurveFunctions:
    """One curve with its parameters bound: f, f′ and f″ (the formulas: f′ may have a value
    where f has none, ``1/x`` for ``ln(x)`` at x < 0; the sampled values are masked)."""

    name: str
    tree: Node
    params: dict[str, float]
    f: RealFunction
    first: RealFunction
    second: RealFunction


def prepare_curve(definition: CurveDefinition, params: Mapping[str, float]) -> CurveFunctions:
    """Bind a well-formed definition's parameters (a missing one is 1, as a fresh slider)."""
    if definition.tree is None:
        raise ValueError(f"curve {definition.name} has an error: {definition.error}")
    values = {name: float(params.get(name, 1.0)) for name in definition.parameters}
    tree = definition.tree
    f = bind(tree, VARIABLE, values)
    first = bind(derivative_tree(tree, 1), VARIABLE, values)
    second = bind(derivative_tree(tree, 2), VARIABLE, values)
    return CurveFunctions(definition.name, tree, values, f, first, second)


@dataclass(frozen=True)
class CurveSamples:
    """The curve on its grid: f, f′, f″ values, singular points, and the scales tests use."""

    x: np.ndarray
    y: np.ndarray
    first: np.ndarray
    second: np.ndarray
    singular: tuple[Singularity, ...]
    y_span: float
    width: float
    base: np.ndarray  # the sampler's uniform grid, which ``x`` contains

    def near_singular(self, points: np.ndarray) -> np.ndarray:
        if not self.singular or points.size == 0:
            return np.zeros(points.size, dtype=bool)
        where = np.array([s.x for s in self.singular])
        distance = np.abs(points[:, None] - where[None, :]).min(axis=1)
        return distance <= _NEAR_SINGULAR * self.width


def sample_derivatives(curve: CurveFunctions, sampled: SampledCurve, samples: int) -> CurveSamples:
    """f′, f″ and singular points at the samples ``sample_curve(f, a, b, samples)`` took."""
    x, y = sampled.x, sampled.y
    with np.errstate(all="ignore"):
        first = np.where(np.isfinite(y), values_at(curve.first, x), np.nan)
        second = np.where(np.isfinite(y), values_at(curve.second, x), np.nan)
    singular = tuple(find_singularities(curve.f, curve.tree, curve.params, x))
    low, high = sampled.y_view_range or (-1.0, 1.0)
    base = np.linspace(x[0], x[-1], samples)
    return CurveSamples(x, y, first, second, singular, high - low, float(x[-1] - x[0]), base)


def tidy(value: float | None, scale: float) -> float | None:
    """0 for values within round-off of it (``−2.7×10⁻¹⁷`` for an extremum at 0), else ``value``."""
    if value is None or abs(value) > _ROUND_OFF_ZERO * scale:
        return value
    return 0.0


def tidy_point(point: PointOfInterest, samples: CurveSamples) -> PointOfInterest:
    x = tidy(point.x, samples.width)
    y = tidy(point.y, samples.y_span)
    return dataclasses.replace(point, x=x, y=y)


def find_points(curve: CurveFunctions, samples: CurveSamples) -> list[PointOfInterest]:
    """All points of interest of one curve (coordinates within round-off of 0 are 0)."""
    result = []
    for point in _find_points(curve, samples):
        tidied = tidy_point(point, samples)
        if tidied.x != point.x and point.kind in (INFLECTION, LOCAL_MINIMUM, LOCAL_MAXIMUM):
            # f at the tidied x: cbrt(−3×10⁻¹⁸) is −1.4×10⁻⁶, cbrt(0) is 0.
            value = float(values_at(curve.f, np.array([tidied.x]))[0])
            if np.isfinite(value):
                tidied = dataclasses.replace(tidied, y=tidy(value, samples.y_span))
        result.append(tidied)
    return result


def _find_points(curve: CurveFunctions, samples: CurveSamples) -> list[PointOfInterest]:
    step = grid_step(samples.x)
    inflections = _inflections(curve, samples, step)
    x1, y1 = insert_samples(curve.first, samples.x, samples.first, inflections[:, 0])
    extrema = _extrema(curve, samples, x1, y1, step)
    extremum_x = np.array([point.x for point in extrema])
    x0, y0 = insert_samples(
        curve.f, samples.x, samples.y, np.concatenate([inflections[:, 0], extremum_x])
    )
    roots = sign_change_zeros(curve.f, x0, y0)
    touching = [p.x for p in extrema if abs(p.y) <= TOUCH_SHARE * samples.y_span]
    roots = np.unique(np.concatenate([roots, np.array(touching), _edge_roots(curve, samples)]))
    roots = roots[~samples.near_singular(roots)]
    points = [PointOfInterest(ROOT, curve.name, float(r), 0.0) for r in roots]
    points += extrema
    notes = _inflection_notes(curve, samples, inflections[:, 0])
    points += [
        PointOfInterest(INFLECTION, curve.name, float(x), float(y), tests=note)
        for (x, y), note in zip(inflections, notes, strict=True)
    ]
    points += _intercept(curve, samples)
    for item in samples.singular:
        kind = HOLE if item.kind == "hole" else ASYMPTOTE
        points.append(PointOfInterest(kind, curve.name, item.x, item.y))
    return points


def _edge_roots(curve: CurveFunctions, samples: CurveSamples) -> np.ndarray:
    """Ends of the domain where f reaches 0 (``sqrt(x)`` at 0, ``sqrt(x² − 4)`` at ±2).

    Each border between defined samples and an undefined stretch is bisected to float
    precision; f at the last defined point must be within 1e-4 of the curve's y-span of 0 and
    a thousandth of the next sample (a hair inside its domain sqrt is ~1e-8, x^(1/3) ~1e-5).
    """
    finite = np.isfinite(samples.y)
    # A lone NaN between defined samples marks a pole or jump, not the edge of the domain.
    lone = ~finite
    lone[1:] &= finite[:-1]
    lone[:-1] &= finite[1:]
    gap = ~finite & ~lone
    inside = np.flatnonzero(
        np.r_[finite[:-1] & gap[1:], False] | np.r_[False, finite[1:] & gap[:-1]]
    )
    if inside.size == 0:
        return np.zeros(0)
    outside = np.where(np.r_[finite[:-1] & gap[1:], False][inside], inside + 1, inside - 1)
    good, bad = samples.x[inside].copy(), samples.x[outside].copy()
    for _ in range(60):
        middle = 0.5 * good + 0.5 * bad
        defined = np.isfinite(values_at(curve.f, middle))
        good = np.where(defined, middle, good)
        bad = np.where(defined, bad, middle)
    value = np.abs(values_at(curve.f, good))
    neighbour = np.abs(samples.y[inside])
    with np.errstate(invalid="ignore"):
        small = (value <= _EDGE_ROOT_SHARE * samples.y_span) & (value <= 1e-3 * neighbour)
    return good[small]


def _inflections(curve: CurveFunctions, samples: CurveSamples, step: float) -> np.ndarray:
    """(x, y) rows of the inflection points: f″ changes sign where f is continuous."""
    changes = sign_changes(curve.second, samples.x, samples.second)
    hidden = hidden_sign_changes(curve.second, samples.x, samples.second)
    x = np.concatenate([changes.x, hidden])
    x = np.sort(x[np.isfinite(x)])
    x = x[~samples.near_singular(x)]
    y = values_at(curve.f, x)
    keep = continuous_at(curve.f, x, y, step) & ~_corners(curve, x, step)
    return np.column_stack([x[keep], y[keep]]) if keep.any() else np.zeros((0, 2))


def _corners(curve: CurveFunctions, x: np.ndarray, step: float) -> np.ndarray:
    """Where f′ jumps between finite values (|x² − 1| at ±1): no tangent, so no inflection
    point there, although f″ changes sign. A vertical tangent (cbrt at 0) is not a corner."""
    if x.size == 0:
        return np.zeros(0, dtype=bool)
    near = values_at(curve.first, np.concatenate([x - 1e-6 * step, x + 1e-6 * step]))
    nearer = values_at(curve.first, np.concatenate([x - 1e-9 * step, x + 1e-9 * step]))
    near, nearer = near.reshape(2, -1), nearer.reshape(2, -1)
    finite = np.isfinite(near).all(axis=0) & np.isfinite(nearer).all(axis=0)
    with np.errstate(invalid="ignore"):
        jump = np.abs(near[1] - near[0])
        stays = np.abs(nearer[1] - nearer[0]) >= 0.5 * jump
        size = np.maximum(1.0, np.maximum(np.abs(near[0]), np.abs(near[1])))
    return finite & stays & (jump > 1e-8 * size)


def _extrema(
    curve: CurveFunctions, samples: CurveSamples, x: np.ndarray, y1: np.ndarray, step: float
) -> list[PointOfInterest]:
    changes = sign_changes(curve.first, x, y1)
    where = np.isfinite(changes.x)
    where[where] = ~samples.near_singular(changes.x[where])
    places = changes.x[where]
    values = values_at(curve.f, places)
    keep = continuous_at(curve.f, places, values, step)
    places, values = places[keep], values[keep]
    minimum = changes.left[where][keep] < 0
    tests = extremum_tests(curve, samples, places, minimum, step)
    return [
        PointOfInterest(
            LOCAL_MINIMUM if low else LOCAL_MAXIMUM, curve.name, float(x0), float(y0), tests=t
        )
        for x0, y0, low, t in zip(places, values, minimum, tests, strict=True)
    ]


def extremum_tests(
    curve: CurveFunctions,
    samples: CurveSamples,
    x: np.ndarray,
    minimum: np.ndarray,
    step: float,
) -> list[tuple[str, str]]:
    """The first- and second-derivative tests at sign changes of f′ (``minimum``: from − to +),
    as a learner reads them. Every value is computed for all extrema at once."""
    name = curve.name
    slope = values_at(curve.first, x)
    blows_up = ~np.isfinite(slope) | _slopes_blow_up(curve, x, step)
    jumps = ~continuous_at(curve.first, x, slope, step)
    bend = values_at(curve.second, x)
    flat = ZERO_DERIVATIVE_SHARE * _largest(samples.second)
    result = []
    for index in range(x.size):
        low = bool(minimum[index])
        signs = ("−", "+") if low else ("+", "−")
        verdict = "local minimum" if low else "local maximum"
        first = f"{name}′ changes from {signs[0]} to {signs[1]}: {verdict}"
        value = float(bend[index])
        if blows_up[index]:
            second = (
                f"{name}′ does not exist here (a vertical tangent): the {_SECOND} does not apply"
            )
        elif jumps[index]:
            second = f"{name}′ jumps here (a corner): the {_SECOND} does not apply"
        elif not np.isfinite(value):
            second = f"{name}″ is undefined here: the {_SECOND} does not apply"
        elif abs(value) <= flat:
            second = f"{name}″ = 0: the {_SECOND} is inconclusive"
        else:
            sign, says = (">", "local minimum") if value > 0 else ("<", "local maximum")
            second = f"{name}″ = {format_number(value)} {sign} 0: {says}"
        result.append((first, second))
    return result


_SECOND = "second-derivative test"


def _slopes_blow_up(curve: CurveFunctions, x: np.ndarray, step: float) -> np.ndarray:
    """|f′| at least 10 times larger a millionfold closer on both sides: a cusp (cbrt(x)²)."""
    if x.size == 0:
        return np.zeros(0, dtype=bool)
    near = np.abs(values_at(curve.first, np.concatenate([x - 1e-3 * step, x + 1e-3 * step])))
    nearer = np.abs(values_at(curve.first, np.concatenate([x - 1e-9 * step, x + 1e-9 * step])))
    with np.errstate(invalid="ignore"):
        return (nearer > 10 * near).reshape(2, -1).all(axis=0)


def _inflection_notes(
    curve: CurveFunctions, samples: CurveSamples, x: np.ndarray
) -> list[tuple[str, ...]]:
    name = curve.name
    bends = f"{name}″ changes sign: the concavity changes"
    slope = values_at(curve.first, x)
    flat = ZERO_DERIVATIVE_SHARE * _largest(samples.first)
    with np.errstate(invalid="ignore"):
        stationary = np.isfinite(slope) & (np.abs(slope) <= flat)
    still = f"{name}′ = 0 here but keeps its sign: not an extremum"
    return [(bends, still) if on else (bends,) for on in stationary]


def _largest(values: np.ndarray) -> float:
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size else 0.0


def _intercept(curve: CurveFunctions, samples: CurveSamples) -> list[PointOfInterest]:
    if not samples.x[0] <= 0.0 <= samples.x[-1]:
        return []
    zero = np.zeros(1)
    if samples.near_singular(zero)[0]:
        return []
    # f(0) itself, also where f jumps at 0 (floor(0) = 0 is on the graph); never at a hole.
    value = values_at(curve.f, zero)
    if not np.isfinite(value[0]):
        return []
    return [PointOfInterest(Y_INTERCEPT, curve.name, 0.0, float(value[0]))]
