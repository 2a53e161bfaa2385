"""One symbolic worker process per test process, lent in turn to the windows and panels under test.

Every MainWindow (and every panel with a WorkerBridge) starts the app's symbolic worker: a
``spawn``-ed process that imports sympy and the task modules, about a second of CPU each time and
a hundred times in a run. ``WorkerPool.worker`` stands in for the ``SymbolicWorker`` class in
``explorer.ui.worker_bridge`` while a UI test runs: a bridge gets the pool's idle worker of its
configuration (the real class, its process possibly already running), and gives it back when it
is shut down (the window closed). A worker given back busy is shut down first, exactly as the
bridge would have done, so its process is killed and the next borrower starts a new one; an idle
one keeps its process. A second bridge alive at the same time gets a worker of its own, so two
windows never poll the same process.

Only workers of the app's own task modules are lent. Tests of the worker itself (its own task
modules, a killed or ended process) construct theirs directly and always get a fresh process.
"""

from __future__ import annotations

from typing import Any

from explorer.core.worker import DEFAULT_TASK_MODULES, SymbolicWorker


class LentWorker:
    """A ``SymbolicWorker`` on loan: every attribute is the lent worker's, but ``shutdown``
    gives it back; afterwards it is an unstarted worker of its own, as a shut-down one is."""

    def __init__(self, pool: WorkerPool, key: tuple, worker: SymbolicWorker, options: dict):
        self._pool = pool
        self._key = key
        self._worker: SymbolicWorker = worker
        self._options = options
        self._lent = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._worker, name)

    def shutdown(self) -> None:
        if not self._lent:
            self._worker.shutdown()
            return
        self._lent = False
        self._pool.give_back(self._key, self._worker)
        self._worker = SymbolicWorker(**self._options)


class WorkerPool:
    """Idle workers by configuration; ``worker(**options)`` is used as ``SymbolicWorker(...)``."""

    def __init__(self) -> None:
        self._idle: dict[tuple, SymbolicWorker] = {}
        self._out: list[LentWorker] = []

    def worker(self, **options: Any) -> SymbolicWorker | LentWorker:
        modules = options.get("task_modules", DEFAULT_TASK_MODULES)
        if not all(module.startswith("explorer.") for module in modules):
            return SymbolicWorker(**options)
        key = tuple(sorted((name, repr(value)) for name, value in options.items()))
        worker = self._idle.pop(key, None) or SymbolicWorker(**options)
        lent = LentWorker(self, key, worker, options)
        self._out.append(lent)
        return lent

    def give_back(self, key: tuple, worker: SymbolicWorker) -> None:
        self._out = [lent for lent in self._out if lent._worker is not worker]
        if worker.busy:
            worker.shutdown()  # as the borrower's shutdown would: the running job's process ends
        worker.poll()  # drop results nobody collected
        if key in self._idle:
            worker.shutdown()
        else:
            self._idle[key] = worker

    def take_back_all(self) -> None:
        """At the end of a test: workers whose borrowers were never shut down come back too."""
        for lent in list(self._out):
            lent.shutdown()

    def close(self) -> None:
        self.take_back_all()
        for worker in self._idle.values():
            worker.shutdown()
        self._idle.clear()
