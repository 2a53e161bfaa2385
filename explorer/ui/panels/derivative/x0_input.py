"""The x₀ box of the Derivative panel: a spin box that reads constant expressions (pi/2, 1e-3).

A plain QDoubleSpinBox with 4 decimals misread what learners type (``pi/2`` became 2, ``1e-3``
became 13, ``0.00001`` became 0). This one parses the text with our own parser (no ``eval``),
keeps the value to full float64 precision, still steps with the arrow keys and the wheel, and
says what is wrong with text it cannot read while the last good x₀ stays in force.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

# Qt rounds a spin box's value to its decimals; 323 keeps every float64 (down to 4.9e-324).
_FULL_PRECISION_DECIMALS = 323


def constant_value(text: str) -> tuple[float | None, str]:
    """(value, '') for text such as ``pi/2`` or ``-2pi``, else (None, why it cannot be read)."""
    from explorer.core.expr import parse
    from explorer.core.expr.errors import ExprError

    stripped = text.strip()
    if not stripped:
        return None, "type a number or an expression such as pi/2"
    try:
        value = float(parse(stripped, variables=()).numpy_function()())
    except ExprError as error:
        return None, error.message
    except (TypeError, ValueError):
        return None, "x₀ must be a single number"
    if not math.isfinite(value):
        return None, "x₀ must be a finite number"
    return value, ""


class ExpressionSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox whose text is an expression of constants, read at full precision.

    ``problem`` is why the current text cannot be read ('' when it can); ``problem_changed``
    callbacks (set by the owner) show it next to the box.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problem = ""
        self.problem_changed = None
        # The text the user typed for a value ("pi/2" stays "pi/2" after Enter).
        self._typed: tuple[str, float] | None = None
        self.setDecimals(_FULL_PRECISION_DECIMALS)

    def validate(self, text: str, position: int):  # noqa: D102 - Qt override
        value, problem = constant_value(text)
        if value is not None and not (self.minimum() <= value <= self.maximum()):
            limit = max(abs(self.minimum()), abs(self.maximum()))
            value, problem = None, f"x₀ must lie between −{limit:g} and {limit:g}"
        self._set_problem(problem)
        if value is None:
            # Intermediate, not Invalid: the learner may be half-way through "pi/2".
            return QValidator.State.Intermediate, text, position
        self._typed = (text.strip(), value)
        return QValidator.State.Acceptable, text, position

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        value, _ = constant_value(text)
        return self.value() if value is None else value

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        if self._typed is not None and self._typed[1] == value:
            return self._typed[0]
        if value == 0:
            return "0"
        return repr(float(value))  # the shortest text that reads back as the same float

    def fixup(self, text: str) -> str:
        # Leaving the box with unreadable text: back to the last good x₀, and no error shown.
        self._set_problem("")
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        self._typed = None  # a stepped value is shown as a number, not as the typed text
        super().stepBy(steps)

    def _set_problem(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            if self.problem_changed is not None:
                self.problem_changed(problem)
