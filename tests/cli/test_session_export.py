"""``export KIND --session FILE`` draws the saved view; a damaged file exits 2, left as it was."""

import pytest
from cli_runner import run_cli
from PySide6.QtGui import QImage

from explorer.core import session as sessions
from explorer.core.panel_state import DerivativeState, IntegralState


@pytest.fixture
def lesson(tmp_path):
    session = sessions.Session(expression="3x^2 - 4x", tab="Derivative")
    sessions.store_panel_state(session, "Derivative", DerivativeState(x0=2.0, x_range=(-1, 3)))
    sessions.store_panel_state(session, "Integral", IntegralState(lower="0", upper="2", n=4))
    path = tmp_path / "lesson.calcx"
    sessions.write_session(path, session)
    return path


@pytest.mark.parametrize("kind", ["derivative", "integral", "function"])
def test_a_session_is_drawn_without_its_kind_s_own_options(tmp_path, lesson, kind):
    out = tmp_path / f"{kind}.png"
    done = run_cli("export", kind, "--session", str(lesson), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).size().width() == 1200


def test_the_session_s_state_is_what_gets_drawn(qapp, lesson):
    from explorer.ui.session_export import session_view

    with session_view("Derivative", lesson) as panel:
        assert panel.state() == DerivativeState(x0=2.0, x_range=(-1, 3))
        assert panel.window().expression_input.text() == "3x^2 - 4x"
    with session_view("Integral", lesson) as panel:
        assert (panel.state().upper, panel.state().n) == ("2", 4)


def test_a_tab_without_session_state_is_refused(tmp_path, lesson):
    done = run_cli(
        "export", "graph", "x*y", "--session", str(lesson), "--out", str(tmp_path / "g.png")
    )
    assert done.returncode == 2
    assert "Graph tab keeps nothing in a session" in done.stderr


def test_a_damaged_session_exits_2_and_is_left_untouched(tmp_path):
    damaged = tmp_path / "damaged.calcx"
    damaged.write_bytes(b'{"format": "calc-explorer-session", "version": 2, "panels": [')
    out = tmp_path / "out.png"
    done = run_cli("export", "derivative", "--session", str(damaged), "--out", str(out))
    assert done.returncode == 2
    assert "damaged.calcx" in done.stderr and "line 1" in done.stderr
    assert damaged.read_bytes() == b'{"format": "calc-explorer-session", "version": 2, "panels": ['
    assert not out.exists()


def test_without_a_session_the_kind_s_options_are_still_required(tmp_path):
    done = run_cli("export", "derivative", "--out", str(tmp_path / "x.png"))
    assert done.returncode == 2
    assert "--expr" in done.stderr and "--session" in done.stderr
