"""One function of x prepared for the derivative lab: f, its derivation, f′, kinks, parameters.

``prepare`` parses (or takes) an expression once; everything the lab shows — tangent, secant,
tables, error vs h, the three-way agreement — is computed from the resulting ``PreparedFunction``
without sympy, so a keystroke or a drag stays within the lab's time budgets. Parameters (``a``,
``b`` … from sliders) are a plain dict; a parameter without a value defaults to 1, like a fresh
Desmos slider.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from explorer.core.derivative.evaluate import RealFunction, bind
from explorer.core.derivative.steps import Derivation, derive, kink_points
from explorer.core.expr import parse
from explorer.core.expr.nodes import BinaryOp, Call, Node, Variable, walk
from explorer.core.functions import FunctionSpec, lookup

DEFAULT_PARAMETER_VALUE = 1.0


@dataclass(frozen=True)
class KinkSite:
    """A call of a function with kinks (abs, relu) and where its argument meets them."""

    call: Call
    spec: FunctionSpec
    argument: RealFunction
    points: tuple[float, ...]


class PreparedFunction:
    """f and f′ of one expression with parameters bound; cheap to rebind with new parameters."""

    def __init__(self, tree: Node, variable: str = "x", params: Mapping[str, float] | None = None):
        self.tree = tree
        self.variable = variable
        self.parameter_names = tuple(
            dict.fromkeys(
                n.name for n in walk(tree) if isinstance(n, Variable) and n.name != variable
            )
        )
        given = dict(params or {})
        self.params = {
            name: float(given.get(name, DEFAULT_PARAMETER_VALUE)) for name in self.parameter_names
        }
        self.derivation: Derivation = _derivation(tree, variable)
        self.f = bind(tree, variable, self.params)
        # The derivative's formula can be finite where f is not (1/x for ln x at x < 0); f′ is
        # shown and compared only where f itself has a value.
        self.fprime_formula = bind(self.derivation.derivative, variable, self.params)
        self.fprime = self.where_defined(self.fprime_formula)

    def where_defined(self, values_of: RealFunction) -> RealFunction:
        """``values_of`` (f′, f″ …) with NaN wherever f itself is undefined or non-finite."""
        f = self.f

        def masked(x: np.ndarray) -> np.ndarray:
            with np.errstate(all="ignore"):
                values = values_of(x)
                return np.where(np.isfinite(f(x)), values, np.nan)

        return masked

    def with_params(self, params: Mapping[str, float]) -> PreparedFunction:
        """The same expression with new parameter values (the derivation is reused from a cache)."""
        return PreparedFunction(self.tree, self.variable, params)

    def derivative_at(self, x0: float) -> float:
        """f′(x₀) from the derivative tree (NaN or ±inf where it does not exist)."""
        with np.errstate(all="ignore"):
            return float(self.fprime(np.float64(x0)))

    def overflows_at(self, x0: float) -> bool:
        """Whether f(x₀) is ±∞ from float64 overflow (x¹⁰⁰⁰ at 4, eˣ at 1000) and not a pole:
        an overflow is ±∞ just beside x₀ on both sides too, a pole only at the point."""
        offset = 1e-6 * max(1.0, abs(x0))
        with np.errstate(all="ignore"):
            values = self.f(np.array([x0 - offset, x0, x0 + offset]))
        return bool(np.all(np.isinf(values)))

    def zero_divisor_at(self, x0: float) -> Node | None:
        """A divisor of f that is exactly 0 at x₀ (ln(a) in ln(x)/ln(a) with a = 1), if any."""
        for node in walk(self.tree):
            if isinstance(node, BinaryOp) and node.op == "/":
                with np.errstate(all="ignore"):
                    divisor = bind(node.right, self.variable, self.params)(np.float64(x0))
                if float(divisor) == 0.0:
                    return node.right
        return None

    def function(self, dtype: type = np.float64) -> RealFunction:
        """f evaluated truly in ``dtype`` (float32 for the precision switch)."""
        if np.dtype(dtype) == np.float64:
            return self.f
        return bind(self.tree, self.variable, self.params, dtype)

    @cached_property
    def kink_sites(self) -> tuple[KinkSite, ...]:
        sites = []
        for node in walk(self.tree):
            if isinstance(node, Call):
                spec = lookup(node.name)
                points = kink_points(node.name) if spec is not None else ()
                if points:
                    argument = bind(node.args[0], self.variable, self.params)
                    sites.append(KinkSite(node, spec, argument, points))
        return tuple(sites)

    @cached_property
    def piecewise_constant_calls(self) -> tuple[Call, ...]:
        """Calls of floor, ceil, sign, step …: functions with jumps."""
        return tuple(
            node
            for node in walk(self.tree)
            if isinstance(node, Call)
            and (spec := lookup(node.name)) is not None
            and spec.grad is None
        )


@lru_cache(maxsize=128)
def _derivation(tree: Node, variable: str) -> Derivation:
    return derive(tree, variable)


@lru_cache(maxsize=64)
def _parse(text: str, variable: str) -> Node:
    return parse(text, variables=(variable,), parameters=True).tree


def prepare(
    expression: Any, params: Mapping[str, float] | None = None, variable: str = "x"
) -> PreparedFunction:
    """Accept a ``PreparedFunction``, a parsed ``Expression``, a tree ``Node`` or the user's text.

    Text is parsed with OUR parser (``parameters=True`` so single letters become sliders);
    parse errors propagate as ``ExprError``.
    """
    if isinstance(expression, PreparedFunction):
        if params is None or dict(params) == expression.params:
            return expression
        return expression.with_params(params)
    if isinstance(expression, str):
        tree = _parse(expression, variable)
    elif isinstance(expression, Node):
        tree = expression
    else:
        tree = expression.tree
    return PreparedFunction(tree, variable, params)
