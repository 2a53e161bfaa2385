"""The Descent panel's state (what a session saves) and the timeline that plays a computed race.

``DescentState`` holds the learner's choices: f, the start, each racer's kind, switch and
hyperparameters, the number of steps and where the timeline stands. ``race_for`` runs the race
those choices describe; the panel redraws from ``(state, race)`` alone, so stepping back or
scrubbing to step k shows exactly what step k showed the first time.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from explorer.core.descent.objective import Objective, parse_objective
from explorer.core.descent.optimizers import RACE_KINDS, OptimizerSettings, default_settings
from explorer.core.descent.presets import Preset
from explorer.core.descent.race import Race, run_race

MAX_STEPS = 5000


@dataclass(frozen=True)
class Racer:
    settings: OptimizerSettings
    enabled: bool = True


def default_racers() -> tuple[Racer, ...]:
    return tuple(Racer(default_settings(kind)) for kind in RACE_KINDS)


@dataclass(frozen=True)
class DescentState:
    expression: str = "x^2 + 2y^2"
    start: tuple[float, ...] = (-5.0, -2.0)
    racers: tuple[Racer, ...] = field(default_factory=default_racers)
    steps: int = 50
    frame: int = 0  # the timeline's step: every racer is drawn after this many steps
    speed: float = 10.0  # steps per second while playing
    selected: str = "gd"  # the racer "explain this step" describes
    tolerance: float = 1e-3  # ‖∇f‖ that counts as arrived (results table)
    preset: str = ""

    def __post_init__(self) -> None:
        if len(self.start) not in (1, 2) or not all(math.isfinite(v) for v in self.start):
            raise ValueError(f"start must be one or two finite numbers, got {self.start}")
        if not 0 <= self.steps <= MAX_STEPS:
            raise ValueError(f"steps must be between 0 and {MAX_STEPS}, got {self.steps}")
        if not self.speed > 0 or not self.tolerance > 0:
            raise ValueError("speed and tolerance must be positive")
        if not 0 <= self.frame <= self.steps:
            raise ValueError(f"frame must be between 0 and steps ({self.steps}), got {self.frame}")

    def enabled_settings(self) -> tuple[OptimizerSettings, ...]:
        return tuple(racer.settings for racer in self.racers if racer.enabled)

    def with_settings(self, settings: OptimizerSettings) -> DescentState:
        """Replace the racer of ``settings.kind`` (its switch stays as it was)."""
        racers = tuple(
            replace(racer, settings=settings) if racer.settings.kind == settings.kind else racer
            for racer in self.racers
        )
        return replace(self, racers=racers)

    def with_enabled(self, kind: str, enabled: bool) -> DescentState:
        racers = tuple(
            replace(racer, enabled=enabled) if racer.settings.kind == kind else racer
            for racer in self.racers
        )
        return replace(self, racers=racers)

    def step_back(self) -> DescentState:
        return replace(self, frame=max(self.frame - 1, 0))

    def step_forward(self, last: int) -> DescentState:
        return replace(self, frame=min(self.frame + 1, last))


def state_from_preset(preset: Preset, state: DescentState | None = None) -> DescentState:
    """The preset's f, start, steps and racers; kinds it does not race are switched off."""
    base = state or DescentState()
    chosen = {settings.kind: settings for settings in preset.racers}
    racers = tuple(
        Racer(chosen.get(racer.settings.kind, racer.settings), racer.settings.kind in chosen)
        for racer in base.racers
    )
    return replace(
        base,
        expression=preset.expression,
        start=preset.start,
        racers=racers,
        steps=preset.steps,
        frame=0,
        selected=preset.racers[0].kind,
        preset=preset.name,
    )


def race_for(state: DescentState, objective: Objective | None = None) -> Race:
    """Run the race ``state`` describes (parsing f unless ``objective`` is given)."""
    objective = objective or parse_objective(state.expression)
    start = tuple(state.start[: objective.dimension])
    if len(start) < objective.dimension:
        start = start + (0.0,) * (objective.dimension - len(start))
    steps = max(0, min(int(state.steps), MAX_STEPS))
    return run_race(objective, start, state.enabled_settings(), steps)


def playback(frame: int, last: int) -> Iterator[int]:
    """The frames an animation shows from ``frame`` to ``last`` (one step each tick)."""
    while frame < last:
        frame += 1
        yield frame


def frame_steps(last: int, count: int) -> list[int]:
    """``count`` timeline steps spread evenly from 0 to ``last`` (each step once at most)."""
    if count <= 1 or last == 0:
        return [last]
    return sorted({round(i * last / (count - 1)) for i in range(count)})
