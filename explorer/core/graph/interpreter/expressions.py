"""The expression half of the restricted interpreter: names, operators, calls, attributes.

``ExpressionEvaluator`` is mixed into the interpreter's machine (``machine.Machine``), which
adds the statements; both walk the checked syntax tree and route every value through ``Guard``.
"""

from __future__ import annotations

import ast
import operator
from typing import Any

from explorer.core.graph.interpreter.guard import UserFunction, format_for_print
from explorer.core.graph.interpreter.rules import InterpreterError, refuse


class Return(Exception):
    def __init__(self, value: Any):
        self.value = value


class Break(Exception):
    pass


class Continue(Exception):
    pass


_BINARY = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow, ast.MatMult: operator.matmul,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
}  # fmt: skip
_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}  # fmt: skip


class Scope:
    """A frame's names; ``enclosing`` holds the locals of the functions a nested ``def`` sits in
    (innermost first), which its body may read, as Python's closures do."""

    __slots__ = ("locals", "globals", "enclosing")

    def __init__(
        self,
        local_names: dict[str, Any],
        global_names: dict[str, Any],
        enclosing: tuple[dict[str, Any], ...] = (),
    ):
        self.locals = local_names
        self.globals = global_names
        self.enclosing = enclosing


def describe_error(error: Exception) -> str:
    if isinstance(error, RuntimeError):
        return str(error)  # the core's PyTorch-style messages, verbatim
    return f"{type(error).__name__}: {error}"


class ExpressionEvaluator:
    """Evaluates expressions; the machine provides ``guard``, ``limits``, ``exec_block`` and
    ``call_depth``."""

    # ----- expressions ------------------------------------------------------------------------
    def evaluate_node(self, node: ast.expr, scope: Scope) -> Any:
        handler = getattr(self, "_expr_" + type(node).__name__)
        try:
            return handler(node, scope)
        except (InterpreterError, Return, Break, Continue, RecursionError):
            raise
        except Exception as error:  # the core's own errors, shown with the place they happened
            raise refuse(describe_error(error), node) from None

    def _expr_Constant(self, node: ast.Constant, scope: Scope) -> Any:
        return node.value

    def _expr_Name(self, node: ast.Name, scope: Scope) -> Any:
        return self.lookup(node.id, node, scope)

    def lookup(self, name: str, node: ast.AST, scope: Scope) -> Any:
        if name in scope.locals:
            return scope.locals[name]
        for names in scope.enclosing:
            if name in names:
                return names[name]
        if name in scope.globals:
            return scope.globals[name]
        return self.guard.builtin(name, node)

    def _expr_Tuple(self, node: ast.Tuple, scope: Scope) -> tuple:
        return tuple(self.evaluate_node(element, scope) for element in node.elts)

    def _expr_List(self, node: ast.List, scope: Scope) -> list:
        return [self.evaluate_node(element, scope) for element in node.elts]

    def _expr_BinOp(self, node: ast.BinOp, scope: Scope) -> Any:
        left = self.evaluate_node(node.left, scope)
        right = self.evaluate_node(node.right, scope)
        return self.binary(node.op, left, right, node)

    def binary(self, op: ast.operator, left: Any, right: Any, node: ast.AST) -> Any:
        self.guard.check_arithmetic(op, left, right, node)
        return self.guard.produced(_BINARY[type(op)](left, right), node)

    def _expr_UnaryOp(self, node: ast.UnaryOp, scope: Scope) -> Any:
        value = self.evaluate_node(node.operand, scope)
        if isinstance(node.op, ast.Not):
            return not self.truth(value, node.operand)
        self.guard.check_arithmetic(node.op, value, 0, node)
        result = -value if isinstance(node.op, ast.USub) else +value
        return self.guard.produced(result, node)

    def _expr_BoolOp(self, node: ast.BoolOp, scope: Scope) -> Any:
        value: Any = None
        for operand in node.values:
            value = self.evaluate_node(operand, scope)
            truth = self.truth(value, operand)
            if isinstance(node.op, ast.And) and not truth:
                return value
            if isinstance(node.op, ast.Or) and truth:
                return value
        return value

    def _expr_Compare(self, node: ast.Compare, scope: Scope) -> Any:
        left = self.evaluate_node(node.left, scope)
        result: Any = True
        for index, (op, right_node) in enumerate(zip(node.ops, node.comparators, strict=True)):
            right = self.evaluate_node(right_node, scope)
            self.guard.check_comparable(left, right, node)
            result = self.guard.produced(_COMPARE[type(op)](left, right), node)
            if index < len(node.ops) - 1 and not self.truth(result, node):
                return result
            left = right
        return result

    def _expr_IfExp(self, node: ast.IfExp, scope: Scope) -> Any:
        chosen = (
            node.body
            if self.truth(self.evaluate_node(node.test, scope), node.test)
            else node.orelse
        )
        return self.evaluate_node(chosen, scope)

    def _expr_Attribute(self, node: ast.Attribute, scope: Scope) -> Any:
        owner = self.evaluate_node(node.value, scope)
        return self.guard.get_attribute(owner, node.attr, node)

    def _expr_Subscript(self, node: ast.Subscript, scope: Scope) -> Any:
        owner = self.evaluate_node(node.value, scope)
        index = self._index(node.slice, scope)
        return self.guard.produced(self.guard.subscript(owner, index, node), node)

    def _index(self, node: ast.expr, scope: Scope) -> Any:
        if isinstance(node, ast.Slice):
            parts = (node.lower, node.upper, node.step)
            return slice(*(None if p is None else self.evaluate_node(p, scope) for p in parts))
        if isinstance(node, ast.Tuple):
            return tuple(self._index(element, scope) for element in node.elts)
        return self.evaluate_node(node, scope)

    def _expr_JoinedStr(self, node: ast.JoinedStr, scope: Scope) -> str:
        pieces = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                pieces.append(part.value)
            else:
                assert isinstance(part, ast.FormattedValue)
                value = self.evaluate_node(part.value, scope)
                spec_node = part.format_spec
                spec = "" if spec_node is None else self._expr_JoinedStr(spec_node, scope)
                pieces.append(format_for_print(value, part.conversion, spec, part))
        return "".join(pieces)

    def _expr_Call(self, node: ast.Call, scope: Scope) -> Any:
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = self.evaluate_node(func.value, scope)
            args, kwargs = self._arguments(node, scope)
            return self.guard.call_attribute(owner, func.attr, args, kwargs, node)
        assert isinstance(func, ast.Name)
        target = self.lookup(func.id, func, scope)
        args, kwargs = self._arguments(node, scope)
        if isinstance(target, UserFunction):
            return self.call_user(target, args, kwargs, node)
        return self.guard.call_builtin(target, func.id, args, kwargs, node)

    def _arguments(self, node: ast.Call, scope: Scope) -> tuple[list[Any], dict[str, Any]]:
        args = [self.evaluate_node(argument, scope) for argument in node.args]
        kwargs = {
            k.arg: self.evaluate_node(k.value, scope) for k in node.keywords if k.arg is not None
        }
        return args, kwargs

    def call_user(self, function: UserFunction, args: list, kwargs: dict, node: ast.AST) -> Any:
        if self.call_depth >= self.limits.max_call_depth:
            raise refuse(
                f"Calls nest more than {self.limits.max_call_depth} deep; stopped "
                f"(does '{function.name}' call itself without end?)",
                node,
            )
        self.guard.tick(node)
        local_names = function.bind(args, kwargs, node)
        self.call_depth += 1
        try:
            scope = Scope(local_names, self.module_names, function.enclosing)
            self.exec_block(function.node.body, scope)
        except Return as returned:
            return returned.value
        except (Break, Continue):
            raise refuse("'break'/'continue' outside a loop", node) from None
        finally:
            self.call_depth -= 1
        return None

    def truth(self, value: Any, node: ast.AST) -> bool:
        return self.guard.truth(value, node)
