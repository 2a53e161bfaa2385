"""Rules whose Jacobian is not diagonal: reductions, dot, matmul, reshape, transpose, indexing.

Each gives its vector-Jacobian product (reverse mode) and Jacobian-vector product (forward mode)
next to each other, so the two can be read against one another. ``extra`` carries the op's
parameters (reduced dims, target shape, index key, norm order).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from explorer.core.autodiff.economies import unbroadcast
from explorer.core.autodiff.rules import GRAPH_VJPS, STRUCTURAL_DESCRIPTIONS, OpRule


def _zero_if_none(tangent: Any, like: Any) -> Any:
    return np.zeros_like(like) if tangent is None else tangent


def expand_reduced(g: Any, shape: tuple[int, ...], dims: tuple[int, ...] | None, keepdim: bool):
    """Undo a reduction's shape change so ``g`` broadcasts back over the reduced input."""
    if dims is not None and not keepdim:
        g = np.expand_dims(g, tuple(d % len(shape) for d in dims))
    return np.broadcast_to(g, shape)


def reduced_count(shape: tuple[int, ...], dims: tuple[int, ...] | None) -> int:
    if dims is None:
        return int(np.prod(shape, dtype=np.int64))
    return int(np.prod([shape[d] for d in dims], dtype=np.int64))


def _sum_forward(a: Any, extra: Any) -> Any:
    dims, keepdim = extra
    return np.sum(a, axis=dims, keepdims=keepdim)


def _mean_forward(a: Any, extra: Any) -> Any:
    dims, keepdim = extra
    if np.size(a) == 0:  # NaN without numpy's "Mean of empty slice" warning, as in PyTorch
        return np.sum(a, axis=dims, keepdims=keepdim) / reduced_count(np.shape(a), dims)
    return np.mean(a, axis=dims, keepdims=keepdim)


SUM = OpRule(
    "sum", "SumBackward0", _sum_forward,
    vjp=lambda g, values, out, extra: (expand_reduced(g, np.shape(values[0]), *extra),),
    jvp=lambda tangents, values, out, extra: _sum_forward(tangents[0], extra),
    symbol="Σu", saves_values=False,
    out_needed_by=(),
)  # fmt: skip
MEAN = OpRule(
    "mean", "MeanBackward0", _mean_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(
            g / reduced_count(np.shape(values[0]), extra[0]), np.shape(values[0]), *extra
        ),
    ),
    jvp=lambda tangents, values, out, extra: _mean_forward(tangents[0], extra),
    symbol="mean(u)", saves_values=False,
    out_needed_by=(),
)  # fmt: skip
# PyTorch's overloads: sum()/mean() over everything are ...Backward0, over given dims ...Backward1.
SUM_DIMS = replace(SUM, backward_name="SumBackward1")
MEAN_DIMS = replace(MEAN, backward_name="MeanBackward1")


def _norm_forward(a: Any, extra: Any) -> Any:
    order, dims, keepdim = extra
    magnitude = np.abs(a)
    if order == 2:
        return np.sqrt(np.sum(magnitude * magnitude, axis=dims, keepdims=keepdim))
    if order == np.inf:
        return np.max(magnitude, axis=dims, keepdims=keepdim)
    return np.sum(magnitude**order, axis=dims, keepdims=keepdim) ** (1.0 / order)


def _norm_local(values: Any, out: Any, extra: Any) -> Any:
    """∂‖a‖_p/∂a, with 0 where the norm is 0 (PyTorch's choice at the kink)."""
    (a,) = values
    order, dims, keepdim = extra
    norm = out if (dims is None or keepdim) else np.expand_dims(out, dims)
    with np.errstate(divide="ignore", invalid="ignore"):
        if order == 2:
            local = a / norm
        elif order == np.inf:
            local = np.sign(a) * (np.abs(a) == norm)
            local = local / np.sum(local != 0, axis=dims, keepdims=True)
        else:
            local = np.sign(a) * np.abs(a) ** (order - 1) / norm ** (order - 1)
    return np.where(norm == 0, 0.0, local)


NORM = OpRule(
    "norm", "LinalgVectorNormBackward0", _norm_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), extra[1], extra[2])
        * _norm_local(values, out, extra),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _norm_local(values, out, extra), axis=extra[1], keepdims=extra[2]
    ),
    symbol="‖u‖",
)  # fmt: skip

RESHAPE = OpRule(
    "reshape", "ViewBackward0", lambda a, shape: np.reshape(a, shape),
    vjp=lambda g, values, out, extra: (np.reshape(g, np.shape(values[0])),),
    jvp=lambda tangents, values, out, extra: np.reshape(tangents[0], extra),
    symbol="reshape(u)", saves_values=False,
    out_needed_by=(), is_view=True,
)  # fmt: skip
# The op PyTorch records for each way of changing only the shape: reshape of a value that needs a
# copy (after a transpose) is a copy then a view, squeeze/unsqueeze name themselves.
RESHAPE_COPY = replace(RESHAPE, backward_name="UnsafeViewBackward0", is_view=False)
SQUEEZE_ALL = replace(RESHAPE, backward_name="SqueezeBackward0")
SQUEEZE_DIM = replace(RESHAPE, backward_name="SqueezeBackward1")
UNSQUEEZE = replace(RESHAPE, backward_name="UnsqueezeBackward0")

PERMUTE = OpRule(
    "permute", "PermuteBackward0", lambda a, axes: np.transpose(a, axes),
    vjp=lambda g, values, out, extra: (np.transpose(g, np.argsort(extra)),),
    jvp=lambda tangents, values, out, extra: np.transpose(tangents[0], extra),
    symbol="uᵀ", saves_values=False,
    out_needed_by=(), is_view=True,
)  # fmt: skip

# A tensor written through a reshaped or transposed view of it (``y.view(2, 3).mul_(2)``) takes
# the view's new value back in its own shape; PyTorch names that node CopySlices. It is not a
# view of that value.
RESHAPE_BACK = replace(RESHAPE, backward_name="CopySlices", is_view=False)
PERMUTE_BACK = replace(PERMUTE, backward_name="CopySlices", is_view=False)


# t.expand(sizes): a broadcast view; each input element's gradient sums its copies.
EXPAND = OpRule(
    "expand", "ExpandBackward0", lambda a, shape: np.broadcast_to(a, shape),
    vjp=lambda g, values, out, extra: (unbroadcast(g, np.shape(values[0])),),
    jvp=lambda tangents, values, out, extra: np.broadcast_to(tangents[0], extra),
    symbol="expand(u)", saves_values=False, out_needed_by=(), is_view=True,
)  # fmt: skip


# t.contiguous() of a value numpy holds in another layout (after a transpose): a C-order copy.
CONTIGUOUS = OpRule(
    "contiguous", "CloneBackward0", lambda a, extra: np.ascontiguousarray(a),
    vjp=lambda g, values, out, extra: (g,), jvp=lambda tangents, values, out, extra: tangents[0],
    symbol="u", saves_values=False, out_needed_by=(),
)  # fmt: skip


def _is_advanced(key: Any) -> bool:
    parts = key if isinstance(key, tuple) else (key,)
    return any(isinstance(part, (list, np.ndarray)) for part in parts)


def _index_vjp(g: Any, values: Any, out: Any, key: Any) -> tuple[Any]:
    source = values[0]
    grad = np.zeros(np.shape(source), dtype=np.result_type(g, np.float32))
    if _is_advanced(key):
        np.add.at(grad, key, g)  # repeated indices must add up
    else:
        grad[key] = g
    return (grad,)


INDEX = OpRule(
    "index", "IndexBackward0", lambda a, key: np.asarray(a)[key], vjp=_index_vjp,
    jvp=lambda tangents, values, out, extra: np.asarray(tangents[0])[extra],
    symbol="u[i]", saves_values=False,
    out_needed_by=(),
)  # fmt: skip
# PyTorch applies a basic index part by part, left to right (an integer is a select, a slice a
# slice, None an unsqueeze), so the node is named after the last part; any list, array or mask
# makes it advanced indexing (IndexBackward0), and ``t[...]`` alone is an alias.
_INDEX_RULES = {
    name: replace(INDEX, backward_name=name, is_view=True)
    for name in ("SelectBackward0", "SliceBackward0", "UnsqueezeBackward0", "AliasBackward0")
}
_SELECT = _INDEX_RULES["SelectBackward0"]


def index_rule(key: Any) -> OpRule:
    """The indexing rule named as PyTorch names ``tensor[key]``'s node."""
    if type(key) is int:
        return _SELECT  # the common case first: t[0]
    name = "AliasBackward0"
    for part in key if isinstance(key, tuple) else (key,):
        if part is None:
            name = "UnsqueezeBackward0"
        elif isinstance(part, slice):
            name = "SliceBackward0"
        elif isinstance(part, (int, np.integer)) and not isinstance(part, (bool, np.bool_)):
            name = "SelectBackward0"
        elif isinstance(part, np.ndarray) and part.ndim == 0 and part.dtype.kind in "iu":
            name = "SelectBackward0"  # a one-element integer tensor selects, as in PyTorch
        elif part is not Ellipsis:
            return INDEX
    return _INDEX_RULES[name]


def _index_put_forward(a: Any, v: Any, key: Any) -> Any:
    out = np.array(a, copy=True)
    out[key] = v
    return out


def _index_put_vjp(g: Any, values: Any, out: Any, key: Any) -> tuple[Any, Any]:
    rest = np.array(g, copy=True)
    rest[key] = 0  # overwritten: the old value there does not reach the output
    return rest, unbroadcast(np.asarray(g)[key], np.shape(values[1]))


def _index_put_jvp(tangents: Any, values: Any, out: Any, key: Any) -> Any:
    tangent = np.array(_zero_if_none(tangents[0], values[0]), dtype=np.result_type(out), copy=True)
    tangent[key] = 0 if tangents[1] is None else tangents[1]
    return tangent


# ``t[key] = v`` while a graph is recorded; PyTorch names a basic key's node CopySlices.
INDEX_PUT = OpRule(
    "index_put", "IndexPutBackward0", _index_put_forward, vjp=_index_put_vjp, jvp=_index_put_jvp,
    symbol="u[i] ← v", saves_values=False, out_needed_by=(),
)  # fmt: skip
COPY_SLICES = replace(INDEX_PUT, backward_name="CopySlices")


def index_put_rule(key: Any) -> OpRule:
    return INDEX_PUT if index_rule(key) is INDEX else COPY_SLICES


def _dot_forward(a: Any, b: Any, extra: Any) -> Any:
    return np.dot(a, b)


DOT = OpRule(
    "dot", "DotBackward0", _dot_forward,
    vjp=lambda g, values, out, extra: (g * values[1], g * values[0]),
    jvp=lambda tangents, values, out, extra: (
        np.dot(_zero_if_none(tangents[0], values[0]), values[1])
        + np.dot(values[0], _zero_if_none(tangents[1], values[1]))
    ),
    symbol="u·v",
    out_needed_by=(),
)  # fmt: skip


def _matmul_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any, Any]:
    a, b = values
    # Promote vectors to matrices as matmul does, then undo the promotion in the result.
    a2 = a[np.newaxis, :] if a.ndim == 1 else a
    b2 = b[:, np.newaxis] if b.ndim == 1 else b
    g2 = g
    if a.ndim == 1:
        g2 = np.expand_dims(g2, -2)
    if b.ndim == 1:
        g2 = np.expand_dims(g2, -1)
    grad_a = g2 @ np.swapaxes(b2, -1, -2)
    grad_b = np.swapaxes(a2, -1, -2) @ g2
    grad_a = grad_a[..., 0, :] if a.ndim == 1 else grad_a
    grad_b = grad_b[..., 0] if b.ndim == 1 else grad_b
    # Batch dimensions broadcast (a (1, 2, 3) @ (2, 3, 2) batch of two) are summed back.
    return unbroadcast(grad_a, a.shape), unbroadcast(grad_b, b.shape)


MATMUL = OpRule(
    "matmul", "MmBackward0", lambda a, b, extra: np.matmul(a, b), vjp=_matmul_vjp,
    jvp=lambda tangents, values, out, extra: (
        np.matmul(_zero_if_none(tangents[0], values[0]), values[1])
        + np.matmul(values[0], _zero_if_none(tangents[1], values[1]))
    ),
    symbol="u @ v",
    out_needed_by=(),
)  # fmt: skip

# What ``a @ b`` records in PyTorch, by the operands' dimensions: 1-D @ 2-D is an mm whose
# result is squeezed in place, batched products end in a view of an mm or bmm.
MM = MATMUL
MV = replace(MATMUL, backward_name="MvBackward0")
VECTOR_MATRIX = replace(MATMUL, backward_name="SqueezeBackward1")
BATCHED_MATMUL = replace(MATMUL, backward_name="UnsafeViewBackward0")

STRUCTURAL_DESCRIPTIONS.update(
    {
        "sum": ("∂(Σu)/∂uᵢ = 1 for every element", ""),
        "mean": ("∂mean(u)/∂uᵢ = 1/n for every element", ""),
        "norm": ("∂‖u‖/∂uᵢ = uᵢ/‖u‖", ""),
        "reshape": ("reshape: each element's gradient goes back to its place", ""),
        "permute": ("transpose: the gradient is transposed back", ""),
        "index": ("indexing: the gradient goes to the selected elements, 0 elsewhere", ""),
        "index_put": (
            "assignment: the overwritten elements get no gradient",
            "the gradient of the elements written",
        ),
        "dot": ("∂(u·v)/∂u = v", "∂(u·v)/∂v = u"),
        "matmul": ("∂(u @ v)/∂u: G @ vᵀ", "∂(u @ v)/∂v: uᵀ @ G"),
    }
)


def _split_stacked(g: Any, values: Any, out: Any, axis: int) -> tuple[Any, ...]:
    return tuple(np.take(g, index, axis=axis) for index in range(len(values)))


def _split_concatenated(g: Any, values: Any, out: Any, axis: int) -> tuple[Any, ...]:
    boundaries = np.cumsum([np.shape(v)[axis] for v in values])[:-1]
    return tuple(np.split(g, boundaries, axis=axis))


def _tangents_or_zeros(tangents: Any, values: Any) -> list[Any]:
    return [_zero_if_none(t, v) for t, v in zip(tangents, values, strict=True)]


STACK = OpRule(
    "stack", "StackBackward0", lambda *values: np.stack(values[:-1], axis=values[-1]),
    vjp=_split_stacked,
    jvp=lambda tangents, values, out, axis: np.stack(_tangents_or_zeros(tangents, values), axis),
    symbol="stack(u, v, …)", saves_values=False,
    out_needed_by=(),
)  # fmt: skip
CAT = OpRule(
    "cat", "CatBackward0", lambda *values: np.concatenate(values[:-1], axis=values[-1]),
    vjp=_split_concatenated,
    jvp=lambda tangents, values, out, axis: np.concatenate(
        _tangents_or_zeros(tangents, values), axis
    ),
    symbol="cat(u, v, …)", saves_values=False,
    out_needed_by=(),
)  # fmt: skip


def _extreme_forward(a: Any, extra: Any) -> Any:
    reducer, dims, keepdim = extra
    return reducer(a, axis=dims, keepdims=keepdim)


def _extreme_local(values: Any, out: Any, extra: Any) -> Any:
    """Where the extreme is attained, split evenly between ties (PyTorch's amax/amin rule)."""
    (a,) = values
    reducer, dims, keepdim = extra
    extreme = out if (dims is None or keepdim) else np.expand_dims(out, dims)
    hits = a == extreme
    return hits / np.sum(hits, axis=dims, keepdims=True)


EXTREME = OpRule(
    "max", "MaxBackward1", _extreme_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), extra[1], extra[2])
        * _extreme_local(values, out, extra),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _extreme_local(values, out, extra), axis=extra[1], keepdims=extra[2]
    ),
    symbol="max(u)",
)  # fmt: skip

CAST = OpRule(
    "to", "ToCopyBackward0", lambda a, dtype: np.asarray(a).astype(dtype),
    vjp=lambda g, values, out, extra: (np.asarray(g).astype(values[0].dtype),),
    jvp=lambda tangents, values, out, dtype: np.asarray(tangents[0]).astype(dtype),
    symbol="u", saves_values=False,
    out_needed_by=(),
)  # fmt: skip

STRUCTURAL_DESCRIPTIONS.update(
    {
        "stack": ("stack: each input gets its slice of the gradient", ""),
        "cat": ("cat: each input gets its part of the gradient", ""),
        "max": ("∂max(u)/∂uᵢ = 1 where uᵢ is the maximum (shared between ties)", ""),
        "min": ("∂min(u)/∂uᵢ = 1 where uᵢ is the minimum (shared between ties)", ""),
        "to": ("type conversion: the gradient passes through", ""),
    }
)


def _gather_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any]:
    indices, dim = extra
    grad = np.zeros(np.shape(values[0]), dtype=np.result_type(g, np.float32))
    positions = list(np.indices(indices.shape, sparse=True))
    positions[dim] = indices
    np.add.at(grad, tuple(positions), g)  # an index picked twice gets both gradients
    return (grad,)


GATHER = OpRule(
    "gather", "GatherBackward0", lambda a, extra: np.take_along_axis(a, extra[0], axis=extra[1]),
    vjp=_gather_vjp,
    jvp=lambda tangents, values, out, extra: np.take_along_axis(tangents[0], *extra),
    symbol="gather(u)", saves_values=False, out_needed_by=(),
)  # fmt: skip


def _einsum_forward(*values: Any) -> Any:
    (subscripts, output) = values[-1]
    return np.einsum(f"{','.join(subscripts)}->{output}", *values[:-1])


def _einsum_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any, ...]:
    """Each operand's gradient is an einsum of g with the other operand; indices the operand
    alone sums over (in neither g nor the other) come back by broadcasting, as the sum's do.
    Written with numpy functions that have tensor forms, so it also serves create_graph."""
    subscripts, output = extra
    grads = []
    for index, own in enumerate(subscripts):
        others = [s for i, s in enumerate(subscripts) if i != index]
        present = output + "".join(others)
        kept = "".join(c for c in own if c in present)
        arrays = [g, *[v for i, v in enumerate(values) if i != index]]
        grad = np.einsum(f"{','.join([output, *others])}->{kept}", *arrays)
        missing = tuple(position for position, c in enumerate(own) if c not in present)
        if missing:
            grad = np.broadcast_to(np.expand_dims(grad, missing), np.shape(values[index]))
        grads.append(grad)
    return tuple(grads)


EINSUM = OpRule(
    "einsum", "EinsumBackward0", _einsum_forward, vjp=_einsum_vjp,
    jvp=lambda tangents, values, out, extra: sum(
        _einsum_forward(*[t if i == j else v for i, v in enumerate(values)], extra)
        for j, t in enumerate(tangents) if t is not None
    ),
    symbol="einsum(u, v)", out_needed_by=(),
)  # fmt: skip


def scatter_add_graph(g: Any, like: Any, indices: np.ndarray, dim: int) -> Any:
    """The tensor shaped like ``like`` that gathering ``indices`` along ``dim`` reads ``g`` from,
    each position summing what was read from it (gather's product), from recorded operations:
    g times a one-hot of the indices, summed over the gathered positions. Repeated indices add
    up, which writing g into place could not do."""
    shape = np.shape(like)
    ndim = len(shape)
    one_hot = indices[..., None] == np.arange(shape[dim])  # [..., i, ..., j]: i reads j
    spread = np.sum(np.expand_dims(g, -1) * one_hot, axis=dim)  # [..., j], the rest kept
    placed = np.transpose(spread, (*range(dim), ndim - 1, *range(dim, ndim - 1)))
    if np.shape(placed) == shape:
        return placed
    grad = like.detach() * 0  # indices shorter than the input along some dim: pad with zeros
    grad[tuple(slice(0, n) for n in np.shape(placed))] = placed
    return grad


def _gather_graph_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any]:
    indices, dim = extra
    return (scatter_add_graph(g, values[0], indices, dim),)


def _index_graph_vjp(g: Any, values: Any, out: Any, key: Any) -> tuple[Any]:
    """Indexing's product on tensors: g written into zeros shaped like the input (recorded)."""
    if _is_advanced(key) and _has_repeats(key):
        raise NotImplementedError(
            "create_graph=True through indexing with repeated indices is not supported by "
            "explorer.autodiff"
        )
    grad = values[0].detach() * 0
    grad[key] = g
    return (grad,)


def _has_repeats(key: Any) -> bool:
    parts = key if isinstance(key, tuple) else (key,)
    arrays = [np.asarray(p) for p in parts if isinstance(p, (list, np.ndarray))]
    if any(a.dtype == bool for a in arrays):
        return False
    rows = np.stack(np.broadcast_arrays(*arrays), axis=-1).reshape(-1, len(arrays))
    return len(np.unique(rows, axis=0)) != len(rows)


def _index_put_graph_vjp(g: Any, values: Any, out: Any, key: Any) -> tuple[Any, Any]:
    rest = g.clone()
    rest[key] = 0
    return rest, unbroadcast(g[key], np.shape(values[1]))


GRAPH_VJPS.update(
    {
        rule.name: rule.vjp
        for rule in (
            SUM,
            MEAN,
            NORM,
            RESHAPE,
            PERMUTE,
            DOT,
            MATMUL,
            STACK,
            CAT,
            EXTREME,
            EXPAND,
            CONTIGUOUS,
            EINSUM,
        )  # fmt: skip
    }
)
GRAPH_VJPS.update(
    {
        "min": EXTREME.vjp,
        "to": lambda g, values, out, dtype: (g.to(values[0].dtype),),
        "index": _index_graph_vjp,
        "gather": _gather_graph_vjp,
        "index_put": _index_put_graph_vjp,
    }
)
