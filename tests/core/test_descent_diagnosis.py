"""Diagnosis names what happened (oscillation, saddle, local minimum) and explain-this-step's
numbers are the update that was taken; copy-as-code reproduces the race."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.core.descent.code import pytorch_script, torch_expression
from explorer.core.descent.diagnosis import curvature, diagnose
from explorer.core.descent.explain import explain_step
from explorer.core.descent.objective import parse_objective
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.descent.presets import preset_named
from explorer.core.descent.race import run_race
from explorer.core.descent.state import race_for, state_from_preset
from explorer.core.expr import parse


def kinds(objective, trajectory):
    return [finding.kind for finding in diagnose(objective, trajectory)]


def test_gradient_descent_on_the_ill_conditioned_bowl_oscillates_in_y_only():
    objective = parse_objective("0.1x^2 + 2y^2")
    race = run_race(objective, [-5, -2], [OptimizerSettings("gd", lr=0.4)], 20)
    findings = diagnose(objective, race.trajectories[0])
    oscillation = next(f for f in findings if f.kind == "oscillation")
    # y_k = −2·(−0.6)^k reverses every step; x_k = −5·0.92^k never does.
    assert oscillation.message == (
        "oscillating: in y the step reversed direction 19 times (steps 1–20 in a row)"
    )


def test_a_start_on_the_saddles_stable_line_gets_stuck_at_the_saddle():
    objective = parse_objective("x^2 - y^2")
    race = run_race(objective, [-2, 0], [OptimizerSettings("gd", lr=0.1)], 200)
    findings = diagnose(objective, race.trajectories[0])
    assert findings[-1].kind == "saddle"
    assert findings[-1].message.startswith("stuck at a saddle point at (x, y) = (")
    assert "f curves up along (1, 0) and down along (0, 1)" in findings[-1].message


def test_a_racer_that_slows_at_a_saddle_and_escapes_is_said_to_pass_it():
    objective = parse_objective("x^2 - y^2")
    race = run_race(objective, [-2, 0.01], [OptimizerSettings("gd", lr=0.1)], 40)
    messages = [f.message for f in diagnose(objective, race.trajectories[0])]
    assert messages[0].startswith("passed near the saddle point (x, y) = (0, 0)")


def test_converging_to_a_minimum_names_a_local_minimum_with_its_curvatures():
    objective = parse_objective("(x^2 + y - 11)^2 + (x + y^2 - 7)^2")
    race = run_race(objective, [1, 1], [OptimizerSettings("gd", lr=0.01)], 300)
    finding = diagnose(objective, race.trajectories[0])[-1]
    assert finding.kind == "minimum"
    assert finding.message.startswith("reached a local minimum at (x, y) = (3, 2)")


def test_d2l_x_cos_cx_settles_in_a_local_minimum_in_one_dimension():
    objective = parse_objective("x*cos(0.15*pi*x)")
    race = run_race(objective, [10], [OptimizerSettings("gd", lr=0.5)], 200)
    finding = diagnose(objective, race.trajectories[0])[-1]
    assert finding.kind == "minimum"
    assert "f″ = " in finding.message and finding.message.endswith("> 0)")
    # It is not the global minimum of x·cos(cx) (f decreases without bound as |x| grows).
    assert objective.values(np.array([[20.0]]))[0] < race.trajectories[0].loss(200)


def test_curvature_of_a_known_quadratic():
    found = curvature(parse_objective("x^2 + 3x*y + 4y^2"), np.array([0.3, -0.2]))
    np.testing.assert_allclose(found.hessian, [[2, 3], [3, 8]], atol=1e-6)
    assert found.kind == "minimum"


def test_adam_explanation_numbers_are_the_documented_update():
    preset = preset_named("Rosenbrock (1 − x)² + 100(y − x²)²")
    race = race_for(state_from_preset(preset))
    adam = next(t for t in race.trajectories if t.settings.kind == "adam")
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    m = v = np.zeros(2)
    for step in range(1, 6):
        g = adam.gradients[step - 1]
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        explanation = explain_step(adam, step)
        np.testing.assert_allclose(explanation.value("g"), g)
        np.testing.assert_allclose(explanation.value("m"), m, rtol=1e-13)
        np.testing.assert_allclose(explanation.value("v"), v, rtol=1e-13)
        m_hat, v_hat = m / (1 - b1**step), v / (1 - b2**step)
        np.testing.assert_allclose(explanation.value("m̂"), m_hat, rtol=1e-13)
        np.testing.assert_allclose(explanation.value("v̂"), v_hat, rtol=1e-13)
        step_taken = -lr * m_hat / (np.sqrt(v_hat) + eps)
        np.testing.assert_allclose(explanation.value("Δθ"), step_taken, rtol=1e-12)
        np.testing.assert_allclose(explanation.value("θ" + "₀₁₂₃₄₅"[step]), adam.points[step])
    assert explain_step(adam, 0) is None
    text = explain_step(adam, 3).text()
    assert text.splitlines()[0] == "Adam (η = 0.1, β₁ = 0.9, β₂ = 0.999), step 3"
    assert "m̂ = m / (1 − β₁³) = (" in text


def test_momentum_explanation_uses_pytorchs_buffer():
    objective = parse_objective("x^2")
    race = run_race(objective, [1.0], [OptimizerSettings("momentum", lr=0.1, momentum=0.5)], 3)
    trajectory = race.trajectories[0]
    # b₁ = g₀ = 2; x₁ = 0.8; b₂ = 0.5·2 + 1.6 = 2.6; x₂ = 0.8 − 0.26 = 0.54.
    explanation = explain_step(trajectory, 2)
    assert explanation.value("b") == pytest.approx(2.6)
    assert explanation.value("θ₂") == pytest.approx(0.54)
    assert explanation.text().splitlines()[2] == "b = μ·b + g, μ = 0.5 = 2.6"


@pytest.mark.parametrize(
    ("text", "python"),
    [
        ("-x^2", "-x ** 2"),
        ("(-x)^2", "(-x) ** 2"),
        ("x^-2", "x ** (-2)"),
        ("2^x^y", "2 ** x ** y"),
        ("(2^x)^y", "(2 ** x) ** y"),
        ("x - (y - 1)", "x - (y - 1)"),
        ("x / (2y)", "x / (2 * y)"),
        ("sec(x)^2 + 2pi", "(1 / torch.cos(x)) ** 2 + 2 * math.pi"),
        ("ln(x) + |y|", "torch.log(x) + torch.abs(y)"),
    ],
)
def test_pytorch_expression_keeps_the_meaning(text, python):
    assert torch_expression(parse(text, ("x", "y")).tree) == python


def test_copied_script_reproduces_the_race(tmp_path: Path):
    """Run the script with `torch` standing for our autodiff (real PyTorch is not a dependency;
    the same script was checked against torch 2.13 by hand)."""
    preset = preset_named("d2l: f = 0.1x² + 2y² (ill-conditioned)")
    state = state_from_preset(preset)
    race = race_for(state)
    objective = parse_objective(state.expression)
    script = tmp_path / "race.py"
    script.write_text(pytorch_script(objective, state.start, state.enabled_settings(), 20))
    (tmp_path / "torch.py").write_text(
        "import sys\nimport explorer.autodiff\nsys.modules[__name__] = explorer.autodiff\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{tmp_path}:{root}"},
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(race.trajectories)
    for line, trajectory in zip(lines, race.trajectories, strict=True):
        name, _, rest = line.partition(": final point ")
        assert name == trajectory.label
        point = [float(v) for v in rest.split("]")[0].strip("[").split(",")]
        np.testing.assert_allclose(point, trajectory.points[20], rtol=1e-13, atol=1e-15)
