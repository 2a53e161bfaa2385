"""Parameter sliders (a, b, k …) as in Desmos: one shared value model, one slider widget per panel.

napari style: ``ParameterModel`` holds the values and knows nothing of widgets; each
``ParameterSliders`` binds both ways to a model. A slider move writes to the model; the model
tells every bound widget, which moves its own slider with signals blocked, so nothing echoes
back. The main window owns one model and hands it to every panel, so moving ``a`` in the
Function panel moves ``a`` in the Derivative panel too. A widget without a given model gets a
private one (a panel used on its own, as the CLI does). A value beyond a slider's ends (typed
in the value box beside it, set from the other panel or in code) widens that slider instead of
being clamped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QSlider, QWidget

from explorer.ui.i18n import Context

T = Context("ParameterSliders")

# −5 … 5 in steps of 0.01, starting at 1 (a fresh Desmos slider).
PARAMETER_RANGE = (-5.0, 5.0)
PARAMETER_STEP = 0.01
DEFAULT_PARAMETER_VALUE = 1.0
# Every slider has this many steps from 0 to either end, however far it has been widened.
STEPS_PER_SIDE = round(PARAMETER_RANGE[1] / PARAMETER_STEP)


class ParameterModel(QObject):
    """The value of every slider parameter by name; a name never set reads as 1.

    ``value_changed(name, value)`` fires only when a value really changes.
    """

    value_changed = Signal(str, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, float] = {}

    def value(self, name: str) -> float:
        return self._values.get(name, DEFAULT_PARAMETER_VALUE)

    def values(self, names: Iterable[str] | None = None) -> dict[str, float]:
        """Values for ``names`` (defaults included), or every value set so far."""
        if names is None:
            return dict(self._values)
        return {name: self.value(name) for name in names}

    def set_value(self, name: str, value: float) -> None:
        value = float(value)
        if self._values.get(name) == value:
            return
        changed = self.value(name) != value
        self._values[name] = value
        if changed:
            self.value_changed.emit(name, value)


def slider_bound(value: float, bound: float = PARAMETER_RANGE[1]) -> float:
    """The end (±) of a slider that must show ``value``: ``bound`` itself when it already does,
    else the first 1, 2 or 5 × 10ᵏ at or above |value| (a = 10 gives −10 … 10)."""
    magnitude = abs(value)
    if magnitude <= bound or not math.isfinite(magnitude):
        return bound
    power = 10.0 ** math.floor(math.log10(magnitude))
    return next((f * power for f in (1, 2, 5) if f * power >= magnitude), 10 * power)


def _step(bound: float) -> float:
    return bound / STEPS_PER_SIDE


def _tick(value: float, bound: float) -> int:
    clamped = min(max(value, -bound), bound)
    return round(clamped / _step(bound))


def _value_at(tick: int, bound: float) -> float:
    # 12 significant digits, so tick 12 of 0.01 reads 0.12 and not 0.12000000000000001.
    return float(f"{tick * _step(bound):.12g}")


class ParameterSliders(QGroupBox):
    """A "Parameters" box with one slider and one value box per parameter name; hidden while
    there are none.

    ``values_changed(dict)`` fires with the shown parameters' values whenever one of them
    changes — moved or typed here, in another panel's box, or set in code.
    """

    values_changed = Signal(object)

    def __init__(self, model: ParameterModel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        T.title(self, "Parameters")
        self.setObjectName("parameterSliders")
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._rows: dict[str, tuple[QLabel, QSlider, QLineEdit]] = {}
        # Each slider's end: ±PARAMETER_RANGE until a value beyond it widens it (never narrowed
        # again while the row lives, so the knob does not jump about).
        self._bounds: dict[str, float] = {}
        self._model = model if model is not None else ParameterModel(self)
        self._model.value_changed.connect(self._on_model_changed)
        self.setVisible(False)

    # ----- model --------------------------------------------------------------------------------

    def model(self) -> ParameterModel:
        return self._model

    def set_model(self, model: ParameterModel) -> None:
        """Bind to ``model`` (the window's shared one); sliders jump to its values."""
        if model is self._model:
            return
        before = self.values()
        self._model.value_changed.disconnect(self._on_model_changed)
        self._model = model
        model.value_changed.connect(self._on_model_changed)
        for name in self._rows:
            self._show_value(name, model.value(name))
        if self.values() != before:
            self.values_changed.emit(self.values())

    # ----- rows ---------------------------------------------------------------------------------

    def names(self) -> list[str]:
        return sorted(self._rows)

    def values(self) -> dict[str, float]:
        """The shown parameters' values."""
        return self._model.values(self.names())

    def slider(self, name: str) -> QSlider:
        return self._rows[name][1]

    def value_box(self, name: str) -> QLineEdit:
        """The box beside the slider: shows the value, takes an exact one typed + Enter."""
        return self._rows[name][2]

    def value_text(self, name: str) -> str:
        return self.value_box(name).text()

    def slider_range(self, name: str) -> tuple[float, float]:
        """The values at the two ends of ``name``'s slider."""
        return -self._bounds[name], self._bounds[name]

    def set_parameters(self, names: Iterable[str]) -> None:
        """Show sliders for exactly these names, at the model's values."""
        wanted = set(names)
        for name in [n for n in self._rows if n not in wanted]:
            del self._bounds[name]
            for widget in self._rows.pop(name):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        for name in sorted(wanted - self._rows.keys()):
            self._add_row(name)
        for row, name in enumerate(self.names()):
            for column, widget in enumerate(self._rows[name]):
                self._grid.addWidget(widget, row, column)
        self.setVisible(bool(self._rows))

    def set_value(self, name: str, value: float) -> None:
        """Set ``name`` as if its slider were moved there (snapped to the slider's steps); a
        value beyond the slider's ends widens it first instead of being clamped."""
        bound = slider_bound(value, self._bounds.get(name, PARAMETER_RANGE[1]))
        self._model.set_value(name, _value_at(_tick(value, bound), bound))

    def _add_row(self, name: str) -> None:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(f"parameterSlider_{name}")
        slider.setRange(-STEPS_PER_SIDE, STEPS_PER_SIDE)
        slider.setPageStep(STEPS_PER_SIDE // 10)
        value_box = QLineEdit()
        value_box.setObjectName(f"parameterValue_{name}")
        validator = QDoubleValidator(value_box)
        # "." as the decimal point whatever the desktop's locale, as in the expression input.
        validator.setLocale(QLocale.c())
        value_box.setValidator(validator)
        T.tip(value_box, "Type an exact value for {name} and press Enter", name=name)
        value_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Room for "−12.345" and the frame; longer values scroll inside the box.
        value_box.setFixedWidth(value_box.fontMetrics().horizontalAdvance("\u221212.3456") + 14)
        value_box.editingFinished.connect(lambda n=name: self._on_typed(n))
        slider.valueChanged.connect(lambda tick, n=name: self._on_moved(n, tick))
        self._rows[name] = (QLabel(f"{name} ="), slider, value_box)
        self._bounds[name] = PARAMETER_RANGE[1]
        self._show_value(name, self._model.value(name))

    # ----- both directions ----------------------------------------------------------------------

    def _on_moved(self, name: str, tick: int) -> None:
        self._model.set_value(name, _value_at(tick, self._bounds[name]))

    def _on_typed(self, name: str) -> None:
        """An exact typed value goes to the model as typed (not snapped to the slider)."""
        # float() only reads a number literal (the validator let through digits, sign, "." and
        # an exponent); it evaluates nothing.
        try:
            number = float(self.value_box(name).text())
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            self._model.set_value(name, number)
        # Shows the (possibly unchanged) value in the model's format.
        self._show_value(name, self._model.value(name))

    def _on_model_changed(self, name: str, value: float) -> None:
        if name not in self._rows:
            return
        self._show_value(name, value)
        self.values_changed.emit(self.values())

    def _show_value(self, name: str, value: float) -> None:
        _, slider, value_box = self._rows[name]
        bound = self._bounds[name] = slider_bound(value, self._bounds[name])
        T.tip(
            slider,
            "The parameter {name}, from {low} to {high}",
            name=name,
            low=f"{-bound:g}",
            high=f"{bound:g}",
        )
        # Blocked: the model already holds this value, and writing it back would echo.
        slider.blockSignals(True)
        slider.setValue(_tick(value, bound))
        slider.blockSignals(False)
        # Plain digits (no "−" or "×10^"), so the text can be edited and read back as is.
        value_box.setText(f"{value:.12g}")
        value_box.setCursorPosition(0)
