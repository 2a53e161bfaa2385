"""Predict the next point, then reveal it: a guessed point scored against the racer's real step.

The Descent tab lets a learner place (click or drag) where one more step will land before it is
taken. The answer is the trajectory's own next point (the optimizer's update, computed by the
race); a guess is right within a small share of the step's length, and the two usual mistakes are
named: a sign error (stepping along +∇f lands at the mirror image of the answer about the start)
and an overshoot not expected (the step jumps past the minimum, where the gradient turns round,
while the guess stopped short on the way there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.core.descent.race import Trajectory

# A guess within this share of the step's length counts as right; a mistake's point likewise.
RIGHT_SHARE = 0.05
MISTAKE_SHARE = 0.15
SIGN = "sign"
OVERSHOOT = "overshoot"


@dataclass(frozen=True)
class StepVerdict:
    """The scored guess: right or not, the real next point, how far off, the mistake if named."""

    correct: bool
    start: tuple[float, ...]
    answer: tuple[float, ...]
    distance: float  # from the guess to the answer
    step_length: float  # from the start to the answer
    mistake: str | None = None


def score_next_point(trajectory: Trajectory, step: int, guess: Sequence[float]) -> StepVerdict:
    """Score ``guess`` for the point after step ``step`` of ``trajectory`` (step + 1 must exist).

    Raises ``ValueError`` when there is no next step to predict (the racer stopped, or the guess
    has the wrong number of coordinates).
    """
    if not 0 <= step < trajectory.steps_done:
        raise ValueError("there is no next step to predict here: the race ends at this step")
    start = np.asarray(trajectory.points[step], dtype=float)
    answer = np.asarray(trajectory.points[step + 1], dtype=float)
    guessed = np.asarray(guess, dtype=float)
    if guessed.shape != start.shape or not np.all(np.isfinite(guessed)):
        raise ValueError(f"a prediction is a point with {start.size} finite coordinate(s)")
    length = float(np.linalg.norm(answer - start))
    distance = float(np.linalg.norm(guessed - answer))
    # A zero step (a stationary start) is right only where it stays put.
    scale = max(length, 1e-12 * max(1.0, float(np.linalg.norm(start))))
    verdict = _verdict(start, answer, guessed, length, distance)
    if distance <= RIGHT_SHARE * scale:
        return verdict(True, None)
    mirror = 2 * start - answer
    if length > 0 and float(np.linalg.norm(guessed - mirror)) <= MISTAKE_SHARE * length:
        return verdict(False, SIGN)
    if length > 0 and _crosses(trajectory, step) and _stops_short(start, answer, guessed):
        return verdict(False, OVERSHOOT)
    return verdict(False, None)


def _verdict(start, answer, guessed, length: float, distance: float):  # noqa: ANN001, ANN202
    def made(correct: bool, mistake: str | None) -> StepVerdict:
        return StepVerdict(
            correct, tuple(map(float, start)), tuple(map(float, answer)), distance, length, mistake
        )

    return made


def _crosses(trajectory: Trajectory, step: int) -> bool:
    """The step jumps past a stationary point: the gradient turns round (negative dot product)."""
    before = np.asarray(trajectory.gradients[step], dtype=float)
    after = np.asarray(trajectory.gradients[step + 1], dtype=float)
    return bool(np.all(np.isfinite(before)) and np.all(np.isfinite(after)) and before @ after < 0)


def _stops_short(start: np.ndarray, answer: np.ndarray, guessed: np.ndarray) -> bool:
    """The guess lies along the step's direction but before the point where the step lands."""
    direction = answer - start
    along = float((guessed - start) @ direction) / float(direction @ direction)
    across = float(np.linalg.norm(guessed - start - along * direction))
    return 0 < along < 1 - RIGHT_SHARE and across <= MISTAKE_SHARE * float(
        np.linalg.norm(direction)
    )
