"""Worker tasks of the integral lab: sympy's definite integral and antiderivative, and the
numeric value (mpmath), each in the killable worker process with a time limit.

The user's text and bounds are re-parsed here with OUR parser; sympy only sees trees converted
by ``tree_to_sympy`` (bounds too: ``pi/2`` is parsed, ``inf`` becomes ``sympy.oo``). Slider
parameters are substituted as exact decimals (1.5 → 3/2). Results are plain data; the
antiderivative also travels as our own tree (``explorer.core.expr.tree_data``) when it is in our
language, so the GUI can differentiate it with the derivative lab without sympy.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from explorer.core.integral.exact import (
    DIVERGES,
    NO_CLOSED_FORM,
    NOT_REAL,
    UNDEFINED,
    VALUE,
    numeric_to_data,
)
from explorer.core.worker import register_task


def _prepared(payload: dict) -> tuple[Any, Any, dict[str, Any]]:
    """(our Expression, the sympy expression with parameters substituted, its symbols)."""

    from explorer.core.expr import parse

    expression = parse(str(payload["text"]), variables=("x",), parameters=True)
    symbols = expression.symbols()
    sympy_expression = expression.to_sympy(symbols)
    values = payload.get("params") or {}
    substitutions = {
        symbols[name]: _exact_rational(float(values.get(name, 1.0)))
        for name in expression.parameters
    }
    return expression, sympy_expression.subs(substitutions), symbols


def _exact_rational(value: float) -> Any:
    """The slider value as the decimal it shows, exactly: 1.5 → 3/2 (built from integers)."""
    import sympy

    fraction = Fraction(Decimal(repr(value)))
    return sympy.Rational(fraction.numerator, fraction.denominator)


def _sympy_bound(text: str) -> Any:
    import sympy

    from explorer.core.expr.to_sympy import tree_to_sympy
    from explorer.core.integral.bounds import parse_bound

    bound = parse_bound(str(text))
    if bound.infinite:
        return sympy.oo if bound.value > 0 else -sympy.oo
    return tree_to_sympy(bound.tree, {})


def formula_text(value: Any) -> tuple[str, list | None]:
    """A sympy result as our notation (and tree data) when it is in our language, else sympy's
    own one-line text."""
    from explorer.core.derivative.from_sympy import OutsideLanguage, sympy_to_tree
    from explorer.core.derivative.tasks import sympy_one_line
    from explorer.core.expr.display import format_unicode
    from explorer.core.expr.tree_data import tree_to_data

    try:
        tree = sympy_to_tree(value)
    except (OutsideLanguage, ValueError, TypeError, AttributeError):
        return sympy_one_line(value), None
    return format_unicode(tree), tree_to_data(tree)


@register_task("integral_exact", label="Finding the exact integral with sympy")
def integral_exact(payload: dict) -> dict:
    """payload: text, params, lower, upper → status, value (float), formula."""
    import sympy

    _, integrand, symbols = _prepared(payload)
    x = symbols["x"]
    lower, upper = _sympy_bound(payload["lower"]), _sympy_bound(payload["upper"])
    result = sympy.integrate(integrand, (x, lower, upper))
    if result.has(sympy.Integral):
        return {"status": NO_CLOSED_FORM, "value": None, "formula": ""}
    if result in (sympy.oo, -sympy.oo):
        sign = 1 if result == sympy.oo else -1
        return {
            "status": DIVERGES,
            "value": sign * float("inf"),
            "formula": "∞" if sign > 0 else "−∞",
        }
    if result in (sympy.zoo, sympy.nan) or isinstance(result, sympy.AccumBounds):
        return {"status": UNDEFINED, "value": None, "formula": sympy_text(result)}
    number = complex(result.evalf(30))
    if abs(number.imag) > 1e-12 * max(1.0, abs(number.real)):
        return {"status": NOT_REAL, "value": None, "formula": sympy_text(result)}
    formula, _ = formula_text(result)
    return {"status": VALUE, "value": number.real, "formula": formula}


def sympy_text(value: Any) -> str:
    from explorer.core.derivative.tasks import sympy_one_line

    return sympy_one_line(value)


@register_task("antiderivative", label="Finding an antiderivative with sympy")
def antiderivative(payload: dict) -> dict:
    """payload: text, params → formula (our notation, or sympy's), tree (data or None); its logs
    carry the absolute value where the integrand is real on both sides (ln|x| for 1/x), and
    ``absolute_logs`` says whether that changed sympy's result."""
    import sympy

    from explorer.core.derivative.model import prepare
    from explorer.core.integral.real_logs import with_absolute_logs

    expression, integrand, symbols = _prepared(payload)
    x = symbols["x"]
    result = sympy.integrate(integrand, x)
    if result.has(sympy.Integral):
        return {"found": False, "formula": "", "tree": None}
    real = with_absolute_logs(result, prepare(expression, payload.get("params") or {}).f, x)
    formula, tree = formula_text(real)
    return {"found": True, "formula": formula, "tree": tree, "absolute_logs": real != result}


@register_task("integral_numeric", label="Computing the integral numerically")
def integral_numeric(payload: dict) -> dict:
    """payload: text, params, lower, upper → the numeric integral (``numeric_to_data``)."""
    from explorer.core.derivative.model import prepare
    from explorer.core.expr import parse
    from explorer.core.integral.bounds import parse_bound
    from explorer.core.integral.quadrature import numeric_integral, scalar_function

    expression = parse(str(payload["text"]), variables=("x",), parameters=True)
    function = prepare(expression, payload.get("params") or {})
    lower = parse_bound(str(payload["lower"])).value
    upper = parse_bound(str(payload["upper"])).value
    scalar = scalar_function(function.tree, "x", function.params)
    return numeric_to_data(numeric_integral(function.f, scalar, lower, upper, function.fprime))
