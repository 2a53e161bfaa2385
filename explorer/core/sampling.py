"""Sample a curve y = f(x) for plotting, breaking the line at poles, jumps and undefined regions.

The arrays handed to pyqtgraph (``connect="finite"``) must never contain a pair of consecutive
finite samples that straddle a pole or a jump, or the plot shows a vertical connector. A uniform
grid alone cannot promise that (``1/(x-0.1)`` has its pole between grid points), so every grid
interval whose rise is large compared to the visible y-range is bisected: the half with the bigger
rise is kept, down to ``_BISECTION_STEPS`` halvings. A continuous function's rise shrinks with
the width; a jump's rise survives, a pole's grows. Intervals whose rise survives get a NaN
inserted (plus the two refined points next to the break, when they are within sight, so a step
of ``floor`` reaches the integer). An even pole (``1/x^2``) need not change the rise at all, so
the intervals next to each local maximum of |y| are also zoomed into; if the inside shoots out of
sight, a NaN goes there. The borders of undefined regions (``sqrt`` at 0) are refined by
bisection too, so a curve starts where it really starts.

Limit: detail narrower than the grid spacing cannot all be resolved: poles that pile up faster
than the samples (``tan(1/x)`` near 0, ``sec(x^6)`` at x = 5) get one break per grid interval at
most. A denser grid (larger ``n``) or a narrower range shows them.

Rules where the issue left a choice (documented here and tested):

- A reversed range is an error, not a silent swap: the range usually comes from two text fields
  and the learner should see which one is wrong.
- A range narrower than ``max(1e-12 * |centre|, 1e-12)`` is refused (float64 cannot tell the
  samples apart, pyqtgraph's axes cannot label it), and so is any bound beyond ``±1e15``.
- The autoscale (``y_view_range``) uses every finite grid value when the curve is smooth and
  unbroken. When it has breaks or undefined regions it keeps values within 1.5 inter-percentile
  ranges (10th..90th) beyond those percentiles (Tukey's fences, with wider quantiles): the
  extremes next to an asymptote are ignored, the ends of an honest curve such as ``x^3 - 1/x``
  are kept.
- A removable singularity hit exactly by the grid (``sin(x)/x`` at 0) is a one-sample gap; it
  is not filled with the limit.

The break search (bisection, hidden peaks, edges of undefined regions) is in
``explorer.core.sampling_breaks``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

# evaluate_real is re-exported: it is part of this module's public interface.
from explorer.core.sampling_breaks import (
    bisect_jumps,
    break_points,
    display_limits,
    evaluate_real,
    find_hidden_peaks,
    refine_edges,
)

NO_REAL_VALUES = "No real values in this range"

MAX_ABS_X = 1e15
MIN_RELATIVE_SPAN = 1e-12
MIN_ABSOLUTE_SPAN = 1e-12
DEFAULT_SAMPLES = 2000

# Grid intervals rising by more than this share of the visible y-span are checked for breaks.
_SUSPECT_SHARE = 0.005
# The robust autoscale keeps values this many 10th..90th percentile ranges beyond those percentiles.
_FENCE_FACTOR = 1.5


class RangeError(ValueError):
    """An x-range that cannot be plotted; ``message`` is written for a learner."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class SampledCurve:
    """Samples ready for a line plot; ``y`` has NaN wherever the line must break."""

    x: np.ndarray
    y: np.ndarray
    y_view_range: tuple[float, float] | None
    has_real_values: bool
    breaks: int  # discontinuities found between finite samples (poles, jumps)
    gaps: int  # runs of NaN in ``y`` (breaks, undefined regions, removable holes)

    def display_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """``x`` and ``y`` with values far outside the view clipped, so Qt never paints 1e300.

        Clipping happens at ``display_limits``, 10 view spans away from the view, where it changes
        the slope of a visible segment by far less than a pixel.
        """
        if self.y_view_range is None:
            return self.x, self.y
        low, high = display_limits(self.y_view_range)
        with np.errstate(invalid="ignore"):
            return self.x, np.clip(self.y, low, high)


def describe_empty(curve: SampledCurve) -> str | None:
    """The message a panel shows instead of an empty plot; None when there is a curve to draw."""
    return None if curve.has_real_values else NO_REAL_VALUES


def validate_range(x_min: float, x_max: float) -> tuple[float, float]:
    """Check a plotting range and return it as floats; ``RangeError`` says what is wrong."""
    try:
        low, high = float(x_min), float(x_max)
    except (TypeError, ValueError, OverflowError):
        raise RangeError("The x-range must be two numbers.") from None
    for label, value in (("x min", low), ("x max", high)):
        if not np.isfinite(value):
            raise RangeError(f"{label} must be a finite number (got {value!r}).")
        if abs(value) > MAX_ABS_X:
            raise RangeError(
                f"{label} = {_exact(value)} is too far out: |x| must be at most 1e15 "
                "(keep the range within ±1e15)."
            )
    if low > high:
        raise RangeError(
            f"The range is reversed: x min ({_exact(low)}) must be smaller than "
            f"x max ({_exact(high)})."
        )
    centre = 0.5 * (low + high)
    smallest_span = max(MIN_RELATIVE_SPAN * abs(centre), MIN_ABSOLUTE_SPAN)
    if high - low < smallest_span:
        raise RangeError(
            f"The range {_exact(low)} .. {_exact(high)} is too narrow to plot: "
            f"make it wider than {smallest_span:.3g}."
        )
    return low, high


def _exact(value: float) -> str:
    # The shortest text that reads back as ``value``: a 6-digit "%g" would print 1e15 + 1 as
    # "1e+15" and make "1e+15 is too far out: keep within ±1e15" look self-contradictory.
    for digits in range(6, 17):
        text = f"{value:.{digits}g}"
        if float(text) == value:
            return text
    return f"{value:.17g}"


def as_vectorised(func: Callable[..., Any]) -> Callable[[np.ndarray], Any]:
    """Adapt ``func`` to a positional one-argument call.

    Accepts a parsed expression (anything with ``numpy_function()``), a callable taking the
    keyword ``x=`` (what ``Expression.numpy_function()`` returns), or a plain ``f(array)``.
    """
    numpy_function = getattr(func, "numpy_function", None)
    if callable(numpy_function):
        func = numpy_function()
    try:
        parameters = inspect.signature(func).parameters
    except (TypeError, ValueError):  # builtins and ufuncs without a signature
        return func
    x_parameter = parameters.get("x")
    positional = [
        p
        for p in parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    if x_parameter is not None and x_parameter.kind == inspect.Parameter.KEYWORD_ONLY:
        return lambda values: func(x=values)
    if not positional and any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return lambda values: func(x=values)
    return func


def sample_curve(
    func: Callable[..., Any], x_min: float, x_max: float, n: int = DEFAULT_SAMPLES
) -> SampledCurve:
    """Sample ``func`` on ``n`` evenly spaced points of [x_min, x_max], with NaN at every break."""
    low, high = validate_range(x_min, x_max)
    if n < 2:
        raise ValueError("sample_curve needs at least 2 samples")
    evaluate = as_vectorised(func)
    x = np.linspace(low, high, int(n))
    y = evaluate_real(evaluate, x)
    finite = np.isfinite(y)
    if not finite.any():
        return SampledCurve(x, y, None, False, 0, _count_gaps(finite))

    with np.errstate(all="ignore"):
        rise = np.abs(np.diff(y))
    both_finite = finite[:-1] & finite[1:]
    # Breaks are looked for against the robust view: one pole straddled very closely must not
    # make every other pole's rise look small.
    robust_view = _view_range(y[finite], robust=True)
    threshold = _SUSPECT_SHARE * (robust_view[1] - robust_view[0])
    suspects = np.flatnonzero(both_finite & (rise > threshold))
    inserts: list[tuple[int, np.ndarray, np.ndarray]] = []
    if suspects.size:
        broken, left, left_y, right, right_y = bisect_jumps(evaluate, x, y, suspects)
        for index, a, ya, b, yb in zip(
            suspects[broken],
            left[broken],
            left_y[broken],
            right[broken],
            right_y[broken],
            strict=True,
        ):
            ends = (y[index], y[index + 1])
            inserts.append(break_points(index, a, ya, b, yb, robust_view, ends))
    already_broken = {index for index, _, _ in inserts}
    inserts.extend(find_hidden_peaks(evaluate, x, y, both_finite, robust_view, already_broken))
    breaks = len(inserts)
    smooth = finite.all() and breaks == 0
    view = _view_range(y, robust=False) if smooth else robust_view
    edges = np.flatnonzero(finite[:-1] != finite[1:])
    if edges.size:
        inserts.extend(refine_edges(evaluate, x, y, finite, edges, view))
    if inserts:
        x, y = _splice(x, y, inserts)
    return SampledCurve(x, y, view, True, breaks, _count_gaps(np.isfinite(y)))


def _view_range(values: np.ndarray, robust: bool) -> tuple[float, float]:
    """The y-range to show: all values, or (robust) without the extremes next to asymptotes."""
    low, high = float(values.min()), float(values.max())
    if robust and values.size >= 20:
        p_low, p_high = np.percentile(values, (10.0, 90.0))
        fence = _FENCE_FACTOR * (p_high - p_low)
        kept = values[(values >= p_low - fence) & (values <= p_high + fence)]
        if kept.size:
            low, high = float(kept.min()), float(kept.max())
    return _padded(low, high)


def _padded(low: float, high: float) -> tuple[float, float]:
    """Add 5 % above and below; give a flat curve a window of its own size (or ±1 around 0)."""
    biggest = float(np.finfo(np.float64).max)
    span = 0.5 * high - 0.5 * low  # halves first: high - low overflows near ±1.8e308
    if span <= 1e-12 * max(abs(low), abs(high)):
        half_window = max(1.0, 0.1 * abs(high))
        return max(low - half_window, -biggest), min(high + half_window, biggest)
    pad = 0.1 * span
    return max(low - pad, -biggest), min(high + pad, biggest)


def _splice(
    x: np.ndarray, y: np.ndarray, inserts: list[tuple[int, np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, np.ndarray]:
    """Insert each group of points after its grid index, keeping ``x`` sorted."""
    inserts.sort(key=lambda item: (item[0], item[1][0] if item[1].size else 0.0))
    positions = np.concatenate([np.full(xs.size, index + 1) for index, xs, _ in inserts])
    new_x = np.concatenate([xs for _, xs, _ in inserts])
    new_y = np.concatenate([ys for _, _, ys in inserts])
    return np.insert(x, positions, new_x), np.insert(y, positions, new_y)


def _count_gaps(finite: np.ndarray) -> int:
    """Runs of non-finite samples."""
    undefined = ~finite
    if not undefined.any():
        return 0
    starts = undefined[1:] & ~undefined[:-1]
    return int(starts.sum()) + int(undefined[0])
