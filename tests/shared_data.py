"""The team's shared test data (``shared/data`` beside the clone) and a clear failure without it.

Catalogues such as ``bad_inputs.json`` live outside the repository, in ``../shared/data`` next to
the clone (``../../shared/data`` for a git worktree kept under a folder of worktrees; the nearest
one above the clone is used). ``CALCULUS_EXPLORER_SHARED_DATA`` may name the folder instead.
A test that needs a missing file fails, saying where it looked: skipping would let a checkout
without the data pass with the catalogue checks silently left out.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
ENVIRONMENT_VARIABLE = "CALCULUS_EXPLORER_SHARED_DATA"


def _candidates() -> list[Path]:
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return [Path(os.environ[ENVIRONMENT_VARIABLE])]
    return [folder / "shared" / "data" for folder in REPOSITORY.parents]


def shared_file(name: str) -> Path | None:
    """The shared data file ``name``, or None when no shared data folder holds it."""
    return next((folder / name for folder in _candidates() if (folder / name).is_file()), None)


def missing_message(name: str) -> str:
    looked = ", ".join(str(folder) for folder in _candidates()[:3])
    return (
        f"The shared test data file {name} is missing (looked in {looked}). Put the team's "
        f"shared/ folder next to the clone, or set {ENVIRONMENT_VARIABLE} to its data folder."
    )


def load_json(name: str) -> Any:
    """The parsed shared file; fails the calling test with a clear message when it is missing."""
    path = shared_file(name)
    if path is None:
        pytest.fail(missing_message(name), pytrace=False)
    return json.loads(path.read_text(encoding="utf-8"))


def missing_param(name: str, arguments: int = 1) -> Any:
    """The one parameter set (of ``arguments`` values) a data-driven test gets when ``name`` is
    missing: it fails at setup (``fail_where_shared_data_is_missing``, called by conftest.py)."""
    values = (name,) + (None,) * (arguments - 1)
    return pytest.param(*values, marks=pytest.mark.missing_shared_data(name), id=f"missing-{name}")


def fail_where_shared_data_is_missing(item: pytest.Item) -> None:
    mark = item.get_closest_marker("missing_shared_data")
    if mark is not None:
        pytest.fail(missing_message(mark.args[0]), pytrace=False)
