"""sympy's simplified derivative back as OUR expression tree, or the reason it cannot be.

sympy's printer shows sympy's ideas (``Heaviside(x, 0)``, ``Piecewise``, ``I``, ``x**(-1/2)``); the
panel and the CLI show formulas in the app's own language, printed by ``format_unicode`` like every
other formula. ``sympy_to_tree`` converts the subset our language has (sums, products, powers,
exact numbers, π, e and the functions of the one function table) and raises ``OutsideLanguage``
for anything else. ``choose_derivative_form`` then keeps sympy's form only when it is in our
language, uses no function that neither f nor our derivative uses (sympy turns σ′ into a cosh), is
smaller than our steps-engine form (node count) and equals it numerically; otherwise it keeps ours.
Only the worker calls this module (sympy is imported lazily).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import numpy as np

from explorer.core.derivative.evaluate import bind
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable, walk
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import FUNCTIONS, lookup

# What the panel says when our form is kept (sympy's was no simpler): a learner only needs to
# know the formula is as simple as it gets; the reason stays in the tooltip.
KEPT_OURS = "simplified"
# Points where both forms are compared: irregular, so no grid point lands on a pole or a kink.
_CHECK_POINTS = np.array([-7.31, -2.83, -1.37, -0.61, -0.17, 0.23, 0.71, 1.29, 2.47, 3.91, 8.13])
_PARAMETER_VALUES = (1.37, 0.83, 2.21, -0.59, 1.73)


class OutsideLanguage(ValueError):
    """sympy's expression uses something the app's language cannot write (Piecewise, I, …)."""


@cache
def _function_names() -> dict[str, str]:
    """sympy class name → our name, from the function table (sin → sin, Abs → abs, ceiling → ceil).

    Entries whose sympy form is a composite (sigmoid, relu, log2 …) have no single sympy class.
    """
    import sympy

    names = {}
    for spec in FUNCTIONS:
        placeholders = tuple(sympy.Symbol(name, real=True) for name in spec.placeholders)
        built = spec.to_sympy(*placeholders)
        if built.args == placeholders and isinstance(built.func, sympy.FunctionClass):
            names[built.func.__name__] = spec.name
    return names


def _number(value: Fraction) -> Node:
    """An exact rational as ``n`` or ``p/q`` (negative: a unary minus in front)."""
    if value < 0:
        return UnaryOp("-", _number(-value))
    numerator = Number(float(value.numerator), str(value.numerator))
    if value.denominator == 1:
        return numerator
    return BinaryOp("/", numerator, Number(float(value.denominator), str(value.denominator)))


def _float(value: float) -> Node:
    if not math.isfinite(value):
        raise OutsideLanguage("an infinite or undefined number")
    if value < 0:
        return UnaryOp("-", _float(-value))
    return Number(value, f"{value:.12g}")


def sympy_to_tree(expression: Any) -> Node:
    """Our tree for a sympy expression; ``OutsideLanguage`` names what cannot be converted."""
    import sympy

    if expression.is_Integer or expression.is_Rational:
        return _number(Fraction(int(expression.p), int(expression.q)))
    if expression.is_Float:
        return _float(float(expression))
    if expression is sympy.pi:
        return Constant("pi")
    if expression is sympy.E:
        return Constant("e")
    if expression.is_Symbol:
        return Variable(expression.name)
    if expression.is_Add:
        return _sum(expression)
    if expression.is_Mul or expression.is_Pow:
        return _product(expression)
    if expression.is_Function:
        return _call(expression)
    raise OutsideLanguage(f"{type(expression).__name__} is not part of this app's language")


def _sum(expression: Any) -> Node:
    terms = list(expression.as_ordered_terms())
    # A positive term first reads better: −x + 1 → 1 − x.
    terms.sort(key=lambda term: term.could_extract_minus_sign())
    result: Node | None = None
    for term in terms:
        negative = term.could_extract_minus_sign()
        converted = sympy_to_tree(-term if negative else term)
        if result is None:
            result = _negated(converted) if negative else converted
        else:
            result = BinaryOp("-" if negative else "+", result, converted)
    return result


def _product(expression: Any) -> Node:
    """Numerator and denominator from the factors: ``x**(-1/2)/2`` → ``1/(2√x)``."""
    import sympy

    if expression.could_extract_minus_sign():
        return _negated(sympy_to_tree(-expression))
    top: list[Node] = []
    bottom: list[Node] = []
    for factor in sympy.Mul.make_args(expression):
        if factor.is_Rational:
            if factor.p != 1:
                top.insert(0, _number(Fraction(int(factor.p))))
            if factor.q != 1:
                bottom.insert(0, _number(Fraction(int(factor.q))))
            continue
        base, exponent = factor.as_base_exp() if factor.is_Pow else (factor, sympy.Integer(1))
        if exponent.is_Rational and exponent < 0:
            bottom.append(_power(base, -exponent))
        else:
            top.append(_power(base, exponent))
    numerator = _chain(top) if top else Number(1.0, "1")
    return BinaryOp("/", numerator, _chain(bottom)) if bottom else numerator


def _negated(node: Node) -> Node:
    """The minus on the leading factor, as a learner writes it: −2x, −1/(2√x)."""
    if isinstance(node, BinaryOp) and node.op in "*/":
        return BinaryOp(node.op, _negated(node.left), node.right)
    return UnaryOp("-", node)


def _chain(factors: list[Node]) -> Node:
    result = factors[0]
    for factor in factors[1:]:
        result = BinaryOp("*", result, factor)
    return result


def _power(base: Any, exponent: Any) -> Node:
    import sympy

    if exponent == 1:
        return sympy_to_tree(base)
    if exponent == sympy.Rational(1, 2):
        return Call("sqrt", (sympy_to_tree(base),))
    if exponent.is_Rational:
        power = _number(Fraction(int(exponent.p), int(exponent.q)))
    else:
        power = sympy_to_tree(exponent)
    if base is sympy.E:
        return Call("exp", (power,))
    return BinaryOp("^", sympy_to_tree(base), power)


def _call(expression: Any) -> Node:
    import sympy

    name = type(expression).__name__
    arguments = expression.args
    if isinstance(expression, sympy.Heaviside):
        # step(u) is Heaviside(u, 0); sympy's default H(0) = 1/2 is another function.
        if len(arguments) == 2 and arguments[1] == 0:
            return Call("step", (sympy_to_tree(arguments[0]),))
        raise OutsideLanguage("Heaviside with a value at 0 other than 0")
    if isinstance(expression, sympy.Max) and len(arguments) == 2 and 0 in arguments:
        other = arguments[1] if arguments[0] == 0 else arguments[0]
        return Call("relu", (sympy_to_tree(other),))
    ours = _function_names().get(name)
    if ours is None or len(arguments) != lookup(ours).arity:
        raise OutsideLanguage(f"{name} is not part of this app's language")
    return Call(ours, tuple(sympy_to_tree(argument) for argument in arguments))


def node_count(tree: Node) -> int:
    """How many nodes a tree has: the size measure that decides which form is simpler."""
    return sum(1 for _ in walk(tree))


def _size(tree: Node) -> tuple[int, int]:
    return node_count(tree), len(format_unicode(tree))


def _exp_spelled(tree: Node) -> Node:
    """``tree`` with every e^u written exp(u), so the two spellings compare equal."""

    def rebuild(node: Node, children: list[Node]) -> Node:
        if isinstance(node, BinaryOp):
            if node.op == "^" and children[0] == Constant("e"):
                return Call("exp", (children[1],))
            return BinaryOp(node.op, children[0], children[1])
        if isinstance(node, UnaryOp):
            return UnaryOp(node.op, children[0])
        if isinstance(node, Call):
            return Call(node.name, tuple(children))
        return node

    return fold_tree(tree, rebuild)


def _call_names(tree: Node) -> set[str]:
    return {node.name for node in walk(tree) if isinstance(node, Call)}


@dataclass(frozen=True)
class DerivativeForm:
    """The derivative to show: sympy's simplification (``source == "sympy"``) or ours, and why."""

    tree: Node
    source: str  # "sympy" or "ours"
    reason: str = ""


def choose_derivative_form(
    function: Node, ours: Node, simplified: Any, variable: str = "x"
) -> DerivativeForm:
    """sympy's ``simplified`` derivative as our tree when it is really simpler, else ``ours``."""
    try:
        candidate = sympy_to_tree(simplified)
    except OutsideLanguage as error:
        return DerivativeForm(ours, "ours", f"sympy's form is outside the language: {error}")
    # √ and exp are only sympy's spelling of powers (x^(1/2), e^x); any other new function is
    # a rewrite the learner did not ask for (σ′ as 1/(4cosh(x/2)²)).
    introduced = _call_names(candidate) - _call_names(function) - _call_names(ours)
    introduced -= {"sqrt", "exp"}
    if introduced:
        names = ", ".join(sorted(introduced))
        return DerivativeForm(ours, "ours", f"sympy rewrote it with {names}")
    if candidate == ours or _exp_spelled(candidate) == _exp_spelled(ours):
        # e^(a·x) against exp(a·x) is notation, not a simplification.
        return DerivativeForm(ours, "ours", "sympy finds nothing simpler")
    if _size(candidate) >= _size(ours):
        return DerivativeForm(ours, "ours", "sympy's form is not smaller")
    if not same_values(ours, candidate, variable):
        return DerivativeForm(ours, "ours", "sympy's form differs numerically (a domain change)")
    return DerivativeForm(candidate, "sympy")


def same_values(first: Node, second: Node, variable: str = "x") -> bool:
    """Whether two trees agree (value and definedness) at irregular test points."""
    names = sorted(
        {n.name for n in (*walk(first), *walk(second)) if isinstance(n, Variable)} - {variable}
    )
    params: Mapping[str, float] = {
        name: _PARAMETER_VALUES[i % len(_PARAMETER_VALUES)] for i, name in enumerate(names)
    }
    with np.errstate(all="ignore"):
        a = np.asarray(bind(first, variable, params)(_CHECK_POINTS), dtype=np.float64)
        b = np.asarray(bind(second, variable, params)(_CHECK_POINTS), dtype=np.float64)
    a, b = np.broadcast_to(a, _CHECK_POINTS.shape), np.broadcast_to(b, _CHECK_POINTS.shape)
    if not np.array_equal(np.isfinite(a), np.isfinite(b)):
        return False
    both = np.isfinite(a)
    return bool(np.allclose(a[both], b[both], rtol=1e-7, atol=1e-9))
