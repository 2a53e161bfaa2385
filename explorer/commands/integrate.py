"""``calculus-explorer integrate`` (exact, numeric, Riemann sum, doubling table) and
``export integral`` (the Integral panel as an image).

    calculus-explorer integrate "x^2" --from 0 --to 1 [--rule midpoint --n 10] [--table] [--json]
    calculus-explorer export integral "x^2" --from 0 --to 1 --rule trapezoid --n 8 --out area.png

The numeric value and the sums are computed here; sympy's exact value and antiderivative come
from the killable worker with a time limit, so a hard integrand never hangs the command.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from explorer.commands import (
    EXIT_OK,
    CommandError,
    CommandRegistry,
    add_expression_argument,
    expression_argument,
    print_text,
)
from explorer.commands.derivative import parse_parameters

EXACT_TIMEOUT_S = 10.0
_WORKER_STARTUP_S = 30.0
_RULE_CHOICES = ("left", "right", "midpoint", "trapezoid", "simpson", "upper", "lower")


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "integrate",
        help="print ∫ f dx from A to B: exact (sympy) and numeric (mpmath) values, a Riemann "
        "sum and, with --table, how the sums converge as n doubles",
        configure=_configure_integrate,
        run=run_integrate,
    )
    registry.add_export(
        "integral",
        help="draw the signed area, a Riemann sum and F(x) = ∫ₐˣ f, as the Integral panel does",
        configure=_configure_export,
        build_target=build_integral_panel,
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="lower",
        required=True,
        metavar="A",
        help="lower bound: a number, an expression such as pi/2, or -inf",
    )
    parser.add_argument(
        "--to", dest="upper", required=True, metavar="B", help="upper bound (e.g. 1, pi, inf)"
    )
    parser.add_argument(
        "--rule", choices=_RULE_CHOICES, default="midpoint", help="Riemann rule (default midpoint)"
    )
    parser.add_argument("--n", type=int, default=10, help="subintervals, 1 … 10000 (default 10)")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="value of a parameter such as a in a*x^2 (default 1); repeat for more",
    )


def _configure_integrate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expression", help='the integrand, a function of x, e.g. "x^2"')
    _add_common(parser)
    parser.add_argument("--table", action="store_true", help="print the n = 1, 2, 4, … table")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    _add_no_exact(parser)


def _add_no_exact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-exact",
        action="store_true",
        help=f"skip sympy (it runs in a worker, at most {EXACT_TIMEOUT_S:g} s)",
    )


def _configure_export(parser: argparse.ArgumentParser) -> None:
    add_expression_argument(parser, help='the integrand, a function of x, e.g. "sin(x)"')
    _add_common(parser)
    parser.add_argument("--no-sums", action="store_true", help="leave out the Riemann sum")
    parser.add_argument("--no-accumulation", action="store_true", help="leave out F(x) = ∫ₐˣ f")
    _add_no_exact(parser)


def _problem(args: argparse.Namespace, text: str):
    from explorer.core.integral.report import read_problem
    from explorer.core.integral.riemann import MAX_N

    if not 1 <= args.n <= MAX_N:
        raise CommandError(f"--n must be from 1 to {MAX_N:,}, got {args.n}")
    params = parse_parameters(args.param)
    problem = read_problem(text, args.lower, args.upper, params)
    if "x" in params:
        raise CommandError("--param x: x is the variable of integration, not a parameter")
    unknown = sorted(set(params) - set(problem.function.parameter_names))
    if unknown:
        raise CommandError(f"--param {unknown[0]}: the integrand has no parameter {unknown[0]!r}")
    return problem


def run_integrate(args: argparse.Namespace) -> int:
    from explorer.core.integral.report import integrate_data, integrate_lines

    problem = _problem(args, args.expression)
    exact = antiderivative = None
    if not args.no_exact:
        exact, antiderivative = exact_in_worker(args.expression, args.lower, args.upper, problem)
    options = {"table": args.table, "exact": exact, "antiderivative": antiderivative}
    if args.json:
        print(
            json.dumps(
                integrate_data(problem, args.rule, args.n, **options), ensure_ascii=False, indent=2
            )
        )
    else:
        print_text("\n".join(integrate_lines(problem, args.rule, args.n, **options)))
    return EXIT_OK


def exact_in_worker(
    text: str, lower: str, upper: str, problem: Any, timeout: float = EXACT_TIMEOUT_S
):
    """(sympy's definite integral, its ``Antiderivative`` or None), from the worker."""
    from explorer.core.integral.exact import ExactIntegral
    from explorer.core.integral.report import Antiderivative
    from explorer.core.worker import SymbolicWorker

    worker = SymbolicWorker(
        task_modules=("explorer.core.integral.tasks",), startup_timeout=_WORKER_STARTUP_S
    )
    payload = {
        "text": text,
        "params": dict(problem.function.params),
        "lower": lower,
        "upper": upper,
    }
    try:
        requests = [
            worker.submit(task, payload, timeout=timeout)
            for task in ("integral_exact", "antiderivative")
        ]
        outcomes = [worker.wait_for(request, timeout + _WORKER_STARTUP_S) for request in requests]
    finally:
        worker.shutdown()
    definite, indefinite = outcomes
    if definite is None or not definite.ok:
        message = (
            "sympy ran out of time"
            if definite is None or definite.timed_out
            else (definite.error or "sympy failed")
        )
        exact = ExactIntegral.failed(message)
    else:
        exact = ExactIntegral.from_data(definite.result)
    found = None
    if indefinite is not None and indefinite.ok and indefinite.result.get("found"):
        result = indefinite.result
        found = Antiderivative(str(result["formula"]), bool(result.get("absolute_logs")))
    return exact, found


def build_integral_panel(args: argparse.Namespace) -> Any:
    """The Integral panel showing the integrand over [A, B] with the chosen sum."""
    from explorer.core.expr import parse
    from explorer.core.panel_state import IntegralState
    from explorer.ui.panels.integral_panel import IntegralPanel

    text = expression_argument(args)
    problem = _problem(args, text)
    expression = parse(text, variables=("x",), parameters=True)
    panel = IntegralPanel()
    for name, value in problem.function.params.items():
        panel.parameters.model().set_value(name, value)
    panel.resize(args.width, args.height)
    panel.set_state(
        IntegralState(
            lower=args.lower,
            upper=args.upper,
            rule=args.rule,
            n=args.n,
            show_sums=not args.no_sums,
            show_accumulation=not args.no_accumulation,
        )
    )
    panel.set_expression(expression)
    if not args.no_exact:
        exact, found = exact_in_worker(text, args.lower, args.upper, problem)
        panel.set_exact_answer(exact, None if found is None else (found, None))
    return panel
