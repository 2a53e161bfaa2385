"""``export KIND --session FILE`` draws the saved view; a damaged file exits 2, left as it was."""

import pytest
from cli_runner import run_cli
from PySide6.QtGui import QImage

from explorer.core import session as sessions
from explorer.core.panel_state import DerivativeState, GraphState, IntegralState


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


def test_the_graph_tab_s_session_is_drawn_at_its_saved_step(tmp_path, qapp):
    from explorer.ui.session_export import session_view

    session = sessions.Session(tab="Graph")
    sessions.store_panel_state(session, "Graph", GraphState(step=12))
    path = tmp_path / "graph.calcx"
    sessions.write_session(path, session)
    with session_view("Graph", path) as panel:
        assert panel.state() == GraphState(step=12)
        assert panel.scene.cards[panel.model.node_named("v").id].grad_line.text == "grad  64"
    out = tmp_path / "graph.png"
    done = run_cli("export", "graph", "--session", str(path), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1200


def test_a_python_graph_session_is_run_in_the_worker_and_drawn(tmp_path):
    program = "x = torch.tensor(3.0, requires_grad=True)\ny = x * x\ny.backward()\n"
    session = sessions.Session(tab="Graph")
    sessions.store_panel_state(session, "Graph", GraphState(program=program, mode="python"))
    path = tmp_path / "python.calcx"
    sessions.write_session(path, session)
    out = tmp_path / "python.svg"
    done = run_cli("export", "graph", "--session", str(path), "--out", str(out))
    assert done.returncode == 0, done.stderr
    drawn = out.read_text(encoding="utf-8")
    assert ">mul</text>" in drawn and ">∂y/∂x</text>" in drawn


def test_a_graph_session_whose_program_does_not_build_exits_2(tmp_path):
    session = sessions.Session(tab="Graph")
    sessions.store_panel_state(session, "Graph", GraphState(program="f = (x + "))
    path = tmp_path / "broken.calcx"
    sessions.write_session(path, session)
    before = path.read_bytes()
    out = tmp_path / "broken.png"
    done = run_cli("export", "graph", "--session", str(path), "--out", str(out))
    assert done.returncode == 2
    assert "Graph tab cannot show this session" in done.stderr and "column" in done.stderr
    assert path.read_bytes() == before and not out.exists()


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
