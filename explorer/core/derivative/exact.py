"""Exact constant arithmetic on tree literals: fold 2·3, 1/3 − 1 and 2⁴ as fractions.

Integer and short decimal literals fold as fractions (``x^(1/3)`` → ``(1/3)·x^(−2/3)``, not
``0.333333·x^-0.666667``); anything else folds in float64. Negative numbers are built as a unary
minus over a positive ``Number`` so they print the way a learner writes them.
"""

from __future__ import annotations

from fractions import Fraction

from explorer.core.expr.nodes import BinaryOp, Node, Number, UnaryOp, walk

# Fractions with larger denominators print worse than a decimal; fold those in float64 instead.
_MAX_DENOMINATOR = 10**6
# Integer powers folded exactly only while the result stays small enough to print.
_MAX_FOLDED_MAGNITUDE = Fraction(10**15)


def exact_value(node: Node) -> Fraction | None:
    """The exact rational value of a subtree made only of literals, or None."""
    if isinstance(node, Number):
        return _literal_fraction(node)
    if isinstance(node, UnaryOp):
        inner = exact_value(node.operand)
        if inner is None:
            return None
        return -inner if node.op == "-" else inner
    if isinstance(node, BinaryOp) and node.op in "+-*/":
        left, right = exact_value(node.left), exact_value(node.right)
        if left is None or right is None:
            return None
        return _fold(node.op, left, right)
    return None


def _literal_fraction(node: Number) -> Fraction | None:
    value = node.value
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if float(value).is_integer():
        return Fraction(int(value))
    try:
        exact = Fraction(node.text.strip()) if node.text else Fraction(value)
    except (ValueError, ZeroDivisionError):
        exact = Fraction(value)
    return exact if exact.denominator <= _MAX_DENOMINATOR else None


def _fold(op: str, left: Fraction, right: Fraction) -> Fraction | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "/":
        return left / right if right != 0 else None
    if op == "^" and right.denominator == 1 and abs(right.numerator) <= 64 and left != 0:
        if abs(left) > 1 and abs(right.numerator) * max(1, len(str(abs(left.numerator)))) > 15:
            return None
        result = left**right.numerator
        return result if abs(result) <= _MAX_FOLDED_MAGNITUDE else None
    return None


def number(value: Fraction | float) -> Node:
    """A node for a folded constant: ``2``, ``0.5``, ``2/3`` or ``-(…)`` for negatives."""
    if isinstance(value, float):
        if value < 0:
            return UnaryOp("-", number(-value))
        as_int = int(value) if value.is_integer() and abs(value) < 1e15 else None
        return Number(value, str(as_int) if as_int is not None else f"{value:.12g}")
    if value < 0 and _MAX_DENOMINATOR % value.denominator == 0:
        return UnaryOp("-", number(-value))
    if value < 0:
        # −2/3 keeps its sign on the numerator so it prints as x^(−2/3), not x^(−(2/3)).
        positive = number(-value)
        return BinaryOp("/", UnaryOp("-", positive.left), positive.right)
    if value.denominator == 1:
        return Number(float(value.numerator), str(value.numerator))
    if _MAX_DENOMINATOR % value.denominator == 0:
        # A terminating decimal with at most six places prints better as 0.5 than 1/2.
        return Number(float(value), f"{float(value):.6f}".rstrip("0"))
    numerator = Number(float(value.numerator), str(value.numerator))
    denominator = Number(float(value.denominator), str(value.denominator))
    return BinaryOp("/", numerator, denominator)


def _float_value(node: Node) -> float | None:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, UnaryOp) and node.op == "-":
        inner = _float_value(node.operand)
        return None if inner is None else -inner
    return None


def folded(op: str, a: Node, b: Node) -> Node | None:
    """Fold two constant operands exactly, or in float64 when they are not simple fractions."""
    left, right = exact_value(a), exact_value(b)
    if left is not None and right is not None:
        result = _fold(op, left, right)
        if result is None:
            return None
        # From whole numbers (x/2 → 1/2) a fraction stays a fraction; from decimals it stays
        # a decimal (0.5·3 → 1.5).
        return fraction(result) if written_as_whole_numbers(a, b) else number(result)
    left_float, right_float = _float_value(a), _float_value(b)
    if left_float is None or right_float is None or op == "^":
        return None
    if op == "/" and right_float == 0:
        return None
    result = {"+": left_float + right_float, "-": left_float - right_float}.get(op)
    if op == "*":
        result = left_float * right_float
    elif op == "/":
        result = left_float / right_float
    return number(float(result))


def written_as_whole_numbers(*nodes: Node) -> bool:
    """Whether every literal in ``nodes`` is written as a whole number (no point, no exponent)."""
    return all(
        not any(mark in (n.text or "") for mark in ".eE")
        for node in nodes
        for n in walk(node)
        if isinstance(n, Number)
    )


def fraction(value: Fraction) -> Node:
    """An exact rational as ``p/q`` (a learner's exponent: ``x^(3/2)``, ``x^(−2/3)``)."""
    if value.denominator == 1:
        return number(value)
    numerator = Number(float(abs(value.numerator)), str(abs(value.numerator)))
    top = UnaryOp("-", numerator) if value < 0 else numerator
    return BinaryOp("/", top, Number(float(value.denominator), str(value.denominator)))
