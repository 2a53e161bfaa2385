"""What ``calculus-explorer graph PROGRAM_FILE_OR_EXPR --at w=-1,x=0 [--json]`` prints.

The program is an expression, a program of named definitions, or PyTorch-style Python (run in
the restricted interpreter). ``--at`` is ``name=value`` pairs separated by commas, each value a
constant expression of our own language (``-1``, ``log(2)``, ``pi/4``) evaluated by its parser
(never ``eval``); variables, NaN and infinities are refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from explorer.core.expr import parse
from explorer.core.expr.errors import ExprError
from explorer.core.graph.from_text import GraphBuild, GraphRequest, build_graph, mode_of
from explorer.core.graph.labels import edge_text
from explorer.core.graph.model import OPERATIONS, GraphModel
from explorer.core.text import format_number

_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$", re.DOTALL)
_MAX_FILE_BYTES = 100_000
# An argument ending like a file name (``seed.txt``, ``net.py``) is a file, never an expression:
# our language has no ``.`` after a letter, so ``x.py`` cannot be a formula.
_FILE_SUFFIX = re.compile(r"[A-Za-z_][\w-]*\.[A-Za-z][A-Za-z0-9]{0,5}$")


def parse_at(text: str) -> dict[str, float]:
    """``"w=-1,x=0,y=log(2)"`` → ``{"w": -1.0, ...}``; raises ``ExprError`` on anything else.

    Values are constant expressions of the app's language, read by its parser (``pi/2``,
    ``log(2)``, ``1e-3``); commas inside parentheses (a two-argument function) do not split.
    """
    values: dict[str, float] = {}
    if not text.strip():
        return values
    for index, piece in enumerate(_split_top_level(text)):
        match = _NAME.match(piece)
        if not match or not match.group(2).strip():
            raise ExprError(f"--at: expected name=value, got {piece.strip()!r} (item {index + 1})")
        name, value_text = match.group(1), match.group(2).strip()
        if name in values:
            raise ExprError(f"--at: {name} is given twice")
        try:
            number = float(parse(value_text, variables=()).evaluate())
        except ExprError as error:
            raise ExprError(f"--at {name}={value_text}: {error.message}") from None
        if not math.isfinite(number):
            raise ExprError(f"--at: {name} must be a finite number, got {value_text}")
        values[name] = number
    return values


def _split_top_level(text: str) -> list[str]:
    pieces, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces


def looks_like_path(argument: str) -> bool:
    """A file name or path (``seed.txt``, ``./prog``, ``dir/net.py``), not an expression."""
    text = argument.strip()
    if not text or "\n" in text or any(c.isspace() for c in text):
        return False
    if text.startswith(("/", "./", "../", "~", "\\")) or "\\" in text:
        return True
    return bool(_FILE_SUFFIX.search(text))


def read_program(argument: str) -> str:
    """The argument itself, or the text of the file it names (UTF-8, at most 100 kB).

    An argument that looks like a path but names no file is an error ("File not found"), not
    an expression with a product of letters.
    """
    path = Path(argument).expanduser() if argument.startswith("~") else Path(argument)
    try:
        is_file = len(argument) < 4096 and "\n" not in argument and path.is_file()
        is_folder = not is_file and len(argument) < 4096 and path.is_dir()
    except OSError:
        is_file = is_folder = False
    if is_folder and looks_like_path(argument):
        raise ExprError(f"{argument} is a folder, not a program file")
    if not is_file:
        if looks_like_path(argument):
            raise ExprError(f"File not found: {argument}")
        return argument
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise ExprError(f"{argument}: file is too large (max {_MAX_FILE_BYTES // 1000} kB)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ExprError(f"{argument}: not UTF-8 text") from None


def model_for(
    program: str, at: str | dict[str, float] = "", *, view: str | None = OPERATIONS
) -> GraphBuild:
    """The graph (after backward) of an expression, definitions or PyTorch-style Python.

    The mode is read from the text (``mode_of``); ``view`` None opens a program in its own
    default view, as the Graph panel does. Everything else is ``from_text.build_graph``'s.
    """
    values = parse_at(at) if isinstance(at, str) else dict(at)
    return build_graph(GraphRequest(program, mode_of(program), view, values))


def _plain(value: Any) -> Any:
    """JSON-safe numbers: floats or nested lists; NaN and infinities become null."""
    if value is None:
        return None
    array = np.asarray(value, dtype=np.float64)
    if array.ndim == 0:
        number = float(array)
        return number if math.isfinite(number) else None
    return [_plain(item) for item in array]


def graph_dict(model: GraphModel, printed: Sequence[str] = ()) -> dict[str, Any]:
    """Every node and edge, the output and gradients, and what a Python program printed."""
    nodes = [
        {
            "id": node.id,
            "label": node.label,
            "name": node.symbol,
            "op": node.op,
            "formula": node.formula or node.name_text,
            "value": _plain(node.value),
            "grad": _plain(node.grad),
            "is_input": node.is_input,
            "requires_grad": node.requires_grad,
        }
        for node in model.nodes
    ]
    edges = []
    for edge in model.edges:
        text = edge_text(model, edge)
        edges.append(
            {
                "source": edge.source,
                "target": edge.target,
                "source_label": model.node(edge.source).label,
                "target_label": model.node(edge.target).label,
                "source_name": model.node(edge.source).symbol,
                "target_name": model.node(edge.target).symbol,
                "argument_index": edge.argument_index,
                "partial": text.line(),
                "local_partial": _plain(edge.local_partial),
                "local_partial_formula": edge.local_partial_formula,
                "vector_partial": _plain(edge.vector_partial),
                "rule": edge.description,
                "contribution": _plain(edge.contribution),
                "detached": edge.detached,
            }
        )
    output = model.output
    result: dict[str, Any] = {
        "output": {"label": output.label, "value": _plain(output.value)},
        "gradients": {name: _plain(grad) for name, grad in model.input_gradients().items()},
        "nodes": nodes,
        "edges": edges,
        "printed": list(printed),
    }
    note = model.nothing_to_differentiate()
    if note:
        result["note"] = note
    return result


def graph_json(program_or_file: str, at: str = "", *, view: str | None = OPERATIONS) -> str:
    """The ``--json`` output: every node (label, op, value, grad) and edge (local partial)."""
    built = model_for(read_program(program_or_file), at, view=view)
    data = graph_dict(built.model, built.printed)
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)


def graph_text(program_or_file: str, at: str = "", *, view: str | None = OPERATIONS) -> str:
    """The plain-text output: the output value, the input gradients, then nodes and edges."""
    built = model_for(read_program(program_or_file), at, view=view)
    return model_text(built.model, built.printed)


def model_text(model: GraphModel, printed: Sequence[str] = ()) -> str:
    """Output value and input gradients, what a Python program printed, then every node and
    every edge with its partial."""
    output = model.output
    lines = [f"{output.label} = {format_number(output.value)}"]
    note = model.nothing_to_differentiate()
    if note:
        lines.append(note)
    else:
        for node in model.inputs:
            lines.append(f"∂{output.symbol}/∂{node.symbol} = {_grad_text(node)}")
    if printed:
        lines.append("printed:")
        lines.extend(f"  {line}" for line in printed)
    lines.append("nodes:")
    for node in model.nodes:
        kind = "input" if node.is_input else "leaf" if node.is_leaf else node.op
        lines.append(
            f"  [{node.id}] {node.symbol} ({kind}) value={format_number(node.value)} "
            f"grad={_grad_text(node)}"
        )
    lines.append("edges:")
    for edge in model.edges:
        source, target = model.node(edge.source), model.node(edge.target)
        text = edge_text(model, edge)
        slot = f" ({text.slot})" if text.slot else ""
        adds = "" if edge.contribution is None else f"; adds {format_number(edge.contribution)}"
        lines.append(
            f"  [{source.id}] {source.symbol} → [{target.id}] {target.symbol}{slot}: "
            f"{text.line()}{adds}"
        )
    return "\n".join(lines)


def _grad_text(node: Any) -> str:
    if node.grad is not None:
        return format_number(node.grad)
    if not node.requires_grad:
        return "None (requires_grad=False)"
    return "None"
