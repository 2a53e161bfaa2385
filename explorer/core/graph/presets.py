"""The graph view's presets: the seed's worked examples, ready to step through."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from explorer.core.graph.interpreter import run_program
from explorer.core.graph.model import GraphModel, build_model
from explorer.core.panel_state.graph import SEED_CHAIN_PROGRAM, SEED_CHAIN_VALUES

SEED_CONTROL_FLOW_INPUT = "a = torch.randn(size=(), requires_grad=True)"
SEED_CONTROL_FLOW = """def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c

a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()
print(f"a: {a}")
print(f"a grad: {a.grad}")
print(f"d: {d}")
print(a.grad == d / a)
"""

TWO_X_T_X = """x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
y.backward()
print(x.grad)
print(x.grad == 4 * x)
"""


@dataclass(frozen=True)
class Preset:
    """A named example: a program of definitions (``kind="program"``) or PyTorch-style Python."""

    key: str
    title: str
    kind: str
    source: str
    values: dict[str, float] = field(default_factory=dict)
    note: str = ""
    # Inputs that are data, not parameters (a neuron's target): requires_grad starts off.
    constants: tuple[str, ...] = ()


PRESETS: tuple[Preset, ...] = (
    Preset(
        "chain",
        "Seed: four-variable chain rule",
        "program",
        SEED_CHAIN_PROGRAM,
        dict(SEED_CHAIN_VALUES),
        "f = 1024 and ∂f/∂w = ∂f/∂x = ∂f/∂y = ∂f/∂z = −4096",
    ),
    Preset(
        "logsumexp",
        "Log-sum-exp at (0, ln 2)",
        "program",
        "log(exp(x) + exp(y))",
        {"x": 0.0, "y": math.log(2.0)},
        "∇f = (1/3, 2/3): the softmax of (x, y)",
    ),
    Preset("2xtx", "2xᵀx with x = arange(4)", "python", TWO_X_T_X, {}, "∇(2xᵀx) = 4x"),
    Preset(
        "neuron",
        "Neuron σ(w·x + b), squared loss",
        "program",
        "z = w*x + b\np = sigmoid(z)\nloss = (p - t)^2",
        {"w": 0.5, "x": 2.0, "b": -0.5, "t": 1.0},
        "∂loss/∂w = 2(p − t)·p(1 − p)·x",
        constants=("t",),
    ),
    Preset(
        "control_flow",
        "Control flow: the seed's f(a)",
        "python",
        SEED_CONTROL_FLOW,
        {},
        "a.grad == d / a for every a",
    ),
)

PRESETS_BY_KEY: dict[str, Preset] = {preset.key: preset for preset in PRESETS}


def preset_model(key: str, *, seed: int = 0) -> GraphModel:
    """Build and run a preset; Python presets run in the restricted interpreter (``seed``)."""
    preset = PRESETS_BY_KEY[key]
    if preset.kind == "program":
        requires_grad = dict.fromkeys(preset.constants, False)
        return build_model(preset.source, preset.values, requires_grad=requires_grad)
    return run_preset(key, seed=seed).graph


def run_preset(key: str, *, seed: int = 0) -> Any:
    """The interpreter's full result (variables, prints, trace, graph) for a Python preset."""
    preset = PRESETS_BY_KEY[key]
    if preset.kind != "python":
        raise ValueError(f"preset {key!r} is a program of definitions, not Python")
    return run_program(preset.source, seed=seed)
