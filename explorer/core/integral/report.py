"""Everything the integral lab says about ∫ₐᵇ f, computed once for the CLI and the panel:
the formula line, exact and numeric values and their agreement, the Riemann sum, the doubling
table with its observed order, and the antiderivative.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.expr.display import format_unicode
from explorer.core.integral import convergence
from explorer.core.integral.bounds import Bound, parse_bound
from explorer.core.integral.exact import (
    VALUE,
    ExactIntegral,
    agreement,
    formula_line,
    numeric_text,
    numeric_to_data,
)
from explorer.core.integral.quadrature import (
    CONVERGES,
    DIVERGES,
    UNDEFINED,
    NumericIntegral,
    numeric_integral,
    scalar_function,
)
from explorer.core.integral.riemann import RULE_NAMES, RULE_ORDERS, RiemannSum, riemann_sum
from explorer.core.text import format_number

NO_SUMS = "Riemann sums need finite bounds a and b"
ABSOLUTE_LOGS_NOTE = (
    "sympy's ln(u) is written ln|u| here: f is real where u < 0 too, and F′ = f there (checked)"
)


@dataclass(frozen=True)
class Antiderivative:
    """F with F′ = f: sympy's, or sympy's with ln|u| for its ln(u) where the integrand lives at
    u < 0 (``explorer.core.integral.real_logs``): then it is not labelled sympy's alone."""

    formula: str
    absolute_logs: bool = False

    def lines(self) -> list[str]:
        """The label (and, for a corrected formula, what was changed and why)."""
        if self.absolute_logs:
            return [f"Antiderivative: F(x) = {self.formula} + C", ABSOLUTE_LOGS_NOTE]
        return [f"Antiderivative (sympy): F(x) = {self.formula} + C"]


NO_LIMIT_FOR_SUMS = (
    "Note: the integral has no value, so the sums converge to nothing meaningful: whatever they "
    "settle on (cancellation across a pole) is not the integral"
)


@dataclass(frozen=True)
class IntegralProblem:
    """f and the bounds, read once."""

    function: PreparedFunction
    lower: Bound
    upper: Bound

    @property
    def finite(self) -> bool:
        return not (self.lower.infinite or self.upper.infinite)

    def integrand_text(self) -> str:
        return format_unicode(self.function.tree)

    def numeric(self) -> NumericIntegral:
        scalar = scalar_function(self.function.tree, self.function.variable, self.function.params)
        return numeric_integral(
            self.function.f, scalar, self.lower.value, self.upper.value, self.function.fprime
        )

    def riemann(self, rule: str, n: int) -> RiemannSum:
        return riemann_sum(self.function.f, self.lower.value, self.upper.value, n, rule)


def read_problem(
    expression: Any, lower: str, upper: str, params: Mapping[str, float] | None = None
) -> IntegralProblem:
    """Parse f (text, Expression or tree) and both bounds; ``ExprError`` for bad input."""
    return IntegralProblem(
        prepare(expression, params),
        parse_bound(lower, "lower bound a"),
        parse_bound(upper, "upper bound b"),
    )


def reference_value(exact: ExactIntegral | None, numeric: NumericIntegral | None) -> float | None:
    """What a sum's error is measured against: sympy's value, else a trustworthy numeric one."""
    if exact is not None and exact.status == VALUE and exact.value is not None:
        return exact.value
    if numeric is not None and numeric.status == CONVERGES:
        return numeric.value
    return None


def sum_line(riemann: RiemannSum, reference: float | None) -> str:
    """``Midpoint sum with n = 10: 0.3325 (error 8.33×10⁻⁴)``."""
    text = f"{RULE_NAMES[riemann.rule].capitalize()} with n = {riemann.n}: "
    if riemann.problem:
        return text + riemann.problem
    text += format_number(riemann.value, 10)
    if reference is not None:
        text += f" (error {format_number(abs(riemann.value - reference), 3)})"
    return text


def order_line(
    problem: IntegralProblem, rule: str, rows: list[convergence.TableRow], reference: float
) -> str:
    """The order the table shows, against the theory (rows from ``doubling_table``)."""
    errors = np.array([np.nan if r.error is None else r.error for r in rows], dtype=float)
    ns = np.array([r.n for r in rows], dtype=float)
    a, b = problem.lower.value, problem.upper.value
    floor = convergence.roundoff_floor(problem.function.f, a, b, reference, ns)
    if np.all(np.isfinite(errors)) and np.all(errors <= floor):
        return f"The {RULE_NAMES[rule]} is exact for this f (error at round-off for every n)"
    slope = convergence.fitted_slope(ns, errors, floor)
    if not math.isfinite(slope):
        return "Too few errors above round-off to measure the order"
    # The order as a number next to n⁻ᵖ: a fractional power has no superscript form (n^−1.89).
    return (
        f"Observed order: error ∝ n⁻ᵖ with p = {format_number(-slope, 3)} "
        f"(theory for a smooth f: p = {RULE_ORDERS[rule]})"
    )


def integrate_lines(
    problem: IntegralProblem,
    rule: str,
    n: int,
    *,
    table: bool = False,
    exact: ExactIntegral | None = None,
    antiderivative: Antiderivative | None = None,
    numeric: NumericIntegral | None = None,
) -> list[str]:
    """The text of ``calculus-explorer integrate``."""
    numeric = numeric if numeric is not None else problem.numeric()
    integrand = problem.integrand_text()
    lines = [
        f"f(x) = {integrand}",
        formula_line(integrand, problem.lower, problem.upper, exact),
    ]
    if problem.function.params:
        settings = ", ".join(
            f"{k} = {format_number(v)}" for k, v in problem.function.params.items()
        )
        lines.append(f"Parameters: {settings}")
    if exact is not None:
        lines.append(f"Exact (sympy): {exact.describe()}")
    lines.append(f"Numeric: {numeric_text(numeric)}")
    if numeric.reason:
        lines.append(f"  {numeric.reason}")
    _, said = agreement(exact, numeric)
    if said:
        lines.append(said)
    lines.extend(f"Note: {note}" for note in numeric.notes)
    if antiderivative is not None:
        lines.extend(antiderivative.lines())
    reference = reference_value(exact, numeric)
    if not problem.finite:
        lines.append(NO_SUMS)
        return lines
    lines.append(sum_line(problem.riemann(rule, n), reference))
    if numeric.status in (DIVERGES, UNDEFINED):
        lines.append(NO_LIMIT_FOR_SUMS)
    if table:
        rows = convergence.doubling_table(
            problem.function.f, problem.lower.value, problem.upper.value, rule, reference
        )
        lines += ["", f"{RULE_NAMES[rule].capitalize()} as n doubles:"]
        lines += [row.text(rule) for row in rows]
        if reference is not None:
            lines.append(order_line(problem, rule, rows, reference))
        else:
            lines.append("No reference value: errors cannot be shown")
    return lines


def integrate_data(
    problem: IntegralProblem,
    rule: str,
    n: int,
    *,
    table: bool = False,
    exact: ExactIntegral | None = None,
    antiderivative: Antiderivative | None = None,
    numeric: NumericIntegral | None = None,
) -> dict:
    """The same as ``integrate_lines`` as JSON-ready data (±∞ and NaN as strings)."""
    numeric = numeric if numeric is not None else problem.numeric()
    reference = reference_value(exact, numeric)
    agree, said = agreement(exact, numeric)
    data: dict[str, Any] = {
        "expression": problem.integrand_text(),
        "lower": problem.lower.text,
        "upper": problem.upper.text,
        "parameters": dict(problem.function.params),
        "exact": None
        if exact is None
        else {"status": exact.status, "value": _number(exact.value), "formula": exact.formula},
        "numeric": numeric_to_data(numeric),
        "agree": agree,
        "agreement": said,
        "antiderivative": None if antiderivative is None else antiderivative.formula,
        # True: sympy's ln(u) written ln|u| (the integrand is real where u < 0 too).
        "antiderivative_absolute_logs": (
            None if antiderivative is None else antiderivative.absolute_logs
        ),
    }
    if problem.finite:
        riemann = problem.riemann(rule, n)
        data["sum"] = {
            "rule": rule,
            "n": n,
            "value": _number(riemann.value),
            "error": None if reference is None else _number(abs(riemann.value - reference)),
            "problem": riemann.problem or None,
        }
        if table:
            rows = convergence.doubling_table(
                problem.function.f, problem.lower.value, problem.upper.value, rule, reference
            )
            data["table"] = [
                {"n": r.n, "value": _number(r.value), "error": _number(r.error)} for r in rows
            ]
    else:
        data["sum"] = None
    return data


def _number(value: float | None) -> float | str | None:
    if value is None:
        return None
    return value if math.isfinite(value) else repr(float(value))
