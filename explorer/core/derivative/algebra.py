"""Tree builders with light algebraic tidying (0·u → 0, 1·u → u, u + 0 → u, constant folding).

The derivation steps build their results only through these functions, so every intermediate
derivative is already readable. Constant folding is exact where it can be: integer and short decimal
literals fold as fractions (``x^(1/3)`` → ``(1/3)·x^(-2/3)``, not ``0.333333·x^-0.666667``);
anything else folds in float64. Negative numbers are kept as a unary minus over a positive
``Number`` so they print the way a learner writes them.
"""

from __future__ import annotations

from fractions import Fraction

from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable, walk

# Fractions with larger denominators print worse than a decimal; fold those in float64 instead.
_MAX_DENOMINATOR = 10**6
# Integer powers folded exactly only while the result stays small enough to print.
_MAX_FOLDED_MAGNITUDE = Fraction(10**15)

ZERO = Number(0.0, "0")
ONE = Number(1.0, "1")


def contains_variable(node: Node, name: str) -> bool:
    """True if ``node`` depends on the variable ``name`` (iterative: safe on deep trees)."""
    return any(isinstance(n, Variable) and n.name == name for n in walk(node))


def substitute(node: Node, name: str, replacement: Node) -> Node:
    """``node`` with every ``Variable(name)`` replaced by ``replacement`` (formulas are tiny)."""
    if isinstance(node, Variable):
        return replacement if node.name == name else node
    if isinstance(node, UnaryOp):
        return UnaryOp(node.op, substitute(node.operand, name, replacement))
    if isinstance(node, BinaryOp):
        left = substitute(node.left, name, replacement)
        right = substitute(node.right, name, replacement)
        return BinaryOp(node.op, left, right, implicit=node.implicit)
    if isinstance(node, Call):
        return Call(node.name, tuple(substitute(a, name, replacement) for a in node.args))
    return node


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


def _is(node: Node, value: int) -> bool:
    exact = exact_value(node)
    return exact is not None and exact == value


def _folded(op: str, a: Node, b: Node) -> Node | None:
    """Fold two constant operands exactly, or in float64 when they are not simple fractions."""
    left, right = exact_value(a), exact_value(b)
    if left is not None and right is not None:
        result = _fold(op, left, right)
        return None if result is None else number(result)
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
    folded = _folded("+", a, b)
    if folded is not None:
        return folded
    if _is(a, 0):
        return b
    if _is(b, 0):
        return a
    sign, positive = split_sign(b)
    if sign < 0:
        return sub(a, positive)
    return BinaryOp("+", a, b)


def sub(a: Node, b: Node) -> Node:
    """a − b with u − 0 → u, 0 − u → −u, u − u → 0 and constant folding."""
    folded = _folded("-", a, b)
    if folded is not None:
        return folded
    if _is(b, 0):
        return a
    if _is(a, 0):
        return neg(b)
    if a == b:
        return ZERO
    sign, positive = split_sign(b)
    if sign < 0:
        return add(a, positive)
    return BinaryOp("-", a, b)


def mul(a: Node, b: Node) -> Node:
    """a·b with 0·u → 0, 1·u → u, signs pulled to the front, coefficients first and merged."""
    folded = _folded("*", a, b)
    if folded is not None:
        return folded
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
    if isinstance(b, BinaryOp) and b.op == "*":
        # Keep products left-associated so they print without brackets: 3·2ˣ·ln(2).
        return mul(mul(a, b.left), b.right)
    if a == b:
        return power(a, Number(2.0, "2"))
    return BinaryOp("*", a, b)


def div(a: Node, b: Node) -> Node:
    """a / b with 0/u → 0, u/1 → u, u/u → 1, signs pulled out and constant folding."""
    folded = _folded("/", a, b)
    if folded is not None:
        return folded
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
    top_coefficient, top_rest = _coefficient(a)
    bottom_coefficient, bottom_rest = _coefficient(b)
    if bottom_coefficient != 1 and top_rest is not None and bottom_rest is not None:
        # Cancel numeric coefficients: 2x/(2√u) → x/√u, 6x/(3v) → 2x/v.
        ratio = number(top_coefficient / bottom_coefficient)
        return mul(ratio, div(top_rest, bottom_rest))
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
    folded = _folded("^", a, b)
    if folded is not None:
        return folded
    return BinaryOp("^", a, b)


def call(name: str, argument: Node) -> Node:
    return Call(name, (argument,))


def is_constant_node(node: Node) -> bool:
    """A literal or named constant (``2``, ``pi``): printed as ``c`` in rule bindings."""
    return isinstance(node, (Number, Constant)) or exact_value(node) is not None
