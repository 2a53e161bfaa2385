"""Vectorised numpy evaluation of an expression tree, compiled once into a postfix program.

No code is generated and nothing is handed to ``eval`` or ``lambdify``: one iterative pass over
the tree lists its operations in postfix order (numpy ufuncs and the table's forward functions),
and the returned closure runs them on a stack, so a tree of any depth evaluates without recursion.
Evaluation runs in float64 with numpy warnings silenced; the result is always broadcast to the
shape of the inputs, so a constant such as ``pi`` or ``x - x`` gives a full array on a grid.
Complex values become NaN.
Division by zero and overflow give ±inf and NaN as numpy does; the sampler turns those into gaps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from explorer.core.expr.nodes import (
    BinaryOp,
    Call,
    Constant,
    Definition,
    Node,
    Number,
    Program,
    UnaryOp,
    Variable,
    walk,
)
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

Env = dict[str, Any]
# One step of the postfix program: (opcode, payload). Post-order of the tree is exactly postfix.
Instruction = tuple[int, Any]
PUSH, LOAD, APPLY1, APPLY2, STORE = range(5)

_BINARY_UFUNCS: dict[str, Callable[[Any, Any], Any]] = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.true_divide,
    "^": np.power,
}


def _instruction(node: Node) -> Instruction | None:
    if isinstance(node, Number):
        return (PUSH, float(node.value))
    if isinstance(node, Constant):
        return (PUSH, CONSTANTS[node.name][0])
    if isinstance(node, Variable):
        return (LOAD, node.name)
    if isinstance(node, UnaryOp):
        return (APPLY1, np.negative) if node.op == "-" else None
    if isinstance(node, BinaryOp):
        return (APPLY2, _BINARY_UFUNCS[node.op])
    if isinstance(node, Call):
        spec = lookup(node.name)
        if spec is None or len(node.args) != spec.arity:
            raise ValueError(f"cannot evaluate unknown function {node.name!r}")
        return (APPLY2 if spec.arity == 2 else APPLY1, spec.forward)
    if isinstance(node, Definition):
        return (STORE, node.name)
    if isinstance(node, Program):
        return None
    raise TypeError(f"not an expression node: {type(node).__name__}")


def compile_postfix(node: Node) -> list[Instruction]:
    """The tree as a postfix program; evaluating it needs no recursion, whatever the depth."""
    program: list[Instruction] = []

    def visit(current: Node, _children: list[None]) -> None:
        instruction = _instruction(current)
        if instruction is not None:
            program.append(instruction)

    fold_tree(node, visit)
    return program


def run_postfix(program: list[Instruction], env: Env) -> Any:
    stack: list[Any] = []
    for opcode, payload in program:
        if opcode == APPLY2:
            right = stack.pop()
            stack[-1] = payload(stack[-1], right)
        elif opcode == APPLY1:
            stack[-1] = payload(stack[-1])
        elif opcode == LOAD:
            stack.append(env[payload])
        elif opcode == PUSH:
            stack.append(payload)
        else:
            # A program's definition: remember its value for later lines; the last one is output.
            env[payload] = stack[-1]
            if len(stack) > 1:
                del stack[:-1]
    return stack[-1]


def free_names(node: Node) -> tuple[str, ...]:
    """Variables the tree needs from outside (not defined by a program), in first-use order."""
    defined = {n.name for n in walk(node) if isinstance(n, Definition)}
    seen: dict[str, None] = {}
    for current in walk(node):
        if isinstance(current, Variable) and current.name not in defined:
            seen.setdefault(current.name)
    return tuple(seen)


def _as_real_float64(result: Any) -> np.ndarray:
    result = np.asarray(result)
    if np.iscomplexobj(result):
        result = np.where(result.imag == 0, result.real, np.nan)
    return np.asarray(result, dtype=np.float64)


def tree_to_numpy(node: Node) -> Callable[..., np.ndarray]:
    """Compile ``node`` into ``f(**arrays) -> float64 array`` broadcast to the inputs' common shape.

    Every variable the tree uses must be given as a keyword; extra keywords are allowed and still
    take part in broadcasting (a 2-D panel passes ``y`` to ``x^2`` and gets a surface).
    """
    program = compile_postfix(node)
    needed = free_names(node)

    def evaluate(**values: Any) -> np.ndarray:
        missing = [name for name in needed if name not in values]
        if missing:
            raise TypeError(f"missing value for {', '.join(missing)}")
        env: Env = {name: np.asarray(value, dtype=np.float64) for name, value in values.items()}
        shape = np.broadcast_shapes(*(array.shape for array in env.values()))
        with np.errstate(all="ignore"):
            result = _as_real_float64(run_postfix(program, env))
        output = np.empty(np.broadcast_shapes(shape, result.shape), dtype=np.float64)
        output[...] = result
        return output

    evaluate.needed_names = needed  # type: ignore[attr-defined]
    return evaluate


def evaluate_tree(node: Node, values: Mapping[str, Any]) -> np.ndarray:
    """One-off evaluation; compile with ``tree_to_numpy`` when evaluating repeatedly."""
    return tree_to_numpy(node)(**values)
