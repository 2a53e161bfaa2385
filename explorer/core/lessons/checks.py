"""A lesson's Check line: the app's own computation from the Show me state, beside the seed's text.

Nothing here stores a result: each kind runs the core the tabs run (the h → 0 table, the gradient
lab's linear approximation, the graph model, the restricted PyTorch-style interpreter, sympy's
integral, the descent race) on the state the lesson's Show me button sets, prints it the way the
seed (or d2l) printed it, and compares the numbers line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.derivative.difference import seed_limit_lines
from explorer.core.descent.objective import parse_objective
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.descent.race import run_race
from explorer.core.descent.state import DescentState
from explorer.core.expr import ExprError, parse
from explorer.core.gradient.point import analyse_point, linear_approximation
from explorer.core.gradient.surface import Surface
from explorer.core.graph.interpreter import run_program
from explorer.core.graph.model import GraphModel, build_model
from explorer.core.graph.named_steps import build_named_model
from explorer.core.graph.presets import PRESETS_BY_KEY
from explorer.core.integral.tasks import integral_exact
from explorer.core.lessons.model import Check, ShowMe
from explorer.core.panel_state import (
    DerivativeState,
    GradientState,
    IntegralState,
    state_from_dict,
)

_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class CheckResult:
    """The app's lines, the seed's lines, and whether every seed line's numbers came out."""

    app: tuple[str, ...]
    seed: tuple[str, ...]
    agrees: bool
    error: str = ""


def numbers_in(line: str) -> list[float]:
    """The numbers printed in a line, in order (``−`` read as a minus sign)."""
    return [float(token.replace("−", "-")) for token in _NUMBER.findall(line)]


def lines_agree(app: Sequence[str], seed: Sequence[str]) -> bool:
    """Every seed line has an app line printing the same numbers in the same order."""
    printed = [numbers_in(line) for line in app]
    return all(numbers_in(line) in printed for line in seed)


def run_check(check: Check) -> CheckResult:
    """Compute ``check`` now; an input the core refuses becomes ``error`` (never an exception)."""
    try:
        app = tuple(_KINDS[check.kind](check.show, check.options))
    except (ExprError, ValueError, KeyError, TypeError, IndexError) as error:
        return CheckResult((), check.seed, False, f"{type(error).__name__}: {error}")
    return CheckResult(app, check.seed, lines_agree(app, check.seed))


def graph_source(show: ShowMe) -> tuple[str, str]:
    """(kind, source) of a Graph Show me: ``program`` definitions or ``python``."""
    if "preset" in show.graph:
        preset = PRESETS_BY_KEY[show.graph["preset"]]
        return preset.kind, preset.source
    return "python", show.graph["python"]


def graph_model(show: ShowMe, detach: Sequence[str] = ()) -> GraphModel:
    """The model a program-of-definitions preset shows, optionally with definitions detached."""
    preset = PRESETS_BY_KEY[show.graph["preset"]]
    if preset.kind != "program":
        raise ValueError(f"preset {preset.key!r} is Python, not named definitions")
    requires_grad = dict.fromkeys(preset.constants, False)
    return build_model(preset.source, preset.values, requires_grad=requires_grad, detach=detach)


def program_lines(source: str, seed: int = 0) -> list[str]:
    """What a PyTorch-style program prints in the app's restricted interpreter."""
    return run_program(source, seed=seed).printed.splitlines()


def _state(show: ShowMe, title: str, cls: type) -> Any:
    return state_from_dict(cls, show.session.panels.get(title, {}))


def _limit_table(show: ShowMe, options: dict) -> list[str]:
    state = _state(show, "Derivative", DerivativeState)
    f = parse(show.session.expression).numpy_function()
    return seed_limit_lines(lambda x: f(x=x), state.x0, state.h, int(options.get("count", 5)))


def _linear_approximation(show: ShowMe, options: dict) -> list[str]:
    state = _state(show, "Gradient", GradientState)
    surface = Surface.from_text(state.expression)
    analysis = analyse_point(surface, *state.point)
    return [linear_approximation(surface, analysis, state.epsilon).seed_text()]


def _named_steps(show: ShowMe, options: dict) -> list[str]:
    return named_steps_lines(graph_model(show))


def named_steps_lines(model: GraphModel) -> list[str]:
    """The seed's by-hand prints for a model: ``f at -1, 0, -2, 1 is 1024``, then each ∂f/∂input."""
    inputs = [node for node in model.nodes if node.is_input]
    output = model.node(model.output_id)
    at = ", ".join(f"{float(node.value):g}" for node in inputs)
    lines = [f"{output.label} at {at} is {float(output.value):g}"]
    lines += [
        f"d{output.label}/d{node.label} at {at} is {float(node.grad):g}"
        for node in inputs
        if node.grad is not None
    ]
    return lines


def _partials(show: ShowMe, options: dict) -> list[str]:
    """Each edge's single-step partial of the named-steps graph (the seed's chain-rule picture):
    ``du/da = 8`` for ∂u/∂a, as the Graph tab's named-steps edges carry them."""
    preset = PRESETS_BY_KEY[show.graph["preset"]]
    if preset.kind != "program":
        raise ValueError(f"preset {preset.key!r} is Python, not named definitions")
    requires_grad = dict.fromkeys(preset.constants, False)
    return partial_lines(
        build_named_model(preset.source, preset.values, requires_grad=requires_grad)
    )


def partial_lines(model: GraphModel) -> list[str]:
    """``du/da = 8`` for every edge of ``model`` carrying a single-number partial."""
    return [
        f"d{model.node(edge.target).label}/d{model.node(edge.source).label} = "
        f"{float(edge.local_partial) + 0.0:g}"
        for edge in model.edges
        if edge.local_partial is not None and np.size(edge.local_partial) == 1
    ]


def _python(show: ShowMe, options: dict) -> list[str]:
    kind, source = graph_source(show)
    if kind != "python":
        raise ValueError("this Show me is not a Python program")
    return program_lines(source, int(options.get("seed", 0)))


def _integral(show: ShowMe, options: dict) -> list[str]:
    return _integral_lines(show, integral_exact(_integral_payload(show)))


def _integral_payload(show: ShowMe) -> dict:
    state = _state(show, "Integral", IntegralState)
    return {
        "text": show.session.expression,
        "params": {},
        "lower": state.lower,
        "upper": state.upper,
    }


def _integral_lines(show: ShowMe, exact: dict) -> list[str]:
    state = _state(show, "Integral", IntegralState)
    text = show.session.expression
    return [f"∫[{state.lower}, {state.upper}] {text} dx = {exact['formula']}"]


# Checks whose computation is sympy's (about a second): the app runs them in the symbolic worker
# process, so opening their lesson never blocks the window. (task name, payload, lines from result)
_WORKER_KINDS: dict[
    str, tuple[str, Callable[[ShowMe], dict], Callable[[ShowMe, dict], list[str]]]
] = {
    "integral": ("integral_exact", _integral_payload, _integral_lines),
}


def worker_request(check: Check) -> tuple[str, dict] | None:
    """(worker task, payload) for a check that needs sympy, or None for one computed at once."""
    if check.kind not in _WORKER_KINDS:
        return None
    task, payload, _lines = _WORKER_KINDS[check.kind]
    try:
        return task, payload(check.show)
    except (ExprError, ValueError, KeyError, TypeError) as error:
        raise ValueError(str(error)) from None


def worker_check_result(check: Check, result: dict) -> CheckResult:
    """The check's result from the worker task's answer (the same lines ``run_check`` prints)."""
    _task, _payload, lines = _WORKER_KINDS[check.kind]
    try:
        app = tuple(lines(check.show, result))
    except (KeyError, TypeError, ValueError) as error:
        return CheckResult((), check.seed, False, f"{type(error).__name__}: {error}")
    return CheckResult(app, check.seed, lines_agree(app, check.seed))


def failed_check(check: Check, message: str) -> CheckResult:
    """A check whose worker job failed or timed out: said, never a crash."""
    return CheckResult((), check.seed, False, message)


def descent_setup(show: ShowMe) -> tuple[str, tuple[float, ...], OptimizerSettings, int]:
    """(f, start, the first racer that is on, steps) from a Descent Show me's saved state."""
    state = _state(show, "Descent", DescentState)
    return state.expression, state.start, state.enabled_settings()[0], state.steps


def _descent(show: ShowMe, options: dict) -> list[str]:
    expression, start, settings, steps = descent_setup(show)
    race = run_race(parse_objective(expression, len(start)), start, [settings], steps)
    point = race.trajectories[0].points[steps]
    if not np.all(np.isfinite(point)):
        raise ValueError("the descent stopped before its last step")
    if len(point) == 1:
        return [f"epoch {steps}, x: {point[0]:f}"]
    names = ", ".join(f"x{i + 1}: {value:f}" for i, value in enumerate(point))
    return [f"epoch {steps}, {names}"]


_KINDS: dict[str, Callable[[ShowMe, dict], list[str]]] = {
    "limit_table": _limit_table,
    "linear_approximation": _linear_approximation,
    "named_steps": _named_steps,
    "partials": _partials,
    "python": _python,
    "integral": _integral,
    "descent": _descent,
}

__all__ = [
    "CheckResult",
    "descent_setup",
    "graph_model",
    "graph_source",
    "lines_agree",
    "named_steps_lines",
    "partial_lines",
    "numbers_in",
    "program_lines",
    "run_check",
    "worker_check_result",
    "worker_request",
    "failed_check",
]
