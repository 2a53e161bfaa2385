"""Immutable nodes of our own expression tree, each with the source span it came from.

The parser builds these; converters turn them into sympy, numpy and autodiff graphs; the derivation
steps and the graph view walk them. ``span`` is a half-open ``(start, end)`` range of 0-based
character offsets into the (stripped) source text; error messages add 1 to report columns.
``sexpr()`` is the one-line form the parser tests use: ``1 + 2 * 3`` -> ``(+ 1 (* 2 3))``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Node:
    """Base of all expression nodes."""

    def children(self) -> tuple[Node, ...]:
        return ()

    def sexpr(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Number(Node):
    """A numeric literal (or a folded constant); ``text`` is how the user wrote it."""

    value: float
    text: str = ""
    span: Span = field(default=(0, 0), compare=False)

    def sexpr(self) -> str:
        return self.text or repr(self.value)


@dataclass(frozen=True, slots=True)
class Constant(Node):
    """A named constant from ``functions.CONSTANTS`` (``pi``, ``e``)."""

    name: str
    span: Span = field(default=(0, 0), compare=False)

    def sexpr(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Variable(Node):
    """A variable the panel declared (``x``), a slider parameter, or a named definition."""

    name: str
    span: Span = field(default=(0, 0), compare=False)

    def sexpr(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class UnaryOp(Node):
    """Unary minus (``op='-'``) or plus (``op='+'``)."""

    op: str
    operand: Node
    span: Span = field(default=(0, 0), compare=False)

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)

    def sexpr(self) -> str:
        return f"({self.op} {self.operand.sexpr()})"


@dataclass(frozen=True, slots=True)
class BinaryOp(Node):
    """``+ - * / ^``; ``implicit`` marks a multiplication written by juxtaposition (``3x``)."""

    op: str
    left: Node
    right: Node
    span: Span = field(default=(0, 0), compare=False)
    implicit: bool = field(default=False, compare=False)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

    def sexpr(self) -> str:
        return f"({self.op} {self.left.sexpr()} {self.right.sexpr()})"


@dataclass(frozen=True, slots=True)
class Call(Node):
    """A call of a function from the table, by its canonical name (``|x|`` is ``abs``)."""

    name: str
    args: tuple[Node, ...]
    span: Span = field(default=(0, 0), compare=False)

    def children(self) -> tuple[Node, ...]:
        return self.args

    def sexpr(self) -> str:
        return f"({self.name} {' '.join(a.sexpr() for a in self.args)})"


@dataclass(frozen=True, slots=True)
class Definition(Node):
    """``name = expr`` on its own line of a program."""

    name: str
    expr: Node
    span: Span = field(default=(0, 0), compare=False)

    def children(self) -> tuple[Node, ...]:
        return (self.expr,)

    def sexpr(self) -> str:
        return f"(= {self.name} {self.expr.sexpr()})"


@dataclass(frozen=True, slots=True)
class Program(Node):
    """Definitions in order; the last one (or a final bare expression) is the output."""

    definitions: tuple[Definition, ...]
    span: Span = field(default=(0, 0), compare=False)

    def children(self) -> tuple[Node, ...]:
        return self.definitions

    @property
    def output(self) -> Definition:
        return self.definitions[-1]

    def sexpr(self) -> str:
        return " ".join(d.sexpr() for d in self.definitions)


def walk(node: Node):
    """All nodes below and including ``node``, parents before children, without recursion."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children()))
