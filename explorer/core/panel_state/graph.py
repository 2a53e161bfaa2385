"""The Graph panel's state: the program, its mode and inputs, the view, forward mode and the step.

The panel opens on the seed's four-variable chain example, so that is the default state (the
Graph presets build their first preset from ``SEED_CHAIN_PROGRAM`` and ``SEED_CHAIN_VALUES``).
This module stays free of the graph engine: a session is read, and the first window starts,
without importing autodiff (``tests/ui/test_cold_start_is_lazy.py``); the mode and view names are
the engine's own (a test pins them to ``core.graph``'s constants).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explorer.core.expr import ExprError, parse

# The engine's names (``core.graph.from_text.DEFINITIONS``/``PYTHON``, ``core.graph.model.
# NAMED_STEPS``/``OPERATIONS``), as a session file writes them.
MODES = ("definitions", "python")
VIEWS = ("named steps", "operations")
MAX_SEED = 999_999  # the seed box's range: torch.manual_seed before a Python program runs
MAX_VECTOR = 64  # values in one vector input
MAX_STEP = 1_000_000  # a step position beyond any schedule the interpreter's caps allow

SEED_CHAIN_PROGRAM = (
    "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
)
SEED_CHAIN_VALUES = {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}


def parse_input_value(text: str) -> float | np.ndarray:
    """A typed input value: ``-1``, ``log(2)``, ``pi/4`` or a vector ``0, 1, 2, 3``."""
    cleaned = text.strip().replace("\u2212", "-")
    if cleaned.startswith("[") and cleaned.endswith("]"):
        cleaned = cleaned[1:-1]
    if not cleaned:
        raise ExprError("Enter a number")
    pieces = cleaned.split(",")
    if len(pieces) > MAX_VECTOR:
        raise ExprError(f"At most {MAX_VECTOR} values in a vector")
    numbers = [_parse_number(piece) for piece in pieces]
    return numbers[0] if len(numbers) == 1 else np.array(numbers, dtype=np.float64)


def _parse_number(text: str) -> float:
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        expression = parse(text, variables=())
        values = np.asarray(expression.numpy_function()(), dtype=float).reshape(-1)
        if values.size != 1:
            raise ExprError("A value must be a single number") from None
        number = float(values[0])
    if not math.isfinite(number):
        raise ExprError(f"'{text}' is not a finite number")
    return number


def format_input_value(value: float | np.ndarray) -> str:
    """A value as the input field shows it (full precision; a vector comma-separated)."""
    array = np.asarray(value, dtype=np.float64).reshape(-1)
    return ", ".join(f"{number:.15g}" for number in array)


@dataclass(frozen=True)
class GraphInput:
    """One input of a program of definitions: its name, its value as typed, requires_grad."""

    name: str
    value: str = "1"
    requires_grad: bool = True

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"input name {self.name!r} is not a name")
        try:
            parse_input_value(self.value)
        except ExprError as error:
            raise ValueError(f"input {self.name}: {error.message}") from None


@dataclass(frozen=True)
class GraphState:
    """What the user sets on the Graph panel.

    ``program`` is the editor's text in ``mode`` (``definitions`` or ``python``); ``inputs`` are a
    program of definitions' values as typed (``log(2)`` stays ``log(2)``) and ``seed`` seeds a
    Python program's ``torch.randn``; ``view`` is ``named steps`` or ``operations`` (a Python
    program is always drawn op by op); ``detach`` names the definitions later lines detach;
    ``forward_mode`` shows tangents from the input named ``forward_input``; ``step`` is how many
    steps of the schedule (forward then backward) have been taken. Which preset the program came
    from is not stored: the panel recognises a preset's program and values.
    """

    program: str = SEED_CHAIN_PROGRAM
    mode: str = MODES[0]
    inputs: tuple[GraphInput, ...] = tuple(
        GraphInput(name, format_input_value(value)) for name, value in SEED_CHAIN_VALUES.items()
    )
    seed: int = 0
    view: str = VIEWS[0]
    detach: tuple[str, ...] = ()
    forward_mode: bool = False
    forward_input: str = ""
    step: int = 0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)} (got {self.mode!r})")
        if self.view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)} (got {self.view!r})")
        names = [each.name for each in self.inputs]
        if len(set(names)) != len(names):
            raise ValueError("inputs name the same input twice")
        if not all(name.isidentifier() for name in self.detach):
            raise ValueError("detach must list definition names")
        if isinstance(self.seed, bool) or not 0 <= self.seed <= MAX_SEED:
            raise ValueError(f"seed must be a whole number from 0 to {MAX_SEED}")
        if isinstance(self.step, bool) or not 0 <= self.step <= MAX_STEP:
            raise ValueError(f"step must be a whole number from 0 to {MAX_STEP}")
        if self.mode == MODES[1]:
            # A Python program makes its own tensors and is traced op by op: one way to say so.
            object.__setattr__(self, "inputs", ())
            object.__setattr__(self, "detach", ())
            object.__setattr__(self, "view", VIEWS[1])

    def values(self) -> dict[str, float | np.ndarray]:
        """The inputs' values, read."""
        return {each.name: parse_input_value(each.value) for each in self.inputs}

    def requires_grad(self) -> dict[str, bool]:
        return {each.name: each.requires_grad for each in self.inputs}
