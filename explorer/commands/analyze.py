"""``calculus-explorer analyze EXPR [EXPR …] [--xrange A B] [--json]``: points of interest."""

from __future__ import annotations

import argparse
import json

from explorer.commands import EXIT_OK, CommandError, CommandRegistry, print_text
from explorer.commands.derivative import DEFAULT_X_RANGE, parse_number, parse_parameters


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "analyze",
        help="print the points of interest of f(x) (roots, extrema with their derivative tests, "
        "inflection points, holes, asymptotes, intersections) and where f rises, falls and bends",
        configure=_configure,
        run=run_analyze,
    )


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "expressions",
        nargs="+",
        metavar="EXPR",
        help='f(x), e.g. "x^3 - 3x"; more curves may follow and use f: "g(x) = f(x - 1) + 2"',
    )
    parser.add_argument(
        "--xrange",
        nargs=2,
        metavar=("A", "B"),
        default=DEFAULT_X_RANGE,
        help="the x-range to analyse (numbers or constants such as -2pi); default -5 5",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="value of a parameter such as a in a*x^2 + b (default 1); repeat for more",
    )


def run_analyze(args: argparse.Namespace) -> int:
    from explorer.core.analysis import analyze_curves, define_curves
    from explorer.core.analysis.report import analysis_data, analysis_text
    from explorer.core.sampling import RangeError, validate_range

    low = parse_number(args.xrange[0], "--xrange A")
    high = parse_number(args.xrange[1], "--xrange B")
    try:
        x_range = validate_range(low, high)
    except RangeError as error:
        raise CommandError(f"--xrange: {error.message}") from None
    params = parse_parameters(args.param)
    definitions = list(define_curves(args.expressions))
    for definition in definitions:
        if definition.error is not None:
            raise CommandError(f"{definition.name}: {definition.error}")
    analysis = analyze_curves(definitions, params, x_range)
    if args.json:
        print(json.dumps(analysis_data(analysis, definitions), indent=2, allow_nan=False))
    else:
        print_text(analysis_text(analysis, definitions), end="")
    return EXIT_OK
