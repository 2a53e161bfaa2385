"""The worker process's side of ``explorer.core.worker``: the task registry and the serve loop.

Kept apart from ``SymbolicWorker`` (the GUI side) so what runs in the child is in one place: it
imports the task modules, which register their tasks here, then runs requests one at a time and
sends back plain data only.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable
from typing import Any

TaskFunction = Callable[[dict], dict]

_TASKS: dict[str, TaskFunction] = {}
_LABELS: dict[str, str] = {}


def register_task(name: str, *, label: str | None = None) -> Callable[[TaskFunction], TaskFunction]:
    """Decorator registering ``fn(payload) -> dict`` as the worker task ``name``.

    ``label`` names the job in messages ("Simplifying the derivative took longer than 10 s").
    """

    def decorate(function: TaskFunction) -> TaskFunction:
        _TASKS[name] = function
        _LABELS[name] = label or f"The task '{name}'"
        return function

    return decorate


def task_labels() -> dict[str, str]:
    """The registered tasks' labels by name (a copy), as the worker sends them on start-up."""
    return dict(_LABELS)


def serve(
    connection: Any,
    task_modules: tuple[str, ...],
    preload: tuple[str, ...],
    memory_limit: int | None,
) -> None:
    """The worker process's main loop: run requests one at a time until told to stop."""
    _limit_memory(memory_limit)
    warnings = []
    for module in (*preload, *task_modules):
        try:
            importlib.import_module(module)
        except Exception as error:  # a broken task module must not take the others down
            warnings.append(f"{module}: {error!r}")
    connection.send(("ready", warnings, dict(_LABELS)))
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message[0] != "run":
            return
        _, request_id, task, payload = message
        started = time.perf_counter()
        ok, value, detail = run_task(task, payload)
        elapsed = time.perf_counter() - started
        connection.send(("result", request_id, ok, value, detail, elapsed))


def run_task(task: str, payload: dict) -> tuple[bool, Any, str]:
    """Run one registered task; return (ok, result or message, detail). Never raises."""
    from explorer.core.expr.errors import ExprError

    function = _TASKS.get(task)
    if function is None:
        return False, f"Unknown worker task '{task}'.", ""
    try:
        result = function(payload)
    except ExprError as error:
        return False, str(error), ""
    except RecursionError:
        return False, "This expression is too deeply nested to process.", ""
    except MemoryError:
        return False, "This expression needs too much memory to process.", ""
    except Exception:  # sympy raises anything; the learner gets a message, not a trace
        return False, "Could not process this expression.", traceback.format_exc(limit=8)
    problem = _plain_data_problem(result)
    if problem:
        return False, "The worker produced a result it cannot send.", problem
    return True, result, ""


_PLAIN_SCALARS = (str, int, float, bool, type(None))


def _plain_data_problem(value: Any, path: str = "result") -> str:
    """Why ``value`` is not plain data (empty when it is)."""
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, _PLAIN_SCALARS):
            continue
        if isinstance(item, (list, tuple)):
            stack.extend((element, f"{where}[{i}]") for i, element in enumerate(item))
        elif isinstance(item, dict):
            for key, element in item.items():
                if not isinstance(key, str):
                    return f"{where} has a non-string key {key!r}"
                stack.append((element, f"{where}.{key}"))
        else:
            return f"{where} is a {type(item).__name__}, not plain data"
    return "" if isinstance(value, dict) else f"{path} is not a dict"


def _limit_memory(limit: int | None) -> None:
    """Cap the worker's address space so a runaway expansion fails with MemoryError."""
    if not limit:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not available on this platform; the time limit still applies
