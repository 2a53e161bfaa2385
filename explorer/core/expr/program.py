"""``parse_program(text)``: several named definitions, one per line, as the seed writes them.

    a = (w + x + y + z)^2
    b = (w + x - y - z)^2
    u = (a + b)^2
    v = (a - b)^2
    f = (u + v)^2

Each line is ``name = expression``; the last line may be a bare expression, which is then named
``out``. A name may only use inputs and EARLIER definitions; using a later one or defining a name
twice is an error with its line and column. ``;`` is not a separator (new lines only). Without
declared ``variables``, free names that look like variables (``x``, ``w1``, ``x_2``) become the
program's inputs, in order of first use. Every line gets the same checks as ``parse`` (nesting,
sizes, division by zero), and facts about constant definitions carry over to later lines, so
``a = 9^9`` then ``b = 9^a`` is refused like ``9^9^9`` would be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from explorer.core.expr.amounts import start_exact_budget
from explorer.core.expr.checks import ConstantChecker, Facts
from explorer.core.expr.display import format_latex, format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.expr.expression import (
    MAX_LENGTH,
    check_variable_names,
    prepare_text,
    refuse_foreign_letters,
)
from explorer.core.expr.nodes import Definition, Program
from explorer.core.expr.parser import Parser
from explorer.core.expr.scope import Scope
from explorer.core.expr.source import Source
from explorer.core.expr.to_numpy import tree_to_numpy
from explorer.core.expr.to_sympy import real_symbol, tree_to_sympy
from explorer.core.expr.tokens import (
    COMMA,
    END,
    EQUALS,
    LPAREN,
    NAME,
    NEWLINE,
    RPAREN,
    Token,
    tokenize,
)
from explorer.core.functions import CONSTANTS, lookup

MAX_PROGRAM_LENGTH = 5000
MAX_PROGRAM_TOKENS = 3000
MAX_DEFINITIONS = 100
OUTPUT_NAME = "out"


class ProgramExpression:
    """A parsed program: definitions in order, its inputs, and the name of its output."""

    __slots__ = ("text", "tree", "inputs", "declared_variables", "_numpy")

    def __init__(
        self, text: str, tree: Program, inputs: tuple[str, ...], declared: tuple[str, ...]
    ):
        self.text = text
        self.tree = tree
        self.inputs = inputs
        self.declared_variables = declared
        self._numpy: Callable[..., np.ndarray] | None = None

    @property
    def definitions(self) -> tuple[Definition, ...]:
        return self.tree.definitions

    @property
    def output_name(self) -> str:
        return self.tree.output.name

    def __repr__(self) -> str:
        return f"ProgramExpression({self.text!r})"

    def symbols(self) -> dict[str, Any]:
        return {name: real_symbol(name) for name in (*self.declared_variables, *self.inputs)}

    def definition_sympy(self) -> dict[str, Any]:
        """Each definition's sympy expression in terms of the inputs (earlier ones substituted)."""
        known = self.symbols()
        result: dict[str, Any] = {}
        for definition in self.definitions:
            result[definition.name] = known[definition.name] = tree_to_sympy(definition.expr, known)
        return result

    def to_sympy(self) -> Any:
        """The output in terms of the inputs, every definition substituted."""
        return self.definition_sympy()[self.output_name]

    def numpy_function(self) -> Callable[..., np.ndarray]:
        """``f(w=..., x=..., ...) -> float64 array`` of the output, broadcast to the inputs."""
        if self._numpy is None:
            self._numpy = tree_to_numpy(self.tree)
        return self._numpy

    def display(self) -> str:
        return format_unicode(self.tree)

    def latex(self) -> str:
        return format_latex(self.tree)


def _split_lines(tokens: list[Token]) -> list[list[Token]]:
    """Token lists per non-empty line, each closed by the NEWLINE or END that ended it."""
    lines: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.kind in (NEWLINE, END):
            if current:
                lines.append([*current, token])
            current = []
        else:
            current.append(token)
    return lines


def _definition_head(line: list[Token]) -> Token | None:
    """The name token of ``name = …``, or None for a bare expression."""
    if len(line) > 2 and line[0].kind == NAME and line[1].kind == EQUALS:
        return line[0]
    return None


def _check_heads(source: Source, lines: list[list[Token]], declared: tuple[str, ...]) -> dict:
    """Validate definition names; return name -> line number of every definition."""
    lines_of: dict[str, int] = {}
    for index, line in enumerate(lines):
        _refuse_function_head(source, line)
        head = _definition_head(line)
        if head is None:
            if index < len(lines) - 1:
                _refuse_bare_line(source, line)
            continue
        name = head.text
        problem = None
        if lookup(name) is not None:
            problem = f"'{name}' is a function; pick another name"
        elif name in CONSTANTS:
            problem = f"'{name}' is the constant {name}; pick another name"
        elif name in declared:
            problem = f"'{name}' is an input variable; pick another name"
        elif name in lines_of:
            problem = f"'{name}' is already defined on line {lines_of[name]}"
        if problem:
            raise source.error(problem, head.start)
        lines_of[name] = source.line_of(head.start)
    return lines_of


def _refuse_function_head(source: Source, line: list[Token]) -> None:
    """``f(x) = x^2`` in a program: the single-formula 'f(x) =' prefix does not apply here."""
    kinds = [token.kind for token in line]
    if kinds[:2] != [NAME, LPAREN] or EQUALS not in kinds:
        return
    equals = kinds.index(EQUALS)
    inside = kinds[2 : equals - 1]
    if kinds[equals - 1] != RPAREN or inside != [NAME, COMMA] * (len(inside) // 2) + [NAME]:
        return
    body = source.text[line[equals].end : line[-1].start].strip()
    body = (body if len(body) <= 40 else body[:37] + "…") or "…"
    message = f"Write '{line[0].text} = {body}' (definitions name a value, not a function)"
    raise source.error(message, line[1].start, line[equals - 1].end)


def _refuse_bare_line(source: Source, line: list[Token]) -> None:
    first = line[0]
    if first.kind == NAME and any(token.kind == EQUALS for token in line):
        if line[1].kind == COMMA:
            message = "Write one definition per line: a = …, then b = … on the next line"
            raise source.error(message, line[1].start)
        equals = next(token for token in line if token.kind == EQUALS)
        message = "'=' must follow a single name at the start of the line: name = expression"
        raise source.error(message, equals.start)
    message = "Only the last line may be a bare expression; give this one a name: a = …"
    raise source.error(message, first.start)


def parse_program(text: str, variables: Sequence[str] | None = None) -> ProgramExpression:
    """Parse a program of definitions, one per line; raises ``ExprError`` with line and column."""
    declared = check_variable_names(variables or ())
    stripped = prepare_text(text)
    if not stripped:
        raise ExprError("Enter a definition such as f = (x + y)^2")
    if len(stripped) > MAX_PROGRAM_LENGTH:
        message = f"Program is too long ({len(stripped)} characters, max {MAX_PROGRAM_LENGTH})"
        raise ExprError(message, MAX_PROGRAM_LENGTH + 1)
    source = Source(stripped, multiline=True)
    refuse_foreign_letters(source)
    start_exact_budget()  # one allowance for the whole program, not one per line
    lines = _split_lines(tokenize(stripped, newlines=True, max_tokens=MAX_PROGRAM_TOKENS))
    if len(lines) > MAX_DEFINITIONS:
        message = f"Program has too many lines ({len(lines)}, max {MAX_DEFINITIONS})"
        raise source.error(message, lines[MAX_DEFINITIONS][0].start)
    lines_of = _check_heads(source, lines, declared)
    scope = Scope(declared, free_inputs=variables is None)
    facts: dict[str, Facts] = {}
    definitions: list[Definition] = []
    for line in lines:
        head = _definition_head(line)
        if line[-1].start - line[0].start > MAX_LENGTH:
            raise source.error(f"Line is too long (max {MAX_LENGTH} characters)", line[0].start)
        scope.later = {
            name: number for name, number in lines_of.items() if name not in scope.defined
        }
        scope.defining = head.text if head else None
        checker = ConstantChecker(source.error, source.snippet, facts)
        expression = Parser(line, source, scope, checker, start=2 if head else 0).parse()
        name = head.text if head else OUTPUT_NAME
        start = head.start if head else expression.span[0]
        definitions.append(Definition(name, expression, (start, expression.span[1])))
        facts[name] = checker.facts(expression)
        scope.defined.add(name)
    inputs = tuple(scope.used)
    tree = Program(tuple(definitions), (0, len(stripped)))
    return ProgramExpression(stripped, tree, inputs, declared)
