"""The Derivative panel's x₀ box: constant expressions at full precision, bad text shown inline
(the last good x₀ stays), and stepping with the arrow keys."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox

from explorer.core.expr import parse


def show(derivative_panel, text: str, x0: float) -> None:
    derivative_panel.set_expression(parse(text, variables=("x",), parameters=True))
    derivative_panel.set_x0(x0)


def type_x0(qtbot, derivative_panel, text: str) -> None:
    box = derivative_panel.side.x0_input
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pi/2", math.pi / 2),
        ("1e-3", 1e-3),
        ("-2pi", -2 * math.pi),
        ("0.00001", 1e-5),
        ("2.71828", 2.71828),
        ("sqrt(2)", math.sqrt(2)),
    ],
)
def test_x0_box_reads_constant_expressions_at_full_precision(
    qtbot, derivative_panel, text, expected
):
    show(derivative_panel, "x^2", 1.0)
    box = derivative_panel.findChild(QDoubleSpinBox, "tangentPointInput")
    assert box is derivative_panel.side.x0_input
    type_x0(qtbot, derivative_panel, text)
    assert derivative_panel.x0() == expected  # exactly: no rounding to the box's decimals
    assert derivative_panel.tangent.slope == pytest.approx(2 * expected, rel=1e-12)
    assert not derivative_panel.side.x0_error.isVisible()


def test_x0_box_shows_bad_text_inline_and_keeps_the_last_x0(qtbot, derivative_panel):
    show(derivative_panel, "x^2", 1.5)
    box = derivative_panel.side.x0_input
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "2+y")
    assert derivative_panel.side.x0_error.isVisible()
    assert "Unknown name 'y'" in derivative_panel.side.x0_error.text()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert derivative_panel.x0() == 1.5


def test_x0_box_still_steps_with_the_arrow_keys(qtbot, derivative_panel):
    show(derivative_panel, "x^2", 1.0)
    box = derivative_panel.side.x0_input
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert derivative_panel.x0() == pytest.approx(1.1)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert derivative_panel.x0() == pytest.approx(0.9)
