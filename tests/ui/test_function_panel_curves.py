"""The Function tab with many curves: add, type, hide, recolour, remove; an error in one entry
leaves the others drawn; the state round-trips through the widgets."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.core.panel_state import FunctionState


@pytest.fixture
def panel(function_panel_showing):
    return function_panel_showing("x^2 - 1")


def _type_entry(qtbot, panel, text: str) -> int:
    qtbot.mouseClick(panel.curve_list.add_button, Qt.MouseButton.LeftButton)
    index = len(panel.state().curves)
    field = panel.curve_list.rows[index].input.line_edit
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return index


def test_the_panel_is_named_and_f_is_the_first_entry(panel) -> None:
    assert panel.objectName() == "functionPanel"
    assert panel.curve_list.rows[0].f_label.text() == "f(x) = x² − 1"
    assert panel.plot.curve_keys() == ["f"]


def test_typed_curves_may_use_f_and_its_derivative(qtbot, panel) -> None:
    _type_entry(qtbot, panel, "g(x) = f(x - 1) + 2")
    _type_entry(qtbot, panel, "f'(x)")
    qtbot.waitUntil(lambda: set(panel.plot.curve_keys()) == {"f", "g", "h"})
    x, y = panel.plot.curve_data("g")
    finite = np.isfinite(y)
    np.testing.assert_allclose(y[finite], (x[finite] - 1) ** 2 - 1 + 2, atol=1e-9)
    x, y = panel.plot.curve_data("h")
    np.testing.assert_allclose(y, 2 * x, atol=1e-9)
    assert panel.state().curves == ("g(x) = f(x - 1) + 2", "f'(x)")
    # Points of every curve and their intersections: h = 2x meets f = x² − 1 at 1 ± √2.
    meeting = [p.x for p in panel.analysis.intersections if {p.curve, p.other} == {"f", "h"}]
    assert meeting == pytest.approx([1 - 2**0.5, 1 + 2**0.5], abs=1e-9)


def test_an_error_in_one_entry_leaves_the_others_drawn(qtbot, panel) -> None:
    _type_entry(qtbot, panel, "sin(x)")
    qtbot.waitUntil(lambda: "g" in panel.plot.curve_keys())
    broken = _type_entry(qtbot, panel, "3x + (")
    row = panel.curve_list.rows[broken]
    qtbot.waitUntil(lambda: row.input.last_error() is not None)
    assert "column 6" in row.input.error_message()
    assert set(panel.plot.curve_keys()) == {"f", "g"}
    assert [c.name for c in panel.analysis.curves] == ["f", "g"]
    # Fixing it draws it.
    qtbot.keyClicks(row.input.line_edit, "x)")
    qtbot.keyClick(row.input.line_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "h" in panel.plot.curve_keys())


def test_hide_recolour_and_remove(qtbot, panel) -> None:
    _type_entry(qtbot, panel, "x + 1")
    qtbot.waitUntil(lambda: "g" in panel.plot.curve_keys())
    panel.curve_list.rows[1].visible_box.setChecked(False)
    assert panel.plot.curve_keys() == ["f"]
    assert panel.state().hidden == (False, True)
    assert all("g" not in (p.curve, p.other) for p in panel.analysis.points())
    panel.curve_list.rows[1].visible_box.setChecked(True)
    assert "g" in panel.plot.curve_keys()
    panel.curve_list.colour_changed.emit(1, "#112233")
    assert panel.plot.curve("g").opts["pen"].color().name() == "#112233"
    qtbot.mouseClick(panel.curve_list.rows[1].remove_button, Qt.MouseButton.LeftButton)
    assert panel.state().curves == ()
    assert panel.plot.curve_keys() == ["f"]
    assert len(panel.curve_list.rows) == 1


def test_a_curve_that_uses_a_later_one_says_so_at_its_column(qtbot, panel) -> None:
    first = _type_entry(qtbot, panel, "2*h(x)")
    _type_entry(qtbot, panel, "h(x) = sin(x)")
    row = panel.curve_list.rows[first]
    qtbot.waitUntil(lambda: row.input.last_error() is not None)
    assert "'h' is curve 3, below this one" in row.input.error_message()
    assert "h" in panel.plot.curve_keys()


def test_state_round_trips_through_the_widgets(qtbot, panel) -> None:
    wanted = FunctionState(
        x_range=(-2.0, 3.0),
        curves=("g(x) = f(x) + 1", "cos(x)"),
        hidden=(False, False, True),
        colours=("", "#aa0000", ""),
        show_points=False,
        shading="concavity",
        trace=True,
        extremes_interval=(0.0, 2.0),
    )
    panel.set_state(wanted)
    assert panel.state() == wanted
    assert [r.input.text() for r in panel.curve_list.rows[1:]] == ["g(x) = f(x) + 1", "cos(x)"]
    assert not panel.curve_list.rows[2].visible_box.isChecked()
    assert panel.shading_box.currentData() == "concavity"
    assert panel.trace_box.isChecked() and not panel.points_box.isChecked()
    assert panel.extremes_input.text() == "0, 2"
    assert set(panel.plot.curve_keys()) == {"f", "g"}
    assert not panel.markers.dots.data.size  # points off


def test_parameters_are_shared_and_named_in_the_legend_of_the_curves_using_them(
    qtbot, function_panel_showing
) -> None:
    panel = function_panel_showing("a*x^2")
    _type_entry(qtbot, panel, "x + b")
    _type_entry(qtbot, panel, "x/2")
    qtbot.waitUntil(lambda: panel.parameters.names() == ["a", "b"])
    panel.parameters.set_value("b", 2.0)
    x, y = panel.plot.curve_data("g")
    np.testing.assert_allclose(y, x + 2.0, atol=1e-12)
    assert panel.plot.curve("f").name() == "f(x) = a·x² (a = 1)"
    assert panel.plot.curve("g").name() == "g(x) = x + b (b = 2)"
    assert panel.plot.curve("h").name() == "h(x) = x/2"


def test_the_curves_are_saved_in_a_session_and_drawn_again(qtbot, window, tmp_path) -> None:
    window.expression_input.set_text("x^2 - 1")
    panel = window.panel_titled("Function")
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.plot.curve("f") is not None)
    panel.set_state(
        FunctionState(
            curves=("g(x) = f(x - 1)", "f'(x)"),
            hidden=(False, False, True),
            colours=("", "#aa0000"),
            shading="slope",
        )
    )
    saved = panel.state()
    assert window.session.save_as(tmp_path / "curves.calcx")
    panel.set_state(FunctionState())
    assert panel.plot.curve_keys() == ["f"]
    assert window.session.open_path(tmp_path / "curves.calcx")
    assert panel.state() == saved
    assert set(panel.plot.curve_keys()) == {"f", "g"}  # h is hidden
    assert panel.plot.curve("g").opts["pen"].color().name() == "#aa0000"
