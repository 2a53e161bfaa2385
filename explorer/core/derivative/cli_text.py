"""The text of ``calculus-explorer diff "3x^2 - 4x" --at 1 [--steps] [--limit-table] [--ascii]``.

With ``ascii`` the formulas are written in the input language (``6x - 4``, ``sqrt(x)``), so they
paste back into the app; numbers are written as the text module writes them, and the command
prints them the way Python reads them (``explorer.core.text.pasteable_numbers``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from explorer.core.derivative import difference
from explorer.core.derivative.kinks import kink_notes
from explorer.core.derivative.model import PreparedFunction, prepare
from explorer.core.derivative.tangent import tangent_at
from explorer.core.expr.display import format_input, format_unicode
from explorer.core.expr.nodes import Call
from explorer.core.functions import lookup
from explorer.core.text import MINUS, format_number, pasteable_numbers


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
    ascii: bool = False,  # noqa: A002 - the command's flag
) -> str:
    """The derivative, its value at ``at``, optionally the steps and the seed-format h → 0 table.

    The keywords mirror the command's flags (``--at``, ``--steps``, ``--limit-table``).
    ``simplified`` is sympy's simpler form of f′ in our notation (from the worker), printed
    under ours when it differs; ``simplify_note`` says why there is none (time limit).
    ``second`` (``--second``) adds f″ and its value at ``at``, with ``second_simplified`` /
    ``second_note`` playing the same parts for f″ (both in the notation ``ascii`` asks for).
    Raises ``ExprError`` for text our parser refuses and ``ValueError`` for a table without
    ``at``.
    """
    formula = format_input if ascii else format_unicode
    function = prepare(text, params, variable)
    name = function.variable
    first = formula(function.derivation.derivative)
    lines = [f"f({name}) = {formula(function.tree)}", f"f′({name}) = {first}"]
    if simplified and simplified != first:
        lines.append(f"f′({name}) = {simplified}   (simplified by sympy)")
    second_function = prepare(function.derivation.derivative, function.params, variable)
    if second:
        second_text = formula(second_function.derivation.derivative)
        lines.append(f"f″({name}) = {second_text}")
        if second_simplified and second_simplified != second_text:
            lines.append(f"f″({name}) = {second_simplified}   (simplified by sympy)")
    if function.params:
        settings = ", ".join(f"{k} = {format_number(v)}" for k, v in function.params.items())
        lines.append(f"Parameters: {settings}")
    notes = [*diff_notes(function, at)]
    notes += [note for note in (simplify_note, second_note if second else None) if note]
    lines.extend(f"Note: {note}" for note in notes)
    if at is not None:
        lines.extend(_value_lines(function, float(at), ascii))
        if second:
            lines.append(_second_value_line(function, second_function, float(at)))
    if steps:
        lines += ["", "Steps:", *("  " + line for line in function.derivation.lines())]
    if limit_table:
        if at is None:
            raise ValueError("the limit table needs a point: add --at")
        lines += ["", *_table_lines(function, float(at))]
    return "\n".join(lines)


def diff_notes(function: PreparedFunction, at: float | None = None) -> list[str]:
    """What ``diff`` notes about f (and about f′ at ``at``): the derivation's notes about f as a
    whole, then the kinks (``kink_notes``)."""
    return [*_whole_function_notes(function), *kink_notes(function, () if at is None else (at,))]


def _whole_function_notes(function: PreparedFunction) -> list[str]:
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


def _value_lines(function, x0: float, ascii: bool = False) -> list[str]:  # noqa: A002
    name = function.variable
    point = format_number(x0)
    tangent = tangent_at(function, x0)
    if not tangent.differentiable:
        return [f"f′({point}) does not exist: {tangent.reason}"]
    equation = input_text(tangent.equation) if ascii else tangent.equation
    lines = [
        f"f({point}) = {format_number(tangent.y0)}",
        f"f′({point}) = {format_number(tangent.slope)}",
        f"Tangent at {name} = {point}: {equation}",
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
    seed = difference.seed_limit_rows(function.f, x0)
    note = difference.seed_rounding_note([h for h, _value in seed])
    lines = [
        f"Forward difference (f(x+h) − f(x))/h at x = {point}, the seed's loop "
        "(h = 0.0001, then h *= 0.1):",
        *(difference.format_seed_row(h, value) for h, value in seed),
        *([f"({note})"] if note else []),
        "",
        f"Forward and central difference quotients at x = {point}, h = 10⁻¹ … 10⁻¹²:",
    ]
    lines += [row.text for row in difference.limit_table(function.f, x0, exact)]
    if exact is not None:
        lines.append(f"Exact derivative: f′({point}) = {format_number(exact)}")
    else:
        lines.append(f"No exact derivative to compare with: f′({point}) does not exist.")
    return lines


def input_text(equation: str) -> str:
    """A line's equation as typed (``y = 2x - 3``, ``y = (1.5e20)x + 2``): its numbers as Python
    reads them and ASCII operators; it holds nothing else (tangent.line_equation)."""
    return pasteable_numbers(equation).replace(MINUS, "-").replace("·", "*")
