"""The descent presets: d2l's examples (x², x·cos(cx), the two elliptic bowls), Rosenbrock, Beale,
Himmelblau and the saddle x² − y², each with a start, racers that show its point and a view."""

from __future__ import annotations

from dataclasses import dataclass, replace

from explorer.core.descent.optimizers import OptimizerSettings, default_settings


@dataclass(frozen=True)
class Preset:
    name: str
    expression: str
    start: tuple[float, ...]
    racers: tuple[OptimizerSettings, ...]
    steps: int
    # The view: x range and, in 2-D, y range.
    x_range: tuple[float, float]
    y_range: tuple[float, float] | None = None
    note: str = ""


def _five(gd: float, momentum: float, rmsprop: float, adam: float) -> tuple[OptimizerSettings, ...]:
    """The five race kinds with these learning rates (Nesterov shares momentum's)."""
    rates = {"gd": gd, "momentum": momentum, "nesterov": momentum, "rmsprop": rmsprop, "adam": adam}
    return tuple(replace(default_settings(kind), lr=lr) for kind, lr in rates.items())


PRESETS: tuple[Preset, ...] = (
    Preset(
        "d2l: f(x) = x², η = 0.2 from x = 10",
        "x^2",
        (10.0,),
        (OptimizerSettings("gd", lr=0.2),),
        10,
        (-12.0, 12.0),
        note="d2l 12.3: after 10 steps x = 0.0604662",
    ),
    Preset(
        "d2l: f(x) = x·cos(cx), a local minimum",
        "x*cos(0.15*pi*x)",
        (10.0,),
        (
            OptimizerSettings("gd", lr=2.0),
            OptimizerSettings("momentum", lr=0.2, momentum=0.5),
        ),
        60,
        (-13.0, 13.0),
        note="d2l 12.3: with η = 2 from x = 10 gradient descent jumps to a poorer local minimum "
        "near x = −1.8; smaller steps settle in the one at x = 7.27",
    ),
    Preset(
        "d2l: f = 0.1x² + 2y² (ill-conditioned)",
        "0.1x^2 + 2y^2",
        (-5.0, -2.0),
        (
            OptimizerSettings("gd", lr=0.4),
            OptimizerSettings("momentum", lr=0.6, momentum=0.5),
            OptimizerSettings("nesterov", lr=0.3, momentum=0.5),
            OptimizerSettings("rmsprop", lr=0.4, alpha=0.9),
            OptimizerSettings("adam", lr=0.4),
        ),
        20,
        (-5.5, 1.5),
        (-3.0, 3.0),
        note="d2l 12.6: gradient descent oscillates in y while crawling in x; momentum helps",
    ),
    Preset(
        "d2l: f = x² + 2y², η = 0.1 from (−5, −2)",
        "x^2 + 2y^2",
        (-5.0, -2.0),
        (OptimizerSettings("gd", lr=0.1),),
        20,
        (-5.5, 1.5),
        (-3.0, 3.0),
        note="d2l 12.3.2: after 20 steps (−0.057646, −0.000073)",
    ),
    Preset(
        "Rosenbrock (1 − x)² + 100(y − x²)²",
        "(1 - x)^2 + 100(y - x^2)^2",
        (-1.5, 2.0),
        (
            OptimizerSettings("gd", lr=0.001),
            OptimizerSettings("momentum", lr=0.001, momentum=0.9),
            OptimizerSettings("nesterov", lr=0.0008, momentum=0.9),
            OptimizerSettings("rmsprop", lr=0.005, alpha=0.9),
            OptimizerSettings("adam", lr=0.1),
        ),
        1000,
        (-2.0, 2.0),
        (-1.0, 3.0),
        note="A curved, narrow valley to the minimum at (1, 1)",
    ),
    Preset(
        "Beale",
        "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        (1.0, 1.4),
        _five(gd=0.005, momentum=0.002, rmsprop=0.01, adam=0.05),
        300,
        (-0.5, 4.0),
        (-1.0, 2.0),
        note="Flat plateaus and steep walls; the minimum is at (3, 0.5)",
    ),
    Preset(
        "Himmelblau (x² + y − 11)² + (x + y² − 7)²",
        "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        (-0.5, -0.5),
        _five(gd=0.01, momentum=0.005, rmsprop=0.05, adam=0.1),
        200,
        (-5.0, 5.0),
        (-5.0, 5.0),
        note="Four minima: which one a racer finds depends on its path",
    ),
    Preset(
        "Saddle x² − y²",
        "x^2 - y^2",
        (-2.0, 0.01),
        _five(gd=0.1, momentum=0.05, rmsprop=0.02, adam=0.05),
        60,
        (-2.5, 2.5),
        (-2.5, 2.5),
        note="The gradient vanishes at (0, 0), but it is a saddle: a tiny y grows and escapes",
    ),
)


def preset_named(name: str) -> Preset:
    for preset in PRESETS:
        if preset.name == name:
            return preset
    raise KeyError(name)
