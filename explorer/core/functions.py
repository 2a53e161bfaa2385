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

One function takes two arguments: ``atan2(y, x)``, the angle of the point (x, y), in numpy's,
sympy's and PyTorch's argument order. Its ``grad`` and ``derivative_formula`` are the partial in
the first argument (``u``), ``grad_v`` and ``derivative_formula_v`` the partial in the second
(``v``); ``partials`` and ``partial_formulas`` list them for any arity.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

Array = np.ndarray


@dataclass(frozen=True, kw_only=True)
class FunctionSpec:
    """One supported function, declared by keyword as a calculus book lists it: its name, the
    numpy forward, the derivative (as numpy ``grad(x, out)`` for autodiff and as a formula in
    ``u`` for the derivation steps), its sympy form, how a call is displayed, and where it has
    kinks. A function of two arguments adds the partial in its second argument ``v``."""

    name: str
    forward: Callable[[Array], Array]
    # The elementwise derivative at x, given out = forward(x) (exp reuses it); None: no derivative.
    grad: Callable[[Array, Array], Array] | None
    # The same derivative in our expression language, ``u`` standing for the argument.
    derivative_formula: str | None
    # Builds the sympy counterpart from the sympy module and the argument: lambda sp, u: sp.sin(u).
    sympy: Callable[[ModuleType, Any], Any]
    unicode: str
    latex: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    # Intervals where random test points are drawn (the function is smooth inside them).
    test_domains: tuple[tuple[float, float], ...] = ((-3.0, 3.0),)
    # Points where the function is continuous but has no derivative (abs and relu at 0).
    kinks: tuple[float, ...] = ()
    # Why a piecewise-constant function has no useful derivative (shown to the learner).
    no_derivative_reason: str = ""
    # How many arguments a call takes (2 for atan2). With two, ``grad`` is the partial in the
    # first argument u, called grad(u, v, out), and ``derivative_formula`` is a formula in u, v.
    arity: int = 1
    # The partial in the second argument v, as numpy grad_v(u, v, out) and as a formula in u, v.
    grad_v: Callable[[Array, Array, Array], Array] | None = None
    derivative_formula_v: str | None = None

    @property
    def differentiable(self) -> bool:
        return self.grad is not None

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The names the derivative formulas give the arguments: ``u`` (and ``v``)."""
        return ("u", "v")[: self.arity]

    @property
    def partials(self) -> tuple[Callable[..., Array], ...]:
        """∂out/∂argument for each argument, called with the argument values and ``out``."""
        if self.grad is None:
            return ()
        return (self.grad,) if self.arity == 1 else (self.grad, self.grad_v)

    @property
    def partial_formulas(self) -> tuple[str, ...]:
        """The same partials as formulas over the placeholders."""
        if self.derivative_formula is None:
            return ()
        if self.arity == 1:
            return (self.derivative_formula,)
        return (self.derivative_formula, self.derivative_formula_v)

    def to_sympy(self, *args: Any) -> Any:
        """The sympy counterpart of ``name(*args)``; sympy is loaded on first use, never by the
        parser (typing must not pay for importing it)."""
        return self.sympy(importlib.import_module("sympy"), *args)

    def display(self, arg_text: str) -> str:
        """Unicode display of a call, e.g. ``sin(x)``, ``|x|``, ``√(x)``; the arguments of a
        function of two come joined, ``atan2(y, x)``."""
        return self.unicode.format(arg_text)

    def display_placeholders(self) -> str:
        """The call over its placeholders: ``sin(u)``, ``atan2(u, v)``."""
        return self.display(", ".join(self.placeholders))

    def display_latex(self, arg_latex: str) -> str:
        return self.latex.format(arg_latex)


def _sigmoid(x: Array) -> Array:
    # exp(-softplus(-x)) never overflows, for either sign of x. Written with ufuncs only, so
    # softplus' derivative (this) can itself be differentiated by the autodiff core.
    return np.exp(-np.logaddexp(0.0, np.negative(x)))


def _softplus(x: Array) -> Array:
    return np.logaddexp(0.0, x)


def _relu(x: Array) -> Array:
    return np.maximum(x, 0)


def _step(x: Array) -> Array:
    # Heaviside with step(0) = 0, matching relu'(0) = 0.
    return (np.asarray(x) > 0).astype(np.result_type(x, np.float32))


def _atan2_reciprocal(u: Array, v: Array) -> Array:
    # 1/(u² + v²), and 0 where u = v = 0: PyTorch's atan2 backward masks the reciprocal so, and
    # torch.atan2(0, 0) backpropagates (0, 0) (checked on torch 2.13). Ufuncs and np.where
    # only, so the partials themselves can be differentiated by the autodiff core.
    denominator = u * u + v * v
    return np.where(denominator == 0, 0.0, 1.0 / denominator)


_PIECEWISE_CONSTANT = "it is piecewise constant: its slope is 0 between jumps and undefined at them"

FUNCTIONS: tuple[FunctionSpec, ...] = (
    FunctionSpec(
        name="sin",
        forward=np.sin,
        grad=lambda x, o: np.cos(x),
        derivative_formula="cos(u)",
        sympy=lambda sp, u: sp.sin(u),
        unicode="sin({})",
        latex=r"\sin\left({}\right)",
        description="sine (radians)",
    ),
    FunctionSpec(
        name="cos",
        forward=np.cos,
        grad=lambda x, o: -np.sin(x),
        derivative_formula="-sin(u)",
        sympy=lambda sp, u: sp.cos(u),
        unicode="cos({})",
        latex=r"\cos\left({}\right)",
        description="cosine (radians)",
    ),
    FunctionSpec(
        name="tan",
        forward=np.tan,
        grad=lambda x, o: 1.0 + o * o,
        derivative_formula="sec(u)^2",
        sympy=lambda sp, u: sp.tan(u),
        unicode="tan({})",
        latex=r"\tan\left({}\right)",
        test_domains=((-1.3, 1.3),),
        description="tangent, sin/cos",
    ),
    FunctionSpec(
        name="cot",
        forward=lambda x: 1.0 / np.tan(x),
        grad=lambda x, o: -(1.0 + o * o),
        derivative_formula="-csc(u)^2",
        sympy=lambda sp, u: sp.cot(u),
        unicode="cot({})",
        latex=r"\cot\left({}\right)",
        test_domains=((0.2, 2.9),),
        description="cotangent, cos/sin",
    ),
    FunctionSpec(
        name="sec",
        forward=lambda x: 1.0 / np.cos(x),
        grad=lambda x, o: o * np.tan(x),
        derivative_formula="sec(u)*tan(u)",
        sympy=lambda sp, u: sp.sec(u),
        unicode="sec({})",
        latex=r"\sec\left({}\right)",
        test_domains=((-1.3, 1.3),),
        description="secant, 1/cos",
    ),
    FunctionSpec(
        name="csc",
        forward=lambda x: 1.0 / np.sin(x),
        grad=lambda x, o: -o / np.tan(x),
        derivative_formula="-csc(u)*cot(u)",
        sympy=lambda sp, u: sp.csc(u),
        unicode="csc({})",
        latex=r"\csc\left({}\right)",
        test_domains=((0.2, 2.9),),
        description="cosecant, 1/sin",
    ),
    FunctionSpec(
        name="asin",
        aliases=("arcsin",),
        forward=np.arcsin,
        grad=lambda x, o: 1.0 / np.sqrt(1.0 - x * x),
        derivative_formula="1/sqrt(1 - u^2)",
        sympy=lambda sp, u: sp.asin(u),
        unicode="asin({})",
        latex=r"\arcsin\left({}\right)",
        test_domains=((-0.9, 0.9),),
        description="inverse sine (arcsine)",
    ),
    FunctionSpec(
        name="acos",
        aliases=("arccos",),
        forward=np.arccos,
        grad=lambda x, o: -1.0 / np.sqrt(1.0 - x * x),
        derivative_formula="-1/sqrt(1 - u^2)",
        sympy=lambda sp, u: sp.acos(u),
        unicode="acos({})",
        latex=r"\arccos\left({}\right)",
        test_domains=((-0.9, 0.9),),
        description="inverse cosine (arccosine)",
    ),
    FunctionSpec(
        name="atan",
        aliases=("arctan",),
        forward=np.arctan,
        grad=lambda x, o: 1.0 / (1.0 + x * x),
        derivative_formula="1/(1 + u^2)",
        sympy=lambda sp, u: sp.atan(u),
        unicode="atan({})",
        latex=r"\arctan\left({}\right)",
        description="inverse tangent (arctangent)",
    ),
    FunctionSpec(
        name="atan2",
        aliases=("arctan2",),
        arity=2,
        forward=np.arctan2,
        grad=lambda u, v, o: v * _atan2_reciprocal(u, v),
        derivative_formula="v/(u^2 + v^2)",
        grad_v=lambda u, v, o: -u * _atan2_reciprocal(u, v),
        derivative_formula_v="-u/(u^2 + v^2)",
        sympy=lambda sp, u, v: sp.atan2(u, v),
        unicode="atan2({})",
        latex=r"\operatorname{{atan2}}\left({}\right)",
        description="angle of the point (x, y), written atan2(y, x): from −π to π",
    ),
    FunctionSpec(
        name="sinh",
        forward=np.sinh,
        grad=lambda x, o: np.cosh(x),
        derivative_formula="cosh(u)",
        sympy=lambda sp, u: sp.sinh(u),
        unicode="sinh({})",
        latex=r"\sinh\left({}\right)",
        description="hyperbolic sine",
    ),
    FunctionSpec(
        name="cosh",
        forward=np.cosh,
        grad=lambda x, o: np.sinh(x),
        derivative_formula="sinh(u)",
        sympy=lambda sp, u: sp.cosh(u),
        unicode="cosh({})",
        latex=r"\cosh\left({}\right)",
        description="hyperbolic cosine",
    ),
    FunctionSpec(
        name="tanh",
        forward=np.tanh,
        grad=lambda x, o: 1.0 - o * o,
        derivative_formula="1 - tanh(u)^2",
        sympy=lambda sp, u: sp.tanh(u),
        unicode="tanh({})",
        latex=r"\tanh\left({}\right)",
        description="hyperbolic tangent",
    ),
    FunctionSpec(
        name="asinh",
        aliases=("arcsinh", "arsinh"),
        forward=np.arcsinh,
        grad=lambda x, o: 1.0 / np.sqrt(x * x + 1.0),
        derivative_formula="1/sqrt(u^2 + 1)",
        sympy=lambda sp, u: sp.asinh(u),
        unicode="asinh({})",
        latex=r"\operatorname{{arsinh}}\left({}\right)",
        description="inverse hyperbolic sine",
    ),
    FunctionSpec(
        name="acosh",
        aliases=("arccosh", "arcosh"),
        forward=np.arccosh,
        grad=lambda x, o: 1.0 / np.sqrt(x * x - 1.0),
        derivative_formula="1/sqrt(u^2 - 1)",
        sympy=lambda sp, u: sp.acosh(u),
        unicode="acosh({})",
        latex=r"\operatorname{{arcosh}}\left({}\right)",
        test_domains=((1.2, 3.0),),
        description="inverse hyperbolic cosine",
    ),
    FunctionSpec(
        name="atanh",
        aliases=("arctanh", "artanh"),
        forward=np.arctanh,
        grad=lambda x, o: 1.0 / (1.0 - x * x),
        derivative_formula="1/(1 - u^2)",
        sympy=lambda sp, u: sp.atanh(u),
        unicode="atanh({})",
        latex=r"\operatorname{{artanh}}\left({}\right)",
        test_domains=((-0.9, 0.9),),
        description="inverse hyperbolic tangent",
    ),
    FunctionSpec(
        name="exp",
        forward=np.exp,
        grad=lambda x, o: o,
        derivative_formula="exp(u)",
        sympy=lambda sp, u: sp.exp(u),
        unicode="exp({})",
        latex=r"e^{{{}}}",
        description="exponential, e^u",
    ),
    FunctionSpec(
        name="log",
        aliases=("ln",),
        description="natural logarithm",
        forward=np.log,
        grad=lambda x, o: 1.0 / x,
        derivative_formula="1/u",
        sympy=lambda sp, u: sp.log(u),
        unicode="ln({})",
        latex=r"\ln\left({}\right)",
        test_domains=((0.1, 5.0),),
    ),
    FunctionSpec(
        name="log2",
        forward=np.log2,
        grad=lambda x, o: 1.0 / (x * np.log(2.0)),
        derivative_formula="1/(u*ln(2))",
        sympy=lambda sp, u: sp.log(u, 2),
        unicode="log₂({})",
        latex=r"\log_{{2}}\left({}\right)",
        test_domains=((0.1, 5.0),),
        description="base-2 logarithm",
    ),
    FunctionSpec(
        name="log10",
        forward=np.log10,
        grad=lambda x, o: 1.0 / (x * np.log(10.0)),
        derivative_formula="1/(u*ln(10))",
        sympy=lambda sp, u: sp.log(u, 10),
        unicode="log₁₀({})",
        latex=r"\log_{{10}}\left({}\right)",
        test_domains=((0.1, 5.0),),
        description="base-10 logarithm",
    ),
    FunctionSpec(
        name="sqrt",
        forward=np.sqrt,
        grad=lambda x, o: 0.5 / o,
        derivative_formula="1/(2*sqrt(u))",
        sympy=lambda sp, u: sp.sqrt(u),
        unicode="√({})",
        latex=r"\sqrt{{{}}}",
        test_domains=((0.1, 5.0),),
        description="square root",
    ),
    FunctionSpec(
        name="cbrt",
        description="real cube root",
        forward=np.cbrt,
        grad=lambda x, o: 1.0 / (3.0 * o * o),
        derivative_formula="1/(3*cbrt(u)^2)",
        sympy=lambda sp, u: _real_cbrt(sp)(u),
        unicode="∛({})",
        latex=r"\sqrt[3]{{{}}}",
        test_domains=((-5.0, -0.1), (0.1, 5.0)),
    ),
    FunctionSpec(
        name="abs",
        forward=np.abs,
        grad=lambda x, o: np.sign(x),
        derivative_formula="sign(u)",
        sympy=lambda sp, u: sp.Abs(u),
        unicode="|{}|",
        latex=r"\left|{}\right|",
        kinks=(0.0,),
        test_domains=((-3.0, -0.1), (0.1, 3.0)),
        description="absolute value, also written |u|",
    ),
    FunctionSpec(
        name="sigmoid",
        description="logistic function 1/(1+e^-u)",
        forward=_sigmoid,
        grad=lambda x, o: o * (1.0 - o),
        derivative_formula="sigmoid(u)*(1 - sigmoid(u))",
        sympy=lambda sp, u: 1 / (1 + sp.exp(-u)),
        unicode="σ({})",
        latex=r"\sigma\left({}\right)",
    ),
    FunctionSpec(
        name="relu",
        description="max(u, 0)",
        forward=_relu,
        grad=lambda x, o: _step(x),
        derivative_formula="step(u)",
        sympy=lambda sp, u: sp.Max(0, u),
        unicode="relu({})",
        latex=r"\operatorname{{ReLU}}\left({}\right)",
        kinks=(0.0,),
        test_domains=((-3.0, -0.1), (0.1, 3.0)),
    ),
    FunctionSpec(
        name="softplus",
        description="ln(1 + e^u)",
        forward=_softplus,
        grad=lambda x, o: _sigmoid(x),
        derivative_formula="sigmoid(u)",
        sympy=lambda sp, u: sp.log(1 + sp.exp(u)),
        unicode="softplus({})",
        latex=r"\operatorname{{softplus}}\left({}\right)",
    ),
    FunctionSpec(
        name="floor",
        forward=np.floor,
        grad=None,
        derivative_formula=None,
        sympy=lambda sp, u: sp.floor(u),
        unicode="⌊{}⌋",
        latex=r"\left\lfloor{}\right\rfloor",
        no_derivative_reason=_PIECEWISE_CONSTANT,
        description="round down to a whole number",
    ),
    FunctionSpec(
        name="ceil",
        forward=np.ceil,
        grad=None,
        derivative_formula=None,
        sympy=lambda sp, u: sp.ceiling(u),
        unicode="⌈{}⌉",
        latex=r"\left\lceil{}\right\rceil",
        no_derivative_reason=_PIECEWISE_CONSTANT,
        description="round up to a whole number",
    ),
    FunctionSpec(
        name="sign",
        aliases=("sgn",),
        forward=np.sign,
        grad=None,
        derivative_formula=None,
        sympy=lambda sp, u: sp.sign(u),
        unicode="sign({})",
        latex=r"\operatorname{{sign}}\left({}\right)",
        no_derivative_reason=_PIECEWISE_CONSTANT,
        description="sign: -1, 0 or 1",
    ),
    FunctionSpec(
        name="step",
        aliases=("heaviside",),
        description="Heaviside step, step(0) = 0",
        forward=_step,
        grad=None,
        derivative_formula=None,
        sympy=lambda sp, u: sp.Heaviside(u, 0),
        unicode="step({})",
        latex=r"H\left({}\right)",
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


_CBRT_CLASS: Any = None


def _real_cbrt(sympy: ModuleType) -> Any:
    """A real cube root for sympy: sympy's real_root brings Piecewise/DiracDelta trouble."""
    global _CBRT_CLASS
    if _CBRT_CLASS is None:
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
