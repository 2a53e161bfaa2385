"""Predicting the next descent point: scored against x − η∇f computed by hand, mistakes named."""

import pytest

from explorer.core.descent.objective import parse_objective
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.descent.predict import OVERSHOOT, SIGN, score_next_point
from explorer.core.descent.race import run_race


def _trajectory(expression, start, lr, steps=3):
    objective = parse_objective(expression, len(start))
    return run_race(objective, start, [OptimizerSettings("gd", lr=lr)], steps).trajectories[0]


def test_the_answer_is_plain_gradient_descent_by_hand():
    # d2l's overshoot: f = x², η = 0.9 from 10 → 10 − 0.9·20 = −8
    verdict = score_next_point(_trajectory("x^2", (10.0,), 0.9), 0, (-8.0,))
    assert verdict.correct and verdict.answer == pytest.approx((-8.0,))
    # a dragged point is never exact: within 5 % of the step's 18 is right
    assert score_next_point(_trajectory("x^2", (10.0,), 0.9), 0, (-7.5,)).correct
    # the bowl f = x² + 2y², η = 0.1 from (−5, −2): (−5 + 0.1·10, −2 + 0.1·8) = (−4, −1.2)
    bowl = _trajectory("x^2 + 2y^2", (-5.0, -2.0), 0.1)
    assert score_next_point(bowl, 0, (-4.0, -1.2)).correct
    # the second step from (−4, −1.2): (−4 + 0.8, −1.2 + 0.48)
    assert score_next_point(bowl, 1, (-3.2, -0.72)).correct


def test_a_step_uphill_is_a_sign_error():
    # x + η f'(x) = 10 + 18 = 28, the mirror of −8 about the start
    verdict = score_next_point(_trajectory("x^2", (10.0,), 0.9), 0, (28.0,))
    assert not verdict.correct and verdict.mistake == SIGN


def test_stopping_short_of_an_overshooting_step_is_named():
    # the step lands at −8, past the minimum at 0; a guess of 2 expected it to stop short
    verdict = score_next_point(_trajectory("x^2", (10.0,), 0.9), 0, (2.0,))
    assert verdict.mistake == OVERSHOOT
    # with a small η the step does not cross 0: stopping short is then just wrong
    small = score_next_point(_trajectory("x^2", (10.0,), 0.2), 0, (3.0,))
    assert not small.correct and small.mistake is None


def test_an_unrelated_guess_is_wrong_without_a_named_mistake():
    verdict = score_next_point(_trajectory("x^2 + 2y^2", (-5.0, -2.0), 0.1), 0, (3.0, 3.0))
    assert not verdict.correct and verdict.mistake is None
    assert verdict.distance == pytest.approx(((3 + 4) ** 2 + (3 + 1.2) ** 2) ** 0.5)


def test_there_is_nothing_to_predict_past_the_last_step_or_with_a_bad_point():
    trajectory = _trajectory("x^2", (10.0,), 0.2, steps=2)
    with pytest.raises(ValueError, match="no next step"):
        score_next_point(trajectory, 2, (1.0,))
    with pytest.raises(ValueError, match="1 finite coordinate"):
        score_next_point(trajectory, 0, (1.0, 2.0))
