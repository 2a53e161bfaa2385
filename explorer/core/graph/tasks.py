"""The graph panel's worker task: run a PyTorch-style program in the killable worker process.

A learner's program can loop for minutes inside every cap; run here, the window stays responsive
and the worker's wall-clock limit (``PROGRAM_TIME_LIMIT``) or the panel's Stop button ends it.
A refused or failing program is an ordinary answer (``{"error": ...}``) so its line and column
reach the editor; only a crash or the time limit is a failed request.
"""

from __future__ import annotations

from explorer.core.expr.errors import ExprError
from explorer.core.graph.from_text import GraphRequest, build_graph
from explorer.core.graph.plain import build_to_plain, error_to_plain
from explorer.core.worker import register_task

PROGRAM_TASK = "graph_program"
PROGRAM_TIME_LIMIT = 5.0  # seconds of wall-clock time, said in the message when hit
# The errors a user's program can cause (the core raises numpy's and Python's own for bad math).
USER_ERRORS = (ExprError, ValueError, RuntimeError, ArithmeticError, TypeError)


@register_task(PROGRAM_TASK, label="The program")
def run_graph_program(payload: dict) -> dict:
    """payload: a ``GraphRequest``'s fields → ``{"build": …}`` or ``{"error": …}`` (plain data)."""
    request = GraphRequest(
        text=str(payload["text"]),
        mode=str(payload["mode"]),
        view=payload.get("view"),
        values=dict(payload.get("values") or {}),
        requires_grad=payload.get("requires_grad"),
        detach=tuple(payload.get("detach") or ()),
        seed=int(payload.get("seed") or 0),
    )
    try:
        return {"build": build_to_plain(build_graph(request))}
    except USER_ERRORS as error:
        return {"error": error_to_plain(error)}
