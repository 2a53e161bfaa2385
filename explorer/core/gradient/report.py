"""The gradient at a point as text and plain data: what ``calculus-explorer grad`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from explorer.core.gradient.point import (
    LinearApproximation,
    PointAnalysis,
    analyse_point,
    linear_approximation,
)
from explorer.core.gradient.surface import VARIABLES, Surface
from explorer.core.text import format_number


@dataclass(frozen=True)
class GradientReport:
    surface: Surface
    analysis: PointAnalysis
    formulas: dict[str, str]
    linear: LinearApproximation | None

    def lines(self) -> list[str]:
        a = self.analysis
        lines = [f"f(x, y) = {self.surface.display()}"]
        if self.surface.parameters:
            values = ", ".join(
                f"{n} = {format_number(v)}" for n, v in self.surface.parameters.items()
            )
            lines.append(f"with {values}")
        lines.append(f"P = {pair_text(a.x, a.y)}")
        if not a.defined:
            lines.append("f is undefined at P: no value, no gradient")
            return lines
        lines.append(f"f(P) = {format_number(a.value)}")
        for variable, value in zip(VARIABLES, a.gradient, strict=True):
            formula = self.formulas[variable]
            lines.append(f"∂f/∂{variable} = {formula} = {format_number(value)} at P")
        lines.append(f"∇f(P) = {pair_text(*a.gradient)}")
        lines.append(f"|∇f(P)| = {format_number(a.norm)}")
        descent = a.steepest_descent
        if descent is None:
            lines.append("∇f(P) = 0: P is a critical point, no direction of steepest descent")
        else:
            lines.append(f"steepest descent: −∇f/|∇f| = {pair_text(*descent)}")
        if self.linear is not None:
            linear = self.linear
            lines.append(f"ε = {pair_text(*linear.epsilon)}")
            lines.append(f"L = f(P) + ε·∇f(P) = {format_number(linear.approximation)}")
            lines.append(f"f(P + ε) = {format_number(linear.true_value)}")
            lines.append(f"{linear.seed_text()} (difference {format_number(linear.difference, 3)})")
        return lines

    def text(self) -> str:
        return "\n".join(self.lines())

    def to_dict(self) -> dict[str, Any]:
        a = self.analysis
        data: dict[str, Any] = {
            "f": self.surface.text,
            "display": self.surface.display(),
            "parameters": dict(self.surface.parameters),
            "point": [a.x, a.y],
            "defined": a.defined,
        }
        if not a.defined:
            return data
        data.update(
            {
                "value": a.value,
                "partials": {
                    variable: {"formula": self.formulas[variable], "value": value}
                    for variable, value in zip(VARIABLES, a.gradient, strict=True)
                },
                "gradient": list(a.gradient),
                "norm": a.norm,
                "steepest_descent": None
                if a.steepest_descent is None
                else list(a.steepest_descent),
            }
        )
        if self.linear is not None:
            data["linear_approximation"] = {
                "epsilon": list(self.linear.epsilon),
                "approximation": self.linear.approximation,
                "true_value": self.linear.true_value,
                "difference": self.linear.difference,
                "text": self.linear.seed_text(),
            }
        return data


def pair_text(first: float, second: float) -> str:
    return f"({format_number(first)}, {format_number(second)})"


def gradient_report(
    surface: Surface, point: tuple[float, float], epsilon: tuple[float, float] | None = None
) -> GradientReport:
    """Everything ``grad`` prints about ``surface`` at ``point`` (and P + ``epsilon``)."""
    analysis = analyse_point(surface, *point)
    formulas = dict(surface.partial_formulas)
    linear = None
    if epsilon is not None and analysis.defined:
        linear = linear_approximation(surface, analysis, epsilon)
    return GradientReport(surface, analysis, formulas, linear)
