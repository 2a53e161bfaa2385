"""What happened to one racer, in words: diverged, stopped at a pole, oscillating, and which kind of
critical point it reached (local minimum, saddle, maximum) from the curvature there.

In 2-D the curvature and its verdict are the Gradient lab's: the Hessian from the second
partials' formulas (``Surface.hessian``) and the second-derivative test of
``explorer.core.gradient.critical.classify``. In 1-D f″ comes from central differences of the
exact f′ and its sign decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.descent.objective import Objective
from explorer.core.descent.race import Trajectory, point_text
from explorer.core.gradient.critical import classify
from explorer.core.gradient.surface import Surface
from explorer.core.text import format_number

DEFAULT_TOLERANCE = 1e-3
# A coordinate whose step changed sign this many times in a row is named as oscillating.
OSCILLATION_RUN = 3
# |f″| at most this (relative to max(|f″|, 1)) counts as zero curvature in 1-D, as in classify.
FLAT_CURVATURE = 1e-6
# A racer "almost stopped" where ‖∇f‖ fell below this fraction of its size at both ends.
SLOWDOWN = 0.1


@dataclass(frozen=True)
class Finding:
    kind: str  # "diverged", "undefined", "unbounded", "oscillation", "minimum", "saddle", …
    message: str


@dataclass(frozen=True)
class Curvature:
    """The Hessian at a point, its eigenvalues (ascending), eigenvectors (columns) and the
    second-derivative test's verdict: minimum, maximum, saddle or degenerate."""

    hessian: np.ndarray
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray
    kind: str


def curvature(objective: Objective, point: np.ndarray) -> Curvature:
    """The curvature of f at ``point`` (the Gradient lab's Hessian and test in 2-D)."""
    point = np.asarray(point, dtype=np.float64)
    if objective.dimension == 2:
        with np.errstate(all="ignore"):
            hessian = np.asarray(Surface(objective.expression).hessian(*point), dtype=np.float64)
    else:
        h = 1e-5 * max(abs(float(point[0])), 1.0)
        _, gradients = objective.value_and_gradient(np.array([[point[0] + h], [point[0] - h]]))
        hessian = np.array([[(gradients[0, 0] - gradients[1, 0]) / (2 * h)]])
    if not np.all(np.isfinite(hessian)):
        size = len(point)
        nan = np.full(size, np.nan)
        return Curvature(hessian, nan, np.full((size, size), np.nan), "degenerate")
    eigenvalues, eigenvectors = np.linalg.eigh(hessian)
    if objective.dimension == 2:
        kind = classify((float(eigenvalues[0]), float(eigenvalues[1])))
    else:
        second = float(eigenvalues[0])
        flat = abs(second) <= FLAT_CURVATURE * max(abs(second), 1.0)
        kind = "degenerate" if flat else ("minimum" if second > 0 else "maximum")
    return Curvature(hessian, eigenvalues, eigenvectors, kind)


def _vector_text(vector: np.ndarray) -> str:
    return "(" + ", ".join(format_number(float(v), 3) for v in vector) + ")"


def critical_point_finding(
    objective: Objective, trajectory: Trajectory, tolerance: float
) -> Finding | None:
    """Name the critical point the racer ended at, if its gradient is within ``tolerance``."""
    step = trajectory.steps_done
    gradient_norm = float(np.linalg.norm(trajectory.gradients[step]))
    if trajectory.stop is not None or not gradient_norm <= tolerance:
        return None
    point = trajectory.points[step]
    where = f"{point_text(point)}, f = {format_number(float(trajectory.losses[step]))}"
    found = curvature(objective, point)
    values = found.eigenvalues
    if objective.dimension == 1:
        second = f"f″ = {format_number(float(values[0]), 3)}"
        messages = {
            "minimum": f"reached a local minimum at {where} ({second} > 0)",
            "maximum": f"stuck at a local maximum at {where} ({second} < 0): any nudge escapes",
            "degenerate": f"stopped at a flat critical point at {where} ({second}): f′ = 0 and "
            "the second derivative test cannot tell its kind",
        }
        return Finding(found.kind, messages[found.kind])
    curvatures = " and ".join(format_number(float(v), 3) for v in values)
    messages = {
        "minimum": f"reached a local minimum at {where} (curvatures {curvatures}, all positive)",
        "maximum": f"stuck at a local maximum at {where} (curvatures {curvatures}, all negative)",
        "saddle": f"stuck at a saddle point at {where}: f curves up along "
        f"{_vector_text(found.eigenvectors[:, -1])} and down along "
        f"{_vector_text(found.eigenvectors[:, 0])}; a nudge along the second escapes",
        "degenerate": f"stopped at a degenerate critical point at {where} (curvatures "
        f"{curvatures}): the second derivative test cannot tell its kind",
    }
    return Finding(found.kind, messages[found.kind])


def passed_saddle_finding(objective: Objective, trajectory: Trajectory) -> Finding | None:
    """A racer that slowed almost to a stop at a saddle on its way and then escaped."""
    step = trajectory.steps_done
    norms = np.linalg.norm(trajectory.gradients[: step + 1], axis=1)
    if step < 2 or not np.all(np.isfinite(norms)):
        return None
    slowest = int(np.argmin(norms))
    if slowest in (0, step) or norms[slowest] > SLOWDOWN * max(norms[0], norms[step]):
        return None
    point = trajectory.points[slowest]
    found = curvature(objective, point)
    if found.kind != "saddle":
        return None
    # One Newton step from the slowest point locates the saddle itself (exact for a quadratic).
    saddle = point - np.linalg.solve(found.hessian, trajectory.gradients[slowest])
    saddle[np.abs(saddle) < 1e-9 * max(float(np.max(np.abs(point))), 1.0)] = 0.0  # round-off
    return Finding(
        "saddle",
        f"passed near the saddle point {point_text(saddle)}: it slowed to ‖∇f‖ = "
        f"{format_number(float(norms[slowest]), 3)} at step {slowest}, then escaped along "
        f"{_vector_text(found.eigenvectors[:, 0])}, where f curves down",
    )


def oscillation_finding(trajectory: Trajectory) -> Finding | None:
    """Name coordinates whose step kept reversing direction (zig-zag across a valley)."""
    step = trajectory.steps_done
    if step < OSCILLATION_RUN + 1:
        return None
    moves = np.diff(trajectory.points[: step + 1], axis=0)
    scale = max(float(np.max(np.abs(trajectory.points[0]))), 1.0)
    names = ("x",) if moves.shape[1] == 1 else ("x", "y")
    oscillating = []
    for column, name in enumerate(names):
        signs = np.sign(np.where(np.abs(moves[:, column]) > 1e-12 * scale, moves[:, column], 0))
        reversals = (signs[1:] * signs[:-1]) < 0
        longest, run, first = 0, 0, 0
        for index, reversed_here in enumerate(reversals):
            run = run + 1 if reversed_here else 0
            if run > longest:
                longest, first = run, index - run + 2
        if longest >= OSCILLATION_RUN:
            total = int(np.count_nonzero(reversals))
            oscillating.append((name, total, first, first + longest))
    if not oscillating:
        return None
    parts = [
        f"in {name} the step reversed direction {total} times (steps {first}–{last} in a row)"
        for name, total, first, last in oscillating
    ]
    return Finding("oscillation", "oscillating: " + "; ".join(parts))


def diagnose(
    objective: Objective, trajectory: Trajectory, tolerance: float = DEFAULT_TOLERANCE
) -> list[Finding]:
    """Everything worth saying about a racer, most important first."""
    findings = []
    if trajectory.stop is not None:
        findings.append(Finding(trajectory.stop.kind, trajectory.stop.message))
    oscillation = oscillation_finding(trajectory)
    if oscillation is not None:
        findings.append(oscillation)
    critical = critical_point_finding(objective, trajectory, tolerance)
    passed = passed_saddle_finding(objective, trajectory) if critical is None else None
    if passed is not None:
        findings.append(passed)
    if critical is not None:
        findings.append(critical)
    elif trajectory.stop is None:
        norm = float(np.linalg.norm(trajectory.gradients[trajectory.steps_done]))
        findings.append(
            Finding(
                "moving",
                f"did not converge in {trajectory.steps_done} steps: ‖∇f‖ = "
                f"{format_number(norm, 3)} > {format_number(tolerance)}",
            )
        )
    return findings
