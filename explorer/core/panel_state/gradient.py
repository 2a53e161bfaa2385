"""The Gradient panel's state: its own f(x, y), the point P, the direction θ, ε and the toggles."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.core.gradient.presets import PRESETS

MAX_RULE_SIZE = 8
MAX_TOLERANCE = 1e6


@dataclass(frozen=True)
class GradientState:
    """What the user sets on the Gradient panel (slider parameters are window state).

    ``theta`` is the direction u = (cos θ, sin θ) in radians, kept in [0, 2π); ``epsilon`` is the
    step of the linear approximation; the map shades where |f − L| ≤ ``tolerance`` when
    ``show_tolerance`` is on. ``rule_sizes`` (n, m) and ``rule_seed`` pick the vector rules' A and
    x. ``x_range`` and ``y_range`` are the map's view.
    """

    expression: str = PRESETS[0].expression
    point: tuple[float, float] = PRESETS[0].point
    x_range: tuple[float, float] = PRESETS[0].x_range
    y_range: tuple[float, float] = PRESETS[0].y_range
    theta: float = 0.0
    epsilon: tuple[float, float] = (0.01, -0.03)
    show_field: bool = False
    show_critical_points: bool = True
    show_tolerance: bool = False
    tolerance: float = 0.01
    rule_sizes: tuple[int, int] = (3, 2)
    rule_seed: int = 0

    def __post_init__(self) -> None:
        for name in ("point", "x_range", "y_range", "epsilon"):
            values = tuple(float(v) for v in getattr(self, name))
            if not all(math.isfinite(v) for v in values):
                raise ValueError(f"{name} must be finite numbers")
            object.__setattr__(self, name, values)
        for name in ("x_range", "y_range"):
            low, high = getattr(self, name)
            if not low < high:
                raise ValueError(f"{name} must run from a smaller to a larger number")
        if not math.isfinite(self.theta):
            raise ValueError("theta must be a finite number")
        object.__setattr__(self, "theta", float(self.theta) % (2 * math.pi))
        if not (math.isfinite(self.tolerance) and 0 < self.tolerance <= MAX_TOLERANCE):
            raise ValueError(f"tolerance must be a positive number up to {MAX_TOLERANCE:g}")
        if not all(1 <= size <= MAX_RULE_SIZE for size in self.rule_sizes):
            raise ValueError(f"rule_sizes must be between 1 and {MAX_RULE_SIZE}")
        if not 0 <= self.rule_seed < 2**32:
            raise ValueError("rule_seed must be between 0 and 2³² − 1")
