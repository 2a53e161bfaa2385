"""``torch.func``: gradients as function transforms (``grad``, ``vjp``, ``jvp``, ``hessian``).

``grad(f)(x)`` runs ``f`` on a leaf made from ``x`` and returns ∂f/∂x. The gradient is recorded
(``create_graph=True``), so transforms nest: ``grad(grad(f))`` is the second derivative, and
``hessian(f)`` differentiates each entry of ``grad(f)`` again. Only the outermost transform hands
back plain tensors, as torch.func does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from explorer.core.autodiff import autograd
from explorer.core.autodiff.creation import tensor
from explorer.core.autodiff.engine import enable_grad
from explorer.core.autodiff.forward import jvp
from explorer.core.autodiff.functional import stack
from explorer.core.autodiff.tensor import Tensor, make

__all__ = ["grad", "hessian", "jvp", "vjp"]


class _Depth:
    """How many transforms are running: the outermost one detaches what it returns."""

    value = 0


def _leaf(value: Any) -> Tensor:
    """``value`` as a tensor to differentiate by: itself inside an outer transform (so the outer
    one sees through), else a fresh leaf (floats for integer input)."""
    if isinstance(value, Tensor) and value.requires_grad:
        return value * 1
    source = value.detach() if isinstance(value, Tensor) else value
    leaf = tensor(source)
    if leaf.dtype.kind not in "fc":
        leaf = tensor(source, dtype=np.float64)
    return leaf.requires_grad_(True)


def _finish(results: Any) -> Any:
    if _Depth.value > 0:
        return results
    if isinstance(results, tuple):
        return tuple(_finish(r) for r in results)
    return results.detach() if isinstance(results, Tensor) else results


def _zeros_for(tensor: Tensor) -> Tensor:
    return make(np.zeros_like(tensor._value), False)


def grad(func: Callable[..., Any], argnums: int | Sequence[int] = 0,
         has_aux: bool = False) -> Callable[..., Any]:  # fmt: skip
    """A function returning ∂func/∂(argument ``argnums``) for a function with a scalar output."""
    several = not isinstance(argnums, int)
    positions = tuple(argnums) if several else (argnums,)

    def gradient_function(*args: Any) -> Any:
        inputs = list(args)
        for position in positions:
            inputs[position] = _leaf(args[position])
        _Depth.value += 1
        try:
            with enable_grad():
                output = func(*inputs)
                aux = None
                if has_aux:
                    output, aux = output
                if not isinstance(output, Tensor) or output.numel() != 1:
                    raise RuntimeError(
                        "grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, "
                        f"got tensor with {output.dim() if isinstance(output, Tensor) else 0} "
                        "dims. Maybe you wanted to use the vjp or jacrev APIs instead?"
                    )
                leaves = [inputs[p] for p in positions]
                if output.requires_grad:
                    found = autograd.grad(output, leaves, create_graph=True, allow_unused=True)
                else:
                    found = [None] * len(leaves)
                grads = tuple(
                    _zeros_for(leaf) if g is None else g
                    for leaf, g in zip(leaves, found, strict=True)
                )
        finally:
            _Depth.value -= 1
        result = grads if several else grads[0]
        return _finish((result, aux)) if has_aux else _finish(result)

    return gradient_function


def vjp(func: Callable[..., Any], *primals: Any, has_aux: bool = False) -> tuple[Any, ...]:
    """``(func(*primals), vjp_fn)``: ``vjp_fn(v)`` gives vᵀ·J for each primal."""
    leaves = [_leaf(p) for p in primals]
    _Depth.value += 1
    try:
        with enable_grad():
            output = func(*leaves)
    finally:
        _Depth.value -= 1
    aux = None
    if has_aux:
        output, aux = output

    def vjp_fn(cotangents: Any) -> tuple[Tensor, ...]:
        outputs = list(output) if isinstance(output, (tuple, list)) else [output]
        seeds = list(cotangents) if isinstance(cotangents, (tuple, list)) else [cotangents]
        _Depth.value += 1
        try:
            with enable_grad():
                found = autograd.grad(outputs, leaves, seeds, retain_graph=True,
                                      create_graph=True, allow_unused=True)  # fmt: skip
        finally:
            _Depth.value -= 1
        return _finish(
            tuple(
                _zeros_for(leaf) if g is None else g for leaf, g in zip(leaves, found, strict=True)
            )
        )

    result = (_finish(output), vjp_fn)
    return (*result, _finish(aux)) if has_aux else result


def hessian(func: Callable[..., Any], argnums: int = 0) -> Callable[..., Any]:
    """The matrix of second derivatives of a scalar function, shaped ``x.shape + x.shape``."""

    def hessian_function(*args: Any) -> Tensor:
        inputs = list(args)
        inputs[argnums] = leaf = _leaf(args[argnums])
        _Depth.value += 1
        try:
            with enable_grad():
                (first,) = autograd.grad(func(*inputs), [leaf], create_graph=True)
                flat = first.reshape(-1)
                rows = []
                for index in range(flat.numel()):
                    (row,) = autograd.grad(flat[index], [leaf], retain_graph=True,
                                           create_graph=True, allow_unused=True)  # fmt: skip
                    rows.append(_zeros_for(leaf) if row is None else row)
                result = stack(rows).reshape(*leaf.shape, *leaf.shape)
        finally:
            _Depth.value -= 1
        return _finish(result)

    return hessian_function
