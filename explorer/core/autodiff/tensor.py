"""The Tensor: a numpy value plus the node of the graph that made it, with PyTorch's semantics.

This class holds values and graph bookkeeping (gradients, version counters, rebasing after an
in-place op) and runs no op itself: ``apply.py`` runs an op and makes the tensor it gives, and
``methods.py`` binds the operators and methods (``a * b``, ``t[0]``, ``t.exp()``) onto the class.
The graph's nodes are ``node.Node`` objects, which refer to the nodes they read, not to tensors.
Values are numpy arrays, or numpy scalars for 0-dim tensors (numpy scalar arithmetic is several
times faster than 0-d array arithmetic, which keeps scalar graphs cheap).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from explorer.core.autodiff import engine, node
from explorer.core.autodiff.dtypes import BY_NUMPY, as_dtype, default_float, dtype
from explorer.core.autodiff.engine import GradMode
from explorer.core.autodiff.formatting import tensor_repr
from explorer.core.autodiff.grad_fn import grad_fn_of

LEAF_IN_PLACE_MESSAGE = "a leaf Variable that requires grad is being used in an in-place operation."
NUMPY_REQUIRES_GRAD_MESSAGE = (
    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
)
ONLY_FLOAT_MESSAGE = "only Tensors of floating point and complex dtype can require gradients"
VIEW_OF_LEAF_MESSAGE = (
    "a view of a leaf Variable that requires grad is being used in an in-place operation."
)
NON_LEAF_GRAD_MESSAGE = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more informations."
)


class NodeLabel:
    """A label kept in the tensor's dict and on its node, so a drawing names the node after the
    tensor is gone (its intermediate tensors are not kept)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name, self.key = name, "_" + name

    def __get__(self, tensor: Any, owner: type | None = None) -> Any:
        return self if tensor is None else tensor.__dict__.get(self.key)

    def __set__(self, tensor: Any, text: str | None) -> None:
        tensor.__dict__[self.key] = text
        if tensor._node is not None:
            setattr(tensor._node, self.name, text)


class Tensor:
    """An n-dimensional value that can record how it was computed and receive gradients."""

    __slots__ = (
        "_value", "_requires_grad", "_op", "_node", "_tangent", "_pending", "_grad", "_counter",
        "__dict__", "__weakref__",
    )  # fmt: skip

    # Rarely set attributes live in the instance dict, defaulting to these class attributes.
    _retains_grad = False
    _detached_from: Tensor | None = None
    # A gradient sharing its array with interior nodes' records (economies.RecordedGrad): the
    # records get a copy of their own before the array is first written in place.
    _records = None
    # Slots: ``_op``, the rule of the op that made it (None for a leaf) and ``_node``, its node
    # in the graph (``node.Node``; None for a leaf, which is its own node); ``_pending``, ∂L/∂this
    # while backward runs (leaves); ``_counter``, PyTorch's version counter, bumped by every
    # in-place write and shared with ``detach()`` results and views (not ``.data``'s, as in
    # PyTorch) and with its node, None until first written or shared (version 0).
    _inputs: tuple = ()  # as a node of the graph (a leaf is its own), it reads nothing
    _claims = None  # … and its value is never released (``node.Node._claims``)
    _base: Tensor | None = None  # the tensor this one is a view of (when recorded)
    _successor: Tensor | None = None  # what a leaf replaced in a graph by an in-place op became

    def __init__(self, data: Any = (), requires_grad: bool = False, dtype: Any = None) -> None:
        self._value = to_array(data, dtype)
        self._requires_grad = False
        self._op = None
        self._node = None
        self._tangent = None
        self._pending = None
        self._counter = None
        self._grad = None
        if requires_grad:
            self.requires_grad_(True)

    # ---- identity and graph ------------------------------------------------------------------
    # The labels the graph views show: a variable's name, and the subexpression's text for a
    # tensor built from an expression tree. Its node keeps them too (``NodeLabel``).
    name = NodeLabel()
    formula = NodeLabel()

    @property
    def requires_grad(self) -> bool:
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag: bool) -> None:
        self.requires_grad_(flag)

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        if self._op is not None and not requires_grad:
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use a "
                "computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach()."
            )
        if requires_grad and self._value.dtype.kind not in "fc":
            raise RuntimeError(ONLY_FLOAT_MESSAGE)
        self._requires_grad = bool(requires_grad) or self._op is not None
        return self

    @property
    def is_leaf(self) -> bool:
        return self._op is None

    @property
    def grad(self) -> Tensor | None:
        """The accumulated gradient. Reading it on a non-leaf that does not retain its gradient
        warns, as PyTorch does; the engine and the views read ``_grad``, which never warns."""
        grad = self._grad
        if grad is None and self._op is not None and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD_MESSAGE, UserWarning, stacklevel=2)
        return grad

    @grad.setter
    def grad(self, value: Tensor | None) -> None:
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(
                    "assigned grad expected to be a Tensor or None but got grad of type "
                    f"{type(value).__name__}"
                )
            if value._value.shape != self._value.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size '{list(value._value.shape)}' to a "
                    f"tensor of size '{list(self._value.shape)}'. Please ensure that the gradient "
                    "and the tensor are the same size"
                )
        self._grad = value

    @property
    def grad_fn(self) -> Any:
        if self._node is None:
            return None
        return grad_fn_of(self._node)

    @property
    def retains_grad(self) -> bool:
        return self._retains_grad

    def retain_grad(self) -> None:
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self._node is not None:
            self._retains_grad = True
            self._node._retains_grad = True
            self._node._tensor = self  # where backward deposits its gradient

    def detach(self) -> Tensor:
        result = make(self._value, False)
        result._detached_from = self
        result._counter = self._shared_counter()
        if self._records is not None:
            result._records = self._records  # same memory: writes through it must protect too
        return result

    def backward(self, gradient: Any = None, retain_graph: bool | None = None,
                 create_graph: bool = False, inputs: Any = None) -> None:  # fmt: skip
        if not self._requires_grad:
            raise RuntimeError(engine.NO_GRAD_FN_MESSAGE)
        if gradient is None:
            if self._value.size != 1:
                raise RuntimeError(engine.IMPLICIT_GRAD_MESSAGE)
            seed = np.ones_like(self._value)
            seed = seed[()] if seed.ndim == 0 else seed
        else:
            seed = value_of(gradient, self._value.dtype)
            if seed.shape != self._value.shape:
                raise RuntimeError(
                    f"Mismatch in shape: grad_output[0] has a shape of {_size(seed.shape)} and "
                    f"output[0] has a shape of {_size(self._value.shape)}."
                )
        if isinstance(gradient, Tensor) and create_graph:
            seed = gradient if gradient.dtype == self.dtype else gradient.to(self.dtype)
        elif create_graph:
            seed = make(seed, False)
        keep = bool(create_graph if retain_graph is None else retain_graph)
        engine.backward(self._node or self, seed, keep, bool(create_graph), make_grad, tensor_of)

    # ---- values ------------------------------------------------------------------------------
    @property
    def data(self) -> Tensor:
        result = make(self._value, False)  # same memory, its own version counter (PyTorch's)
        if self._records is not None:
            result._records = self._records  # same memory, as in PyTorch: protect on write
        return result

    @data.setter
    def data(self, other: Any) -> None:
        # PyTorch's rules: only a tensor (any shape; its memory is then shared), and a float one
        # for a tensor that requires grad.
        if not isinstance(other, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(other).__name__}")
        if self._requires_grad and other._value.dtype.kind not in "fc":
            raise RuntimeError(
                "data set to a tensor that requires gradients must be floating point or complex "
                "dtype"
            )
        self._value = other._value
        self._bump_version()

    @property
    def shape(self) -> tuple[int, ...]:
        return Size(self._value.shape)

    @property
    def dtype(self) -> dtype:
        numpy_dtype = self._value.dtype
        found = BY_NUMPY.get(numpy_dtype)
        return found if found is not None else as_dtype(numpy_dtype)

    @property
    def ndim(self) -> int:
        return self._value.ndim

    @property
    def device(self) -> str:
        return "cpu"

    def size(self, dim: int | None = None) -> Any:
        return Size(self._value.shape) if dim is None else self._value.shape[dim]

    def dim(self) -> int:
        return self._value.ndim

    def numel(self) -> int:
        return int(self._value.size)

    def item(self) -> float | int | bool:
        if self._value.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._value.size} elements cannot be converted to Scalar"
            )
        return self._value.reshape(()).item() if self._value.ndim else self._value.item()

    def tolist(self) -> Any:
        return np.asarray(self._value).tolist()

    def numpy(self) -> np.ndarray:
        if self._requires_grad:
            raise RuntimeError(NUMPY_REQUIRES_GRAD_MESSAGE)
        # Shares memory, as in PyTorch. Writes through the returned array are not tracked
        # (PyTorch does not track them either); writes through the tensor's methods are.
        return np.asarray(self._value)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        value = np.asarray(self._value)
        return value if dtype is None else value.astype(dtype)

    def _own_value(self) -> Any:
        """The value array, about to be written in place: interior gradients recorded with the
        same array get a copy of their own first, so the graph view keeps their values."""
        records = self._records
        if records is not None:
            if records.array is self._value:
                records.array = self._value.copy()
            self._records = None
        self._bump_version()
        return self._value

    @property
    def _version(self) -> int:
        counter = self._counter
        return 0 if counter is None else counter.value

    def _bump_version(self) -> None:
        self._shared_counter().value += 1
        engine.InPlaceWrites.count += 1

    def _shared_counter(self) -> VersionCounter:
        counter = self._counter
        if counter is None:
            counter = self._counter = VersionCounter()
            if self._node is not None:
                self._node._counter = counter  # its node's saved value is this memory
        return counter

    def _check_in_place(self) -> None:
        if not GradMode.enabled or not self._requires_grad:
            return
        if self._op is None:
            raise RuntimeError(LEAF_IN_PLACE_MESSAGE)
        base = self
        while base._base is not None:  # a view (of a view …) of what?
            base = base._base
        if base is not self and base._op is None and base._requires_grad:
            raise RuntimeError(VIEW_OF_LEAF_MESSAGE)

    def _rebase(self, result: Tensor) -> Tensor:
        """Become ``result``, an op computed from this tensor in place (``y += 1``, ``y[0] = 5``),
        as PyTorch does: the same object (aliases and lists see the change) and the same memory
        get the new value and the new node, whose input is the node this tensor was; earlier
        consumers keep referring to that node."""
        self._retire(result)
        return self._become(result)

    def _retire(self, reader: Tensor) -> None:
        """Before this tensor's memory is overwritten by ``reader`` (the op computed from it in
        place), what it was stays in ``reader``'s graph: a leaf as a new leaf, and its node as
        itself, or, when ``reader`` saves the value, as a copy of the node holding a copy of the
        value, taken now (PyTorch's original_self)."""
        was = self._node or self
        reader_node = reader._node
        requires = tuple(h._requires_grad for h in reader_node._inputs)
        reads_previous = any(
            reader_node._inputs[index] is was for index in reader._op.saved_arguments(requires)
        )
        if self._node is None:  # a leaf that is about to stop being one
            if reads_previous:
                previous = make(np.array(self._value, copy=True), self._requires_grad)
            else:
                previous = make(self._value, self._requires_grad)
                previous._counter = self._shared_counter()  # the same memory, changed below
        elif reads_previous:
            previous = node.copy_of(self._node, np.array(self._value, copy=True)[()])
            previous._created_version -= self._version  # its copy has a counter of its own
            if previous._tensor is not None:
                previous._tensor = None
                previous._tensor = tensor_of(previous)
        else:
            previous = self._node
        if self._node is not None and self._node._tensor is self:
            self._node._tensor = None  # the graph views see what this tensor was
            self._node._tensor = tensor_of(self._node)
        previous._successor = self  # modified_message names the op that made it last
        reader_node._inputs = tuple(previous if h is was else h for h in reader_node._inputs)
        reader_node._input_versions = tuple(h._version for h in reader_node._inputs)

    def _become(self, result: Tensor, write: bool = True) -> Tensor:
        """Take ``result``'s value and node. ``write=False``: this is a view whose base was just
        written, which changed its memory and its version (shared with the base) already."""
        if write:
            write_value(self, result._value)
        elif isinstance(self._value, np.ndarray):
            self._value[...] = result._value  # the same values where the memory is shared
        else:
            self._value = result._value  # a 0-dim view holds a number of its own
        became = result._node
        self._op, self._node, self._requires_grad = result._op, became, True
        became._counter = self._shared_counter()
        became._created_version = self._version
        if became._value is result._value:
            became._value = self._value  # the kept result is this memory now
        if became._tensor is result or self._retains_grad:
            became._tensor = self
            became._retains_grad = self._retains_grad
        became.name, became.formula = self.name, self.formula
        self._tangent = result._tangent
        return self

    # ---- Python protocol ---------------------------------------------------------------------
    def __repr__(self) -> str:
        return tensor_repr(self)

    def __format__(self, spec: str) -> str:
        # PyTorch's rule: a 0-dim tensor formats as its Python number (f"{loss}" -> "0.125",
        # f"{loss:.3f}" works); any other tensor formats as its repr and refuses a format spec.
        if self._value.ndim == 0:
            return self.item().__format__(spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    def __bool__(self) -> bool:
        if self._value.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self.item())

    def __float__(self) -> float:
        return float(self.item())

    def __int__(self) -> int:
        return int(self.item())

    def __index__(self) -> int:
        if self._value.dtype.kind not in "iub" or self._value.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __len__(self) -> int:
        if self._value.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._value.shape[0]

    def __iter__(self):
        if self._value.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._value.shape[0]))

    __hash__ = object.__hash__


class VersionCounter:
    """How many in-place writes a tensor's memory has had (shared by its ``detach()`` results)."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0


class Size(tuple):
    """A shape that prints like PyTorch's ``torch.Size([2, 3])``."""

    def __repr__(self) -> str:
        return f"torch.Size({list(self)})"

    def numel(self) -> int:
        return int(np.prod(self, dtype=np.int64))


def _size(shape: tuple[int, ...]) -> str:
    return repr(Size(shape))


def write_value(tensor: Tensor, value: Any) -> None:
    """Store ``value`` into the tensor's memory (a 0-dim tensor's number is replaced), as one
    in-place write: its version moves on."""
    if isinstance(tensor._value, np.ndarray):
        tensor._own_value()[...] = value
    else:
        tensor._value = tensor._value.dtype.type(value)
        tensor._bump_version()


def make(value: Any, requires_grad: bool, op: Any = None, inputs: tuple = (), extra=None):
    """A tensor around an existing numpy value; 0-d arrays become numpy scalars (the fast path).
    With ``op``, the tensor was computed by it from the tensors ``inputs`` and gets its node."""
    tensor = _new(Tensor)
    if type(value) is _NDARRAY and value.ndim == 0:
        value = value[()]
    tensor._value = value
    tensor._requires_grad = requires_grad
    tensor._op = op
    tensor._tangent = tensor._counter = tensor._grad = None
    if op is None:
        tensor._node = tensor._pending = None  # a leaf is its own node: backward fills _pending
    else:
        tensor._node = _record(tensor, op, inputs, extra)
    return tensor


_new = object.__new__
_record = node.record
_NDARRAY = np.ndarray


def tensor_of(handle: Any) -> Tensor:
    """The tensor for a node of the graph (a leaf is its own node): the one it made if that
    is kept, else a new tensor around its kept value, with the node (``create_graph``)."""
    if handle._op is None:
        return handle
    made = handle._tensor
    if made is not None and made._node is handle:
        return made
    tensor = make(handle._value, True)
    tensor._op, tensor._node, tensor._counter = handle._op, handle, handle._counter
    tensor.__dict__.update(_name=handle.name, _formula=handle.formula)
    return tensor


def make_grad(value: Any) -> Tensor:
    return make(value, False)


def value_of(other: Any, dtype: Any) -> Any:
    if isinstance(other, Tensor):
        value = other._value
        return value if dtype is None or value.dtype == dtype else value.astype(dtype)
    value = np.asarray(other, dtype=dtype)
    return value[()] if value.ndim == 0 else value


def lift(other: Any, like: Tensor) -> Tensor:
    """Turn a Python number or array into a constant tensor, keeping the other operand's dtype."""
    if isinstance(other, Tensor):
        return other
    like_dtype = like._value.dtype
    if type(other) is float or type(other) is int:
        if like_dtype == np.float64:
            return make(np.float64(other), False)
        if type(other) is float and like_dtype.kind in "iub":
            return make(default_float().type(other), False)  # int tensor * 0.5: default float
        if type(other) is int and like_dtype.kind in "iu":
            # PyTorch wraps a Python int into the tensor's integer type (int32 + 2**40).
            if not -(2**63) <= other < 2**64:
                raise RuntimeError("Overflow when unpacking long")
            return make(np.array(other & (2**64 - 1), dtype=np.uint64).astype(like_dtype)[()],
                        False)  # fmt: skip
        result_dtype = np.result_type(like._value, other)
        return make(result_dtype.type(other), False)
    if isinstance(other, (bool, complex, np.generic, np.ndarray, list, tuple)):
        value = np.asarray(other)
        if value.dtype.kind in "iub" and like_dtype.kind in "fc":
            value = value.astype(like_dtype)
        return make(value, False)
    return NotImplemented


# ---- converting data into a tensor's value -------------------------------------------------
def _python_items_to_numpy(data: Any) -> Any:
    """Nested lists may hold tensors; one-element tensors count as numbers, as in PyTorch."""
    if isinstance(data, Tensor):
        return data.item() if data.numel() == 1 else np.asarray(data._value)
    if isinstance(data, (list, tuple)):
        return [_python_items_to_numpy(item) for item in data]
    return data


def _is_sequence(item: Any) -> bool:
    return isinstance(item, (list, tuple, np.ndarray))


def _ragged_error(items: Any) -> Exception | None:
    """PyTorch's error for nested lists of unequal lengths (its ``recursive_store`` check): the
    shape is read down the first elements, then every sequence must match it."""
    shape, first = [], items
    while _is_sequence(first):
        shape.append(len(first))
        first = first[0] if len(first) else None
    level = [items]
    for dim, length in enumerate(shape):
        following = []
        for sequence in level:
            if not _is_sequence(sequence):
                return TypeError("not a sequence")
            if len(sequence) != length:
                return ValueError(
                    f"expected sequence of length {length} at dim {dim} (got {len(sequence)})"
                )
            following.extend(sequence)
        level = following
    misplaced = next((item for item in level if _is_sequence(item)), None)
    if misplaced is not None:  # a sequence where the first elements had a number
        if isinstance(first, (int, np.integer)):
            return TypeError(
                f"'{type(misplaced).__name__}' object cannot be interpreted as an integer"
            )
        return TypeError(f"must be real number, not {type(misplaced).__name__}")
    return None


def to_array(data: Any, dtype: Any) -> Any:
    """A fresh numpy value for ``data`` (a numpy scalar when 0-dim); floats default to the
    default dtype."""
    if isinstance(data, Tensor):
        value = np.array(data._value, dtype=dtype)
    else:
        items = _python_items_to_numpy(data)
        try:
            value = np.array(items, dtype=dtype)
        except ValueError as error:
            raise _ragged_error(items) or error from None
    if dtype is None and value.dtype.kind == "f" and not _keeps_own_dtype(data):
        value = value.astype(default_float(), copy=False)  # Python floats: the default dtype
    if value.dtype.kind not in "biufc":
        raise TypeError(f"can't convert {type(data).__name__} of dtype {value.dtype} to a tensor")
    return value[()] if value.ndim == 0 else value


def _keeps_own_dtype(data: Any) -> bool:
    """numpy arrays and tensors keep their dtype in ``tensor(data)``, as in PyTorch."""
    return (
        isinstance(data, (Tensor, np.ndarray, np.generic)) and np.asarray(data).dtype != np.float16
    )
