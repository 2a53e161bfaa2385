"""Parameter sliders bound to one shared model: both directions, no echo, snapping, rebinding."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.core.expr import parse
from explorer.ui.panels.function_panel import FunctionPanel
from explorer.ui.parameter_sliders import ParameterModel, ParameterSliders


@pytest.fixture
def model():
    return ParameterModel()


@pytest.fixture
def pair(qtbot, model):
    first, second = ParameterSliders(model), ParameterSliders(model)
    for box in (first, second):
        qtbot.addWidget(box)
        box.set_parameters(["a", "b"])
    return first, second


def test_a_new_parameter_starts_at_one_and_rows_are_sorted(pair):
    first, _ = pair
    assert first.names() == ["a", "b"]
    assert first.values() == {"a": 1.0, "b": 1.0}
    assert first.slider("a").value() == 100
    assert first.value_text("a") == "1"


@pytest.mark.parametrize("direction", ["first to second", "second to first"])
def test_moving_one_slider_moves_the_other_once_without_echo(qtbot, pair, model, direction):
    mover, follower = pair if direction == "first to second" else pair[::-1]
    model_changes, mover_changes, follower_changes = [], [], []
    model.value_changed.connect(lambda name, value: model_changes.append((name, value)))
    mover.values_changed.connect(mover_changes.append)
    follower.values_changed.connect(follower_changes.append)
    slider = mover.slider("a")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)  # +0.5
    assert model_changes == [("a", 1.5)]  # once: the follower's slider did not write back
    assert mover_changes == follower_changes == [{"a": 1.5, "b": 1.0}]
    assert follower.slider("a").value() == 150
    assert follower.value_text("a") == "1.5"


def test_code_sets_snap_and_clamp_to_the_slider(pair, model):
    first, second = pair
    first.set_value("b", 0.123)
    assert model.value("b") == 0.12
    first.set_value("b", 40)
    assert model.value("b") == 5.0 and second.slider("b").value() == 500


def test_values_are_kept_for_names_that_come_back(pair, model):
    first, _ = pair
    first.set_value("a", -2)
    first.set_parameters(["b"])
    assert first.names() == ["b"]
    first.set_parameters(["a"])
    assert first.values() == {"a": -2.0}


def test_rebinding_to_another_model_shows_its_values(qtbot, pair):
    first, second = pair
    other = ParameterModel()
    other.set_value("a", 3.0)
    with qtbot.waitSignal(first.values_changed) as blocker:
        first.set_model(other)
    assert blocker.args == [{"a": 3.0, "b": 1.0}]
    assert first.slider("a").value() == 300
    first.set_value("b", 2.0)
    assert second.values() == {"a": 1.0, "b": 1.0}  # the old model is no longer written


def test_hidden_box_without_parameters(pair):
    first, _ = pair
    first.set_parameters([])
    assert first.isHidden()


def test_function_panel_plots_with_sliders_and_keeps_the_view(qtbot):
    panel = FunctionPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_expression(parse("a*sin(b*x)", parameters=True))
    assert panel.parameters.names() == ["a", "b"] and panel.parameters.isVisible()
    view_before = panel.plot.view_range()
    panel.parameters.set_value("a", 3.0)
    x, y = panel.last_curve.x, panel.last_curve.y
    np.testing.assert_allclose(y, 3.0 * np.sin(x), atol=1e-12)
    assert panel.plot.view_range() == view_before  # sliding does not jump the view
    panel.plot.reset_view()  # ... but Reset view fits the new curve
    (_, _), (y_low, y_high) = panel.plot.view_range()
    assert y_high >= 2.9 and y_low <= -2.9
