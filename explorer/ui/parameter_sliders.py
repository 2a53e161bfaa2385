"""Parameter sliders (a, b, k …) as in Desmos: one shared value model, one slider widget per panel.

napari style: ``ParameterModel`` holds the values and knows nothing of widgets; each
``ParameterSliders`` binds both ways to a model. A slider move writes to the model; the model
tells every bound widget, which moves its own slider with signals blocked, so nothing echoes
back. The main window owns one model and hands it to every panel, so moving ``a`` in the
Function panel moves ``a`` in the Derivative panel too. A widget without a given model gets a
private one (a panel used on its own, as the CLI does).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSlider, QWidget

from explorer.core.derivative.formatting import format_number

# −5 … 5 in steps of 0.01, starting at 1 (a fresh Desmos slider).
PARAMETER_RANGE = (-5.0, 5.0)
PARAMETER_STEP = 0.01
DEFAULT_PARAMETER_VALUE = 1.0


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


def _tick(value: float) -> int:
    low, high = PARAMETER_RANGE
    clamped = min(max(value, low), high)
    return round(clamped / PARAMETER_STEP)


class ParameterSliders(QGroupBox):
    """A "Parameters" box with one slider per parameter name; hidden while there are none.

    ``values_changed(dict)`` fires with the shown parameters' values whenever one of them
    changes — moved here, in another panel's box, or set in code.
    """

    values_changed = Signal(object)

    def __init__(self, model: ParameterModel | None = None, parent: QWidget | None = None):
        super().__init__("Parameters", parent)
        self.setObjectName("parameterSliders")
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._rows: dict[str, tuple[QLabel, QSlider, QLabel]] = {}
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

    def value_text(self, name: str) -> str:
        return self._rows[name][2].text()

    def set_parameters(self, names: Iterable[str]) -> None:
        """Show sliders for exactly these names, at the model's values."""
        wanted = set(names)
        for name in [n for n in self._rows if n not in wanted]:
            for widget in self._rows.pop(name):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        for name in wanted - self._rows.keys():
            self._rows[name] = self._make_row(name)
        for row, name in enumerate(self.names()):
            for column, widget in enumerate(self._rows[name]):
                self._grid.addWidget(widget, row, column)
        self.setVisible(bool(self._rows))

    def set_value(self, name: str, value: float) -> None:
        """Set ``name`` as if its slider were moved there (snapped to the slider's steps)."""
        self._model.set_value(name, round(_tick(value) * PARAMETER_STEP, 10))

    def _make_row(self, name: str) -> tuple[QLabel, QSlider, QLabel]:
        low, high = PARAMETER_RANGE
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(f"parameterSlider_{name}")
        slider.setRange(_tick(low), _tick(high))
        slider.setPageStep(round(0.5 / PARAMETER_STEP))
        slider.setToolTip(f"The parameter {name}, from {low:g} to {high:g}")
        value = self._model.value(name)
        slider.setValue(_tick(value))
        value_label = QLabel(format_number(value))
        value_label.setObjectName(f"parameterValue_{name}")
        value_label.setMinimumWidth(48)
        slider.valueChanged.connect(lambda tick, n=name: self._on_moved(n, tick))
        return QLabel(f"{name} ="), slider, value_label

    # ----- both directions ----------------------------------------------------------------------

    def _on_moved(self, name: str, tick: int) -> None:
        self._model.set_value(name, round(tick * PARAMETER_STEP, 10))

    def _on_model_changed(self, name: str, value: float) -> None:
        if name not in self._rows:
            return
        self._show_value(name, value)
        self.values_changed.emit(self.values())

    def _show_value(self, name: str, value: float) -> None:
        _, slider, value_label = self._rows[name]
        # Blocked: the model already holds this value, and writing it back would echo.
        slider.blockSignals(True)
        slider.setValue(_tick(value))
        slider.blockSignals(False)
        value_label.setText(format_number(value))
