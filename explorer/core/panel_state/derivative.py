"""The Derivative panel's state: x₀, the x-range, the secant's h, the band's ε and the toggles."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.core.sampling import validate_range

DEFAULT_X_RANGE = (-5.0, 5.0)
DEFAULT_X0 = 1.0
DEFAULT_H = 0.1
DEFAULT_EPSILON = 0.5
X0_LIMIT = 1e6
# h runs from 10⁰ down to 10⁻¹² on the slider; ε is a tolerance on f's own scale.
H_RANGE = (1e-12, 1.0)
EPSILON_RANGE = (1e-4, 1000.0)


@dataclass(frozen=True)
class DerivativeState:
    """Everything the user sets on the Derivative panel (f and its parameters are window state)."""

    x0: float = DEFAULT_X0
    x_range: tuple[float, float] = DEFAULT_X_RANGE
    h: float = DEFAULT_H
    epsilon: float = DEFAULT_EPSILON
    show_secant: bool = True
    show_second: bool = False
    show_band: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "x_range", validate_range(*self.x_range))
        _check_between("x0", self.x0, -X0_LIMIT, X0_LIMIT)
        _check_between("h", self.h, *H_RANGE)
        _check_between("epsilon", self.epsilon, *EPSILON_RANGE)


def _check_between(name: str, value: float, low: float, high: float) -> None:
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must be a number from {low:g} to {high:g} (got {value!r})")
