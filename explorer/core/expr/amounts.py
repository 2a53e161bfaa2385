"""Folded constants that know how far rounding may have moved them, and an exact test for zero.

Floating point cannot tell ``sin(pi)`` (exactly 0) from a small number: it gives 1.2e-16, and
``1/sin(pi)`` would plot as 8e15. So every folded constant is an ``Amount``: its float ``value``, a
``scale`` that bounds its rounding error (the error is a few ulps of ``scale``), whether the value
is ``exact``, and a variable-free ``tree`` whose exact value it is. A value that is not exact and
lies within ``SUSPECT_RATIO * scale`` of zero is a *suspect*: cancellation or a root may have
hidden an exact zero. Only suspects are settled exactly, by handing their tree (our own nodes,
never text) to sympy, which knows ``sin(pi) = 0``, ``sqrt(2)^2 - 2 = 0`` and ``0.1 + 0.2 - 0.3 = 0``
(literals become exact rationals), and whose evaluation at 30 and 60 digits settles the rest
(``sin(1)^2 + cos(1)^2 - 1`` has no stable digits: zero; ``pi - 3.14159265358979`` is 3.2e-15).

This runs on the GUI thread, so it is bounded: suspects are rare (a typical formula never produces
one; ``sin(pi)`` takes about 0.1 ms, a hard identity such as a denested radical up to ~0.1 s), a
zero forgets its tree, and a tree of more than ``MAX_EXACT_NODES`` nodes is judged by the float
test alone (within ``SUSPECT_RATIO * scale`` of zero counts as zero). sympy is imported only when
a suspect appears (the app warms it up in the background at start).

Exact arithmetic on integers and binary fractions (``2x - x - x``, ``0.5 - 1/2``) needs no sympy:
the ``exact`` flag is kept whenever ``fractions.Fraction`` confirms that a float operation did not
round.
"""

from __future__ import annotations

import math
import time
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import numpy as np

from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import BinaryOp, Call, Node, Number, UnaryOp, walk
from explorer.core.functions import FunctionSpec

SUSPECT_RATIO = 1e-9
MAX_EXACT_NODES = 60
COARSE_DIGITS = 30
FINE_DIGITS = 60
# Two evaluations of a non-zero value agree to about COARSE_DIGITS digits; noise does not.
_STABLE_RATIO = 1e-20
_MAX_EXACT_POWER = 64
# Per formula or program: how many exact checks, and how much time they may take in all.
MAX_EXACT_CHECKS = 24
EXACT_TIME_BUDGET = 0.25


@dataclass(slots=True)
class _Budget:
    checks_left: int
    deadline: float


_budget: ContextVar[_Budget | None] = ContextVar("exact_check_budget", default=None)


def start_exact_budget() -> None:
    """Give the formula (or program) about to be parsed its own allowance of exact checks."""
    _budget.set(_Budget(MAX_EXACT_CHECKS, time.perf_counter() + EXACT_TIME_BUDGET))


def _spend_exact_check() -> bool:
    budget = _budget.get()
    if budget is None:
        start_exact_budget()
        budget = _budget.get()
    if budget.checks_left <= 0 or time.perf_counter() > budget.deadline:
        return False
    budget.checks_left -= 1
    return True


@dataclass(frozen=True, slots=True)
class Amount:
    """A folded constant: float value, rounding-error scale, exactness and an exact tree."""

    value: float
    scale: float
    exact: bool
    tree: Node

    def is_suspect(self) -> bool:
        return not self.exact and abs(self.value) <= SUSPECT_RATIO * self.scale

    def is_zero(self) -> bool:
        """Exactly zero (call ``settle`` first, or a suspect counts as non-zero)."""
        return self.value == 0 and (self.exact or self.scale == 0)


def _exact(value: float, tree: Node) -> Amount:
    return Amount(value, 0.0, True, tree)


ONE = _exact(1.0, Number(1.0, "1"))
ZERO = _exact(0.0, Number(0.0, "0"))


def literal(node: Number) -> Amount:
    """A typed number: exact when its digits are exactly a float (``0.5``, not ``0.1``)."""
    value = float(node.value)
    try:
        exact = Fraction(Decimal(node.text)) == Fraction(value) if node.text else True
    except (InvalidOperation, ValueError):
        exact = False
    return Amount(value, 0.0 if exact else abs(value), exact, node)


def irrational(value: float, tree: Node) -> Amount:
    """``pi`` or ``e``: rounded once."""
    return Amount(value, abs(value), False, tree)


def negate(amount: Amount) -> Amount:
    tree = amount.tree.operand if isinstance(amount.tree, UnaryOp) else UnaryOp("-", amount.tree)
    return Amount(-amount.value, amount.scale, amount.exact, tree)


def _fraction_result(op: str, a: float, b: float) -> Fraction | None:
    x, y = Fraction(a), Fraction(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        return x / y if y else None
    if y.denominator == 1 and abs(y) <= _MAX_EXACT_POWER and (x or y > 0):
        return x ** int(y)
    return None


def _error_scale(op: str, a: Amount, b: Amount, value: float) -> float:
    """How far rounding may have moved ``a op b`` (first-order error propagation)."""
    x, y = a.value, b.value
    with np.errstate(all="ignore"):
        if op in "+-":
            return a.scale + b.scale + abs(value)
        if op == "*":
            return abs(x) * b.scale + abs(y) * a.scale + abs(value)
        if op == "/":
            return a.scale / abs(y) + abs(x) * b.scale / (y * y) + abs(value)
        spread = abs(value)
        if x != 0:
            spread += abs(y * value / x) * a.scale + abs(value * math.log(abs(x))) * b.scale
    return spread if math.isfinite(spread) else math.inf


def combine(op: str, a: Amount, b: Amount, value: float) -> Amount:
    """The amount for ``a op b`` (op in ``+-*/^``) whose float result is ``value``."""
    tree = BinaryOp(op, a.tree, b.tree)
    if a.exact and b.exact and math.isfinite(value):
        exact_result = _fraction_result(op, a.value, b.value)
        if exact_result is not None and exact_result == Fraction(value):
            return _exact(value, tree)
    return Amount(value, _error_scale(op, a, b, value), False, tree)


def scaled(coefficient: Amount, factor: Amount, op: str = "*") -> Amount:
    """``coefficient * factor`` or ``coefficient / factor`` (a linear form times a constant)."""
    if op == "*" and coefficient.exact and coefficient.value == 1:
        return factor
    if op == "*":
        value = coefficient.value * factor.value
    else:
        value = coefficient.value / factor.value
    return combine(op, coefficient, factor, value)


def applied(spec: FunctionSpec, arguments: tuple[Amount, ...], value: float) -> Amount:
    """The amount for ``spec(*arguments)`` whose float result is ``value``."""
    tree = Call(spec.name, tuple(argument.tree for argument in arguments))
    exact = all(argument.exact for argument in arguments)
    if exact and value == 0 and spec.grad is None:
        return _exact(0.0, tree)
    spread = abs(value)
    with np.errstate(all="ignore"):
        points = tuple(np.float64(argument.value) for argument in arguments)
        out = spec.forward(*points)
        partials = spec.partials or (None,) * len(arguments)
        for argument, partial in zip(arguments, partials, strict=True):
            if not argument.scale:
                continue
            if partial is None:
                spread += argument.scale
                continue
            slope = abs(float(partial(*points, out)))
            spread += slope * argument.scale if math.isfinite(slope) else math.inf
    if exact and value == 0 and spread == 0:
        return _exact(0.0, tree)
    return Amount(value, spread, False, tree)


def settle(amount: Amount) -> Amount:
    """A suspect made certain: exactly zero, or its accurate value; other amounts unchanged."""
    if not amount.is_suspect():
        return amount
    exact_value = _exact_value(amount.tree)
    if exact_value is None or exact_value == 0:
        # None: too large (or too hard) for the bounded exact check, so the float test decides.
        # A zero forgets its tree, which keeps later exact checks small (pi - pi + pi - pi …).
        return ZERO
    return Amount(exact_value, abs(exact_value), False, amount.tree)


def _small_enough(tree: Node) -> bool:
    for count, _ in enumerate(walk(tree), start=1):
        if count > MAX_EXACT_NODES:
            return False
    return True


def _exact_value(tree: Node) -> float | None:
    """The value of a variable-free tree from sympy (0.0 when exactly zero); None if undecided.

    sympy evaluates with adaptive precision: a non-zero value comes out with the same leading
    digits at 30 and at 60 digits, while an exact zero that sympy cannot simplify symbolically
    (``sin(1)^2 + cos(1)^2 - 1``) comes out as noise that shrinks with the precision (0.e-164,
    then 0.e-190). No stable digits means zero.
    """
    if not _small_enough(tree) or not _spend_exact_check():
        return None
    from explorer.core.expr.to_sympy import tree_to_sympy

    try:
        expression = tree_to_sympy(tree, {})
        if expression.is_zero:
            return 0.0
        coarse, fine = expression.evalf(COARSE_DIGITS), expression.evalf(FINE_DIGITS)
        if not (coarse.is_Number and fine.is_Number and fine.is_finite):
            return None
        stable = fine != 0 and abs(coarse - fine) <= abs(fine) * _STABLE_RATIO
        return float(fine) if stable else 0.0
    except ExprError:
        return None
    except Exception:  # noqa: BLE001 - sympy internals raise anything; then the float test decides
        return None
