"""Expression trees as plain data (nested lists), so a worker process can send one back.

The worker answers with plain data only (``explorer.core.worker``). A formula sympy found (an
antiderivative) travels as our own tree in this form and is rebuilt on the GUI side, where the
derivative lab can evaluate and differentiate it without sympy. Decoding checks every entry
(operators, the function table, finite numbers, plain names), so a malformed message gives a
``ValueError``, never a strange tree. Both directions are iterative: depth is no problem.
"""

from __future__ import annotations

import math
import re
from typing import Any

from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_BINARY = ("+", "-", "*", "/", "^")
_UNARY = ("neg", "pos")


def _encode(node: Node, children: list[Any]) -> Any:
    if isinstance(node, Number):
        return ["num", float(node.value), node.text]
    if isinstance(node, Constant):
        return ["const", node.name]
    if isinstance(node, Variable):
        return ["var", node.name]
    if isinstance(node, UnaryOp):
        return ["neg" if node.op == "-" else "pos", children[0]]
    if isinstance(node, BinaryOp):
        return [node.op, children[0], children[1]]
    if isinstance(node, Call):
        return ["call", node.name, *children]
    raise TypeError(f"cannot send a {type(node).__name__} node")


def tree_to_data(node: Node) -> list:
    """``x^2 + 1`` → ``["+", ["^", ["var", "x"], ["num", 2.0, "2"]], ["num", 1.0, "1"]]``."""
    return fold_tree(node, _encode)


def data_to_tree(data: Any) -> Node:
    """The tree ``tree_to_data`` encoded; ``ValueError`` for anything malformed."""
    # Post-order over the nested lists with an explicit stack, as fold_tree does for nodes.
    results: list[Node] = []
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        item, children_done = stack.pop()
        if not isinstance(item, (list, tuple)) or not item or not isinstance(item[0], str):
            raise ValueError(f"not an encoded expression node: {item!r:.80}")
        arguments = _children(item)
        if not children_done:
            stack.append((item, True))
            stack.extend((child, False) for child in reversed(arguments))
            continue
        count = len(arguments)
        built = results[len(results) - count :] if count else []
        if count:
            del results[len(results) - count :]
        results.append(_decode_node(item, built))
    return results[0]


def _children(item: Any) -> list[Any]:
    tag = item[0]
    if tag in _BINARY:
        return list(item[1:3])
    if tag in _UNARY:
        return list(item[1:2])
    if tag == "call":
        return list(item[2:])
    return []


def _decode_node(item: Any, children: list[Node]) -> Node:
    tag = item[0]
    if tag == "num" and len(item) == 3:
        value, text = item[1], item[2]
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise ValueError(f"not a finite number: {value!r}")
        if not isinstance(text, str):
            raise ValueError("a number's text must be a string")
        return Number(float(value), text)
    if tag == "const" and len(item) == 2 and item[1] in CONSTANTS:
        return Constant(item[1])
    if tag == "var" and len(item) == 2 and isinstance(item[1], str) and _NAME.match(item[1]):
        return Variable(item[1])
    if tag in _UNARY and len(item) == 2:
        return UnaryOp("-" if tag == "neg" else "+", children[0])
    if tag in _BINARY and len(item) == 3:
        return BinaryOp(tag, children[0], children[1])
    if tag == "call" and len(item) >= 3 and isinstance(item[1], str):
        spec = lookup(item[1])
        if spec is not None and spec.name == item[1] and len(children) == spec.arity:
            return Call(item[1], tuple(children))
    raise ValueError(f"not an encoded expression node: {item!r:.80}")
