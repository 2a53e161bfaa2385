"""The worker bridge in a running GUI: an endless job is killed on time while events keep flowing.

The test-only tasks are registered when the worker process imports this module
(``task_modules=(__name__,)``); the module imports nothing from Qt at the top so that import stays
light in the worker.
"""

from __future__ import annotations

import os
import time

import pytest

from explorer.core.worker import register_task


@register_task("gui_test_spin", label="The endless test job")
def _spin(payload: dict) -> dict:
    while True:  # pure Python, holds the GIL: a thread could not be interrupted
        pass


@register_task("gui_test_sleep_echo")
def _sleep_echo(payload: dict) -> dict:
    time.sleep(payload["seconds"])
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


def test_endless_job_is_killed_after_its_limit_while_gui_keeps_running(qtbot, bridge, ticker):
    bridge.start()
    pid = bridge.worker.process_id
    with qtbot.waitSignal(bridge.failed, timeout=30000) as blocker:
        request = bridge.submit("gui_test_spin", {}, timeout=1.0)
        ticks_at_submit = ticker["count"]
        started = time.monotonic()
    waited = time.monotonic() - started
    assert blocker.args[0] == request
    assert blocker.args[1] == "gui_test_spin"
    assert blocker.args[2] == "The endless test job took longer than 1 s and was stopped."
    assert waited >= 1.0
    # At 10 ms a tick, a frozen GUI would show (almost) none during that second.
    assert ticker["count"] - ticks_at_submit >= 20
    with pytest.raises(ProcessLookupError):
        _signal_zero_unless_zombie(pid)
    assert not bridge.busy


def test_newer_request_supersedes_older_and_old_result_is_dropped(qtbot, bridge):
    delivered: list[tuple[int, dict]] = []
    bridge.result_ready.connect(lambda rid, task, result: delivered.append((rid, result)))
    old = bridge.submit("gui_test_sleep_echo", {"seconds": 0.3, "which": "old"}, timeout=30)
    # Supersede it while it is running in the worker, not merely queued.
    qtbot.waitUntil(lambda: bridge.worker.running_request_id == old, timeout=30000)
    new = bridge.submit("gui_test_sleep_echo", {"seconds": 0.0, "which": "new"}, timeout=30)
    qtbot.waitUntil(lambda: len(delivered) > 0, timeout=30000)
    # Give a stale result every chance to show up; it must not.
    with qtbot.assertNotEmitted(bridge.result_ready, wait=800):
        pass
    assert delivered == [(new, {"which": "new"})]
    assert old < new


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
