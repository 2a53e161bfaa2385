"""What the checker knows about a subtree: a linear form over the subtrees it cannot fold.

Each subtree is ``constant + sum(coefficient * term)``, where a term is a subtree that is not a
sum or a constant multiple (``x``, ``sin(x)``, ``x^2``), identified by a structural key: the same
subtree written twice gets the same key; spans, brackets and implicit multiplication do not
matter. A product or quotient of terms is a term with the coefficients moved out front
(``0.5x*y`` is 0.5·[x*y], ``2/x`` is 2·[x^-1]). A product term is identified by its factors and
their exponents (the checker keeps them), so ``x*y`` is ``y*x``, ``x*x`` is ``x^2`` and factors
cancel: ``x^2/x`` is the term [x], ``2x/x`` the constant 2, ``x*(1/x)`` the constant 1. A quotient
of proportional sums is their ratio (``(2x + 2)/(x + 1)`` is 2, see ``ratio``). Collecting
coefficients is what finds identically-zero subtrees a learner can write: ``x - x``, ``2x - x - x``,
``0*x``, ``x/2 - 0.5x``, ``2/x - 1/x - 1/x``, ``x/x - 1``, and that ``pi/2 + x - x`` is the
constant pi/2. A subtree whose terms all cancel has a value. Coefficients and constants are
``Amount``s, so cancellation is decided exactly (see ``amounts``). Cancelling ``u/u`` to 1 holds
wherever u is not 0: the facts describe the subtree where it is defined, while the tree itself
keeps ``x/x`` and its hole at 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from explorer.core.expr.amounts import ONE, ZERO, Amount, combine, negate, scaled, settle


@dataclass(frozen=True, slots=True)
class Facts:
    """The linear form of one subtree, plus what sympy would make of it as a power's base."""

    constant: Amount = ZERO
    terms: Mapping[int, Amount] = field(default_factory=dict)
    # The exponent sympy would give this base if it were raised to a power ((x^2)^3 is x^6).
    power: float = 1.0
    # An estimate of the polynomial degree sympy would work with (see ``checks``): x^3*y is 4.
    degree: float = 0.0

    @property
    def value(self) -> float | None:
        """The folded value when nothing depends on a variable (``x - x + 2`` folds to 2)."""
        return self.constant.value if not self.terms else None

    @property
    def zero(self) -> bool:
        """Always exactly 0, whatever the variables are (0, sin(pi), x - x, 0*x, sin(x - x))."""
        return not self.terms and self.constant.is_zero()


NO_FACTS = Facts()


def constant_facts(amount: Amount) -> Facts:
    return Facts(settle(amount))


def term_facts(key: int, power: float = 1.0) -> Facts:
    return Facts(ZERO, {key: ONE}, power)


def negated(facts: Facts) -> Facts:
    terms = {key: negate(coefficient) for key, coefficient in facts.terms.items()}
    return Facts(negate(facts.constant), terms, facts.power, facts.degree)


def _add(a: Amount, b: Amount, op: str) -> Amount:
    if b.is_zero():
        return a
    if a.is_zero() and op == "+":
        return b
    value = a.value + b.value if op == "+" else a.value - b.value
    return settle(combine(op, a, b, value))


def added(left: Facts, right: Facts, op: str) -> Facts:
    """``left + right`` or ``left - right``, collecting coefficients of the same term."""
    terms = dict(left.terms)
    for key, coefficient in right.terms.items():
        total = _add(terms.get(key, ZERO), coefficient, op)
        if total.is_zero():
            terms.pop(key, None)
        else:
            terms[key] = total
    return Facts(_add(left.constant, right.constant, op), terms)


def times_constant(facts: Facts, factor: Amount, op: str = "*") -> Facts:
    """``facts * factor`` or ``facts / factor`` for a constant (non-zero when dividing)."""
    terms: dict[int, Amount] = {}
    for key, coefficient in facts.terms.items():
        product = settle(scaled(coefficient, factor, op))
        if not product.is_zero():
            terms[key] = product
    constant = facts.constant
    if not constant.is_zero():
        constant = settle(scaled(constant, factor, op))
    return Facts(constant, terms)


def ratio(numerator: Facts, denominator: Facts) -> Amount | None:
    """The constant c with ``numerator == c * denominator`` wherever both are defined, if there
    is one: ``(2x + 2)/(x + 1)`` is 2. Both must depend on a variable (same terms, proportional
    coefficients); the check is exact and costs one pass over the terms."""
    if not denominator.terms or numerator.terms.keys() != denominator.terms.keys():
        return None
    key = next(iter(denominator.terms))
    factor = settle(scaled(numerator.terms[key], denominator.terms[key], "/"))
    if factor.is_zero():
        return None
    if not added(numerator, times_constant(denominator, factor), "-").zero:
        return None
    return factor
