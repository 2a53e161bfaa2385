"""The accumulation function F(x) = ∫ₐˣ f(t) dt drawn next to f, and the fundamental theorem's
check that the tangent to F at x₀ has slope f(x₀).

F is built on a grid that contains a, so F(a) = 0 exactly, by two-point Gauss–Legendre on every
cell (its nodes avoid the cell ends, so an integrable singularity sitting on a grid point such as
1/√x at 0 still gives finite pieces; error O(h⁴) on smooth f). Past a pole that cannot be
integrated F does not exist, so it is NaN there (a gap in the plot), never a big number. With
a = ±∞, F is drawn from the grid's own end instead (F + C: an antiderivative all the same).

The check computes F's slope at x₀ with the derivative lab's own central difference
(``explorer.core.derivative.difference.central_difference``) applied to F, and, when sympy found
an antiderivative, differentiates that formula with the derivative lab (``tangent_at``). Both
are compared with f(x₀).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from explorer.core.derivative.difference import central_difference
from explorer.core.derivative.formatting import line_equation
from explorer.core.derivative.model import PreparedFunction
from explorer.core.derivative.tangent import tangent_at
from explorer.core.integral.singular import POLE, Singularity
from explorer.core.text import format_number

RealFunction = Callable[[np.ndarray], np.ndarray]

_GAUSS = 0.5 / math.sqrt(3.0)  # two-point Gauss–Legendre nodes at the middle ± this share
_PANELS = 64  # composite Gauss–Legendre panels for one value F(x)
_HALVINGS = 50  # geometric panels towards the anchor
_LEGENDRE_NODES, _LEGENDRE_WEIGHTS = np.polynomial.legendre.leggauss(5)
_EPSILON = float(np.finfo(np.float64).eps)
AGREEMENT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Accumulation:
    x: np.ndarray
    F: np.ndarray
    anchor: float  # where F = 0: a, or the grid's end when a is infinite
    anchored_at_a: bool


def _cell_integrals(f: RealFunction, edges: np.ndarray) -> np.ndarray:
    middle = 0.5 * (edges[:-1] + edges[1:])
    width = np.diff(edges)
    with np.errstate(all="ignore"):
        left = np.asarray(f(middle - _GAUSS * width), dtype=float)
        right = np.asarray(f(middle + _GAUSS * width), dtype=float)
        return 0.5 * width * (left + right)


def accumulation_curve(
    f: RealFunction,
    a: float,
    low: float,
    high: float,
    singularities: Sequence[Singularity] = (),
    samples: int = 2001,
) -> Accumulation:
    """F(x) = ∫ₐˣ f on [low, high] (the grid reaches a, at most 50 view widths away)."""
    span = high - low
    anchored = math.isfinite(a) and low - 50 * span <= a <= high + 50 * span
    anchor = a if anchored else (low if not math.isfinite(a) or a < low else high)
    start, end = min(low, anchor), max(high, anchor)
    left_count = max(2, int(samples * (anchor - start) / (end - start)) + 1)
    right_count = max(2, samples - left_count + 2)
    x = np.concatenate(
        [np.linspace(start, anchor, left_count)[:-1], np.linspace(anchor, end, right_count)]
    )
    pieces = _cell_integrals(f, x)
    index = left_count - 1  # x[index] == anchor
    F = np.empty_like(x)
    F[index] = 0.0
    F[index + 1 :] = np.cumsum(pieces[index:])
    F[:index] = -np.cumsum(pieces[:index][::-1])[::-1]
    for point in singularities:
        if point.kind != POLE:
            continue
        if point.x >= anchor:
            F[x >= point.x] = np.nan
        if point.x <= anchor:
            F[x <= point.x] = np.nan
    F[~np.isfinite(F)] = np.nan
    keep = (x >= low) & (x <= high)
    return Accumulation(x[keep], F[keep], anchor, anchored)


def accumulated(f: RealFunction, anchor: float) -> RealFunction:
    """x ↦ ∫_anchor^x f, vectorised: composite 5-point Gauss–Legendre on ``_PANELS`` even
    panels plus panels halving towards the anchor (2⁻¹ … 2⁻⁵⁰ of the way), so an integrable
    singularity at the anchor (1/√x from 0) is resolved to ~1e-8 and ln x to ~1e-10."""
    t = np.unique(
        np.concatenate(
            [[0.0], 0.5 ** np.arange(_HALVINGS, 0, -1), np.linspace(0.0, 1.0, _PANELS + 1)]
        )
    )

    def F(x: np.ndarray) -> np.ndarray:
        x = np.atleast_1d(np.asarray(x, dtype=float))
        edges = anchor + (x[:, None] - anchor) * t[None, :]
        middle = 0.5 * (edges[:, :-1] + edges[:, 1:])
        half = 0.5 * (edges[:, 1:] - edges[:, :-1])
        nodes = middle[..., None] + half[..., None] * _LEGENDRE_NODES
        with np.errstate(all="ignore"):
            values = np.asarray(f(nodes.ravel()), dtype=float).reshape(nodes.shape)
        return np.sum(half[..., None] * _LEGENDRE_WEIGHTS * values, axis=(1, 2))

    return F


@dataclass(frozen=True)
class FtcCheck:
    """F′(x₀) = f(x₀), two ways."""

    x0: float
    f_value: float  # f(x₀)
    F_value: float  # F(x₀) = ∫ₐ^x₀ f
    slope: float  # F's slope at x₀ by the derivative lab's central difference
    step: float  # the h used
    symbolic_slope: float | None  # d/dx of sympy's antiderivative at x₀, by the derivative lab
    tangent: str  # "y = …", the tangent to F at x₀
    reason: str = ""  # why F(x₀) does not exist (a pole between a and x₀), when it does not

    @property
    def agrees(self) -> bool:
        """Whether F's slope matches f(x₀) (and the symbolic one too, when there is one)."""
        if self.reason:
            return False
        slopes = [self.slope] + ([self.symbolic_slope] if self.symbolic_slope is not None else [])
        return all(_close(slope, self.f_value) for slope in slopes)


def _close(a: float, b: float) -> bool:
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= AGREEMENT_TOLERANCE * max(1.0, abs(a), abs(b))


def ftc_check(
    function: PreparedFunction,
    anchor: float,
    x0: float,
    antiderivative: PreparedFunction | None = None,
    singularities: Sequence[Singularity] = (),
) -> FtcCheck:
    """Check d/dx ∫_anchor^x f = f at ``x0`` (anchor = a, or a finite stand-in for a = ±∞).

    A pole of f between the anchor and x₀ (or at x₀) means F(x₀) does not exist: the check says
    so instead of integrating through the pole.
    """
    low, high = min(anchor, x0), max(anchor, x0)
    for point in singularities:
        if point.kind == POLE and low <= point.x <= high:
            with np.errstate(all="ignore"):
                f_value = float(function.f(np.float64(x0)))
            reason = (
                f"F({format_number(x0)}) does not exist: f has a pole at x = "
                f"{format_number(point.x)}, between a and x₀, that cannot be integrated across"
            )
            return FtcCheck(x0, f_value, math.nan, math.nan, 0.0, None, "", reason)
    F = accumulated(function.f, anchor)
    F_value = float(F(np.array([x0]))[0])
    # F(x) = F(x₀) + ∫_x₀^x f: the slope near x₀ only needs the short piece, which is smooth
    # even when the anchor is singular; the derivative lab's central difference reads it.
    near = accumulated(function.f, x0)
    step = _EPSILON ** (1.0 / 3.0) * max(1.0, abs(x0))
    slope = float(central_difference(lambda x: F_value + near(x), np.array([x0]), step)[0])
    with np.errstate(all="ignore"):
        f_value = float(function.f(np.float64(x0)))
    symbolic = None
    if antiderivative is not None:
        tangent = tangent_at(antiderivative, x0)
        symbolic = tangent.slope if tangent.differentiable else math.nan
    tangent_text = (
        line_equation(f_value, F_value - f_value * x0, function.variable)
        if math.isfinite(f_value) and math.isfinite(F_value)
        else ""
    )
    return FtcCheck(x0, f_value, F_value, slope, step, symbolic, tangent_text)
