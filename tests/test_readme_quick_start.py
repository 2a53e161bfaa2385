"""The README's Quick start works on a stock Debian/Ubuntu, and CI runs its test command as written.

There ``python`` may not exist and ``pip install`` outside a virtual environment is refused
(PEP 668), so both commands start by making and entering ``.venv`` with ``python3``. ``.ci/run``
reads the second command from the README instead of keeping a copy that could drift.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
VENV = "python3 -m venv .venv && . .venv/bin/activate && "


def quick_start() -> str:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]


def shell_blocks(section: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```shell\n(.*?)```", section, re.DOTALL)]


def test_two_commands_each_in_a_virtual_environment():
    blocks = shell_blocks(quick_start())
    assert len(blocks) == 2
    install, tests = blocks
    assert install == VENV + "python -m pip install . && calculus-explorer"
    assert tests == VENV + 'python -m pip install ".[test]" && python -m pytest'


def test_the_readme_says_how_long_the_tests_take():
    assert re.search(r"about \d+½? minutes? on 2 cores", " ".join(quick_start().split()))


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("awk") is None, reason="POSIX")
def test_ci_runs_the_readme_test_command_exactly():
    printed = subprocess.run(
        [str(REPOSITORY / ".ci" / "run"), "--print-test-command"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed == shell_blocks(quick_start())[1]
    script = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    assert "export QT_QPA_PLATFORM=offscreen" in script
    assert script.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in script
