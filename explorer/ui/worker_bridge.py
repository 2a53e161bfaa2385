"""The Qt face of the symbolic worker: submit jobs, get results as signals, never block the GUI.

A ``QTimer`` polls the worker (``SymbolicWorker.poll`` never blocks) only while a request is
outstanding, so an idle app does not wake up. Results of superseded or cancelled requests are
dropped by the worker and therefore never emitted. The worker process is shut down when the
application quits (``aboutToQuit``) or when ``shutdown()`` is called.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from explorer.core.worker import SymbolicWorker

DEFAULT_POLL_INTERVAL_MS = 40


class WorkerBridge(QObject):
    """Owns one ``SymbolicWorker``; emits ``result_ready`` / ``failed`` on the GUI thread."""

    # request id, task name, result dict
    result_ready = Signal(int, str, object)
    # request id, task name, learner-readable message (time-outs included)
    failed = Signal(int, str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        worker: SymbolicWorker | None = None,
        poll_interval_ms: int = DEFAULT_POLL_INTERVAL_MS,
        **worker_options: Any,
    ):
        super().__init__(parent)
        self._worker = worker if worker is not None else SymbolicWorker(**worker_options)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll_now)
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.shutdown)

    @property
    def worker(self) -> SymbolicWorker:
        return self._worker

    def set_poll_interval(self, milliseconds: int) -> None:
        """How often to look for results while a request is outstanding (tests may use 0)."""
        self._timer.setInterval(milliseconds)

    def start(self) -> None:
        """Start the worker process now, so the first request does not wait for sympy to load."""
        self._worker.start()

    def submit(
        self, task: str, payload: dict, timeout: float = 10.0, channel: str | None = None
    ) -> int:
        """Queue a job; a newer job of the same channel (default: the task) supersedes it."""
        request_id = self._worker.submit(task, payload, timeout=timeout, channel=channel)
        if not self._timer.isActive():
            self._timer.start()
        return request_id

    def cancel(self, request_id: int) -> None:
        self._worker.cancel(request_id)

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def poll_now(self) -> None:
        """Deliver finished results as signals; stop polling when nothing is outstanding."""
        results = self._worker.poll()
        if not self._worker.busy:
            self._timer.stop()
        for result in results:
            if result.ok:
                self.result_ready.emit(result.request_id, result.task, result.result)
            else:
                self.failed.emit(result.request_id, result.task, result.error or "")

    def shutdown(self) -> None:
        """Stop polling and end the worker process (safe to call more than once)."""
        self._timer.stop()
        self._worker.shutdown()


def create_worker(parent: QObject | None = None) -> WorkerBridge:
    """The app's bridge: default tasks, process started right away (sympy loads in the worker)."""
    bridge = WorkerBridge(parent)
    bridge.start()
    return bridge
