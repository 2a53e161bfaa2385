"""The command line prints on every platform: besides the gui-script (no console on Windows) the
package installs a console script with the same entry point, which prints."""

from pathlib import Path

import tomllib

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_a_console_script_shares_the_gui_scripts_entry_point():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["calculus-explorer"] == "explorer.cli:main"
    assert project["scripts"]["calculus-explorer-cli"] == "explorer.cli:main"
