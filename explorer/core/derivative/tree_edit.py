"""Two tree edits the derivative rules need: does a tree use a variable; substitute one."""

from __future__ import annotations

from explorer.core.expr.nodes import BinaryOp, Call, Node, UnaryOp, Variable, walk


def contains_variable(node: Node, name: str) -> bool:
    """True if ``node`` depends on the variable ``name`` (iterative: safe on deep trees)."""
    return any(isinstance(n, Variable) and n.name == name for n in walk(node))


def substitute(node: Node, name: str, replacement: Node) -> Node:
    """``node`` with every ``Variable(name)`` replaced by ``replacement`` (formulas are tiny)."""
    if isinstance(node, Variable):
        return replacement if node.name == name else node
    if isinstance(node, UnaryOp):
        return UnaryOp(node.op, substitute(node.operand, name, replacement))
    if isinstance(node, BinaryOp):
        left = substitute(node.left, name, replacement)
        right = substitute(node.right, name, replacement)
        return BinaryOp(node.op, left, right, implicit=node.implicit)
    if isinstance(node, Call):
        return Call(node.name, tuple(substitute(a, name, replacement) for a in node.args))
    return node
