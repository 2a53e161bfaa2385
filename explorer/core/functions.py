"""The one table of functions: parser, autodiff rules, sympy forms and display all read it.

Each entry is declared once, in the style of HIPS/autograd's ``numpy_vjps.py``: the forward numpy
function, the elementwise derivative ``grad(x, out)`` (which may reuse the forward result ``out``,
as ``exp`` does), the same derivative as a formula in our own expression language (``u`` stands for
the argument; used by the derivation steps and the graph's edge labels), the sympy counterpart, and
how to display a call. Functions that are piecewise constant (floor, ceil, sign, step) are listed
with ``grad=None``: they have no derivative where they jump and zero elsewhere. The autodiff core
follows PyTorch there and propagates zeros.

Conventions at non-differentiable points follow PyTorch: abs'(0) = 0, relu'(0) = 0, sign'(x) = 0.
``kinks`` names where the derivative does not exist although the function is continuous (abs and
relu at 0), so the derivative lab can say so instead of drawing a wrong tangent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class FunctionSpec:
    """One supported function of one argument."""

    name: str
    forward: Callable[[Array], Array]
    grad: Callable[[Array, Array], Array] | None
    derivative_formula: str | None
    sympy_name: str
    unicode: str
    latex: str
    aliases: tuple[str, ...] = ()
    arity: int = 1
    description: str = ""
    # Intervals where random test points are drawn (the function is smooth inside them).
    test_domains: tuple[tuple[float, float], ...] = ((-3.0, 3.0),)
    # Points (as a predicate on arrays) where the function is continuous but has no derivative.
    kinks: Callable[[Array], Array] | None = None
    # Why a piecewise-constant function has no useful derivative (shown to the learner).
    no_derivative_reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def differentiable(self) -> bool:
        return self.grad is not None

    def sympy(self, arg: Any) -> Any:
        """Build the sympy counterpart of ``name(arg)``; sympy is imported only here."""
        return _sympy_builder(self.sympy_name)(arg)

    def display(self, arg_text: str) -> str:
        """Unicode display of a call, e.g. ``sin(x)``, ``|x|``, ``√(x)``."""
        return self.unicode.format(arg_text)

    def display_latex(self, arg_latex: str) -> str:
        return self.latex.format(arg_latex)


def _sigmoid(x: Array) -> Array:
    # exp(-softplus(-x)) never overflows, for either sign of x.
    return np.exp(-np.logaddexp(0.0, -np.asarray(x)))


def _softplus(x: Array) -> Array:
    return np.logaddexp(0.0, x)


def _relu(x: Array) -> Array:
    return np.maximum(x, 0)


def _step(x: Array) -> Array:
    # Heaviside with step(0) = 0, matching relu'(0) = 0.
    return (np.asarray(x) > 0).astype(np.result_type(x, np.float32))


def _zero_at(point: float) -> Callable[[Array], Array]:
    return lambda x: np.asarray(x) == point


_PIECEWISE_CONSTANT = "it is piecewise constant: its slope is 0 between jumps and undefined at them"

FUNCTIONS: tuple[FunctionSpec, ...] = (
    FunctionSpec(
        "sin", np.sin, lambda x, o: np.cos(x), "cos(u)", "sin", "sin({})", r"\sin\left({}\right)"
    ),
    FunctionSpec(
        "cos", np.cos, lambda x, o: -np.sin(x), "-sin(u)", "cos", "cos({})", r"\cos\left({}\right)"
    ),
    FunctionSpec(
        "tan",
        np.tan,
        lambda x, o: 1.0 + o * o,
        "sec(u)^2",
        "tan",
        "tan({})",
        r"\tan\left({}\right)",
        test_domains=((-1.3, 1.3),),
    ),
    FunctionSpec(
        "cot",
        lambda x: 1.0 / np.tan(x),
        lambda x, o: -(1.0 + o * o),
        "-csc(u)^2",
        "cot",
        "cot({})",
        r"\cot\left({}\right)",
        test_domains=((0.2, 2.9),),
    ),
    FunctionSpec(
        "sec",
        lambda x: 1.0 / np.cos(x),
        lambda x, o: o * np.tan(x),
        "sec(u)*tan(u)",
        "sec",
        "sec({})",
        r"\sec\left({}\right)",
        test_domains=((-1.3, 1.3),),
    ),
    FunctionSpec(
        "csc",
        lambda x: 1.0 / np.sin(x),
        lambda x, o: -o / np.tan(x),
        "-csc(u)*cot(u)",
        "csc",
        "csc({})",
        r"\csc\left({}\right)",
        test_domains=((0.2, 2.9),),
    ),
    FunctionSpec(
        "asin",
        np.arcsin,
        lambda x, o: 1.0 / np.sqrt(1.0 - x * x),
        "1/sqrt(1 - u^2)",
        "asin",
        "asin({})",
        r"\arcsin\left({}\right)",
        aliases=("arcsin",),
        test_domains=((-0.9, 0.9),),
    ),
    FunctionSpec(
        "acos",
        np.arccos,
        lambda x, o: -1.0 / np.sqrt(1.0 - x * x),
        "-1/sqrt(1 - u^2)",
        "acos",
        "acos({})",
        r"\arccos\left({}\right)",
        aliases=("arccos",),
        test_domains=((-0.9, 0.9),),
    ),
    FunctionSpec(
        "atan",
        np.arctan,
        lambda x, o: 1.0 / (1.0 + x * x),
        "1/(1 + u^2)",
        "atan",
        "atan({})",
        r"\arctan\left({}\right)",
        aliases=("arctan",),
    ),
    FunctionSpec(
        "sinh",
        np.sinh,
        lambda x, o: np.cosh(x),
        "cosh(u)",
        "sinh",
        "sinh({})",
        r"\sinh\left({}\right)",
    ),
    FunctionSpec(
        "cosh",
        np.cosh,
        lambda x, o: np.sinh(x),
        "sinh(u)",
        "cosh",
        "cosh({})",
        r"\cosh\left({}\right)",
    ),
    FunctionSpec(
        "tanh",
        np.tanh,
        lambda x, o: 1.0 - o * o,
        "1 - tanh(u)^2",
        "tanh",
        "tanh({})",
        r"\tanh\left({}\right)",
    ),
    FunctionSpec(
        "asinh",
        np.arcsinh,
        lambda x, o: 1.0 / np.sqrt(x * x + 1.0),
        "1/sqrt(u^2 + 1)",
        "asinh",
        "asinh({})",
        r"\operatorname{{arsinh}}\left({}\right)",
        aliases=("arcsinh", "arsinh"),
    ),
    FunctionSpec(
        "acosh",
        np.arccosh,
        lambda x, o: 1.0 / np.sqrt(x * x - 1.0),
        "1/sqrt(u^2 - 1)",
        "acosh",
        "acosh({})",
        r"\operatorname{{arcosh}}\left({}\right)",
        aliases=("arccosh", "arcosh"),
        test_domains=((1.2, 3.0),),
    ),
    FunctionSpec(
        "atanh",
        np.arctanh,
        lambda x, o: 1.0 / (1.0 - x * x),
        "1/(1 - u^2)",
        "atanh",
        "atanh({})",
        r"\operatorname{{artanh}}\left({}\right)",
        aliases=("arctanh", "artanh"),
        test_domains=((-0.9, 0.9),),
    ),
    FunctionSpec("exp", np.exp, lambda x, o: o, "exp(u)", "exp", "exp({})", r"e^{{{}}}"),
    FunctionSpec(
        "log",
        np.log,
        lambda x, o: 1.0 / x,
        "1/u",
        "log",
        "ln({})",
        r"\ln\left({}\right)",
        aliases=("ln",),
        test_domains=((0.1, 5.0),),
        description="natural logarithm",
    ),
    FunctionSpec(
        "log2",
        np.log2,
        lambda x, o: 1.0 / (x * np.log(2.0)),
        "1/(u*ln(2))",
        "log2",
        "log₂({})",
        r"\log_{{2}}\left({}\right)",
        test_domains=((0.1, 5.0),),
    ),
    FunctionSpec(
        "log10",
        np.log10,
        lambda x, o: 1.0 / (x * np.log(10.0)),
        "1/(u*ln(10))",
        "log10",
        "log₁₀({})",
        r"\log_{{10}}\left({}\right)",
        test_domains=((0.1, 5.0),),
    ),
    FunctionSpec(
        "sqrt",
        np.sqrt,
        lambda x, o: 0.5 / o,
        "1/(2*sqrt(u))",
        "sqrt",
        "√({})",
        r"\sqrt{{{}}}",
        test_domains=((0.1, 5.0),),
    ),
    FunctionSpec(
        "cbrt",
        np.cbrt,
        lambda x, o: 1.0 / (3.0 * o * o),
        "1/(3*cbrt(u)^2)",
        "cbrt",
        "∛({})",
        r"\sqrt[3]{{{}}}",
        test_domains=((-5.0, -0.1), (0.1, 5.0)),
        description="real cube root",
    ),
    FunctionSpec(
        "abs",
        np.abs,
        lambda x, o: np.sign(x),
        "sign(u)",
        "Abs",
        "|{}|",
        r"\left|{}\right|",
        test_domains=((-3.0, -0.1), (0.1, 3.0)),
        kinks=_zero_at(0.0),
    ),
    FunctionSpec(
        "sigmoid",
        _sigmoid,
        lambda x, o: o * (1.0 - o),
        "sigmoid(u)*(1 - sigmoid(u))",
        "sigmoid",
        "σ({})",
        r"\sigma\left({}\right)",
        description="logistic function 1/(1+e^-u)",
    ),
    FunctionSpec(
        "relu",
        _relu,
        lambda x, o: _step(x),
        "step(u)",
        "relu",
        "relu({})",
        r"\operatorname{{ReLU}}\left({}\right)",
        test_domains=((-3.0, -0.1), (0.1, 3.0)),
        kinks=_zero_at(0.0),
        description="max(u, 0)",
    ),
    FunctionSpec(
        "softplus",
        _softplus,
        lambda x, o: _sigmoid(x),
        "sigmoid(u)",
        "softplus",
        "softplus({})",
        r"\operatorname{{softplus}}\left({}\right)",
        description="ln(1 + e^u)",
    ),
    FunctionSpec(
        "floor",
        np.floor,
        None,
        None,
        "floor",
        "⌊{}⌋",
        r"\left\lfloor{}\right\rfloor",
        no_derivative_reason=_PIECEWISE_CONSTANT,
    ),
    FunctionSpec(
        "ceil",
        np.ceil,
        None,
        None,
        "ceiling",
        "⌈{}⌉",
        r"\left\lceil{}\right\rceil",
        no_derivative_reason=_PIECEWISE_CONSTANT,
    ),
    FunctionSpec(
        "sign",
        np.sign,
        None,
        None,
        "sign",
        "sign({})",
        r"\operatorname{{sign}}\left({}\right)",
        aliases=("sgn",),
        no_derivative_reason=_PIECEWISE_CONSTANT,
    ),
    FunctionSpec(
        "step",
        _step,
        None,
        None,
        "step",
        "step({})",
        r"H\left({}\right)",
        aliases=("heaviside",),
        description="Heaviside step, step(0) = 0",
        no_derivative_reason=_PIECEWISE_CONSTANT,
    ),
)

FUNCTIONS_BY_NAME: dict[str, FunctionSpec] = {}
for _spec in FUNCTIONS:
    for _name in (_spec.name, *_spec.aliases):
        FUNCTIONS_BY_NAME[_name] = _spec


def lookup(name: str) -> FunctionSpec | None:
    """The function spec for a name or alias, or None."""
    return FUNCTIONS_BY_NAME.get(name)


# Named constants of the expression language: name -> (value, sympy name, unicode, latex).
CONSTANTS: dict[str, tuple[float, str, str, str]] = {
    "pi": (float(np.pi), "pi", "π", r"\pi"),
    "e": (float(np.e), "E", "e", "e"),
}


def _sympy_builder(sympy_name: str) -> Callable[[Any], Any]:
    import sympy

    if sympy_name == "cbrt":
        return _sympy_cbrt()
    if sympy_name == "sigmoid":
        return lambda u: 1 / (1 + sympy.exp(-u))
    if sympy_name == "relu":
        return lambda u: sympy.Max(0, u)
    if sympy_name == "softplus":
        return lambda u: sympy.log(1 + sympy.exp(u))
    if sympy_name == "log2":
        return lambda u: sympy.log(u, 2)
    if sympy_name == "log10":
        return lambda u: sympy.log(u, 10)
    if sympy_name == "step":
        return lambda u: sympy.Heaviside(u, 0)
    return getattr(sympy, sympy_name)


_CBRT_CLASS: Any = None


def _sympy_cbrt() -> Any:
    """A real cube root for sympy: sympy's real_root brings Piecewise/DiracDelta trouble."""
    global _CBRT_CLASS
    if _CBRT_CLASS is None:
        import sympy
        from mpmath.libmp import prec_to_dps

        class cbrt(sympy.Function):  # noqa: N801 - sympy prints the class name
            is_real = True

            def fdiff(self, argindex: int = 1) -> Any:
                return 1 / (3 * cbrt(self.args[0]) ** 2)

            @classmethod
            def eval(cls, arg: Any) -> Any:
                if arg.is_Number:
                    return sympy.sign(arg) * sympy.Abs(arg) ** sympy.Rational(1, 3)
                return None

            def _numpycode(self, printer: Any) -> str:
                return f"numpy.cbrt({printer._print(self.args[0])})"

            def _eval_evalf(self, prec: int) -> Any:
                # Without this evalf falls back to mpmath.cbrt, the principal (complex) root:
                # cbrt(-pi) would evaluate to 0.73 + 1.27i instead of -1.46.
                arg = self.args[0]
                if not arg.is_number:
                    return None
                real_root = sympy.sign(arg) * sympy.Abs(arg) ** sympy.Rational(1, 3)
                return real_root.evalf(prec_to_dps(prec))

        _CBRT_CLASS = cbrt
    return _CBRT_CLASS
