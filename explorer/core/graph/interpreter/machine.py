"""The interpreter's machine: walks a checked program's statements on the app's autodiff core.

The program text is parsed with ``ast.parse`` and checked against a whitelist
(``rules``); then this module walks the syntax tree itself. Python never compiles or
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
import contextlib
import operator
from typing import Any

import explorer.autodiff as autodiff
from explorer.core.autodiff.allocation import AllocationCheck, set_allocation_check
from explorer.core.autodiff.economies import keeping_values
from explorer.core.graph.interpreter.expressions import (
    Break,
    Continue,
    ExpressionEvaluator,
    Return,
    Scope,
    describe_error,
)
from explorer.core.graph.interpreter.guard import Guard, UserFunction
from explorer.core.graph.interpreter.result import InterpreterResult, TraceEvent
from explorer.core.graph.interpreter.rules import (
    InterpreterError,
    InterpreterLimits,
    parse_program_source,
    refuse,
)
from explorer.core.graph.model import graph_from_tensor

_IN_PLACE = {
    ast.Add: operator.iadd, ast.Sub: operator.isub, ast.Mult: operator.imul,
    ast.Div: operator.itruediv, ast.Pow: operator.ipow, ast.MatMult: operator.imatmul,
    ast.FloorDiv: operator.ifloordiv, ast.Mod: operator.imod,
}  # fmt: skip


class Machine(ExpressionEvaluator):
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
        scope = Scope(self.module_names, self.module_names)
        try:
            self.exec_block(tree.body, scope)
        except Return:
            raise InterpreterError("'return' outside a function") from None
        except (Break, Continue):
            raise InterpreterError("'break'/'continue' outside a loop") from None
        except RecursionError:
            raise InterpreterError(
                "The program calls or nests too deeply; stopped (is a function calling itself?)"
            ) from None

    def exec_block(self, body: list[ast.stmt], scope: Scope) -> None:
        for statement in body:
            self.guard.tick(statement)
            handler = getattr(self, "_stmt_" + type(statement).__name__)
            handler(statement, scope)

    def _stmt_Import(self, node: ast.Import, scope: Scope) -> None:
        # Only the core passes the check (``import torch [as T]``); ``torch`` is always bound.
        for alias in node.names:
            scope.locals[alias.asname or alias.name] = self.guard.torch

    def _stmt_With(self, node: ast.With, scope: Scope) -> None:
        """``with torch.no_grad():`` (or enable_grad, set_grad_enabled): the core's own manager."""
        managers = []
        for item in node.items:
            call = item.context_expr
            assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            owner = self.evaluate_node(call.func.value, scope)
            if owner is not self.guard.torch:
                raise refuse(f"'{call.func.attr}' is a context manager of torch only", call)
            args, kwargs = self._arguments(call, scope)
            try:
                managers.append(getattr(self.guard.torch.module, call.func.attr)(*args, **kwargs))
            except (TypeError, ValueError) as error:
                raise refuse(describe_error(error), call) from None
        with contextlib.ExitStack() as stack:
            for manager in managers:
                stack.enter_context(manager)
            self.exec_block(node.body, scope)

    def _stmt_Pass(self, node: ast.Pass, scope: Scope) -> None:
        pass

    def _stmt_Break(self, node: ast.Break, scope: Scope) -> None:
        raise Break

    def _stmt_Continue(self, node: ast.Continue, scope: Scope) -> None:
        raise Continue

    def _stmt_Return(self, node: ast.Return, scope: Scope) -> None:
        raise Return(None if node.value is None else self.evaluate_node(node.value, scope))

    def _stmt_Expr(self, node: ast.Expr, scope: Scope) -> None:
        self.last_value = self.evaluate_node(node.value, scope)

    def _stmt_FunctionDef(self, node: ast.FunctionDef, scope: Scope) -> None:
        defaults = tuple(self.evaluate_node(d, scope) for d in node.args.defaults)
        # A def inside a def reads its enclosing functions' locals (a closure).
        top_level = scope.locals is self.module_names
        enclosing = () if top_level else (scope.locals, *scope.enclosing)
        scope.locals[node.name] = UserFunction(node.name, node, defaults, enclosing)

    def _stmt_Assign(self, node: ast.Assign, scope: Scope) -> None:
        value = self.evaluate_node(node.value, scope)
        for target in node.targets:
            self.assign(target, value, scope)
        self.last_value = None

    def _stmt_AugAssign(self, node: ast.AugAssign, scope: Scope) -> None:
        target = node.target
        assert isinstance(target, ast.Name)  # guaranteed by the static check
        current = self.lookup(target.id, target, scope)
        operand = self.evaluate_node(node.value, scope)
        self.guard.check_arithmetic(node.op, current, operand, node)
        # In place, as Python does: ``w -= lr * w.grad`` under no_grad keeps w the same leaf.
        self.guard.in_place.before_update(current)
        value = self.guard.produced(_IN_PLACE[type(node.op)](current, operand), node)
        self.assign(target, value, scope)

    def _stmt_If(self, node: ast.If, scope: Scope) -> None:
        current, branch = node, "if"
        while True:
            if self.truth(self.evaluate_node(current.test, scope), current.test):
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

    def _stmt_While(self, node: ast.While, scope: Scope) -> None:
        iterations = 0
        try:
            while self.truth(self.evaluate_node(node.test, scope), node.test):
                self.guard.loop_tick(node)
                iterations += 1
                if self._loop_body(node.body, scope):
                    break
        finally:
            self.trace.append(TraceEvent("while", node.lineno, iterations))

    def _stmt_For(self, node: ast.For, scope: Scope) -> None:
        iterations = 0
        try:
            for index in self._iteration_values(node.iter, scope):
                self.guard.loop_tick(node)
                iterations += 1
                self.assign(node.target, index, scope)
                if self._loop_body(node.body, scope):
                    break
        finally:
            self.trace.append(TraceEvent("for", node.lineno, iterations))

    def _iteration_values(self, iterable: ast.expr, scope: Scope) -> Any:
        """``range(...)`` (never materialised) or the items of a list or tuple."""
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name):
            if iterable.func.id == "range" and "range" not in scope.locals:
                if iterable.keywords or not 1 <= len(iterable.args) <= 3:
                    raise refuse("range() takes 1 to 3 whole numbers", iterable)
                bounds = [
                    self.guard.as_index(self.evaluate_node(a, scope), a) for a in iterable.args
                ]
                return range(*bounds)
        value = self.evaluate_node(iterable, scope)
        if not isinstance(value, (list, tuple)):
            raise refuse(
                "A for loop runs over range(...) or a list or tuple, e.g. [w, b]", iterable
            )
        return tuple(value)

    def _loop_body(self, body: list[ast.stmt], scope: Scope) -> bool:
        """Run one iteration; True when the loop should stop (break)."""
        try:
            self.exec_block(body, scope)
        except Break:
            return True
        except Continue:
            pass
        return False

    def assign(self, target: ast.expr, value: Any, scope: Scope) -> None:
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
            owner = self.evaluate_node(target.value, scope)
            self.guard.set_attribute(owner, target.attr, value, target)
        else:
            raise refuse("Assign to plain names only, e.g. b = a * 2", target)


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
        namespace = autodiff
    tree = parse_program_source(source, limits)
    if seed is not None:
        namespace.manual_seed(seed)
    machine = Machine(namespace, limits)
    previous = AllocationCheck.check
    set_allocation_check(machine.guard.check_allocation)
    try:
        with keeping_values():  # the graph shows every node's value
            machine.run(tree)
    finally:
        set_allocation_check(previous)
    guard = machine.guard
    output, chosen_name = _choose_output(machine, output_name)
    graph, in_place_notes = None, ()
    if build_graph and output is not None:
        graph = graph_from_tensor(output)
        graph, in_place_notes = guard.in_place.show_values_used(graph, output)
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
        in_place_notes=in_place_notes,
    )


def _choose_output(machine: Machine, output_name: str | None) -> tuple[Any, str | None]:
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
