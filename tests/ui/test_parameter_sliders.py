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


def test_code_sets_snap_to_the_slider(pair, model):
    first, second = pair
    first.set_value("b", 0.123)
    assert model.value("b") == 0.12
    assert second.slider_range("b") == (-5.0, 5.0)


@pytest.mark.parametrize(
    ("value", "bound"), [(10.0, 10.0), (-7.0, 10.0), (40.0, 50.0), (150.0, 200.0), (2.5e6, 5e6)]
)
def test_a_value_beyond_the_ends_widens_the_slider_instead_of_clamping(pair, model, value, bound):
    first, second = pair
    model.set_value("a", value)  # as the other panel, a session or the CLI would
    assert model.value("a") == value
    for box in pair:
        assert box.slider_range("a") == (-bound, bound)
        slider = box.slider("a")
        # The knob sits where the value is along the widened slider.
        position = (slider.value() - slider.minimum()) / (slider.maximum() - slider.minimum())
        assert position == pytest.approx((value + bound) / (2 * bound), abs=1e-3)
        assert float(box.value_text("a")) == value
    first.set_value("b", 40)  # code sets widen too
    assert model.value("b") == 40.0 and second.slider_range("b") == (-50.0, 50.0)


def test_moving_a_widened_slider_gives_values_on_its_wider_grid(qtbot, pair, model):
    first, _ = pair
    model.set_value("a", 10.0)
    slider = first.slider("a")
    slider.setValue(slider.maximum())
    assert model.value("a") == 10.0
    slider.setValue(slider.maximum() // 2)
    assert model.value("a") == 5.0


def test_typing_an_exact_value_sets_it_unsnapped_and_bad_text_is_put_back(qtbot, pair, model):
    first, second = pair
    box = first.value_box("a")
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "12.3456")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.value("a") == 12.3456  # exact, not on the slider's 0.04 grid
    assert second.slider_range("a") == (-20.0, 20.0)
    assert second.value_text("a") == "12.3456"
    box.setText("1e")  # not a number yet: the validator holds back Enter, focus-out puts back
    first._on_typed("a")
    assert model.value("a") == 12.3456 and box.text() == "12.3456"
    box.setText("-0.25")
    first._on_typed("a")
    assert model.value("a") == -0.25 and second.slider("a").value() == -6  # −0.25 / 0.04


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
