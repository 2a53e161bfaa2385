"""``calculus-explorer export function``: plot f(x) to PNG or SVG without opening a window."""

from __future__ import annotations

import argparse
from typing import Any

from explorer.commands import (
    CommandError,
    CommandRegistry,
    add_expression_argument,
    expression_argument,
)

DEFAULT_X_RANGE = ("-5", "5")


def register(registry: CommandRegistry) -> None:
    registry.add_export(
        "function",
        help="plot y = f(x), as the Function panel shows it",
        configure=_configure,
        build_target=build_function_panel,
    )


def _configure(parser: argparse.ArgumentParser) -> None:
    add_expression_argument(parser, help='the function of x, e.g. "x^3 - 1/x"')
    parser.add_argument(
        "--xrange",
        nargs=2,
        metavar=("MIN", "MAX"),
        default=DEFAULT_X_RANGE,
        help="x-range to plot (numbers or constants such as -2pi); default -5 5",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="value of a parameter such as a in a*x^2 + b (default 1, where the panel's sliders "
        "start); repeat for more",
    )


def build_function_panel(args: argparse.Namespace) -> Any:
    """The Function panel showing the expression over ``args.xrange``, parameters at ``--param``."""
    from explorer.commands.derivative import parse_parameters
    from explorer.core.expr import parse
    from explorer.core.sampling import RangeError
    from explorer.ui.panels.function_panel import FunctionPanel, parse_bound

    # Parameters as in the app's input (explorer.ui.expression_input): single letters other
    # than x are sliders in the panel, set here with --param.
    expression = parse(expression_argument(args), variables=("x",), parameters=True)
    params = parse_parameters(args.param)
    unknown = sorted(set(params) - set(expression.parameters))
    if unknown:
        raise CommandError(f"--param {unknown[0]}: the expression has no parameter {unknown[0]!r}")
    bounds = []
    for name, text in zip(("x min", "x max"), args.xrange, strict=True):
        try:
            bounds.append(parse_bound(text))
        except ValueError as error:
            raise CommandError(f"--xrange {name}: {getattr(error, 'message', error)}") from None
    panel = FunctionPanel()
    # Values go into the model before the expression arrives, so the first plot uses them
    # (exact: the model is not snapped to the slider's steps or its -5 .. 5 travel).
    for name, value in params.items():
        panel.parameters.model().set_value(name, value)
    try:
        panel.set_x_range(*bounds)
    except RangeError as error:
        raise CommandError(f"--xrange: {error.message}") from None
    panel.resize(args.width, args.height)
    panel.set_expression(expression)
    return panel
