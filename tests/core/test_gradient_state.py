"""The Gradient panel's state round-trips through plain data and refuses bad values."""

import math
from dataclasses import replace

import pytest

from explorer.core.gradient.presets import PRESETS
from explorer.core.gradient.surface import parse_surface
from explorer.core.panel_state import GradientState, StateError, state_from_dict, state_to_dict


def test_round_trip_through_json_values():
    state = GradientState(expression="x^2 - y^2", point=(1.0, -2.0), theta=1.2, show_field=True)
    data = state_to_dict(state)
    assert data["point"] == [1.0, -2.0] and data["expression"] == "x^2 - y^2"
    assert state_from_dict(GradientState, data) == state


def test_theta_is_kept_in_one_turn():
    assert GradientState(theta=-math.pi / 2).theta == pytest.approx(3 * math.pi / 2)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"bogus": 1}, "unknown key"),
        ({"point": [1.0]}, "$.point"),
        ({"point": [1.0, float("nan")]}, "$.point[1]"),
        ({"theta": "0"}, "$.theta"),
        ({"show_field": 1}, "$.show_field"),
        ({"x_range": [2.0, 1.0]}, "x_range"),
        ({"tolerance": 0.0}, "tolerance"),
        ({"rule_seed": 1.5}, "$.rule_seed"),
        ({"rule_sizes": [0, 2]}, "rule_sizes"),
        ({"expression": 3}, "$.expression"),
    ],
)
def test_bad_values_are_refused_with_their_path(data, where):
    with pytest.raises(StateError, match=None) as caught:
        state_from_dict(GradientState, data)
    assert where in str(caught.value)


def test_replace_validates_too():
    with pytest.raises(ValueError):
        replace(GradientState(), tolerance=-1.0)


def test_presets_parse_and_start_inside_their_view():
    titles = [p.title for p in PRESETS]
    assert len(set(titles)) == len(titles) == 6
    for preset in PRESETS:
        parse_surface(preset.expression)
        assert preset.x_range[0] < preset.point[0] < preset.x_range[1]
        assert preset.y_range[0] < preset.point[1] < preset.y_range[1]
