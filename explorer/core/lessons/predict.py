"""Predict, then reveal: the right answer computed live, a guess scored, the usual mistake named.

Each prediction kind computes the answer and the values the usual mistakes lead to, both with the
app's core: a forgotten path in the chain rule's sum is the gradient with one intermediate
detached (so one path is cut); a sign error is the negated answer; ∂out/∂in reversed is its
reciprocal; a detached value treated as differentiable is the program run without ``.detach()``;
a learning rate that overshoots is a guess on the near side of the minimum when the step jumps
past it (the gradient's sign flips).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explorer.core.descent.objective import parse_objective
from explorer.core.descent.race import run_race
from explorer.core.expr import parse_program
from explorer.core.graph.interpreter import run_program
from explorer.core.graph.presets import PRESETS_BY_KEY
from explorer.core.lessons.checks import descent_setup, graph_model, graph_source
from explorer.core.lessons.model import Prediction

RELATIVE_TOLERANCE = 1e-3
ABSOLUTE_TOLERANCE = 1e-6

# Each mistake's name, as the learner reads it.
MISTAKES: dict[str, dict[str, str]] = {
    "forgotten_path": {
        "en": "a path was left out of the chain rule's sum (add the products along every path)",
        "zh": "链式法则求和时漏掉了一条路径（应把每条路径上的乘积相加）",
    },
    "sign": {
        "en": "a sign error (the right size, the wrong sign)",
        "zh": "符号错误（大小对，正负号反了）",
    },
    "reversed": {
        "en": "∂out/∂in reversed (this is ∂in/∂out: 1 over the answer)",
        "zh": "把 ∂输出/∂输入 弄反了（这是 ∂输入/∂输出，即答案的倒数）",
    },
    "detached": {
        "en": "a detached value treated as differentiable (no gradient flows through .detach())",
        "zh": "把 detach() 之后的值当成可微的（梯度不会流过 .detach()）",
    },
    "overshoot": {
        "en": "the learning rate overshoots: the step jumps past the minimum, not short of it",
        "zh": "学习率过大：这一步越过了最小值，而不是停在它之前",
    },
}


@dataclass(frozen=True)
class Verdict:
    """A scored guess: right or not, the answer, and the mistake it matches (if any)."""

    correct: bool
    answer: float
    mistake: str | None = None


@dataclass(frozen=True)
class _Answer:
    value: float
    mistakes: list[tuple[str, float]]  # (mistake, the value it leads to)
    start: float | None = None  # the descent step's starting x (for overshoot)
    crossed: bool = False  # the true step jumped past a stationary point


def prediction_answer(prediction: Prediction) -> float:
    """The value the app reveals after the guess."""
    return _answer(prediction).value


def score_prediction(prediction: Prediction, guess: float) -> Verdict:
    """Score ``guess``: correct within 0.1 %, else the named mistake whose value it matches."""
    answer = _answer(prediction)
    if not math.isfinite(guess):
        return Verdict(False, answer.value)
    if _close(guess, answer.value):
        return Verdict(True, answer.value)
    for name, value in answer.mistakes:
        if math.isfinite(value) and _close(guess, value):
            return Verdict(False, answer.value, name)
    if answer.crossed and answer.start is not None:
        # The step lands beyond the minimum; a guess between the start and the answer's side
        # of the start that stays on the start's side expected the step to stop short.
        if (guess - answer.start) * (answer.value - answer.start) > 0 and abs(
            guess - answer.start
        ) < abs(answer.value - answer.start):
            return Verdict(False, answer.value, "overshoot")
    return Verdict(False, answer.value)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=ABSOLUTE_TOLERANCE)


def _answer(prediction: Prediction) -> _Answer:
    return _ANSWERS[prediction.kind](prediction)


def _general_mistakes(value: float) -> list[tuple[str, float]]:
    mistakes = [("sign", -value)] if value != 0 else []
    if value not in (0.0, 1.0, -1.0):
        mistakes.append(("reversed", 1.0 / value))
    return mistakes


def _chain_gradient(prediction: Prediction) -> _Answer:
    variable = str(prediction.options["variable"])
    model = graph_model(prediction.show)
    value = _input_grad(model, variable)
    mistakes = _general_mistakes(value)
    # Cut one intermediate at a time: what is left is the sum without that intermediate's paths.
    program = parse_program(PRESETS_BY_KEY[prediction.show.graph["preset"]].source)
    for name in [d.name for d in program.definitions if d.name != program.output_name]:
        partial = _input_grad(graph_model(prediction.show, detach=[name]), variable)
        if not _close(partial, value):
            mistakes.append(("forgotten_path", partial))
    return _Answer(value, mistakes)


def _input_grad(model, variable: str) -> float:
    for node in model.nodes:
        if node.is_input and node.label == variable:
            return float(node.grad) if node.grad is not None else 0.0
    raise KeyError(f"the program has no input {variable!r}")


def _detach_gradient(prediction: Prediction) -> _Answer:
    _, source = graph_source(prediction.show)
    variable = str(prediction.options["variable"])
    index = int(prediction.options.get("index", 0))
    value = _grad_item(source, variable, index)
    attached = _grad_item(source.replace(".detach()", ""), variable, index)
    mistakes = _general_mistakes(value)
    if not _close(attached, value):
        mistakes.append(("detached", attached))
    return _Answer(value, mistakes)


def _grad_item(source: str, variable: str, index: int) -> float:
    tensor = run_program(source, seed=0).variables[variable]
    return float(np.asarray(tensor.grad.numpy()).reshape(-1)[index])


def _descent_step(prediction: Prediction) -> _Answer:
    expression, start, settings, _ = descent_setup(prediction.show)
    if len(start) != 1 or settings.kind != "gd":
        raise ValueError("a descent step to predict is plain gradient descent in one variable")
    objective = parse_objective(expression, 1)
    step = run_race(objective, start, [settings], 1).trajectories[0]
    value = float(step.points[1][0])
    # x − η f'(x) with the sign flipped is x + η f'(x), the mirror image about the start.
    mistakes = [("sign", 2 * start[0] - value)]
    crossed = float(step.gradients[0][0]) * float(step.gradients[1][0]) < 0
    return _Answer(value, mistakes, start[0], crossed)


_ANSWERS = {
    "chain_gradient": _chain_gradient,
    "detach_gradient": _detach_gradient,
    "descent_step": _descent_step,
}
