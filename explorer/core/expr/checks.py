"""Safety checks while parsing: constant folding with size guards, division by zero, exponent caps.

Every subtree without variables is evaluated in float64 as it is built, so problems are found in
milliseconds and reported at the operator that causes them, before sympy ever sees the tree:

- a folded result must stay within 1e-300 <= |v| <= 1e300 (or be exactly 0). Powers are judged
  from ``exponent * log10(base)`` before anything is computed, so ``9^9^9^9`` (folded to
  ``9^387420489``), ``10^10^8``, ``10^-10^10`` and ``((9^9)^9999)^9999`` fail at once, while
  ``2^(1/10^50)`` is fine. Python integers are never used for powers;
- dividing by something that is always 0 is an error: ``x/0``, ``0/0``, ``0^-1``, constants that
  are exactly 0 although floating point says 1.2e-16 (``1/sin(pi)``, ``1/(sqrt(2)^2 - 2)``: zeros
  are decided exactly, see ``amounts``) and sums whose terms cancel (``1/(x - x)``,
  ``1/(2x - x - x)``, ``0^(x - x - 1)``: coefficients of equal subtrees are collected, see
  ``linear``), including divisors that are 0 wherever they are defined (``1/(x/x - 1)``,
  ``1/(x^2/x - x)``: common factors of a quotient cancel). ``x/x`` and ``sin(x)/x`` stay allowed:
  their divisor is not always 0;
- a constant call outside its domain is an error: no real value (``sqrt(-1)``, ``(-8)^(1/3)``,
  which hints at ``cbrt(-8)``), undefined (``log(0)``, ``log(sin(pi))``, ``log(0*x)``) or a pole
  (``tan(pi/2)``, ``tan(pi/2 + x - x)``: floating point lands next to the pole, so a huge value
  that flips sign under a tiny nudge of the argument counts as one);
- a negative constant base with an exponent that depends on a variable (``(-2)^x``) is an error:
  it is real only at integer x, and sympy would turn it complex (``log(2) + I*pi``);
- a constant exponent on a symbolic base is capped at |n| <= 1000, including exponents that sympy
  would multiply together (``((x+1)^1000)^1000`` is ``(x+1)^1000000`` to sympy) or add up
  (``(x+1)^1000*(x+1)^1000`` is ``(x+1)^2000``);
- the polynomial degree sympy would work with is capped at 1000 too: each subtree carries an
  estimate (a variable 1, a constant 0, a sum the largest of its parts, a product or quotient the
  sum of both sides, ``u^n`` n times u's, a call its argument's), so ``((x+1)^30 + 1)^40``
  (degree 1200) and ``(x+1)^600*(x+2)^600`` are refused in microseconds. sympy's ``simplify`` of
  the derivative already takes seconds at degree 1000, and the worker's time limit at 2000.

The tree itself is not rewritten: ``x/x`` stays ``x/x`` (sympy simplifies it to 1 later, the plot
keeps the hole at 0). Principal-root semantics: ``x^(1/3)`` is NaN for x < 0, as in numpy and sympy;
``cbrt(x)`` is the real cube root.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from fractions import Fraction

import numpy as np

from explorer.core.expr.amounts import (
    ONE,
    ZERO,
    Amount,
    applied,
    combine,
    irrational,
    literal,
    scaled,
    settle,
)
from explorer.core.expr.errors import ExprError
from explorer.core.expr.folding import ARITHMETIC, depends, evaluate, is_pole, overflows
from explorer.core.expr.linear import (
    NO_FACTS,
    Facts,
    added,
    constant_facts,
    negated,
    ratio,
    term_facts,
    times_constant,
)
from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Node,
    Number,
    UnaryOp,
    Variable,
    walk,
)
from explorer.core.functions import CONSTANTS, FunctionSpec, lookup
from explorer.core.text import source_number

MAX_MAGNITUDE = 1e300
MIN_MAGNITUDE = 1e-300
MAX_DIGITS = 300
MAX_SYMBOLIC_EXPONENT = 1000
MAX_SYMBOLIC_DEGREE = 1000
# A product term with more distinct factors than this is kept whole (no cancelling): bounded work.
MAX_FACTORS = 24


ErrorAt = Callable[[str, int], ExprError]
# A product term as (factor key, exponent) pairs, sorted: x^2*y is ((x, 2), (y, 1)).
Factors = tuple[tuple[int, Fraction], ...]


class ConstantChecker:
    """Collects ``Facts`` for nodes as the parser builds them, raising at the first problem.

    ``error_at(message, offset)`` builds the ``ExprError`` for a 0-based offset; ``snippet(node)``
    gives the source text of a node; ``names`` holds facts about earlier program definitions.
    """

    def __init__(
        self,
        error_at: ErrorAt,
        snippet: Callable[[Node], str],
        names: Mapping[str, Facts] | None = None,
    ):
        self._error_at = error_at
        self._snippet = snippet
        self._names = dict(names or {})
        self._facts: dict[int, Facts] = {}
        # Structural keys: equal subtrees (ignoring spans) get the same small integer.
        self._node_keys: dict[int, int] = {}
        self._signatures: dict[tuple, int] = {}
        # Product terms by key, and the linear form of factors that are whole subtrees ((x+1)):
        # x^2/x cancels to [x], (x+1)^2/(x+1) to the sum x + 1.
        self._factors: dict[int, Factors] = {}
        self._factor_facts: dict[int, Facts] = {}

    def facts(self, node: Node) -> Facts:
        return self._facts.get(id(node), NO_FACTS)

    def _intern(self, signature: tuple) -> int:
        return self._signatures.setdefault(signature, len(self._signatures))

    def _store(self, node: Node, facts: Facts, signature: tuple) -> Facts:
        self._facts[id(node)] = facts
        self._node_keys[id(node)] = self._intern(signature)
        return facts

    def _key(self, node: Node) -> int:
        return self._node_keys.get(id(node), -1)

    def copy_facts(self, original: Node, copy: Node) -> None:
        """``copy`` is ``original`` with another span (brackets included): same facts and key."""
        self._facts[id(copy)] = self.facts(original)
        self._node_keys[id(copy)] = self._key(original)

    def _term(self, signature: tuple, power: float = 1.0) -> Facts:
        return term_facts(self._intern(signature), power)

    def _inner_text(self, node: Node) -> str:
        text = self._snippet(node)
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1]
        return text if len(text) <= 40 else text[:37] + "…"

    def leaf(self, node: Node) -> Facts:
        if isinstance(node, Number):
            return self._store(node, constant_facts(literal(node)), ("n", float(node.value)))
        if isinstance(node, Constant):
            amount = irrational(CONSTANTS[node.name][0], node)
            return self._store(node, constant_facts(amount), ("c", node.name))
        if isinstance(node, Variable):
            signature = ("v", node.name)
            known = self._names.get(node.name)
            if known is not None and known.value is not None:
                return self._store(node, Facts(known.constant), signature)
            power = known.power if known is not None else 1.0
            degree = known.degree if known is not None else 1.0
            facts = replace(self._term(signature, power), degree=degree)
            return self._store(node, facts, signature)
        raise TypeError(f"not a leaf: {type(node).__name__}")

    def unary(self, node: UnaryOp) -> Facts:
        inner = self.facts(node.operand)
        if node.op == "+":
            self.copy_facts(node.operand, node)  # +a is a, key included
            return inner
        return self._store(node, negated(inner), ("u", node.op, self._key(node.operand)))

    def binary(self, node: BinaryOp, operator_offset: int) -> Facts:
        left, right = self.facts(node.left), self.facts(node.right)
        operands = (self._key(node.left), self._key(node.right))
        # x*y and y*x are one term (so x*y - y*x cancels); other operators keep their order.
        signature = ("b", node.op, *(sorted(operands) if node.op == "*" else operands))
        if node.op == "^":
            facts = self._power(node, left, right, operator_offset, signature)
            return self._store(node, self._with_degree(node, facts, operator_offset), signature)
        if node.op == "/" and right.zero:
            raise self._error_at(self._division_message(node.right), operator_offset)
        if left.value is not None and right.value is not None:
            value = ARITHMETIC[node.op](left.value, right.value)
            both_nonzero = left.value != 0 and right.value != 0
            underflow = node.op in "*/" and value == 0 and both_nonzero
            self._check_size(value, self._inner_text(node), operator_offset, underflow)
            amount = combine(node.op, left.constant, right.constant, value)
            return self._store(node, constant_facts(amount), signature)
        facts = self._linear(node, left, right, operator_offset)
        return self._store(node, self._with_degree(node, facts, operator_offset), signature)

    def _with_degree(self, node: BinaryOp, facts: Facts, offset: int) -> Facts:
        """``facts`` with the degree estimate of ``node`` (see the module docstring), capped."""
        if facts.value is not None:
            return facts
        left, right = self.facts(node.left).degree, self.facts(node.right).degree
        if node.op in "+-":
            degree = max(left, right)
        elif node.op in "*/":
            degree = left + right
        else:
            exponent = self.facts(node.right).value
            degree = left * abs(exponent) if exponent is not None else left + right
        if degree > MAX_SYMBOLIC_DEGREE:
            message = (
                f"The powers multiply out to degree {source_number(degree)} "
                f"(max {MAX_SYMBOLIC_DEGREE})"
            )
            raise self._error_at(message, offset)
        return replace(facts, degree=degree)

    def _linear(self, node: BinaryOp, left: Facts, right: Facts, offset: int) -> Facts:
        """Facts of ``left op right`` when at least one side depends on a variable."""
        op = node.op
        if op in "+-":
            return added(left, right, op)
        if right.value is not None:
            return times_constant(left, right.constant, op)
        if op == "*" and left.value is not None:
            return times_constant(right, left.constant)
        if op == "/":
            factor = ratio(left, right)  # (2x + 2)/(x + 1) is 2 wherever it is defined
            if factor is not None:
                return constant_facts(factor)
        # A product or quotient of terms: coefficients move out front, so 0.5x*y, x*0.5y and
        # -(0.5x)*y are multiples of one term x*y, and 2/x of the term x^-1; factors cancel.
        left_key, left_coefficient = self._monomial(node.left, left)
        right_key, right_coefficient = self._monomial(node.right, right)
        coefficient = settle(scaled(left_coefficient, right_coefficient, op))
        if coefficient.is_zero():
            return NO_FACTS
        sign = 1 if op == "*" else -1
        factors = dict(self._factors_of(left_key))
        for key, exponent in self._factors_of(right_key):
            factors[key] = factors.get(key, Fraction(0)) + sign * exponent
        if len(factors) > MAX_FACTORS:
            keys = sorted((left_key, right_key)) if op == "*" else (left_key, right_key)
            return Facts(ZERO, {self._intern(("m", op, *keys)): coefficient})
        return self._product(factors, coefficient, offset)

    def _factors_of(self, key: int) -> Factors:
        return self._factors.get(key, ((key, Fraction(1)),))

    def _product(self, factors: dict[int, Fraction], coefficient: Amount, offset: int) -> Facts:
        """``coefficient`` times the product of ``factors``, with cancelled factors dropped."""
        kept = tuple(sorted((key, power) for key, power in factors.items() if power))
        for _, power in kept:
            if abs(power) > MAX_SYMBOLIC_EXPONENT:
                message = (
                    f"The powers combine to an exponent of {source_number(float(power))} "
                    f"(max {MAX_SYMBOLIC_EXPONENT})"
                )
                raise self._error_at(message, offset)
        if not kept:
            return constant_facts(coefficient)  # u/u is 1 wherever u is defined and not 0
        if len(kept) == 1 and kept[0][1] == 1:
            key = kept[0][0]
            whole = self._factor_facts.get(key)
            if whole is not None:
                return times_constant(whole, coefficient)
            return Facts(ZERO, {key: coefficient})
        key = self._intern(("m", kept))
        self._factors[key] = kept
        return Facts(ZERO, {key: coefficient})

    def _monomial(self, node: Node, facts: Facts) -> tuple[int, Amount]:
        """``facts`` as coefficient × term: one term without a constant, or else the whole node
        as its own factor (a sum such as x + 1); a constant is a coefficient with no factors."""
        if not facts.terms:
            key = self._intern(("one",))
            self._factors[key] = ()
            return key, facts.constant
        if len(facts.terms) == 1 and facts.constant.is_zero():
            return next(iter(facts.terms.items()))
        key = self._key(node)
        self._factor_facts.setdefault(key, facts)
        return key, ONE

    def _division_message(self, divisor: Node) -> str:
        if isinstance(divisor, Number):
            return "Division by zero"
        return f"Division by zero: {self._why_zero(divisor)}"

    def _why_zero(self, node: Node) -> str:
        """``sin(pi) is exactly 0`` / ``2x - x - x is always 0`` (it depends on a variable) /
        ``x/x - 1 is 0 wherever it is defined`` (a divisor inside is 0 somewhere)."""
        if not depends(node):
            return f"{self._inner_text(node)} is exactly 0"
        if any(self._restricts_domain(inner) for inner in walk(node)):
            return f"{self._inner_text(node)} is 0 wherever it is defined"
        return f"{self._inner_text(node)} is always 0"

    def _restricts_domain(self, node: Node) -> bool:
        """A division by a variable subtree, or a negative or fractional power of one."""
        if not isinstance(node, BinaryOp) or node.op not in "/^" or not depends(node):
            return False
        if node.op == "/":
            return depends(node.right)
        exponent = self.facts(node.right).value
        return exponent is not None and (exponent < 0 or not exponent.is_integer())

    def _power(
        self, node: BinaryOp, base: Facts, exponent: Facts, offset: int, signature: tuple
    ) -> Facts:
        if exponent.value is None:
            if base.value is not None and base.value < 0:
                raise self._error_at(self._negative_base_message(node, base.value), offset)
            return self._term(signature)
        p = exponent.value
        if base.zero and p < 0:
            raise self._error_at("Division by zero: 0 to a negative power is undefined", offset)
        if base.value is None:
            self._check_symbolic_power(base, p, offset)
            if p == 0:
                return constant_facts(ONE)  # sympy makes x^0 the number 1
            if not exponent.constant.exact:
                return self._term(signature, power=abs(p) * base.power)
            key, coefficient = self._monomial(node.left, base)
            if not (coefficient.exact and coefficient.value == 1):
                key = self._key(node.left)
                self._factor_facts.setdefault(key, base)
            power = Fraction(p)
            factors = self._factors_of(key)
            if power.denominator != 1 and (len(factors) > 1 or factors[0][1] != 1):
                factors = ((key, Fraction(1)),)  # (x^2)^0.5 is |x|, not x: keep x^2 whole
            facts = self._product({k: e * power for k, e in factors}, ONE, offset)
            return replace(facts, power=abs(p) * base.power)
        b = base.value
        if b == 0:
            return constant_facts(ONE if p == 0 else ZERO)
        if b < 0 and not p.is_integer():
            hint = f"; use cbrt({self._inner_text(node.left)})" if abs(p - 1 / 3) < 1e-12 else ""
            message = f"{self._snippet(node)} has no real value{hint}"
            raise self._error_at(message, offset)
        digits = p * math.log10(abs(b))
        shown = f"{source_number(b)}^{source_number(p)}"
        if digits > math.log10(MAX_MAGNITUDE):
            raise self._error_at(f"{shown} is too large (more than {MAX_DIGITS} digits)", offset)
        if digits < math.log10(MIN_MAGNITUDE):
            message = f"{shown} is too small (more than {MAX_DIGITS} zeros after the point)"
            raise self._error_at(message, offset)
        return constant_facts(combine("^", base.constant, exponent.constant, math.pow(b, p)))

    def _check_symbolic_power(self, base: Facts, p: float, offset: int) -> None:
        """Refuse an exponent that is too large, alone or combined with the base's own."""
        combined = abs(p) * base.power
        if abs(p) > MAX_SYMBOLIC_EXPONENT:
            message = f"Exponent {source_number(p)} is too large (max {MAX_SYMBOLIC_EXPONENT})"
            raise self._error_at(message, offset)
        if combined > MAX_SYMBOLIC_EXPONENT:
            message = (
                f"The powers combine to an exponent of {source_number(combined)} "
                f"(max {MAX_SYMBOLIC_EXPONENT})"
            )
            raise self._error_at(message, offset)

    def _negative_base_message(self, node: BinaryOp, base: float) -> str:
        """``(-2)^x``: real only at integer x, so sympy would go complex (log(2) + I*pi)."""
        variable = next((leaf.name for leaf in walk(node.right) if isinstance(leaf, Variable)), "x")
        head = (
            f"{self._snippet(node)} has no real value for most {variable} "
            "(a negative base needs an integer exponent)"
        )
        if abs(base) == 1:
            return f"{head}; for a sign that alternates use cos(pi*{variable})"
        positive = self._inner_text(node.left).strip()
        positive = positive[1:].strip() if positive.startswith("-") else source_number(-base)
        power = f"{positive}^{self._snippet(node.right)}"
        return f"{head}; use {power} or -({power})"

    def call(self, node: Call, name_offset: int) -> Facts:
        spec = lookup(node.name)
        arguments = [self.facts(arg) for arg in node.args]
        signature = ("f", node.name, *(self._key(arg) for arg in node.args))
        if spec is None or any(argument.value is None for argument in arguments):
            degree = max(argument.degree for argument in arguments)
            return self._store(node, replace(self._term(signature), degree=degree), signature)
        if spec.arity == 2:
            return self._constant_call_of_two(node, spec, arguments, signature, name_offset)
        argument = arguments[0]
        value = evaluate(spec.forward, argument.value)
        shown = self._snippet(node)
        if math.isnan(value):
            raise self._error_at(f"{shown} has no real value", name_offset)
        if math.isinf(value) and not overflows(spec.forward, argument.value):
            reason = "it is infinite"
            if argument.zero and not isinstance(node.args[0], Number):
                reason = self._why_zero(node.args[0])
            raise self._error_at(f"{shown} is undefined ({reason})", name_offset)
        self._check_size(value, shown, name_offset, underflow=False)
        if is_pole(spec.forward, argument.value, value):
            raise self._error_at(f"{shown} is undefined (a vertical asymptote)", name_offset)
        amount = applied(spec, (argument.constant,), value)
        return self._store(node, constant_facts(amount), signature)

    def _constant_call_of_two(
        self, node: Call, spec: FunctionSpec, arguments: list[Facts], signature: tuple,
        name_offset: int,
    ) -> Facts:  # fmt: skip
        """atan2(1, 2): a number; atan2 is finite wherever both arguments are, and has no
        value at (0, 0) (sympy's nan; numpy and PyTorch answer 0 there by convention)."""
        if all(argument.value == 0 for argument in arguments):
            message = f"{self._snippet(node)} is undefined (the point (0, 0) has no angle)"
            raise self._error_at(message, name_offset)
        with np.errstate(all="ignore"):
            value = float(spec.forward(*(np.float64(a.value) for a in arguments)))
        if math.isnan(value):
            raise self._error_at(f"{self._snippet(node)} has no real value", name_offset)
        amount = applied(spec, tuple(a.constant for a in arguments), value)
        return self._store(node, constant_facts(amount), signature)

    def _check_size(self, value: float, shown: str, offset: int, underflow: bool) -> None:
        if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
            raise self._error_at(f"{shown} is too large (more than {MAX_DIGITS} digits)", offset)
        if underflow or (value != 0 and abs(value) < MIN_MAGNITUDE):
            message = f"{shown} is too small (more than {MAX_DIGITS} zeros after the point)"
            raise self._error_at(message, offset)
