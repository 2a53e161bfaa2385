"""What the restricted PyTorch-style interpreter accepts: limits, whitelists and the static check.

The user's program is parsed with ``ast.parse`` (parsing only, nothing is compiled or run by
Python) and every node is checked here against a whitelist before the interpreter walks it. The
walk is iterative so a deeply nested program cannot blow the Python stack while being checked.

Decisions where the brief left room:
- ``import torch`` is accepted (``torch`` is always the app's autodiff core), so the seed's cells
  can be pasted as they are; so are ``import torch as T`` and ``import explorer.autodiff as T``,
  which bind another name to the same core. Every other module (``math``, ``numpy``, ``os``) and
  every ``from ... import`` is refused: torch has the functions a program needs.
- String literals and f-strings are allowed only as arguments of ``print`` (including its
  ``sep``/``end`` keywords): strings have no other use here and cannot be multiplied into
  gigabytes if they never reach arithmetic.
- ``range(...)`` may only appear as the iterable of a ``for`` loop, so a huge range is never
  materialised into a list or tensor.
- ``for`` runs over ``range(...)`` or over a list or tuple (``for param in [w, b]``, d2l's sgd).
- ``with`` is allowed only for the core's grad-mode context managers: ``torch.no_grad()``,
  ``torch.enable_grad()`` and ``torch.set_grad_enabled(flag)`` (without ``as``); d2l's
  ``sgd`` updates parameters in place under ``no_grad``. Augmented assignments (``w -= ...``)
  are in place, as in Python and PyTorch.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from explorer.core.expr.errors import ExprError


class InterpreterError(ExprError):
    """A refusal or runtime failure of the user's program, located by 1-based line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message, column)
        self.line = line
        where = f"line {line}, column {column}: " if line is not None else ""
        self.args = (f"{where}{message}",)

    def __str__(self) -> str:
        return self.args[0]

    def __reduce__(self):
        return (type(self), (self.message, self.line, self.column))


@dataclass(frozen=True)
class InterpreterLimits:
    """Caps that keep a learner's runaway program from hanging or exhausting the app."""

    max_source_chars: int = 20_000
    max_syntax_nodes: int = 20_000
    max_nesting_depth: int = 60
    max_loop_iterations: int = 10_000
    max_graph_nodes: int = 100_000
    max_call_depth: int = 30
    max_steps: int = 200_000
    max_tensor_elements: int = 1_000_000
    max_total_elements: int = 20_000_000
    max_integer_bits: int = 4096
    max_output_chars: int = 100_000


# Methods and properties of tensors the program may use (intersected with what the core has).
TENSOR_ATTRIBUTES: frozenset[str] = frozenset(
    """backward sum mean norm item grad data requires_grad_ requires_grad detach detach_ zero_
    numpy tolist shape size dim ndim numel is_leaf grad_fn retain_grad clone dot matmul reshape
    view flatten squeeze unsqueeze T t transpose max min pow square exp log sin cos tan tanh
    sigmoid relu abs sqrt neg float double dtype prod cumsum argmax argmin var std
    """.split()
)

# Attributes a program may assign to (``x.grad = None``, ``x.requires_grad = True``).
SETTABLE_TENSOR_ATTRIBUTES: frozenset[str] = frozenset({"grad", "requires_grad"})

# ``torch.xxx`` names a program may use (intersected with the core's namespace; plus every
# function of the table, which the core exposes under the same names).
TORCH_NAMES: frozenset[str] = frozenset(
    """tensor arange zeros ones zeros_like ones_like full linspace eye randn rand randn_like
    manual_seed exp log sin cos tan tanh sigmoid relu abs sqrt dot sum mean norm matmul mm
    maximum minimum where clamp pow square float32 float64 stack cat normal
    """.split()
)

BUILTIN_NAMES: frozenset[str] = frozenset(
    {"range", "len", "abs", "min", "max", "float", "int", "print", "round"}
)

_REFUSED_STATEMENTS: dict[type, str] = {
    ast.ClassDef: "Classes are not supported here; use functions (def).",
    ast.Global: "'global' is not supported here; pass values in and return them.",
    ast.Nonlocal: "'nonlocal' is not supported here; pass values in and return them.",
    ast.AsyncWith: "'async with' is not supported here.",
    ast.Try: "'try' blocks are not supported here.",
    ast.Raise: "'raise' is not supported here.",
    ast.Assert: "'assert' is not supported here; write an if statement and print the result.",
    ast.Delete: "'del' is not supported here.",
    ast.AsyncFunctionDef: "'async def' is not supported here; use def.",
    ast.AsyncFor: "'async for' is not supported here.",
    ast.AnnAssign: "Type annotations on assignments are not supported here; write x = ...",
}
if hasattr(ast, "TryStar"):
    _REFUSED_STATEMENTS[ast.TryStar] = "'try' blocks are not supported here."
if hasattr(ast, "Match"):
    _REFUSED_STATEMENTS[ast.Match] = "'match' statements are not supported here; use if/elif."

_REFUSED_EXPRESSIONS: dict[type, str] = {
    ast.Lambda: "'lambda' is not supported here; define the function with def.",
    ast.ListComp: "List comprehensions are not supported here; use a for loop over range(...).",
    ast.SetComp: "Set comprehensions are not supported here; use a for loop over range(...).",
    ast.DictComp: "Dict comprehensions are not supported here; use a for loop over range(...).",
    ast.GeneratorExp: "Generator expressions are not supported here; use a for loop.",
    ast.Dict: "Dictionaries are not supported here.",
    ast.Set: "Sets are not supported here.",
    ast.NamedExpr: "The ':=' operator is not supported here; assign on its own line.",
    ast.Await: "'await' is not supported here.",
    ast.Yield: "'yield' is not supported here; return a value instead.",
    ast.YieldFrom: "'yield from' is not supported here.",
    ast.Starred: "Star arguments (*args) are not supported here; pass arguments one by one.",
}

_ALLOWED_NODES: tuple[type, ...] = (
    ast.Module, ast.FunctionDef, ast.Return, ast.Assign, ast.AugAssign, ast.If, ast.While,
    ast.For, ast.Break, ast.Continue, ast.Pass, ast.Expr, ast.BinOp, ast.UnaryOp, ast.BoolOp,
    ast.Compare, ast.Call, ast.Name, ast.Constant, ast.Attribute, ast.Subscript, ast.Slice,
    ast.Tuple, ast.List, ast.IfExp, ast.JoinedStr, ast.FormattedValue, ast.keyword,
    ast.arguments, ast.arg, ast.alias, ast.expr_context, ast.operator, ast.unaryop, ast.boolop,
    ast.cmpop, ast.With, ast.withitem,
)  # fmt: skip

# ``with torch.X(...):`` context managers of the core a program may use.
GRAD_MODE_MANAGERS: frozenset[str] = frozenset({"no_grad", "enable_grad", "set_grad_enabled"})
# Modules ``import ... as NAME`` may bind: the app's autodiff core under its two names.
TORCH_MODULES: frozenset[str] = frozenset({"torch", "explorer.autodiff"})

_ALLOWED_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult, ast.FloorDiv, ast.Mod)
_ALLOWED_COMPARE = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot)


def refuse(message: str, node: ast.AST | None) -> InterpreterError:
    """An error located at ``node`` (columns reported 1-based like the expression language)."""
    line = getattr(node, "lineno", None)
    column = getattr(node, "col_offset", None)
    return InterpreterError(message, line, None if column is None else column + 1)


def parse_program_source(source: str, limits: InterpreterLimits) -> ast.Module:
    """Parse (never run) the program and check every node against the whitelist."""
    if len(source) > limits.max_source_chars:
        raise InterpreterError(
            f"Program is too long ({len(source):,} characters, max {limits.max_source_chars:,})"
        )
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as error:
        column = error.offset if error.offset else None
        raise InterpreterError(f"Syntax error: {error.msg}", error.lineno, column) from None
    except (RecursionError, MemoryError, ValueError) as error:
        raise InterpreterError(f"The program could not be read: {error}") from None
    check_tree(tree, limits)
    return tree


def check_tree(tree: ast.Module, limits: InterpreterLimits) -> None:
    """Refuse anything outside the whitelist, with the place it occurs."""
    string_allowed = _string_positions(tree)
    range_allowed = {id(node.iter) for node in ast.walk(tree) if isinstance(node, ast.For)}
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > limits.max_syntax_nodes:
            raise InterpreterError(f"Program is too large (over {limits.max_syntax_nodes:,} parts)")
        if depth > limits.max_nesting_depth:
            raise refuse(f"Program nests too deeply (max depth {limits.max_nesting_depth})", node)
        _check_node(node, string_allowed, range_allowed)
        # Children pushed last-first so they are checked in source order: the first problem
        # in the program is the one reported.
        children = list(ast.iter_child_nodes(node))
        stack.extend((child, depth + 1) for child in reversed(children))


def _check_node(node: ast.AST, string_allowed: set[int], range_allowed: set[int]) -> None:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        _check_import(node)
        return
    if type(node) in _REFUSED_STATEMENTS:
        raise refuse(_REFUSED_STATEMENTS[type(node)], node)
    if type(node) in _REFUSED_EXPRESSIONS:
        raise refuse(_REFUSED_EXPRESSIONS[type(node)], node)
    if not isinstance(node, _ALLOWED_NODES):
        raise refuse(f"'{type(node).__name__}' is not supported in this sandbox", node)
    checker = _NODE_CHECKS.get(type(node))
    if checker is not None:
        checker(node)
    if isinstance(node, ast.Constant):
        _check_constant(node, string_allowed)
    elif isinstance(node, ast.JoinedStr) and id(node) not in string_allowed:
        raise refuse("f-strings may only be used as arguments of print(...)", node)
    elif isinstance(node, ast.Call) and _is_name(node.func, "range"):
        if id(node) not in range_allowed:
            raise refuse("range(...) may only be used as 'for i in range(...)'", node)


def _check_import(node: ast.Import | ast.ImportFrom) -> None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname is not None and _is_dunder(alias.asname):
                raise refuse(
                    f"Names with double underscores ('{alias.asname}') are not allowed", node
                )
            if alias.name == "torch" or (alias.name in TORCH_MODULES and alias.asname):
                continue
            if alias.name in TORCH_MODULES:
                raise refuse(f"Write 'import {alias.name} as torch'", node)
            raise refuse(
                f"Only torch can be imported here (import torch, or import torch as T); "
                f"'{alias.name}' is not available: use torch's functions (torch.exp, torch.log, "
                "torch.sqrt, ...)",
                node,
            )
        return
    raise refuse(
        "'from ... import' is not supported here; write 'import torch' and use torch.NAME", node
    )


def _check_with(node: ast.With) -> None:
    for item in node.items:
        call = item.context_expr
        is_manager = (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in GRAD_MODE_MANAGERS
        )
        if not is_manager:
            raise refuse(
                "'with' is supported only for torch.no_grad(), torch.enable_grad() and "
                "torch.set_grad_enabled(...)",
                item.context_expr,
            )
        if item.optional_vars is not None:
            raise refuse("Write 'with torch.no_grad():' without 'as'", item.optional_vars)


def _check_constant(node: ast.Constant, string_allowed: set[int]) -> None:
    value = node.value
    if isinstance(value, str):
        if id(node) not in string_allowed:
            raise refuse("Text (strings) may only be used as arguments of print(...)", node)
    elif isinstance(value, (bytes, complex)) or value is Ellipsis:
        raise refuse(f"{type(value).__name__} literals are not supported here", node)


def _string_positions(tree: ast.Module) -> set[int]:
    """ids of string nodes that sit where text is allowed: print's arguments and f-string parts."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_name(node.func, "print"):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(argument, (ast.Constant, ast.JoinedStr)):
                    allowed.add(id(argument))
        if isinstance(node, ast.JoinedStr) and id(node) in allowed:
            allowed.update(id(part) for part in node.values if isinstance(part, ast.Constant))
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            allowed.add(id(node.format_spec))
            allowed.update(id(p) for p in node.format_spec.values if isinstance(p, ast.Constant))
    return allowed


def _is_name(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _is_dunder(name: str) -> bool:
    return name.startswith("__") or name.endswith("__")


def _check_name(node: ast.Name) -> None:
    if _is_dunder(node.id):
        raise refuse(f"Names with double underscores ('{node.id}') are not allowed here", node)


def _check_attribute(node: ast.Attribute) -> None:
    if node.attr.startswith("_"):
        raise refuse(f"Attribute '{node.attr}' is not allowed here (private or special)", node)


def _check_function_def(node: ast.FunctionDef) -> None:
    arguments = node.args
    if node.decorator_list:
        raise refuse("Decorators are not supported here", node.decorator_list[0])
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or arguments.posonlyargs:
        raise refuse("Only plain parameters are supported: def f(a, b=1)", node)
    if _is_dunder(node.name):
        raise refuse(f"Names with double underscores ('{node.name}') are not allowed here", node)
    for parameter in arguments.args:
        if _is_dunder(parameter.arg):
            raise refuse(f"Names with double underscores ('{parameter.arg}') are not allowed", node)


def _check_call(node: ast.Call) -> None:
    for keyword in node.keywords:
        if keyword.arg is None:
            raise refuse("'**' arguments are not supported here; name each argument", keyword.value)
    if not isinstance(node.func, (ast.Name, ast.Attribute)):
        raise refuse("Call functions by name, e.g. torch.exp(x) or f(a)", node)


def _check_binary(node: ast.BinOp) -> None:
    if not isinstance(node.op, _ALLOWED_BINARY):
        raise refuse(f"The operator '{_symbol(node.op)}' is not supported here", node)


def _check_compare(node: ast.Compare) -> None:
    for operator in node.ops:
        if not isinstance(operator, _ALLOWED_COMPARE):
            raise refuse(f"The comparison '{_symbol(operator)}' is not supported here", node)


def _check_assignment_targets(node: ast.Assign | ast.AugAssign | ast.For) -> None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        for part in _flatten_target(target):
            if isinstance(part, ast.Attribute) and isinstance(node, ast.Assign):
                continue  # checked at run time against SETTABLE_TENSOR_ATTRIBUTES
            if not isinstance(part, ast.Name):
                raise refuse("Assign to plain names only, e.g. b = a * 2", part)


def _flatten_target(target: ast.expr) -> list[ast.expr]:
    if isinstance(target, (ast.Tuple, ast.List)):
        return [leaf for element in target.elts for leaf in _flatten_target(element)]
    return [target]


def _check_loop(node: ast.While | ast.For) -> None:
    if node.orelse:
        raise refuse("'else' after a loop is not supported here", node)
    if isinstance(node, ast.For):
        _check_assignment_targets(node)


def _symbol(operator: ast.AST) -> str:
    symbols = {
        ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^",
        ast.In: "in", ast.NotIn: "not in", ast.Invert: "~",
    }  # fmt: skip
    return symbols.get(type(operator), type(operator).__name__)


def _check_unary(node: ast.UnaryOp) -> None:
    if isinstance(node.op, ast.Invert):
        raise refuse("The operator '~' is not supported here", node)


_NODE_CHECKS = {
    ast.Name: _check_name,
    ast.Attribute: _check_attribute,
    ast.FunctionDef: _check_function_def,
    ast.Call: _check_call,
    ast.BinOp: _check_binary,
    ast.Compare: _check_compare,
    ast.Assign: _check_assignment_targets,
    ast.AugAssign: _check_assignment_targets,
    ast.While: _check_loop,
    ast.For: _check_loop,
    ast.UnaryOp: _check_unary,
    ast.With: _check_with,
}
