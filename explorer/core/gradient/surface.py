"""f(x, y) from the user's text: values on grids, the gradient (autodiff), partials' formulas
(steps engine) and the Hessian.

The text is parsed by the project's parser with x and y declared and other single letters as
slider parameters; nothing is handed to eval or sympy's string parsers. Values come from the
numpy converter, partial derivatives from one reverse-mode pass of the autodiff core over the
whole grid, and the partials' formulas from the steps engine (which treats the other variable as
a constant, as the seed says). Those formulas, compiled, also serve the many evaluations of the
critical-point search and give the Hessian's second partials.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from explorer.core.autodiff.from_tree import build_graph
from explorer.core.derivative.steps import Derivation, derive
from explorer.core.expr import ExprError, parse
from explorer.core.expr.expression import Expression
from explorer.core.expr.to_numpy import tree_to_numpy
from explorer.core.gradient.field import FieldFunction

VARIABLES = ("x", "y")


def parse_surface(text: str) -> Expression:
    """Parse f(x, y); other single lowercase letters become slider parameters."""
    return parse(text, variables=VARIABLES, parameters=True)


def parse_number(text: str, what: str = "value") -> float:
    """A number typed by the user: ``0.5``, ``-2pi``, ``ln(2)``, ``1/3`` (parsed, not eval'd)."""
    cleaned = text.strip().replace("\u2212", "-")
    if not cleaned:
        raise ExprError(f"Enter a number for the {what}")
    value = float(np.asarray(parse(cleaned, variables=()).numpy_function()()).reshape(-1)[0])
    if not np.isfinite(value):
        raise ExprError(f"The {what} must be a finite number")
    return value


def parse_pair(text: str, what: str = "point") -> tuple[float, float]:
    """Two numbers separated by a comma, optionally in brackets: ``(0, ln(2))``, ``1, -0.5``."""
    cleaned = text.strip()
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = cleaned[1:-1]
    # Every function of the language takes one argument, so a comma only separates coordinates.
    parts = cleaned.split(",")
    if len(parts) != 2:
        raise ExprError(f"Enter the {what} as two numbers separated by a comma, e.g. 0, ln(2)")
    first = parse_number(parts[0], f"{what}'s first coordinate")
    second = parse_number(parts[1], f"{what}'s second coordinate")
    return first, second


@dataclass(frozen=True)
class Surface:
    """f(x, y) with its slider parameters bound to values (missing ones read as 1)."""

    expression: Expression
    parameters: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        values = {
            name: float(self.parameters.get(name, 1.0)) for name in self.expression.parameters
        }
        object.__setattr__(self, "parameters", MappingProxyType(values))

    @classmethod
    def from_text(cls, text: str, parameters: Mapping[str, float] | None = None) -> Surface:
        return cls(parse_surface(text), parameters or {})

    @property
    def text(self) -> str:
        return self.expression.text

    def display(self) -> str:
        return self.expression.display()

    def values(self, x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
        """f on arrays (broadcast together); NaN where undefined or infinite."""
        result = self.expression.numpy_function()(x=x, y=y, **self.parameters)
        return np.where(np.isfinite(result), result, np.nan)

    def value(self, x: float, y: float) -> float:
        return float(self.values(np.float64(x), np.float64(y)))

    def field_function(self) -> FieldFunction:
        """``f(X, Y)`` for the field view and ``sample_field``."""
        evaluate = self.expression.numpy_function()
        parameters = dict(self.parameters)
        return lambda grid_x, grid_y: evaluate(x=grid_x, y=grid_y, **parameters)

    def value_and_gradient(
        self, x: np.ndarray | float, y: np.ndarray | float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """f, ∂f/∂x and ∂f/∂y at every point, by one reverse-mode pass of the autodiff core."""
        grid_x, grid_y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
        values = {"x": grid_x, "y": grid_y, **self.parameters}
        requires = {name: name in VARIABLES for name in values}
        # Only the numbers are read here (on every drag step of P): no formula texts.
        built = build_graph(self.expression.tree, values, requires_grad=requires, formulas=False)
        gradients = built.gradients()
        value = np.broadcast_to(np.asarray(built.output._value, float), grid_x.shape)
        partials = [
            np.broadcast_to(gradients.get(name, np.zeros(grid_x.shape)), grid_x.shape)
            for name in VARIABLES
        ]
        return value.copy(), partials[0].copy(), partials[1].copy()

    def value_and_gradient_at(self, x: float, y: float) -> tuple[float, float, float]:
        """f, ∂f/∂x and ∂f/∂y at one point: the numbers ``value_and_gradient`` gives there, from
        the same reverse-mode pass, without the broadcasting and copies of the array version
        (the Gradient tab asks for one point on every drag step of P)."""
        values = {"x": float(x), "y": float(y), **self.parameters}
        requires = {name: name in VARIABLES for name in values}
        built = build_graph(self.expression.tree, values, requires_grad=requires, formulas=False)
        gradients = built.gradients()
        partials = [float(gradients[name]) if name in gradients else 0.0 for name in VARIABLES]
        return float(built.output._value), partials[0], partials[1]

    def gradient(
        self, x: np.ndarray | float, y: np.ndarray | float
    ) -> tuple[np.ndarray, np.ndarray]:
        _, df_dx, df_dy = self.value_and_gradient(x, y)
        return df_dx, df_dy

    @property
    def _derivative_programs(self) -> dict[str, Callable[..., np.ndarray]]:
        return _derivative_programs(self.expression)

    def _derivative(self, name: str, x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
        with np.errstate(all="ignore"):
            return self._derivative_programs[name](x=x, y=y, **self.parameters)

    def formula_gradient(
        self, x: np.ndarray | float, y: np.ndarray | float
    ) -> tuple[np.ndarray, np.ndarray]:
        """∇f from the partials' formulas (fast, for many evaluations; equals ``gradient``)."""
        return self._derivative("x", x, y), self._derivative("y", x, y)

    def hessian(self, x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
        """The Hessian at each point, shape ``(..., 2, 2)``, from the second partials' formulas."""
        f_xx = self._derivative("xx", x, y)
        f_xy = self._derivative("xy", x, y)
        f_yy = self._derivative("yy", x, y)
        f_xx, f_xy, f_yy = np.broadcast_arrays(f_xx, f_xy, f_yy)
        return np.stack((np.stack((f_xx, f_xy), -1), np.stack((f_xy, f_yy), -1)), -2)

    @property
    def partial_formulas(self) -> dict[str, str]:
        """∂f/∂x and ∂f/∂y as the steps engine writes them, e.g. ``{"x": "2x", "y": "4y"}``."""
        return dict(_partial_formulas(self.expression))

    def partial_derivation(self, variable: str) -> Derivation:
        """The steps engine's derivation of ∂f/∂``variable`` (the other variable held constant)."""
        if variable not in VARIABLES:
            raise ValueError(f"f has the variables x and y, not {variable!r}")
        return derive(self.expression.tree, variable)

    def with_parameters(self, parameters: Mapping[str, float]) -> Surface:
        return Surface(self.expression, parameters)


# Keyed by the parsed expression (compared by identity): moving a slider makes a new Surface of
# the same expression, whose derivatives do not change.
@lru_cache(maxsize=16)
def _partial_formulas(expression: Expression) -> tuple[tuple[str, str], ...]:
    return tuple((variable, derive(expression.tree, variable).text) for variable in VARIABLES)


@lru_cache(maxsize=16)
def _derivative_programs(expression: Expression) -> dict[str, Callable[..., np.ndarray]]:
    """∂f/∂x, ∂f/∂y and the three second partials as compiled numpy programs.

    Built once from the steps engine's derivative trees (the formulas the panel shows), so the
    many evaluations of Newton's method cost microseconds instead of a graph build each.
    """
    first = {v: derive(expression.tree, v).derivative for v in VARIABLES}
    trees = {
        "x": first["x"],
        "y": first["y"],
        "xx": derive(first["x"], "x").derivative,
        "xy": derive(first["x"], "y").derivative,
        "yy": derive(first["y"], "y").derivative,
    }
    return {name: tree_to_numpy(tree) for name, tree in trees.items()}
