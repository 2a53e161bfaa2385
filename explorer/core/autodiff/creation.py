"""Making tensors (``tensor``, ``arange``, ``zeros``, ``randn``, …), dtypes, random generators,
and the ``grad_fn`` objects that name a node the way PyTorch does (``MulBackward0``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff.tensor import Tensor, make

float32 = np.dtype(np.float32)
float64 = np.dtype(np.float64)
double = float64
int64 = np.dtype(np.int64)
int32 = np.dtype(np.int32)
long = int64
bool = np.dtype(np.bool_)  # noqa: A001 - PyTorch's name for the dtype


def _python_items_to_numpy(data: Any) -> Any:
    """Nested lists may hold tensors; one-element tensors count as numbers, as in PyTorch."""
    if isinstance(data, Tensor):
        return data.item() if data.numel() == 1 else np.asarray(data._value)
    if isinstance(data, (list, tuple)):
        return [_python_items_to_numpy(item) for item in data]
    return data


def to_array(data: Any, dtype: Any) -> Any:
    """A fresh numpy value for ``data`` (a numpy scalar when 0-dim); floats default to float64."""
    if isinstance(data, Tensor):
        value = np.array(data._value, dtype=dtype)
    else:
        value = np.array(_python_items_to_numpy(data), dtype=dtype)
    if value.dtype == np.float16 and dtype is None:
        value = value.astype(np.float64)
    if value.dtype.kind not in "biufc":
        raise TypeError(f"can't convert {type(data).__name__} of dtype {value.dtype} to a tensor")
    return value[()] if value.ndim == 0 else value


def tensor(data: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A new leaf tensor holding a copy of ``data``."""
    result = make(to_array(data, dtype), False)
    if requires_grad:
        result.requires_grad_(True)
    return result


def as_tensor(data: Any, dtype: Any = None) -> Tensor:
    if isinstance(data, Tensor) and (dtype is None or data.dtype == dtype):
        return data
    return tensor(data, dtype)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor sharing memory with ``array``."""
    return make(np.asarray(array), False)


def is_tensor(obj: Any) -> bool:
    return isinstance(obj, Tensor)


def _finish(value: Any, dtype: Any, requires_grad: bool) -> Tensor:
    if dtype is not None:
        value = value.astype(dtype)
    result = make(value, False)
    if requires_grad:
        result.requires_grad_(True)
    return result


def _shape(size: tuple[Any, ...]) -> tuple[int, ...]:
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        return tuple(int(n) for n in size[0])
    return tuple(int(n) for n in size)


def arange(start: float, end: float | None = None, step: float = 1, *, dtype: Any = None,
           requires_grad: bool = False) -> Tensor:  # fmt: skip
    """Like PyTorch: integers give int64, any float argument gives floats (float64 here)."""
    if end is None:
        start, end = 0, start
    is_integral = all(isinstance(v, (int, np.integer)) for v in (start, end, step))
    values = np.arange(start, end, step, dtype=np.int64 if is_integral else np.float64)
    return _finish(values, dtype, requires_grad)


def linspace(start: float, end: float, steps: int, *, dtype: Any = None,
             requires_grad: bool = False) -> Tensor:  # fmt: skip
    return _finish(np.linspace(start, end, int(steps)), dtype, requires_grad)


def zeros(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.zeros(_shape(size)), dtype, requires_grad)


def ones(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.ones(_shape(size)), dtype, requires_grad)


def full(size: Any, fill_value: float, *, dtype: Any = None, requires_grad: bool = False):
    return _finish(np.full(_shape((size,)), fill_value), dtype, requires_grad)


def zeros_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.zeros_like(np.asarray(input._value)), dtype, requires_grad)


def ones_like(input: Tensor, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return _finish(np.ones_like(np.asarray(input._value)), dtype, requires_grad)


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


def _random(sampler: str, size: tuple[Any, ...], keyword_size: Any, generator: Any, seed: Any,
            dtype: Any, requires_grad: bool) -> Tensor:  # fmt: skip
    shape = _shape((keyword_size,)) if keyword_size is not None else _shape(size)
    if seed is not None:
        generator = Generator(seed)
    rng = (generator or default_generator).rng
    values = getattr(rng, sampler)(size=shape)
    return _finish(np.asarray(values, dtype=np.float64), dtype, requires_grad)


def randn(*size: Any, generator: Generator | None = None, seed: int | None = None,
          dtype: Any = None, requires_grad: bool = False, **keywords: Any) -> Tensor:  # fmt: skip
    """Standard normal samples; ``randn(size=())`` gives a 0-dim tensor."""
    keyword_size = keywords.pop("size", None)
    if keywords:
        raise TypeError(f"randn() got unexpected keyword arguments {sorted(keywords)}")
    return _random("standard_normal", size, keyword_size, generator, seed, dtype, requires_grad)


def rand(*size: Any, generator: Generator | None = None, seed: int | None = None,
         dtype: Any = None, requires_grad: bool = False, **keywords: Any) -> Tensor:  # fmt: skip
    """Uniform samples in [0, 1)."""
    keyword_size = keywords.pop("size", None)
    if keywords:
        raise TypeError(f"rand() got unexpected keyword arguments {sorted(keywords)}")
    return _random("random", size, keyword_size, generator, seed, dtype, requires_grad)


class GradFn:
    """What ``tensor.grad_fn`` returns: the node that made the tensor, named like PyTorch's."""

    def __init__(self, tensor: Tensor) -> None:
        self._tensor = tensor

    def name(self) -> str:
        return self._tensor._op.backward_name

    @property
    def next_functions(self) -> tuple[tuple[Any, int], ...]:
        functions = []
        for argument in self._tensor._inputs:
            if argument._op is not None:
                functions.append((GradFn(argument), 0))
            elif argument._requires_grad:
                functions.append((AccumulateGrad(argument), 0))
            else:
                functions.append((None, 0))
        return tuple(functions)

    def __repr__(self) -> str:
        return f"<{self.name()} object at {id(self):#x}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GradFn) and other._tensor is self._tensor

    def __hash__(self) -> int:
        return hash(id(self._tensor))


class AccumulateGrad:
    """The end of a path in ``next_functions``: where a leaf's ``.grad`` is accumulated."""

    def __init__(self, tensor: Tensor) -> None:
        self.variable = tensor

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"

    next_functions: tuple = ()

    def __repr__(self) -> str:
        return f"<AccumulateGrad object at {id(self):#x}>"
