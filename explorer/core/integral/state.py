"""The Integral panel's state as plain data: what a session saves and what the widgets show.

The text fields keep what the learner typed (``pi/2``, ``inf``); ``validated`` reads them with
the lab's own parsers and says what is wrong, so a panel and a session loader share one check.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

from explorer.core.expr import ExprError
from explorer.core.integral.bounds import Bound, parse_bound
from explorer.core.integral.riemann import MAX_N, RULES


@dataclass(frozen=True)
class IntegralState:
    """Bounds as typed, the Riemann rule and n, what is drawn, and the FTC point x₀."""

    lower: str = "0"
    upper: str = "1"
    rule: str = "midpoint"
    n: int = 10
    show_sums: bool = True
    show_accumulation: bool = True
    ftc_x: float = 0.5

    def bounds(self) -> tuple[Bound, Bound]:
        """Both bounds read; ``ExprError`` naming the field for a bad one."""
        return parse_bound(self.lower, "lower bound a"), parse_bound(self.upper, "upper bound b")

    def validated(self) -> IntegralState:
        """This state if every field is usable, else ``ValueError``/``ExprError`` saying why."""
        self.bounds()
        if self.rule not in RULES:
            raise ValueError(f"Unknown rule {self.rule!r}; use one of {', '.join(RULES)}")
        if isinstance(self.n, bool) or not isinstance(self.n, int) or not 1 <= self.n <= MAX_N:
            raise ValueError(f"n must be a whole number from 1 to {MAX_N:,}")
        if not math.isfinite(self.ftc_x):
            raise ValueError("x₀ must be a finite number")
        return self

    def with_changes(self, **changes) -> IntegralState:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> IntegralState:
        """Strict: unknown keys and wrong types are errors (a session file must not guess)."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown integral setting {unknown[0]!r}")
        defaults = cls()
        values = {}
        for name in known:
            value = data.get(name, getattr(defaults, name))
            expected = type(getattr(defaults, name))
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not expected:
                raise ValueError(f"integral setting {name!r} must be {expected.__name__}")
            values[name] = value
        try:
            return cls(**values).validated()
        except ExprError as error:
            raise ValueError(str(error)) from None
