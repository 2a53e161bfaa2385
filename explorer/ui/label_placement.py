"""Where text boxes go on a plot: beside the points they name or in a free spot of the plot area,
inside it, never on each other or on what must stay in sight, and over as few curve samples as
can be. Pure geometry in pixels (y downwards, as on screen), so it is cheap on every drag step.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

# (left, top, width, height) in pixels.
Rect = tuple[float, float, float, float]


def intersects(first: Rect, second: Rect) -> bool:
    """Whether two rectangles overlap (touching edges do not)."""
    return (
        first[0] < second[0] + second[2]
        and second[0] < first[0] + first[2]
        and first[1] < second[1] + second[3]
        and second[1] < first[1] + first[3]
    )


def contains(area: Rect, rect: Rect) -> bool:
    """Whether ``rect`` lies wholly inside ``area``."""
    return (
        rect[0] >= area[0]
        and rect[1] >= area[1]
        and rect[0] + rect[2] <= area[0] + area[2]
        and rect[1] + rect[3] <= area[1] + area[3]
    )


def point_box(x: float, y: float, radius: float) -> Rect:
    """The square a point marker of ``radius`` pixels covers."""
    return (x - radius, y - radius, 2 * radius, 2 * radius)


def spots_beside(point: tuple[float, float], size: tuple[float, float], area: Rect, gap: float):
    """Rectangles of ``size`` next to ``point``: below, above, right of and left of it, each slid
    along its side to stay inside ``area`` where it can (a label near an edge hangs inwards)."""
    x, y = point
    width, height = size
    left_most, top_most = area[0], area[1]
    right_most, bottom_most = area[0] + area[2] - width, area[1] + area[3] - height
    centred_x = min(max(x - width / 2, left_most), right_most)
    centred_y = min(max(y - height / 2, top_most), bottom_most)
    return [
        (centred_x, y + gap, width, height),
        (centred_x, y - gap - height, width, height),
        (x + gap, centred_y, width, height),
        (x - gap - width, centred_y, width, height),
    ]


def spots_in_area(size: tuple[float, float], area: Rect, margin: float) -> list[Rect]:
    """Rectangles of ``size`` in the corners of ``area`` and the middles of its edges,
    ``margin`` pixels in from them."""
    width, height = size
    xs = (area[0] + margin, area[0] + (area[2] - width) / 2, area[0] + area[2] - margin - width)
    ys = (area[1] + margin, area[1] + area[3] - margin - height)
    return [(x, y, width, height) for y in ys for x in xs]


def covered(rect: Rect, points: np.ndarray, pad: float = 0.0) -> int:
    """How many of ``points`` (an (n, 2) array of pixel positions) lie in ``rect`` grown by
    ``pad`` on every side."""
    if points.size == 0:
        return 0
    left, top, width, height = rect
    inside = (
        (points[:, 0] >= left - pad)
        & (points[:, 0] <= left + width + pad)
        & (points[:, 1] >= top - pad)
        & (points[:, 1] <= top + height + pad)
    )
    return int(np.count_nonzero(inside))


def choose_spots(
    candidates: Sequence[Sequence[Rect]],
    area: Rect,
    *,
    keep_clear: Sequence[Rect] = (),
    points: np.ndarray | None = None,
    spacing: float = 2.0,
) -> list[Rect] | None:
    """One rectangle for each box from its ``candidates`` (best first), or None when no choice
    fits: every box inside ``area``, clear of ``keep_clear`` (the points the boxes name) and at
    least ``spacing`` pixels from every other box. Among the choices that fit, the one covering
    the fewest ``points`` (curve samples) wins; ties go to the earlier candidates."""
    points = np.zeros((0, 2)) if points is None else points
    usable: list[list[tuple[int, Rect]]] = []
    for options in candidates:
        fitting = [
            (covered(rect, points, spacing), rect)
            for rect in options
            if contains(area, rect) and not any(intersects(rect, clear) for clear in keep_clear)
        ]
        if not fitting:
            return None
        usable.append(fitting)
    best: tuple[int, list[Rect]] | None = None
    for choice in itertools.product(*usable):
        rects = [rect for _, rect in choice]
        grown = [
            (left - spacing, top - spacing, width + 2 * spacing, height + 2 * spacing)
            for left, top, width, height in rects
        ]
        if any(intersects(a, b) for a, b in itertools.combinations(grown, 2)):
            continue
        cost = sum(count for count, _ in choice)
        if best is None or cost < best[0]:
            best = (cost, rects)
    return None if best is None else best[1]
