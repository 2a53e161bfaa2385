"""The UI suite's own speed-ups keep tests apart: a closed window is freed before the next test, and
a lent symbolic worker is never shared by two live borrowers nor handed on with a job running."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings
from widget_cleanup import free_closed_widgets

from explorer.ui.main_window import MainWindow


def test_a_closed_window_and_its_widgets_are_freed(tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    pieces = [window.expression_input, window.tabs, window.menuBar(), window.current_panel()]
    window.close()
    window.deleteLater()  # as pytest-qt does with a test's widgets
    del window
    assert all(shiboken6.isValid(piece) for piece in pieces)  # Qt waits for an event loop
    free_closed_widgets()
    assert not any(shiboken6.isValid(piece) for piece in pieces)


def test_two_live_borrowers_never_share_a_worker_process(worker_pool):
    first, second = worker_pool.worker(), worker_pool.worker()
    try:
        first.start()
        second.start()
        assert None not in (first.process_id, second.process_id)
        assert first.process_id != second.process_id
        process = first.process_id
        first.shutdown()  # idle: given back with its process
        assert first.process_id is None  # the borrower sees a shut-down worker
        third = worker_pool.worker()
        third.start()
        assert third.process_id == process
        third.shutdown()
    finally:
        first.shutdown()
        second.shutdown()


def test_a_worker_given_back_with_a_job_pending_is_shut_down(worker_pool):
    borrower = worker_pool.worker()
    borrower.start()
    process = borrower.process_id
    borrower.submit(
        "derivative_steps", {"text": "x^2", "variables": ["x"], "parameters": True}, timeout=60
    )
    assert borrower.busy
    borrower.shutdown()
    again = worker_pool.worker()
    try:
        assert not again.busy
        again.start()
        assert again.process_id not in (None, process)  # a new process for the next borrower
    finally:
        again.shutdown()
