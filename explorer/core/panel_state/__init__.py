"""Each panel's state as a small frozen dataclass: what a session file saves and restores.

The pattern (napari's, see ``explorer.ui.panels``): a panel's settings that a user chooses
(ranges, points, toggles, step sizes) live in one frozen dataclass here, in core, with no Qt.
The panel keeps the current value in ``self.state``; a widget's signal writes a *replaced*
state (``dataclasses.replace``), and ``Panel.set_state`` writes every widget from the state
with the widgets' signals blocked, so syncing never echoes back. The dataclass validates itself
in ``__post_init__`` (a ``ValueError`` naming the field), so a bad saved value is refused before a
panel sees it. ``state_to_dict`` / ``state_from_dict`` turn any of them into plain JSON values
and back, strictly (unknown keys, wrong types and bad values are errors with a JSON path).

What is shared between panels (the f(x) text, slider parameters) is window state, not a panel's.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from explorer.core.panel_state.derivative import DerivativeState
from explorer.core.panel_state.function import FunctionState
from explorer.core.panel_state.gradient import GradientState
from explorer.core.panel_state.graph import GraphInput, GraphState
from explorer.core.panel_state.integral import IntegralState

__all__ = [
    "DerivativeState",
    "FunctionState",
    "GradientState",
    "GraphInput",
    "GraphState",
    "IntegralState",
    "StateError",
    "state_from_dict",
    "state_to_dict",
]

State = TypeVar("State")


class StateError(ValueError):
    """A saved panel state that cannot be restored; the message starts with its JSON path."""


def state_to_dict(state: Any) -> dict[str, Any]:
    """The state's fields as JSON values (tuples become lists)."""
    return {field.name: _plain(getattr(state, field.name)) for field in dataclasses.fields(state)}


def state_from_dict(cls: type[State], data: object, path: str = "$") -> State:
    """Rebuild a ``cls`` state from ``state_to_dict``'s output; missing keys keep defaults."""
    if not isinstance(data, Mapping):
        raise StateError(f"{path}: expected an object, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    names = [field.name for field in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise StateError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(names)})")
    values = {name: _typed(data[name], hints[name], f"{path}.{name}") for name in data}
    try:
        return cls(**values)
    except ValueError as error:
        raise StateError(f"{path}: {error}") from None


def _plain(value: Any) -> Any:
    # A state may nest dataclasses (the Descent race's racers): they become objects too.
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return state_to_dict(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _typed(value: object, hint: Any, path: str) -> Any:
    if dataclasses.is_dataclass(hint):
        return state_from_dict(hint, value, path)
    if isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint):
        if value is None:
            return None
        (inner,) = [h for h in typing.get_args(hint) if h is not type(None)]
        return _typed(value, inner, path)
    if typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] == (Ellipsis,):
        if not isinstance(value, list | tuple):
            raise StateError(f"{path}: expected a list, got {value!r}")
        item = typing.get_args(hint)[0]
        return tuple(_typed(v, item, f"{path}[{i}]") for i, v in enumerate(value))
    if hint is bool:
        if not isinstance(value, bool):
            raise StateError(f"{path}: expected true or false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise StateError(f"{path}: expected a whole number, got {value!r}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise StateError(f"{path}: expected text, got {value!r}")
        return value
    if hint is float:
        # bool is an int in Python, but true is not a number a user typed.
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise StateError(f"{path}: expected a number, got {value!r}")
        if not math.isfinite(value):
            raise StateError(f"{path}: expected a finite number, got {value!r}")
        return float(value)
    if typing.get_origin(hint) is tuple:
        items = typing.get_args(hint)
        if not isinstance(value, list | tuple) or len(value) != len(items):
            raise StateError(f"{path}: expected a list of {len(items)} items, got {value!r}")
        return tuple(
            _typed(v, h, f"{path}[{i}]") for i, (v, h) in enumerate(zip(value, items, strict=True))
        )
    raise TypeError(f"{path}: no reader for fields of type {hint!r}")
