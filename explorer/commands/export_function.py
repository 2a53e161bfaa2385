"""``calculus-explorer export function``: plot f(x) to PNG or SVG without opening a window."""

from __future__ import annotations

import argparse
from typing import Any

from explorer.cli import CommandError, CommandRegistry

DEFAULT_X_RANGE = ("-5", "5")


def register(registry: CommandRegistry) -> None:
    registry.add_export(
        "function",
        help="plot y = f(x), as the Function panel shows it",
        configure=_configure,
        build_target=build_function_panel,
    )


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--expr", required=True, help='the function of x, e.g. "x^3 - 1/x"')
    parser.add_argument(
        "--xrange",
        nargs=2,
        metavar=("MIN", "MAX"),
        default=DEFAULT_X_RANGE,
        help="x-range to plot (numbers or constants such as -2pi); default -5 5",
    )


def build_function_panel(args: argparse.Namespace) -> Any:
    """The Function panel showing ``args.expr`` over ``args.xrange``."""
    from explorer.core.expr import parse
    from explorer.core.sampling import RangeError
    from explorer.ui.panels.function_panel import FunctionPanel, parse_bound

    expression = parse(args.expr, variables=("x",))
    bounds = []
    for name, text in zip(("x min", "x max"), args.xrange, strict=True):
        try:
            bounds.append(parse_bound(text))
        except ValueError as error:
            raise CommandError(f"--xrange {name}: {getattr(error, 'message', error)}") from None
    panel = FunctionPanel()
    try:
        panel.set_x_range(*bounds)
    except RangeError as error:
        raise CommandError(f"--xrange: {error.message}") from None
    panel.resize(args.width, args.height)
    panel.set_expression(expression)
    return panel
