"""Pratt parser of the expression language (in the style of matklad's minipratt), building our tree.

Binding powers, loosest first: ``+ -`` (10), ``* /`` and implicit multiplication (20, all
left-associative), prefix ``- +`` (30), ``^`` (41/40, right-associative). So ``1 + 2 * 3`` is
``(+ 1 (* 2 3))``, ``-x^2`` is ``-(x^2)``, ``2^-1`` works, ``2^3^2`` is ``2^(3^2)``, and ``1/2x`` is
``(1/2)·x`` (read left to right, as a calculator does; ``display()`` echoes it with brackets).

Implicit multiplication (decided here): a complete operand followed by a name, ``(`` or an opening
``|`` multiplies: ``3x``, ``2pi``, ``2(x+1)``, ``(x+1)(x-1)``, ``x(x+1)``, ``x sin(x)``, ``2|x|``.
A number after a complete operand does not (``2 3`` is "Two numbers in a row", ``x 2`` asks for an
operator). Functions need parentheses (``sin x`` suggests ``sin(x)``), which keeps ``sin x cos x``
from being ambiguous. ``|`` closes the innermost open bar when it follows a complete operand and
opens a new one otherwise, so ``||x|-1|`` nests. Nesting (brackets, bars, calls, prefix signs and
``^`` chains) is capped at 40 levels, which also bounds the recursion of this parser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from explorer.core.expr.checks import ConstantChecker
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable
from explorer.core.expr.scope import Scope
from explorer.core.expr.source import Source
from explorer.core.expr.tokens import (
    BAR,
    COMMA,
    END,
    EQUALS,
    ERROR,
    LPAREN,
    NAME,
    NEWLINE,
    NUMBER,
    OPERATOR,
    RPAREN,
    Token,
)
from explorer.core.functions import CONSTANTS, FunctionSpec, lookup

MAX_DEPTH = 40
# f' and f'' of a panel-defined function (``Scope.functions``); more primes are refused.
MAX_PRIMES = 2
INFIX_BINDING = {"+": (10, 11), "-": (10, 11), "*": (20, 21), "/": (20, 21), "^": (41, 40)}
IMPLICIT_BINDING = (20, 21)
PREFIX_BINDING = 30
# One letter per token kind, to match short token patterns such as "(-1)" after a '^'.
_KIND_LETTERS = {NUMBER: "n", NAME: "n", LPAREN: "(", RPAREN: ")", OPERATOR: "-"}
EQUALS_MESSAGE = (
    "'=' is only allowed in a leading 'y =' or 'f(x) =' prefix; type just the expression"
)


class Parser:
    """Parses one expression from ``tokens[start:]`` up to an END or NEWLINE token."""

    def __init__(
        self,
        tokens: list[Token],
        source: Source,
        scope: Scope,
        checker: ConstantChecker,
        start: int = 0,
    ):
        self.tokens = tokens
        self.source = source
        self.scope = scope
        self.checker = checker
        self.position = start
        self.depth = 0
        # Innermost last: "(", "call" or "|", each with the token that opened it.
        self.groups: list[tuple[str, Token]] = []

    # -- token helpers -------------------------------------------------------------------------
    def peek(self) -> Token:
        return self.tokens[self.position]

    def advance(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def previous(self) -> Token | None:
        return self.tokens[self.position - 1] if self.position > 0 else None

    def shown(self, token: Token) -> str:
        return self.source.text[token.start : token.end]

    def fail(self, message: str, offset: int, end: int | None = None) -> ExprError:
        return self.source.error(message, offset, end)

    @contextmanager
    def nested(self, opener: Token, group: str | None = None) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            message = f"Expression is nested too deeply (max {MAX_DEPTH} levels)"
            raise self.fail(message, opener.start)
        if group is not None:
            self.groups.append((group, opener))
        try:
            yield
        finally:
            self.depth -= 1
            if group is not None:
                self.groups.pop()

    # -- entry point -----------------------------------------------------------------------------
    def parse(self) -> Node:
        tree = self.expression(0)
        token = self.peek()
        if token.kind not in (END, NEWLINE):
            raise self.fail(f"Unexpected '{self.shown(token)}'", token.start, token.end)
        return tree

    # -- the Pratt loop ----------------------------------------------------------------------------
    def expression(self, min_binding: int) -> Node:
        left = self.prefix()
        while True:
            token = self.peek()
            if token.kind == OPERATOR:
                left_binding, right_binding = INFIX_BINDING[token.text]
                if left_binding < min_binding:
                    return left
                self.advance()
                if token.text == "^":
                    with self.nested(token):
                        right = self.expression(right_binding)
                else:
                    right = self.expression(right_binding)
                left = self.binary(token.text, left, right, token.start)
            elif token.kind in (NAME, LPAREN) or (token.kind == BAR and not self.closes_bar()):
                if IMPLICIT_BINDING[0] < min_binding:
                    return left
                right = self.expression(IMPLICIT_BINDING[1])
                left = self.binary("*", left, right, token.start, implicit=True)
            else:
                self.check_stop(token)
                return left

    def closes_bar(self) -> bool:
        return bool(self.groups) and self.groups[-1][0] == "|"

    def check_stop(self, token: Token) -> None:
        """A token that ends the current operand: fine if a caller expects it, else an error."""
        innermost = self.groups[-1][0] if self.groups else None
        if token.kind in (END, NEWLINE, BAR):
            return
        if token.kind == NUMBER:
            before = self.previous()
            if before is not None and before.kind == NUMBER:
                raise self.fail("Two numbers in a row; add an operator", token.start, token.end)
            raise self.fail(f"Missing an operator before '{token.text}'", token.start, token.end)
        if token.kind == RPAREN:
            if innermost in ("(", "call"):
                return
            if innermost == "|":
                raise self.unclosed(self.groups[-1][1])
            raise self.fail("Unmatched ')'", token.start, token.end)
        if token.kind == COMMA:
            if innermost == "call":
                return
            raise self.fail(
                "',' only separates the arguments of a function", token.start, token.end
            )
        if token.kind == EQUALS:
            raise self.fail(EQUALS_MESSAGE, token.start, token.end)
        if token.kind == ERROR:
            raise self.fail(token.message, token.start, token.end)
        raise self.fail(f"Unexpected '{self.shown(token)}'", token.start, token.end)

    # -- operands --------------------------------------------------------------------------------
    def prefix(self) -> Node:
        token = self.peek()
        if token.kind == NUMBER:
            self.advance()
            return self.leaf(Number(token.value, token.text, (token.start, token.end)))
        if token.kind == NAME:
            self.advance()
            return self.name(token)
        if token.kind == LPAREN:
            self.advance()
            return self.group(token)
        if token.kind == BAR:
            self.advance()
            return self.absolute(token)
        if token.kind == OPERATOR and token.text in "+-":
            self.advance()
            with self.nested(token):
                operand = self.expression(PREFIX_BINDING)
            node = UnaryOp(token.text, operand, (token.start, operand.span[1]))
            self.checker.unary(node)
            return node
        raise self.missing_value(token)

    def missing_value(self, token: Token) -> ExprError:
        before = self.previous()
        after = f"'{self.shown(before)}'" if before is not None else ""
        if token.kind in (END, NEWLINE):
            if before is None or before.kind == NEWLINE:
                return self.fail("Enter an expression, e.g. x^2 - 3x", token.start, token.end)
            # The caret marks the operator that lacks its right-hand value (issue 2: `x^3 - 1/`
            # reports column 8, the '/'), not the empty spot after it.
            if before.kind == OPERATOR and before.text in "+-":
                message = f"Expression ends too early: missing a value after {after}"
                return self.fail(message, before.start, before.end)
            return self.fail(f"Missing a value after {after}", before.start, before.end)
        if token.kind == ERROR:
            return self.fail(token.message, token.start, token.end)
        if token.kind == EQUALS:
            return self.fail(EQUALS_MESSAGE, token.start, token.end)
        if token.kind == RPAREN and not self.groups:
            return self.fail("Unmatched ')'", token.start, token.end)
        if before is None or before.kind == NEWLINE:
            return self.fail(
                f"Missing a value before '{self.shown(token)}'", token.start, token.end
            )
        return self.fail(f"Missing a value after {after}", token.start, token.end)

    def leaf(self, node: Node) -> Node:
        self.checker.leaf(node)
        return node

    def name(self, token: Token) -> Node:
        spec = lookup(token.text)
        following = self.peek()
        if spec is not None:
            if following.kind == LPAREN:
                return self.call(token, spec)
            raise self.needs_parentheses(token, following)
        if token.text in self.scope.functions:
            return self.defined_call(token)
        if token.text in CONSTANTS:
            return self.leaf(Constant(token.text, (token.start, token.end)))
        called = following.kind == LPAREN
        if self.scope.resolve(token.text, token.start, called=called):
            return self.leaf(Variable(token.text, (token.start, token.end)))
        message = self.scope.unknown_message(token.text, called=called)
        raise self.fail(message, token.start, token.end)

    def needs_parentheses(self, token: Token, following: Token) -> ExprError:
        name = token.text
        if following.kind == ERROR:  # sin（x）: name the full-width bracket, not a missing one
            return self.fail(following.message, following.start, following.end)
        if lookup(name).arity == 2:  # atan2 y: one argument in brackets would not do either
            message = f"'{name}' needs an argument in parentheses, e.g. {name}(y, x)"
        elif following.kind in (NAME, NUMBER):
            message = f"'{name}' needs parentheses: write {name}({following.text})"
        elif following.kind == OPERATOR and following.text == "^":
            message = f"'{name}' needs parentheses: {self.power_hint(name)}"
        else:
            message = f"'{name}' needs an argument in parentheses, e.g. {name}(x)"
        return self.fail(message, token.start, token.end)

    def power_hint(self, name: str) -> str:
        """For ``sin^2(x)``: ``sin(x)^2``; for ``sin^-1(x)`` the inverse function ``asin(x)``."""
        exponent = self.exponent_after_caret()
        if exponent == "-1":
            inverse = lookup("a" + name)
            reciprocal = f"1/{name}(x) for the reciprocal"
            if inverse is None:
                return f"write {reciprocal}"
            return f"write {inverse.name}(x) for the inverse function, or {reciprocal}"
        if exponent is not None and exponent.startswith("-"):
            return f"write {name}(x)^({exponent}) for a power"
        return f"write {name}(x)^{exponent or '2'} for a power"

    def exponent_after_caret(self) -> str | None:
        """The text of a simple exponent after the '^' at the current position: 2, -1, (-1), n."""
        following = self.tokens[self.position + 1 : self.position + 5]
        kinds = "".join(_KIND_LETTERS.get(token.kind, "?") for token in following)
        texts = [token.text for token in following]
        if kinds.startswith("(-n)") and texts[1] == "-":
            return "-" + texts[2]
        if kinds.startswith("-n") and texts[0] == "-":
            return "-" + texts[1]
        if kinds[:1] == "n":
            return texts[0]
        return None

    def call(self, name_token: Token, spec: FunctionSpec) -> Node:
        opener = self.advance()
        if self.peek().kind == RPAREN:
            name = name_token.text
            example = f"{name}(y, x)" if spec.arity == 2 else f"{name}(x)"
            raise self.fail(
                f"'{name}' needs an argument, e.g. {example}", name_token.start, name_token.end
            )
        arguments: list[Node] = []
        with self.nested(opener, "call"):
            arguments.append(self.expression(0))
            while self.peek().kind == COMMA:
                self.advance()
                arguments.append(self.expression(0))
        closer = self.expect_closing(opener)
        if len(arguments) != spec.arity:
            raise self.fail(
                self.arity_message(name_token.text, spec, arguments),
                name_token.start,
                name_token.end,
            )
        node = Call(spec.name, tuple(arguments), (name_token.start, closer.end))
        self.checker.call(node, name_token.start)
        return node

    def defined_call(self, name_token: Token) -> Node:
        """``f(u)``, ``f'(u)`` or ``f''(u)`` of a function the panel defines: a ``Call`` named
        with its primes, which the panel expands (the function table knows nothing of ``f``)."""
        primes = 0
        while self.peek().kind == ERROR and self.peek().text == "'":
            primes += 1
            self.advance()
        name = name_token.text + "'" * primes
        if primes > MAX_PRIMES:
            message = f"Up to two primes: {name_token.text}'(x) or {name_token.text}''(x)"
            raise self.fail(message, name_token.start, self.previous().end)
        if self.peek().kind != LPAREN:
            raise self.fail(f"'{name}' is a function: write {name}(x)", name_token.start)
        opener = self.advance()
        if self.peek().kind == RPAREN:
            raise self.fail(f"'{name}' needs an argument, e.g. {name}(x)", name_token.start)
        with self.nested(opener, "call"):
            argument = self.expression(0)
        if self.peek().kind == COMMA:
            raise self.fail(f"'{name}' takes 1 argument", self.peek().start)
        closer = self.expect_closing(opener)
        node = Call(name, (argument,), (name_token.start, closer.end))
        self.checker.call(node, name_token.start)
        return node

    def arity_message(self, name: str, spec: FunctionSpec, arguments: list[Node]) -> str:
        if spec.arity == 2:
            return f"'{name}' takes 2 arguments, got {len(arguments)}: write {name}(y, x)"
        message = f"'{name}' takes 1 argument, got {len(arguments)}"
        if spec.name == "log" and len(arguments) == 2:
            value, base = (self.source.snippet(node) for node in arguments)
            message += f" — for a base-{base} log write {name}({value})/{name}({base})"
            if base in ("2", "10"):
                message += f" or log{base}({value})"
        return message

    def expect_closing(self, opener: Token) -> Token:
        if self.peek().kind != RPAREN:
            raise self.unclosed(opener)
        return self.advance()

    def unclosed(self, opener: Token) -> ExprError:
        """The error for a '(' or '|' that is never closed, placed at that opener.

        The opener is the one position in the message: "Missing ')' for the '(' (column 4)",
        the caret under the '(' that needs its partner (as Python's "'(' was never closed").
        """
        closer = "|" if opener.kind == BAR else ")"
        verb = "to close" if opener.kind == BAR else "for"
        message = f"Missing '{closer}' {verb} the '{opener.text}'"
        return self.fail(message, opener.start, opener.end)

    def group(self, opener: Token) -> Node:
        if self.peek().kind == RPAREN:
            raise self.fail("Empty parentheses", opener.start)
        with self.nested(opener, "("):
            inner = self.expression(0)
        closer = self.expect_closing(opener)
        return self.respan(inner, opener.start, closer.end)

    def absolute(self, opener: Token) -> Node:
        with self.nested(opener, "|"):
            inner = self.expression(0)
        closer = self.peek()
        if closer.kind != BAR:
            raise self.unclosed(opener)
        self.advance()
        node = Call("abs", (inner,), (opener.start, closer.end))
        self.checker.call(node, opener.start)
        return node

    def respan(self, node: Node, start: int, end: int) -> Node:
        """The same node with its span widened to include the brackets around it."""
        widened = dataclasses.replace(node, span=(start, end))
        self.checker.copy_facts(node, widened)
        return widened

    def binary(self, op: str, left: Node, right: Node, offset: int, implicit: bool = False) -> Node:
        node = BinaryOp(op, left, right, (left.span[0], right.span[1]), implicit=implicit)
        self.checker.binary(node, offset)
        return node
