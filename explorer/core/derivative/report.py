"""``diff --json``: the derivative, its values and tables as data, every number at full precision.

The same facts as the text of ``diff`` (``cli_text``), for a program or a notebook to read: each
formula both as shown (``6x − 4``) and in the input language (``6x - 4``, which pastes back into
the app), each number as the float64 it is (JSON's shortest exact form), ``null`` where there is
no value (a pole, a kink) with the reason beside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from explorer.core.derivative import difference
from explorer.core.derivative.cli_text import diff_notes
from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.derivative.tangent import tangent_at
from explorer.core.expr.display import format_input, format_unicode
from explorer.core.expr.nodes import Node


def number(value: float | None) -> float | None:
    """A float for JSON: itself when finite, None (null) for NaN and ±inf."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def formula(tree: Node) -> dict[str, str]:
    """A formula as shown and as typed: ``{"text": "3x² − 4x", "input": "3x^2 - 4x"}``."""
    return {"text": format_unicode(tree), "input": format_input(tree)}


def diff_report(
    text: str,
    at: float | None = None,
    *,
    steps: bool = False,
    limit_table: bool = False,
    params: Mapping[str, float] | None = None,
    variable: str = "x",
    simplified: dict[str, str] | None = None,
    second: bool = False,
    second_simplified: dict[str, str] | None = None,
    notes: tuple[str, ...] = (),
) -> dict[str, Any]:
    """What ``diff TEXT [--at X0] [--steps] [--limit-table] [--second] --json`` prints.

    ``simplified`` / ``second_simplified`` are sympy's simpler forms from the worker as
    ``{"text": …, "input": …}`` (None when ours is simplest or sympy ran out of time, said in
    ``notes``). Raises ``ExprError`` for text our parser refuses.
    """
    function = prepare(text, params, variable)
    derivation = function.derivation
    report: dict[str, Any] = {
        "input": text,
        "variable": function.variable,
        "parameters": {name: float(value) for name, value in function.params.items()},
        "function": formula(function.tree),
        "derivative": {**formula(derivation.derivative), "simplified": simplified},
    }
    second_function = prepare(derivation.derivative, function.params, variable)
    if second:
        report["second_derivative"] = {
            **formula(second_function.derivation.derivative),
            "simplified": second_simplified,
        }
    report["notes"] = [*diff_notes(function, at), *notes]
    if at is not None:
        report["at"] = _point(function, second_function if second else None, float(at))
    if steps:
        report["steps"] = derivation.lines()
    if limit_table:
        if at is None:
            raise ValueError("the limit table needs a point: add --at")
        report["limit_table"] = _limit_table(function, float(at))
    return report


def _point(
    function: PreparedFunction, second_function: PreparedFunction | None, x0: float
) -> dict[str, Any]:
    tangent = tangent_at(function, x0)
    point: dict[str, Any] = {
        "x0": x0,
        "f": number(tangent.y0),
        "differentiable": tangent.differentiable,
    }
    if not tangent.differentiable:
        point.update({"f_prime": None, "reason": tangent.reason})
    else:
        point.update(
            {
                "f_prime": number(tangent.slope),
                "tangent": {
                    "slope": number(tangent.slope),
                    "intercept": number(tangent.intercept),
                    "equation": tangent.equation,
                },
            }
        )
        if tangent.convention_note:
            point["note"] = tangent.convention_note
    if second_function is not None:
        slope = tangent_at(second_function, x0) if tangent.differentiable else None
        exists = slope is not None and slope.differentiable
        point["f_second"] = number(slope.slope) if exists else None
    return point


def _limit_table(function: PreparedFunction, x0: float) -> dict[str, Any]:
    tangent = tangent_at(function, x0)
    exact = tangent.slope if tangent.differentiable and math.isfinite(tangent.slope) else None
    seed = [
        {"h": h, "forward": number(value)}
        for h, value in difference.seed_limit_rows(function.f, x0)
    ]
    rows = [
        {
            "h": row.h,
            "forward": number(row.forward),
            "central": number(row.central),
            "forward_error": number(row.forward_error),
            "central_error": number(row.central_error),
        }
        for row in difference.limit_table(function.f, x0, exact)
    ]
    return {"x0": x0, "exact": number(exact), "seed_loop": seed, "rows": rows}
