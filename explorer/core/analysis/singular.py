"""Holes and vertical asymptotes: where part of the formula leaves f undefined, and what f does.

The places are found from the formula, not from the samples (a grid rarely hits ``sin(x)/x`` at
exactly 0): each divisor, the base of a negative power, the cosine under ``tan``/``sec``, the sine
under ``cot``/``csc``, the argument of a logarithm and ``1 - u²`` under ``atanh`` is a "site", and
its zeros in the range (sign changes, and touching zeros like ``x²``'s found through the site's
own derivative) are the candidates. At each candidate f is probed on both sides, 10⁻³ down to
10⁻⁹ of the range's width away:

- |f| growing steadily on a side (at least 2.5-fold over those six decades, so even ``ln`` counts)
  is a vertical asymptote;
- both sides settling on one finite value is a hole at that value (the limit, taken from the
  symmetric averages where successive ones agree best, which cancels the first-order error);
- anything else (a jump ``x/|x|``, a one-sided end ``x·ln(x)``) is neither and is not marked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.analysis.curves import VARIABLE, derivative_tree
from explorer.core.analysis.roots import (
    RealFunction,
    merge_points,
    sign_change_zeros,
    sign_changes,
    values_at,
)
from explorer.core.derivative.evaluate import bind
from explorer.core.expr.nodes import BinaryOp, Call, Node, Number, UnaryOp, Variable, walk
from explorer.core.expr.to_numpy import tree_to_numpy

_POLE_UNDER = {"tan": "cos", "sec": "cos", "cot": "sin", "csc": "sin"}
_LOGARITHMS = ("log", "log2", "log10")
_PROBE_DECADES = np.arange(3, 10)
_GROWTH = 2.5
# A touching zero of a site must be this small compared with the site's size on the range.
_TOUCH_SHARE = 1e-12


@dataclass(frozen=True)
class Singularity:
    """A hole (``y`` is the limit there) or a vertical asymptote (``y`` is None)."""

    kind: str  # "hole" or "vertical asymptote"
    x: float
    y: float | None
    # For an asymptote: +1 / -1 where f goes to +∞ / −∞ on the left and on the right (0: neither).
    left: int = 0
    right: int = 0


def singular_sites(tree: Node) -> list[Node]:
    """The parts of ``tree`` whose zeros may leave f undefined (see the module docstring)."""
    sites: list[Node] = []
    for node in walk(tree):
        if isinstance(node, BinaryOp) and node.op == "/":
            sites.append(node.right)
        elif isinstance(node, BinaryOp) and node.op == "^" and _negative_constant(node.right):
            sites.append(node.left)
        elif isinstance(node, Call) and node.name in _POLE_UNDER:
            sites.append(Call(_POLE_UNDER[node.name], node.args))
        elif isinstance(node, Call) and node.name in _LOGARITHMS:
            sites.append(node.args[0])
        elif isinstance(node, Call) and node.name == "atanh":
            one = Number(1.0, "1")
            sites.append(BinaryOp("-", one, BinaryOp("^", node.args[0], Number(2.0, "2"))))
    unique = list(dict.fromkeys(sites))
    return [
        site
        for site in unique
        if any(isinstance(n, Variable) and n.name == VARIABLE for n in walk(site))
    ]


def _negative_constant(node: Node) -> bool:
    if any(isinstance(n, Variable) for n in walk(node)):
        return False
    if isinstance(node, UnaryOp) and node.op == "-":
        return not _negative_constant(node.operand)
    value = float(tree_to_numpy(node)())
    return value < 0


def find_singularities(
    f: RealFunction, tree: Node, params: dict[str, float], x: np.ndarray
) -> list[Singularity]:
    """Holes and vertical asymptotes of f strictly inside the grid ``x``."""
    candidates = [site_zeros(site, params, x) for site in singular_sites(tree)]
    if not candidates:
        return []
    points = np.unique(np.concatenate(candidates))
    width = float(x[-1] - x[0])
    inside = points[(points > x[0]) & (points < x[-1])]
    found = [classify(f, float(point), width) for point in inside]
    return _deduplicated([item for item in found if item is not None], width)


def site_zeros(site: Node, params: dict[str, float], x: np.ndarray) -> np.ndarray:
    """Zeros of a site on the grid: crossings, and touching zeros among its derivative's."""
    g = bind(site, VARIABLE, params)
    values = values_at(g, x)
    crossings = sign_change_zeros(g, x, values)
    try:
        slope = bind(derivative_tree(site, 1), VARIABLE, params)
    except (ValueError, TypeError, ZeroDivisionError):
        return crossings
    turning = sign_changes(slope, x, values_at(slope, x)).x
    turning = turning[np.isfinite(turning)]
    finite = values[np.isfinite(values)]
    size = float(np.max(np.abs(finite))) if finite.size else 1.0
    touching = turning[np.abs(values_at(g, turning)) <= _TOUCH_SHARE * max(size, 1e-300)]
    return merge_points(crossings, touching)


def classify(f: RealFunction, x0: float, width: float) -> Singularity | None:
    """Probe f on both sides of ``x0``: an asymptote, a hole, or nothing to mark."""
    offsets = width * 10.0**-_PROBE_DECADES
    with np.errstate(all="ignore"):
        left = _raw(f, x0 - offsets)
        right = _raw(f, x0 + offsets)
    left_sign, right_sign = _blows_up(left), _blows_up(right)
    if left_sign or right_sign:
        return Singularity("vertical asymptote", x0, None, left_sign, right_sign)
    if not (np.isfinite(left).all() and np.isfinite(right).all()):
        return None
    averages = 0.5 * left + 0.5 * right
    spread = np.abs(left - right)
    scale = max(1.0, float(np.max(np.abs(averages))))
    if spread.min() > 1e-6 * scale:
        return None  # the sides do not meet: a jump, not a hole
    changes = np.abs(np.diff(averages))
    best = int(np.argmin(changes)) + 1
    return Singularity("hole", x0, float(averages[best]))


def _raw(f: RealFunction, x: np.ndarray) -> np.ndarray:
    """f with ±∞ kept (an overflow next to a pole is part of the blow-up), NaN where undefined."""
    values = np.asarray(f(x))
    if np.iscomplexobj(values):
        values = np.where(values.imag == 0, values.real, np.nan)
    return np.broadcast_to(np.asarray(values, dtype=np.float64), x.shape)


def _blows_up(values: np.ndarray) -> int:
    """+1 / −1 when |values| grows steadily to ±∞ along the probes, else 0."""
    if np.isnan(values).any():
        return 0
    size = np.abs(values)
    steady = (size[1:] > size[:-1]) | np.isinf(size[1:])
    if not steady.all() or not (size[-1] >= _GROWTH * size[0]):
        return 0
    return int(np.sign(values[-1]))


def _deduplicated(found: list[Singularity], width: float) -> list[Singularity]:
    result: list[Singularity] = []
    for item in sorted(found, key=lambda s: s.x):
        if result and abs(item.x - result[-1].x) <= 1e-9 * width:
            continue
        result.append(item)
    return result
