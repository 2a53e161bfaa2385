"""A node of the recorded graph: one op, the nodes it read, and what its backward step needs.

As in PyTorch, a graph node (what ``grad_fn`` shows) is not the tensor it made. A consumer
refers to its inputs' nodes — a leaf tensor is its own node — never to the input tensors, so an
intermediate tensor (``w * x`` in ``w * x + b``) is freed as soon as the program drops it, unless
a backward formula needs its value: then that value is kept on its node (``_value``), and the
version counter it shares with the tensor's memory tells backward whether it was changed in
place since. Which values and tensors a node keeps beyond those is ``economies.Retention``'s
call.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from explorer.core.autodiff import economies
from explorer.core.autodiff.economies import stand_in
from explorer.core.autodiff.engine import InPlaceWrites


class Node:
    """One recorded op. ``_value`` is its result when kept (a backward formula reads it, or it
    is small), otherwise a stand-in of the same shape and dtype that holds no memory;
    ``_tensor`` is the tensor it made when everything is kept (the Graph tab reads it)."""

    # Slots, read on every step (class attributes are slower to read on an instance):
    # ``_requires_grad``, always True (a node exists only where gradients flow); ``_claims``, for
    # a large result, how many recorded steps will still read ``_value`` in backward (it is
    # released when none will, ``economies``), None for a small one, which is always kept;
    # ``_retains_grad``, its tensor asked for .grad (``retain_grad``): ``_tensor`` gets it.
    __slots__ = (
        "_op", "_inputs", "_value", "_tensor", "_pending", "_node_grad", "_freed", "_writes_seen",
        "_requires_grad", "_claims", "_retains_grad", "__dict__",
    )  # fmt: skip

    # Rarely set, so in the instance dict when set (a scalar graph makes many nodes):
    _extra: Any = None  # what a structural op needs besides its inputs (an index, a shape)
    _counter: Any = None  # the version counter of its result's memory, once it has one
    _input_versions: tuple[int, ...] | None = None  # inputs' versions read, if any was written
    _created_version = 0  # the version of its result's memory when it was made
    _successor: Any = None  # its tensor, once an in-place op made it another node's
    name: str | None = None  # its tensor's label and formula (``Tensor.name``), for drawings
    formula: str | None = None

    @property
    def _version(self) -> int:
        counter = self._counter
        return 0 if counter is None else counter.value


def record(tensor: Any, op: Any, inputs: tuple, extra: Any) -> Node:
    """The node for ``tensor``, just computed by ``op`` from the tensors ``inputs``."""
    node = _new(Node)
    node._op = op
    if extra is not None:
        node._extra = extra
    node._node_grad = node._pending = node._claims = None
    node._freed = node._retains_grad = False
    node._requires_grad = True
    node._writes_seen = _IN_PLACE_WRITES.count  # in-place writes so far, anywhere
    # Each input as its node (a leaf is its own); the versions read if any was written in place.
    if len(inputs) == 2:  # spelled out for one and two inputs: scalar graphs make many nodes
        a, b = inputs
        made_a, made_b = a._node, b._node
        node._inputs = (made_a or a, made_b or b)
        if a._counter is not None or b._counter is not None:
            node._input_versions = (a._version, b._version)
        stale = (  # _is_released, spelled out
            made_a is not None and (made_a._claims is not None or made_a._value is not a._value)
        ) or (made_b is not None and (made_b._claims is not None or made_b._value is not b._value))
    elif len(inputs) == 1:
        a = inputs[0]
        made_a = a._node
        node._inputs = (made_a or a,)
        if a._counter is not None:
            node._input_versions = (a._version,)
        stale = made_a is not None and (made_a._claims is not None or made_a._value is not a._value)
    else:
        node._inputs = tuple(t._node or t for t in inputs)
        if any(t._counter is not None for t in inputs):
            node._input_versions = tuple(t._version for t in inputs)
        stale = any(t._node is not None and _is_released(t._node, t) for t in inputs)
    if stale:  # an input's node may release its value: keep it there if this node reads it
        _keep_saved_inputs(op, inputs)
    value = tensor._value
    if type(value) is not _NDARRAY or value.size <= _RETENTION.small_elements:
        node._value = value
    else:
        reads_out = op.reads_out(tuple(t._requires_grad for t in inputs))
        node._value = value if reads_out else stand_in(value)
        node._claims = 1 if reads_out else 0
    node._tensor = tensor if _RETENTION.keep_all or not _SWITCH.enabled else None
    return node


_new = object.__new__
_NDARRAY = np.ndarray
_RETENTION, _SWITCH, _IN_PLACE_WRITES = economies.Retention, economies.Switch, InPlaceWrites


def _is_released(made_by: Node, tensor: Any) -> bool:
    """Whether the node ``made_by`` may not hold ``tensor``'s value in backward: it is large
    (released once no step claims it), or the tensor was written since (a 0-dim one's number)."""
    return made_by._claims is not None or made_by._value is not tensor._value


def _keep_saved_inputs(op: Any, inputs: tuple) -> None:
    requires = tuple(t._requires_grad for t in inputs)
    for index in op.saved_arguments(requires):
        argument = inputs[index]
        made_by = argument._node
        if made_by is not None:
            made_by._value = argument._value
            if made_by._claims is not None:
                made_by._claims += 1  # until this step's backward has run (economies.release)


def copy_of(node: Node, value: Any) -> Node:
    """The same step holding ``value`` (a copy of its result), with a version counter of its
    own: what an in-place op that saves its input's old value reads."""
    copy = _new(Node)
    for name in Node.__slots__[:-1]:
        setattr(copy, name, getattr(node, name))
    copy.__dict__.update(node.__dict__)
    copy._value, copy._counter, copy._claims = value, None, None
    return copy
