"""House rule: the core never loads Qt or pyqtgraph, so it works from a notebook or a script."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import explorer.core

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6")


def core_modules():
    names = ["explorer", "explorer.core"]
    for module in pkgutil.walk_packages(explorer.core.__path__, prefix="explorer.core."):
        names.append(module.name)
    return names


def test_there_are_core_modules_to_check():
    assert "explorer.core.functions" in core_modules()
    assert "explorer.core.sampling" in core_modules()


def test_importing_every_core_module_loads_no_qt():
    script = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({FORBIDDEN!r}))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported {result.stdout.strip()}"


def test_the_parser_and_version_import_without_sympy_or_qt():
    # `calculus-explorer --version` and typing must not pay for sympy at start-up.
    script = (
        "import sys, explorer\n"
        "explorer.parse('x^2')\n"
        "import explorer.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sympy', 'PySide6', 'pyqtgraph'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
