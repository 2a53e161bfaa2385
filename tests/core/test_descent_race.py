"""The descent race: d2l's numbers, the same steps as torch.optim, divergence, poles, going back."""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.descent import objective as objective_module
from explorer.core.descent.objective import parse_objective
from explorer.core.descent.optimizers import KINDS, OptimizerSettings, parse_settings
from explorer.core.descent.presets import PRESETS, preset_named
from explorer.core.descent.race import run_race
from explorer.core.descent.state import DescentState, race_for, state_from_preset
from explorer.core.expr import ExprError


def test_d2l_x_squared_after_ten_steps():
    race = run_race(parse_objective("x^2"), [10], [OptimizerSettings("gd", lr=0.2)], 10)
    assert f"{race.trajectories[0].points[10][0]:.7f}" == "0.0604662"


def test_d2l_elliptic_bowl_after_twenty_steps_from_its_preset():
    preset = preset_named("d2l: f = x² + 2y², η = 0.1 from (−5, −2)")
    race = race_for(state_from_preset(preset))
    x, y = race.trajectories[0].points[20]
    assert (f"{x:.6f}", f"{y:.6f}") == ("-0.057646", "-0.000073")


def test_a_learning_rate_too_large_diverges_and_stops_that_racer_only():
    racers = [OptimizerSettings("gd", lr=1.1), OptimizerSettings("gd", lr=0.2)]
    race = run_race(parse_objective("x^2"), [10], racers, 30)
    diverged, fine = race.trajectories
    assert diverged.stop is not None and diverged.stop.kind == "diverged"
    assert diverged.stop.step == diverged.steps_done == 7
    assert diverged.stop.message.startswith(
        "diverged at step 7: learning rate too large for this curvature"
    )
    # x_k = 10·(−1.2)^k: the path until the stop is the true one.
    np.testing.assert_allclose(diverged.points[:8, 0], 10 * (-1.2) ** np.arange(8))
    assert fine.stop is None and fine.steps_done == 30
    assert race.longest == 30


@pytest.mark.parametrize(
    ("expression", "start", "lr", "words"),
    [
        ("x^2 + 1/x", [1.0], 1.0, "it reached x = 0, and f is infinite there (a pole)"),
        (
            "x - ln(x)",
            [2.0],
            5.0,
            "it reached x = −0.5, and f is undefined there (a pole or outside f's domain)",
        ),
    ],
)
def test_a_pole_or_the_edge_of_the_domain_on_the_path_stops_with_a_message(
    expression, start, lr, words
):
    race = run_race(parse_objective(expression), start, [OptimizerSettings("gd", lr=lr)], 20)
    trajectory = race.trajectories[0]
    assert trajectory.stop is not None and trajectory.stop.kind == "undefined"
    assert trajectory.stop.message == f"stopped at step 1: {words}"
    assert trajectory.steps_done == 1


def test_a_start_on_a_pole_runs_nothing():
    race = run_race(parse_objective("1/x"), [0.0], [OptimizerSettings("adam")], 20)
    trajectory = race.trajectories[0]
    assert trajectory.steps_done == 0
    assert trajectory.stop.message.startswith("cannot start at x = 0")


def test_unbounded_below_stops_once_it_leaves_every_bound():
    race = run_race(parse_objective("x^2 - y^2"), [1, 0.5], [OptimizerSettings("gd", lr=0.5)], 200)
    stop = race.trajectories[0].stop
    assert stop is not None and stop.kind == "unbounded"
    assert stop.message.startswith("diverging to −∞, stopped at step")
    assert "f decreases without end in this direction" in stop.message


TORCH_CASES = [
    ("gd", {"lr": 0.01}),
    ("momentum", {"lr": 0.005, "momentum": 0.8}),
    ("nesterov", {"lr": 0.004, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.02, "alpha": 0.95}),
    ("adam", {"lr": 0.1, "beta1": 0.8, "beta2": 0.99}),
    ("adagrad", {"lr": 0.4}),
    ("adamw", {"lr": 0.1, "weight_decay": 0.1}),
]


@pytest.mark.parametrize(("kind", "values"), TORCH_CASES)
def test_each_racer_takes_exactly_the_steps_of_its_torch_optim_class(kind, values):
    text = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + sin(x*y)"
    settings = OptimizerSettings(kind, **values)
    race = run_race(parse_objective(text), [-0.5, 0.7], [settings], 40)
    w = torch.tensor([-0.5, 0.7], dtype=torch.float64, requires_grad=True)
    optimizer = settings.spec.torch_class([w], **settings.torch_arguments())
    for step in range(1, 41):
        optimizer.zero_grad()
        x, y = w[0], w[1]
        ((x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2 + torch.sin(x * y)).backward()
        optimizer.step()
        np.testing.assert_allclose(
            race.trajectories[0].points[step], w.detach().numpy(), rtol=1e-13, atol=1e-15
        )


@pytest.mark.parametrize(
    "text",
    [
        "(1 - x)^2 + 100(y - x^2)^2",
        "x*exp(-x^2 - y^2) + sigmoid(x*y) - ln(2 + cos(y))",
        "|x| + relu(y - 1) + sqrt(x^2 + y^2 + 1) / (3 + tanh(x))",
        "2^x + x^y - y/3",
        "5",
    ],
)
def test_compiled_gradient_sweep_equals_the_tensor_engine(text, monkeypatch):
    objective = parse_objective(text, dimension=2)
    points = np.random.default_rng(4).uniform(0.2, 2.0, size=(7, 2))
    fast_values, fast_gradients = objective.value_and_gradient(points)
    monkeypatch.setattr(objective_module, "COMPILED_SWEEP", False)
    values, gradients = objective.value_and_gradient(points)
    np.testing.assert_allclose(fast_values, values, rtol=1e-14)
    np.testing.assert_allclose(fast_gradients, gradients, rtol=1e-12, atol=1e-14)


def test_a_race_with_the_speed_economy_off_is_the_same_race(monkeypatch):
    preset = preset_named("Himmelblau (x² + y − 11)² + (x + y² − 7)²")
    fast = race_for(state_from_preset(preset))
    monkeypatch.setattr(objective_module, "COMPILED_SWEEP", False)
    slow = race_for(state_from_preset(preset))
    for a, b in zip(fast.trajectories, slow.trajectories, strict=True):
        np.testing.assert_allclose(a.points, b.points, rtol=1e-12, atol=1e-13)


def test_stepping_back_restores_exactly_the_previous_frame():
    state = state_from_preset(preset_named("Rosenbrock (1 − x)² + 100(y − x²)²"))
    race = race_for(state)
    at_seven = state.__class__(**{**state.__dict__, "frame": 7})
    forward = at_seven.step_forward(race.longest)
    back = forward.step_back()
    assert back == at_seven
    again = race_for(back)
    for first, second in zip(race.trajectories, again.trajectories, strict=True):
        assert np.array_equal(first.point(back.frame), second.point(back.frame))
        assert first.loss(back.frame) == second.loss(back.frame)


def test_steps_to_tolerance_is_the_first_step_with_a_small_gradient():
    race = run_race(parse_objective("x^2"), [1.0], [OptimizerSettings("gd", lr=0.25)], 40)
    trajectory = race.trajectories[0]
    # x_k = 0.5^k, |f′| = 2·0.5^k ≤ 1e-3 first at k = 11.
    assert trajectory.steps_to_tolerance(1e-3) == 11
    assert trajectory.steps_to_tolerance(1e-30) is None


def test_every_preset_runs_and_the_default_state_too():
    for preset in PRESETS:
        race = race_for(state_from_preset(preset))
        assert race.trajectories and race.longest > 0, preset.name
    assert race_for(DescentState()).longest == DescentState().steps


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sgd:lr=0.1", OptimizerSettings("gd", lr=0.1)),
        ("momentum:lr=0.1,momentum=0.9", OptimizerSettings("momentum", lr=0.1, momentum=0.9)),
        ("adam:lr=0.3", OptimizerSettings("adam", lr=0.3)),
        ("adam:lr=0.3,betas=0.8/0.99", OptimizerSettings("adam", lr=0.3, beta1=0.8, beta2=0.99)),
        ("RMSprop: lr = 0.01, alpha = 0.99", OptimizerSettings("rmsprop", lr=0.01, alpha=0.99)),
        ("nesterov", OptimizerSettings("nesterov", lr=0.05)),
    ],
)
def test_cli_optimizer_specs(text, expected):
    assert parse_settings(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lbfgs:lr=1", "Unknown optimizer 'lbfgs'"),
        ("sgd:momentum=0.9", "GD has no setting 'momentum'"),
        ("adam:lr=fast", "lr must be a number, not 'fast'"),
        ("adam:lr=-1", "Adam: Invalid learning rate: -1.0"),
        ("adam:beta1=1.5", "Invalid beta parameter at index 0: 1.5"),
        ("sgd:lr", "Write name=value"),
    ],
)
def test_bad_optimizer_specs_say_what_is_wrong(text, message):
    with pytest.raises(ExprError, match=message.replace("(", r"\(")):
        parse_settings(text)


def test_kinds_are_the_torch_optim_classes():
    assert {kind.torch_class.__name__ for kind in KINDS.values()} == {
        "SGD", "RMSprop", "Adam", "Adagrad", "AdamW",
    }  # fmt: skip


def test_steps_that_explode_uphill_are_a_divergence_not_unbounded_below():
    text = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
    race = run_race(parse_objective(text), [-0.5, -0.5], [OptimizerSettings("gd", lr=0.1)], 50)
    stop = race.trajectories[0].stop
    assert stop is not None and stop.kind == "diverged"
    assert stop.message.startswith(f"diverged at step {stop.step}: the steps grew without bound")


def test_piecewise_constant_functions_are_refused_with_the_reason():
    with pytest.raises(
        ExprError, match="needs a slope to follow, but floor gives none .it is piecewise constant"
    ):
        parse_objective("x^2 + floor(x)")


def test_the_state_goes_through_a_session_file_and_bad_saved_values_are_refused():
    from explorer.core.panel_state import StateError, state_from_dict, state_to_dict

    state = state_from_preset(preset_named("Rosenbrock (1 − x)² + 100(y − x²)²"))
    assert state_from_dict(DescentState, state_to_dict(state)) == state
    saved = state_to_dict(state)
    saved["racers"][0]["settings"]["kind"] = "lbfgs"
    with pytest.raises(StateError, match="unknown optimizer kind 'lbfgs'"):
        state_from_dict(DescentState, saved)
    saved = state_to_dict(state)
    saved["racers"][4]["settings"]["beta1"] = 1.5
    with pytest.raises(StateError, match="Invalid beta parameter at index 0: 1.5"):
        state_from_dict(DescentState, saved)
    with pytest.raises(StateError, match="start must be one or two finite numbers"):
        state_from_dict(DescentState, {**state_to_dict(state), "start": [1, 2, 3]})
