"""Exit codes as the README states them: a file that cannot be written is 1, bad input is 2."""

from __future__ import annotations

import os

import pytest
from cli_runner import run_cli

from explorer.cli import EXIT_FAILURE, EXIT_USAGE


@pytest.mark.parametrize(
    ("kind", "extra"), [("function", []), ("derivative", []), ("graph", ["--at", "x=2"])]
)
def test_an_output_folder_that_does_not_exist_is_exit_1(tmp_path, kind, extra):
    out = tmp_path / "no such folder" / "plot.png"
    result = run_cli("export", kind, "x^2", "--out", str(out), *extra)
    assert result.returncode == EXIT_FAILURE == 1, result.stderr
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not out.parent.exists()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_a_folder_that_cannot_be_written_is_exit_1():
    # Nobody, root included, may create a file in /proc.
    result = run_cli("export", "function", "x^2", "--out", "/proc/plot.svg")
    assert result.returncode == EXIT_FAILURE, result.stderr
    assert "/proc" in result.stderr and "Traceback" not in result.stderr


def test_bad_input_stays_exit_2_even_with_a_bad_folder(tmp_path):
    # The expression is the learner's first problem; the folder is only checked for good input.
    result = run_cli("export", "function", "x^", "--out", str(tmp_path / "nowhere" / "a.png"))
    assert result.returncode == EXIT_USAGE == 2
    assert "Missing a value after '^'" in result.stderr
