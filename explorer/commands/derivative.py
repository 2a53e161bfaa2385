"""``calculus-explorer diff`` (derivative, value, steps, h → 0 table) and ``export derivative``."""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from explorer.commands import (
    EXIT_OK,
    CommandError,
    CommandRegistry,
    add_expression_argument,
    expression_argument,
    print_text,
)

DEFAULT_X_RANGE = ("-5", "5")
# sympy's simplification runs in the killable worker; past this it is stopped and skipped.
SIMPLIFY_TIMEOUT_S = 10.0
# Starting the worker (a fresh Python importing sympy) is allowed this long on top.
_WORKER_STARTUP_S = 30.0


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "diff",
        help="print the derivative of f(x), its value at a point, the steps and the h → 0 table",
        configure=_configure_diff,
        run=run_diff,
    )
    registry.add_export(
        "derivative",
        help="plot f, f′ and the tangent at a point, as the Derivative panel shows them",
        configure=_configure_export,
        build_target=build_derivative_panel,
    )


def _add_parameter_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="value of a parameter such as a in a*x^2 + b (default 1); repeat for more",
    )


def _configure_diff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expression", help='the function of x, e.g. "3x^2 - 4x"')
    parser.add_argument("--at", help="the point x₀ (a number or e.g. pi/2)")
    parser.add_argument("--steps", action="store_true", help="show the derivation, rule by rule")
    parser.add_argument(
        "--second", action="store_true", help="also print f″ (and its value at --at)"
    )
    parser.add_argument(
        "--limit-table",
        action="store_true",
        help="print the seed's h → 0 loop and the forward/central table (needs --at)",
    )
    parser.add_argument(
        "--no-simplify",
        action="store_true",
        help=f"skip sympy's simplification (it runs in a worker, at most {SIMPLIFY_TIMEOUT_S:g} s)",
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help="write the formulas in the input language (6x - 4, sqrt(x)) so they paste back in",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON: every formula as shown and as typed, every number at full precision",
    )
    _add_parameter_option(parser)


def _configure_export(parser: argparse.ArgumentParser) -> None:
    add_expression_argument(parser, help='the function of x, e.g. "x^3 - 1/x"')
    parser.add_argument("--at", default="1", help="where the tangent touches f (default 1)")
    parser.add_argument(
        "--xrange",
        nargs=2,
        metavar=("MIN", "MAX"),
        default=DEFAULT_X_RANGE,
        help="x-range to plot (numbers or constants such as -2pi); default -5 5",
    )
    parser.add_argument("--second", action="store_true", help="also plot f″")
    parser.add_argument("--no-secant", action="store_true", help="leave out the secant")
    _add_parameter_option(parser)


def parse_number(text: str, what: str) -> float:
    """A number typed on the command line: ``1``, ``-0.5``, ``pi/2``, ``2e-3`` (our parser)."""
    from explorer.core.expr import parse
    from explorer.core.expr.errors import ExprError

    try:
        value = float(parse(text.strip(), variables=()).numpy_function()())
    except ExprError as error:
        raise CommandError(f"{what}: {error}") from None
    except (TypeError, ValueError):
        raise CommandError(f"{what} must be a single number, got {text!r}") from None
    if not math.isfinite(value):
        raise CommandError(f"{what} must be a finite number, got {text!r}")
    return value


def parse_parameters(items: list[str]) -> dict[str, float]:
    """``["a=2", "b=-1"]`` → ``{"a": 2.0, "b": -1.0}``."""
    values = {}
    for item in items:
        name, equals, text = item.partition("=")
        name = name.strip()
        if not equals or not name.isalpha() or len(name) != 1:
            raise CommandError(f"--param takes NAME=VALUE with a one-letter name, got {item!r}")
        values[name] = parse_number(text, f"--param {name}")
    return values


def run_diff(args: argparse.Namespace) -> int:
    from explorer.core.derivative import diff_text
    from explorer.core.derivative.model import prepare

    if args.limit_table and args.at is None:
        raise CommandError("--limit-table needs a point: add --at, e.g. --at 1")
    at = None if args.at is None else parse_number(args.at, "--at")
    params = parse_parameters(args.param)
    function = prepare(args.expression)
    check_parameters(params, function.parameter_names, function.variable)
    tasks = ("derivative_steps", "second_derivative") if args.second else ("derivative_steps",)
    if args.no_simplify:
        answers = [(None, None)] * len(tasks)
    else:
        answers = simplify_derivatives_in_worker(args.expression, tasks)
    (simplified, note), *second = answers
    second_simplified, second_note = second[0] if second else (None, None)
    if args.json:
        from explorer.core.derivative.report import diff_report

        report = diff_report(
            args.expression,
            at,
            steps=args.steps,
            limit_table=args.limit_table,
            params=params,
            simplified=simplified,
            second=args.second,
            second_simplified=second_simplified,
            notes=tuple(text for text in (note, second_note) if text),
        )
        print(json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False))
        return EXIT_OK
    notation = "input" if args.ascii else "text"
    print_text(
        diff_text(
            args.expression,
            at,
            steps=args.steps,
            limit_table=args.limit_table,
            params=params,
            simplified=simplified and simplified[notation],
            simplify_note=note,
            second=args.second,
            second_simplified=second_simplified and second_simplified[notation],
            second_note=second_note,
            ascii=args.ascii,
        )
    )
    return EXIT_OK


def check_parameters(params: dict[str, float], names: tuple[str, ...], variable: str) -> None:
    """``--param x=3`` is an error (x is the variable); a name f does not use gets a warning."""
    import sys

    if variable in params:
        raise CommandError(
            f"--param {variable}: {variable} is the variable, not a parameter "
            f"(use --at {params[variable]:g} for the point)"
        )
    for name in sorted(set(params) - set(names)):
        print(f"warning: --param {name}: {name} does not appear in f", file=sys.stderr)


def simplify_in_worker(text: str, timeout: float = SIMPLIFY_TIMEOUT_S) -> tuple[str | None, str]:
    """sympy's simplified f′ in our notation, from the killable worker (never hangs the CLI).

    Returns ``(form, "")`` when sympy's form is simpler, ``(None, "")`` when ours is already
    the simplest, and ``(None, reason)`` when the worker failed or ran out of time.
    """
    forms, note = simplify_derivatives_in_worker(text, ("derivative_steps",), timeout)[0]
    return (forms["text"] if forms else None), note


# The worker task for each derivative order, and the name its notes use.
_TASKS = {"derivative_steps": "f′", "second_derivative": "f″"}


def simplify_derivatives_in_worker(
    text: str, tasks: tuple[str, ...], timeout: float = SIMPLIFY_TIMEOUT_S
) -> list[tuple[dict[str, str] | None, str]]:
    """sympy's simpler form for each task in ``tasks`` ("derivative_steps" for f′,
    "second_derivative" for f″), from one worker; each task gets the full time limit. A form is
    ``{"text": shown, "input": as typed}``; None with a note as ``simplify_in_worker``."""
    from explorer.core.worker import SymbolicWorker

    worker = SymbolicWorker(
        task_modules=("explorer.core.derivative.tasks",), startup_timeout=_WORKER_STARTUP_S
    )
    payload = {"text": text, "variables": ["x"], "parameters": True}
    answers = []
    try:
        # Submitted together (each on its own channel): the worker runs them one after another.
        requests = [worker.submit(task, payload, timeout=timeout) for task in tasks]
        for task, request in zip(tasks, requests, strict=True):
            outcome = worker.wait_for(request, timeout=timeout + _WORKER_STARTUP_S)
            answers.append(_simplified_answer(outcome, _TASKS[task]))
    finally:
        worker.shutdown()
    return answers


def _simplified_answer(outcome: Any, name: str) -> tuple[dict[str, str] | None, str]:
    if outcome is None or not outcome.ok:
        why = "ran out of time" if outcome is None or outcome.timed_out else "failed"
        return None, f"sympy's simplification of {name} {why}; {name} is shown as derived"
    result = outcome.result or {}
    if result.get("simplified_source") == "sympy":
        return {"text": str(result["simplified"]), "input": str(result["simplified_input"])}, ""
    return None, ""


def build_derivative_panel(args: argparse.Namespace) -> Any:
    """The Derivative panel showing the expression with its tangent at ``args.at``."""
    from explorer.core.expr import parse
    from explorer.core.sampling import RangeError
    from explorer.ui.panels.derivative.panel import DerivativePanel

    expression = parse(expression_argument(args), variables=("x",), parameters=True)
    x0 = parse_number(args.at, "--at")
    bounds = [
        parse_number(text, f"--xrange {name}")
        for name, text in zip(("min", "max"), args.xrange, strict=True)
    ]
    params = parse_parameters(args.param)
    if "x" in params:
        raise CommandError("--param x: x is the variable, not a parameter (use --at)")
    unknown = sorted(set(params) - set(expression.parameters))
    if unknown:
        raise CommandError(f"--param {unknown[0]}: the expression has no parameter {unknown[0]!r}")
    panel = DerivativePanel()
    # Values go into the model before the expression arrives, so the first plot uses them: the
    # panel is hidden, and a value set afterwards would only mark it stale. Exact, too: the
    # model is not snapped to the sliders' steps or their -5 .. 5 travel.
    for name, value in params.items():
        panel.side.parameters.model().set_value(name, value)
    panel.resize(args.width, args.height)
    try:
        panel.set_x_range(*bounds)
    except RangeError as error:
        raise CommandError(f"--xrange: {error.message}") from None
    panel.side.show_second.setChecked(args.second)
    panel.side.show_secant.setChecked(not args.no_secant)
    panel.set_x0(x0)
    panel.set_expression(expression)
    return panel
