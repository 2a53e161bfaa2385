"""Tree builders with light algebraic tidying, so every derivative the steps build reads cleanly.

0·u → 0, 1·u → u, u + 0 → u; numbers fold exactly (``exact``); a product becomes one coefficient
and its other factors with equal bases merged (u·u → u², constants and x-powers first); like terms
cancel or combine regardless of factor order (2sin·cos − 2cos·sin → 0, x − 2 + x + 1 → 2x − 1);
quotients keep one fraction bar and cancel numeric coefficients and shared powers (2x/x⁴ →
2/x³); u^(1/2) reads √u and fraction exponents stay fractions (x^(3/2) → (3/2)·√x, not
1.5·x^0.5). Only identities true wherever both sides are defined are used — never √u² → u or
x⁻¹·x → 1, which would change where f′ exists.
"""

from __future__ import annotations

from fractions import Fraction

from explorer.core.derivative.exact import (
    exact_value,
    folded,
    fraction,
    number,
    written_as_whole_numbers,
)
from explorer.core.derivative.tree_edit import contains_variable, substitute
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable

# Re-exported: callers build and inspect trees through this module.
__all__ = ["contains_variable", "exact_value", "fraction", "number", "substitute"]

# Exponents with larger denominators (x^0.333 = x^(333/1000)) keep their decimal form.
_MAX_EXPONENT_DENOMINATOR = 100

ZERO = Number(0.0, "0")
ONE = Number(1.0, "1")


def _is(node: Node, value: int) -> bool:
    exact = exact_value(node)
    return exact is not None and exact == value


def is_negation(node: Node) -> bool:
    return isinstance(node, UnaryOp) and node.op == "-"


def split_sign(node: Node) -> tuple[int, Node]:
    """``(−1, p)`` when ``node`` is ``−p`` or a product/quotient with a negative leading factor."""
    if is_negation(node):
        return -1, node.operand
    exact = exact_value(node)
    if exact is not None and exact < 0:
        return -1, number(-exact)
    if isinstance(node, BinaryOp) and node.op in "*/":
        sign, positive = split_sign(node.left)
        if sign < 0:
            return -1, BinaryOp(node.op, positive, node.right, implicit=node.implicit)
    return 1, node


def neg(a: Node) -> Node:
    """−a, folding numbers and double negation; the sign goes on a product's leading factor.

    ``−(2·sin(x))`` becomes ``(−2)·sin(x)``, which prints as ``−2sin(x)``.
    """
    exact = exact_value(a)
    if exact is not None:
        return number(-exact)
    sign, positive = split_sign(a)
    if sign < 0:
        return positive
    if isinstance(a, BinaryOp) and a.op in "*/":
        return BinaryOp(a.op, neg(a.left), a.right, implicit=a.implicit)
    return UnaryOp("-", a)


def add(a: Node, b: Node) -> Node:
    """a + b with u + 0 → u and constant folding."""
    constant = folded("+", a, b)
    if constant is not None:
        return constant
    if _is(a, 0):
        return b
    if _is(b, 0):
        return a
    sign, positive = split_sign(b)
    if sign < 0:
        return sub(a, positive)
    if _is_sum(b):
        return _add_terms(a, _signed_terms(b), 1)
    combined = _combine_like_terms(a, b, 1)
    if combined is not None:
        return combined
    return BinaryOp("+", a, b)


def sub(a: Node, b: Node) -> Node:
    """a − b with u − 0 → u, 0 − u → −u, u − u → 0 and constant folding."""
    constant = folded("-", a, b)
    if constant is not None:
        return constant
    if _is(b, 0):
        return a
    if _is(a, 0):
        return neg(b)
    if a == b:
        return ZERO
    sign, positive = split_sign(b)
    if sign < 0:
        return add(a, positive)
    if _is_sum(b):
        return _add_terms(a, _signed_terms(b), -1)
    combined = _combine_like_terms(a, b, -1)
    if combined is not None:
        return combined
    return BinaryOp("-", a, b)


def mul(a: Node, b: Node) -> Node:
    """a·b with 0·u → 0, 1·u → u, signs pulled to the front, coefficients first and merged."""
    constant = folded("*", a, b)
    if constant is not None:
        return constant
    if _is(a, 0) or _is(b, 0):
        return ZERO
    if _is(a, 1):
        return b
    if _is(b, 1):
        return a
    sign_a, a = split_sign(a)
    sign_b, b = split_sign(b)
    if sign_a * sign_b < 0:
        return neg(mul(a, b))
    if exact_value(b) is not None and exact_value(a) is None:
        return mul(b, a)
    # A factor times a quotient becomes one quotient: (1/(2√u))·2x → 2x/(2√u) → x/√u.
    if isinstance(b, BinaryOp) and b.op == "/" and exact_value(b) is None:
        return div(mul(a, b.left), b.right)
    if isinstance(a, BinaryOp) and a.op == "/" and exact_value(a) is None:
        return div(mul(a.left, b), a.right)
    return _product(_factors(a) + _factors(b))


def div(a: Node, b: Node) -> Node:
    """a / b with 0/u → 0, u/1 → u, u/u → 1, signs pulled out and constant folding."""
    constant = folded("/", a, b)
    if constant is not None:
        return constant
    if _is(a, 0):
        return ZERO
    if _is(b, 1):
        return a
    if a == b:
        return ONE
    sign_a, a = split_sign(a)
    sign_b, b = split_sign(b)
    if sign_a * sign_b < 0:
        return neg(div(a, b))
    # One fraction bar: (p/q)/b → p/(q·b) and a/(p/q) → a·q/p, also for a number 1/2.
    top_exact = exact_value(a)
    if top_exact is not None and top_exact.denominator != 1 and isinstance(a, BinaryOp):
        return div(
            number(Fraction(top_exact.numerator)), mul(number(Fraction(top_exact.denominator)), b)
        )
    if _is_quotient(a):
        return div(a.left, mul(a.right, b))
    if _is_quotient(b):
        return div(mul(a, b.right), b.left)
    cancelled = cancel_common_powers(a, b)
    if cancelled is not None:
        return div(*cancelled)
    top_coefficient, top_rest = _coefficient(a)
    bottom_coefficient, bottom_rest = _coefficient(b)
    if bottom_coefficient != 1 and top_rest is not None and bottom_rest is not None:
        # Cancel numeric coefficients: 2x/(2√u) → x/√u, 6x/(3v) → 2x/v, 1/(2·3) → 1/6.
        ratio = top_coefficient / bottom_coefficient
        if ratio.denominator == 1:
            return mul(number(ratio), div(top_rest, bottom_rest))
        top = mul(number(Fraction(ratio.numerator)), top_rest)
        bottom = mul(number(Fraction(ratio.denominator)), bottom_rest)
        return BinaryOp("/", top, bottom)
    return BinaryOp("/", a, b)


def _coefficient(node: Node) -> tuple[Fraction, Node | None]:
    """``3·u`` → (3, u); ``u`` → (1, u); a bare number c → (c, ONE)."""
    exact = exact_value(node)
    if exact is not None:
        return exact, ONE
    if isinstance(node, BinaryOp) and node.op == "*":
        leading = exact_value(node.left)
        if leading is not None:
            return leading, node.right
    return Fraction(1), node


def power(a: Node, b: Node) -> Node:
    """a ^ b with u⁰ → 1, u¹ → u, 1ᵘ → 1 and exact folding of small integer powers."""
    if _is(b, 0):
        return ONE
    if _is(b, 1):
        return a
    if _is(a, 1):
        return ONE
    constant = folded("^", a, b)
    if constant is not None:
        return constant
    exact = exact_value(b)
    inner = _integer_power(a)[1] if isinstance(a, BinaryOp) and a.op == "^" else None
    if exact is not None and exact.denominator == 1 and exact > 0 and inner:
        # (x²)² → x⁴: positive integer powers of a power multiply (same values everywhere).
        return power(a.left, number(exact * inner))
    if exact is not None and exact.denominator == 1 and 0 < exact <= 16:
        coefficient, rest = _coefficient(a)
        if coefficient != 1 and rest is not None and exact_value(rest) is None:
            # (2x)² → 4x², so a quotient rule's v² can cancel with the numerator.
            return mul(number(coefficient ** int(exact)), power(rest, b))
    if exact is not None and exact.denominator != 1:
        # u^(1/2) reads √u and u^(−1/2) reads 1/√u; other fractions stay fractions: u^(3/2).
        if exact == Fraction(1, 2):
            return call("sqrt", a)
        if exact == Fraction(-1, 2):
            return div(ONE, call("sqrt", a))
        if not isinstance(b, (Number, UnaryOp)) and exact.denominator <= _MAX_EXPONENT_DENOMINATOR:
            return BinaryOp("^", a, fraction(exact))
    return BinaryOp("^", a, b)


def lowered_exponent(exponent: Node) -> Node:
    """n − 1 for the power rule, in the style n was written: 2.5 → 1.5 but 3/2 → 1/2."""
    exact = exact_value(exponent)
    if exact is not None and exact.denominator != 1 and not _written_as_decimal(exponent):
        return fraction(exact - 1)
    return sub(exponent, ONE)


def _written_as_decimal(node: Node) -> bool:
    if isinstance(node, UnaryOp):
        return _written_as_decimal(node.operand)
    return isinstance(node, Number)


def call(name: str, argument: Node) -> Node:
    return Call(name, (argument,))


def is_constant_node(node: Node) -> bool:
    """A literal or named constant (``2``, ``pi``): printed as ``c`` in rule bindings."""
    return isinstance(node, (Number, Constant)) or exact_value(node) is not None


def _is_quotient(node: Node) -> bool:
    return isinstance(node, BinaryOp) and node.op == "/" and exact_value(node) is None


def _factors(node: Node) -> list[Node]:
    """The factors of a left-associated product chain ``a·b·c`` (a single node otherwise)."""
    factors: list[Node] = []
    while isinstance(node, BinaryOp) and node.op == "*":
        factors.append(node.right)
        node = node.left
    factors.append(node)
    return factors[::-1]


def _integer_power(node: Node) -> tuple[Node, int | None]:
    """``u^n`` with a positive integer literal n → (u, n); any other factor → (itself, 1).

    Only positive integer powers merge (u·u → u², u²·u → u³): merging x⁻¹·x or √x·√x would
    change where the derivative is defined.
    """
    if isinstance(node, BinaryOp) and node.op == "^":
        exact = exact_value(node.right)
        if exact is not None and exact.denominator == 1 and exact > 0:
            return node.left, int(exact)
        return node, None
    return node, 1


def _rank(node: Node) -> int:
    """Display order of factors: constants, then the variables and their powers, then the rest."""
    base = node.left if isinstance(node, BinaryOp) and node.op == "^" else node
    if isinstance(node, Constant):
        return 0
    return 1 if isinstance(base, Variable) else 2


def _product(factors: list[Node]) -> Node:
    """One product: numeric factors multiplied into a leading coefficient, equal bases merged."""
    coefficient = Fraction(1)
    merged: list[list] = []  # [base, integer exponent or None (not mergeable)]
    for factor in factors:
        exact = exact_value(factor)
        if exact is not None:
            coefficient *= exact
            continue
        base, exponent = _integer_power(factor)
        twin = next((entry for entry in merged if exponent and entry[1] and entry[0] == base), None)
        if twin is not None:
            twin[1] += exponent
        else:
            merged.append([base, exponent])
    if coefficient == 0:
        return ZERO
    nodes = [
        base if exponent in (1, None) else power(base, number(Fraction(exponent)))
        for base, exponent in merged
    ]
    nodes.sort(key=_rank)
    if coefficient != 1 or not nodes:
        nodes.insert(0, _coefficient_node(coefficient, factors))
    result = nodes[0]
    for node in nodes[1:]:
        result = BinaryOp("*", result, node)
    return result


def _coefficient_node(coefficient: Fraction, factors: list[Node]) -> Node:
    """The coefficient as written when one factor alone gave it ((3/2) stays (3/2), 0.5 stays
    0.5), else in ``number``'s style."""
    written = [f for f in factors if exact_value(f) is not None]
    if len(written) == 1 and exact_value(written[0]) == coefficient:
        return written[0]
    if written_as_whole_numbers(*written):
        return fraction(coefficient)  # 3·(1/2) → 3/2, as the learner's x/2 suggests
    return number(coefficient)


def _same_product(a: Node, b: Node) -> bool:
    """Equal as products of the same factors in any order: 2·sin·cos and 2·cos·sin, x·x and x²."""
    return _product_key(a) == _product_key(b)


def _product_key(node: Node) -> list[str]:
    return sorted(f.sexpr() for f in _factors(_product(_factors(node))))


def _is_sum(node: Node) -> bool:
    return isinstance(node, BinaryOp) and node.op in "+-"


def _add_terms(a: Node, terms: list[tuple[int, Node]], sign: int) -> Node:
    """a ± (t₁ ± t₂ …) one term at a time, so brackets go and like terms meet."""
    for term_sign, term in terms:
        a = add(a, term) if term_sign * sign > 0 else sub(a, term)
    return a


def _signed_terms(node: Node) -> list[tuple[int, Node]]:
    terms: list[tuple[int, Node]] = []
    while isinstance(node, BinaryOp) and node.op in "+-":
        terms.append((1 if node.op == "+" else -1, node.right))
        node = node.left
    terms.append((1, node))
    return terms[::-1]


def _split_term(node: Node) -> tuple[Fraction, Node | None]:
    """A term as (signed coefficient, the rest): −3x² → (−3, x²); no rest for plain numbers."""
    sign, positive = split_sign(node)
    coefficient, rest = _coefficient(positive)
    if rest is None or exact_value(rest) is not None:
        return coefficient * sign, None
    return coefficient * sign, rest


def _combine_like_terms(a: Node, b: Node, sign: int) -> Node | None:
    """``a ± b`` when b is like one of a's terms (2sin·cos − 2cos·sin → 0), else None."""
    coefficient_b, rest_b = _split_term(b)
    terms = _signed_terms(a)
    for index, (term_sign, term) in enumerate(terms):
        coefficient, rest = _split_term(term)
        if (rest is None) != (rest_b is None):
            continue
        if rest is not None and not _same_product(rest, rest_b):
            continue
        if rest is None:
            # Numbers meet numbers: x − 2 + 1 → x − 1.
            rest = ONE
        total = term_sign * coefficient + sign * coefficient_b
        combined = [] if total == 0 else [(1, mul(number(total), rest))]
        return _rebuild_sum(terms[:index] + combined + terms[index + 1 :])
    return None


def _rebuild_sum(terms: list[tuple[int, Node]]) -> Node:
    result: Node | None = None
    for term_sign, term in terms:
        sign, positive = split_sign(term)
        sign *= term_sign
        if result is None:
            result = positive if sign > 0 else neg(positive)
        else:
            result = BinaryOp("+" if sign > 0 else "-", result, positive)
    return ZERO if result is None else result


def cancel_common_powers(top: Node, bottom: Node) -> tuple[Node, Node] | None:
    """(new top, new bottom) with shared integer powers of one base cancelled across a fraction
    bar (2x/x⁴ → 2/x³, sin(x)/sin(x)³ → 1/sin(x)²), or None if nothing cancels.

    Only cancels while the base keeps a power in the denominator, so where the quotient is
    defined does not change (x²/x is undefined at 0, x is not: that one stays).
    """
    top_factors = [list(_integer_power(f)) for f in _factors(top)]
    bottom_factors = [list(_integer_power(f)) for f in _factors(bottom)]
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
    return _power_product(top_factors), _power_product(bottom_factors)


def _power_product(factors: list[list]) -> Node:
    nodes = []
    for base, exponent in factors:
        if exponent is None or exponent == 1:
            nodes.append(base)
        elif exponent > 1:
            nodes.append(power(base, number(Fraction(exponent))))
    return _product(nodes) if nodes else ONE
