"""A graph build as plain data (lists, dicts, numbers), so it can cross the worker's process pipe.

The worker sends back plain data only (``worker_process`` checks it), so a ``GraphBuild`` made
in the worker is turned into nested dicts here and rebuilt, equal field for field, on the GUI
side. Arrays travel as their dtype, shape and flat list of values; errors as their message and
place, rebuilt as an ``ExprError`` the panel marks in the editor.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np

from explorer.core.autodiff.introspect import GraphEdge, GraphNode
from explorer.core.expr.errors import ExprError
from explorer.core.graph.from_text import GraphBuild
from explorer.core.graph.model import GraphModel

_NODE_ARRAYS = ("value", "grad")
_EDGE_ARRAYS = ("local_partial", "contribution", "vector_partial")


def array_to_plain(value: Any) -> dict | None:
    if value is None:
        return None
    array = np.asarray(value)
    return {"dtype": array.dtype.str, "shape": list(array.shape), "data": array.ravel().tolist()}


def array_from_plain(data: dict | None) -> np.ndarray | None:
    if data is None:
        return None
    flat = np.array(data["data"], dtype=np.dtype(data["dtype"]))
    return flat.reshape(tuple(data["shape"]))


def _record(item: Any, arrays: tuple[str, ...]) -> dict:
    record = {}
    for entry in fields(item):
        value = getattr(item, entry.name)
        if entry.name in arrays:
            value = array_to_plain(value)
        elif isinstance(value, tuple):
            value = list(value)
        record[entry.name] = value
    return record


def model_to_plain(model: GraphModel) -> dict:
    return {
        "nodes": [_record(node, _NODE_ARRAYS) for node in model.nodes],
        "edges": [_record(edge, _EDGE_ARRAYS) for edge in model.edges],
        "output_id": model.output_id,
        "source_text": model.source_text,
        "view": model.view,
    }


def model_from_plain(data: dict) -> GraphModel:
    nodes = []
    for record in data["nodes"]:
        record = dict(record)
        for name in _NODE_ARRAYS:
            record[name] = array_from_plain(record[name])
        record["arguments"] = tuple(record["arguments"])
        nodes.append(GraphNode(**record))
    edges = []
    for record in data["edges"]:
        record = dict(record)
        for name in _EDGE_ARRAYS:
            record[name] = array_from_plain(record[name])
        edges.append(GraphEdge(**record))
    return GraphModel(
        tuple(nodes), tuple(edges), data["output_id"], data["source_text"], view=data["view"]
    )


def build_to_plain(build: GraphBuild) -> dict:
    return {
        "model": model_to_plain(build.model),
        "prints": [list(pair) for pair in build.prints],
        "trace": build.trace,
        "leaves": [list(leaf) for leaf in build.leaves],
    }


def build_from_plain(data: dict) -> GraphBuild:
    return GraphBuild(
        model_from_plain(data["model"]),
        prints=tuple(tuple(pair) for pair in data["prints"]),
        trace=data["trace"],
        leaves=tuple(tuple(leaf) for leaf in data["leaves"]),
    )


def error_to_plain(error: Exception) -> dict:
    """A build error's message and place (a non-``ExprError`` keeps its type in the message)."""
    if isinstance(error, ExprError):
        return {"message": error.message, "line": error.line, "column": error.column}
    return {"message": f"{type(error).__name__}: {error}", "line": None, "column": None}


def error_from_plain(data: dict) -> ExprError:
    return ExprError(data["message"], data["column"], line=data["line"])
