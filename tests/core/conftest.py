"""Every autodiff test runs twice: with the backward pass's speed economies on and off.

The economies (``explorer/core/autodiff/economies.py``) only save arrays; a test whose result
differs between the two runs has found a bug in them. With them on, every result larger than a
number is released once no backward formula needs it (not only large ones, as in the app), so
each rule's backward is checked to read nothing it does not keep.
"""

from __future__ import annotations

import pytest

from explorer.core.autodiff.economies import Retention, economies_set

# The test files that exercise the autodiff core (by name, as the issue lists them).
AUTODIFF_FILES = ("test_autodiff_", "test_torch_snippets", "test_seed_cells")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.path.name.startswith(AUTODIFF_FILES):
        metafunc.fixturenames.append("economies")
        metafunc.parametrize("economies", ["economies on", "economies off"], indirect=True)


@pytest.fixture
def economies(request: pytest.FixtureRequest):
    on = request.param == "economies on"
    previous = Retention.small_elements
    Retention.small_elements = 0 if on else previous
    try:
        with economies_set(on):
            yield request.param
    finally:
        Retention.small_elements = previous
