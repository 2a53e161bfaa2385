"""Session files: a save reopens as the same state; damaged or hostile files are refused intact."""

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shared_data import load_json

from explorer.core import session as sessions
from explorer.core.panel_state import DerivativeState, FunctionState, GradientState
from explorer.core.session import Session, SessionError, panel_state, read_session, write_session

CATALOGUE = "bad_session_files.json"  # in the shared data beside the clone (tests/shared_data.py)


def _document(**overrides):
    document = {
        "format": sessions.FORMAT,
        "version": sessions.VERSION,
        "window": {"expression": "x^2", "parameters": {"a": 2.0}, "tab": "Derivative"},
        "panels": [{"panel": "Derivative", "state": {"x0": 0.5}}],
    }
    document.update(overrides)
    return document


def _write(tmp_path, content, name="s.calcx"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _refused(path, *words):
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(SessionError) as caught:
        read_session(path)
    message = str(caught.value)
    for word in words:
        assert word in message
    if before is not None:
        assert path.read_bytes() == before
    return message


# ----- round trips ------------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def derivative_states(draw):
    low = draw(finite)
    width = draw(st.floats(1e-3, 1e6))
    return DerivativeState(
        x0=draw(finite),
        x_range=(low, low + width),
        h=draw(st.floats(1e-12, 1.0)),
        epsilon=draw(st.floats(1e-4, 1000.0)),
        show_secant=draw(st.booleans()),
        show_second=draw(st.booleans()),
        show_band=draw(st.booleans()),
    )


@given(
    state=derivative_states(),
    expression=st.text(st.characters(exclude_categories=["Cs"]), max_size=50),
    parameters=st.dictionaries(st.sampled_from("abcdk"), finite, max_size=4),
)
def test_a_saved_session_reopens_with_the_same_state(
    tmp_path_factory, state, expression, parameters
):
    path = tmp_path_factory.mktemp("round") / "s.calcx"
    session = Session(expression=expression, parameters=parameters, tab="Derivative")
    sessions.store_panel_state(session, "Derivative", state)
    sessions.store_panel_state(session, "Function", FunctionState(x_range=state.x_range))
    write_session(path, session)
    reopened = read_session(path)
    assert reopened.expression == expression
    assert reopened.parameters == parameters
    assert reopened.tab == "Derivative"
    assert panel_state(reopened, "Derivative", DerivativeState) == state
    assert panel_state(reopened, "Function", FunctionState) == FunctionState(state.x_range)
    assert reopened.warnings == []


def test_gradient_state_round_trips(tmp_path):
    state = GradientState(expression="x^2 - y^2", point=(0.5, -1.0), theta=1.0, show_field=True)
    session = Session()
    sessions.store_panel_state(session, "Gradient", state)
    write_session(tmp_path / "g.calcx", session)
    assert panel_state(read_session(tmp_path / "g.calcx"), "Gradient", GradientState) == state


def test_a_panel_the_session_does_not_mention_is_left_alone(tmp_path):
    path = _write(tmp_path, json.dumps(_document()))
    assert panel_state(read_session(path), "Gradient", GradientState) is None


def test_the_file_is_versioned_json_holding_source_text(tmp_path):
    session = Session(expression="3x^2 - 4x", tab="Function")
    write_session(tmp_path / "s.calcx", session)
    document = json.loads((tmp_path / "s.calcx").read_text(encoding="utf-8"))
    assert document["format"] == "calc-explorer-session"
    assert document["version"] == sessions.VERSION
    assert document["window"]["expression"] == "3x^2 - 4x"


# ----- the catalogue of damaged files (../shared/data/bad_session_files.json) -------------------


def test_the_shared_catalogue_is_present():
    cases = load_json(CATALOGUE)  # fails, saying where it looked, when it is missing
    assert len(cases) >= 20


def test_missing_format_and_version_is_not_guessed(tmp_path):
    _refused(_write(tmp_path, '{"panels": []}'), "not a Calculus Explorer session")


def test_a_file_deleted_before_opening(tmp_path):
    _refused(tmp_path / "gone.calcx", "no longer exists")


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = _write(tmp_path, json.dumps(_document()))

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    before = path.read_bytes()
    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(SessionError, match="permission denied"):
        read_session(path)
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_truncated_json_names_line_and_column(tmp_path):
    text = '{"format": "calc-explorer-session", "version": 2, "panels": [{"expr": "x^2"'
    message = _refused(_write(tmp_path, text), "damaged", "line 1, column", "Nothing was changed")
    assert f"column {len(text) + 1}" in message  # where the text stops short


def test_an_empty_file(tmp_path):
    _refused(_write(tmp_path, b""), "empty")


def test_unknown_keys_of_a_newer_app_are_kept_on_save(tmp_path):
    document = _document(x_unknown_future_key={"nested": [1, 2]})
    document["panels"][0]["state"]["future_toggle"] = True
    path = _write(tmp_path, json.dumps(document))
    session = read_session(path)
    assert panel_state(session, "Derivative", DerivativeState).x0 == 0.5
    write_session(path, session)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["x_unknown_future_key"] == {"nested": [1, 2]}
    assert saved["panels"][0]["state"]["future_toggle"] is True


@pytest.mark.parametrize("number", ["-1e999", "1e999", "1e16", "9" * 5000, "-" + "9" * 30])
def test_numbers_beyond_a_session_are_refused(tmp_path, number):
    text = json.dumps(_document()).replace('"x0": 0.5', f'"x0": {number}')
    _refused(_write(tmp_path, text), "beyond what a session can hold")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path, constant):
    text = json.dumps(_document()).replace('"x0": 0.5', f'"x0": {constant}')
    _refused(_write(tmp_path, text), constant)


def test_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = _write(tmp_path, json.dumps(_document(version=99)))
    _refused(path, "newer version", "format 99", f"up to {sessions.VERSION}")


def test_an_older_version_is_migrated_and_keeps_a_backup_on_first_save(tmp_path):
    original = {
        "format": sessions.FORMAT,
        "version": 1,
        "expression": "x^3",
        "x_range": [-2, 2],
        "x0": 1.5,
    }
    path = _write(tmp_path, json.dumps(original))
    session = read_session(path)
    assert session.migrated_from == 1
    assert any("older format" in warning for warning in session.warnings)
    assert session.expression == "x^3"
    assert panel_state(session, "Derivative", DerivativeState).x0 == 1.5
    assert panel_state(session, "Function", FunctionState).x_range == (-2.0, 2.0)
    before = path.read_bytes()
    write_session(path, session)
    assert (tmp_path / "s.calcx.v1.bak").read_bytes() == before
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == sessions.VERSION


def test_png_bytes_are_not_a_session(tmp_path):
    _refused(_write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a Calculus Explorer")


def test_non_utf8_json_is_not_a_session(tmp_path):
    _refused(_write(tmp_path, b'{"format": "\xff\xfe"}'), "not UTF-8")


def test_a_file_over_the_size_cap_is_refused_before_reading(tmp_path, monkeypatch):
    path = _write(tmp_path, json.dumps(_document()))
    with path.open("r+b") as handle:
        handle.truncate(sessions.MAX_BYTES + 1)

    def never(*_args, **_kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "open", never)
    with pytest.raises(SessionError, match="at most 5 MB"):
        read_session(path)


def test_a_lone_surrogate_is_replaced_with_a_warning(tmp_path):
    text = json.dumps(_document()).replace('"x^2"', '"x\\ud800"')
    path = _write(tmp_path, text)
    session = read_session(path)
    assert session.expression == "x?"
    assert any("broken character" in warning for warning in session.warnings)
    write_session(tmp_path / "again.calcx", session)  # and it can be saved again


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.calcx"
    os.mkfifo(fifo)
    _refused(fifo, "not a file")


def test_a_directory_and_dev_zero_are_refused(tmp_path):
    _refused(tmp_path, "not a file")
    if Path("/dev/zero").exists():
        _refused(Path("/dev/zero"), "not a file")


def test_too_many_panels(tmp_path):
    panels = [{"panel": f"P{i}", "state": {}} for i in range(100_000)]
    _refused(_write(tmp_path, json.dumps(_document(panels=panels))), "at most 50")


@pytest.mark.parametrize(
    "content", [b"\x80\x04\x95\x00", b"panels:\n  - expr: x^2\n", b"import os\n"]
)
def test_pickle_yaml_or_python_is_not_a_session(tmp_path, content):
    _refused(_write(tmp_path, content), "not a Calculus Explorer session")


def test_a_wrongly_typed_toggle_keeps_its_default_with_a_warning(tmp_path):
    document = _document()
    document["panels"][0]["state"]["show_band"] = "yes"
    session = read_session(_write(tmp_path, json.dumps(document)))
    state = panel_state(session, "Derivative", DerivativeState)
    assert state.show_band is DerivativeState().show_band
    assert state.x0 == 0.5
    assert any(
        "show_band" in warning and "true or false" in warning for warning in session.warnings
    )


def test_duplicate_keys_are_refused(tmp_path):
    _refused(_write(tmp_path, '{"version": 2, "version": 99}'), "'version' twice")


@pytest.mark.parametrize("version", ['"2"', "true", "2.0", "0", "-1"])
def test_the_version_must_be_a_positive_whole_number(tmp_path, version):
    text = f'{{"format": "calc-explorer-session", "version": {version}}}'
    _refused(_write(tmp_path, text), "version")


@pytest.mark.parametrize(
    "document",
    [
        {"format": "calc-explorer-session", "version": 2, "window": []},
        {"format": "calc-explorer-session", "version": 2, "panels": {}},
        {"format": "calc-explorer-session", "version": 2, "panels": [{"state": {}}]},
        {"format": "calc-explorer-session", "version": 2, "window": {"expression": 3}},
        {"format": "calc-explorer-session", "version": 2, "window": {"tab": "x" * 200_000}},
        [],
    ],
)
def test_schema_errors_name_the_json_path(tmp_path, document):
    message = _refused(_write(tmp_path, json.dumps(document)))
    assert "$." in message or "not a Calculus Explorer session" in message


# ----- saving -----------------------------------------------------------------------------------


def test_a_failed_save_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    path = _write(tmp_path, json.dumps(_document()))
    before = path.read_bytes()

    def disk_full(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SessionError, match="No space left on device"):
        write_session(path, Session(expression="changed"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.calcx"]


def test_saving_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(SessionError, match="does not exist"):
        write_session(tmp_path / "nowhere" / "s.calcx", Session())


def test_a_briefly_locked_file_is_retried_then_replaced(tmp_path, monkeypatch):
    path = _write(tmp_path, json.dumps(_document()))
    real_replace = os.replace
    failures = iter([PermissionError(13, "locked"), PermissionError(13, "locked")])
    pauses: list[float] = []

    def flaky(source, target):
        error = next(failures, None)
        if error is not None:
            raise error
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(sessions, "write_atomically", _with_pause(pauses))
    write_session(path, Session(expression="saved"))
    assert read_session(path).expression == "saved"
    assert len(pauses) == 2 and pauses[1] == 2 * pauses[0]


def test_a_file_locked_for_good_is_reported_and_left_intact(tmp_path, monkeypatch):
    path = _write(tmp_path, json.dumps(_document()))
    before = path.read_bytes()

    def locked(_source, _target):
        raise PermissionError(13, "locked")

    pauses: list[float] = []
    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(sessions, "write_atomically", _with_pause(pauses))
    with pytest.raises(SessionError, match="not changed"):
        write_session(path, Session(expression="lost?"))
    assert path.read_bytes() == before
    assert 1.5 <= sum(pauses) <= 3.0  # about two seconds of retrying, then a clear error
    assert [p.name for p in tmp_path.iterdir()] == ["s.calcx"]


def _with_pause(pauses):
    from explorer.core.files import write_atomically

    def recording(path, data):
        return write_atomically(path, data, pause=pauses.append)

    return recording


def _every_state_class():
    from explorer.core.descent.optimizers import RACE_KINDS, default_settings
    from explorer.core.descent.state import DescentState, Racer
    from explorer.core.panel_state import GraphState, IntegralState

    changed_racers = tuple(
        Racer(replace(default_settings(kind), lr=0.05 * (i + 1)), enabled=i % 2 == 0)
        for i, kind in enumerate(RACE_KINDS)
    )
    return [
        FunctionState(x_range=(-1.0, 9.0)),
        DerivativeState(x0=-2.0, show_second=True),
        GradientState(point=(1.0, 2.0), rule_sizes=(4, 3)),
        IntegralState(),
        GraphState(view="operations", forward_mode=True, forward_input="y", step=9),
        DescentState(start=(1.5, -0.5), racers=changed_racers, steps=80, frame=12),
    ]


@pytest.mark.parametrize("state", _every_state_class(), ids=lambda s: type(s).__name__)
def test_every_panel_state_survives_a_file(tmp_path, state):
    session = Session()
    sessions.store_panel_state(session, "Panel", state)
    write_session(tmp_path / "s.calcx", session)
    reopened = read_session(tmp_path / "s.calcx")
    assert panel_state(reopened, "Panel", type(state)) == state
    assert reopened.warnings == []
