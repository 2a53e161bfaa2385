"""Predict, then reveal: a guess is scored and the usual mistake behind a wrong one is named."""

import math

import pytest

from explorer.core.lessons import MISTAKES, load_lessons, prediction_answer, score_prediction

PREDICTIONS = {
    (lesson.name, p.kind): p for lesson in load_lessons().lessons for p in lesson.predictions
}
CHAIN = PREDICTIONS["07-chain-rule", "chain_gradient"]
DETACH = PREDICTIONS["09-pytorch-autograd", "detach_gradient"]
STEP = PREDICTIONS["06-gradient-descent", "descent_step"]


def test_the_revealed_answers_are_the_seeds_and_d2ls():
    assert prediction_answer(CHAIN) == -4096  # the seed: df/dw at -1, 0, -2, 1 is -4096
    assert prediction_answer(DETACH) == 4.0  # x.grad == u = x², x[2] = 2
    assert prediction_answer(STEP) == pytest.approx(10 - 0.9 * 2 * 10)


@pytest.mark.parametrize(
    ("which", "guess", "mistake"),
    [
        ("chain", -4096.0, None),
        ("chain", -4096.5, None),  # within 0.1 %
        ("chain", 4096.0, "sign"),
        # one path: ∂f/∂u·∂u/∂w = 64·(8·(−4) + 8·0) = −2048, the ∂f/∂v path left out
        ("chain", -2048.0, "forgotten_path"),
        ("chain", -1 / 4096, "reversed"),
        ("detach", 4.0, None),
        # through y as well: ∂(x²·x)/∂x = 3x² = 12 at x = 2
        ("detach", 12.0, "detached"),
        ("detach", -4.0, "sign"),
        ("step", -8.0, None),
        ("step", 28.0, "sign"),
        ("step", 2.0, "overshoot"),  # stopped short of the minimum at 0
        ("step", 0.0, "overshoot"),
    ],
)
def test_a_guess_is_scored_and_its_mistake_named(which, guess, mistake):
    prediction = {"chain": CHAIN, "detach": DETACH, "step": STEP}[which]
    verdict = score_prediction(prediction, guess)
    assert verdict.correct == (mistake is None)
    assert verdict.mistake == mistake
    if mistake:
        assert set(MISTAKES[mistake]) == {"en", "zh"}


@pytest.mark.parametrize("guess", [123.0, -5.0, math.nan, math.inf])
def test_an_unrelated_guess_is_wrong_without_a_named_mistake(guess):
    verdict = score_prediction(CHAIN, guess)
    assert not verdict.correct and verdict.mistake is None and verdict.answer == -4096


def test_a_step_beyond_the_answer_is_not_called_an_overshoot():
    verdict = score_prediction(STEP, -20.0)
    assert not verdict.correct and verdict.mistake is None
