"""The one way from graph text to a model: what the Graph panel, ``graph`` and ``export graph`` run.

A ``GraphRequest`` (the text, its mode, the view, input values, requires_grad switches, detached
definitions and the random seed) becomes a ``GraphBuild``: the model to draw plus what the panel
shows around it (what a Python program printed, its control-flow trace, the leaves it made, the
definitions that can be detached). Every decision about the text is made here once: which mode
it reads as, which view it opens in, what an empty program or a program without a tensor says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.core.expr import parse_program
from explorer.core.expr.errors import ExprError
from explorer.core.graph.interpreter import run_program
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS, GraphModel, build_model
from explorer.core.graph.named_steps import build_named_model, prefers_named_steps
from explorer.core.text import format_number

DEFINITIONS, PYTHON = "definitions", "python"
NO_TENSOR = "The program made no tensor to draw: assign one or call .backward()"
NAMED_NEEDS_DEFINITIONS = (
    "The named-steps view needs an expression or definitions: "
    "Python programs are traced operation by operation"
)
_PYTHON_MARKERS = ("torch.", "def ", ".backward(", "import ")


@dataclass(frozen=True)
class GraphRequest:
    """What to draw. ``view`` None opens the program in its own default view (named steps for a
    program of named definitions, every operation otherwise); Python is always every operation.
    ``seed`` seeds ``torch.randn`` before a Python program runs (the panel's seed box)."""

    text: str
    mode: str = DEFINITIONS
    view: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    requires_grad: Mapping[str, bool] | None = None
    detach: tuple[str, ...] = ()
    seed: int = 0


@dataclass(frozen=True)
class GraphBuild:
    """The model and the notes around it."""

    model: GraphModel
    prints: tuple[tuple[str, str], ...] = ()  # (the print's source line, what it printed)
    trace: str = ""  # "while loop (line 3) ran 9 times; …" and in-place notes
    leaves: tuple[tuple[str, str, bool], ...] = ()  # a program's own leaves: name, value, grad

    @property
    def printed(self) -> list[str]:
        return [text for _, text in self.prints]


def looks_like_python(text: str) -> bool:
    """Whether the text reads as PyTorch-style Python rather than our definitions language."""
    return any(marker in text for marker in _PYTHON_MARKERS)


def mode_of(text: str) -> str:
    """The mode a program given without one (on the command line) is read in."""
    return PYTHON if looks_like_python(text) else DEFINITIONS


@dataclass(frozen=True)
class Outline:
    """What a program of definitions needs before it is built: the inputs it reads (first use
    first), the definitions later lines may read (what can be detached) and its default view."""

    inputs: tuple[str, ...]
    definitions: tuple[str, ...]
    view: str


def outline(text: str) -> Outline:
    """The outline of a program of definitions (raises ``ExprError`` when it does not parse)."""
    program = parse_program(text)
    names = tuple(definition.name for definition in program.tree.definitions)
    view = NAMED_STEPS if prefers_named_steps(program) else OPERATIONS
    return Outline(tuple(program.inputs), names[:-1], view)


def build_graph(request: GraphRequest) -> GraphBuild:
    """Build, run backward on and model the request's program; raises ``ExprError`` (and the
    core's ``ValueError``/``RuntimeError``/``ArithmeticError``/``TypeError``) for bad input."""
    if request.mode == PYTHON:
        return _run_python(request)
    program = parse_program(request.text)
    view = request.view or (NAMED_STEPS if prefers_named_steps(program) else OPERATIONS)
    build = build_named_model if view == NAMED_STEPS else build_model
    model = build(
        program,
        request.values,
        requires_grad=request.requires_grad,
        detach=request.detach,
    )
    return GraphBuild(model)


def _run_python(request: GraphRequest) -> GraphBuild:
    if request.view == NAMED_STEPS:
        raise ExprError(NAMED_NEEDS_DEFINITIONS)
    text = request.text
    result = run_program(text, seed=request.seed)
    if result.graph is None:
        raise ExprError(NO_TENSOR)
    lines = text.splitlines()
    prints = tuple(
        (lines[number - 1].strip() if 0 < number <= len(lines) else "print", printed)
        for number, printed in zip(result.print_lines, result.prints, strict=False)
    )
    leaves = tuple(
        (node.symbol, format_number(node.value), node.requires_grad) for node in result.graph.inputs
    )
    trace = "; ".join(filter(None, (result.trace_summary(), *result.in_place_notes)))
    return GraphBuild(result.graph, prints=prints, trace=trace, leaves=leaves)


def wrong_mode_hint(text: str, mode: str) -> str:
    """When a program that failed to build reads as the other mode's language, say which to pick."""
    if mode == DEFINITIONS:
        if looks_like_python(text):
            return "This looks like Python: choose Mode → Python (PyTorch-style)."
        return ""
    try:
        parse_program(text)
    except ExprError:
        return ""
    return "This reads as definitions: choose Mode → Expression / definitions."
