"""PyTorch's dtype objects (``torch.float32`` prints as ``torch.float32``) over numpy dtypes.

A ``dtype`` carries its numpy dtype in ``.dtype``, the attribute numpy itself reads, so every numpy
function takes it where a dtype goes (``np.zeros(3, dtype=torch.float32)``). It compares equal to
its numpy dtype and hashes like it, so code that still holds numpy dtypes keeps working. Tensors
store numpy values; ``Tensor.dtype`` maps the value's dtype to the one ``dtype`` object here.

The default floating dtype is float64 (the issue's choice: the derivative lab wants the
precision); ``set_default_dtype(torch.float32)`` makes every default PyTorch's, reprs included.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# PyTorch's legacy tensor type names, for ``tensor.type()``.
_TYPE_NAMES = {
    "float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long",
    "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool",
    "complex64": "ComplexFloat", "complex128": "ComplexDouble",
}  # fmt: skip


class dtype:  # noqa: N801 - PyTorch's name
    """A tensor element type named like PyTorch's (``torch.int64``); numpy reads ``.dtype``."""

    __slots__ = ("dtype", "name")

    def __init__(self, numpy_dtype: Any) -> None:
        self.dtype = np.dtype(numpy_dtype)
        self.name = self.dtype.name

    def __repr__(self) -> str:
        return f"torch.{self.name}"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dtype):
            return self.dtype == other.dtype
        if isinstance(other, np.dtype) or (
            isinstance(other, type) and issubclass(other, np.generic)
        ):
            return self.dtype == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.dtype)

    def __reduce__(self) -> tuple[Any, ...]:
        return (as_dtype, (self.name,))

    @property
    def is_floating_point(self) -> bool:
        return self.dtype.kind == "f"

    @property
    def is_complex(self) -> bool:
        return self.dtype.kind == "c"

    @property
    def is_signed(self) -> bool:
        return self.dtype.kind in "ifc"

    @property
    def itemsize(self) -> int:
        return self.dtype.itemsize

    @property
    def kind(self) -> str:
        """numpy's kind letter ("f", "i", "b", …), for code that reads dtypes the numpy way."""
        return self.dtype.kind

    def type_name(self) -> str:
        """PyTorch's legacy name of a CPU tensor of this dtype, e.g. ``torch.FloatTensor``."""
        return f"torch.{_TYPE_NAMES.get(self.name, self.name.capitalize())}Tensor"


# The one dtype object per numpy dtype (as_dtype fills it; Tensor.dtype reads it first).
BY_NUMPY: dict[np.dtype, dtype] = {}


def as_dtype(value: Any) -> dtype:
    """The one ``dtype`` object for a numpy dtype, a numpy type, a name or a ``dtype``."""
    if type(value) is dtype:
        return value
    if isinstance(value, str) and value.startswith("torch.") and value.endswith("Tensor"):
        return from_type_name(value)
    numpy_dtype = np.dtype(value)
    found = BY_NUMPY.get(numpy_dtype)
    if found is None:
        found = BY_NUMPY[numpy_dtype] = dtype(numpy_dtype)
    return found


def from_type_name(name: str) -> dtype:
    """``torch.FloatTensor`` → ``torch.float32`` (``tensor.type('torch.FloatTensor')``)."""
    for numpy_name, short in _TYPE_NAMES.items():
        if name == f"torch.{short}Tensor":
            return as_dtype(numpy_name)
    raise ValueError(f"invalid type: '{name}'")


float32 = float = as_dtype(np.float32)  # noqa: A001 - PyTorch's names
float64 = double = as_dtype(np.float64)
float16 = half = as_dtype(np.float16)
int64 = long = as_dtype(np.int64)
int32 = int = as_dtype(np.int32)  # noqa: A001
int16 = short = as_dtype(np.int16)
int8 = as_dtype(np.int8)
uint8 = as_dtype(np.uint8)
bool = as_dtype(np.bool_)  # noqa: A001
complex64 = as_dtype(np.complex64)
complex128 = as_dtype(np.complex128)


class _Default:
    """The dtype of floats made without an explicit dtype (Python floats, ``zeros``, ``randn``)."""

    floating: np.dtype = np.dtype(np.float64)


def get_default_dtype() -> dtype:
    return as_dtype(_Default.floating)


def set_default_dtype(d: Any) -> None:
    """Only float32 and float64 may be the default (PyTorch also allows float16)."""
    chosen = as_dtype(d)
    if chosen.dtype not in (np.dtype(np.float32), np.dtype(np.float64)):
        raise TypeError("only floating-point types are supported as the default type")
    _Default.floating = chosen.dtype


def default_float() -> np.dtype:
    """The numpy dtype floats default to (for creation functions)."""
    return _Default.floating


# ---- type promotion (PyTorch's rules, which differ from numpy's) -----------------------------

_CATEGORY = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def promote_types(first: np.dtype, second: np.dtype) -> np.dtype:
    """PyTorch's ``promote_types``: within a category the wider type (numpy agrees); across
    categories the higher category's type, so int64 with float32 is float32 (numpy: float64)."""
    if first == second:
        return first
    kind_first, kind_second = _CATEGORY[first.kind], _CATEGORY[second.kind]
    if (
        kind_first == kind_second
        or (kind_first == 3 and kind_second == 2)
        or (kind_first == 2 and kind_second == 3)
    ):
        return np.promote_types(first, second)
    return first if kind_first > kind_second else second


def _combine_categories(higher: np.dtype | None, lower: np.dtype | None) -> np.dtype:
    """PyTorch's ``combine_categories``: a lower-priority operand (0-dim tensor, Python number)
    changes the result only when its category is higher."""
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.kind == "c":
        return higher
    if lower.kind == "c":
        return np.promote_types(higher, np.complex64) if higher.kind == "f" else lower
    if higher.kind == "f":
        return higher
    if higher.kind == "b" or lower.kind == "f":
        return promote_types(higher, lower)
    return higher


def result_type(values: list) -> np.dtype:
    """The dtype PyTorch gives an op over these values: tensors with dimensions decide, 0-dim
    tensors (Python numbers become 0-dim here) only when of a higher category, so float32 with
    a 0-dim float64 stays float32 while int64 with a 0-dim float64 is float64."""
    dimensioned = zero_dim = None
    for value in values:
        value_dtype = value.dtype
        if np.ndim(value):
            dimensioned = (
                value_dtype if dimensioned is None else promote_types(dimensioned, value_dtype)
            )
        else:
            zero_dim = value_dtype if zero_dim is None else promote_types(zero_dim, value_dtype)
    return _combine_categories(dimensioned, zero_dim)
