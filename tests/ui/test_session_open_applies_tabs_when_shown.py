"""Opening a session gives the tab in view its state at once and every other tab its state when
it is shown (or asked for): nothing is lost on the way, saving at once writes every tab's saved
state, looking at a tab leaves the document clean, and a bad value in a tab not built yet is
reported when that tab is built."""

from explorer.core import session as sessions
from explorer.core.panel_state import DerivativeState, FunctionState, GradientState, state_to_dict
from explorer.ui.main_window import PendingPanel


def _session_file(tmp_path, **panels):
    session = sessions.Session(expression="x^2 - 1", tab="Derivative", panels=panels)
    return sessions.write_session(tmp_path / "s.calcx", session)


def _tab(window, title):
    return window.tab_index(title)


def test_only_the_tab_in_view_is_built_and_the_others_get_their_state_when_shown(window, tmp_path):
    derivative = DerivativeState(x0=1.25, x_range=(-2.0, 3.0))
    gradient = GradientState(expression="x^2 - y^2", point=(0.5, -0.25))
    function = FunctionState(x_range=(-1.0, 9.0))
    path = _session_file(
        tmp_path,
        Derivative=state_to_dict(derivative),
        Gradient=state_to_dict(gradient),
        Function=state_to_dict(function),
    )
    assert isinstance(window.tabs.widget(_tab(window, "Gradient")), PendingPanel)
    assert window.session.open_path(path)

    assert window.tabs.currentIndex() == _tab(window, "Derivative")
    assert window.tabs.currentWidget().state() == derivative
    # Not built by the open: the Gradient tab waits until it is looked at.
    assert isinstance(window.tabs.widget(_tab(window, "Gradient")), PendingPanel)
    # Saved at once, before any other tab is shown, the file holds every tab's state.
    assert window.session.save_as(tmp_path / "again.calcx")
    reopened = sessions.read_session(tmp_path / "again.calcx")
    assert sessions.panel_state(reopened, "Gradient", GradientState) == gradient
    assert sessions.panel_state(reopened, "Function", FunctionState) == function

    window.tabs.setCurrentIndex(_tab(window, "Gradient"))
    assert window.tabs.currentWidget().state() == gradient
    assert window.panel_titled("Function").state() == function
    assert not window.session.refresh_modified()


def test_a_built_hidden_tab_gets_the_opened_state_not_its_own(window, tmp_path):
    function_panel = window.panel_titled("Function")
    function_panel.set_state(FunctionState(x_range=(-7.0, 7.0)))
    saved = FunctionState(x_range=(0.0, 4.0))
    path = _session_file(tmp_path, Function=state_to_dict(saved))
    assert window.session.open_path(path)
    # Asked for (an export, a test) before it is shown: it has the session's state.
    assert window.panel_titled("Function").state() == saved


def test_a_bad_value_in_a_tab_not_built_yet_is_reported_when_it_is_built(window, tmp_path):
    seen = []
    window.session.problem.connect(lambda title, message: seen.append((title, message)))
    bad = {**state_to_dict(GradientState()), "point": "here"}
    path = _session_file(tmp_path, Gradient=bad)
    assert window.session.open_path(path)
    assert seen == []
    window.tabs.setCurrentIndex(_tab(window, "Gradient"))
    assert window.tabs.currentWidget().state().point == GradientState().point
    assert [title for title, _ in seen] == ["Opened with changes"]
    assert "point" in seen[0][1]


def test_file_new_drops_the_states_still_waiting(window, tmp_path):
    path = _session_file(tmp_path, Gradient=state_to_dict(GradientState(point=(2.0, 2.0))))
    assert window.session.open_path(path)
    assert window.session.new_session()
    window.tabs.setCurrentIndex(_tab(window, "Gradient"))
    assert window.tabs.currentWidget().state() == GradientState()
