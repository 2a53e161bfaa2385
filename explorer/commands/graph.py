"""``calculus-explorer graph`` (nodes and edges as text or JSON) and ``export graph`` (PNG/SVG).

    calculus-explorer graph PROGRAM_FILE_OR_EXPR --at w=-1,x=0,y=-2,z=1 [--json] [--view named]
    calculus-explorer export graph PROGRAM_FILE_OR_EXPR --at ... --stage backward --out g.svg

``--view named`` draws only the inputs and named definitions, each edge carrying the single-step
partial ∂definition/∂name (the seed's picture). ``graph`` defaults to every operation; ``export
graph`` defaults, as the Graph panel does, to named steps for a program of named definitions.

The text comes from ``explorer.core.graph.cli_text``; the picture is the Graph panel's own scene
drawn at a stage of the stepping: ``start`` (structure only: needs no ``--at``, and shows no
numbers when values are missing), ``forward`` (values), ``backward`` (values and gradients).
Without ``--width``/``--height`` the image takes the drawing's own size (text about 17 pixels
high); long chains are wrapped into bands to suit the page (``explorer.ui.graph_view.
export_layout``). Bad input exits 2 with the line and column on stderr and writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from explorer.commands import (
    EXIT_OK,
    CommandError,
    CommandRegistry,
    add_expression_argument,
    expression_argument,
    print_text,
)

STAGES = ("start", "forward", "backward")
VIEWS = ("operations", "named")
AUTO_VIEW = "auto"


class _AutoSize(int):
    """The export's default width/height: a valid size for the shared checks, but recognisably
    "not given", so the graph export can size the image from the drawing."""


def register(registry: CommandRegistry) -> None:
    registry.add_command(
        "graph",
        help="print every node (label, op, value, grad) and edge (local partial) of a graph",
        configure=_configure_text,
        run=run_graph,
    )
    registry.add_export(
        "graph",
        help="draw the computational graph (as the Graph panel does) at a stage of backprop",
        configure=_configure_export,
        build_target=build_graph_scene,
        default_size_help="from the drawing, see below",
    )


def _add_program_arguments(parser: argparse.ArgumentParser, *, default_view: str) -> None:
    add_expression_argument(
        parser,
        metavar="PROGRAM_FILE_OR_EXPR",
        help="an expression, definitions one per line (a = (w+x)^2 ...), PyTorch-style Python, "
        "or a file holding one of those",
    )
    parser.add_argument(
        "--at",
        default="",
        metavar="NAME=VALUE,...",
        help="input values, e.g. w=-1,x=0,y=-2,z=1 (Python programs make their own tensors)",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default=default_view,
        help="operations: a node per operation; named: inputs and named definitions only, edges "
        "carrying single-step partials (default: "
        + ("operations" if default_view != AUTO_VIEW else "named for definitions, like the panel")
        + ")",
    )


def _configure_text(parser: argparse.ArgumentParser) -> None:
    _add_program_arguments(parser, default_view="operations")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _add_program_arguments(parser, default_view=AUTO_VIEW)
    parser.add_argument(
        "--stage",
        choices=STAGES,
        default="backward",
        help="start: structure only (--at optional); forward: values; backward: values and "
        "gradients (default)",
    )
    # Sized from the drawing unless the user asks for a size (the shared defaults are 1200×800).
    parser.set_defaults(width=_AutoSize(1200), height=_AutoSize(800))
    parser.epilog = (
        "Image size: without --width and --height the image takes the drawing's own size "
        "(edge labels about 17 px high; a very wide drawing is wrapped into bands); with one "
        "of them the other follows the drawing's proportions; with both, the graph is fitted "
        "into that size."
    )


def _build(args: argparse.Namespace, *, structure_only: bool = False) -> Any:
    """The graph build (``from_text.build_graph``); ``structure_only`` lets inputs without a
    value be NaN (never shown).

    Names given with ``--at`` that the program does not read are reported on stderr.
    """
    from explorer.core.expr.errors import ExprError
    from explorer.core.graph.cli_text import model_for, parse_at, read_program
    from explorer.core.graph.from_text import PYTHON, mode_of

    program = read_program(expression_argument(args))
    try:
        values = parse_at(args.at)
        given = dict(values)
        if structure_only:
            values = _with_unknown_inputs(program, values)
        built = model_for(program, values, view=_view(args))
    except ExprError as error:
        if error.message.startswith("No value given for") and not structure_only:
            # Only ``export graph`` has --stage; ``graph`` prints numbers, so it needs them all.
            alone = " (or draw the structure alone with --stage start)" if "stage" in args else ""
            raise ExprError(
                f"{error.message}: pass every input with --at, e.g. --at w=-1,x=0{alone}",
                error.column,
            ) from None
        raise
    except (ValueError, RuntimeError, ArithmeticError, TypeError) as error:
        raise CommandError(f"{type(error).__name__}: {error}") from None
    _warn_unused(given, built.model, python=mode_of(program) == PYTHON)
    return built


def _warn_unused(given: dict[str, float], model: Any, *, python: bool) -> None:
    import sys

    if python and given:
        print("warning: --at is ignored: a Python program sets its own values", file=sys.stderr)
        return
    used = {node.symbol for node in model.inputs} | {node.label for node in model.inputs}
    unused = [name for name in given if name not in used]
    if unused:
        names = ", ".join(unused)
        inputs = ", ".join(node.symbol for node in model.inputs) or "none"
        print(
            f"warning: --at gives {names}, which the program does not use (its inputs: {inputs})",
            file=sys.stderr,
        )


def _view(args: argparse.Namespace) -> str | None:
    """The view asked for; None (``export graph``'s default) opens the program's own default."""
    from explorer.core.graph.model import NAMED_STEPS, OPERATIONS

    return None if args.view == AUTO_VIEW else NAMED_STEPS if args.view == "named" else OPERATIONS


def _with_unknown_inputs(program: str, values: dict[str, float]) -> dict[str, float]:
    """Inputs the user gave no value get NaN: the structure is drawn, the numbers are not."""
    from explorer.core.graph.from_text import PYTHON, mode_of, outline

    if mode_of(program) == PYTHON:
        return values
    missing = [name for name in outline(program).inputs if name not in values]
    return {**values, **dict.fromkeys(missing, float("nan"))}


def run_graph(args: argparse.Namespace) -> int:
    import json

    from explorer.core.graph.cli_text import graph_dict, model_text

    built = _build(args)  # errors first, so nothing is printed for bad input
    if args.json:
        data = graph_dict(built.model, built.printed)
        print(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        print_text(model_text(built.model, built.printed))
    return EXIT_OK


def build_graph_scene(args: argparse.Namespace) -> Any:
    """The graph scene at ``args.stage``, with nothing highlighted.

    Sets ``args.width``/``args.height`` from the drawing when the user gave neither (or one).
    """
    import sys

    from explorer.core.graph.stepper import Stepper
    from explorer.ui.graph_view.export_layout import MIN_TEXT_PIXELS, export_picture

    structure_only = args.stage == "start"
    model = _build(args, structure_only=structure_only).model
    stepper = Stepper(model)
    if args.stage == "forward":
        stepper.seek(stepper.forward_count)
    elif args.stage == "backward":
        stepper.run_all()
    state = dataclasses.replace(stepper.state, current_node=None, current_edges=())
    width = None if isinstance(args.width, _AutoSize) else args.width
    height = None if isinstance(args.height, _AutoSize) else args.height
    numbers = not (structure_only and _has_unknown_values(model))
    picture = export_picture(model, state, width=width, height=height, numbers=numbers)
    args.width, args.height = picture.width, picture.height
    if picture.text_pixels < MIN_TEXT_PIXELS:
        print(
            _small_text_note(picture, sized=width is not None or height is not None, model=model),
            file=sys.stderr,
        )
    return picture.scene


def _small_text_note(picture: Any, *, sized: bool, model: Any) -> str:
    """Why the text came out small and what to do: a chosen size was too small, or (no size
    given) the graph is too large to draw readably within the 10 000-px side limit."""
    where = (
        f"at {picture.width}×{picture.height} the graph's text is {picture.text_pixels:.0f} px high"
    )
    if sized:
        return f"note: {where}; leave out --width/--height for a readable size"
    from explorer.core.graph.model import NAMED_STEPS

    named = "" if model.view == NAMED_STEPS else "--view named (definitions only) or "
    return (
        f"note: the graph is large ({len(model.nodes)} nodes): drawn whole within the "
        f"10000-px limit, {where}; try {named}an .svg, which stays sharp when zoomed"
    )


def _has_unknown_values(model: Any) -> bool:
    import numpy as np

    return any(np.isnan(np.asarray(node.value, dtype=float)).any() for node in model.inputs)
