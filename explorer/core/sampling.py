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
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

NO_REAL_VALUES = "No real values in this range"

MAX_ABS_X = 1e15
MIN_RELATIVE_SPAN = 1e-12
MIN_ABSOLUTE_SPAN = 1e-12
DEFAULT_SAMPLES = 2000

# 40 halvings shrink a grid interval by 1e-12: a continuous rise (even cbrt's, at 1e-4) is gone by
# then, while a jump keeps its full height and a pole's rise keeps growing.
_BISECTION_STEPS = 40
# Grid intervals rising by more than this share of the visible y-span are checked for breaks.
_SUSPECT_SHARE = 0.005
# A checked interval is continuous once its rise has shrunk to this share of the grid rise.
_CONTINUOUS_SHRINK = 1e-3
# ... and broken when at least this share of the grid rise survives all halvings.
_BREAK_SHARE = 0.25
# Hidden-peak search: points per zoom round and the number of rounds (8**12 = 7e10 shrink).
_PEAK_POINTS = 17
_PEAK_ZOOMS = 12
# The robust autoscale keeps values this many 10th..90th percentile ranges beyond those percentiles.
_FENCE_FACTOR = 1.5
# Refined points and display clipping stay within this many view spans of the view.
_DISPLAY_MARGIN_SPANS = 10.0


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

        Clipping happens ``_DISPLAY_MARGIN_SPANS`` view spans away from the view, where it changes
        the slope of a visible segment by far less than a pixel.
        """
        if self.y_view_range is None:
            return self.x, self.y
        low, high = _display_limits(self.y_view_range)
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


def evaluate_real(func: Callable[[np.ndarray], Any], x: np.ndarray) -> np.ndarray:
    """``func(x)`` as a float64 array shaped like ``x``; complex or non-finite values become NaN."""
    with np.errstate(all="ignore"):
        raw = np.asarray(func(x))
        if np.iscomplexobj(raw):
            real, imag = raw.real, raw.imag
            tolerance = 1e-12 * np.maximum(1.0, np.abs(real))
            raw = np.where(np.abs(imag) <= tolerance, real, np.nan)
        values = np.array(np.broadcast_to(raw, x.shape), dtype=np.float64)
    values[~np.isfinite(values)] = np.nan
    return values


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
        broken, left, left_y, right, right_y = _bisect_jumps(evaluate, x, y, suspects)
        for index, a, ya, b, yb in zip(
            suspects[broken],
            left[broken],
            left_y[broken],
            right[broken],
            right_y[broken],
            strict=True,
        ):
            ends = (y[index], y[index + 1])
            inserts.append(_break_points(index, a, ya, b, yb, robust_view, ends))
    already_broken = {index for index, _, _ in inserts}
    inserts.extend(_find_hidden_peaks(evaluate, x, y, both_finite, robust_view, already_broken))
    breaks = len(inserts)
    smooth = finite.all() and breaks == 0
    view = _view_range(y, robust=False) if smooth else robust_view
    edges = np.flatnonzero(finite[:-1] != finite[1:])
    if edges.size:
        inserts.extend(_refine_edges(evaluate, x, y, finite, edges, view))
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


def _display_limits(view: tuple[float, float]) -> tuple[float, float]:
    biggest = float(np.finfo(np.float64).max)
    margin = _DISPLAY_MARGIN_SPANS * (0.5 * view[1] - 0.5 * view[0]) * 2.0
    return max(view[0] - margin, -biggest), min(view[1] + margin, biggest)


def _bisect_jumps(
    evaluate: Callable[[np.ndarray], Any], x: np.ndarray, y: np.ndarray, suspects: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Halve each suspect interval, keeping the half that rises more, until its nature is clear.

    Returns ``broken`` (bool per suspect) and the final brackets ``left, left_y, right, right_y``.
    All still-undecided intervals are refined together, one vectorised call per halving.
    """
    left, right = x[suspects].copy(), x[suspects + 1].copy()
    left_y, right_y = y[suspects].copy(), y[suspects + 1].copy()
    grid_rise = np.abs(right_y - left_y)
    broken = np.zeros(suspects.size, dtype=bool)
    active = np.arange(suspects.size)
    for _ in range(_BISECTION_STEPS):
        if active.size == 0:
            break
        a, b = left[active], right[active]
        middle = 0.5 * a + 0.5 * b
        middle_y = evaluate_real(evaluate, middle)
        # A hidden undefined point or an exact pole inside the interval is a break by itself.
        undefined = ~np.isfinite(middle_y)
        broken[active[undefined]] = True
        with np.errstate(invalid="ignore"):
            rise_left = np.abs(middle_y - left_y[active])
            rise_right = np.abs(right_y[active] - middle_y)
        keep = ~undefined
        go_left = keep & (rise_left >= rise_right)
        go_right = keep & (rise_left < rise_right)
        right[active[go_left]], right_y[active[go_left]] = middle[go_left], middle_y[go_left]
        left[active[go_right]], left_y[active[go_right]] = middle[go_right], middle_y[go_right]
        current_rise = np.maximum(rise_left, rise_right)
        continuous = keep & (current_rise <= _CONTINUOUS_SHRINK * grid_rise[active])
        # Floats ran out: the middle is one of the ends, nothing more to learn.
        exhausted = keep & ((middle == a) | (middle == b))
        active = active[keep & ~continuous & ~exhausted]
    final_rise = np.abs(right_y - left_y)
    with np.errstate(invalid="ignore"):
        broken |= final_rise >= _BREAK_SHARE * grid_rise
    return broken, left, left_y, right, right_y


def _find_hidden_peaks(
    evaluate: Callable[[np.ndarray], Any],
    x: np.ndarray,
    y: np.ndarray,
    both_finite: np.ndarray,
    view: tuple[float, float],
    already_broken: set[int],
) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Break intervals next to a local maximum of |y| whose inside shoots far out of sight.

    An even pole (``1/x^2``) does not change sign and may sit between two grid points with equal
    values, so the rise test cannot see it. Here each such interval is zoomed into around its
    largest |f| (17 points a round, the bracket shrinking 8-fold). If the values leave the display
    limits or become undefined, a NaN goes at that spot: beyond those limits the curve is off
    screen anyway, so the break hides nothing true and removes a false connector.
    """
    magnitude = np.where(np.isfinite(y), np.abs(y), -np.inf)
    peak = np.zeros(y.size, dtype=bool)
    middle, before, after = magnitude[1:-1], magnitude[:-2], magnitude[2:]
    # Strict on one side at least, so a flat stretch (floor's steps) is not a row of peaks.
    peak[1:-1] = ((middle >= before) & (middle > after)) | ((middle > before) & (middle >= after))
    peak[0], peak[-1] = magnitude[0] > magnitude[1], magnitude[-1] > magnitude[-2]
    near_peak = both_finite & (peak[:-1] | peak[1:])
    candidates = np.array(
        [i for i in np.flatnonzero(near_peak) if int(i) not in already_broken], dtype=np.intp
    )
    if candidates.size == 0:
        return []
    low, high = _display_limits(view)
    left, right = x[candidates].copy(), x[candidates + 1].copy()
    best = np.maximum(magnitude[candidates], magnitude[candidates + 1])
    offsets = np.linspace(0.0, 1.0, _PEAK_POINTS)
    inserts = []
    active = np.arange(candidates.size)
    quiet = np.zeros(candidates.size, dtype=int)
    for _ in range(_PEAK_ZOOMS):
        if active.size == 0:
            break
        width = right[active] - left[active]
        points = left[active, None] + offsets[None, :] * width[:, None]
        values = evaluate_real(evaluate, points.ravel()).reshape(points.shape)
        undefined = ~np.isfinite(values)
        ends = np.maximum(magnitude[candidates[active]], magnitude[candidates[active] + 1])
        with np.errstate(invalid="ignore"):
            # Only an excursion beyond both grid values counts: it is what the grid missed.
            outside = ((values < low) | (values > high)) & (np.abs(values) > ends[:, None])
        hit = (undefined | outside).any(axis=1)
        for row in np.flatnonzero(hit):
            column = int(np.argmax(undefined[row] | outside[row]))
            index = int(candidates[active[row]])
            inserts.append((index, np.array([points[row, column]]), np.array([np.nan])))
        sizes = np.abs(values)
        top = np.argmax(sizes, axis=1)
        top_size = sizes[np.arange(top.size), top]
        growing = top_size > best[active] * (1.0 + 1e-3)
        best[active] = np.maximum(best[active], top_size)
        # While the largest value sits at the bracket's edge the peak is not located yet: a pole
        # a hair beside a grid sample only outgrows that sample once the zoom reaches its scale.
        at_edge = (top == 0) | (top == _PEAK_POINTS - 1)
        # A pole just beside a grid point only shows after one more zoom: allow a quiet round.
        quiet[active] = np.where(growing | at_edge, 0, quiet[active] + 1)
        growing = quiet[active] < 2
        step = width / (_PEAK_POINTS - 1)
        left[active] = np.maximum(points[np.arange(top.size), top] - step, left[active])
        right[active] = np.minimum(points[np.arange(top.size), top] + step, right[active])
        active = active[~hit & growing]
    return inserts


def _break_points(
    index: int,
    a: float,
    ya: float,
    b: float,
    yb: float,
    view: tuple[float, float],
    grid_ends: tuple[float, float] = (np.nan, np.nan),
) -> tuple[int, np.ndarray, np.ndarray]:
    """Points to insert after grid sample ``index``: the refined ends (if in sight) around a NaN.

    A refined end is kept only when it continues its own grid neighbour (``grid_ends``): at
    ``sign(x) + x`` the bracket may end on the isolated value sign(0) = 0, and joining that to
    the next grid sample (1.001) would draw the very connector the NaN removes.
    """
    low, high = _display_limits(view)
    left_y, right_y = grid_ends
    xs: list[float] = []
    ys: list[float] = []
    if np.isfinite(ya) and low <= ya <= high and not abs(ya - left_y) >= abs(ya - yb):
        xs.append(a)
        ys.append(ya)
    xs.append(0.5 * a + 0.5 * b)
    ys.append(np.nan)
    if np.isfinite(yb) and low <= yb <= high and not abs(yb - right_y) >= abs(yb - ya):
        xs.append(b)
        ys.append(yb)
    return index, np.array(xs), np.array(ys)


def _refine_edges(
    evaluate: Callable[[np.ndarray], Any],
    x: np.ndarray,
    y: np.ndarray,
    finite: np.ndarray,
    edges: np.ndarray,
    view: tuple[float, float],
) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Find where each undefined region really begins, so ``sqrt(x)`` starts at x = 0."""
    inside, outside = x[edges].copy(), x[edges + 1].copy()
    flip = ~finite[edges]  # the finite end is on the right
    inside[flip], outside[flip] = x[edges + 1][flip], x[edges][flip]
    inside_y = np.where(flip, y[edges + 1], y[edges])
    for _ in range(_BISECTION_STEPS):
        middle = 0.5 * inside + 0.5 * outside
        if np.all((middle == inside) | (middle == outside)):
            break
        middle_y = evaluate_real(evaluate, middle)
        defined = np.isfinite(middle_y)
        inside = np.where(defined, middle, inside)
        inside_y = np.where(defined, middle_y, inside_y)
        outside = np.where(defined, outside, middle)
    grid_x = np.where(flip, x[edges + 1], x[edges])
    grid_y = np.where(flip, y[edges + 1], y[edges])
    # Only a border point in sight is added (log's plunge to -33 at x = 1e-15 would stretch the
    # last segment into a near-vertical line), and only when the new segment is plain: csc(log(x))
    # oscillates without end near 0, and a segment into it would paper over infinitely many poles.
    low, high = view
    plain = _segments_are_plain(evaluate, grid_x, grid_y, inside, inside_y, 0.01 * (high - low))
    keep = (inside != grid_x) & (inside_y >= low) & (inside_y <= high) & plain
    return [
        (int(index), np.array([point]), np.array([value]))
        for index, point, value in zip(edges[keep], inside[keep], inside_y[keep], strict=True)
    ]


def _segments_are_plain(
    evaluate: Callable[[np.ndarray], Any],
    x0: np.ndarray,
    y0: np.ndarray,
    x1: np.ndarray,
    y1: np.ndarray,
    tolerance: float,
) -> np.ndarray:
    """Whether f stays finite and between its end values (± tolerance) inside each segment."""
    if x0.size == 0:
        return np.zeros(0, dtype=bool)
    fractions = np.linspace(0.0, 1.0, 18)[1:-1]
    points = x0[:, None] + fractions[None, :] * (x1 - x0)[:, None]
    values = evaluate_real(evaluate, points.ravel()).reshape(points.shape)
    low = np.minimum(y0, y1)[:, None] - tolerance
    high = np.maximum(y0, y1)[:, None] + tolerance
    with np.errstate(invalid="ignore"):
        inside = (values >= low) & (values <= high)
    return inside.all(axis=1)


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
