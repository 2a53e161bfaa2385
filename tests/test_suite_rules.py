"""The suite's own rules: one hypothesis profile everywhere, a loud failure without shared data,
and the whole suite on every core while a file or a single test runs in one process."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import shared_data
from hypothesis import settings

REPOSITORY = Path(__file__).resolve().parents[1]


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


@pytest.mark.parametrize(
    ("args", "parallel"),
    [
        (["tests"], True),  # `python -m pytest` (testpaths) and the README's command
        (["tests/ui", "tests/core"], True),
        (["tests/core/test_text.py"], False),
        (["tests/ui", "tests/core/test_text.py::test_format_number"], False),
    ],
)
def test_folders_run_on_every_core_and_files_in_one_process(pytestconfig, args, parallel):
    config = SimpleNamespace(
        args=args,
        invocation_params=SimpleNamespace(dir=REPOSITORY),
        option=SimpleNamespace(numprocesses="auto"),
    )
    workers = pytestconfig.pluginmanager.hook.pytest_xdist_auto_num_workers(config=config)
    assert workers >= 1 if parallel else workers == 0
