"""The Integral panel's state: the bounds as typed, the Riemann rule and n, what is drawn, x₀."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.core.expr import ExprError
from explorer.core.integral.bounds import Bound, parse_bound
from explorer.core.integral.riemann import MAX_N, RULES

X0_LIMIT = 1e6


@dataclass(frozen=True)
class IntegralState:
    """Everything the user sets on the Integral panel (f and its parameters are window state).

    The bounds keep the learner's text (``pi/2``, ``-inf``); they are read by the lab's own
    ``parse_bound`` here, so a state with an unreadable bound cannot exist.
    """

    lower: str = "0"
    upper: str = "1"
    rule: str = "midpoint"
    n: int = 10
    show_sums: bool = True
    show_accumulation: bool = True
    ftc_x: float = 0.5

    def __post_init__(self) -> None:
        self.bounds()
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {', '.join(RULES)} (got {self.rule!r})")
        if isinstance(self.n, bool) or not isinstance(self.n, int) or not 1 <= self.n <= MAX_N:
            raise ValueError(f"n must be a whole number from 1 to {MAX_N} (got {self.n!r})")
        if not (math.isfinite(self.ftc_x) and abs(self.ftc_x) <= X0_LIMIT):
            raise ValueError(f"ftc_x must be a number from {-X0_LIMIT:g} to {X0_LIMIT:g}")

    def bounds(self) -> tuple[Bound, Bound]:
        """Both bounds, read; ``ValueError`` naming the field for a bad one."""
        try:
            return parse_bound(self.lower, "lower bound a"), parse_bound(
                self.upper, "upper bound b"
            )
        except ExprError as error:
            raise ValueError(error.message) from None
