"""Forward mode: ``torch.func.jvp``, one forward pass carrying tangents.

Forward mode carries a tangent next to each value; every op pushes it through the same rule that
reverse mode uses (elementwise: tangent × local partial; structural: the rule's jvp). The two modes
therefore cannot drift apart, and the tests check one against the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from explorer.core.autodiff.creation import tensor
from explorer.core.autodiff.engine import no_grad
from explorer.core.autodiff.tensor import Tensor, make


def _as_tuple(items: Any) -> tuple[Any, ...]:
    return tuple(items) if isinstance(items, (tuple, list)) else (items,)


def _primal(value: Any) -> Tensor:
    source = value.detach() if isinstance(value, Tensor) else value
    primal = tensor(source)
    if primal.dtype.kind not in "fc":
        primal = tensor(source, dtype=np.float64)
    return primal


def jvp(func: Callable[..., Any], primals: Any, tangents: Any) -> tuple[Any, Any]:
    """``(func(*primals), J·tangents)`` computed in one forward pass.

    ``primals`` and ``tangents`` are a tensor each or matching tuples; the outputs mirror
    ``func``'s output (one tensor, or a tuple of tensors).
    """
    primal_tuple, tangent_tuple = _as_tuple(primals), _as_tuple(tangents)
    if len(primal_tuple) != len(tangent_tuple):
        raise RuntimeError(
            "jvp: Expected primals and tangents to have the same length, but got "
            f"{len(primal_tuple)} primals and {len(tangent_tuple)} tangents."
        )
    inputs = []
    for value, tangent in zip(primal_tuple, tangent_tuple, strict=True):
        primal = _primal(value)
        direction = np.asarray(tangent._value if isinstance(tangent, Tensor) else tangent)
        if direction.shape != primal._value.shape:
            raise RuntimeError(
                f"jvp: tangent shape {direction.shape} does not match primal shape "
                f"{primal._value.shape}"
            )
        primal._tangent = direction.astype(primal.dtype)
        inputs.append(primal)
    with no_grad():
        outputs = func(*inputs)
    if isinstance(outputs, (tuple, list)):
        pairs = [_split_dual(output) for output in outputs]
        return tuple(p for p, _ in pairs), tuple(t for _, t in pairs)
    return _split_dual(outputs)


def _split_dual(output: Any) -> tuple[Tensor, Tensor]:
    if not isinstance(output, Tensor):
        raise RuntimeError("jvp: the function must return tensors")
    tangent = output._tangent
    if tangent is None:
        tangent = np.zeros_like(output._value)  # the output does not depend on the primals
    return make(output._value, False), make(np.array(tangent, copy=True), False)
