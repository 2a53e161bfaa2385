"""Test-wide setup: Qt runs offscreen (without a platform the test process aborts)."""

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

# CI runs the property tests with a fixed seed so a green main stays green; locally every run
# explores new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def seed_f_of_a():
    """The seed's control-flow program (In [50]–[53], the app's preset): f(a) doubles b until its
    norm reaches 1000, so a.grad == d / a. ``seed_f_of_a(a_line)`` swaps in another ``a = …``."""
    from explorer.core.graph.presets import SEED_CONTROL_FLOW, SEED_CONTROL_FLOW_INPUT

    def program(a_line: str | None = None) -> str:
        return SEED_CONTROL_FLOW.replace(SEED_CONTROL_FLOW_INPUT, a_line or SEED_CONTROL_FLOW_INPUT)

    return program


@pytest.fixture
def forty_definitions() -> str:
    """A program of forty chained definitions in x and y: a graph too big to read whole."""
    return "a1 = sin(x)*x + y\n" + "\n".join(
        f"a{i} = sin(a{i - 1})*x + y*a{i - 1} - a{i - 1}/(1+x^2)" for i in range(2, 41)
    )
