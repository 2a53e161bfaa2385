"""Zeros of a function from its values on a grid: bracket sign changes, refine, check continuity.

A sign change between two neighbouring finite samples brackets a zero or a discontinuity (a pole
of ``1/x``, a jump of ``floor(x) - 0.5``). Each bracket is refined to float precision by the
Illinois variant of regula falsi (superlinear, never leaves its bracket), all brackets together,
one vectorised evaluation per round. A refined point counts as a zero only when the function is
really small there compared with the bracket's ends and continuous across it; poles and jumps,
which also change sign, fail that test. Samples that are exactly 0 count too, unless they sit in a
run of zeros (``floor(x)`` on [0, 1) is 0 everywhere: no isolated zero to mark).

Zeros where the function touches 0 without crossing (``x^2`` at 0) have no sign change; callers
find them among the zeros of the derivative (``explorer.core.analysis.points``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.sampling import evaluate_real

RealFunction = Callable[[np.ndarray], Any]

_MAX_ROUNDS = 200
# Refinement stops when a bracket is this share of its starting width (1e-15 of a grid cell).
_WIDTH_SHARE = 1e-15
# ... or when round-off alone is left and it pins the zero to this share of that width.
_PINNED_SHARE = 1e-8
# Values below this share of the largest sampled |f| are round-off (see refine_brackets).
_NOISE_SHARE = 1e-14
# Golden-section rounds looking for the far side of a dip between samples (0.618⁶⁰ ≈ 3e-13 of
# two grid cells: below that the dip is round-off).
_GOLDEN_ROUNDS = 60
# A refined zero must be this much smaller than the larger bracket end (a jump keeps its height,
# a pole grows; a smooth zero is ~1e-13 of it, cbrt's steep one 1e-5); the continuity test then
# rejects what is left of jumps.
_ZERO_SHARE = 1e-3
# Continuity probes at these fractions of the local grid step.
_NEAR, _NEARER = 1e-3, 1e-6


def values_at(func: RealFunction, x: np.ndarray) -> np.ndarray:
    """Real float64 values, NaN where undefined, complex or infinite."""
    return evaluate_real(func, np.asarray(x, dtype=np.float64))


def refine_brackets(
    func: RealFunction,
    left: np.ndarray,
    right: np.ndarray,
    f_left: np.ndarray,
    f_right: np.ndarray,
    *,
    zeros_only: bool = False,
    noise: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Refine brackets ``[left, right]`` whose ends have opposite signs; returns (x, f(x)).

    The result is the end of the final bracket where |f| is smaller. Where the refinement meets an
    undefined value it stops there with value NaN (the sign still changes there: a cusp's f′).
    With ``zeros_only`` a bracket whose values grow past 10 times its ends (a pole) or do not
    shrink while it narrows a millionfold (a jump) is given up early, with value NaN: it holds
    no zero. ``noise`` is the size below which values are round-off: a bracket whose |f| is down
    there stops once the slope across it pins the point to within 1e-8 of the starting width (a
    simple zero stops at once; a flat multiple zero such as x⁴′s f′ at 0 keeps narrowing).
    """
    a, b = left.astype(float).copy(), right.astype(float).copy()
    fa, fb = f_left.astype(float).copy(), f_right.astype(float).copy()
    true_fa, true_fb = fa.copy(), fb.copy()  # Illinois scales fa/fb; these stay the real values
    ends = np.maximum(np.abs(fa), np.abs(fb))
    floor = _WIDTH_SHARE * (b - a)
    pinned = _PINNED_SHARE * (b - a)
    stopped = np.full(a.size, np.nan)
    side = np.zeros(a.size, dtype=int)
    active = np.flatnonzero((fa != 0) & (fb != 0))
    for round_number in range(_MAX_ROUNDS):
        if active.size == 0:
            break
        aa, bb, faa, fbb = a[active], b[active], fa[active], fb[active]
        with np.errstate(all="ignore"):
            c = bb - fbb * (bb - aa) / (fbb - faa)
        # From the eighth round on every other round bisects: a guard where falsi crawls.
        outside = ~((c > aa) & (c < bb)) | ((round_number >= 8) & (round_number % 2 == 1))
        c = np.where(outside, 0.5 * aa + 0.5 * bb, c)
        fc = values_at(func, c)
        undefined = ~np.isfinite(fc)
        stopped[active[undefined]] = c[undefined]
        same_as_a = np.sign(fc) == np.sign(faa)
        left_moves = ~undefined & same_as_a
        right_moves = ~undefined & ~same_as_a
        # Illinois: when one end moves twice in a row, halve the other end's value.
        fb[active[left_moves & (side[active] == -1)]] *= 0.5
        fa[active[right_moves & (side[active] == 1)]] *= 0.5
        moved = active[left_moves]
        a[moved], fa[moved], true_fa[moved] = c[left_moves], fc[left_moves], fc[left_moves]
        moved = active[right_moves]
        b[moved], fb[moved], true_fb[moved] = c[right_moves], fc[right_moves], fc[right_moves]
        side[active[left_moves]] = -1
        side[active[right_moves]] = 1
        aa, bb = a[active], b[active]
        tiny = 4 * np.spacing(np.maximum(np.abs(aa), np.abs(bb)))
        done = undefined | (fc == 0) | (bb - aa <= np.maximum(tiny, floor[active]))
        with np.errstate(all="ignore"):
            slope = np.abs(true_fb[active] - true_fa[active]) / (bb - aa)
            done |= (np.abs(fc) <= noise) & (noise <= slope * pinned[active])
        if zeros_only:
            with np.errstate(invalid="ignore"):
                pole = np.abs(fc) > 10 * ends[active]
                smallest = np.minimum(np.abs(true_fa[active]), np.abs(true_fb[active]))
                # A bracket a millionth of its width whose values have not shrunk: a jump.
                narrow = bb - aa < 1e6 * _WIDTH_SHARE * (right[active] - left[active])
                jump = narrow & (smallest > 0.1 * ends[active])
            give_up = ~undefined & (pole | jump)
            stopped[active[give_up]] = c[give_up]
            done |= give_up
        active = active[~done]
    use_a = np.abs(true_fa) <= np.abs(true_fb)
    x = np.where(use_a, a, b)
    value = np.where(use_a, true_fa, true_fb)
    hit = np.isfinite(stopped)
    x[hit], value[hit] = stopped[hit], np.nan
    return x, value


def continuous_at(func: RealFunction, x: np.ndarray, y: np.ndarray, step: float) -> np.ndarray:
    """Whether ``func`` is continuous at each ``x`` (value ``y``), judged from both sides.

    Differences to nearby values must shrink as the probe comes closer (at least by half over a
    thousandfold approach); a jump keeps its size, a pole grows. An undefined side is ignored
    (the edge of a domain, ``sqrt`` at 0), but at least one side must be defined.
    """
    if x.size == 0:
        return np.zeros(0, dtype=bool)
    near = values_at(func, np.concatenate([x - _NEAR * step, x + _NEAR * step])).reshape(2, -1)
    nearer = values_at(func, np.concatenate([x - _NEARER * step, x + _NEARER * step])).reshape(
        2, -1
    )
    scale = np.maximum(np.abs(y), 1.0)
    with np.errstate(invalid="ignore"):
        far_gap = np.abs(near - y)
        close_gap = np.abs(nearer - y)
        settles = (close_gap <= 0.5 * far_gap) | (close_gap <= 1e-12 * scale)
    defined = np.isfinite(near) & np.isfinite(nearer)
    ok_side = np.where(defined, settles, True)
    return np.isfinite(y) & ok_side.all(axis=0) & defined.any(axis=0)


@dataclass(frozen=True)
class SignChanges:
    """Where a sampled function changes sign: refined points and the sample values either side."""

    x: np.ndarray
    value: np.ndarray  # the function at x (NaN where it is undefined: a pole or a gap)
    left: np.ndarray  # the sample value just left of x
    right: np.ndarray  # the sample value just right of x


def sign_changes(
    func: RealFunction, x: np.ndarray, y: np.ndarray, *, zeros_only: bool = False
) -> SignChanges:
    """Refine every sign change between neighbouring finite samples ``y = func(x)``.

    Not all of them are zeros: a pole or a jump changes sign too (``value`` tells them apart).
    """
    finite = np.isfinite(y)
    with np.errstate(invalid="ignore"):
        crossing = finite[:-1] & finite[1:] & (np.sign(y[:-1]) * np.sign(y[1:]) < 0)
    brackets = np.flatnonzero(crossing)
    left, right = y[brackets], y[brackets + 1]
    finite_values = np.abs(y[finite])
    noise = _NOISE_SHARE * float(finite_values.max()) if finite_values.size else 0.0
    points, values = refine_brackets(
        func, x[brackets], x[brackets + 1], left, right, zeros_only=zeros_only, noise=noise
    )
    # A sample that is exactly 0 between samples of opposite signs is a sign change too.
    with np.errstate(invalid="ignore"):
        at_zero = 1 + np.flatnonzero((y[1:-1] == 0) & (np.sign(y[:-2]) * np.sign(y[2:]) < 0))
    return SignChanges(
        np.concatenate([points, x[at_zero]]),
        np.concatenate([values, np.zeros(at_zero.size)]),
        np.concatenate([left, y[at_zero - 1]]),
        np.concatenate([right, y[at_zero + 1]]),
    )


def hidden_sign_changes(func: RealFunction, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pairs of sign changes closer than the grid spacing, which leave no trace in the signs of
    the samples ``y = func(x)`` (f″ of ``(x − 0.3)⁴ − 10⁻⁶(x − 0.3)²`` is negative only on
    0.3 ± 0.0004, between two samples 0.005 apart). Sorted x of both changes of each pair.

    Where |y| has a local minimum at a sample whose neighbours have its sign, the parabola
    through the three samples says whether the dip between them may reach 0; those that may are
    searched by golden section for a point of the other sign (stopping there), and both
    brackets it makes are refined like any sign change. A dip that stays on its side (``x⁴``′s
    f″ = 12x² near 0) yields nothing.
    """
    if x.size < 3:
        return np.zeros(0)
    x0, x1, x2 = x[:-2], x[1:-1], x[2:]
    v0, v1, v2 = y[:-2], y[1:-1], y[2:]
    with np.errstate(all="ignore"):
        sign = np.sign(v1)
        candidate = (
            np.isfinite(v0)
            & np.isfinite(v1)
            & np.isfinite(v2)
            & (sign != 0)
            & (np.sign(v0) == sign)
            & (np.sign(v2) == sign)
            & (np.abs(v1) <= np.abs(v0))
            & (np.abs(v1) <= np.abs(v2))
        )
        # s·y near the dip as the parabola through the three samples: its lowest value.
        a0, a1, a2 = sign * v0, sign * v1, sign * v2
        slope01 = (a1 - a0) / (x1 - x0)
        curvature = ((a2 - a1) / (x2 - x1) - slope01) / (x2 - x0)
        vertex = 0.5 * (x0 + x1) - slope01 / (2 * curvature)
        lowest = a0 + slope01 * (vertex - x0) + curvature * (vertex - x0) * (vertex - x1)
        # Generous: a dip the parabola puts below half the middle sample is searched.
        candidate &= (curvature > 0) & (lowest < 0.5 * a1)
    index = np.flatnonzero(candidate)
    if index.size == 0:
        return np.zeros(0)
    # Below this, a value of the other sign is round-off (f″ = 12x² is never negative).
    noise = _NOISE_SHARE * float(np.abs(y[np.isfinite(y)]).max())
    # Golden section on s·y over [a, b] with inner points c < d, one new value per round.
    a, b, side = x0[index], x2[index], sign[index]
    ratio = (np.sqrt(5.0) - 1.0) / 2.0
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = side * values_at(func, c), side * values_at(func, d)
    found = np.full(index.size, np.nan)
    found_value = np.full(index.size, np.nan)
    for _ in range(_GOLDEN_ROUNDS):
        with np.errstate(invalid="ignore"):
            for probe, value in ((c, fc), (d, fd)):
                hit = np.isnan(found) & (value < -noise)
                found[hit], found_value[hit] = probe[hit], side[hit] * value[hit]
            active = np.isnan(found) & np.isfinite(fc) & np.isfinite(fd)
            if not active.any():
                break
            lower = fc < fd  # the minimum of s·y lies in [a, d]
        a, b = np.where(lower, a, c), np.where(lower, d, b)
        c, d = np.where(lower, b - ratio * (b - a), d), np.where(lower, c, a + ratio * (b - a))
        fresh = np.where(lower, c, d)
        value = np.full(index.size, np.nan)
        value[active] = side[active] * values_at(func, fresh[active])
        fc, fd = np.where(lower, value, fd), np.where(lower, fc, value)
    pair = np.isfinite(found)
    if not pair.any():
        return np.zeros(0)
    middle, middle_value = found[pair], found_value[pair]
    at = index[pair]
    left, _ = refine_brackets(func, x0[at], middle, v0[at], middle_value, noise=noise)
    right, _ = refine_brackets(func, middle, x2[at], middle_value, v2[at], noise=noise)
    return np.sort(np.concatenate([left, right]))


def grid_step(x: np.ndarray) -> float:
    """The typical spacing of a sampling grid (continuity probes are scaled to it)."""
    return float(np.median(np.diff(x))) if x.size > 1 else 1.0


def sign_change_zeros(func: RealFunction, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sorted zeros of ``func`` found between (and at) the samples ``y = func(x)``."""
    changes = sign_changes(func, x, y, zeros_only=True)
    step = grid_step(x)
    ends = np.maximum(np.abs(changes.left), np.abs(changes.right))
    with np.errstate(invalid="ignore"):
        keep = np.isfinite(changes.x) & (np.abs(changes.value) <= _ZERO_SHARE * ends)
    keep[keep] = continuous_at(func, changes.x[keep], changes.value[keep], step)
    exact = isolated_exact_zeros(x, y)
    exact = exact[continuous_at(func, exact, np.zeros(exact.size), step)]
    return np.unique(np.concatenate([changes.x[keep], exact]))


def isolated_exact_zeros(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Samples that are exactly 0 with no exactly-0 neighbour."""
    zero = y == 0
    if not zero.any():
        return np.zeros(0)
    neighbour = np.zeros_like(zero)
    neighbour[1:] |= zero[:-1]
    neighbour[:-1] |= zero[1:]
    return x[zero & ~neighbour]


def insert_samples(
    func: RealFunction, x: np.ndarray, y: np.ndarray, extra: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Samples ``x, y`` with ``func`` evaluated at ``extra`` added, sorted by x.

    The existing values are kept as they are (the NaN a sampler put at a pole stays)."""
    extra = extra[np.isfinite(extra)]
    if extra.size == 0:
        return x, y
    all_x = np.concatenate([x, extra])
    all_y = np.concatenate([y, values_at(func, extra)])
    order = np.argsort(all_x, kind="stable")
    return all_x[order], all_y[order]


def merge_points(x: np.ndarray, extra: np.ndarray) -> np.ndarray:
    """``x`` with ``extra`` points added, sorted, duplicates dropped."""
    if extra.size == 0:
        return x
    return np.unique(np.concatenate([x, extra[np.isfinite(extra)]]))
