"""The expression language's reference: every operator, constant and function, an example of
each and its derivative rule, for Help ▸ Expression syntax.

The functions and constants come from the one table (``explorer.core.functions``): their rules
are the table's derivative formulas shown in our own notation, so the list cannot drift from
what the parser accepts and what the derivative steps use. The operators are the grammar's
(``tokens`` and ``parser``); a test checks each example parses and each operator is listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.expr.display import format_latex, format_unicode
from explorer.core.expr.expression import parse
from explorer.core.expr.nodes import BinaryOp, Node, UnaryOp, Variable
from explorer.core.functions import CONSTANTS, FUNCTIONS, FunctionSpec

NUMBERS_AND_NAMES = "Numbers, constants and variables"
OPERATORS = "Operators"
FUNCTIONS_CATEGORY = "Functions"
CATEGORIES = (NUMBERS_AND_NAMES, OPERATORS, FUNCTIONS_CATEGORY)


@dataclass(frozen=True)
class SyntaxEntry:
    """One row of the syntax list: what to type, an example that parses, and its rule."""

    category: str
    write: str  # what to type, e.g. "sin(u)" or "^  **"
    example: str  # a complete input that parses, e.g. "sin(2x)"
    meaning: str
    derivative_rule: str
    also: tuple[str, ...] = ()  # other spellings (aliases)

    def matches(self, query: str) -> bool:
        """Case-insensitive search over every column (``""`` matches everything)."""
        words = query.casefold().split()
        text = " ".join(
            (self.write, self.example, self.meaning, self.derivative_rule, *self.also)
        ).casefold()
        return all(word in text for word in words)


_PRODUCT_RULE = "(u·v)′ = u′·v + u·v′"

_NUMBERS_AND_NAMES: tuple[SyntaxEntry, ...] = (
    SyntaxEntry(
        NUMBERS_AND_NAMES, "2  .5  1e-3", "2.5x + 1e-3", "numbers; 1e-3 is 0.001", "c′ = 0"
    ),
    SyntaxEntry(NUMBERS_AND_NAMES, "x", "x^2", "the variable", "x′ = 1"),
    SyntaxEntry(
        NUMBERS_AND_NAMES,
        "a  b  k …",
        "a*x^2 + b",
        "parameters: single letters other than x (and e) get a slider each",
        "a constant while differentiating: (a·u)′ = a·u′",
    ),
    SyntaxEntry(
        NUMBERS_AND_NAMES,
        "y =  f(x) =",
        "y = x^2",
        "an optional name in front, skipped",
        "—",
    ),
)

_OPERATORS: tuple[SyntaxEntry, ...] = (
    SyntaxEntry(OPERATORS, "+", "x + 1", "sum", "(u + v)′ = u′ + v′"),
    SyntaxEntry(
        OPERATORS,
        "-",
        "x - 1",
        "difference; in front it negates: -x^2 is −(x²)",
        "(u − v)′ = u′ − v′",
    ),
    SyntaxEntry(OPERATORS, "*", "x*sin(x)", "product", _PRODUCT_RULE),
    SyntaxEntry(
        OPERATORS,
        "3x  2(x+1)  (x+1)(x-1)  2pi",
        "3x(x+1)",
        "product written without *",
        _PRODUCT_RULE,
    ),
    SyntaxEntry(OPERATORS, "/", "1/x", "quotient", "(u/v)′ = (u′·v − u·v′)/v²"),
    SyntaxEntry(
        OPERATORS,
        "^  **",
        "x^3",
        "power, from the right: 2^3^2 is 2⁹",
        "(uⁿ)′ = n·uⁿ⁻¹·u′;  (aᵘ)′ = aᵘ·ln(a)·u′;  (uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u)",
        also=("exponent", "power rule"),
    ),
    SyntaxEntry(OPERATORS, "( )", "2(x + 1)^2", "brackets group", "—"),
    SyntaxEntry(
        OPERATORS,
        "| |",
        "|x - 1|",
        "absolute value, the same as abs(u)",
        "|u|′ = sign(u)·u′, none where u = 0",
    ),
)


def _constant_entry(name: str) -> SyntaxEntry:
    value, _sympy_name, shown, _latex = CONSTANTS[name]
    meaning = {"pi": "π, half a turn in radians", "e": "Euler's number, the base of ln"}[name]
    # "2e" would read as an unfinished number like 2e3, so e's example is a power.
    example = {"pi": "2pi", "e": "e^x"}.get(name, f"2*{name}")
    return SyntaxEntry(
        NUMBERS_AND_NAMES, name, example, f"{meaning} ({shown} ≈ {value:.5f})", f"{name}′ = 0"
    )


def _split_sign(tree: Node) -> tuple[int, Node]:
    """``-u/w`` → (−1, ``u/w``): the minus of a leading factor, written as the term's sign."""
    if isinstance(tree, UnaryOp) and tree.op == "-":
        return -1, tree.operand
    if isinstance(tree, BinaryOp) and tree.op in "*/":
        sign, left = _split_sign(tree.left)
        return sign, BinaryOp(tree.op, left, tree.right)
    return 1, tree


def partials_rule(spec: FunctionSpec) -> tuple[str, str]:
    """The chain rule through each argument of a function of two, Unicode and LaTeX, e.g.
    ``v/(u² + v²)·u′ − u/(u² + v²)·v′`` for atan2(u, v), from the table's partials."""
    text = latex = ""
    terms = zip(spec.partial_formulas, spec.placeholders, strict=True)
    for index, (formula, name) in enumerate(terms):
        sign, magnitude = _split_sign(parse(formula, variables=spec.placeholders).tree)
        if index or sign < 0:
            text += f" {'−' if sign < 0 else '+'} " if index else "−"
            latex += f" {'-' if sign < 0 else '+'} " if index else "-"
        text += f"{format_unicode(magnitude)}·{name}′"
        latex += rf"{format_latex(magnitude)}\,{name}'"
    return text, latex


def derivative_rule(spec: FunctionSpec) -> str:
    """The chain-rule form of the table's derivative, e.g. ``sin(u)′ = cos(u)·u′``."""
    if spec.derivative_formula is None:
        return f"none — {spec.no_derivative_reason}"
    if spec.arity == 2:
        # atan2 has no derivative at the origin, where it has no value either.
        return f"{spec.display_placeholders()}′ = {partials_rule(spec)[0]}, none where u = v = 0"
    # The table's formula is text in our own language; shown times u′ as our display writes a
    # product, brackets decided by the display (1 − tanh(u)² is bracketed, cos(u) is not).
    formula = parse(spec.derivative_formula, variables=("u",)).tree
    rule = f"{spec.display('u')}′ = {format_unicode(BinaryOp('*', formula, Variable('u′')))}"
    if spec.kinks:
        rule += ", none where u = 0"
    return rule


def _function_entry(spec: FunctionSpec) -> SyntaxEntry:
    example_argument = {"acosh": "x + 2", "log": "x^2 + 1", "atan2": "y, x"}.get(spec.name, "2x")
    return SyntaxEntry(
        FUNCTIONS_CATEGORY,
        f"{spec.name}({', '.join(spec.placeholders)})",
        f"{spec.name}({example_argument})",
        spec.description,
        derivative_rule(spec),
        also=spec.aliases,
    )


def syntax_entries() -> tuple[SyntaxEntry, ...]:
    """Every row of the syntax list, in the order the dialog shows them."""
    constants = tuple(_constant_entry(name) for name in CONSTANTS)
    functions = tuple(_function_entry(spec) for spec in FUNCTIONS)
    return (*_NUMBERS_AND_NAMES[:1], *constants, *_NUMBERS_AND_NAMES[1:], *_OPERATORS, *functions)
