"""Run optimizers from one start on a typed f and keep every step, for a timeline that can go back.

The whole race is computed up front (a few hundred microseconds a step for five racers): each
trajectory holds its points, losses and gradients as arrays, plus every number of every update
(the optimizer's state after the step and what ``update`` computed on the way), so stepping back,
scrubbing and "explain this step" read arrays instead of recomputing. Each step calls the
``torch.optim`` class's own ``update`` on numpy values, the lines ``optimizer.step()`` runs.

A racer stops when its next point has no finite f or ∇f (a pole, outside the domain), when it
diverges (the loss rose on each of the last few steps and is far above where it started), or when
it leaves every bound (f decreasing without end, as along the saddle x² − y²).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from explorer.core.descent.objective import Objective
from explorer.core.descent.optimizers import OptimizerSettings, parameter_group
from explorer.core.text import format_number

# Divergence: the loss rose on each of the last RISING_STEPS steps and is more than
# DIVERGED_FACTOR × max(|f(start)|, 1) above f(start).
RISING_STEPS = 3
DIVERGED_FACTOR = 10.0
# Leaving every bound: this far from the start (relative to max(|start|, 1)).
ESCAPE_DISTANCE = 1e6


@dataclass(frozen=True)
class Stop:
    """Why a racer stopped before the last step: its step number, a kind and a sentence."""

    step: int
    kind: str  # "diverged", "undefined" or "unbounded"
    message: str


@dataclass
class Trajectory:
    """One racer's path: row k of each array is after k steps (rows past ``steps_done`` unused)."""

    settings: OptimizerSettings
    points: np.ndarray  # (steps + 1, d)
    losses: np.ndarray  # (steps + 1,)
    gradients: np.ndarray  # (steps + 1, d): ∇f at points[k]
    # Per step k = 1 … steps, row k − 1: the optimizer's state after the step (exp_avg, …) and
    # the numbers update() computed (m_hat, v_hat, direction, …), as PyTorch names them.
    records: dict[str, np.ndarray] = field(default_factory=dict)
    steps_done: int = 0
    stop: Stop | None = None

    @property
    def label(self) -> str:
        return self.settings.label

    def point(self, step: int) -> np.ndarray:
        """The point after ``step`` steps (the last one reached if it stopped earlier)."""
        return self.points[min(step, self.steps_done)]

    def loss(self, step: int) -> float:
        return float(self.losses[min(step, self.steps_done)])

    def record(self, name: str, step: int) -> np.ndarray | None:
        """A number of step ``step`` (1-based), or None when this optimizer has no such number."""
        values = self.records.get(name)
        if values is None or not 1 <= step <= self.steps_done:
            return None
        return values[step - 1]

    def steps_to_tolerance(self, tolerance: float) -> int | None:
        """The first step whose gradient norm is at most ``tolerance`` (0: the start), or None."""
        norms = np.linalg.norm(self.gradients[: self.steps_done + 1], axis=1)
        reached = np.flatnonzero(norms <= tolerance)
        return int(reached[0]) if reached.size else None


@dataclass
class Race:
    objective: Objective
    start: np.ndarray
    steps: int
    trajectories: list[Trajectory]

    @property
    def longest(self) -> int:
        """The last step any racer reached (the timeline's end)."""
        return max((t.steps_done for t in self.trajectories), default=0)


def point_text(point: Sequence[float]) -> str:
    """``x = 0.5`` in 1-D, ``(x, y) = (−0.0576, 0.0001)`` in 2-D."""
    if len(point) == 1:
        return f"x = {format_number(float(point[0]))}"
    return "(x, y) = (" + ", ".join(format_number(float(v)) for v in point) + ")"


def run_race(
    objective: Objective,
    start: Sequence[float],
    racers: Sequence[OptimizerSettings],
    steps: int,
) -> Race:
    """Run every racer ``steps`` steps from ``start`` (each on its own copy of the point)."""
    dimension = objective.dimension
    start_point = np.asarray(start, dtype=np.float64).reshape(dimension)
    count = len(racers)
    trajectories = [
        Trajectory(
            settings,
            np.full((steps + 1, dimension), np.nan),
            np.full(steps + 1, np.nan),
            np.full((steps + 1, dimension), np.nan),
        )
        for settings in racers
    ]
    race = Race(objective, start_point, steps, trajectories)
    if not count:
        return race
    values, gradients = objective.value_and_gradient(np.tile(start_point, (count, 1)))
    for trajectory in trajectories:
        trajectory.points[0] = start_point
        trajectory.losses[0] = values[0]
        trajectory.gradients[0] = gradients[0]
        if not (np.isfinite(values[0]) and np.all(np.isfinite(gradients[0]))):
            trajectory.stop = _undefined_stop(0, start_point, values[0])
    groups = [parameter_group(settings) for settings in racers]
    updates = [settings.spec.torch_class.update for settings in racers]
    states: list[dict] = [{} for _ in racers]
    numbers: list[list[dict]] = [[] for _ in racers]
    scale = max(float(np.max(np.abs(start_point))), 1.0)
    active = [i for i, t in enumerate(trajectories) if t.stop is None]
    current = {i: gradients[i] for i in active}
    for step in range(1, steps + 1):
        if not active:
            break
        moved = np.empty((len(active), dimension))
        for row, i in enumerate(active):
            result = updates[i](trajectories[i].points[step - 1], current[i], states[i], groups[i])
            states[i] = {**states[i], **result.state}
            numbers[i].append({**result.state, **result.details})
            moved[row] = result.param
        values, gradients = objective.value_and_gradient(moved)
        # Checked for the whole batch at once: per-racer numpy calls would cost more than a step.
        suspect = ~(np.isfinite(values) & np.all(np.isfinite(gradients), axis=1))
        suspect |= np.max(np.abs(moved - start_point), axis=1) > ESCAPE_DISTANCE * scale
        still = []
        for row, i in enumerate(active):
            trajectory = trajectories[i]
            trajectory.points[step] = moved[row]
            trajectory.losses[step] = values[row]
            trajectory.gradients[step] = gradients[row]
            trajectory.steps_done = step
            if suspect[row]:
                trajectory.stop = _stop_after(trajectory, step, scale)
            elif values[row] > trajectory.losses[step - 1]:
                trajectory.stop = _divergence(trajectory, step)
            if trajectory.stop is None:
                still.append(i)
                current[i] = gradients[row]
        active = still
    for trajectory, kept in zip(trajectories, numbers, strict=True):
        trajectory.records = _stacked(kept)
    return race


def _stacked(numbers: list[dict]) -> dict[str, np.ndarray]:
    """Each named number over the steps as one array (row k − 1 for step k)."""
    if not numbers:
        return {}
    return {
        name: np.array([step[name] for step in numbers], dtype=np.float64)
        for name, value in numbers[0].items()
        if name != "step" and value is not None
    }


def _undefined_stop(step: int, point: np.ndarray, value: float) -> Stop:
    where = point_text(point)
    if np.isfinite(value):
        what = "∇f is undefined there (f has no slope at that point)"
    elif np.isinf(value):
        what = "f is infinite there (a pole)"
    else:
        what = "f is undefined there (a pole or outside f's domain)"
    if step == 0:
        return Stop(0, "undefined", f"cannot start at {where}: {what}")
    return Stop(step, "undefined", f"stopped at step {step}: it reached {where}, and {what}")


def _stop_after(trajectory: Trajectory, step: int, scale: float) -> Stop | None:
    point = trajectory.points[step]
    loss = trajectory.losses[step]
    if not np.all(np.isfinite(point)):
        return Stop(step, "diverged", f"diverged at step {step}: the point overflowed")
    if not (np.isfinite(loss) and np.all(np.isfinite(trajectory.gradients[step]))):
        return _undefined_stop(step, point, loss)
    if np.max(np.abs(point - trajectory.points[0])) > ESCAPE_DISTANCE * scale:
        if loss > trajectory.losses[0]:
            return Stop(
                step,
                "diverged",
                f"diverged at step {step}: the steps grew without bound, to "
                f"{point_text(point)} with f = {format_number(float(loss))}; the learning rate "
                "is too large for this curvature: reduce it",
            )
        return Stop(
            step,
            "unbounded",
            f"diverging to −∞, stopped at step {step}: it left every bound at "
            f"{point_text(point)} with f = {format_number(float(loss))}; f decreases without "
            "end in this direction, so there is no minimum to find there",
        )
    return _divergence(trajectory, step)


def _divergence(trajectory: Trajectory, step: int) -> Stop | None:
    if step < RISING_STEPS:
        return None
    losses = trajectory.losses[step - RISING_STEPS : step + 1]
    start_loss = trajectory.losses[0]
    if not np.all(np.diff(losses) > 0):
        return None
    if losses[-1] - start_loss <= DIVERGED_FACTOR * max(abs(start_loss), 1.0):
        return None
    moves = np.diff(trajectory.points[step - RISING_STEPS : step + 1], axis=0)
    overshooting = np.any(np.sum(moves[1:] * moves[:-1], axis=1) < 0) or np.any(
        np.all(moves[1:] * moves[:-1] < 0, axis=0)
    )
    reason = (
        "learning rate too large for this curvature: each step jumps past the minimum and "
        "lands higher up the other side"
        if overshooting
        else "the loss keeps rising: the steps are too large (learning rate or momentum)"
    )
    rise = (
        f" (f rose from {format_number(float(start_loss))} to {format_number(float(losses[-1]))})"
    )
    return Stop(
        step, "diverged", f"diverged at step {step}: {reason}{rise}; reduce the learning rate"
    )
