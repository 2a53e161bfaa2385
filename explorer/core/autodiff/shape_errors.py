"""PyTorch's wording for shape and index errors (broadcasting, reshape, indexing), not numpy's.

A learner's snippet that fails should fail with the message PyTorch would print, so what they
search for or read in the seed notes matches. The rules follow ATen's own checks: ``infer_size``
(broadcasting, reported at the first mismatch from the right, numbered in the broadcast shape),
``infer_size`` of ``view``/``reshape``, and ``applySelect`` of indexing.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

ZERO_DIM_INDEX_MESSAGE = (
    "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ "
    "to convert a 0-dim tensor to a number"
)


def is_broadcast_error(error: ValueError) -> bool:
    return str(error).startswith("operands could not be broadcast")


def size_mismatch_error(shapes: Sequence[tuple[int, ...]]) -> RuntimeError:
    """The error PyTorch raises for operands whose shapes do not broadcast.

    Like TensorIterator, the shapes are combined left to right (``a`` is the shape so far, ``b``
    the next operand's), each pair compared from the last dimension backwards.
    """
    combined = tuple(shapes[0])
    for shape in shapes[1:]:
        ndim = max(len(combined), len(shape))
        merged = []
        for dim in range(ndim - 1, -1, -1):
            offset = ndim - 1 - dim
            size_a = combined[len(combined) - 1 - offset] if offset < len(combined) else 1
            size_b = shape[len(shape) - 1 - offset] if offset < len(shape) else 1
            if size_a != size_b and size_a != 1 and size_b != 1:
                return RuntimeError(
                    f"The size of tensor a ({size_a}) must match the size of tensor b ({size_b}) "
                    f"at non-singleton dimension {dim}"
                )
            merged.append(size_b if size_a == 1 else size_a)
        combined = tuple(reversed(merged))
    # numpy refused shapes that broadcast: say so in numpy's terms rather than invent a reason.
    return RuntimeError(f"shapes {[list(s) for s in shapes]} cannot be broadcast together")


def infer_shape(shape: Sequence[Any], numel: int) -> tuple[int, ...]:
    """The target of ``view``/``reshape`` with ``-1`` resolved, checked as PyTorch checks it."""
    sizes = [int(n) for n in shape]
    inferred = None
    known = 1
    for dim, size in enumerate(sizes):
        if size == -1:
            if inferred is not None:
                raise RuntimeError("only one dimension can be inferred")
            inferred = dim
        elif size < 0:
            raise RuntimeError(f"invalid shape dimension {size}")
        else:
            known *= size
    if numel == known or (inferred is not None and known > 0 and numel % known == 0):
        if inferred is not None:
            if known == 0:
                raise RuntimeError(
                    f"cannot reshape tensor of 0 elements into shape {sizes} because the "
                    "unspecified dimension size -1 can be any value and is ambiguous"
                )
            sizes[inferred] = numel // known
        return tuple(sizes)
    raise RuntimeError(f"shape '{sizes}' is invalid for input of size {numel}")


_OUT_OF_BOUNDS = re.compile(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)")


def index_error(error: IndexError, value: Any, key: Any) -> IndexError:
    """numpy's error for ``value[key]`` (a tensor's value) in PyTorch's words."""
    text = str(error)
    if np.ndim(value) == 0:
        return IndexError(ZERO_DIM_INDEX_MESSAGE)
    found = _OUT_OF_BOUNDS.search(text)
    if found:
        index, dim, size = found.groups()
        return IndexError(f"index {index} is out of bounds for dimension {dim} with size {size}")
    if text.startswith("too many indices"):
        return IndexError(f"too many indices for tensor of dimension {np.ndim(value)}")
    if isinstance(key, np.ndarray) and key.dtype == np.bool_ and text.startswith("boolean index"):
        for dim, (mask_size, size) in enumerate(zip(key.shape, np.shape(value), strict=False)):
            if mask_size != size:
                return IndexError(
                    f"The shape of the mask {list(key.shape)} at index {dim} does not match the "
                    f"shape of the indexed tensor {list(np.shape(value))} at index {dim}"
                )
    return error


def dim_out_of_range(dim: int, ndim: int, extra: int = 0) -> IndexError:
    """PyTorch's error for a dim outside ``[-n, n - 1]`` (n = ndim + extra, at least 1)."""
    wrap = max(ndim + extra, 1)
    return IndexError(
        f"Dimension out of range (expected to be in range of [{-wrap}, {wrap - 1}], but got {dim})"
    )


def checked_dim(dim: Any, ndim: int, extra: int = 0) -> int:
    """``dim`` as a non-negative index, checked as ATen's ``maybe_wrap_dim`` checks it.

    ``extra`` is 1 where the op makes a new dim (``unsqueeze``, ``stack``). A 0-dim tensor
    accepts dims 0 and -1, as in PyTorch.
    """
    dim = operator.index(dim)
    wrap = max(ndim + extra, 1)
    if not -wrap <= dim < wrap:
        raise dim_out_of_range(dim, ndim, extra)
    return dim % wrap


def checked_dims(dims: Any, ndim: int) -> tuple[int, ...] | None:
    """Reduction dims (an int, a sequence, or None for all) checked and made non-negative.

    Reducing a 0-dim tensor over its dim 0 reduces nothing: the empty tuple.
    """
    if dims is None:
        return None
    dims = (dims,) if isinstance(dims, (int, np.integer)) else tuple(dims)
    checked = tuple(checked_dim(dim, ndim) for dim in dims)
    return checked if ndim else ()
