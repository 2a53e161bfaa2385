"""A node of the recorded graph: one op, the nodes it read, and what its backward step needs.

As in PyTorch, a graph node (what ``grad_fn`` shows) is not the tensor it made. A consumer
refers to its inputs' nodes — a leaf tensor is its own node — never to the input tensors, so an
intermediate tensor (``w * x`` in ``w * x + b``) is freed as soon as the program drops it, unless
a backward formula needs its value: then that value is kept on its node (``_value``), and the
version counter it shares with the tensor's memory tells backward whether it was changed in
place since. Which values a node keeps beyond those is ``economies.keeps_everything``'s call.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff import economies
from explorer.core.autodiff.engine import InPlaceWrites


class Node:
    """One recorded op. ``_value`` is its result when kept (a backward formula reads it, or
    everything is kept), otherwise a stand-in of the same shape and dtype that holds no memory;
    ``_tensor`` is the tensor it made when everything is kept (the graph views read it)."""

    __slots__ = (
        "_op", "_inputs", "_extra", "_value", "_tensor", "_pending", "_node_grad", "_freed",
        "_counter", "_input_versions", "_writes_seen", "__dict__",
    )  # fmt: skip

    _requires_grad = True  # a node exists only where gradients flow
    _created_version = 0  # the version of its result's memory when it was made
    _retains_grad = False  # its tensor asked for .grad (``retain_grad``): ``_tensor`` gets it
    _successor: Any = None  # its tensor, once an in-place op made it another node's

    @property
    def _version(self) -> int:
        counter = self._counter
        return 0 if counter is None else counter.value


_new = object.__new__


def record(tensor: Any, op: Any, inputs: tuple, extra: Any) -> Node:
    """The node for ``tensor``, just computed by ``op`` from the tensors ``inputs``."""
    node = _new(Node)
    node._op = op
    node._node_grad = node._counter = node._pending = node._input_versions = None
    node._freed = False
    node._writes_seen = InPlaceWrites.count  # in-place writes so far, anywhere
    if len(inputs) == 2:
        a, b = inputs
        node._inputs = (a._node or a, b._node or b)
        if a._counter is not None or b._counter is not None:
            node._input_versions = (a._version, b._version)  # read after in-place writes
    else:
        node._inputs = tuple(t._node or t for t in inputs)
        if any(t._counter is not None for t in inputs):
            node._input_versions = tuple(t._version for t in inputs)
    node._extra = extra
    value = tensor._value
    if economies.keeps_everything(value):
        node._value, node._tensor = value, tensor
    else:
        requires = tuple(t._requires_grad for t in inputs)
        node._value = value if op.reads_out(requires) else stand_in(value)
        node._tensor = None
    for argument in inputs:  # keep the inputs' values this node's backward formula reads
        made_by = argument._node
        if made_by is not None and made_by._value is not argument._value:
            _keep_saved_inputs(op, inputs)
            break
    return node


def _keep_saved_inputs(op: Any, inputs: tuple) -> None:
    requires = tuple(t._requires_grad for t in inputs)
    for index in op.saved_arguments(requires):
        argument = inputs[index]
        if argument._node is not None:
            argument._node._value = argument._value


def copy_of(node: Node, value: Any) -> Node:
    """The same step holding ``value`` (a copy of its result), with a version counter of its
    own: what an in-place op that saves its input's old value reads."""
    copy = _new(Node)
    for name in Node.__slots__[:-1]:
        setattr(copy, name, getattr(node, name))
    copy.__dict__.update(node.__dict__)
    copy._value, copy._counter = value, None
    return copy


def stand_in(value: Any) -> Any:
    """A read-only array of ``value``'s shape and dtype that holds one element of memory."""
    if type(value) is not np.ndarray:
        return value
    return np.broadcast_to(np.zeros((), dtype=value.dtype), value.shape)
