"""Vectorised numpy evaluation of an expression tree, compiled once into nested closures.

No code is generated and nothing is handed to ``eval`` or ``lambdify``: each node becomes a small
closure over its children's closures, built in one iterative pass over the tree. Evaluation runs in
float64 with numpy warnings silenced; the result is always broadcast to the shape of the inputs, so
a constant such as ``pi`` or ``x - x`` gives a full array on a grid. Complex values become NaN.
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
Closure = Callable[[Env], Any]

_BINARY_UFUNCS: dict[str, Callable[[Any, Any], Any]] = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.true_divide,
    "^": np.power,
}


def _constant_closure(value: float) -> Closure:
    return lambda env: value


def _variable_closure(name: str) -> Closure:
    return lambda env: env[name]


def _binary_closure(op: str, left: Closure, right: Closure) -> Closure:
    ufunc = _BINARY_UFUNCS[op]
    return lambda env: ufunc(left(env), right(env))


def _call_closure(forward: Callable[[Any], Any], argument: Closure) -> Closure:
    return lambda env: forward(argument(env))


def _definition_closure(name: str, expression: Closure) -> Closure:
    def define(env: Env) -> Any:
        env[name] = expression(env)
        return env[name]

    return define


def _program_closure(definitions: list[Closure]) -> Closure:
    def run(env: Env) -> Any:
        result = None
        for define in definitions:
            result = define(env)
        return result

    return run


def _compile_node(node: Node, children: list[Closure]) -> Closure:
    if isinstance(node, Number):
        return _constant_closure(float(node.value))
    if isinstance(node, Constant):
        return _constant_closure(CONSTANTS[node.name][0])
    if isinstance(node, Variable):
        return _variable_closure(node.name)
    if isinstance(node, UnaryOp):
        return (lambda env, f=children[0]: np.negative(f(env))) if node.op == "-" else children[0]
    if isinstance(node, BinaryOp):
        return _binary_closure(node.op, children[0], children[1])
    if isinstance(node, Call):
        spec = lookup(node.name)
        if spec is None or len(children) != spec.arity:
            raise ValueError(f"cannot evaluate unknown function {node.name!r}")
        return _call_closure(spec.forward, children[0])
    if isinstance(node, Definition):
        return _definition_closure(node.name, children[0])
    if isinstance(node, Program):
        return _program_closure(children)
    raise TypeError(f"not an expression node: {type(node).__name__}")


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
    body = fold_tree(node, _compile_node)
    needed = free_names(node)

    def evaluate(**values: Any) -> np.ndarray:
        missing = [name for name in needed if name not in values]
        if missing:
            raise TypeError(f"missing value for {', '.join(missing)}")
        env: Env = {name: np.asarray(value, dtype=np.float64) for name, value in values.items()}
        shape = np.broadcast_shapes(*(array.shape for array in env.values()))
        with np.errstate(all="ignore"):
            result = _as_real_float64(body(env))
        output = np.empty(np.broadcast_shapes(shape, result.shape), dtype=np.float64)
        output[...] = result
        return output

    evaluate.needed_names = needed  # type: ignore[attr-defined]
    return evaluate


def evaluate_tree(node: Node, values: Mapping[str, Any]) -> np.ndarray:
    """One-off evaluation; compile with ``tree_to_numpy`` when evaluating repeatedly."""
    return tree_to_numpy(node)(**values)
