"""The worker bridge in a running GUI: an endless job is killed on time while events keep flowing.

The test-only tasks are registered when the worker process imports this module
(``task_modules=(__name__,)``); the module imports nothing from Qt at the top so that import stays
light in the worker. Nothing here sleeps or times the worker: the tests wait (qtbot.waitUntil,
waitSignal) on the bridge's signals and the worker's own state, and a job that must still be
running at some moment is held by a gate (a named pipe the test opens) or has no practical limit.
"""

from __future__ import annotations

import os

import pytest
from worker_gate import make_gate, try_open, wait_at_gate

from explorer.core.worker import register_task

# Longer than any wait below: a job with this limit ends only when the test ends it.
FOREVER = 3600.0


@register_task("gui_test_spin", label="The endless test job")
def _spin(payload: dict) -> dict:
    while True:  # pure Python, holds the GIL: a thread could not be interrupted
        pass


@register_task("gui_test_gated_echo")
def _gated_echo(payload: dict) -> dict:
    wait_at_gate(payload["gate"])
    return {"which": payload["which"]}


@register_task("gui_test_echo")
def _echo(payload: dict) -> dict:
    return {"which": payload["which"]}


@pytest.fixture
def bridge(qtbot):
    from explorer.ui.worker_bridge import WorkerBridge

    worker_bridge = WorkerBridge(task_modules=(__name__,), preload=(), poll_interval_ms=10)
    yield worker_bridge
    worker_bridge.shutdown()


@pytest.fixture
def ticker(qtbot):
    """A 10 ms QTimer counting its ticks: proof that the event loop keeps running."""
    from PySide6.QtCore import QTimer

    ticks = {"count": 0}
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.__setitem__("count", ticks["count"] + 1))
    timer.start()
    yield ticks
    timer.stop()


def test_endless_job_is_killed_after_its_limit(qtbot, bridge):
    bridge.start()
    pid = bridge.worker.process_id
    with qtbot.waitSignal(bridge.failed, timeout=60000) as blocker:
        request = bridge.submit("gui_test_spin", {}, timeout=1.0)
    assert blocker.args[0] == request
    assert blocker.args[1] == "gui_test_spin"
    assert blocker.args[2] == "The endless test job took longer than 1 s and was stopped."
    with pytest.raises(ProcessLookupError):
        _signal_zero_unless_zombie(pid)
    assert not bridge.busy


def test_events_keep_flowing_while_an_endless_job_runs(qtbot, bridge, ticker):
    request = bridge.submit("gui_test_spin", {}, timeout=FOREVER)
    qtbot.waitUntil(lambda: bridge.worker.running_request_id == request, timeout=60000)
    ticks_while_running = ticker["count"]
    # The bridge polls every 10 ms on this thread: a poll that waited for the job would stop
    # the ticker until the job's limit, an hour away.
    qtbot.waitUntil(lambda: ticker["count"] >= ticks_while_running + 20, timeout=60000)
    assert bridge.worker.running_request_id == request
    bridge.cancel(request)
    qtbot.waitUntil(lambda: not bridge.busy, timeout=60000)


def test_newer_request_supersedes_older_and_old_result_is_dropped(qtbot, tmp_path):
    from explorer.ui.worker_bridge import WorkerBridge

    # A grace period longer than the test: the old job is not killed, it finishes, late.
    bridge = WorkerBridge(
        task_modules=(__name__,), preload=(), poll_interval_ms=10, supersede_grace=FOREVER
    )
    delivered: list[tuple[int, dict]] = []
    bridge.result_ready.connect(lambda rid, task, result: delivered.append((rid, result)))
    try:
        gate = make_gate(tmp_path)
        old = bridge.submit("gui_test_gated_echo", {"gate": str(gate), "which": "old"}, timeout=60)
        # Supersede it while it is running in the worker, not merely queued.
        qtbot.waitUntil(lambda: bridge.worker.running_request_id == old, timeout=60000)
        new = bridge.submit(
            "gui_test_echo", {"which": "new"}, timeout=60, channel="gui_test_gated_echo"
        )
        qtbot.waitUntil(lambda: try_open(gate), timeout=60000)
        qtbot.waitUntil(lambda: not bridge.busy, timeout=60000)
        assert delivered == [(new, {"which": "new"})]
        assert old < new
    finally:
        bridge.shutdown()


def test_shutdown_ends_the_process(qtbot, bridge):
    bridge.start()
    pid = bridge.worker.process_id
    bridge.shutdown()
    assert bridge.worker.process_id is None
    with pytest.raises(ProcessLookupError):
        _signal_zero_unless_zombie(pid)


def _signal_zero_unless_zombie(pid: int) -> None:
    """Raise ProcessLookupError when ``pid`` is gone (a reaped or zombie child counts as gone)."""
    os.kill(pid, 0)
    with open(f"/proc/{pid}/stat") as stat:
        if stat.read().split()[2] == "Z":
            raise ProcessLookupError(pid)
