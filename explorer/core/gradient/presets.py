"""The Gradient lab's example functions, each with a starting point P and a view."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class GradientPreset:
    title: str
    expression: str
    point: tuple[float, float]
    x_range: tuple[float, float]
    y_range: tuple[float, float]


PRESETS: tuple[GradientPreset, ...] = (
    GradientPreset(
        "Log-sum-exp (the seed)", "log(exp(x) + exp(y))", (0.0, math.log(2)), (-3, 3), (-3, 3)
    ),
    GradientPreset("Bowl x² + 2y²", "x^2 + 2y^2", (1.0, 1.0), (-3, 3), (-3, 3)),
    GradientPreset("Saddle x² − y²", "x^2 - y^2", (1.0, 0.5), (-3, 3), (-3, 3)),
    GradientPreset(
        "Rosenbrock", "(1 - x)^2 + 100(y - x^2)^2", (-1.0, 1.5), (-2.0, 2.0), (-1.0, 3.0)
    ),
    GradientPreset(
        "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", (1.0, 1.0), (-5.0, 5.0), (-5.0, 5.0)
    ),
    GradientPreset("sin(x)·cos(y)", "sin(x)*cos(y)", (1.0, 0.5), (-4.0, 4.0), (-4.0, 4.0)),
)
