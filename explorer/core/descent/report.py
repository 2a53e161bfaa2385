"""The race's results as rows (panel table), plain text (CLI) and JSON: final point, loss, how many
steps to reach the tolerance, whether it diverged, and the diagnosis."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.descent.diagnosis import Finding, diagnose
from explorer.core.descent.explain import vector_text
from explorer.core.descent.race import Race, Trajectory, point_text
from explorer.core.text import format_number

# What the results table's status column says for each kind of finding.
STATUS_WORDS = {
    "running": "running",
    "moving": "did not converge",
    "minimum": "local minimum",
    "maximum": "local maximum",
    "saddle": "saddle point",
    "degenerate": "degenerate critical point",
    "oscillation": "oscillating",
    "diverged": "diverged",
    "undefined": "stopped: f undefined",
    "unbounded": "unbounded below",
}


@dataclass(frozen=True)
class ResultRow:
    """One racer's line of the results table, as it reads at ``step`` of the timeline."""

    name: str  # "Adam"
    label: str  # "Adam (η = 0.1, β₁ = 0.9, β₂ = 0.999)"
    point: str
    loss: str
    gradient_norm: str
    steps_to_tolerance: str
    status: str
    findings: tuple[Finding, ...]


def _steps_text(trajectory: Trajectory, tolerance: float, step: int) -> str:
    reached = trajectory.steps_to_tolerance(tolerance)
    return "—" if reached is None or reached > step else str(reached)


def race_findings(race: Race, tolerance: float) -> list[tuple[Finding, ...]]:
    """The diagnosis of every racer (computed once per race; the panel keeps it)."""
    return [tuple(diagnose(race.objective, t, tolerance)) for t in race.trajectories]


def result_rows(
    race: Race,
    step: int,
    tolerance: float,
    findings: list[tuple[Finding, ...]] | None = None,
) -> list[ResultRow]:
    """Rows for the timeline at ``step``; the diagnosis once a racer has run all its steps.

    ``findings`` is ``race_findings(race, tolerance)`` when the caller has it already."""
    if findings is None:
        findings = race_findings(race, tolerance)
    rows = []
    for trajectory, diagnosis in zip(race.trajectories, findings, strict=True):
        shown = min(step, trajectory.steps_done)
        finished = step >= trajectory.steps_done
        findings_now = diagnosis if finished else ()
        if trajectory.stop is not None and finished:
            status = trajectory.stop.kind
        elif findings_now:
            status = findings_now[-1].kind
        else:
            status = "running"
        rows.append(
            ResultRow(
                trajectory.label,
                trajectory.settings.describe(),
                vector_text(trajectory.points[shown], 4),
                format_number(trajectory.loss(shown), 4),
                format_number(float(np.linalg.norm(trajectory.gradients[shown])), 3),
                _steps_text(trajectory, tolerance, shown),
                STATUS_WORDS[status],
                findings_now,
            )
        )
    return rows


def _json_number(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def race_json(race: Race, tolerance: float) -> dict[str, Any]:
    """Everything the CLI's --json prints; non-finite numbers are null."""
    racers = []
    for trajectory, diagnosis in zip(
        race.trajectories, race_findings(race, tolerance), strict=True
    ):
        last = trajectory.steps_done
        stop = trajectory.stop
        racers.append(
            {
                "name": trajectory.label,
                "kind": trajectory.settings.kind,
                "torch_optim": trajectory.settings.spec.torch_class.__name__,
                "settings": {
                    key: list(value) if isinstance(value, tuple) else value
                    for key, value in trajectory.settings.torch_arguments().items()
                },
                "steps_done": last,
                "final_point": [_json_number(v) for v in trajectory.points[last]],
                "loss": _json_number(float(trajectory.losses[last])),
                "gradient_norm": _json_number(float(np.linalg.norm(trajectory.gradients[last]))),
                "steps_to_tolerance": trajectory.steps_to_tolerance(tolerance),
                "diverged": stop is not None and stop.kind == "diverged",
                "stopped": None
                if stop is None
                else {"step": stop.step, "kind": stop.kind, "message": stop.message},
                "findings": [
                    {"kind": finding.kind, "message": finding.message} for finding in diagnosis
                ],
            }
        )
    return {
        "function": race.objective.text,
        "variables": list(race.objective.variables),
        "start": [float(v) for v in race.start],
        "steps": race.steps,
        "tolerance": tolerance,
        "optimizers": racers,
    }


def race_text(race: Race, tolerance: float) -> str:
    """The CLI's summary: one block per racer, its end point, loss and what happened."""
    objective = race.objective
    lines = [
        f"f({', '.join(objective.variables)}) = {objective.display()}",
        f"start {point_text(race.start)}, {race.steps} steps, tolerance ‖∇f‖ ≤ "
        f"{format_number(tolerance)}",
    ]
    for row, trajectory in zip(
        result_rows(race, race.steps, tolerance), race.trajectories, strict=True
    ):
        lines.append("")
        lines.append(f"{row.label}")
        final = trajectory.points[trajectory.steps_done]
        lines.append(f"  after {trajectory.steps_done} steps: {point_text(final)}")
        lines.append(f"  f = {row.loss}, ‖∇f‖ = {row.gradient_norm}")
        reached = trajectory.steps_to_tolerance(tolerance)
        lines.append(
            "  never reached the tolerance"
            if reached is None
            else f"  reached the tolerance at step {reached}"
        )
        lines += [f"  {finding.message}" for finding in row.findings]
    return "\n".join(lines)
