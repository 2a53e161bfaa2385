"""The one registry of differentiation rules: the operators, then every function of the table.

Read it like a handbook (HIPS/autograd's ``numpy_vjps.py``). An *elementwise* rule lists, for each
argument, the local partial ∂out/∂argument as a function of the argument values and the forward
result ``out``, plus the same partial as a formula over ``u`` (first argument) and ``v`` (second).
Reverse mode multiplies the incoming gradient by the partial, forward mode multiplies the tangent,
and the graph view shows both the number and the formula: one rule drives all three. *Structural*
rules (reductions, dot, matmul, reshape, indexing) give a vector-Jacobian product and a
Jacobian-vector product directly, because their Jacobian is not diagonal.

Piecewise-constant functions of the table (floor, ceil, sign, step) propagate zeros, as PyTorch
does. At kinks PyTorch's conventions hold: relu'(0) = 0, abs'(0) = 0 (from the table), and
maximum/minimum split the gradient evenly between equal arguments.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from explorer.core.functions import FUNCTIONS, FunctionSpec, lookup


class UnitPartial:
    """A partial that is the constant +1 or −1 (``∂(u + v)/∂u``, ``∂(u − v)/∂v``): a named
    sentinel, so reverse and forward mode pass the gradient through or negate it instead of
    multiplying; ``np.asarray`` reads it as its number (the graph view shows it)."""

    __slots__ = ("name", "sign")

    def __init__(self, name: str, sign: int) -> None:
        self.name, self.sign = name, sign

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return np.asarray(float(self.sign), dtype=dtype)

    def __float__(self) -> float:
        return float(self.sign)

    def __repr__(self) -> str:
        return self.name


PLUS_ONE = UnitPartial("PLUS_ONE", 1)
MINUS_ONE = UnitPartial("MINUS_ONE", -1)
MINUS = "\u2212"  # the typographic minus, as the expression display writes it

Partial = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class OpRule:
    """How one operation computes, differentiates and describes itself."""

    name: str
    backward_name: str
    forward: Callable[..., Any]
    # Elementwise ops: one partial per argument, f(*argument_values, out).
    partials: tuple[Partial, ...] | None = None
    # The same partials as formulas over u, v (str) or a function of the argument texts.
    partial_formulas: tuple[str | Callable[[list[str]], str], ...] | None = None
    # Structural ops: vjp(g, values, out, extra) -> one gradient (or None) per argument, and
    # jvp(tangents, values, out, extra) -> output tangent (tangents[i] is None for constants).
    vjp: Callable[..., tuple[Any, ...]] | None = None
    jvp: Callable[..., Any] | None = None
    # The operation written over u, v for edge descriptions, e.g. "u·v".
    symbol: str = ""
    # Whether backward needs values saved in the forward pass (a freed graph cannot be reused).
    saves_values: bool = True
    # The arguments whose partial reads the op's own result ``out``; None: unknown, assume all.
    # The engine may release a large ``out`` before the node's backward step when that step
    # does not read it.
    out_needed_by: tuple[int, ...] | None = None
    # For each argument, the arguments whose values its partial reads (None: all of them). An
    # argument is saved for backward (and its version checked) only if the partial of an
    # argument that requires grad reads it: in w·c, c is saved for w, and w only if c requires
    # grad (PyTorch's rule).
    reads: tuple[tuple[int, ...], ...] | None = None
    # The result shares the input's memory (a slice, a reshape that needs no copy, a transpose).
    is_view: bool = False

    def saved_arguments(self, requires_grad: tuple[bool, ...]) -> tuple[int, ...]:
        """The arguments whose values backward reads, given which arguments require grad."""
        if not self.saves_values:
            return ()
        if self.reads is None:
            return tuple(range(len(requires_grad)))
        return tuple(sorted({j for i, wants in enumerate(requires_grad) if wants
                             for j in self.reads[i]}))  # fmt: skip

    def reads_out(self, requires_grad: tuple[bool, ...]) -> bool:
        """Whether backward reads the op's own result, given which arguments require grad."""
        if self.out_needed_by is None:
            return self.saves_values
        return any(requires_grad[index] for index in self.out_needed_by)

    @property
    def elementwise(self) -> bool:
        return self.partials is not None


def _power(a: Any, b: Any) -> Any:
    # Values are numpy scalars (0-dim tensors) or arrays: an exponent that is not an array is a
    # single number.
    if type(b) is not np.ndarray and b == 2:
        return a * a  # the square numpy's ``a ** 2`` computes for arrays
    return a**b


def _pow_base_partial(a: Any, b: Any, out: Any) -> Any:
    # PyTorch's convention: where the exponent is 0 the partial is 0, even at a = 0 (where
    # b·a^(b-1) would be 0·∞ = NaN): u^0 is the constant 1.
    if np.ndim(b) == 0:
        if b == 2:
            return 2 * a  # the common square, without a second power
        if b == 0:
            return np.zeros(np.shape(a), dtype=np.result_type(a, b, np.float32))
        return b * a ** (b - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b == 0, 0.0, b * a ** (b - 1))


def _pow_exponent_partial(a: Any, b: Any, out: Any) -> Any:
    # PyTorch's convention: the exponent's partial is 0 where the base is 0 (and b >= 0).
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((a == 0) & (b >= 0), 0.0, out * np.log(a))


def _pow_base_formula(texts: list[str]) -> str:
    base, exponent = texts
    try:
        number = float(exponent)
    except ValueError:
        return substitute("v·u^(v - 1)", texts)
    if number == 0:
        return "0"
    lowered = number - 1
    lowered_text = f"{lowered:g}"
    if lowered == 1:
        return substitute(f"{exponent}·u", texts)
    if lowered == 0:
        return "1"
    return substitute(f"{exponent}·u^{_wrap(lowered_text)}", texts)


def _maximum_partials(take_first: bool) -> tuple[Partial, Partial]:
    def first(a: Any, b: Any, out: Any) -> Any:
        wins = (a > b) if take_first else (a < b)
        return wins + 0.5 * (a == b)

    def second(a: Any, b: Any, out: Any) -> Any:
        wins = (b > a) if take_first else (b < a)
        return wins + 0.5 * (a == b)

    return first, second


_MAXIMUM_PARTIALS = _maximum_partials(True)
_MINIMUM_PARTIALS = _maximum_partials(False)

# The arithmetic forwards are Python's operators rather than the ufuncs: on numpy scalars (0-dim
# values) ``a * b`` takes numpy's scalar fast path, ten times quicker than ``np.multiply(a, b)``;
# on arrays both are the same ufunc.
ADD = OpRule(
    "add", "AddBackward0", operator.add, (lambda a, b, o: PLUS_ONE, lambda a, b, o: PLUS_ONE),
    ("1", "1"), symbol="u + v", saves_values=False, out_needed_by=(),
)  # fmt: skip
SUB = OpRule(
    "sub", "SubBackward0", operator.sub, (lambda a, b, o: PLUS_ONE, lambda a, b, o: MINUS_ONE),
    ("1", "-1"), symbol="u - v", saves_values=False, out_needed_by=(),
)  # fmt: skip
MUL = OpRule("mul", "MulBackward0", operator.mul, (lambda a, b, o: b, lambda a, b, o: a),
             ("v", "u"), symbol="u·v", out_needed_by=(), reads=((1,), (0,)))  # fmt: skip
DIV = OpRule("div", "DivBackward0", operator.truediv,
             (lambda a, b, o: 1.0 / b, lambda a, b, o: -o / b), ("1/v", "-u/v^2"),
             symbol="u/v", out_needed_by=(1,), reads=((1,), (0, 1)))  # fmt: skip
POW = OpRule("pow", "PowBackward1", _power, (_pow_base_partial, _pow_exponent_partial),
             (_pow_base_formula, "u^v·ln(u)"), symbol="u^v", out_needed_by=(1,))  # fmt: skip
NEG = OpRule("neg", "NegBackward0", operator.neg, (lambda a, o: MINUS_ONE,), ("-1",), symbol="-u",
             saves_values=False, out_needed_by=())  # fmt: skip
POS = OpRule("pos", "CloneBackward0", np.positive, (lambda a, o: PLUS_ONE,), ("1",), symbol="+u",
             saves_values=False, out_needed_by=())  # fmt: skip
# 1/x: PyTorch's ``number / tensor`` is ``tensor.reciprocal() * number`` (a MulBackward0 node
# over a ReciprocalBackward0 node). The forward divides, so an integer tensor gives floats.
RECIPROCAL = OpRule("reciprocal", "ReciprocalBackward0", lambda a: np.true_divide(1, a),
                    (lambda a, o: -(o * o),), ("-1/u^2",), symbol="1/u",
                    out_needed_by=(0,))  # fmt: skip
MAXIMUM = OpRule("maximum", "MaximumBackward0", np.maximum, _MAXIMUM_PARTIALS,
                 ("[u > v] (½ if equal)", "[v > u] (½ if equal)"), symbol="max(u, v)")  # fmt: skip
MINIMUM = OpRule("minimum", "MinimumBackward0", np.minimum, _MINIMUM_PARTIALS,
                 ("[u < v] (½ if equal)", "[v < u] (½ if equal)"), symbol="min(u, v)")  # fmt: skip


def _mask(condition: Any, like: Any) -> Any:
    """A 0/1 partial in the floating dtype of ``like`` (the engine multiplies it into g)."""
    return np.asarray(condition, dtype=np.result_type(like, np.float32))


# clamp(u, lo, hi): the bounds are arguments, so tensor bounds get gradients too (PyTorch's rule:
# u's partial is 1 where lo ≤ u ≤ hi, inclusive; a bound's where it is the value taken).
CLAMP = OpRule("clamp", "ClampBackward1", lambda a, lo, hi: np.minimum(np.maximum(a, lo), hi),
               (lambda a, lo, hi, o: _mask((a >= lo) & (a <= hi), a),
                lambda a, lo, hi, o: _mask((a < lo) & (lo <= hi), lo),
                lambda a, lo, hi, o: _mask((a > hi) | (lo > hi), hi)),
               ("[lo ≤ u ≤ hi]", "[u < lo]", "[u > hi]"), symbol="clamp(u, lo, hi)",
               out_needed_by=())  # fmt: skip
# where(c, u, v): u where c holds, else v; the condition gets no gradient.
WHERE = OpRule("where", "WhereBackward0", np.where,
               (lambda c, a, b, o: _mask(np.zeros(np.shape(c)), o),
                lambda c, a, b, o: _mask(c, o), lambda c, a, b, o: _mask(~np.asarray(c), o)),
               ("0", "[c]", "[not c]"), symbol="where(c, u, v)", out_needed_by=())  # fmt: skip

# PyTorch's accurate log(1 + u) and eᵘ − 1 (not functions of the expression language).
LOG1P = OpRule("log1p", "Log1PBackward0", np.log1p, (lambda a, o: 1.0 / (1.0 + a),),
               ("1/(1 + u)",), symbol="log1p(u)", out_needed_by=())  # fmt: skip
EXPM1 = OpRule("expm1", "Expm1Backward0", np.expm1, (lambda a, o: o + 1.0,), ("exp(u)",),
               symbol="expm1(u)")  # fmt: skip

# t.fill_(v) / t.zero_() while a graph is recorded: the old values no longer matter.
FILL = OpRule("fill", "FillBackward0",
              lambda a, v: np.broadcast_to(v, np.shape(a)).astype(np.result_type(a)),
              (lambda a, v, o: _mask(np.zeros(np.shape(o)), o), lambda a, v, o: PLUS_ONE),
              ("0", "1"), symbol="fill(u, v)", saves_values=False, out_needed_by=())  # fmt: skip
ZERO = replace(FILL, backward_name="ZeroBackward0")

# u mod v with the sign of v (Python's %, PyTorch's remainder): u − v·floor(u/v).
REMAINDER = OpRule("remainder", "RemainderBackward0", np.remainder,
                   (lambda a, b, o: PLUS_ONE, lambda a, b, o: -np.floor_divide(a, b)),
                   ("1", "-floor(u/v)"), symbol="u mod v", out_needed_by=())  # fmt: skip
# floor(u/v) is piecewise constant: zero partials, as for floor in the table.
FLOOR_DIVIDE = OpRule("floor_divide", "FloorDivideBackward0", np.floor_divide,
                      (lambda a, b, o: _mask(np.zeros(np.shape(o)), o),
                       lambda a, b, o: _mask(np.zeros(np.shape(o)), o)),
                      ("0", "0"), symbol="floor(u/v)", out_needed_by=())  # fmt: skip

# PyTorch names some scalar-operand variants differently (x ** 2 is PowBackward0, 2 ** x is
# PowBackward2, 1 - x is RsubBackward1); the graph's grad_fn names follow it. Not x + 1 or x - 1:
# Python numbers reach add/sub as 0-dim tensors, so those stay AddBackward0 and SubBackward0.
POW_SCALAR_EXPONENT = replace(POW, backward_name="PowBackward0")
POW_SCALAR_BASE = replace(POW, backward_name="PowBackward2")
RSUB_SCALAR = replace(SUB, backward_name="RsubBackward1")
CLAMP_MIN = replace(CLAMP, backward_name="ClampMinBackward0")
CLAMP_MAX = replace(CLAMP, backward_name="ClampMaxBackward0")


def _table_partial(spec: FunctionSpec) -> Partial:
    if spec.grad is not None:
        return spec.grad
    # Shape and dtype only: the value may have been released after backward.
    return lambda x, out: np.zeros(np.shape(out), dtype=np.result_type(out.dtype, np.float32))


def _table_rule(spec: FunctionSpec) -> OpRule:
    if spec.arity == 2:  # atan2: both partials read both arguments, neither reads out
        return OpRule(
            name=spec.name,
            backward_name=f"{spec.name.capitalize()}Backward0",
            forward=spec.forward,
            partials=spec.partials,
            partial_formulas=spec.partial_formulas,
            symbol=spec.display_placeholders(),
            out_needed_by=(),
        )
    formula = spec.derivative_formula if spec.derivative_formula is not None else "0"
    return OpRule(
        name=spec.name,
        backward_name=f"{spec.name.capitalize()}Backward0",
        forward=spec.forward,
        partials=(_table_partial(spec),),
        partial_formulas=(formula,),
        symbol=spec.display("u"),
        saves_values=spec.grad is not None,
    )


# Every function of the table, under its canonical name; aliases resolve through functions.lookup.
TABLE_RULES: dict[str, OpRule] = {spec.name: _table_rule(spec) for spec in FUNCTIONS}


def unary_rule(name: str) -> OpRule:
    """The rule of a table function by canonical name or alias."""
    spec = lookup(name)
    if spec is None:
        raise KeyError(name)
    return TABLE_RULES[spec.name]


# ---- formulas over u and v -------------------------------------------------------------------

_OPERATOR_CHARACTERS = set("+-−·*/^ ")


def _is_atomic(text: str) -> bool:
    """True when ``text`` needs no parentheses as an operand (a name, a number, a call, |x|)."""
    depth = 0
    for index, character in enumerate(text):
        if character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif depth == 0 and character in _OPERATOR_CHARACTERS:
            # A leading sign makes a negative literal: still needs parentheses after ^ or ·.
            return False
        elif depth == 0 and character == "|" and index not in (0, len(text) - 1):
            return False
    return True


def _wrap(text: str) -> str:
    return text if _is_atomic(text) else f"({text})"


# A placeholder is ``u`` or ``v`` standing alone as an identifier of the formula language (ASCII
# letters, digits, underscore): ``Σu``, ``uᵀ``, ``‖u‖`` hold one, ``sum(u)`` and ``value`` do not
# hold a second. (``str.isalnum`` would count Σ and ᵀ as letters and leave the ``u`` in place.)
_PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9_])[uv](?![A-Za-z0-9_])")
# ``^`` followed by a small integer, or a bracketed negative one, that nothing else continues (no
# decimals, no further ``^``): the display writes such powers as superscripts (``x²``, ``x⁻¹``).
_INTEGER_POWER = re.compile(r"\^(?:(\d{1,4})|\([-−](\d{1,4})\))(?![\d.^A-Za-z_(])")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript_powers(text: str) -> str:
    """Integer powers as the expression display writes them: ``tanh(p·q)^2`` → ``tanh(p·q)²``."""

    def power(match: re.Match) -> str:
        positive, negative = match.groups()
        return (
            positive.translate(_SUPERSCRIPT) if positive else "⁻" + negative.translate(_SUPERSCRIPT)
        )

    return _INTEGER_POWER.sub(power, text)


def substitute(template: str, texts: list[str]) -> str:
    """Put argument texts into a formula over u, v, adding parentheses only where needed."""

    def argument(match: re.Match) -> str:
        text = texts[0 if match.group() == "u" else 1]
        start, end = match.span()
        enclosed = template[start - 1 : start] == "(" and template[end : end + 1] == ")"
        return text if enclosed else _wrap(text)

    # The template's own minus signs and products become typographic; argument texts are kept.
    pieces, position = [], 0
    for match in _PLACEHOLDER.finditer(template):
        pieces.append(_typographic(template[position : match.start()]))
        pieces.append(argument(match))
        position = match.end()
    pieces.append(_typographic(template[position:]))
    return superscript_powers("".join(pieces).replace("*", "·"))


def _typographic(template_text: str) -> str:
    return template_text.replace("-", MINUS)


def partial_formula(rule: OpRule, argument_index: int, texts: list[str]) -> str | None:
    """∂out/∂argument as text over the actual argument texts, or None if not elementwise."""
    if rule.partial_formulas is None:
        return None
    template = rule.partial_formulas[argument_index]
    if callable(template):
        return template(texts)
    return substitute(template, texts)


def describe_partial(rule: OpRule, argument_index: int) -> str:
    """Human text for an edge, e.g. "∂(u·v)/∂u = v"."""
    variable = "uv"[argument_index] if argument_index < 2 else f"arg{argument_index}"
    if rule.partial_formulas is not None:
        template = rule.partial_formulas[argument_index]
        generic = _pow_generic(template) if callable(template) else template
        text = f"∂({rule.symbol})/∂{variable} = {generic}"
        return text.replace("*", "·").replace("-", MINUS)
    return STRUCTURAL_DESCRIPTIONS.get(rule.name, ("", ""))[min(argument_index, 1)]


def _pow_generic(template: Callable[[list[str]], str]) -> str:
    return "v·u^(v - 1)"


# Structural rules are defined in structural.py; their edge descriptions live with them.
STRUCTURAL_DESCRIPTIONS: dict[str, tuple[str, str]] = {}
# Structural rules whose vector-Jacobian product can run on tensors, so a gradient can be
# differentiated again (``create_graph=True``), by rule name: most are the rule's own vjp (numpy
# functions in it record through ``numpy_protocol``); a rule missing here refuses create_graph.
GRAPH_VJPS: dict[str, Callable[..., tuple[Any, ...]]] = {}
