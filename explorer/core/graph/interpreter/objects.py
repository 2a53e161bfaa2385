"""The values a restricted program can hold besides numbers and tensors, and how they are named.

A program's own ``def`` functions (``UserFunction``), markers for whitelisted builtins
(``Builtin``), the ``torch`` name (``TorchNamespace``), f-string fields (``format_for_print``) and
the wording messages use for a value (``kind``). ``explorer.core.graph.interpreter.guard``
checks every use of them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any

from explorer.core.functions import FUNCTIONS
from explorer.core.graph.interpreter.rules import TORCH_NAMES, refuse

# Format specs such as ".5f", ">10.3e", "+.2%": short widths only, so no giant padding.
_FORMAT_SPEC = re.compile(r"^[<>^=]?[+\- ]?#?0?\d{0,2}[,_]?(\.\d{1,2})?[bdeEfFgGn%xXos]?$")


@dataclass(frozen=True)
class UserFunction:
    """A function the program defined with ``def``."""

    name: str
    node: ast.FunctionDef
    defaults: tuple[Any, ...]
    # Locals of the defs this one is nested in (read by its body, as a closure).
    enclosing: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def bind(self, args: list[Any], kwargs: dict[str, Any], call: ast.AST) -> dict[str, Any]:
        names = [parameter.arg for parameter in self.node.args.args]
        if len(args) > len(names):
            raise refuse(
                f"{self.name}() takes {len(names)} argument(s) but {len(args)} were given", call
            )
        bound = dict(zip(names, args, strict=False))
        for key, value in kwargs.items():
            if key not in names:
                raise refuse(f"{self.name}() got an unexpected argument '{key}'", call)
            if key in bound:
                raise refuse(f"{self.name}() got two values for '{key}'", call)
            bound[key] = value
        first_default = len(names) - len(self.defaults)
        for position, name in enumerate(names):
            if name not in bound:
                if position < first_default:
                    raise refuse(f"{self.name}() is missing the argument '{name}'", call)
                bound[name] = self.defaults[position - first_default]
        return bound


class Builtin:
    """Marker for a whitelisted builtin, so a user variable can never be mistaken for one."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<built-in function {self.name}>"


class TorchNamespace:
    """What the name ``torch`` means inside the program: whitelisted names of the core only."""

    __slots__ = ("module", "allowed")

    def __init__(self, module: Any):
        self.module = module
        table_names = {spec.name for spec in FUNCTIONS}
        self.allowed = frozenset(n for n in TORCH_NAMES | table_names if hasattr(module, n))

    def __repr__(self) -> str:
        return "<module 'torch' (Calculus Explorer's autodiff core)>"


def format_for_print(value: Any, conversion: int, spec: str, node: ast.AST) -> str:
    """One ``{value!r:spec}`` field of an f-string, with the spec limited to short widths."""
    if not _FORMAT_SPEC.match(spec):
        raise refuse(f"Format '{spec}' is not supported; use e.g. '.5f' or '.3e'", node)
    if conversion == ord("r"):
        value = repr(value)
    elif conversion in (ord("s"), ord("a")):
        value = str(value)
    return format(value, spec)


def kind(value: Any) -> str:
    """How a message names ``value``: "the function 'f'", "the torch module", "a str" …"""
    if value is None:
        return "None"
    if isinstance(value, UserFunction):
        return f"the function '{value.name}'"
    if isinstance(value, TorchNamespace):
        return "the torch module"
    if isinstance(value, Builtin):
        return f"the builtin '{value.name}'"
    return f"a {type(value).__name__}"
