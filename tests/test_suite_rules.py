"""The suite's own rules: one hypothesis profile everywhere, a loud failure without shared data."""

from __future__ import annotations

import pytest
import shared_data
from hypothesis import settings


def test_one_hypothesis_profile_with_no_wall_clock_limits_whatever_the_environment():
    # Loaded unconditionally by tests/conftest.py: CI and a developer's run see the same examples.
    assert settings.get_profile("calculus-explorer") == settings.default
    assert settings.default.deadline is None
    assert settings.default.derandomize


def test_missing_shared_data_fails_with_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setenv(shared_data.ENVIRONMENT_VARIABLE, str(tmp_path / "nowhere"))
    assert shared_data.shared_file("bad_inputs.json") is None
    with pytest.raises(pytest.fail.Exception, match="bad_inputs.json is missing .*nowhere"):
        shared_data.load_json("bad_inputs.json")
    parameter = shared_data.missing_param("bad_inputs.json", arguments=2)
    assert parameter.values == ("bad_inputs.json", None)
    assert [mark.name for mark in parameter.marks] == ["missing_shared_data"]


def test_the_shared_data_of_this_checkout_is_found():
    assert shared_data.shared_file("bad_inputs.json") is not None, shared_data.missing_message(
        "bad_inputs.json"
    )
