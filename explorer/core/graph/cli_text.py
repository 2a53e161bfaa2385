"""What ``calculus-explorer graph PROGRAM_FILE_OR_EXPR --at w=-1,x=0 [--json]`` prints.

The program is an expression, a program of named definitions, or PyTorch-style Python (run in
the restricted interpreter). ``--at`` is parsed strictly: ``name=number`` pairs separated by
commas, numbers read with ``float`` after a pattern check (no expressions, no NaN or infinity).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import numpy as np

from explorer.core.expr.errors import ExprError
from explorer.core.graph.explain import format_number
from explorer.core.graph.model import GraphModel, build_model

_PAIR = re.compile(
    r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*$"
)
_MAX_FILE_BYTES = 100_000
_PYTHON_MARKERS = ("torch.", "def ", ".backward(", "import ")


def parse_at(text: str) -> dict[str, float]:
    """``"w=-1,x=0,y=-2,z=1"`` → ``{"w": -1.0, ...}``; raises ``ExprError`` on anything else."""
    values: dict[str, float] = {}
    if not text.strip():
        return values
    for index, piece in enumerate(text.split(",")):
        match = _PAIR.match(piece)
        if not match:
            raise ExprError(f"--at: expected name=number, got {piece.strip()!r} (item {index + 1})")
        name, number = match.group(1), float(match.group(2))
        if not math.isfinite(number):
            raise ExprError(f"--at: {name} must be a finite number")
        if name in values:
            raise ExprError(f"--at: {name} is given twice")
        values[name] = number
    return values


def read_program(argument: str) -> str:
    """The argument itself, or the text of the file it names (UTF-8, at most 100 kB)."""
    path = Path(argument)
    try:
        is_file = len(argument) < 4096 and "\n" not in argument and path.is_file()
    except OSError:
        is_file = False
    if not is_file:
        return argument
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise ExprError(f"{argument}: file is too large (max {_MAX_FILE_BYTES // 1000} kB)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ExprError(f"{argument}: not UTF-8 text") from None


def looks_like_python(text: str) -> bool:
    return any(marker in text for marker in _PYTHON_MARKERS)


def model_for(program: str, at: str | dict[str, float] = "", *, named: bool = False) -> GraphModel:
    """Build the graph (after backward) for an expression/program or PyTorch-style Python.

    ``named`` gives the named-steps view (inputs and definitions only, single-step partials).
    """
    values = parse_at(at) if isinstance(at, str) else dict(at)
    if named:
        if looks_like_python(program):
            raise ExprError(
                "--view named needs an expression or definitions: "
                "Python programs are traced operation by operation"
            )
        from explorer.core.graph.named_steps import build_named_model

        return build_named_model(program, values)
    if looks_like_python(program):
        from explorer.core.graph.interpreter import run_program

        result = run_program(program)
        if result.graph is None:
            raise ExprError("The program produced no tensor to draw")
        return result.graph
    return build_model(program, values)


def _plain(value: Any) -> Any:
    """JSON-safe numbers: floats or nested lists; NaN and infinities become null."""
    if value is None:
        return None
    array = np.asarray(value, dtype=np.float64)
    if array.ndim == 0:
        number = float(array)
        return number if math.isfinite(number) else None
    return [_plain(item) for item in array]


def graph_dict(model: GraphModel) -> dict[str, Any]:
    nodes = [
        {
            "id": node.id,
            "label": node.label,
            "op": node.op,
            "formula": node.formula,
            "value": _plain(node.value),
            "grad": _plain(node.grad),
            "is_input": node.is_input,
            "requires_grad": node.requires_grad,
        }
        for node in model.nodes
    ]
    edges = [
        {
            "source": edge.source,
            "target": edge.target,
            "source_label": model.node(edge.source).label,
            "target_label": model.node(edge.target).label,
            "argument_index": edge.argument_index,
            "local_partial": _plain(edge.local_partial),
            "local_partial_formula": edge.local_partial_formula,
            "contribution": _plain(edge.contribution),
            "detached": edge.detached,
        }
        for edge in model.edges
    ]
    output = model.output
    return {
        "output": {"label": output.label, "value": _plain(output.value)},
        "gradients": {name: _plain(grad) for name, grad in model.input_gradients().items()},
        "nodes": nodes,
        "edges": edges,
    }


def graph_json(program_or_file: str, at: str = "", *, named: bool = False) -> str:
    """The ``--json`` output: every node (label, op, value, grad) and edge (local partial)."""
    model = model_for(read_program(program_or_file), at, named=named)
    return json.dumps(graph_dict(model), indent=2, ensure_ascii=False, allow_nan=False)


def graph_text(program_or_file: str, at: str = "", *, named: bool = False) -> str:
    """The plain-text output: the output value, the input gradients, then nodes and edges."""
    model = model_for(read_program(program_or_file), at, named=named)
    output = model.output
    lines = [f"{output.label} = {format_number(output.value)}"]
    lines += [
        f"∂{output.label}/∂{name} = {format_number(grad)}"
        for name, grad in model.input_gradients().items()
    ]
    lines.append("nodes:")
    for node in model.nodes:
        lines.append(
            f"  [{node.id}] {node.label} ({node.op}) value={format_number(node.value)} "
            f"grad={format_number(node.grad)}"
        )
    lines.append("edges:")
    for edge in model.edges:
        partial = format_number(edge.local_partial) if edge.local_partial is not None else "—"
        formula = edge.local_partial_formula
        shown = f"{formula} = {partial}" if formula and formula != partial else partial
        cut = " (detached)" if edge.detached else ""
        source, target = model.node(edge.source), model.node(edge.target)
        lines.append(
            f"  {source.label} → {target.label}: ∂{target.symbol}/∂{source.symbol} = {shown}{cut}"
        )
    return "\n".join(lines)
