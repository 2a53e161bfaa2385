"""Random tensors (``randn``, ``rand``, ``normal``, ``randint``) and seedable generators.

The numbers come from numpy's generator, so they differ from PyTorch's for the same seed; shapes,
dtypes, ``requires_grad`` and the repeatability under ``manual_seed`` are PyTorch's.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff.creation import shape_of
from explorer.core.autodiff.dtypes import default_float
from explorer.core.autodiff.tensor import Tensor, make


class Generator:
    """A seedable source of random numbers (``torch.Generator().manual_seed(0)``)."""

    def __init__(self, seed: int | None = None) -> None:
        self._seed = seed
        self.rng = np.random.default_rng(seed)

    def manual_seed(self, seed: int) -> Generator:
        self._seed = int(seed)
        self.rng = np.random.default_rng(self._seed)
        return self

    def initial_seed(self) -> int | None:
        return self._seed


default_generator = Generator()


def manual_seed(seed: int) -> Generator:
    """Seed the default generator, so ``randn`` repeats its numbers."""
    return default_generator.manual_seed(seed)


def _rng(generator: Generator | None, seed: int | None) -> np.random.Generator:
    if seed is not None:
        return Generator(seed).rng
    return (generator or default_generator).rng


def _finish(values: Any, dtype: Any, requires_grad: bool) -> Tensor:
    result = make(np.asarray(values).astype(dtype or default_float(), copy=False), False)
    if requires_grad:
        result.requires_grad_(True)
    return result


def _size(name: str, size: tuple[Any, ...], keywords: dict[str, Any]) -> tuple[int, ...]:
    keyword_size = keywords.pop("size", None)
    if keywords:
        raise TypeError(f"{name}() got unexpected keyword arguments {sorted(keywords)}")
    return shape_of((keyword_size,)) if keyword_size is not None else shape_of(size)


def randn(*size: Any, generator: Generator | None = None, seed: int | None = None,
          dtype: Any = None, requires_grad: bool = False, **keywords: Any) -> Tensor:  # fmt: skip
    """Standard normal samples; ``randn(size=())`` gives a 0-dim tensor."""
    shape = _size("randn", size, keywords)
    return _finish(_rng(generator, seed).standard_normal(shape), dtype, requires_grad)


def rand(*size: Any, generator: Generator | None = None, seed: int | None = None,
         dtype: Any = None, requires_grad: bool = False, **keywords: Any) -> Tensor:  # fmt: skip
    """Uniform samples in [0, 1)."""
    shape = _size("rand", size, keywords)
    return _finish(_rng(generator, seed).random(shape), dtype, requires_grad)


def normal(mean: Any, std: Any = 1.0, size: Any = None, *, generator: Generator | None = None,
           dtype: Any = None, requires_grad: bool = False) -> Tensor:  # fmt: skip
    """Samples of N(mean, std²): ``normal(0, 0.01, size=(2, 1))``, or elementwise means and
    standard deviations given as tensors (the result takes their broadcast shape)."""
    tensor_arguments = [a for a in (mean, std) if isinstance(a, Tensor)]
    if not tensor_arguments and size is None:
        raise TypeError(
            "normal() with a float mean and a float std needs a size, e.g. "
            "normal(0.0, 1.0, size=(2, 3))"
        )
    mean_value = np.asarray(mean._value if isinstance(mean, Tensor) else mean)
    std_value = np.asarray(std._value if isinstance(std, Tensor) else std)
    if np.any(std_value < 0):
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std_value.min():g}")
    if size is not None:
        shape = shape_of((size,))
    else:
        shape = np.broadcast_shapes(mean_value.shape, std_value.shape)
    if dtype is None and tensor_arguments:
        dtype = np.result_type(*[t._value for t in tensor_arguments])
    samples = _rng(generator, None).standard_normal(shape) * std_value + mean_value
    return _finish(samples, dtype, requires_grad)


def randint(low: int, high: int | None = None, size: Any = None, *,
            generator: Generator | None = None, dtype: Any = None) -> Tensor:  # fmt: skip
    """Integers uniformly in [low, high) (``randint(high, size)`` starts at 0), int64."""
    if size is None:
        if high is None:
            raise TypeError("randint() needs a size, e.g. randint(0, 10, (3,))")
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    values = _rng(generator, None).integers(low, high, size=shape_of((size,)))
    return make(values.astype(dtype or np.int64, copy=False), False)


def rand_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return rand(tuple(input.shape), dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return randn(tuple(input.shape), dtype=dtype or input.dtype, requires_grad=requires_grad)
