"""Copy as code: the race as a short script for real PyTorch that reproduces the same trajectories.

f is written from our expression tree (never from the learner's text) in PyTorch's names; each
racer becomes the ``torch.optim`` class with the same keyword arguments the race used, on a float64
parameter so the numbers match the app's to the last digits.
"""

from __future__ import annotations

from collections.abc import Sequence

from explorer.core.descent.objective import Objective
from explorer.core.descent.optimizers import OptimizerSettings
from explorer.core.expr.nodes import BinaryOp, Call, Constant, Node, Number, UnaryOp, Variable
from explorer.core.expr.to_numpy import free_names
from explorer.core.expr.traverse import fold_tree
from explorer.core.functions import lookup

# Functions of our table in PyTorch (the table's extras such as sec or step spelled out).
TORCH_CALLS = {
    "sin": "torch.sin({})", "cos": "torch.cos({})", "tan": "torch.tan({})",
    "cot": "1 / torch.tan({})", "sec": "1 / torch.cos({})", "csc": "1 / torch.sin({})",
    "asin": "torch.asin({})", "acos": "torch.acos({})", "atan": "torch.atan({})",
    "atan2": "torch.atan2({}, {})",
    "sinh": "torch.sinh({})", "cosh": "torch.cosh({})", "tanh": "torch.tanh({})",
    "asinh": "torch.asinh({})", "acosh": "torch.acosh({})", "atanh": "torch.atanh({})",
    "exp": "torch.exp({})", "log": "torch.log({})", "log2": "torch.log2({})",
    "log10": "torch.log10({})", "sqrt": "torch.sqrt({})",
    "cbrt": "torch.sign({0}) * torch.abs({0}) ** (1 / 3)", "abs": "torch.abs({})",
    "sigmoid": "torch.sigmoid({})", "relu": "torch.relu({})",
    "softplus": "torch.nn.functional.softplus({})", "floor": "torch.floor({})",
    "ceil": "torch.ceil({})", "sign": "torch.sign({})", "step": "({0} > 0).to({0}.dtype)",
}  # fmt: skip
# A product of these templates is not a single atom: parenthesize it as an operand.
_COMPOUND_CALLS = {"cot", "sec", "csc", "cbrt"}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "unary": 3, "^": 4}
_ATOM = 5
_PYTHON_OPS = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**"}


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def torch_expression(tree: Node) -> str:
    """Python source of f over tensors named by the variables, e.g. ``(1 - x) ** 2``."""

    def visit(node: Node, children: list[tuple[str, int]]) -> tuple[str, int]:
        if isinstance(node, Variable):
            return node.name, _ATOM
        if isinstance(node, Number):
            return _number(node.value), _ATOM
        if isinstance(node, Constant):
            return f"math.{node.name}", _ATOM
        if isinstance(node, Call):
            name = lookup(node.name).name
            texts = [text for text, _ in children]
            if len(texts) == 2:
                # torch.atan2 takes tensors only (torch.atan2(y, 2) is a TypeError).
                texts = [
                    text if free_names(argument) else f"torch.as_tensor({text})"
                    for text, argument in zip(texts, node.args, strict=True)
                ]
            text = TORCH_CALLS[name].format(*texts)
            return text, (1 if name in _COMPOUND_CALLS else _ATOM)
        if isinstance(node, UnaryOp):
            text, level = children[0]
            if level < _PRECEDENCE["unary"]:
                text = f"({text})"
            return f"{node.op}{text}", _PRECEDENCE["unary"]
        if isinstance(node, BinaryOp):
            level = _PRECEDENCE[node.op]
            (left, left_level), (right, right_level) = children
            power = node.op == "^"
            # ** binds tighter than unary minus on its left and is right-associative.
            if left_level < level or (power and left_level <= level):
                left = f"({left})"
            if right_level < level or (right_level == level and node.op in "-/"):
                right = f"({right})"
            return f"{left} {_PYTHON_OPS[node.op]} {right}", level
        raise TypeError(f"not an expression node: {type(node).__name__}")

    return fold_tree(tree, visit)[0]


def _arguments(settings: OptimizerSettings) -> str:
    parts = []
    for name, value in settings.torch_arguments().items():
        if isinstance(value, tuple):
            parts.append(f"{name}=({', '.join(repr(v) for v in value)})")
        else:
            parts.append(f"{name}={value!r}")
    return ", ".join(parts)


def pytorch_script(
    objective: Objective,
    start: Sequence[float],
    racers: Sequence[OptimizerSettings],
    steps: int,
) -> str:
    """A runnable script: f, one run per racer with ``torch.optim``, the final points printed."""
    variables = ", ".join(objective.variables)
    start_text = ", ".join(repr(float(v)) for v in start)
    racer_lines = "\n".join(
        f'    "{s.label}": run(lambda params: torch.optim.{s.spec.torch_class.__name__}'
        f"(params, {_arguments(s)})),"
        for s in racers
    )
    title = f"Gradient descent race from Calculus Explorer: f({variables}) = {objective.display()}"
    return f'''"""{title}"""

import math

import torch


def f({variables}):
    return {torch_expression(objective.expression.tree)}


def run(make_optimizer, steps={steps}):
    """Minimise f from the start with one optimizer; returns every point, start first."""
    p = torch.tensor([{start_text}], dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([p])
    path = [p.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        loss = f(*p)
        loss.backward()
        optimizer.step()
        path.append(p.detach().clone())
    return torch.stack(path)


paths = {{
{racer_lines}
}}
for name, path in paths.items():
    print(f"{{name}}: final point {{path[-1].tolist()}}, f = {{f(*path[-1]).item():.6g}}")
'''
