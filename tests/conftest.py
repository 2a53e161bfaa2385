"""Test-wide setup: Qt runs offscreen, and one hypothesis profile for every run, local or CI.

The profile is the same everywhere so a property test that fails for a developer fails in CI too
(a CI-only fixed seed once hid a wrong oracle). It sets no deadline and silences the "too slow"
health check: both are wall-clock measurements, which on a busy 2-core machine turn a correct
test red. Speed is measured by the benchmarks in tests/benchmarks instead. Examples are derived
from each test (derandomized), the same for a developer and for CI; a failure prints the blob that
reproduces it (``@reproduce_failure``).
"""

import gc
import os
import sys

import pytest
from hypothesis import HealthCheck, settings
from shared_data import fail_where_shared_data_is_missing

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Compile the app once per run: where PYTHONDONTWRITEBYTECODE is set, every process the suite
# starts (the xdist workers, the symbolic worker, the program sandbox, CLI subprocesses) would
# otherwise compile each module from source again (about 0.5 s a process). They read the
# bytecode this writes even with the variable set.
sys.dont_write_bytecode = False
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

settings.register_profile(
    "calculus-explorer",
    # The same examples on every machine, CI or not (Hypothesis would derandomize by itself only
    # where CI is set): main stays green, and a failure reproduces anywhere. Counterexamples
    # found by exploring other seeds stay in their tests as @example cases.
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("calculus-explorer")


def pytest_xdist_auto_num_workers(config):
    """How many processes ``-n auto`` (pyproject's addopts) starts: for the whole suite or a folder
    of it, pytest-xdist's own answer (one per core); for a file or a single test, none, since each
    worker pays a second or more importing Qt and the app, more than such a run takes."""
    folder = config.invocation_params.dir
    if all((folder / arg.split("::")[0]).is_dir() for arg in config.args):
        return None  # fall through to pytest-xdist's count of the cores
    return 0


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "missing_shared_data(name): the shared data file the test needs is missing"
    )


def pytest_collection_finish(session):
    """The modules, tests and data collected live for the whole run: the collector need not look
    at them again each time it runs (``gc.freeze``), which makes every collection during the
    tests cheaper, the many in sympy-heavy tests included."""
    gc.collect()
    gc.freeze()


def pytest_runtest_setup(item):
    fail_where_shared_data_is_missing(item)


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
