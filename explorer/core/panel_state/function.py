"""The Function panel's state: the x-range, the extra curves, and what is marked and shaded."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from explorer.core.sampling import validate_range

DEFAULT_X_RANGE = (-5.0, 5.0)
SHADINGS = ("none", "slope", "concavity")
MAX_EXTRA_CURVES = 9  # with f, the ten names of explorer.core.analysis.curves
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")


@dataclass(frozen=True)
class FunctionState:
    """What the Function panel shows besides f itself (f and its parameters are window state).

    ``curves`` are the entries below f (``g(x) = f(x - 1) + 2`` …); ``hidden`` and ``colours``
    have an item per curve, f first (``""`` or a missing item: the palette's colour, shown).
    ``shading`` is "none", "slope" (where the selected curve rises or falls) or "concavity";
    ``selected`` is the index of the curve whose shading and global extrema are shown;
    ``extremes_interval`` is the typed interval for the global extrema (None: the view).
    """

    x_range: tuple[float, float] = DEFAULT_X_RANGE
    curves: tuple[str, ...] = ()
    hidden: tuple[bool, ...] = ()
    colours: tuple[str, ...] = ()
    show_points: bool = True
    shading: str = "none"
    trace: bool = False
    selected: int = 0
    extremes_interval: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        # Each field is checked on its own (a session restores field by field): a ``hidden`` or
        # ``colours`` shorter than the curves means "shown" / "palette colour" for the rest.
        # RangeError (a ValueError) says what is wrong in a learner's words.
        object.__setattr__(self, "x_range", validate_range(*self.x_range))
        if len(self.curves) > MAX_EXTRA_CURVES:
            raise ValueError(f"curves: at most {MAX_EXTRA_CURVES} besides f")
        for colour in self.colours:
            if colour and not _COLOUR.match(colour):
                raise ValueError(f"colours: {colour!r} is not a colour like #1a2b3c")
        if self.shading not in SHADINGS:
            raise ValueError(f"shading: {self.shading!r} is not one of {', '.join(SHADINGS)}")
        if self.selected < 0:
            raise ValueError(f"selected: {self.selected} is not a curve index")
        if self.extremes_interval is not None:
            object.__setattr__(self, "extremes_interval", validate_range(*self.extremes_interval))

    def is_hidden(self, index: int) -> bool:
        return index < len(self.hidden) and self.hidden[index]

    def colour(self, index: int) -> str:
        return self.colours[index] if index < len(self.colours) else ""

    def with_item(self, field: str, index: int, value: object, empty: object) -> FunctionState:
        """``hidden`` or ``colours`` with item ``index`` set (padded with ``empty`` up to it)."""
        items = list(getattr(self, field))
        items += [empty] * (index + 1 - len(items))
        items[index] = value
        return replace(self, **{field: tuple(items)})
