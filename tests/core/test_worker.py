"""The symbolic worker process: time limits, kills, request ids, superseding, errors, real tasks.

The test-only tasks below are registered when the worker process imports this module (it is
passed as ``task_modules=(__name__,)``), so they never reach the app's registry. Nothing here
sleeps or times the worker: tests wait on its own state (the running request, ``busy``, the
results it delivers), and a job that must still be running at some moment is held by a gate (a
named pipe the test opens when it chooses) or spins with a limit far beyond the test's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from worker_gate import make_gate, try_open, wait_at_gate

from explorer.core.expr.errors import ExprError
from explorer.core.worker import SymbolicWorker, WorkerResult, register_task

# Longer than any wait below: a job with this limit ends only when the test ends it.
FOREVER = 3600.0


@register_task("test_echo")
def _echo(payload: dict) -> dict:
    return {"echo": payload}


@register_task("test_gated_echo")
def _gated_echo(payload: dict) -> dict:
    wait_at_gate(payload["gate"])
    return {"echo": payload}


@register_task("test_spin", label="Spinning forever")
def _spin(payload: dict) -> dict:
    while True:  # pure Python: holds the GIL like a big-integer power
        pass


@register_task("test_boom")
def _boom(payload: dict) -> dict:
    return {"value": 1 / 0}


@register_task("test_expr_error")
def _expr_error(payload: dict) -> dict:
    raise ExprError("Unmatched ')'", 4)


@register_task("test_not_plain")
def _not_plain(payload: dict) -> dict:
    return {"value": {1, 2}}


@pytest.fixture
def worker():
    symbolic = SymbolicWorker(task_modules=(__name__,), preload=())
    yield symbolic
    symbolic.shutdown()


def poll_until(
    worker: SymbolicWorker, condition: Callable[[list[WorkerResult]], bool], limit: float = 60
) -> list[WorkerResult]:
    """Poll until ``condition(results so far)`` holds; return every result delivered.

    ``limit`` only ends a wait that would otherwise never end, as qtbot.waitUntil's timeout
    does: reaching it is a failure, not a measurement.
    """
    results: list[WorkerResult] = []
    give_up = time.monotonic() + limit
    while True:
        results.extend(worker.poll())
        if condition(results):
            return results
        assert time.monotonic() < give_up, f"the worker never got there; results: {results}"
        worker.wait(0.05)


def delivered(request_id: int) -> Callable[[list[WorkerResult]], bool]:
    return lambda results: any(result.request_id == request_id for result in results)


def open_gate(worker: SymbolicWorker, gate: Path) -> None:
    """Let the gated job finish, once it holds the gate open."""
    assert poll_until(worker, lambda _: try_open(gate)) == []


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child that was already reaped no longer exists; a zombie would still answer.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def test_round_trip_with_increasing_ids(worker):
    first = worker.submit("test_echo", {"text": "x^2", "n": [1, 2.5, None]}, timeout=30)
    second = worker.submit("test_echo", {"k": 1}, timeout=30, channel="other")
    assert second > first
    result = worker.wait_for(first, timeout=30)
    assert result.ok and result.task == "test_echo"
    assert result.result == {"echo": {"text": "x^2", "n": [1, 2.5, None]}}
    assert worker.wait_for(second, timeout=30).result == {"echo": {"k": 1}}
    assert not worker.busy


def test_a_job_that_never_ends_is_killed_after_its_limit(worker):
    worker.start()
    ready = worker.submit("test_echo", {}, timeout=30)
    assert worker.wait_for(ready, timeout=30).ok
    pid = worker.process_id
    request = worker.submit("test_spin", {}, timeout=0.5)
    result = worker.wait_for(request, timeout=60)
    assert result is not None and not result.ok and result.timed_out
    assert result.error == "Spinning forever took longer than 0.5 s and was stopped."
    assert result.elapsed >= 0.5  # the worker's own clock: not stopped before its limit
    assert not process_exists(pid)
    # The next request gets a fresh process.
    again = worker.submit("test_echo", {"after": "kill"}, timeout=30)
    assert worker.wait_for(again, timeout=30).result == {"echo": {"after": "kill"}}
    assert worker.process_id != pid


def test_poll_does_not_block_while_a_job_runs(worker):
    request = worker.submit("test_spin", {}, timeout=FOREVER)
    poll_until(worker, lambda _: worker.running_request_id == request)
    # A poll that waited for the job would only come back when its limit killed it.
    for _ in range(50):
        assert worker.poll() == []
        assert worker.running_request_id == request
    worker.cancel(request)


def test_newer_request_supersedes_older_in_the_same_channel(tmp_path):
    # A grace period longer than the test: the old job is not killed, it finishes, late.
    worker = SymbolicWorker(task_modules=(__name__,), preload=(), supersede_grace=FOREVER)
    try:
        gate = make_gate(tmp_path)
        old = worker.submit("test_gated_echo", {"gate": str(gate), "which": "old"}, timeout=60)
        poll_until(worker, lambda _: worker.running_request_id == old)
        new = worker.submit("test_echo", {"which": "new"}, timeout=60, channel="test_gated_echo")
        open_gate(worker, gate)  # the old job now finishes, after it was superseded
        results = poll_until(worker, delivered(new))
        results += poll_until(worker, lambda _: not worker.busy)
        assert [r.request_id for r in results] == [new]
        assert results[0].result["echo"]["which"] == "new"
        assert old < new
    finally:
        worker.shutdown()


def test_superseding_a_running_endless_job_kills_it_quickly(worker):
    warm = worker.submit("test_echo", {}, timeout=30)
    assert worker.wait_for(warm, timeout=30).ok
    endless = worker.submit("test_spin", {}, timeout=FOREVER, channel="typing")
    poll_until(worker, lambda _: worker.running_request_id == endless)
    pid = worker.process_id
    newer = worker.submit("test_echo", {"v": 2}, timeout=30, channel="typing")
    # Within poll_until's limit, so long before the endless job's own: killed on superseding.
    results = poll_until(worker, delivered(newer))
    assert [r.request_id for r in results] == [newer]
    assert not process_exists(pid)


def test_cancelled_request_never_reports(worker):
    cancelled = worker.submit("test_echo", {"which": "cancelled"}, timeout=30)
    worker.cancel(cancelled)
    other = worker.submit("test_echo", {}, timeout=30, channel="other")
    results = poll_until(worker, delivered(other))
    results += poll_until(worker, lambda _: not worker.busy)  # nothing left that could report
    assert [r.request_id for r in results] == [other]


def test_cancelling_a_running_endless_job_stops_its_process(worker):
    request = worker.submit("test_spin", {}, timeout=FOREVER)
    poll_until(worker, lambda _: worker.running_request_id == request)
    pid = worker.process_id
    worker.cancel(request)
    assert worker.busy  # still something to wind down: the process burns a core until killed
    results = poll_until(worker, lambda _: not worker.busy)
    assert results == [] and not worker.busy
    assert not process_exists(pid)


@pytest.mark.parametrize(
    ("task", "message", "detail"),
    [
        ("test_boom", "Could not process this expression.", "ZeroDivisionError"),
        ("test_expr_error", "Unmatched ')' (column 4)", ""),
        ("test_not_plain", "The worker produced a result it cannot send.", "set"),
        ("no_such_task", "Unknown worker task 'no_such_task'.", ""),
    ],
)
def test_failures_come_back_as_messages(worker, task, message, detail):
    request = worker.submit(task, {}, timeout=30)
    result = worker.wait_for(request, timeout=30)
    assert not result.ok and not result.timed_out
    assert result.error == message
    assert detail in result.detail


def test_shutdown_stops_the_process(worker):
    request = worker.submit("test_echo", {}, timeout=30)
    assert worker.wait_for(request, timeout=30).ok
    pid = worker.process_id
    worker.shutdown()
    assert worker.process_id is None
    assert not process_exists(pid)


def test_payload_must_be_plain_dict(worker):
    with pytest.raises(TypeError):
        worker.submit("test_echo", "x^2", timeout=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        worker.submit("test_echo", {}, timeout=0)


# -- the app's real tasks --------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_worker():
    symbolic = SymbolicWorker()
    yield symbolic
    symbolic.shutdown()


@pytest.mark.parametrize(
    ("text", "expected_latex"),
    [
        # Seed: f(x) = 3x^2 - 4x has f'(x) = 6x - 4 (so f'(1) = 2).
        ("3x^2 - 4x", "6 x - 4"),
        # Product rule by hand: (x^2 sin x)' = x^2 cos x + 2x sin x.
        ("x^2*sin(x)", r"x \left(x \cos{\left(x \right)} + 2 \sin{\left(x \right)}\right)"),
        # sin^2 + cos^2 = 1, so the derivative simplifies to 0.
        ("sin(x)^2 + cos(x)^2", "0"),
    ],
)
def test_simplify_derivative(app_worker, text, expected_latex):
    request = app_worker.submit(
        "simplify_derivative", {"text": text, "variables": ["x"], "var": "x"}, timeout=60
    )
    result = app_worker.wait_for(request, timeout=90)
    assert result is not None and result.ok, result
    assert app_worker.startup_warnings == []  # every default task module imported cleanly
    assert result.result["variable"] == "x"
    assert result.result["simplified_latex"] == expected_latex
    assert isinstance(result.result["derivative"], str) and result.result["derivative"]


def test_user_text_is_parsed_by_our_parser_not_sympy(app_worker):
    request = app_worker.submit(
        "simplify_derivative", {"text": "open('/etc/passwd').read()", "var": "x"}, timeout=60
    )
    result = app_worker.wait_for(request, timeout=90)
    assert not result.ok
    assert "column" in result.error
    assert "root" not in result.error
