"""Every autodiff test runs twice: with the backward pass's speed economies on and off.

The economies (``explorer/core/autodiff/economies.py``) only save arrays; a test whose result
differs between the two runs has found a bug in them.
"""

from __future__ import annotations

import pytest

from explorer.core.autodiff.economies import economies_set

# The test files that exercise the autodiff core (by name, as the issue lists them).
AUTODIFF_FILES = ("test_autodiff_", "test_torch_snippets", "test_seed_cells")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.path.name.startswith(AUTODIFF_FILES):
        metafunc.fixturenames.append("economies")
        metafunc.parametrize("economies", ["economies on", "economies off"], indirect=True)


@pytest.fixture
def economies(request: pytest.FixtureRequest):
    with economies_set(request.param == "economies on"):
        yield request.param
