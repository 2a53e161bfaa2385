"""``calculus-explorer grad`` (f(P), the partials, ∇f, |∇f|, steepest descent, linear
approximation) and ``export gradient`` (the Gradient panel's contour map as PNG or SVG)."""

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

# The view half-width around P when --xrange / --yrange are left out.
DEFAULT_HALF_WIDTH = 3.0


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "grad",
        help="print f(P), ∂f/∂x and ∂f/∂y (formula and value), ∇f(P), |∇f(P)|, the steepest "
        "descent and, with --eps, the linear approximation against the true value",
        configure=_configure_grad,
        run=run_grad,
    )
    registry.add_export(
        "gradient",
        help="draw the contour map of f(x, y) with P, ∇f(P), the level curve through P and the "
        "critical points, as the Gradient panel shows them",
        configure=_configure_export,
        build_target=build_gradient_panel,
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_expression_argument(parser, help='f of x and y, e.g. "log(exp(x) + exp(y))"')
    parser.add_argument(
        "--at", required=True, metavar="X,Y", help="the point P, e.g. 0,ln(2) or -1,pi/2"
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="value of a parameter such as a in a*x^2 + y^2 (default 1); repeat for more",
    )


def _configure_grad(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)
    parser.add_argument(
        "--eps",
        metavar="E1,E2",
        help="a step ε from P: compare f(P + ε) with L = f(P) + ε·∇f(P), e.g. 0.01,-0.03",
    )
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)
    parser.add_argument("--field", action="store_true", help="draw the gradient field's arrows")
    parser.add_argument("--no-critical", action="store_true", help="leave out the critical points")
    for axis in ("x", "y"):
        parser.add_argument(
            f"--{axis}range",
            nargs=2,
            metavar=("MIN", "MAX"),
            help=f"{axis}-range of the map (numbers or constants); default P ± 3",
        )


def _pair(text: str, option: str) -> tuple[float, float]:
    from explorer.core.expr.errors import ExprError
    from explorer.core.gradient.surface import parse_pair

    try:
        return parse_pair(text, "point" if option == "--at" else "step")
    except ExprError as error:
        raise CommandError(f"{option}: {error.message}") from None


def _surface(args: argparse.Namespace) -> Any:
    from explorer.core.gradient.surface import Surface, parse_surface

    expression = parse_surface(expression_argument(args))
    params = parse_parameters(args.param)
    for name in ("x", "y"):
        if name in params:
            raise CommandError(f"--param {name}: {name} is a variable, not a parameter (use --at)")
    unknown = sorted(set(params) - set(expression.parameters))
    if unknown:
        raise CommandError(f"--param {unknown[0]}: f has no parameter {unknown[0]!r}")
    return Surface(expression, params)


def run_grad(args: argparse.Namespace) -> int:
    from explorer.core.gradient.report import gradient_report, pair_text

    surface = _surface(args)
    point = _pair(args.at, "--at")
    epsilon = None if args.eps is None else _pair(args.eps, "--eps")
    report = gradient_report(surface, point, epsilon)
    if not report.analysis.defined:
        raise CommandError(f"f is undefined at P = {pair_text(*point)}: no value, no gradient")
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_text(report.text())
    return EXIT_OK


def _range(texts: list[str] | None, centre: float, option: str) -> tuple[float, float]:
    from explorer.commands.derivative import parse_number

    if texts is None:
        return centre - DEFAULT_HALF_WIDTH, centre + DEFAULT_HALF_WIDTH
    low, high = (
        parse_number(text, f"{option} {end}")
        for text, end in zip(texts, ("min", "max"), strict=True)
    )
    if not low < high:
        raise CommandError(f"{option}: the minimum must be smaller than the maximum")
    return low, high


def build_gradient_panel(args: argparse.Namespace) -> Any:
    """The Gradient panel on the expression at P, its map sized as the image will be."""
    from explorer.core.panel_state import GradientState
    from explorer.ui.panels.gradient_panel import GradientPanel

    surface = _surface(args)
    point = _pair(args.at, "--at")
    x_range = _range(args.xrange, point[0], "--xrange")
    y_range = _range(args.yrange, point[1], "--yrange")
    try:
        state = GradientState(
            expression=expression_argument(args),
            point=point,
            x_range=x_range,
            y_range=y_range,
            show_field=args.field,
            show_critical_points=not args.no_critical,
        )
    except ValueError as error:
        raise CommandError(str(error)) from None
    panel = GradientPanel()
    # Values go into the shared model before f arrives, so the first map uses them (exact: not
    # snapped to the sliders' steps).
    for name, value in surface.parameters.items():
        panel.parameters.model().set_value(name, value)
    panel.prepare_export(state, args.width, args.height)
    return panel
