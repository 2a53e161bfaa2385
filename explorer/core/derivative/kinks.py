"""Which kinks of |·|, relu … in f really break its slope, for the learner-facing notes.

The derivation marks every call of a function with a kink; x·|x|, |x|³ and relu(x)² contain one
but are smooth there. Here each kink is located (bisection between samples) and kept only when
f′ really jumps there (``agreement.slope_breaks``).
"""

from __future__ import annotations

import numpy as np

from explorer.core.derivative.agreement import slope_breaks
from explorer.core.derivative.model import PreparedFunction
from explorer.core.expr.display import format_unicode
from explorer.core.text import format_number

# Where ``kink_notes`` looks for kinks when no plot range is given (the CLI): the default view
# and then some, plus the points asked about.
_KINK_SEARCH = np.linspace(-10.0, 10.0, 2001)
_MAX_KINK_NOTES = 4  # places listed per kinked call


def kink_notes(function: PreparedFunction, points=(), grid: np.ndarray | None = None) -> list[str]:
    """Kinks of |·|, relu … that really break f′ ("|x| has a kink at x = 0"), located on ``grid``.

    x·|x|, |x|³ and relu(x)² contain a kink of |x| or relu but are smooth there: no note.
    """
    search = np.union1d(_KINK_SEARCH if grid is None else grid, np.asarray(points, float))
    found: dict[tuple[float, str], None] = {}
    for site in function.kink_sites:
        for where in _kink_roots(site, search):
            with np.errstate(all="ignore"):
                defined = np.isfinite(function.f(np.float64(where)))
            if defined and slope_breaks(function, where):
                found[(where, format_unicode(site.call))] = None
    by_call: dict[str, list[float]] = {}
    for where, call in sorted(found):
        by_call.setdefault(call, []).append(where)
    return [_kink_note(function, call, places) for call, places in by_call.items()]


def _kink_note(function: PreparedFunction, call: str, places: list[float]) -> str:
    name = function.variable
    listed = [f"{name} = {format_number(x)}" for x in places[:_MAX_KINK_NOTES]]
    more = len(places) - len(listed)
    where = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]
    if more:
        where = ", ".join(listed) + f" and {more} more"
    kinks = "a kink" if len(places) == 1 else "kinks"
    if format_unicode(function.tree) == call:
        return f"{call} has {kinks} at {where}: no derivative there"
    return f"f has {kinks} at {where} (from {call}): no derivative there"


def _kink_roots(site, grid: np.ndarray) -> list[float]:
    """Where the kinked call's argument meets its kink, refined by bisection between samples."""
    roots = []
    with np.errstate(all="ignore"):
        for point in site.points:
            offset = site.argument(grid) - point
            roots.extend(float(x) for x in grid[offset == 0])
            for i in np.flatnonzero(np.sign(offset[:-1]) * np.sign(offset[1:]) < 0):
                low, high, sign_low = grid[i], grid[i + 1], np.sign(offset[i])
                for _ in range(60):
                    middle = 0.5 * (low + high)
                    value = float(site.argument(np.float64(middle))) - point
                    if value == 0 or middle in (low, high):
                        break
                    low, high = (middle, high) if np.sign(value) == sign_low else (low, middle)
                roots.append(float(0.5 * (low + high)) if value != 0 else float(middle))
    return roots
