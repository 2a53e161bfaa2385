"""What the gradient says at one point P: partials, |∇f|, steepest descent, the level curve's
tangent, the directional derivative D_u f(θ), the partials as slices, the linear approximation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explorer.core.gradient.jumps import break_at_jumps
from explorer.core.gradient.surface import Surface

TWO_PI = 2 * math.pi
DIRECTION_SAMPLES = 361
SLICE_SAMPLES = 241


@dataclass(frozen=True)
class PointAnalysis:
    """f(P) and ∇f(P) = (∂f/∂x, ∂f/∂y) at P = (x, y); NaN where f is undefined at P."""

    x: float
    y: float
    value: float
    df_dx: float
    df_dy: float

    @property
    def gradient(self) -> tuple[float, float]:
        return self.df_dx, self.df_dy

    @property
    def norm(self) -> float:
        """|∇f(P)|: the largest rate of change of f at P over all unit directions."""
        return math.hypot(self.df_dx, self.df_dy)

    @property
    def defined(self) -> bool:
        return all(math.isfinite(v) for v in (self.value, self.df_dx, self.df_dy))

    @property
    def is_stationary(self) -> bool:
        """∇f(P) = 0 (to round-off): no uphill direction, no level-curve tangent."""
        scale = max(1.0, abs(self.value)) if math.isfinite(self.value) else 1.0
        return self.defined and self.norm <= 1e-12 * scale

    @property
    def gradient_angle(self) -> float:
        """θ of ∇f(P) in [0, 2π): the direction of steepest ascent."""
        return math.atan2(self.df_dy, self.df_dx) % TWO_PI

    @property
    def steepest_descent(self) -> tuple[float, float] | None:
        """−∇f/|∇f|: the unit direction in which f falls fastest (None where ∇f = 0)."""
        if not self.defined or self.is_stationary:
            return None
        return -self.df_dx / self.norm, -self.df_dy / self.norm

    @property
    def tangent_direction(self) -> tuple[float, float] | None:
        """A unit tangent of the level curve through P: ∇f turned by 90° (None where ∇f = 0)."""
        if not self.defined or self.is_stationary:
            return None
        return -self.df_dy / self.norm, self.df_dx / self.norm


def analyse_point(surface: Surface, x: float, y: float) -> PointAnalysis:
    """f(P) and ∇f(P) from the autodiff core."""
    numbers = list(surface.value_and_gradient_at(x, y))
    if not math.isfinite(numbers[0]):
        numbers = [math.nan] * 3
    return PointAnalysis(float(x), float(y), *numbers)


def unit_vector(theta: float) -> tuple[float, float]:
    return math.cos(theta), math.sin(theta)


def directional_derivative(analysis: PointAnalysis, theta: float) -> float:
    """D_u f(P) = ∇f(P)·u for u = (cos θ, sin θ) = |∇f| cos(angle between u and ∇f)."""
    ux, uy = unit_vector(theta)
    return analysis.df_dx * ux + analysis.df_dy * uy


def directional_curve(
    analysis: PointAnalysis, samples: int = DIRECTION_SAMPLES
) -> tuple[np.ndarray, np.ndarray]:
    """θ over [0, 2π) and D_u f(P) at each: the seed's |∇f| cos θ argument as a curve."""
    theta, cos, sin = _angles(samples)
    return theta, analysis.df_dx * cos + analysis.df_dy * sin


@lru_cache(maxsize=4)
def _angles(samples: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """θ over [0, 2π) and its cosine and sine, made once per sample count (a drag of P asks on
    every step); read-only, as every caller shares them."""
    theta = np.linspace(0.0, TWO_PI, samples, endpoint=False)
    return _read_only(theta), _read_only(np.cos(theta)), _read_only(np.sin(theta))


def _samples(start: float, stop: float, samples: int) -> np.ndarray:
    """``np.linspace(start, stop, samples)``, read-only and kept for the last few ranges (the
    slices' ranges change only with the view, while P is dragged on every step)."""
    # 0.0 and -0.0 are one key to a cache; the sign tells them apart (the last sample is stop).
    return _linspace(start, stop, samples, math.copysign(1.0, stop))


@lru_cache(maxsize=8)
def _linspace(start: float, stop: float, samples: int, _stop_sign: float) -> np.ndarray:
    return _read_only(np.linspace(start, stop, samples))


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class DirectionExtremes:
    """Where D_u f(P) is largest (θ of ∇f, value |∇f|) and smallest (opposite, −|∇f|)."""

    max_theta: float
    max_value: float
    min_theta: float
    min_value: float


def direction_extremes(analysis: PointAnalysis) -> DirectionExtremes | None:
    if not analysis.defined or analysis.is_stationary:
        return None
    theta = analysis.gradient_angle
    return DirectionExtremes(theta, analysis.norm, (theta + math.pi) % TWO_PI, -analysis.norm)


def tangent_segment(analysis: PointAnalysis, half_length: float) -> tuple[np.ndarray, np.ndarray]:
    """The level curve's tangent line at P, ``half_length`` each way (empty where ∇f = 0)."""
    direction = analysis.tangent_direction
    if direction is None:
        return np.empty(0), np.empty(0)
    steps = np.array([-half_length, half_length])
    return analysis.x + steps * direction[0], analysis.y + steps * direction[1]


@dataclass(frozen=True)
class Slice:
    """f along one coordinate with the other held at P's: t ↦ f(t, y₀) or f(x₀, t).

    ``slope`` is the partial derivative at P: the slope of the slice's tangent there.
    """

    variable: str
    t: np.ndarray
    values: np.ndarray
    at: float
    value: float
    slope: float

    def tangent(self, half_width: float) -> tuple[np.ndarray, np.ndarray]:
        ts = np.array([self.at - half_width, self.at + half_width])
        return ts, self.value + self.slope * (ts - self.at)


def slices(
    surface: Surface,
    analysis: PointAnalysis,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    samples: int = SLICE_SAMPLES,
) -> tuple[Slice, Slice]:
    """f(x, y₀) over ``x_range`` and f(x₀, y) over ``y_range`` through P."""
    xs = _samples(*x_range, samples)
    ys = _samples(*y_range, samples)
    at_y = np.full_like(xs, analysis.y)
    at_x = np.full_like(ys, analysis.x)
    with np.errstate(all="ignore"):
        xs, along_x = break_at_jumps(surface.values, xs, at_y, xs, surface.values(xs, at_y))
        ys, along_y = break_at_jumps(surface.values, at_x, ys, ys, surface.values(at_x, ys))
    return (
        Slice("x", xs, along_x, analysis.x, analysis.value, analysis.df_dx),
        Slice("y", ys, along_y, analysis.y, analysis.value, analysis.df_dy),
    )


@dataclass(frozen=True)
class LinearApproximation:
    """f(P + ε) against L = f(P) + ε·∇f(P), as in the seed's log-sum-exp cell."""

    epsilon: tuple[float, float]
    value_at_point: float
    approximation: float
    true_value: float

    @property
    def difference(self) -> float:
        """f(P + ε) − L: what the tangent plane misses (second order in |ε|)."""
        return self.true_value - self.approximation

    def seed_text(self) -> str:
        """The seed's printed line with our numbers: ``approximation: 1.0819, true Value: …``."""
        return f"approximation: {self.approximation:.4f}, true value: {self.true_value:.4f}"


def linear_approximation(
    surface: Surface, analysis: PointAnalysis, epsilon: tuple[float, float]
) -> LinearApproximation:
    eps_x, eps_y = (float(e) for e in epsilon)
    approximation = analysis.value + eps_x * analysis.df_dx + eps_y * analysis.df_dy
    true_value = surface.value(analysis.x + eps_x, analysis.y + eps_y)
    return LinearApproximation((eps_x, eps_y), analysis.value, approximation, true_value)


def tangent_plane(analysis: PointAnalysis, grid_x: np.ndarray, grid_y: np.ndarray) -> np.ndarray:
    """L(x, y) = f(P) + ∇f(P)·((x, y) − P) on arrays."""
    return (
        analysis.value
        + analysis.df_dx * (grid_x - analysis.x)
        + analysis.df_dy * (grid_y - analysis.y)
    )


def within_tolerance(
    z: np.ndarray, xs: np.ndarray, ys: np.ndarray, analysis: PointAnalysis, tolerance: float
) -> np.ndarray:
    """Where |f − L| ≤ ``tolerance`` on a grid (``z[i, j]`` at ``(xs[j], ys[i])``)."""
    if not analysis.defined:
        return np.zeros(z.shape, dtype=bool)
    plane = tangent_plane(analysis, xs[None, :], ys[:, None])
    # In place: one grid-sized temporary instead of three (this runs on every drag step).
    difference = np.subtract(z, plane, out=plane)
    with np.errstate(invalid="ignore"):
        return np.abs(difference, out=difference) <= tolerance


def right_angle_marker(analysis: PointAnalysis, size: float) -> tuple[np.ndarray, np.ndarray]:
    """The little square at P between the level curve's tangent and ∇f (empty where ∇f = 0).

    Three points P + s·t, P + s·t + s·g, P + s·g (t the unit tangent, g the unit gradient): drawn
    as a polyline, they close the right angle with the two lines through P.
    """
    tangent = analysis.tangent_direction
    if tangent is None:
        return np.empty(0), np.empty(0)
    gx, gy = analysis.df_dx / analysis.norm, analysis.df_dy / analysis.norm
    tx, ty = tangent
    xs = analysis.x + size * np.array([tx, tx + gx, gx])
    ys = analysis.y + size * np.array([ty, ty + gy, gy])
    return xs, ys
