"""What the Descent views draw, computed without Qt: the view box around a race, the 1-D step along
the tangent (the linear approximation the step trusts), and the loss-vs-step curves for a log
axis."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.derivative.tangent import Tangent
from explorer.core.descent.race import Race, Trajectory

# Margin around the paths (fraction of their span) and the smallest span shown: wider in 1-D,
# where the shape of f around the path is what the learner reads.
VIEW_MARGIN = 0.15
MIN_SPAN = {1: 4.0, 2: 2.0}
# Points farther than this many start-scales are left out of the view (a diverging path).
VIEW_LIMIT = 50.0


def settled(race: Race) -> list[Trajectory]:
    """The racers that ran to the end: the view and the loss axis are fitted to them, so one
    that diverged leaves the picture instead of shrinking everyone else to a dot."""
    return [t for t in race.trajectories if t.stop is None] or list(race.trajectories)


def view_bounds(race: Race) -> list[tuple[float, float]]:
    """A (low, high) range per coordinate that holds the start and the settled racers' paths
    (a racer that stopped early contributes its first steps only)."""
    start = race.start
    scale = max(float(np.max(np.abs(start))), 1.0)
    rows = [start[np.newaxis, :]]
    kept = settled(race)
    for trajectory in race.trajectories:
        last = trajectory.steps_done if trajectory in kept else min(trajectory.steps_done, 2)
        rows.append(trajectory.points[: last + 1])
    points = np.vstack(rows)
    near = np.all(np.isfinite(points), axis=1) & np.all(
        np.abs(points - start) <= VIEW_LIMIT * scale, axis=1
    )
    points = points[near]
    bounds = []
    for low, high in zip(points.min(axis=0), points.max(axis=0), strict=True):
        span = max(high - low, MIN_SPAN[len(start)])
        middle = (low + high) / 2
        half = span * (0.5 + VIEW_MARGIN)
        bounds.append((float(middle - half), float(middle + half)))
    return bounds


def curve_y_bounds(race: Race, curve_y: np.ndarray) -> tuple[float, float] | None:
    """1-D: a y range from f's lowest value in view up to the higher of the racers' highest
    loss and f's median in view, so the path and the valley it runs into both fill the plot
    (a steep x⁴ far from the path no longer squeezes them flat)."""
    curve = curve_y[np.isfinite(curve_y)]
    losses = [t.losses[: t.steps_done + 1] for t in settled(race)]
    path = np.concatenate(losses) if losses else np.zeros(0)
    path = path[np.isfinite(path)]
    if not curve.size or not path.size:
        return None
    low = min(float(curve.min()), float(path.min()))
    high = max(float(path.max()), float(np.median(curve)))
    span = max(high - low, 1e-9 * max(abs(low), abs(high), 1.0))
    return (low - 0.08 * span, high + 0.12 * span)


@dataclass(frozen=True)
class TangentStep:
    """One 1-D step drawn on f: the tangent at x_k, where it predicts f(x_{k+1}), the truth."""

    tangent: Tangent
    x_next: float
    predicted: float  # f(x_k) + f′(x_k)(x_{k+1} − x_k): what the linear approximation promises
    actual: float  # f(x_{k+1})

    @property
    def gap(self) -> float:
        """How far the true f(x_{k+1}) is above the tangent's promise (positive: worse)."""
        return self.actual - self.predicted


def tangent_step(trajectory: Trajectory, step: int) -> TangentStep | None:
    """The step from ``step`` to ``step + 1`` of a 1-D racer, or None when there is none."""
    if not 0 <= step < trajectory.steps_done:
        return None
    x0 = float(trajectory.points[step, 0])
    y0 = float(trajectory.losses[step])
    slope = float(trajectory.gradients[step, 0])
    tangent = Tangent(x0, y0, slope, differentiable=True)
    x_next = float(trajectory.points[step + 1, 0])
    predicted = float(tangent.line(x_next))
    return TangentStep(tangent, x_next, predicted, float(trajectory.losses[step + 1]))


@dataclass(frozen=True)
class LossCurves:
    """Loss against step. When every loss is positive: f itself, for a log axis. Otherwise (f
    reaches 0 or goes negative, e.g. unbounded below) a log axis cannot show it, so the curves
    are sign(f)·log₁₀(1 + |f|) on a linear axis: still logarithmic in size, with the sign kept."""

    label: str
    curves: tuple[np.ndarray, ...]  # one per racer, length steps_done + 1
    log_axis: bool
    y_range: tuple[float, float] | None  # on the axis (log₁₀ units on a log axis)


def loss_curves(race: Race) -> LossCurves:
    shown = [t.losses[: t.steps_done + 1] for t in race.trajectories]
    finite = [values[np.isfinite(values)] for values in shown]
    lowest = min((float(values.min()) for values in finite if values.size), default=1.0)
    log_axis = lowest > 0
    if log_axis:
        curves = tuple(values.copy() for values in shown)
        label = "f (log scale)"
    else:
        curves = tuple(np.sign(values) * np.log10(1 + np.abs(values)) for values in shown)
        label = "sign(f)·log₁₀(1 + |f|)"
    # The axis fits the settled racers (a diverging one runs off the top).
    kept = {id(t) for t in settled(race)}
    on_axis = [
        np.log10(curve) if log_axis else curve
        for curve, t in zip(curves, race.trajectories, strict=True)
        if id(t) in kept
    ]
    values = np.concatenate([v[np.isfinite(v)] for v in on_axis] or [np.zeros(0)])
    y_range = None
    if values.size:
        low, high = float(values.min()), float(values.max())
        pad = max((high - low) * 0.05, 0.25)
        y_range = (low - pad, high + pad)
    return LossCurves(label, curves, log_axis, y_range)
