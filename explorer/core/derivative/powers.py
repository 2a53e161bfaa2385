"""Cancelling powers of one base across a fraction bar: 2x/x⁴ → 2/x³, sin(x)/sin(x)³ → 1/sin(x)².

Only cancels while the base keeps a power in the denominator, so where the quotient is defined
does not change (x²/x is undefined at 0, x is not: that one stays).
"""

from __future__ import annotations

from fractions import Fraction

from explorer.core.derivative import algebra
from explorer.core.expr.nodes import Node


def cancel_common_powers(top: Node, bottom: Node) -> tuple[Node, Node] | None:
    """(new top, new bottom) with shared integer powers cancelled, or None if nothing cancels."""
    top_factors = [list(algebra._integer_power(f)) for f in algebra._factors(top)]
    bottom_factors = [list(algebra._integer_power(f)) for f in algebra._factors(bottom)]
    changed = False
    for upper in top_factors:
        for lower in bottom_factors:
            if upper[1] and lower[1] and lower[1] > upper[1] and lower[0] == upper[0]:
                lower[1] -= upper[1]
                upper[1] = 0
                changed = True
                break
    if not changed:
        return None
    return _rebuild(top_factors), _rebuild(bottom_factors)


def _rebuild(factors: list[list]) -> Node:
    nodes = []
    for base, exponent in factors:
        if exponent is None or exponent == 1:
            nodes.append(base)
        elif exponent > 1:
            nodes.append(algebra.power(base, algebra.number(Fraction(exponent))))
    return algebra._product(nodes) if nodes else algebra.ONE
