"""The derivative lab's core: derivation steps, difference quotients, tangents, three-way checks.

Qt-free and sympy-free on the interactive path; the worker task in ``tasks`` adds sympy's
simplification. Import the worker task module explicitly (``explorer.core.derivative.tasks``).
"""

from __future__ import annotations

from explorer.core.derivative.agreement import (
    Agreement,
    Disagreement,
    UndefinedPoint,
    three_derivatives,
)
from explorer.core.derivative.cli_text import diff_text
from explorer.core.derivative.difference import (
    ErrorVsH,
    LimitRow,
    central_difference,
    error_vs_h,
    format_seed_row,
    forward_difference,
    limit_table,
    seed_limit_lines,
)
from explorer.core.derivative.formatting import line_equation
from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.derivative.steps import Derivation, Step, derive
from explorer.core.derivative.tangent import (
    LinearBand,
    Secant,
    Tangent,
    linear_approximation_band,
    secant_through,
    tangent_at,
)

__all__ = [
    "Agreement",
    "Derivation",
    "Disagreement",
    "ErrorVsH",
    "LimitRow",
    "LinearBand",
    "PreparedFunction",
    "Secant",
    "Step",
    "Tangent",
    "UndefinedPoint",
    "central_difference",
    "derive",
    "diff_text",
    "error_vs_h",
    "format_seed_row",
    "forward_difference",
    "limit_table",
    "line_equation",
    "linear_approximation_band",
    "prepare",
    "secant_through",
    "seed_limit_lines",
    "tangent_at",
    "three_derivatives",
]
