"""``torch.nn.functional``: activations and the two losses learners meet first.

Each is built from the core's own recorded operations (or is one of them), so gradients, the
graph view and higher-order derivatives come with them.
"""

from __future__ import annotations

from typing import Any

from explorer.core.autodiff import functional as F
from explorer.core.autodiff import functional_stats as FS
from explorer.core.autodiff.creation import arange
from explorer.core.autodiff.tensor import Tensor

__all__ = [
    "cross_entropy", "log_softmax", "mse_loss", "relu", "sigmoid", "softmax", "softplus", "tanh",
]  # fmt: skip

relu = F.TABLE_FUNCTIONS["relu"]
sigmoid = F.TABLE_FUNCTIONS["sigmoid"]
tanh = F.TABLE_FUNCTIONS["tanh"]


def softplus(input: Tensor, beta: float = 1.0, threshold: float = 20.0) -> Tensor:
    """log(1 + e^(βx))/β, and x itself where βx > threshold (PyTorch's switch)."""
    if beta == 1.0:
        smooth = F.TABLE_FUNCTIONS["softplus"](input)
    else:
        smooth = F.TABLE_FUNCTIONS["softplus"](input * beta) / beta
    return FS.where(input * beta > threshold, input, smooth)


def _softmax_dim(input: Tensor, dim: Any) -> int:
    # PyTorch's legacy default when dim is omitted: 0 for 0-, 1- and 3-dim input, else 1.
    if dim is not None:
        return dim
    return 0 if input.ndim in (0, 1, 3) else 1


def softmax(input: Tensor, dim: Any = None, dtype: Any = None) -> Tensor:
    return FS.softmax(input, _softmax_dim(input, dim), dtype)


def log_softmax(input: Tensor, dim: Any = None, dtype: Any = None) -> Tensor:
    return FS.log_softmax(input, _softmax_dim(input, dim), dtype)


def _reduce(loss: Tensor, reduction: str) -> Tensor:
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction")


def mse_loss(input: Tensor, target: Tensor, reduction: str = "mean") -> Tensor:
    """Mean (or sum) of the squared differences."""
    return _reduce((input - target) ** 2, reduction)


def cross_entropy(input: Tensor, target: Tensor, reduction: str = "mean") -> Tensor:
    """−log softmax(input)[target] per sample: ``target`` holds class indices (int64, one per
    row of ``input``) or class probabilities (``input``'s shape)."""
    log_probabilities = FS.log_softmax(input, 1 if input.ndim > 1 else 0)
    if target.dtype.kind == "f":
        if tuple(target.shape) != tuple(input.shape):
            raise RuntimeError(
                f"Expected target size {list(input.shape)}, got {list(target.shape)}"
            )
        class_dim = 1 if input.ndim > 1 else 0
        return _reduce(-(log_probabilities * target).sum(class_dim), reduction)
    if target.dtype.kind not in "iu":
        raise RuntimeError(f"expected scalar type Long but found {FS.legacy_name(target)}")
    if input.ndim == 1:
        return _reduce(-log_probabilities[target], reduction)
    if target.ndim != 1 or target.shape[0] != input.shape[0]:
        raise ValueError(
            f"Expected input batch_size ({input.shape[0]}) to match target batch_size "
            f"({target.shape[0] if target.ndim else 0})."
        )
    classes = input.shape[1]
    out_of_range = (target < 0) | (target >= classes)
    if bool(out_of_range.any()):
        raise IndexError(f"Target {int(target[out_of_range][0])} is out of bounds.")
    picked = log_probabilities[arange(input.shape[0]), target]
    return _reduce(-picked, reduction)


def __getattr__(name: str) -> object:
    raise AttributeError(f"torch.nn.functional.{name} is not supported by explorer.autodiff")
