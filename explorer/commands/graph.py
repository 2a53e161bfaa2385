"""``calculus-explorer graph`` (nodes and edges as text or JSON) and ``export graph`` (PNG/SVG).

    calculus-explorer graph PROGRAM_FILE_OR_EXPR --at w=-1,x=0,y=-2,z=1 [--json] [--view named]
    calculus-explorer export graph PROGRAM_FILE_OR_EXPR --at ... --stage backward --out g.svg

``--view named`` draws only the inputs and named definitions, each edge carrying the single-step
partial ∂definition/∂name (the seed's picture); the default is every operation.

The text comes from ``explorer.core.graph.cli_text``; the picture is the Graph panel's own scene
drawn at a stage of the stepping: ``start`` (structure only), ``forward`` (values), ``backward``
(values and gradients). Bad input exits 2 with the line and column on stderr and writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from explorer.cli import EXIT_OK, CommandError, CommandRegistry

STAGES = ("start", "forward", "backward")
VIEWS = ("operations", "named")


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
    )


def _add_program_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "program",
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
        default="operations",
        help="operations: a node per operation (default); named: inputs and named definitions "
        "only, edges carrying single-step partials",
    )


def _configure_text(parser: argparse.ArgumentParser) -> None:
    _add_program_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _add_program_arguments(parser)
    parser.add_argument(
        "--stage",
        choices=STAGES,
        default="backward",
        help="start: structure only; forward: values; backward: values and gradients (default)",
    )


def _model(args: argparse.Namespace) -> Any:
    from explorer.core.expr.errors import ExprError
    from explorer.core.graph.cli_text import model_for, read_program

    try:
        return model_for(read_program(args.program), args.at, named=args.view == "named")
    except ExprError:
        raise
    except (ValueError, RuntimeError, ArithmeticError, TypeError) as error:
        raise CommandError(f"{type(error).__name__}: {error}") from None


def run_graph(args: argparse.Namespace) -> int:
    import json

    from explorer.core.graph.cli_text import graph_dict, graph_text, read_program

    if args.json:
        text = json.dumps(graph_dict(_model(args)), indent=2, ensure_ascii=False, allow_nan=False)
    else:
        _model(args)  # errors first, so nothing is printed for bad input
        text = graph_text(read_program(args.program), args.at, named=args.view == "named")
    print(text)
    return EXIT_OK


def build_graph_scene(args: argparse.Namespace) -> Any:
    """The graph scene at ``args.stage``, with nothing highlighted."""
    from explorer.core.graph.stepper import Stepper
    from explorer.ui.graph_view.scene import GraphScene

    model = _model(args)
    stepper = Stepper(model)
    if args.stage == "forward":
        stepper.seek(stepper.forward_count)
    elif args.stage == "backward":
        stepper.run_all()
    state = dataclasses.replace(stepper.state, current_node=None, current_edges=())
    scene = GraphScene()
    scene.show_model(model)
    scene.apply_state(state)
    return scene
