"""The Function panel's state: the x-range f is plotted over."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.sampling import validate_range

DEFAULT_X_RANGE = (-5.0, 5.0)


@dataclass(frozen=True)
class FunctionState:
    """What the Function panel shows besides f itself (f and its parameters are window state)."""

    x_range: tuple[float, float] = DEFAULT_X_RANGE

    def __post_init__(self) -> None:
        # RangeError (a ValueError) says what is wrong in a learner's words.
        object.__setattr__(self, "x_range", validate_range(*self.x_range))
