"""Readable names and partials for graph nodes that have no formula of their own (traced Python).

An op node traced from Python carries no expression text: it is named from its op and its
arguments' names (``dot(x, x)``, ``dot(w, x) + b``). Edges into non-elementwise ops (dot, sum,
mean, norm, matmul, …) get the core's rule written over the actual operands (``∂dot(x, x)/∂x = x``)
and, from the core's own vector-Jacobian product, the vector partial (for a scalar result) and
each edge's own contribution, so two uses of ``x`` by one ``dot`` are each shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from explorer.core.autodiff import rules, structural
from explorer.core.autodiff.introspect import input_tensors
from explorer.core.autodiff.rules import describe_partial, substitute

# ``u·v`` is the core's symbol for both the elementwise product and the dot product; a node
# name must tell them apart.
_NAME_TEMPLATES = {"dot": "dot(u, v)"}
_MAX_NAME_LENGTH = 36
_PLACEHOLDER = re.compile(r"(?<![A-Za-z_])([uv])(?![A-Za-z_(])")


def op_template(op: str) -> str | None:
    """The op over ``u``, ``v`` (``u + v``, ``dot(u, v)``, ``Σu``), from the core's rules."""
    if op in _NAME_TEMPLATES:
        return _NAME_TEMPLATES[op]
    for module in (rules, structural):
        for candidate in vars(module).values():
            if isinstance(candidate, rules.OpRule) and candidate.name == op and candidate.symbol:
                return candidate.symbol
    spec = rules.TABLE_RULES.get(op)
    return spec.symbol if spec else None


def apply_template(op: str, texts: Sequence[str]) -> str:
    """``op`` applied to argument texts: ``x·w + b``, ``dot(x, x)``, ``stack(a, b, c)``."""
    template = op_template(op)
    if template is None or len(texts) > 2 or "…" in template:
        return f"{op}({', '.join(texts)})"
    return substitute(template, [*texts, *["v"] * (2 - len(texts))])


def name_for(op: str, texts: Sequence[str]) -> str | None:
    """A node's name from its op and its arguments' texts; None when it would be too long."""
    text = apply_template(op, texts)
    return text if len(text) <= _MAX_NAME_LENGTH else None


def with_operands(text: str, symbols: Sequence[str]) -> str:
    """A rule written over ``u``, ``v`` with the actual operand names put in."""

    def operand(match: re.Match) -> str:
        index = "uv".index(match.group(1))
        return symbols[index] if index < len(symbols) else match.group(1)

    return _PLACEHOLDER.sub(operand, text)


@dataclass(frozen=True)
class StructuralEdge:
    """What a non-elementwise edge shows: its rule over the operands and its numbers."""

    formula: str | None  # ∂target/∂source as a vector over operand names (scalar results only)
    description: str  # the rule in words, with the operand names
    vector_partial: np.ndarray | None  # ∂target/∂source, shaped like the source (scalar results)
    contribution: np.ndarray | None  # ∂f/∂target·∂target/∂source, shaped like the source


def structural_edges(
    tensors: Sequence[Any],
    raw_edges: Sequence[Any],
    symbols: dict[int, str],
    grads: dict[int, np.ndarray | None],
    flows: Sequence[bool],
) -> dict[int, StructuralEdge]:
    """Details of every edge into a non-elementwise op, by edge index.

    ``tensors`` are the core's tensors in snapshot order; ``symbols`` and ``grads`` are by node
    id; ``flows[i]`` says whether gradient flows along edge ``i``. The numbers come from the op's
    own ``vjp``: with a seed of 1 it is the vector partial, with the target's gradient it is the
    edge's contribution.
    """
    details: dict[int, StructuralEdge] = {}
    cache: dict[tuple[int, bool], tuple[Any, ...] | None] = {}
    index_of = {id(tensor): index for index, tensor in enumerate(tensors)}
    for index, edge in enumerate(raw_edges):
        if edge.detached or edge.local_partial is not None:
            continue
        tensor = tensors[edge.target]
        rule = tensor._op
        if rule is None or rule.vjp is None:
            continue
        operands = [symbols.get(index_of.get(id(t), -1), "?") for t in input_tensors(tensor)]
        described = _described(rule, edge.argument_index, operands, symbols[edge.target])
        scalar = np.size(tensor._value) == 1
        vector = _vjp(cache, tensor, edge.target, None) if scalar else None
        grad = grads.get(edge.target)
        flowing = flows[index] and grad is not None
        through = _vjp(cache, tensor, edge.target, grad) if flowing else None
        details[index] = StructuralEdge(
            _vector_formula(described, tensor) if scalar else None,
            described,
            _pick(vector, edge.argument_index),
            _pick(through, edge.argument_index),
        )
    return details


def _described(rule: Any, argument: int, operands: list[str], target: str) -> str:
    """The core's rule text (``∂(u·v)/∂u = v``) over the actual names (``∂dot(x, w)/∂x = w``)."""
    text = describe_partial(rule, argument)
    for generic in (f"∂({rule.symbol})/", f"∂{rule.symbol}/"):
        if generic in text:
            text = text.replace(generic, "∂\0/", 1)
            break
    return with_operands(text, operands).replace("\0", target)


def _vjp(cache: dict, tensor: Any, target: int, grad: np.ndarray | None) -> tuple[Any, ...] | None:
    key = (target, grad is None)
    if key not in cache:
        value = np.asarray(tensor._value)
        seed = np.ones(np.shape(value)) if grad is None else np.asarray(grad, dtype=np.float64)
        values = [np.asarray(t._value) for t in input_tensors(tensor)]
        try:
            with np.errstate(all="ignore"):
                cache[key] = tuple(tensor._op.vjp(seed, values, value, tensor._node._extra))
        except (ValueError, TypeError, IndexError):
            cache[key] = None
    return cache[key]


def _pick(results: tuple[Any, ...] | None, index: int) -> np.ndarray | None:
    if results is None or index >= len(results) or results[index] is None:
        return None
    return np.asarray(results[index], dtype=np.float64)


def _vector_formula(described: str, tensor: Any) -> str | None:
    """``∂dot(x, x)/∂x = x`` → ``x``; ``∂mean(x)/∂xᵢ = 1/n for every element`` → ``1/4``."""
    if " = " not in described:
        return None
    formula = described.split(" = ", 1)[1].removesuffix(" for every element")
    formula = formula.replace("ᵢ", "")
    count = max((np.size(t._value) for t in input_tensors(tensor)), default=1)
    return re.sub(r"(?<![A-Za-z_])n(?![A-Za-z_])", str(count), formula)
