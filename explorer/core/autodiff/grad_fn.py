"""The ``grad_fn`` objects that name a node of the graph the way PyTorch does (``MulBackward0``).

A ``GradFn`` is a view of a graph node (``node.Node``: ``_op``, ``_inputs``; a leaf tensor is its
own node), so this module reads those fields and needs nothing else.
"""

from __future__ import annotations

from typing import Any


class GradFn:
    """What ``tensor.grad_fn`` returns: the node that made the tensor, named like PyTorch's."""

    __slots__ = ("_node",)

    def __init__(self, node: Any) -> None:
        self._node = node

    def name(self) -> str:
        return self._node._op.backward_name

    @property
    def next_functions(self) -> tuple[tuple[Any, int], ...]:
        functions = []
        for argument in self._node._inputs:
            if argument._op is not None:
                functions.append((grad_fn_of(argument), 0))
            elif argument._requires_grad:
                functions.append((AccumulateGrad(argument), 0))
            else:
                functions.append((None, 0))
        return tuple(functions)

    def __repr__(self) -> str:
        return f"<{self.name()} object at {id(self):#x}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GradFn) and other._node is self._node

    def __hash__(self) -> int:
        return hash(id(self._node))


_GRAD_FN_CLASSES: dict[str, type[GradFn]] = {}


def grad_fn_of(node: Any) -> GradFn:
    """A graph node as an instance of a class named like PyTorch's
    (``type(y.grad_fn).__name__ == "MulBackward0"``); one small subclass per name, made once."""
    name = node._op.backward_name
    node_class = _GRAD_FN_CLASSES.get(name)
    if node_class is None:
        node_class = _GRAD_FN_CLASSES[name] = type(name, (GradFn,), {"__slots__": ()})
    return node_class(node)


class AccumulateGrad:
    """The end of a path in ``next_functions``: where a leaf's ``.grad`` is accumulated."""

    def __init__(self, tensor: Any) -> None:
        self.variable = tensor

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"

    next_functions: tuple = ()

    def __repr__(self) -> str:
        return f"<AccumulateGrad object at {id(self):#x}>"
