"""A scalar field z = f(x, y) sampled on a grid, its contour levels and level lines (contourpy).

Qt-free so the numbers behind every contour map (the Gradient lab, the Descent helper's 2-D view)
are tested without a window. Undefined samples (complex, ±inf, NaN) are NaN in ``FieldGrid.z``:
the map leaves them blank and contourpy treats them as masked, so no line crosses them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import contourpy
import numpy as np

from explorer.core.gradient.jumps import jump_mask

Range = tuple[float, float]
FieldFunction = Callable[[np.ndarray, np.ndarray], np.ndarray]

DEFAULT_GRID_SIZE = 300
DEFAULT_LEVEL_COUNT = 12
# The colour range follows these percentiles of the finite values, so a single spike near a pole
# (1/(x² + y²) at the origin) does not squash every other value into one band.
ROBUST_PERCENTILES = (1.0, 99.0)
# The level through P is traced in blocks of this many quads a side (FieldGrid.level_line).
LEVEL_BLOCK = 50
_BREAK = np.array([[np.nan, np.nan]])


@dataclass(frozen=True)
class FieldGrid:
    """Samples ``z[i, j] = f(xs[j], ys[i])``; NaN where f is undefined or infinite.

    ``line_z`` is what level lines are traced on: ``z`` with the samples next to a jump of f
    (a branch cut, a pole's sign change) left out, so no line runs along it.
    """

    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray
    line_z: np.ndarray | None = None

    @property
    def traced(self) -> np.ndarray:
        return self.z if self.line_z is None else self.line_z

    @property
    def x_range(self) -> Range:
        return float(self.xs[0]), float(self.xs[-1])

    @property
    def y_range(self) -> Range:
        return float(self.ys[0]), float(self.ys[-1])

    @cached_property
    def contours(self) -> contourpy.ContourGenerator:
        """contourpy's generator for this grid, built once (tracing a level reuses it)."""
        return contourpy.contour_generator(
            self.xs, self.ys, self.traced, line_type=contourpy.LineType.ChunkCombinedNan
        )

    @cached_property
    def blocks(self) -> LevelBlocks:
        """The grid in blocks, for tracing one level where it can be (``level_line``)."""
        return LevelBlocks(self.xs, self.ys, self.traced)

    def level_line(self, level: float) -> LevelLine:
        """The level set f = ``level``: the segments ``level_lines`` gives, traced by contourpy
        only in the blocks of the grid whose values straddle the level (the level through P,
        traced again on every step of a drag; the whole grid takes 3× as long for a typical
        level). Pieces end where blocks meet, so a line may be split there."""
        return self.blocks.line(level)

    def defined_fraction(self) -> float:
        """The share of samples where f has a real, finite value (0 … 1)."""
        return float(np.isfinite(self.z).mean()) if self.z.size else 0.0


@dataclass(frozen=True)
class ContourLevels:
    """Equally spaced level values ``low, low + step, …, high``: the bands' edges and the lines."""

    values: np.ndarray
    step: float

    @property
    def low(self) -> float:
        return float(self.values[0])

    @property
    def high(self) -> float:
        return float(self.values[-1])

    @property
    def band_count(self) -> int:
        return max(1, len(self.values) - 1)


@dataclass(frozen=True)
class LevelLine:
    """All pieces of the level set f = ``level`` as one polyline, pieces separated by NaN."""

    level: float
    x: np.ndarray
    y: np.ndarray

    def is_empty(self) -> bool:
        return self.x.size == 0


class LevelBlocks:
    """A grid cut into blocks of ``LEVEL_BLOCK`` × ``LEVEL_BLOCK`` quads that share their edge
    samples, each with the range of its values and (made when first needed) its own contourpy
    generator. A level crosses only the blocks whose values straddle it: a quad is crossed
    where some corner is above the level and some at or below it."""

    def __init__(self, xs: np.ndarray, ys: np.ndarray, z: np.ndarray) -> None:
        self._xs, self._ys, self._z = xs, ys, z
        rows = _block_starts(z.shape[0])
        columns = _block_starts(z.shape[1])
        self._slices = [
            (slice(r0, r1 + 1), slice(c0, c1 + 1))
            for r0, r1 in zip(rows[:-1], rows[1:], strict=True)
            for c0, c1 in zip(columns[:-1], columns[1:], strict=True)
        ]
        # NaN where a block is undefined throughout (fmin and fmax skip NaN where they can).
        self._low = _block_reduce(np.fmin, z, rows, columns)
        self._high = _block_reduce(np.fmax, z, rows, columns)
        self._generators: dict[int, contourpy.ContourGenerator] = {}

    def line(self, level: float) -> LevelLine:
        level = float(level)
        # NaN ranges (blocks where f is undefined throughout) compare False: never crossed.
        crossed = np.flatnonzero((self._low <= level) & (level < self._high))
        chunks = []
        for index in crossed.tolist():
            chunk = self._generator(index).lines(level)[0][0]
            if chunk is not None:
                chunks += [chunk, _BREAK]
        points = np.concatenate(chunks[:-1]) if chunks else np.empty((0, 2))
        return LevelLine(level, points[:, 0].copy(), points[:, 1].copy())

    def _generator(self, index: int) -> contourpy.ContourGenerator:
        generator = self._generators.get(index)
        if generator is None:
            rows, columns = self._slices[index]
            z = np.ascontiguousarray(self._z[rows, columns])
            undefined = ~np.isfinite(z)
            x = np.repeat(self._xs[None, columns], z.shape[0], axis=0)
            y = np.repeat(self._ys[rows, None], z.shape[1], axis=1)
            # The arguments contour_generator gives it for this block (undefined samples
            # masked), without its checks and masked-array set-up, which cost 3× the tracing.
            generator = self._generators[index] = contourpy.SerialContourGenerator(
                x,
                y,
                z,
                undefined if undefined.any() else None,
                corner_mask=True,
                line_type=contourpy.LineType.ChunkCombinedNan,
                fill_type=contourpy.SerialContourGenerator.default_fill_type,
                quad_as_tri=False,
                z_interp=contourpy.ZInterp.Linear,
                x_chunk_size=0,
                y_chunk_size=0,
            )
        return generator


def _block_reduce(reduce: np.ufunc, z: np.ndarray, rows: list[int], columns: list[int]):
    """``reduce`` (np.fmin or np.fmax) over each block's samples, edges included, as a flat
    array in the order of ``LevelBlocks``' blocks."""
    # Along the rows first (contiguous, the fast way for reduceat), then down the columns.
    by_columns = reduce.reduceat(z, columns[:-1], axis=1)
    # reduceat stops short of the next block's first column, which the block shares: add it.
    by_columns[:, :-1] = reduce(by_columns[:, :-1], z[:, columns[1:-1]])
    blocks = reduce.reduceat(by_columns, rows[:-1], axis=0)
    blocks[:-1] = reduce(blocks[:-1], by_columns[rows[1:-1]])
    return blocks.reshape(-1)


def _block_starts(samples: int) -> list[int]:
    """Where blocks of ``LEVEL_BLOCK`` quads start along an axis of ``samples`` samples, and the
    last sample (each block ends on the sample the next one starts on)."""
    return [*range(0, samples - 1, LEVEL_BLOCK), samples - 1]


def sample_field(
    function: FieldFunction, x_range: Range, y_range: Range, size: int = DEFAULT_GRID_SIZE
) -> FieldGrid:
    """Evaluate ``function(X, Y)`` on a ``size`` × ``size`` grid spanning the two ranges."""
    xs = np.linspace(x_range[0], x_range[1], size)
    ys = np.linspace(y_range[0], y_range[1], size)
    grid_x, grid_y = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        z = np.array(function(grid_x, grid_y), dtype=np.float64)
    z = np.broadcast_to(z, grid_x.shape).copy()
    z[~np.isfinite(z)] = np.nan
    with np.errstate(all="ignore"):
        at_jumps = jump_mask(function, xs, ys, z)
    if not at_jumps.any():
        return FieldGrid(xs, ys, z)
    line_z = z.copy()
    line_z[at_jumps] = np.nan
    return FieldGrid(xs, ys, z, line_z)


def nice_step(span: float, count: int) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ᵏ) cutting ``span`` into about ``count`` intervals."""
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / max(1, count)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw * (1 - 1e-9):
            return factor * power
    return 10.0 * power


def contour_levels(z: np.ndarray, count: int = DEFAULT_LEVEL_COUNT) -> ContourLevels | None:
    """Round, equally spaced levels covering the finite values of ``z`` (None if there are none).

    The span is taken between robust percentiles, so the bands resolve where most of the surface
    is; values beyond the outer levels take the end colours.
    """
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return None
    low, high = (float(v) for v in np.percentile(finite, ROBUST_PERCENTILES))
    if high - low <= 1e-12 * max(1.0, abs(low)):
        low, high = float(finite.min()), float(finite.max())
    if high - low <= 1e-12 * max(1.0, abs(low)):
        # A constant surface: one band around its value, no lines inside.
        step = nice_step(max(1.0, abs(low)), 2)
        start = math.floor(low / step) * step
        return ContourLevels(np.array([start, start + step]), step)
    step = nice_step(high - low, count)
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    intervals = max(1, round((stop - start) / step))
    values = start + step * np.arange(intervals + 1)
    # Round away the float noise of start + k·step so labels read 0.3, not 0.30000000000000004.
    decimals = max(0, 12 - math.floor(math.log10(step)))
    return ContourLevels(np.round(values, min(decimals, 15)), step)


def level_lines(grid: FieldGrid, levels: np.ndarray | list[float]) -> list[LevelLine]:
    """The level set of each value in ``levels``, traced by contourpy on ``grid``."""
    generator = grid.contours
    lines = []
    for level in levels:
        chunks = [chunk for chunk in generator.lines(float(level))[0] if chunk is not None]
        points = np.concatenate(chunks) if chunks else np.empty((0, 2))
        lines.append(LevelLine(float(level), points[:, 0].copy(), points[:, 1].copy()))
    return lines


def combined_polyline(lines: list[LevelLine]) -> tuple[np.ndarray, np.ndarray]:
    """All ``lines`` as one NaN-separated polyline (one plot item draws every level)."""
    pieces_x: list[np.ndarray] = []
    pieces_y: list[np.ndarray] = []
    for line in lines:
        if line.is_empty():
            continue
        pieces_x += [line.x, np.array([np.nan])]
        pieces_y += [line.y, np.array([np.nan])]
    if not pieces_x:
        return np.empty(0), np.empty(0)
    return np.concatenate(pieces_x), np.concatenate(pieces_y)


def _pieces(line: LevelLine) -> list[tuple[int, int]]:
    """(start, stop) of each NaN-separated piece of ``line``, longest first."""
    breaks = np.flatnonzero(np.isnan(line.x))
    starts = np.concatenate(([0], breaks + 1))
    stops = np.concatenate((breaks, [line.x.size]))
    pieces = [(int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a >= 2]
    return sorted(pieces, key=lambda piece: piece[0] - piece[1])


def label_anchors(
    lines: list[LevelLine],
    x_range: Range,
    y_range: Range,
    pixel_size: tuple[float, float],
    *,
    separation: float = 48.0,
    edge_margin: float = 18.0,
) -> list[tuple[float, float, float]]:
    """Where to print each level's value: ``(level, x, y)``, at most one per line.

    A label sits on the line, near the middle of its longest piece, at least ``edge_margin``
    pixels inside the view and ``separation`` pixels from every label placed before; a line with
    no such spot gets no label (crowded corners stay readable). ``pixel_size`` is the data size of
    one screen pixel in x and y.
    """
    scale_x = 1.0 / pixel_size[0] if pixel_size[0] > 0 else 1.0
    scale_y = 1.0 / pixel_size[1] if pixel_size[1] > 0 else 1.0
    placed: list[tuple[float, float]] = []
    anchors = []
    for line in lines:
        spot = _label_spot(
            line, x_range, y_range, (scale_x, scale_y), placed, separation, edge_margin
        )
        if spot is not None:
            placed.append((spot[0] * scale_x, spot[1] * scale_y))
            anchors.append((line.level, spot[0], spot[1]))
    return anchors


def _label_spot(line, x_range, y_range, scale, placed, separation, edge_margin):
    for start, stop in _pieces(line):
        index = np.arange(start, stop)
        middle = (start + stop - 1) / 2
        index = index[np.argsort(np.abs(index - middle), kind="stable")]
        px = line.x[index] * scale[0]
        py = line.y[index] * scale[1]
        edge = np.minimum.reduce(
            [
                px - x_range[0] * scale[0],
                x_range[1] * scale[0] - px,
                py - y_range[0] * scale[1],
                y_range[1] * scale[1] - py,
            ]
        )
        ok = edge >= edge_margin
        for other_x, other_y in placed:
            ok &= np.hypot(px - other_x, py - other_y) >= separation
        if ok.any():
            chosen = index[int(np.argmax(ok))]
            return float(line.x[chosen]), float(line.y[chosen])
    return None


def band_indices(z: np.ndarray, levels: ContourLevels) -> np.ndarray:
    """The band (0 … band_count − 1) each sample falls in; −1 where ``z`` is NaN.

    Values beyond the outer levels join the end bands, as the colour bar's ends say.
    """
    index = np.floor((z - levels.low) / levels.step)
    index = np.clip(np.nan_to_num(index, nan=-1.0), 0, levels.band_count - 1)
    index[np.isnan(z)] = -1
    return index.astype(np.int32)


def is_equal_scale_fit(
    asked: tuple[tuple[float, float], tuple[float, float]],
    shown: tuple[tuple[float, float], tuple[float, float]],
    tolerance: float = 1e-6,
) -> bool:
    """Whether ``shown`` (x, y ranges) is ``asked`` widened on one axis about the same centre.

    The map keeps both axes at one scale, so it shows more than was asked along one axis; that
    is still the view the learner chose (a session keeps the range asked for), whereas a pan or a
    zoom moves a centre or changes both spans.
    """
    spans_kept = 0
    for (low, high), (shown_low, shown_high) in zip(asked, shown, strict=True):
        span, shown_span = high - low, shown_high - shown_low
        scale = tolerance * max(abs(span), 1.0)
        if abs((low + high) - (shown_low + shown_high)) / 2 > scale or shown_span < span - scale:
            return False
        spans_kept += abs(shown_span - span) <= scale
    return spans_kept >= 1
