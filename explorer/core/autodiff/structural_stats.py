"""More structural rules: variance and standard deviation, product, cumulative sum, softmax,
log-softmax, and max/min along a dim (which also return the indices).

Same shape as ``structural.py``: each rule's vector-Jacobian product (reverse mode) and
Jacobian-vector product (forward mode) sit next to each other; ``extra`` carries the parameters.
Conventions at the awkward points follow PyTorch: the standard deviation's gradient is 0 where
the deviation is 0, a product's gradient is exact at zeros (products of the other factors, not
``out / x``), and max/min along a dim send the gradient to the one index they return.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff.rules import GRAPH_VJPS, STRUCTURAL_DESCRIPTIONS, OpRule
from explorer.core.autodiff.structural import expand_reduced, reduced_count, scatter_add_graph


def _centered(a: Any, dims: tuple[int, ...] | None) -> Any:
    return a - np.mean(a, axis=dims, keepdims=True)


def _var_forward(a: Any, extra: Any) -> Any:
    dims, correction, keepdim = extra
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.var(a, axis=dims, ddof=correction, keepdims=keepdim)


def _var_local(values: Any, extra: Any) -> Any:
    """∂var/∂aᵢ = 2·(aᵢ − mean)/(n − correction)."""
    dims, correction, _ = extra
    (a,) = values
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2.0 * _centered(a, dims) / (reduced_count(np.shape(a), dims) - correction)


VAR = OpRule(
    "var", "VarBackward0", _var_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), extra[0], extra[2]) * _var_local(values, extra),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _var_local(values, extra), axis=extra[0], keepdims=extra[2]
    ),
    symbol="var(u)",
)  # fmt: skip


def _std_local(values: Any, out: Any, extra: Any) -> Any:
    """∂std/∂aᵢ = ∂var/∂aᵢ / (2·std), 0 where std is 0 (PyTorch masks that point)."""
    dims, _, keepdim = extra
    std = out if (dims is None or keepdim) else np.expand_dims(out, dims)
    with np.errstate(divide="ignore", invalid="ignore"):
        local = _var_local(values, extra) / (2.0 * std)
    return np.where(std == 0, 0.0, local)


STD = OpRule(
    "std", "StdBackward0", lambda a, extra: np.sqrt(_var_forward(a, extra)),
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), extra[0], extra[2])
        * _std_local(values, out, extra),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _std_local(values, out, extra), axis=extra[0], keepdims=extra[2]
    ),
    symbol="std(u)",
)  # fmt: skip


def _prod_forward(a: Any, extra: Any) -> Any:
    dim, keepdim = extra
    return np.prod(a, axis=dim, keepdims=keepdim)


def _product_of_others(a: Any, dim: int | None) -> Any:
    """For each element, the product of the other elements along ``dim`` (all, if None), exact
    at zeros: the products before it times the products after it."""
    if dim is None:
        return _product_of_others(np.reshape(a, -1), 0).reshape(np.shape(a))
    a = np.moveaxis(np.asarray(a), dim, -1)
    ones = np.ones(a.shape[:-1] + (1,), dtype=a.dtype)
    before = np.cumprod(np.concatenate([ones, a[..., :-1]], axis=-1), axis=-1)
    after = np.cumprod(np.concatenate([ones, a[..., :0:-1]], axis=-1), axis=-1)[..., ::-1]
    return np.moveaxis(before * after, -1, dim)


def _prod_dims(extra: Any) -> tuple[int, ...] | None:
    return None if extra[0] is None else (extra[0],)


def _product_of_others_graph(a: Any, dim: int | None) -> Any:
    """``_product_of_others`` from recorded operations, for create_graph: row i of an n × n
    stack holds the elements with the i-th replaced by 1, and its product is the others'."""
    if dim is None:
        return np.reshape(_product_of_others_graph(np.reshape(a, (-1,)), 0), np.shape(a))
    ndim = np.ndim(a)
    last = np.transpose(a, (*range(dim), *range(dim + 1, ndim), dim))  # dim moved last
    n = np.shape(a)[dim]
    rows = np.where(np.eye(n, dtype=bool), 1.0, np.expand_dims(last, -2))
    others = np.prod(rows, axis=-1)
    return np.transpose(others, (*range(dim), ndim - 1, *range(dim, ndim - 1)))


def _prod_graph_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any]:
    shape = np.shape(values[0])
    local = _product_of_others_graph(values[0], extra[0])
    return (expand_reduced(g, shape, _prod_dims(extra), extra[1]) * local,)


PROD = OpRule(
    "prod", "ProdBackward0", _prod_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), _prod_dims(extra), extra[1])
        * _product_of_others(values[0], extra[0]),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _product_of_others(values[0], extra[0]), axis=extra[0], keepdims=extra[1]
    ),
    symbol="Πu",
)  # fmt: skip

CUMSUM = OpRule(
    "cumsum", "CumsumBackward0", lambda a, dim: np.cumsum(a, axis=dim),
    # Each input element feeds every later output: the reversed cumulative sum of g.
    vjp=lambda g, values, out, dim: (np.flip(np.cumsum(np.flip(g, dim), axis=dim), dim),),
    jvp=lambda tangents, values, out, dim: np.cumsum(tangents[0], axis=dim),
    symbol="cumsum(u)", saves_values=False, out_needed_by=(),
)  # fmt: skip


def _softmax_forward(a: Any, dim: int) -> Any:
    shifted = np.exp(a - np.max(a, axis=dim, keepdims=True))  # no overflow for large inputs
    return shifted / np.sum(shifted, axis=dim, keepdims=True)


SOFTMAX = OpRule(
    "softmax", "SoftmaxBackward0", _softmax_forward,
    vjp=lambda g, values, out, dim: (out * (g - np.sum(g * out, axis=dim, keepdims=True)),),
    jvp=lambda tangents, values, out, dim: out
    * (tangents[0] - np.sum(tangents[0] * out, axis=dim, keepdims=True)),
    symbol="softmax(u)",
)  # fmt: skip


def _log_softmax_forward(a: Any, dim: int) -> Any:
    shifted = a - np.max(a, axis=dim, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=dim, keepdims=True))


LOG_SOFTMAX = OpRule(
    "log_softmax", "LogSoftmaxBackward0", _log_softmax_forward,
    vjp=lambda g, values, out, dim: (g - np.exp(out) * np.sum(g, axis=dim, keepdims=True),),
    jvp=lambda tangents, values, out, dim: tangents[0]
    - np.sum(np.exp(out) * tangents[0], axis=dim, keepdims=True),
    symbol="log_softmax(u)",
)  # fmt: skip


def _pick(a: Any, extra: Any) -> Any:
    indices, dim, keepdim = extra  # indices keep the reduced dim (length 1)
    picked = np.take_along_axis(np.asarray(a), indices, axis=dim)
    return picked if keepdim else np.squeeze(picked, axis=dim)


def _pick_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any]:
    indices, dim, keepdim = extra
    grad = np.zeros(np.shape(values[0]), dtype=np.result_type(g, np.float32))
    g = np.asarray(g) if keepdim else np.expand_dims(g, dim)
    np.put_along_axis(grad, indices, g, axis=dim)
    return (grad,)


def _pick_graph_vjp(g: Any, values: Any, out: Any, extra: Any) -> tuple[Any]:
    """The same from recorded operations: the picked index is a gather's."""
    indices, dim, keepdim = extra
    g = g if keepdim else np.expand_dims(g, dim)
    return (scatter_add_graph(g, values[0], indices, dim),)


MAX_ALONG = OpRule(
    "max_along", "MaxBackward0", _pick, vjp=_pick_vjp,
    jvp=lambda tangents, values, out, extra: _pick(tangents[0], extra),
    symbol="max(u, dim)", saves_values=False, out_needed_by=(),
)  # fmt: skip
MIN_ALONG = OpRule(
    "min_along", "MinBackward0", _pick, vjp=_pick_vjp,
    jvp=lambda tangents, values, out, extra: _pick(tangents[0], extra),
    symbol="min(u, dim)", saves_values=False, out_needed_by=(),
)  # fmt: skip

STRUCTURAL_DESCRIPTIONS.update(
    {
        "var": ("∂var(u)/∂uᵢ = 2(uᵢ − mean)/(n − 1)", ""),
        "std": ("∂std(u)/∂uᵢ = (uᵢ − mean)/((n − 1)·std)", ""),
        "prod": ("∂(Πu)/∂uᵢ = the product of the other elements", ""),
        "cumsum": ("∂cumsum(u)ⱼ/∂uᵢ = 1 for j ≥ i", ""),
        "softmax": ("∂sᵢ/∂uⱼ = sᵢ(δᵢⱼ − sⱼ)", ""),
        "log_softmax": ("∂ log sᵢ/∂uⱼ = δᵢⱼ − sⱼ", ""),
        "max_along": ("max along a dim: the gradient goes to the index it returns", ""),
        "min_along": ("min along a dim: the gradient goes to the index it returns", ""),
    }
)


def _logsumexp_forward(a: Any, extra: Any) -> Any:
    dims, keepdim = extra
    peak = np.max(a, axis=dims, keepdims=True)
    peak = np.where(np.isfinite(peak), peak, 0.0)  # all −inf (or an inf) must not give NaN here
    total = np.log(np.sum(np.exp(a - peak), axis=dims, keepdims=True)) + peak
    return total if keepdim else np.squeeze(total, axis=dims)


def _logsumexp_softmax(values: Any, out: Any, extra: Any) -> Any:
    """∂ logsumexp(u)/∂uᵢ = exp(uᵢ − logsumexp(u)): the softmax along the reduced dims."""
    (a,) = values
    return np.exp(a - expand_reduced(out, np.shape(a), *extra))


LOGSUMEXP = OpRule(
    "logsumexp", "LogsumexpBackward0", _logsumexp_forward,
    vjp=lambda g, values, out, extra: (
        expand_reduced(g, np.shape(values[0]), *extra) * _logsumexp_softmax(values, out, extra),
    ),
    jvp=lambda tangents, values, out, extra: np.sum(
        tangents[0] * _logsumexp_softmax(values, out, extra), axis=extra[0], keepdims=extra[1]
    ),
    symbol="logsumexp(u)",
)  # fmt: skip
STRUCTURAL_DESCRIPTIONS["logsumexp"] = ("∂ logsumexp(u)/∂uᵢ = softmax(u)ᵢ", "")
# Rules written with numpy functions that have tensor forms (numpy_protocol) serve
# create_graph as they are; the others have a form from recorded operations.
GRAPH_VJPS.update(
    {rule.name: rule.vjp for rule in (SOFTMAX, LOG_SOFTMAX, LOGSUMEXP, VAR, STD, CUMSUM)}
)
GRAPH_VJPS.update(
    {"prod": _prod_graph_vjp, "max_along": _pick_graph_vjp, "min_along": _pick_graph_vjp}
)
