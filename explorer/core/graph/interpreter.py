"""A restricted interpreter for PyTorch-style Python, run on the app's own autodiff core.

The program text is parsed with ``ast.parse`` and checked against a whitelist
(``interpreter_rules``); then this module walks the syntax tree itself. Python never compiles or
runs the user's code: there is no ``exec``, ``eval`` or ``compile`` anywhere. Names resolve to the
program's own variables, a handful of builtins, user ``def`` functions and ``torch`` (the app's
autodiff core, ``explorer.autodiff``). Attributes are looked up only from whitelists.

Runaway programs stop with a clear message: total loop iterations, graph nodes, tensor sizes,
executed steps, call depth and integer sizes are all capped (``InterpreterLimits``).

The trace records what the control flow did (how many times each loop ran, which branch each
``if`` took, with line numbers), so the graph view can say "while loop (line 3) ran 9 times;
if (line 5) took the else branch".
"""

from __future__ import annotations

import ast
import operator
from typing import Any

from explorer.core.graph.interpreter_result import InterpreterResult, TraceEvent
from explorer.core.graph.interpreter_rules import (
    InterpreterError,
    InterpreterLimits,
    parse_program_source,
    refuse,
)
from explorer.core.graph.interpreter_values import Guard, UserFunction, format_for_print

__all__ = [
    "InterpreterError",
    "InterpreterLimits",
    "InterpreterResult",
    "TraceEvent",
    "run_program",
]


class _Return(Exception):
    def __init__(self, value: Any):
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
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


class _Scope:
    __slots__ = ("locals", "globals")

    def __init__(self, local_names: dict[str, Any], global_names: dict[str, Any]):
        self.locals = local_names
        self.globals = global_names


class _Machine:
    """Walks a checked syntax tree; one instance per run."""

    def __init__(self, namespace: Any, limits: InterpreterLimits):
        self.guard = Guard(namespace, limits)
        self.limits = limits
        self.module_names: dict[str, Any] = {}
        self.trace: list[TraceEvent] = []
        self.call_depth = 0
        self.last_value: Any = None
        self.last_tensor_name: str | None = None

    # ----- statements -------------------------------------------------------------------------
    def run(self, tree: ast.Module) -> None:
        scope = _Scope(self.module_names, self.module_names)
        try:
            self.exec_block(tree.body, scope)
        except _Return:
            raise InterpreterError("'return' outside a function") from None
        except (_Break, _Continue):
            raise InterpreterError("'break'/'continue' outside a loop") from None
        except RecursionError:
            raise InterpreterError(
                "The program calls or nests too deeply; stopped (is a function calling itself?)"
            ) from None

    def exec_block(self, body: list[ast.stmt], scope: _Scope) -> None:
        for statement in body:
            self.guard.tick(statement)
            handler = getattr(self, "_stmt_" + type(statement).__name__)
            handler(statement, scope)

    def _stmt_Import(self, node: ast.Import, scope: _Scope) -> None:
        pass  # only `import torch` passes the check, and torch is always bound

    def _stmt_Pass(self, node: ast.Pass, scope: _Scope) -> None:
        pass

    def _stmt_Break(self, node: ast.Break, scope: _Scope) -> None:
        raise _Break

    def _stmt_Continue(self, node: ast.Continue, scope: _Scope) -> None:
        raise _Continue

    def _stmt_Return(self, node: ast.Return, scope: _Scope) -> None:
        raise _Return(None if node.value is None else self.eval(node.value, scope))

    def _stmt_Expr(self, node: ast.Expr, scope: _Scope) -> None:
        self.last_value = self.eval(node.value, scope)

    def _stmt_FunctionDef(self, node: ast.FunctionDef, scope: _Scope) -> None:
        defaults = tuple(self.eval(d, scope) for d in node.args.defaults)
        scope.locals[node.name] = UserFunction(node.name, node, defaults)

    def _stmt_Assign(self, node: ast.Assign, scope: _Scope) -> None:
        value = self.eval(node.value, scope)
        for target in node.targets:
            self.assign(target, value, scope)
        self.last_value = None

    def _stmt_AugAssign(self, node: ast.AugAssign, scope: _Scope) -> None:
        target = node.target
        assert isinstance(target, ast.Name)  # guaranteed by the static check
        current = self.lookup(target.id, target, scope)
        value = self.binary(node.op, current, self.eval(node.value, scope), node)
        self.assign(target, value, scope)

    def _stmt_If(self, node: ast.If, scope: _Scope) -> None:
        current, branch = node, "if"
        while True:
            if self.truth(self.eval(current.test, scope), current.test):
                self.trace.append(TraceEvent("if", node.lineno, None, branch, current.lineno))
                self.exec_block(current.body, scope)
                return
            orelse = current.orelse
            is_elif = (
                len(orelse) == 1
                and isinstance(orelse[0], ast.If)
                and orelse[0].col_offset == node.col_offset
            )
            if is_elif:
                current, branch = orelse[0], "elif"
                continue
            if orelse:
                self.trace.append(TraceEvent("if", node.lineno, None, "else", orelse[0].lineno))
                self.exec_block(orelse, scope)
            else:
                self.trace.append(TraceEvent("if", node.lineno, None, "none", None))
            return

    def _stmt_While(self, node: ast.While, scope: _Scope) -> None:
        iterations = 0
        try:
            while self.truth(self.eval(node.test, scope), node.test):
                self.guard.loop_tick(node)
                iterations += 1
                if self._loop_body(node.body, scope):
                    break
        finally:
            self.trace.append(TraceEvent("while", node.lineno, iterations))

    def _stmt_For(self, node: ast.For, scope: _Scope) -> None:
        call = node.iter
        assert isinstance(call, ast.Call)  # `for ... in range(...)`, checked statically
        if call.keywords or not 1 <= len(call.args) <= 3:
            raise refuse("range() takes 1 to 3 whole numbers", call)
        bounds = [self.guard.as_index(self.eval(a, scope), a) for a in call.args]
        iterations = 0
        try:
            for index in range(*bounds):
                self.guard.loop_tick(node)
                iterations += 1
                self.assign(node.target, index, scope)
                if self._loop_body(node.body, scope):
                    break
        finally:
            self.trace.append(TraceEvent("for", node.lineno, iterations))

    def _loop_body(self, body: list[ast.stmt], scope: _Scope) -> bool:
        """Run one iteration; True when the loop should stop (break)."""
        try:
            self.exec_block(body, scope)
        except _Break:
            return True
        except _Continue:
            pass
        return False

    def assign(self, target: ast.expr, value: Any, scope: _Scope) -> None:
        if isinstance(target, ast.Name):
            self.guard.name_tensor(value, target.id)
            scope.locals[target.id] = value
            if scope.locals is self.module_names and self.guard.is_tensor(value):
                self.last_tensor_name = target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = self.guard.unpack(value, len(target.elts), target)
            for element, item in zip(target.elts, items, strict=True):
                self.assign(element, item, scope)
        elif isinstance(target, ast.Attribute):
            owner = self.eval(target.value, scope)
            self.guard.set_attribute(owner, target.attr, value, target)
        else:
            raise refuse("Assign to plain names only, e.g. b = a * 2", target)

    # ----- expressions ------------------------------------------------------------------------
    def eval(self, node: ast.expr, scope: _Scope) -> Any:
        handler = getattr(self, "_expr_" + type(node).__name__)
        try:
            return handler(node, scope)
        except (InterpreterError, _Return, _Break, _Continue, RecursionError):
            raise
        except Exception as error:  # the core's own errors, shown with the place they happened
            raise refuse(_describe_error(error), node) from None

    def _expr_Constant(self, node: ast.Constant, scope: _Scope) -> Any:
        return node.value

    def _expr_Name(self, node: ast.Name, scope: _Scope) -> Any:
        return self.lookup(node.id, node, scope)

    def lookup(self, name: str, node: ast.AST, scope: _Scope) -> Any:
        if name in scope.locals:
            return scope.locals[name]
        if name in scope.globals:
            return scope.globals[name]
        return self.guard.builtin(name, node)

    def _expr_Tuple(self, node: ast.Tuple, scope: _Scope) -> tuple:
        return tuple(self.eval(element, scope) for element in node.elts)

    def _expr_List(self, node: ast.List, scope: _Scope) -> list:
        return [self.eval(element, scope) for element in node.elts]

    def _expr_BinOp(self, node: ast.BinOp, scope: _Scope) -> Any:
        left = self.eval(node.left, scope)
        right = self.eval(node.right, scope)
        return self.binary(node.op, left, right, node)

    def binary(self, op: ast.operator, left: Any, right: Any, node: ast.AST) -> Any:
        self.guard.check_arithmetic(op, left, right, node)
        return self.guard.produced(_BINARY[type(op)](left, right), node)

    def _expr_UnaryOp(self, node: ast.UnaryOp, scope: _Scope) -> Any:
        value = self.eval(node.operand, scope)
        if isinstance(node.op, ast.Not):
            return not self.truth(value, node.operand)
        self.guard.check_arithmetic(node.op, value, 0, node)
        result = -value if isinstance(node.op, ast.USub) else +value
        return self.guard.produced(result, node)

    def _expr_BoolOp(self, node: ast.BoolOp, scope: _Scope) -> Any:
        value: Any = None
        for operand in node.values:
            value = self.eval(operand, scope)
            truth = self.truth(value, operand)
            if isinstance(node.op, ast.And) and not truth:
                return value
            if isinstance(node.op, ast.Or) and truth:
                return value
        return value

    def _expr_Compare(self, node: ast.Compare, scope: _Scope) -> Any:
        left = self.eval(node.left, scope)
        result: Any = True
        for index, (op, right_node) in enumerate(zip(node.ops, node.comparators, strict=True)):
            right = self.eval(right_node, scope)
            self.guard.check_comparable(left, right, node)
            result = self.guard.produced(_COMPARE[type(op)](left, right), node)
            if index < len(node.ops) - 1 and not self.truth(result, node):
                return result
            left = right
        return result

    def _expr_IfExp(self, node: ast.IfExp, scope: _Scope) -> Any:
        chosen = node.body if self.truth(self.eval(node.test, scope), node.test) else node.orelse
        return self.eval(chosen, scope)

    def _expr_Attribute(self, node: ast.Attribute, scope: _Scope) -> Any:
        owner = self.eval(node.value, scope)
        return self.guard.get_attribute(owner, node.attr, node)

    def _expr_Subscript(self, node: ast.Subscript, scope: _Scope) -> Any:
        owner = self.eval(node.value, scope)
        index = self._index(node.slice, scope)
        return self.guard.produced(self.guard.subscript(owner, index, node), node)

    def _index(self, node: ast.expr, scope: _Scope) -> Any:
        if isinstance(node, ast.Slice):
            parts = (node.lower, node.upper, node.step)
            return slice(*(None if p is None else self.eval(p, scope) for p in parts))
        if isinstance(node, ast.Tuple):
            return tuple(self._index(element, scope) for element in node.elts)
        return self.eval(node, scope)

    def _expr_JoinedStr(self, node: ast.JoinedStr, scope: _Scope) -> str:
        pieces = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                pieces.append(part.value)
            else:
                assert isinstance(part, ast.FormattedValue)
                value = self.eval(part.value, scope)
                spec_node = part.format_spec
                spec = "" if spec_node is None else self._expr_JoinedStr(spec_node, scope)
                pieces.append(format_for_print(value, part.conversion, spec, part))
        return "".join(pieces)

    def _expr_Call(self, node: ast.Call, scope: _Scope) -> Any:
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = self.eval(func.value, scope)
            args, kwargs = self._arguments(node, scope)
            return self.guard.call_attribute(owner, func.attr, args, kwargs, node)
        assert isinstance(func, ast.Name)
        target = self.lookup(func.id, func, scope)
        args, kwargs = self._arguments(node, scope)
        if isinstance(target, UserFunction):
            return self.call_user(target, args, kwargs, node)
        return self.guard.call_builtin(target, func.id, args, kwargs, node)

    def _arguments(self, node: ast.Call, scope: _Scope) -> tuple[list[Any], dict[str, Any]]:
        args = [self.eval(argument, scope) for argument in node.args]
        kwargs = {k.arg: self.eval(k.value, scope) for k in node.keywords if k.arg is not None}
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
            self.exec_block(function.node.body, _Scope(local_names, self.module_names))
        except _Return as returned:
            return returned.value
        except (_Break, _Continue):
            raise refuse("'break'/'continue' outside a loop", node) from None
        finally:
            self.call_depth -= 1
        return None

    def truth(self, value: Any, node: ast.AST) -> bool:
        return self.guard.truth(value, node)


def _describe_error(error: Exception) -> str:
    if isinstance(error, RuntimeError):
        return str(error)  # the core's PyTorch-style messages, verbatim
    return f"{type(error).__name__}: {error}"


def run_program(
    source: str,
    *,
    namespace: Any = None,
    limits: InterpreterLimits | None = None,
    seed: int | None = None,
    output_name: str | None = None,
    build_graph: bool = True,
) -> InterpreterResult:
    """Check and run a PyTorch-style program; raise ``InterpreterError`` on refusal or failure.

    ``namespace`` is what ``torch`` means (default: ``explorer.autodiff``). ``seed`` seeds its
    random generator first. The output is ``output_name`` if given, else the tensor ``.backward()``
    was last called on, else the last tensor assigned at the top level.
    """
    limits = limits or InterpreterLimits()
    if namespace is None:
        import explorer.autodiff as namespace
    tree = parse_program_source(source, limits)
    if seed is not None:
        namespace.manual_seed(seed)
    machine = _Machine(namespace, limits)
    machine.run(tree)
    guard = machine.guard
    output, chosen_name = _choose_output(machine, output_name)
    graph = None
    if build_graph and output is not None:
        from explorer.core.graph.model import graph_from_tensor

        graph = graph_from_tensor(output)
    variables = {k: v for k, v in machine.module_names.items() if not isinstance(v, UserFunction)}
    return InterpreterResult(
        variables=variables,
        output=output,
        output_name=chosen_name,
        printed=guard.printed_text(),
        prints=tuple(guard.prints),
        trace=tuple(machine.trace),
        last_value=machine.last_value,
        graph_nodes=guard.graph_nodes,
        loop_iterations=guard.loop_iterations,
        graph=graph,
        print_lines=tuple(guard.print_lines),
    )


def _choose_output(machine: _Machine, output_name: str | None) -> tuple[Any, str | None]:
    names = machine.module_names
    guard = machine.guard
    if output_name is not None:
        if output_name not in names or not guard.is_tensor(names[output_name]):
            raise InterpreterError(f"The program defines no tensor named '{output_name}'")
        return names[output_name], output_name
    if guard.backward_output is not None:
        chosen = guard.backward_output
        found = [name for name, value in names.items() if value is chosen]
        return chosen, (found[-1] if found else None)
    name = machine.last_tensor_name
    if name is None:
        return None, None
    return names[name], name
