"""``calculus-explorer descent`` (race optimizers on f, print each path's summary) and
``export descent`` (the race's last frame as PNG/SVG, or the whole animation as a GIF)."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from explorer.commands import (
    EXIT_OK,
    CommandError,
    CommandRegistry,
    add_expression_argument,
    expression_argument,
    print_text,
)

DEFAULT_STEPS = 50
DEFAULT_GIF_FPS = 10.0
DEFAULT_GIF_FRAMES = 100


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "descent",
        help="race optimizers (GD, momentum, Nesterov, RMSProp, Adam, …) on f(x) or f(x, y) and "
        "print each path's end point, loss and whether it diverged",
        configure=_configure_descent,
        run=run_descent,
    )
    registry.add_export(
        "descent",
        help="the Descent panel after the race (.png/.svg), or the race animated (.gif)",
        configure=_configure_export,
        build_target=build_descent_panel,
        extra_formats={"gif": write_descent_gif},
    )


def _add_race_arguments(parser: argparse.ArgumentParser) -> None:
    add_expression_argument(parser, help='f of x, or of x and y, e.g. "x^2 + 2y^2"')
    parser.add_argument(
        "--start",
        help="the start point, x or x,y (default 1 or 1,1), e.g. --start -5,-2",
    )
    parser.add_argument(
        "--opt",
        action="append",
        default=[],
        metavar="KIND[:NAME=VALUE,...]",
        help="an optimizer to race, e.g. sgd:lr=0.1, momentum:lr=0.1,momentum=0.9, "
        "nesterov, rmsprop:lr=0.01,alpha=0.99, adam:lr=0.3,betas=0.9/0.999, adagrad, "
        "adamw:weight_decay=0.01; repeat for more (default: the five race kinds)",
    )
    parser.add_argument(
        "--steps", type=int, default=DEFAULT_STEPS, help=f"steps (default {DEFAULT_STEPS})"
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=1e-3,
        help="‖∇f‖ at which a racer counts as arrived (default 0.001)",
    )


def _configure_descent(parser: argparse.ArgumentParser) -> None:
    _add_race_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _add_race_arguments(parser)
    parser.add_argument(
        "--frames",
        type=int,
        default=DEFAULT_GIF_FRAMES,
        help=f"GIF: number of frames, spread over the race (default {DEFAULT_GIF_FRAMES}, "
        "or one per step when there are fewer steps)",
    )
    parser.add_argument(
        "--fps", type=float, default=DEFAULT_GIF_FPS, help="GIF: frames per second (default 10)"
    )
    parser.set_defaults(width=800, height=600)


def _state(expression: str, args: argparse.Namespace) -> Any:
    """The DescentState the arguments describe; bad input raises CommandError/ExprError."""
    from explorer.commands.derivative import parse_number
    from explorer.core.descent.objective import parse_objective
    from explorer.core.descent.optimizers import parse_settings
    from explorer.core.descent.state import MAX_STEPS, DescentState, Racer, default_racers

    objective = parse_objective(expression)
    if not 0 <= args.steps <= MAX_STEPS:
        raise CommandError(f"--steps must be between 0 and {MAX_STEPS}, got {args.steps}")
    if not args.tolerance > 0:
        raise CommandError(f"--tolerance must be positive, got {args.tolerance}")
    if args.start is None:
        start = (1.0,) * objective.dimension
    else:
        parts = args.start.split(",")
        if len(parts) != objective.dimension:
            names = ",".join(objective.variables)
            raise CommandError(
                f"--start needs {objective.dimension} number(s), {names}, for "
                f"f({', '.join(objective.variables)}); got {args.start!r}"
            )
        start = tuple(parse_number(part, "--start") for part in parts)
    racers = tuple(Racer(parse_settings(text)) for text in args.opt) or default_racers()
    return objective, replace(
        DescentState(),
        expression=objective.text,
        start=start,
        racers=racers,
        steps=args.steps,
        tolerance=args.tolerance,
    )


def run_descent(args: argparse.Namespace) -> int:
    from explorer.core.descent.report import race_json, race_text
    from explorer.core.descent.state import race_for

    objective, state = _state(expression_argument(args), args)
    race = race_for(state, objective)
    if args.json:
        print(json.dumps(race_json(race, state.tolerance), indent=2, ensure_ascii=False))
    else:
        print_text(race_text(race, state.tolerance))
    return EXIT_OK


def build_descent_panel(args: argparse.Namespace) -> Any:
    """The Descent panel after the whole race (its export target is what is rendered)."""
    from explorer.ui.panels.descent_panel import DescentPanel

    _objective, state = _state(expression_argument(args), args)
    panel = DescentPanel()
    panel.set_state(state)
    panel.show_figure_only(args.width, args.height)
    panel.show_frame(panel.race.longest)
    return panel


def write_descent_gif(panel: Any, args: argparse.Namespace) -> str:
    """The race animated: ``--frames`` frames spread over the steps at ``--fps``."""
    from explorer.core.descent.state import frame_steps
    from explorer.ui.export_gif import write_gif

    if args.frames < 1:
        raise CommandError(f"--frames must be at least 1, got {args.frames}")
    if not 0 < args.fps <= 100:
        raise CommandError(f"--fps must be between 0 and 100, got {args.fps:g}")
    steps = frame_steps(panel.race.longest, args.frames)
    return write_gif(panel, args.out, steps, args.fps, args.width, args.height)
