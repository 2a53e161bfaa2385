"""Runs the Graph panel's Python programs in the worker process: a status line and a Stop button.

The program never runs on the GUI thread: it is sent to its own ``WorkerBridge`` (a killable
process, started on the first run), which stops it at ``PROGRAM_TIME_LIMIT`` seconds with a
message saying so. The panel's programs get a worker of their own so a stopped or runaway program
never kills a derivative's simplification, nor waits behind one. A newer run supersedes the one
running (the worker drops its answer); Stop ends it at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from explorer.core.expr.errors import ExprError
from explorer.core.graph.from_text import GraphRequest
from explorer.core.graph.plain import build_from_plain, error_from_plain
from explorer.core.graph.tasks import PROGRAM_TASK, PROGRAM_TIME_LIMIT
from explorer.ui.i18n import Context
from explorer.ui.worker_bridge import WorkerBridge

T = Context("GraphPanel")

STOPPED = T.mark("Stopped: the program was ended before it finished.")
_CHANNEL = "graph program"


class ProgramRunner(QWidget):
    """The running program's status and Stop button; emits the build or the error it ended in."""

    finished = Signal(object, object)  # the GraphRequest, its GraphBuild
    failed = Signal(object)  # an ExprError with the program's line and column when known

    def __init__(self, parent: QWidget | None = None, *, poll_interval_ms: int = 20):
        super().__init__(parent)
        self.setObjectName("graphProgramRunner")
        self.status = QLabel()
        self.status.setObjectName("graphRunStatus")
        self.stop_button = T.text(QPushButton(), "Stop")
        self.stop_button.setObjectName("graphStopButton")
        T.tip(self.stop_button, "End the running program (the last graph stays)")
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.stop_button)
        self._poll_interval_ms = poll_interval_ms
        self.time_limit = PROGRAM_TIME_LIMIT  # seconds; the message says it when it is hit
        self._bridge: WorkerBridge | None = None
        self._pending: tuple[int, GraphRequest] | None = None
        self.hide()

    @property
    def running(self) -> bool:
        """A program was sent and its answer is not in yet."""
        return self._pending is not None

    @property
    def executing(self) -> bool:
        """The worker process is running the program now (past its start-up)."""
        if self._pending is None or self._bridge is None:
            return False
        return self._bridge.worker.running_request_id == self._pending[0]

    def run(self, request: GraphRequest) -> None:
        """Send ``request`` (a Python program) to the worker; a running one is superseded."""
        payload = {"text": request.text, "mode": request.mode, "seed": request.seed}
        bridge = self._worker()
        request_id = bridge.submit(PROGRAM_TASK, payload, timeout=self.time_limit, channel=_CHANNEL)
        self._pending = (request_id, request)
        T.text(
            self.status,
            "Running the program… (stopped after {seconds} s)",
            seconds=f"{self.time_limit:g}",
        )
        self.show()

    def stop(self) -> None:
        """End the running program now; its graph is never shown."""
        if self._pending is None:
            return
        self._bridge.cancel(self._pending[0])
        self._done()
        self.failed.emit(ExprError(T(STOPPED)))

    def shutdown(self) -> None:
        self._pending = None
        if self._bridge is not None:
            self._bridge.shutdown()

    def _worker(self) -> WorkerBridge:
        if self._bridge is None:
            self._bridge = WorkerBridge(
                self, task_modules=("explorer.core.graph.tasks",), preload=()
            )
            self._bridge.set_poll_interval(self._poll_interval_ms)
            self._bridge.result_ready.connect(self._on_result)
            self._bridge.failed.connect(self._on_failed)
        return self._bridge

    def _take(self, request_id: int) -> GraphRequest | None:
        if self._pending is None or self._pending[0] != request_id:
            return None
        request = self._pending[1]
        self._done()
        return request

    def _done(self) -> None:
        self._pending = None
        self.status.clear()
        self.hide()

    def _on_result(self, request_id: int, _task: str, result: dict) -> None:
        request = self._take(request_id)
        if request is None:
            return
        if "error" in result:
            self.failed.emit(error_from_plain(result["error"]))
        else:
            self.finished.emit(request, build_from_plain(result["build"]))

    def _on_failed(self, request_id: int, _task: str, message: str) -> None:
        if self._take(request_id) is not None:
            self.failed.emit(ExprError(message))
