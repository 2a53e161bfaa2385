"""Evaluate an expression tree as ``f(x)`` with parameters bound, in float64 or truly in float32.

float64 goes through the parser's shared ``tree_to_numpy``. That evaluator computes in float64 by
design, so the float32 switch of the error-vs-h view gets its own small closure compiler here: it
keeps the input's dtype all the way (literals stay Python floats, which numpy treats as "weak" and
does not let upcast a float32 array), which is what makes float32 round-off visible.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable
from explorer.core.expr.to_numpy import tree_to_numpy
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import CONSTANTS, lookup

RealFunction = Callable[[np.ndarray], np.ndarray]

_UFUNCS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.true_divide, "^": np.power}


def bind(
    tree: Node, variable: str, params: Mapping[str, float], dtype: type = np.float64
) -> RealFunction:
    """``f(x_array) -> array`` of ``dtype`` with the parameters fixed to ``params``."""
    if np.dtype(dtype) == np.float64:
        compiled = _compiled_float64(tree)
        fixed = {name: float(value) for name, value in params.items()}
        return lambda x: compiled(**fixed, **{variable: x})
    return _bind_native(tree, variable, params, dtype)


@lru_cache(maxsize=256)
def _compiled_float64(tree: Node) -> Callable[..., np.ndarray]:
    # Trees are immutable and hashable: rebinding parameters (a slider move) reuses the closure.
    return tree_to_numpy(tree)


def _bind_native(
    tree: Node, variable: str, params: Mapping[str, float], dtype: type
) -> RealFunction:
    body = fold_tree(tree, _compile)
    # dtype(...) scalars of the same dtype as x keep every operation in that precision.
    fixed = {name: dtype(value) for name, value in params.items()}

    def evaluate(x: np.ndarray) -> np.ndarray:
        values = np.asarray(x, dtype=dtype)
        env = {**fixed, variable: values}
        with np.errstate(all="ignore"):
            result = np.asarray(body(env))
        if np.iscomplexobj(result):
            result = np.where(result.imag == 0, result.real, np.nan)
        return np.broadcast_to(result.astype(dtype, copy=False), values.shape).copy()

    return evaluate


def _compile(node: Node, children: list[Callable[[dict], Any]]) -> Callable[[dict], Any]:
    if isinstance(node, Number):
        value = float(node.value)
        return lambda env: value
    if isinstance(node, Constant):
        value = CONSTANTS[node.name][0]
        return lambda env: value
    if isinstance(node, Variable):
        name = node.name
        return lambda env: env[name]
    if isinstance(node, UnaryOp):
        operand = children[0]
        return (lambda env: np.negative(operand(env))) if node.op == "-" else operand
    if isinstance(node, BinaryOp):
        ufunc, left, right = _UFUNCS[node.op], children[0], children[1]
        return lambda env: ufunc(left(env), right(env))
    if isinstance(node, Call):
        spec = lookup(node.name)
        if spec is None:
            raise ValueError(f"cannot evaluate unknown function {node.name!r}")
        forward = spec.forward
        if spec.arity == 2:
            first, second = children
            return lambda env: forward(first(env), second(env))
        argument = children[0]
        return lambda env: forward(argument(env))
    raise TypeError(f"cannot evaluate a {type(node).__name__} node")
