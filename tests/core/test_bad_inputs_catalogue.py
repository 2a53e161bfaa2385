"""Every entry of the shared bad-inputs catalogue behaves as listed: error, plot, or plot with gaps.

The catalogue lives beside the repository (``../shared/data/bad_inputs.json``, see ``shared_data``;
CI copies ``shared/`` next to the clone). "plot_with_gaps" is checked on the arrays handed to the
plot: there are NaN breaks, and no segment between consecutive finite samples crosses a pole or a
jump (checked by brute force, independently of the sampler). "error" means the parser refuses the
text, or, for the value-producing categories, that sampling finds no real values, or, for sympy's
internal errors, that the sympy conversion reports "Could not process this expression". "[2D]"
entries use the variables (x, y). "[GD] f ; lr=… ; start=…" entries run gradient descent (the
descent core, 500 steps): "error" means f is refused or the racer is stopped with a message
saying it diverges; "plot" means it runs every step and the diagnosis says how it ended.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from shared_data import load_json, missing_param, shared_file
from test_sampling import false_connectors

from explorer.core.descent.diagnosis import diagnose
from explorer.core.descent.objective import parse_objective
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.descent.race import run_race
from explorer.core.expr import parse
from explorer.core.expr.errors import ExprError
from explorer.core.sampling import RangeError, describe_empty, sample_curve, validate_range

CATALOGUE = "bad_inputs.json"
PLOT_RANGE = (-5.0, 5.0)
# Categories whose "error" may also be a valid expression without any real value in the range.
VALUE_CATEGORIES = {"nan_producing", "singular"}


def _entries() -> list:
    if shared_file(CATALOGUE) is None:
        return [missing_param(CATALOGUE)]
    entries = load_json(CATALOGUE)
    params = []
    for number, entry in enumerate(entries):
        label = f"{number}-{entry['category']}-{entry['input'][:30]!r}"
        params.append(pytest.param(entry, id=label))
    return params


def _range_bound(text: str) -> float:
    """A bound as written in the catalogue: a float literal, or arithmetic like 1e15+1."""
    try:
        return float(text)
    except ValueError:
        return parse(text, variables=()).evaluate()


def _check_range_entry(entry: dict) -> None:
    bounds = dict(part.strip().split("=", 1) for part in entry["input"].split(";"))
    x_min, x_max = _range_bound(bounds["xmin"]), _range_bound(bounds["xmax"])
    if entry["expect"] == "error":
        with pytest.raises(RangeError) as info:
            validate_range(x_min, x_max)
        assert info.value.message
    else:
        assert validate_range(x_min, x_max) == (x_min, x_max)


def _check_2d_entry(entry: dict) -> None:
    text = entry["input"].removeprefix("[2D]").strip()
    if entry["expect"] == "error":
        with pytest.raises(ExprError):
            parse(text, variables=("x", "y"))
        return
    expression = parse(text, variables=("x", "y"))
    grid_x, grid_y = np.meshgrid(np.linspace(-2, 2, 41), np.linspace(-2, 2, 31))
    values = expression.numpy_function()(x=grid_x, y=grid_y)
    assert values.shape == grid_x.shape and np.isfinite(values).all()


def _check_error_entry(entry: dict) -> None:
    try:
        expression = parse(entry["input"])
    except ExprError as error:
        assert error.message
        return
    if entry["category"] == "sympy_internal_error":
        # The expression is fine for plotting; the error is sympy's, caught and explained.
        with pytest.raises(ExprError) as info:
            expression.to_sympy()
        assert "Could not process this expression" in info.value.message
        return
    assert entry["category"] in VALUE_CATEGORIES, f"{entry['input']!r} should not parse"
    curve = sample_curve(expression, *PLOT_RANGE)
    assert describe_empty(curve) == "No real values in this range"


def _check_plot_entry(entry: dict) -> None:
    expression = parse(entry["input"])
    func = expression.numpy_function()
    curve = sample_curve(expression, *PLOT_RANGE, n=2000)
    assert curve.has_real_values
    assert np.isfinite(curve.y).all(), "a plain plot has no gaps on this grid"
    expected = func(x=curve.x)
    np.testing.assert_allclose(curve.y, expected, rtol=1e-12)


def _check_gaps_entry(entry: dict) -> None:
    expression = parse(entry["input"])
    func = expression.numpy_function()

    def evaluate(x):
        return func(x=x)

    # 2001 points put samples on every integer and on 0 (removable holes like sin(x)/x show
    # only there); 2000 points put poles such as 1/x between samples.
    for count in (2001, 2000):
        curve = sample_curve(expression, *PLOT_RANGE, n=count)
        assert curve.has_real_values
        if count == 2001:
            assert np.isnan(curve.y).any(), "expected NaN breaks"
        assert false_connectors(evaluate, curve) == []


def _check_gradient_descent_entry(entry: dict) -> None:
    text, *options = (part.strip() for part in entry["input"].removeprefix("[GD]").split(";"))
    settings = dict(option.split("=", 1) for option in options)
    start = [float(v) for v in settings.get("start", "1").strip("()").split(",")]
    try:
        objective = parse_objective(text)
    except ExprError:
        assert entry["expect"] == "error", entry
        return
    racer = OptimizerSettings("gd", lr=float(settings.get("lr", "0.1")))
    trajectory = run_race(objective, start, [racer], 500).trajectories[0]
    if entry["expect"] == "error":
        assert trajectory.stop is not None and "diverg" in trajectory.stop.message, entry
    else:
        assert trajectory.stop is None and trajectory.steps_done == 500, entry
        assert diagnose(objective, trajectory), entry


@pytest.mark.parametrize("entry", _entries())
def test_catalogue_entry(entry):
    if entry["input"].startswith("[GD]"):
        _check_gradient_descent_entry(entry)
    elif entry["category"] == "huge_range":
        _check_range_entry(entry)
    elif entry["input"].startswith("[2D]"):
        _check_2d_entry(entry)
    elif entry["expect"] == "error":
        _check_error_entry(entry)
    elif entry["expect"] == "plot":
        _check_plot_entry(entry)
    else:
        assert entry["expect"] == "plot_with_gaps", entry
        _check_gaps_entry(entry)


def test_catalogue_covers_every_expectation():
    entries = load_json(CATALOGUE)
    expectations = {entry["expect"] for entry in entries}
    assert expectations == {"error", "plot", "plot_with_gaps"}
    assert math.isfinite(len(entries)) and len(entries) >= 80
