"""``parse(text)`` -> ``Expression``: the checked tree of one formula and everything made from it.

The text is normalised (Unicode spaces become spaces) and stripped of surrounding whitespace and
a trailing newline; node spans count in that stripped text, error columns in the text as typed
(``"   3x^"`` points at the ``^``, column 6), so an input box can mark them. An optional leading
``y =`` (also ``z =``, ``f =``, ``g =``, ``h =``) or ``f(x) =`` is accepted and skipped; any other
``=`` is explained as an error. Limits checked before any sympy work: at most 500 characters and
500 tokens, 40 levels of nesting, 30 digits per number, folded constants within 1e±300, symbolic
exponents up to 1000 (see ``checks``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from typing import Any

import numpy as np

from explorer.core.expr.amounts import start_exact_budget
from explorer.core.expr.checks import ConstantChecker
from explorer.core.expr.display import format_latex, format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.expr.names import VARIABLE_LIKE
from explorer.core.expr.nodes import Node
from explorer.core.expr.parser import Parser
from explorer.core.expr.scope import Scope
from explorer.core.expr.source import Source
from explorer.core.expr.to_numpy import tree_to_numpy
from explorer.core.expr.to_sympy import SYMBOLIC_FAILURE, real_symbol, tree_to_sympy
from explorer.core.expr.tokens import (
    COMMA,
    END,
    EQUALS,
    ERROR,
    LPAREN,
    NAME,
    RPAREN,
    Token,
    first_foreign_letter,
    normalize_spaces,
    tokenize,
    unicode_message,
)
from explorer.core.functions import CONSTANTS, lookup

MAX_LENGTH = 500
MAX_TOKENS = 500
# Texts up to this many times the length limit are parsed in full to find their leftmost problem.
_FULL_CHECK_FACTOR = 10
PREFIX_NAMES = ("y", "z", "f", "g", "h")
EMPTY_MESSAGE = "Enter an expression, e.g. x^2 - 3x"


class Expression:
    """One parsed, checked formula. Immutable; conversions are computed on demand."""

    __slots__ = ("_text", "_tree", "_variables", "_declared", "_parameters", "_numpy")

    def __init__(
        self,
        text: str,
        tree: Node,
        variables: tuple[str, ...],
        declared_variables: tuple[str, ...],
        parameters: tuple[str, ...],
    ):
        self._text = text
        self._tree = tree
        self._variables = variables
        self._declared = declared_variables
        self._parameters = parameters
        self._numpy: Callable[..., np.ndarray] | None = None

    text = property(lambda self: self._text, doc="The normalised, stripped source text.")
    tree = property(lambda self: self._tree, doc="The root node of our expression tree.")
    variables = property(lambda self: self._variables, doc="Declared variables used, in order.")
    declared_variables = property(lambda self: self._declared, doc="What the panel declared.")
    parameters = property(lambda self: self._parameters, doc="Slider parameters used, sorted.")

    def __repr__(self) -> str:
        return f"Expression({self._text!r})"

    def symbols(self) -> dict[str, Any]:
        """Real sympy symbols for every declared variable and parameter."""
        return {name: real_symbol(name) for name in (*self._declared, *self._parameters)}

    def to_sympy(self, symbols: dict[str, Any] | None = None) -> Any:
        """The sympy form (sympy may simplify on construction, e.g. ``x/x`` -> 1)."""
        return tree_to_sympy(self._tree, symbols if symbols is not None else self.symbols())

    def derivative(self, var: str = "x") -> Any:
        """``sympy.diff`` by ``var``, unsimplified; ``ExprError`` if sympy fails."""
        import sympy

        symbols = self.symbols()
        symbol = symbols.get(var) or real_symbol(var)
        expression = self.to_sympy(symbols)
        try:
            return sympy.diff(expression, symbol)
        except Exception as error:  # noqa: BLE001 - sympy may raise anything internally
            raise ExprError(f"{SYMBOLIC_FAILURE} ({type(error).__name__})") from error

    def numpy_function(self) -> Callable[..., np.ndarray]:
        """``f(x=..., a=...) -> float64 array`` broadcast to the inputs' shape (NaN for complex).

        Every variable and parameter the expression uses must be given; extra keywords (a slider
        the expression no longer uses, ``y`` in a 2-D panel for ``x^2``) only take part in the
        broadcasting.
        """
        if self._numpy is None:
            self._numpy = tree_to_numpy(self._tree)
        return self._numpy

    def evaluate(self, **values: Any) -> np.ndarray | float:
        """Evaluate at the given values: a float for scalar inputs, else a float64 array."""
        result = self.numpy_function()(**values)
        return float(result) if result.ndim == 0 else result

    def display(self) -> str:
        """Unicode echo of how the text was read, e.g. ``1/2x`` -> ``(1/2)·x``."""
        return format_unicode(self._tree)

    def latex(self) -> str:
        return format_latex(self._tree)


def prepare_text(text: str) -> str:
    """Normalise spaces and strip surrounding whitespace (a pasted trailing newline included)."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    return normalize_spaces(text).strip()


def too_long_error(
    stripped: str, max_length: int, attempt: Callable[[str], object], what: str = "Expression"
) -> ExprError:
    """The error for an over-long text: its leftmost problem if that lies within the limit.

    A 5,000-digit number is reported as "Number has too many digits" at column 1 and 300 nested
    brackets as too deep at column 41, which says more than "too long". Only moderately long texts
    are parsed in full to look for such a problem, and ``attempt`` looks no names up (an unknown
    3,000-letter word is simply too long); for the rest the first ``max_length`` characters are
    tokenized, which finds bad characters and oversized numbers.
    """
    length_error = ExprError(
        f"{what} is too long ({len(stripped)} characters, max {max_length})", max_length + 1
    )
    try:
        if len(stripped) <= _FULL_CHECK_FACTOR * max_length:
            attempt(stripped)
        else:
            for token in tokenize(stripped[: max_length + 1]):
                if token.kind == ERROR and token.start < max_length:
                    return ExprError(token.message, token.start + 1)
    except ExprError as error:
        if error.column is not None and error.column <= max_length and error.line in (None, 1):
            return error
    return length_error


def refuse_foreign_letters(source: Source) -> None:
    """A non-ASCII letter anywhere is the first thing reported (``sіn`` with a Cyrillic і).

    Otherwise the ASCII letters around it would be read as a shorter name and the learner would
    hear about an unknown ``s`` instead of the one character that must be retyped.
    """
    offset = first_foreign_letter(source.text)
    if offset is not None:
        raise source.error(unicode_message(source.text[offset]), offset, offset + 1)


def check_variable_names(variables: Sequence[str]) -> tuple[str, ...]:
    names = tuple(variables)
    for name in names:
        if not VARIABLE_LIKE.match(name) or lookup(name) or name in CONSTANTS:
            raise ValueError(f"cannot declare {name!r} as a variable")
    return names


def _prefix_length(tokens: list[Token], variables: tuple[str, ...]) -> int:
    """How many tokens a leading ``y =`` or ``f(x) =`` takes (0 when there is none)."""
    first = tokens[0]
    if first.kind != NAME or first.text in variables or first.text in CONSTANTS:
        return 0
    if tokens[1].kind == EQUALS and first.text in PREFIX_NAMES:
        return 2
    if tokens[1].kind != LPAREN or lookup(first.text) is not None:
        return 0
    position = 2
    while tokens[position].kind == NAME:
        position += 1
        if tokens[position].kind != COMMA:
            break
        position += 1
    if tokens[position].kind == RPAREN and tokens[position + 1].kind == EQUALS:
        return position + 2
    return 0


def parse(
    text: str,
    variables: Sequence[str] = ("x",),
    *,
    parameters: bool = False,
    functions: Collection[str] = (),
) -> Expression:
    """Parse and check one formula in the given variables; raises ``ExprError``.

    With ``parameters`` unknown single lowercase letters (not ``e``) become slider parameters.
    ``functions`` names functions of one variable defined elsewhere (``f`` for ``g(x) = f(x - 1)``):
    their calls, with up to two primes (``f'(x)``), stay in the tree as ``Call`` nodes named
    ``f``, ``f'``, ``f''`` for the caller to expand; nothing else can evaluate them.
    """
    declared = check_variable_names(variables)
    stripped = prepare_text(text)
    if not stripped:
        raise ExprError(EMPTY_MESSAGE)
    try:
        if len(stripped) > MAX_LENGTH:
            # Names are not looked up: a 3,000-letter unknown word is "too long", not "unknown".
            attempt = functools.partial(
                _parse_stripped,
                declared=declared,
                parameters=parameters,
                max_tokens=10 * MAX_TOKENS,
                functions=functions,
                any_name=True,
            )
            raise too_long_error(stripped, MAX_LENGTH, attempt)
        return _parse_stripped(stripped, declared, parameters, MAX_TOKENS, functions)
    except ExprError as error:
        raise in_typed_text(error, text) from None


def in_typed_text(error: ExprError, text: str) -> ExprError:
    """``error`` (columns in the stripped text) with columns in ``text`` as it was typed."""
    normalised = normalize_spaces(text)
    leading = len(normalised) - len(normalised.lstrip())
    if not leading or error.column is None:
        return error
    end_column = None if error.end_column is None else error.end_column + leading
    return ExprError(error.message, error.column + leading, end_column, line=error.line)


def _parse_stripped(
    stripped: str,
    declared: tuple[str, ...],
    parameters: bool,
    max_tokens: int,
    functions: Collection[str] = (),
    any_name: bool = False,
) -> Expression:
    source = Source(stripped)
    refuse_foreign_letters(source)
    start_exact_budget()
    tokens = tokenize(stripped, max_tokens=max_tokens)
    start = _prefix_length(tokens, declared)
    if start and tokens[start].kind == END:
        raise source.error(f"Enter an expression after '='. {EMPTY_MESSAGE}", len(stripped))
    scope = Scope(declared, parameters=parameters, functions=functions, any_name=any_name)
    checker = ConstantChecker(source.error, source.snippet)
    tree = Parser(tokens, source, scope, checker, start=start).parse()
    used = tuple(name for name in declared if name in scope.used)
    return Expression(stripped, tree, used, declared, tuple(sorted(scope.parameters)))
