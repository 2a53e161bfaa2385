"""A killable worker process for heavy symbolic work, with time limits and request ids.

sympy's simplify, integrate or a big-integer power can run for seconds and hold the GIL, so the
work runs in a separate process (``spawn`` by default: no inherited Qt state, same behaviour on
every platform). The GUI thread only ever calls non-blocking methods: ``submit`` queues a request
and returns its id, ``poll`` collects finished results. A request past its time limit gets a
timed-out result and the process is killed; the next request starts a fresh one.

Requests share *channels* (by default the task name): a new request supersedes the older one of
its channel, whose result is then dropped. A superseded request that is already running is
given ``supersede_grace`` seconds to finish before the process is killed, so a learner who keeps
typing never waits for a stale simplification to run into its full time limit.

Tasks are plain functions ``fn(payload: dict) -> dict`` registered by name with
``@register_task("name")`` in an importable module. The worker process imports the modules listed
in ``task_modules`` (``DEFAULT_TASK_MODULES`` for the app) at start-up, which fills its registry.
Payloads and results are plain data (str, int, float, bool, None, lists, dicts with str keys);
the user's text travels as text and is re-parsed in the worker by our own parser, never handed to
sympy as a string. Results that are not plain data are refused in the worker.
"""

from __future__ import annotations

import collections
import itertools
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Re-exported: task modules and tests import these from here.
from explorer.core.worker_process import (
    TaskFunction,
    register_task,
    run_task,
    serve,
    task_labels,
)

__all__ = [
    "DEFAULT_TASK_MODULES",
    "SymbolicWorker",
    "TaskFunction",
    "WorkerResult",
    "register_task",
    "run_task",
    "serve",
]

# The modules whose tasks the app's worker offers. Add a line for a new task module.
DEFAULT_TASK_MODULES: tuple[str, ...] = (
    "explorer.core.worker_tasks",
    "explorer.core.derivative.tasks",
    "explorer.core.integral.tasks",
)


@dataclass(frozen=True)
class WorkerResult:
    """The outcome of one request. ``error`` is a learner-readable message when ``ok`` is False."""

    request_id: int
    task: str
    ok: bool
    result: dict | None = None
    error: str | None = None
    timed_out: bool = False
    elapsed: float = 0.0
    detail: str = ""  # a traceback or exception repr, for the log; never shown as the message


@dataclass
class _Request:
    request_id: int
    task: str
    payload: dict
    timeout: float
    channel: str
    started: float | None = None
    deadline: float | None = None
    stale: bool = False


class SymbolicWorker:
    """One worker process serving requests one at a time; all methods are non-blocking but
    ``wait_for``, which is for scripts and tests."""

    def __init__(
        self,
        start_method: str = "spawn",
        task_modules: Iterable[str] = DEFAULT_TASK_MODULES,
        preload: Iterable[str] = ("sympy",),
        memory_limit_bytes: int | None = 2 * 1024**3,
        startup_timeout: float = 60.0,
        supersede_grace: float = 0.3,
    ):
        self._start_method = start_method
        self._task_modules = tuple(task_modules)
        self._preload = tuple(preload)
        self._memory_limit = memory_limit_bytes
        self._startup_timeout = startup_timeout
        self._supersede_grace = supersede_grace
        self._ids = itertools.count(1)
        self._process: Any = None
        self._connection: Any = None
        self._spawned_at = 0.0
        self._ready = False
        self.startup_warnings: list[str] = []
        self._queue: collections.deque[_Request] = collections.deque()
        self._running: _Request | None = None
        self._latest: dict[str, int] = {}
        self._outbox: list[WorkerResult] = []
        self._labels: dict[str, str] = task_labels()  # the worker sends its own on start-up

    # -- public API -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the process now (it imports sympy), so the first request does not wait for it."""
        if self._process is None:
            self._spawn()

    def submit(
        self, task: str, payload: dict, timeout: float = 10.0, channel: str | None = None
    ) -> int:
        """Queue ``task(payload)`` with a time limit in seconds; return its request id."""
        if not isinstance(payload, dict):
            raise TypeError("payload must be a dict of plain data")
        if not timeout > 0:
            raise ValueError("timeout must be positive")
        channel = channel or task
        previous = self._latest.get(channel)
        if previous is not None:
            self._drop(previous)
        request = _Request(next(self._ids), task, payload, float(timeout), channel)
        self._latest[channel] = request.request_id
        self._queue.append(request)
        self.start()
        self._dispatch()
        return request.request_id

    def cancel(self, request_id: int) -> None:
        """Forget a request: its result will never be returned."""
        self._drop(request_id)
        for channel, latest in list(self._latest.items()):
            if latest == request_id:
                del self._latest[channel]

    def poll(self) -> list[WorkerResult]:
        """Collect finished results of current requests; enforce time limits. Never blocks."""
        self._receive()
        self._check_process()
        self._check_deadline()
        self._dispatch()
        results, self._outbox = self._outbox, []
        return results

    def wait_for(self, request_id: int, timeout: float) -> WorkerResult | None:
        """Block until ``request_id`` finishes (or ``timeout`` passes). Not for the GUI thread."""
        end = time.monotonic() + timeout
        others: list[WorkerResult] = []
        try:
            while time.monotonic() < end:
                for result in self.poll():
                    if result.request_id == request_id:
                        return result
                    others.append(result)
                self.wait(0.02)
            return None
        finally:
            self._outbox[:0] = others

    def wait(self, timeout: float) -> None:
        """Block until the process sends something or ``timeout`` seconds pass; ``poll`` then
        collects it. For scripts and tests that wait on the worker's state; never the GUI."""
        if self._connection is not None and self._process is not None:
            self._connection.poll(timeout)
        else:
            time.sleep(timeout)

    @property
    def busy(self) -> bool:
        """Whether there is anything to poll for: queued or running work, or a superseded job
        still to be wound down (polling is what kills it once its grace period is over)."""
        return self._running is not None or bool(self._queue)

    @property
    def running_request_id(self) -> int | None:
        """The request the process is working on now (None when idle or still starting)."""
        return self._running.request_id if self._running is not None else None

    @property
    def process_id(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def shutdown(self) -> None:
        """Stop the process and forget every request."""
        idle = self._running is None
        self._queue.clear()
        self._running = None
        self._latest.clear()
        self._outbox.clear()
        if idle and self._process is not None and self._connection is not None:
            try:
                self._connection.send(("stop",))
            except (OSError, ValueError):
                pass
            self._process.join(0.5)
        self._kill()

    # -- internals --------------------------------------------------------------------------

    def _spawn(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context(self._start_method)
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(
            target=serve,
            args=(child_end, self._task_modules, self._preload, self._memory_limit),
            name="calculus-explorer-symbolic-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        self._process, self._connection = process, parent_end
        self._spawned_at = time.monotonic()
        self._ready = False

    def _kill(self) -> None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        self._ready = False
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(2.0)
        if connection is not None:
            connection.close()

    def _drop(self, request_id: int) -> None:
        for request in list(self._queue):
            if request.request_id == request_id:
                self._queue.remove(request)
        running = self._running
        if running is not None and running.request_id == request_id and not running.stale:
            running.stale = True
            grace_end = time.monotonic() + self._supersede_grace
            running.deadline = min(running.deadline or grace_end, grace_end)
        self._outbox = [r for r in self._outbox if r.request_id != request_id]

    def _dispatch(self) -> None:
        if self._running is not None or not self._queue:
            return
        if self._process is None:
            self._spawn()
            return
        if not self._ready:
            return
        request = self._queue.popleft()
        try:
            self._connection.send(("run", request.request_id, request.task, request.payload))
        except (OSError, ValueError) as error:
            self._finish(request, False, error="The symbolic worker stopped.", detail=repr(error))
            self._kill()
            return
        request.started = time.monotonic()
        request.deadline = request.started + request.timeout
        self._running = request

    def _receive(self) -> None:
        connection = self._connection
        try:
            while connection is not None and connection.poll(0):
                message = connection.recv()
                if message[0] == "ready":
                    self._ready = True
                    self.startup_warnings = list(message[1])
                    self._labels.update(message[2])
                elif message[0] == "result":
                    self._on_result(*message[1:])
        except (EOFError, OSError):
            pass  # the process died; _check_process reports it

    def _on_result(self, request_id: int, ok: bool, value: Any, detail: str, elapsed: float):
        request = self._running
        if request is None or request.request_id != request_id:
            return
        self._running = None
        if ok:
            self._finish(request, True, result=value, elapsed=elapsed)
        else:
            self._finish(request, False, error=value, detail=detail, elapsed=elapsed)

    def _finish(self, request: _Request, ok: bool, **fields: Any) -> None:
        if request.stale:
            return
        if self._latest.get(request.channel) == request.request_id:
            del self._latest[request.channel]
        self._outbox.append(WorkerResult(request.request_id, request.task, ok, **fields))

    def _check_process(self) -> None:
        process = self._process
        if process is None:
            return
        if process.is_alive():
            if not self._ready and time.monotonic() - self._spawned_at > self._startup_timeout:
                self._fail_all("The symbolic worker did not start in time.")
                self._kill()
            return
        code = process.exitcode
        was_ready = self._ready
        self._kill()
        if not was_ready:
            self._fail_all("The symbolic worker could not start.", detail=f"exit code {code}")
        elif self._running is not None:
            request, self._running = self._running, None
            self._finish(
                request,
                False,
                error="The symbolic worker stopped unexpectedly (it may have run out of memory).",
                detail=f"exit code {code}",
            )

    def _fail_all(self, message: str, detail: str = "") -> None:
        for request in self._queue:
            self._finish(request, False, error=message, detail=detail)
        self._queue.clear()

    def _check_deadline(self) -> None:
        request = self._running
        if request is None or request.deadline is None or time.monotonic() < request.deadline:
            return
        self._running = None
        self._kill()
        limit = f"{request.timeout:g}"
        self._finish(
            request,
            False,
            error=f"{self._labels.get(request.task, _describe(request.task))} took longer than "
            f"{limit} s and was stopped.",
            timed_out=True,
            elapsed=time.monotonic() - (request.started or request.deadline),
        )


def _describe(task: str) -> str:
    return f"The task '{task}'"
