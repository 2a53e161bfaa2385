"""Convert our expression tree to sympy, without ever handing sympy a string.

Symbols are real (``Symbol('x', real=True)``) so that ``diff(abs(x))`` is ``sign(x)``. Literals
become exact sympy numbers built from the literal's digits by Python's ``decimal``/``fractions``
(``0.5`` -> ``1/2``), so ``x^0.5`` is ``sqrt(x)`` and derivatives read cleanly. Exact powers of
rationals can grow huge (``1.00001^1000`` has 5,000 digits, more than ``str()`` will print), so such
a base is turned into a float first. Only names of the form ``[A-Za-z][A-Za-z0-9_]*`` ever become
symbols. Every exception raised inside sympy (e.g. sympy 1.14 fails to construct
``sec(pi + cosh(x))``) is reported as an ``ExprError`` instead of escaping as a traceback.

sympy auto-simplifies on construction: ``x/x`` becomes ``1`` and ``x - x`` becomes ``0`` here,
although our own tree (and therefore the plot and the graph view) keeps them as written.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Definition,
    Node,
    Number,
    Program,
    UnaryOp,
    Variable,
)
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

_SAFE_SYMBOL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
# Beyond this many digits an exact rational power is computed as a float instead.
_MAX_EXACT_POWER_DIGITS = 2000

SYMBOLIC_FAILURE = "Could not process this expression symbolically"


def real_symbol(name: str) -> Any:
    """The real sympy symbol for one of our names (refusing anything that is not a plain name)."""
    import sympy

    if not _SAFE_SYMBOL_NAME.match(name):
        raise ExprError(f"'{name}' cannot be used as a symbol name")
    return sympy.Symbol(name, real=True)


def number_to_sympy(node: Number) -> Any:
    """The exact sympy number for a literal, from its digits when we have them."""
    import sympy

    value = float(node.value)
    if not math.isfinite(value):
        raise ExprError(f"The number {node.value!r} cannot be used")
    digits = node.text or repr(value)
    try:
        exact = Fraction(Decimal(digits))
    except (InvalidOperation, ValueError):
        exact = Fraction(Decimal(repr(value)))
    if exact.denominator == 1:
        return sympy.Integer(exact.numerator)
    return sympy.Rational(exact.numerator, exact.denominator)


def _exact_power_digits(base: Any, exponent: Any) -> float:
    numerator, denominator = int(base.p), int(base.q)
    bits = abs(numerator).bit_length() + denominator.bit_length()
    return abs(int(exponent)) * bits * math.log10(2)


def _power(base: Any, exponent: Any) -> Any:
    import sympy

    if base.is_Rational and exponent.is_Integer and base not in (0, 1, -1):
        if _exact_power_digits(base, exponent) > _MAX_EXACT_POWER_DIGITS:
            if base.is_Integer:
                raise ExprError("The result is too large to compute exactly")
            base = sympy.Float(base, 30)
    return base**exponent


def _make_visitor(symbols: dict[str, Any]):
    def visit(node: Node, children: list[Any]) -> Any:
        import sympy

        if isinstance(node, Number):
            return number_to_sympy(node)
        if isinstance(node, Constant):
            return getattr(sympy, CONSTANTS[node.name][1])
        if isinstance(node, Variable):
            if node.name not in symbols:
                symbols[node.name] = real_symbol(node.name)
            return symbols[node.name]
        if isinstance(node, UnaryOp):
            return -children[0] if node.op == "-" else children[0]
        if isinstance(node, BinaryOp):
            left, right = children
            if node.op == "+":
                return left + right
            if node.op == "-":
                return left - right
            if node.op == "*":
                return left * right
            if node.op == "/":
                return left / right
            return _power(left, right)
        if isinstance(node, Call):
            spec = lookup(node.name)
            if spec is None or len(children) != spec.arity:
                raise ExprError(f"Unknown function '{node.name}'")
            return spec.to_sympy(*children)
        if isinstance(node, Definition):
            return children[0]
        raise TypeError(f"not an expression node: {type(node).__name__}")

    return visit


def tree_to_sympy(node: Node, symbols: dict[str, Any] | None = None) -> Any:
    """The sympy expression of ``node``.

    ``symbols`` maps names to sympy objects (symbols, or whole expressions to substitute); names not
    in it become ``Symbol(name, real=True)``. A ``Program`` gives its output with every definition
    substituted. Raises ``ExprError`` if sympy fails.
    """
    known = dict(symbols or {})
    try:
        if isinstance(node, Program):
            result = None
            for definition in node.definitions:
                result = fold_tree(definition.expr, _make_visitor(known))
                known[definition.name] = result
            return result
        return fold_tree(node, _make_visitor(known))
    except ExprError:
        raise
    except Exception as error:  # noqa: BLE001 - sympy internals raise anything; the user needs a message
        raise ExprError(f"{SYMBOLIC_FAILURE} ({type(error).__name__})") from error
