"""The text of ``calculus-explorer diff "3x^2 - 4x" --at 1 [--steps] [--limit-table]``."""

from __future__ import annotations

import math
from collections.abc import Mapping

from explorer.core.derivative import difference
from explorer.core.derivative.kinks import kink_notes
from explorer.core.derivative.model import prepare
from explorer.core.derivative.tangent import tangent_at
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import Call
from explorer.core.functions import lookup
from explorer.core.text import format_number


def diff_text(
    text: str,
    at: float | None = None,
    *,
    steps: bool = False,
    limit_table: bool = False,
    params: Mapping[str, float] | None = None,
    variable: str = "x",
    simplified: str | None = None,
    simplify_note: str | None = None,
    second: bool = False,
    second_simplified: str | None = None,
    second_note: str | None = None,
) -> str:
    """The derivative, its value at ``at``, optionally the steps and the seed-format h → 0 table.

    The keywords mirror the command's flags (``--at``, ``--steps``, ``--limit-table``).
    ``simplified`` is sympy's simpler form of f′ in our notation (from the worker), printed
    under ours when it differs; ``simplify_note`` says why there is none (time limit).
    ``second`` (``--second``) adds f″ and its value at ``at``, with ``second_simplified`` /
    ``second_note`` playing the same parts for f″. Raises
    ``ExprError`` for text our parser refuses and ``ValueError`` for a table without ``at``.
    """
    function = prepare(text, params, variable)
    name = function.variable
    lines = [
        f"f({name}) = {format_unicode(function.tree)}",
        f"f′({name}) = {function.derivation.text}",
    ]
    if simplified and simplified != function.derivation.text:
        lines.append(f"f′({name}) = {simplified}   (simplified by sympy)")
    second_function = prepare(function.derivation.derivative, function.params, variable)
    if second:
        lines.append(f"f″({name}) = {second_function.derivation.text}")
        if second_simplified and second_simplified != second_function.derivation.text:
            lines.append(f"f″({name}) = {second_simplified}   (simplified by sympy)")
    if function.params:
        settings = ", ".join(f"{k} = {format_number(v)}" for k, v in function.params.items())
        lines.append(f"Parameters: {settings}")
    notes = [*_other_notes(function), *kink_notes(function, () if at is None else (at,))]
    notes += [note for note in (simplify_note, second_note if second else None) if note]
    lines.extend(f"Note: {note}" for note in notes)
    if at is not None:
        lines.extend(_value_lines(function, float(at)))
        if second:
            lines.append(_second_value_line(function, second_function, float(at)))
    if steps:
        lines += ["", "Steps:", *("  " + line for line in function.derivation.lines())]
    if limit_table:
        if at is None:
            raise ValueError("the limit table needs a point: add --at")
        lines += ["", *_table_lines(function, float(at))]
    return "\n".join(lines)


def _other_notes(function) -> list[str]:
    """The derivation's notes that concern f as a whole: not the kink warnings, which
    ``kink_notes`` checks first, nor a constant step's remark, which only explains that step
    ("this part does not depend on x") and belongs with --steps."""
    step_only = {
        step.note
        for step in function.derivation.steps
        if step.note and (_at_kink(step) or step.rule == "constant")
    }
    return [note for note in function.derivation.notes if note not in step_only]


def _at_kink(step) -> bool:
    spec = lookup(step.expression.name) if isinstance(step.expression, Call) else None
    return spec is not None and bool(spec.kinks)


def _value_lines(function, x0: float) -> list[str]:
    name = function.variable
    point = format_number(x0)
    tangent = tangent_at(function, x0)
    if not tangent.differentiable:
        return [f"f′({point}) does not exist: {tangent.reason}"]
    lines = [
        f"f({point}) = {format_number(tangent.y0)}",
        f"f′({point}) = {format_number(tangent.slope)}",
        f"Tangent at {name} = {point}: {tangent.equation}",
    ]
    if tangent.convention_note:
        lines.append(f"Note: {tangent.convention_note}")
    return lines


def _second_value_line(function, second_function, x0: float) -> str:
    """f″(x₀) as the slope of f′ at x₀, or why there is none: not where f′ itself does not
    exist, nor where f′ has a corner or jump (|x|: f′ = sign(x), whose tidy derivative 0
    would otherwise be printed at 0)."""
    point = format_number(x0)
    if not tangent_at(function, x0).differentiable:
        return f"f″({point}) does not exist: f′({point}) does not exist"
    slope = tangent_at(second_function, x0)
    if not slope.differentiable:
        # The reason speaks of "f", which here is f′.
        reason = f"f′{slope.reason[1:]}" if slope.reason.startswith("f ") else slope.reason
        return f"f″({point}) does not exist: {reason}"
    return f"f″({point}) = {format_number(slope.slope)}"


def _table_lines(function, x0: float) -> list[str]:
    tangent = tangent_at(function, x0)
    # Only a derivative that exists is "exact": at |x|'s corner sign(0) = 0 is a convention.
    exact = tangent.slope if tangent.differentiable and math.isfinite(tangent.slope) else None
    point = format_number(x0)
    lines = [
        f"Forward difference (f(x+h) − f(x))/h at x = {point}, the seed's loop "
        "(h = 0.0001, then h *= 0.1):",
        *difference.seed_limit_lines(function.f, x0),
        "",
        f"Forward and central difference quotients at x = {point}, h = 10⁻¹ … 10⁻¹²:",
    ]
    lines += [row.text for row in difference.limit_table(function.f, x0, exact)]
    if exact is not None:
        lines.append(f"Exact derivative: f′({point}) = {format_number(exact)}")
    else:
        lines.append(f"No exact derivative to compare with: f′({point}) does not exist.")
    return lines
