"""The operations learners reach for that rearrange or pick values: ``repeat``, ``split``,
``chunk``, ``flatten(start_dim, end_dim)``, ``outer``, ``gather``, ``sort``, ``topk``,
``einsum`` (one and two operands).

Most are compositions of recorded operations (repeat is an expand and a reshape, outer a
broadcast product), so their gradients need no rule of their own; ``gather`` and ``einsum``
have rules in ``structural.py``.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from explorer.core.autodiff import functional as F
from explorer.core.autodiff import structural as S
from explorer.core.autodiff.apply import apply_structural
from explorer.core.autodiff.shape_errors import checked_dim
from explorer.core.autodiff.tensor import Tensor, make


def flatten(input: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    shape = tuple(input.shape)
    if not shape:
        return F.reshape(input, (1,))
    start, end = checked_dim(start_dim, len(shape)), checked_dim(end_dim, len(shape))
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    merged = math.prod(shape[start : end + 1])
    return F.reshape(input, shape[:start] + (merged,) + shape[end + 1 :])


def repeat(input: Tensor, *sizes: Any) -> Tensor:
    """Tile ``input`` ``sizes[i]`` times along each dim (an expand of interleaved 1s, reshaped)."""
    if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)):
        sizes = tuple(sizes[0])
    sizes = tuple(int(n) for n in sizes)
    if len(sizes) < input.ndim:
        raise RuntimeError(
            "Number of dimensions of repeat dims can not be smaller than number of dimensions "
            "of tensor"
        )
    shape = (1,) * (len(sizes) - input.ndim) + tuple(input.shape)
    interleaved = F.reshape(input, tuple(n for s in shape for n in (1, s)))
    expanded = F.expand(
        interleaved, tuple(n for r, s in zip(sizes, shape, strict=True) for n in (r, s))
    )
    return F.reshape(expanded, tuple(r * s for r, s in zip(sizes, shape, strict=True)))


def split(tensor: Tensor, split_size_or_sections: Any, dim: int = 0) -> tuple[Tensor, ...]:
    dim = checked_dim(dim, tensor.ndim)
    length = tensor.shape[dim]
    if isinstance(split_size_or_sections, int):
        step = split_size_or_sections
        sizes = [min(step, length - start) for start in range(0, length, step)] or [0]
    else:
        sizes = [int(n) for n in split_size_or_sections]
        if sum(sizes) != length:
            raise RuntimeError(
                f"split_with_sizes expects split_sizes to sum exactly to {length} (input tensor's "
                f"size at dimension {dim}), but got split_sizes={sizes}"
            )
    pieces, start = [], 0
    for size in sizes:
        pieces.append(tensor[(slice(None),) * dim + (slice(start, start + size),)])
        start += size
    return tuple(pieces)


def chunk(input: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
    length = input.shape[checked_dim(dim, input.ndim)]
    return split(input, max(1, math.ceil(length / chunks)), dim)


def outer(input: Tensor, vec2: Tensor) -> Tensor:
    return F.reshape(input, (-1, 1)) * F.reshape(vec2, (1, -1))


def gather(input: Tensor, dim: int, index: Tensor) -> Tensor:
    dim = checked_dim(dim, input.ndim)
    indices = np.asarray(index._value if isinstance(index, Tensor) else index)
    if indices.dtype.kind not in "iu":
        raise RuntimeError("gather(): Expected dtype int64 for index")
    return apply_structural(S.GATHER, (input,), (indices, dim))


class _Picked(NamedTuple):
    values: Tensor
    indices: Tensor


class SortResult(_Picked):
    def __repr__(self) -> str:
        return f"torch.return_types.sort(\nvalues={self.values!r},\nindices={self.indices!r})"


class TopkResult(_Picked):
    def __repr__(self) -> str:
        return f"torch.return_types.topk(\nvalues={self.values!r},\nindices={self.indices!r})"


def _picked(kind: type, input: Tensor, dim: int, order: np.ndarray) -> Any:
    indices = make(order, False)
    return kind(gather(input, dim, indices), indices)


def sort(input: Tensor, dim: int = -1, descending: bool = False, stable: bool = False) -> Any:
    dim = checked_dim(dim, input.ndim)
    values = np.asarray(input._value)
    order = np.argsort(-values if descending else values, axis=dim, kind="stable")
    return _picked(SortResult, input, dim, order.astype(np.int64))


def topk(input: Tensor, k: int, dim: int = -1, largest: bool = True, sorted: bool = True) -> Any:
    dim = checked_dim(dim, input.ndim)
    values = np.asarray(input._value)
    if not 0 <= k <= values.shape[dim]:
        raise RuntimeError("selected index k out of range")
    order = np.argsort(-values if largest else values, axis=dim, kind="stable")
    return _picked(TopkResult, input, dim, np.take(order, np.arange(k), axis=dim).astype(np.int64))


def einsum(equation: str, *operands: Any) -> Tensor:
    """``einsum("ij,jk->ik", a, b)`` and other one- or two-operand forms without ``...`` or a
    repeated index within one operand."""
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    equation = equation.replace(" ", "")
    inputs_text, _, output = equation.partition("->")
    subscripts = inputs_text.split(",")
    if "->" not in equation:
        letters = "".join(subscripts)
        output = "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    if len(subscripts) != len(operands) or not 1 <= len(operands) <= 2:
        raise RuntimeError(
            "einsum(): explorer.autodiff supports one or two operands, each named in the "
            f"equation; got {len(operands)} operands for '{equation}'"
        )
    if "." in equation or any(len(set(s)) != len(s) for s in subscripts):
        raise RuntimeError(
            "einsum(): '...' and repeated indices within one operand are not supported by "
            "explorer.autodiff"
        )
    tensors = tuple(F.as_tensor(t) for t in operands)
    return apply_structural(S.EINSUM, tensors, (tuple(subscripts), output))
