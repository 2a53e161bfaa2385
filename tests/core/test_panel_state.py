"""Panel states: validated on construction, and round-trip through plain JSON values strictly."""

import json

import pytest

from explorer.core.panel_state import (
    DerivativeState,
    FunctionState,
    StateError,
    state_from_dict,
    state_to_dict,
)
from explorer.core.sampling import RangeError


@pytest.mark.parametrize(
    "state",
    [
        FunctionState(),
        FunctionState(x_range=(-6.5, 2.25)),
        DerivativeState(),
        DerivativeState(x0=-0.3, x_range=(0, 7), h=1e-6, epsilon=0.01, show_second=True),
    ],
)
def test_a_state_survives_json_unchanged(state):
    text = json.dumps(state_to_dict(state))
    assert state_from_dict(type(state), json.loads(text)) == state


def test_missing_keys_keep_their_defaults():
    assert state_from_dict(DerivativeState, {"x0": 2}) == DerivativeState(x0=2.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"x0": "1"}, "$.x0: expected a number"),
        ({"x0": True}, "$.x0: expected a number"),
        ({"show_band": 1}, "$.show_band: expected true or false"),
        ({"x_range": [1]}, "$.x_range: expected a list of 2 items"),
        ({"x_range": [0, "5"]}, "$.x_range[1]: expected a number"),
        ({"x_range": [5, 0]}, "$: The range is reversed"),
        ({"h": 0}, "$: h must be a number from 1e-12 to 1"),
        ({"x0": 1e7}, "$: x0 must be a number from -1e+06 to 1e+06"),
        ({"zoom": 2}, "$: unknown key 'zoom'"),
        ([1, 2], "$: expected an object"),
    ],
)
def test_a_bad_saved_state_is_refused_with_its_path(data, message):
    with pytest.raises(StateError) as caught:
        state_from_dict(DerivativeState, data)
    assert str(caught.value).startswith(message)


def test_constructing_a_bad_state_raises_the_learner_message():
    with pytest.raises(RangeError, match="too narrow"):
        FunctionState(x_range=(1.0, 1.0))
    assert FunctionState(x_range=(-1, 1)).x_range == (-1.0, 1.0)
