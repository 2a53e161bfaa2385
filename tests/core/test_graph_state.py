"""The Graph panel's state: validated, written to a session file and read back strictly."""

import json

import numpy as np
import pytest

from explorer.core import session as sessions
from explorer.core.expr.errors import ExprError
from explorer.core.graph.from_text import DEFINITIONS, PYTHON
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.core.graph.presets import PRESETS_BY_KEY
from explorer.core.panel_state import GraphInput, GraphState, state_from_dict, state_to_dict
from explorer.core.panel_state.graph import MODES, VIEWS, parse_input_value


def test_the_state_names_modes_and_views_as_the_engine_does():
    assert MODES == (DEFINITIONS, PYTHON)
    assert set(VIEWS) == {NAMED_STEPS, OPERATIONS}


def test_the_default_state_is_the_seed_chain_preset():
    chain = PRESETS_BY_KEY["chain"]
    state = GraphState()
    assert (state.program, state.mode, state.view, state.step) == (
        chain.source,
        DEFINITIONS,
        NAMED_STEPS,
        0,
    )
    assert state.values() == chain.values


def test_a_state_survives_json_with_typed_values_kept_as_typed():
    state = GraphState(
        program="log(exp(x) + exp(y))",
        inputs=(GraphInput("x", "0"), GraphInput("y", "log(2)", requires_grad=False)),
        view=OPERATIONS,
        detach=("a",),
        forward_mode=True,
        forward_input="x",
        step=7,
    )
    text = json.dumps(state_to_dict(state), ensure_ascii=False)
    assert '"log(2)"' in text
    assert state_from_dict(GraphState, json.loads(text)) == state
    assert state.values()["y"] == pytest.approx(np.log(2))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"mode": "javascript"}, "mode must be one of definitions, python"),
        ({"view": "tree"}, "view must be one of"),
        ({"step": -1}, "step must be a whole number"),
        ({"seed": 10**7}, "seed must be a whole number"),
        ({"inputs": [{"name": "x", "value": "sinx"}]}, "input x: Unknown name"),
        ({"inputs": [{"name": "2x", "value": "1"}]}, "not a name"),
        ({"inputs": [{"name": "x"}, {"name": "x"}]}, "same input twice"),
        ({"detach": ["a b"]}, "detach must list definition names"),
    ],
)
def test_a_bad_saved_state_is_refused_naming_the_field(changes, message):
    with pytest.raises(sessions.StateError, match=message):
        state_from_dict(GraphState, changes)


def test_a_bad_field_in_a_file_keeps_its_default_and_the_rest_is_restored(tmp_path):
    session = sessions.Session()
    sessions.store_panel_state(session, "Graph", GraphState(step=5, view=OPERATIONS))
    session.panels["Graph"]["seed"] = "forty-two"
    session.panels["Graph"]["inputs"][0]["value"] = "1/0"
    sessions.write_session(tmp_path / "g.calcx", session)
    reopened = sessions.read_session(tmp_path / "g.calcx")
    state = sessions.panel_state(reopened, "Graph", GraphState)
    assert (state.step, state.view, state.seed, state.inputs) == (
        5,
        OPERATIONS,
        0,
        GraphState().inputs,
    )
    assert len(reopened.warnings) == 2
    assert any("$.panels.Graph.seed" in warning for warning in reopened.warnings)


def test_values_are_read_as_numbers_constants_or_vectors():
    assert parse_input_value("[0, 1, 2, 3]").tolist() == [0, 1, 2, 3]
    assert parse_input_value("log(2)") == pytest.approx(np.log(2))
    assert parse_input_value("−1.5") == -1.5
    for bad in ("", "x", "1/0", "1e999", "2,,3", ",".join(["1"] * 65)):
        with pytest.raises(ExprError):
            parse_input_value(bad)
