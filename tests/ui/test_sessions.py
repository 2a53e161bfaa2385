"""Sessions in the window: save and reopen every tab's state, refuse damaged files without losing
work, ask before discarding changes, autosave and restore after a crash, examples, drops."""

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.core import session as sessions
from explorer.core.panel_state import DerivativeState, FunctionState, GraphInput, GraphState
from explorer.core.panel_state.graph import VIEWS
from explorer.ui.main_window import MainWindow
from explorer.ui.resources import example_sessions

REPO = Path(__file__).resolve().parents[2]


def problems(window):
    seen = []
    window.session.problem.connect(lambda title, message: seen.append((title, message)))
    return seen


def stateful_tabs(window):
    # Every tab's panel, each shown once (tabs are built on first show, and a panel that fits
    # its view to its size does so when shown); the current tab is put back.
    current = window.tabs.currentIndex()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(current)
    panels = [window.tabs.widget(i) for i in range(window.tabs.count())]
    return {
        window.tabs.tabText(i): panel for i, panel in enumerate(panels) if panel.state() is not None
    }


def snapshot(window):
    return (
        window.expression_input.text(),
        window.parameters.values(),
        {title: panel.state() for title, panel in stateful_tabs(window).items()},
    )


def test_save_then_open_restores_every_tab(window, tmp_path):
    window.expression_input.set_text("a*x^2 - 4x")
    window.parameters.set_value("a", 3.0)
    derivative = window.panel_titled("Derivative")
    derivative.set_state(replace(derivative.state(), x0=2.5, h=1e-3, show_band=True))
    window.panel_titled("Function").set_state(FunctionState(x_range=(-2.0, 7.0)))
    window.tabs.setCurrentIndex(1)
    saved = snapshot(window)
    assert window.session.save_as(tmp_path / "work.calcx")
    assert not window.isWindowModified()

    window.expression_input.set_text("sin(x)")
    window.parameters.set_value("a", -1.0)
    derivative.set_state(DerivativeState())
    window.tabs.setCurrentIndex(0)
    assert window.session.refresh_modified() and window.isWindowModified()

    assert window.session.open_path(tmp_path / "work.calcx")
    assert snapshot(window) == saved
    assert window.tabs.currentIndex() == 1
    assert window.windowTitle().startswith("work.calcx[*]")
    assert not window.isWindowModified()


def test_every_tab_s_state_is_saved_and_restored(window, tmp_path):
    saved = snapshot(window)
    assert window.session.save_as(tmp_path / "all.calcx")
    for panel in stateful_tabs(window).values():
        panel.set_state(type(panel.state())())
    assert window.session.open_path(tmp_path / "all.calcx")
    assert snapshot(window) == saved


finite = st.floats(-100, 100, allow_nan=False)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    x0=finite,
    low=finite,
    width=st.floats(0.5, 50),
    h=st.floats(1e-12, 1.0),
    toggles=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    graph=st.builds(
        GraphState,
        inputs=st.lists(finite.map(lambda v: f"{v:.6g}"), min_size=4, max_size=4).map(
            lambda values: tuple(GraphInput(n, v) for n, v in zip("wxyz", values, strict=True))
        ),
        view=st.sampled_from(VIEWS),
        forward_mode=st.booleans(),
        step=st.integers(0, 18),  # within both views' schedules of the seed's chain
    ),
)
def test_random_states_round_trip_through_a_file(
    window, tmp_path, x0, low, width, h, toggles, graph
):
    state = DerivativeState(x0, (low, low + width), h, 0.5, *toggles)
    window.panel_titled("Derivative").set_state(state)
    window.panel_titled("Function").set_state(FunctionState((low, low + width)))
    graph = replace(graph, forward_input="w" if graph.forward_mode else "")
    window.panel_titled("Graph").set_state(graph)
    window.session.save_as(tmp_path / "r.calcx")
    window.panel_titled("Derivative").set_state(DerivativeState())
    window.panel_titled("Graph").set_state(GraphState(step=2))
    assert window.session.open_path(tmp_path / "r.calcx")
    assert window.panel_titled("Derivative").state() == state
    assert window.panel_titled("Function").state() == FunctionState((low, low + width))
    assert window.panel_titled("Graph").state() == graph


DAMAGED = [
    b'{"panels": []}',
    b'{"format": "calc-explorer-session", "version": 2, "panels": [{"expr": "x^2"',
    b"",
    b'{"version": 2, "xmin": -1e999}',
    b'{"format": "calc-explorer-session", "version": 99}',
    b"\x89PNG\r\n\x1a\n",
    b'{"version": 2, "version": 99}',
    b'{"format": "calc-explorer-session", "version": "2"}',
    b"\x80\x04\x95",
]


def test_a_damaged_file_is_refused_left_intact_and_the_work_stays(window, tmp_path):
    window.expression_input.set_text("x^3 - 2x")
    window.panel_titled("Derivative").set_state(DerivativeState(x0=-0.75))
    before = snapshot(window)
    seen = problems(window)
    # One window tries every damaged file in turn (building every tab once, not once a file):
    # each is refused with one message, and no refusal loses any tab's work.
    for number, content in enumerate(DAMAGED):
        path = tmp_path / str(number) / "damaged.calcx"
        path.parent.mkdir()
        path.write_bytes(content)
        seen.clear()
        assert not window.session.open_path(path), content
        assert path.read_bytes() == content
        assert snapshot(window) == before, content
        assert len(seen) == 1 and seen[0][1].startswith("damaged.calcx: "), (content, seen)


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, qtbot):
    window.expression_input.set_text("x^5")
    asked = []

    def cancel():
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    window.session.ask_about_unsaved_changes = cancel
    assert not window.close()
    assert asked and window.isVisible()
    window.session.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Discard
    assert window.close()


def test_closing_without_changes_does_not_ask(window):
    def never():
        raise AssertionError("asked without changes")

    window.session.ask_about_unsaved_changes = never
    assert window.close()


def test_save_in_the_question_saves_then_closes(window, tmp_path):
    assert window.session.save_as(tmp_path / "s.calcx")
    window.expression_input.set_text("x^7")
    window.session.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Save
    assert window.close()
    reopened = sessions.read_session(tmp_path / "s.calcx")
    assert reopened.expression == "x^7"


def test_a_failed_save_keeps_the_unsaved_mark(window, tmp_path):
    window.expression_input.set_text("x^4")
    seen = problems(window)
    assert not window.session.save_as(tmp_path / "missing-folder" / "s.calcx")
    assert seen and "does not exist" in seen[0][1]
    assert window.session.refresh_modified()


CRASHING_PROGRAM = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from explorer.ui.app import ensure_application
    from explorer.ui.main_window import MainWindow
    from explorer.core.panel_state import DerivativeState
    app = ensure_application()
    # The same application names as the test, so the same autosave folder.
    app.setOrganizationName(sys.argv[2])
    app.setApplicationName(sys.argv[3])
    window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.expression_input.set_text("x^2 + 3x")
    window.panel_titled("Derivative").set_state(DerivativeState(x0=0.25))
    assert window.session.autosave_now()
    os._exit(1)  # a crash: no close event, no clean-up
    """
)


def crash_a_window(tmp_path) -> None:
    """Another window of this application autosaves and dies without closing."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASHING_PROGRAM,
            str(tmp_path / "other.ini"),
            QApplication.organizationName(),
            QApplication.applicationName(),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert crashed.returncode == 1, crashed.stderr


def test_after_a_crash_the_autosave_is_offered_and_restored(window, qtbot, tmp_path):
    crash_a_window(tmp_path)
    box = window.session.offer_recovery()
    assert box is not None and box.isVisible()
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert window.expression_input.text() == "x^2 + 3x"
    assert window.panel_titled("Derivative").state().x0 == 0.25
    assert window.isWindowModified()  # recovered work is not saved work
    assert window.session.crashed_autosaves() == []


def test_closing_the_recovery_offer_keeps_the_autosave_for_next_time(window, qtbot, tmp_path):
    crash_a_window(tmp_path)
    box = window.session.offer_recovery()
    assert box.close()  # what Escape, the title bar and quitting the application do
    assert not box.isVisible()
    assert len(window.session.crashed_autosaves()) == 1
    assert window.expression_input.text() != "x^2 + 3x"


def test_a_running_window_s_autosave_is_not_offered_and_a_clean_close_removes_it(
    window, qtbot, settings
):
    window.expression_input.set_text("x^9")
    assert window.session.autosave_now()
    assert not window.session.autosave_now()  # nothing changed since
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.session.crashed_autosaves() == []
    autosave = window.session.autosave_path
    assert autosave.is_file()
    window.session.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Discard
    window.close()
    assert not autosave.exists()
    other.close()


def test_every_example_opens_without_a_warning_and_every_tab_has_one(window):
    examples = example_sessions()
    assert examples
    seen = problems(window)
    tabs_covered = set()
    for title, path in examples:
        assert window.session.open_example(path, title)
        assert window.windowTitle().startswith(f"{title} (example)")
        assert window.session.path is None  # Save asks for a new file
        tabs_covered.add(sessions.read_session(path).tab)
    assert seen == []
    assert set(stateful_tabs(window)) <= tabs_covered


def test_dropping_a_session_file_opens_it(window, qtbot, tmp_path):
    window.expression_input.set_text("cos(x)")
    window.session.save_as(tmp_path / "dropped.calcx")
    window.expression_input.set_text("tan(x)")
    window.session.ask_about_unsaved_changes = lambda: QMessageBox.StandardButton.Discard
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.calcx"))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the window takes a file dragged over it
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.expression_input.text() == "cos(x)")
    assert window.windowTitle().startswith("dropped.calcx")


def test_open_recent_lists_saved_files_newest_first(window, tmp_path):
    for name in ("a.calcx", "b.calcx"):
        window.session.save_as(tmp_path / name)
    assert [p.name for p in window.session.recent_files()] == ["b.calcx", "a.calcx"]
    window.session.recent_menu.aboutToShow.emit()
    titles = [a.text() for a in window.session.recent_menu.actions() if a.text()]
    assert titles[:2] == ["b.calcx", "a.calcx"]


def test_the_saved_file_is_json_a_teacher_can_read(window, tmp_path):
    window.expression_input.set_text("3x^2 - 4x")
    window.panel_titled("Derivative")  # a tab is built (and saved) once it has been shown
    window.session.save_as(tmp_path / "t.calcx")
    document = json.loads((tmp_path / "t.calcx").read_text(encoding="utf-8"))
    assert document["window"]["expression"] == "3x^2 - 4x"
    assert {p["panel"] for p in document["panels"]} >= {"Function", "Derivative"}


def test_a_session_file_on_the_command_line_opens_in_the_window(monkeypatch, tmp_path):
    from explorer import cli
    from explorer.ui import app as app_module
    from explorer.ui import main_window as main_window_module

    session = sessions.Session(expression="x^4 - 2x^2", tab="Derivative")
    sessions.store_panel_state(session, "Derivative", DerivativeState(x0=-1.25))
    sessions.write_session(tmp_path / "lesson.calcx", session)
    shown = {}

    def run_event_loop(_app):
        shown_windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        window = next(w for w in shown_windows if isinstance(w, MainWindow))
        shown["expression"] = window.expression_input.text()
        shown["x0"] = window.panel_titled("Derivative").state().x0
        shown["title"] = window.windowTitle()
        window.close()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", run_event_loop)
    # The worker and sympy's warm-up thread are not what this test is about; a thread still
    # importing sympy when pytest exits can crash the interpreter's shutdown.
    monkeypatch.setattr(main_window_module, "start_background_services", lambda _window: None)
    assert cli.main([str(tmp_path / "lesson.calcx")]) == 0
    assert shown == {
        "expression": "x^4 - 2x^2",
        "x0": -1.25,
        "title": "lesson.calcx[*] — Calculus Explorer",
    }


def test_only_a_lone_calcx_argument_is_a_session_to_open():
    from explorer import cli

    assert cli.SESSION_SUFFIX == sessions.SUFFIX
    assert cli.session_file_argument(["class/Lesson 1.CALCX"]) == "class/Lesson 1.CALCX"
    assert cli.session_file_argument(["diff", "x.calcx"]) is None
    assert cli.session_file_argument(["--version"]) is None
