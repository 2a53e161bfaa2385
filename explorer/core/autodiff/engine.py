"""Reverse mode: grad-mode switches, the topological order, and the backward pass.

``backward`` is the chain rule, node by node, as in micrograd: order the graph, seed the output
with ∂L/∂L, and for each node (outputs first) multiply its gradient by the local partials from the
rule table and add the products into its inputs' gradients. Adding (never assigning) is what makes
a node used twice right. The order is found with an explicit stack, so a chain of a million nodes
needs no recursion. The nodes are ``node.Node`` objects (a leaf tensor is its own node); each reads
the values its formula needs from the nodes it was computed from. How the arithmetic saves arrays
and when values are released is not the loop's business: it asks a ``GradientArithmetic``
(``economies.py``), plain or economical by one switch.

Like PyTorch, backward computes inf and NaN silently (sqrt′(0) = inf): numpy's floating-point
errors are ignored for the pass (``np.errstate``), never globally.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from explorer.core.autodiff import economies
from explorer.core.autodiff.dtypes import as_dtype
from explorer.core.autodiff.economies import unbroadcast  # noqa: F401 - the graph views use it
from explorer.core.autodiff.rules import GRAPH_VJPS

SECOND_BACKWARD_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)
IMPLICIT_GRAD_MESSAGE = "grad can be implicitly created only for scalar outputs"
NO_GRAD_FN_MESSAGE = "element 0 of tensors does not require grad and does not have a grad_fn"
# PyTorch 2.13's text when a value saved for backward was changed in place afterwards.
MODIFIED_MESSAGE = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: {described} is at version {version}; expected version {expected} instead. Hint: "
    "enable anomaly detection to find the operation that failed to compute its gradient, with "
    "torch.autograd.set_detect_anomaly(True, check_nan=False)."
)


class GradMode:
    """Whether operations record a graph (``no_grad`` switches it off)."""

    enabled = True


class set_grad_enabled:  # noqa: N801 - PyTorch's name
    """Context manager and decorator that sets grad mode on or off, restoring it afterwards."""

    def __init__(self, mode: bool) -> None:
        self.mode = bool(mode)
        self.previous = GradMode.enabled
        GradMode.enabled = self.mode  # like PyTorch, it also works as a plain function call

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        GradMode.enabled = self.previous


class _GradModeContext:
    mode = True

    def __enter__(self) -> None:
        self.previous = GradMode.enabled
        GradMode.enabled = self.mode

    def __exit__(self, *exc_info: object) -> None:
        GradMode.enabled = self.previous

    def __call__(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with type(self)():
                return function(*args, **kwargs)

        return wrapper


class no_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Operations inside record no graph: results do not require grad."""

    mode = False


class enable_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Turn graph recording back on inside a ``no_grad`` block."""

    mode = True


def is_grad_enabled() -> bool:
    return GradMode.enabled


class Differentiating:
    """Whether a ``create_graph`` backward is running: the rules then get tensors, and numpy
    functions in them must record (``numpy_protocol``)."""

    active = False


class InPlaceWrites:
    """How many in-place writes any tensor has had: a node made since the last one has nothing
    to check (``check_saved_values``)."""

    count = 0


def topological_order(root: Any) -> list[Any]:
    """Nodes that require grad, reachable from ``root``, inputs before the nodes that use them.
    A node is a ``node.Node`` or a leaf tensor, which is its own node.

    A depth-first walk on one stack, so a long chain needs no recursion: a node popped the first
    time is expanded (pushed back under a ``None`` marker, its inputs above it, the first input
    on top), and popped again after the marker, once everything above it is in the order. The
    order is that of the recursive walk (first input first); nodes are hashed by identity.
    """
    order: list[Any] = []
    expanded: set[Any] = set()
    stack: list[Any] = [root]
    pop, push, emit, expand = stack.pop, stack.append, order.append, expanded.add
    while stack:
        node = pop()
        if node is None:  # the marker: the node under it has all its inputs in the order
            emit(pop())
        elif node not in expanded:  # (a node pushed twice is expanded once)
            expand(node)
            push(node)
            push(None)
            for child in reversed(node._inputs):
                if child._requires_grad and child not in expanded:
                    push(child)
    return order


def backward(root: Any, seed: Any, retain_graph: bool, create_graph: bool,
             make_tensor: Callable, tensor_of: Callable) -> None:  # fmt: skip
    """Propagate ``seed`` (∂L/∂root, ``root`` the output's node) to every leaf, accumulating
    into ``.grad``.

    With ``create_graph`` the gradients are tensors computed by recorded operations, so they can
    be differentiated again; the rules then read tensors (``tensor_of`` a node).
    """
    order = topological_order(root)
    arithmetic = economies.gradient_arithmetic(create_graph)
    root._pending = seed  # ∂L/∂root; each node's ∂L/∂node is complete once its consumers added
    outer, Differentiating.active = Differentiating.active, create_graph
    try:
        _chain_rule(order, arithmetic, retain_graph, create_graph, make_tensor, tensor_of)
    except BaseException:
        for node in order:  # an error (a value changed in place) leaves nothing half-summed
            node._pending = None
        raise
    finally:
        Differentiating.active = outer


def _chain_rule(order: list, arithmetic: Any, retain_graph: bool, create_graph: bool,
                make_tensor: Callable, tensor_of: Callable) -> None:  # fmt: skip
    """The backward loop: each node, after all its consumers, passes g · ∂node/∂input on."""
    deposit, record, plus = arithmetic.deposit, arithmetic.record, arithmetic.plus
    scalar_step, release = arithmetic.scalar_step, arithmetic.release
    with np.errstate(all="ignore"), set_grad_enabled(create_graph):
        for node in reversed(order):  # each node after all of its consumers
            g, node._pending = node._pending, None
            if g is None:
                continue  # L does not depend on this node
            if node._op is None:
                deposit(node, g, make_tensor)  # a leaf: leaf.grad += g
                continue
            if node._retains_grad:  # y.retain_grad(): y.grad += g
                deposit(node._tensor, g, make_tensor)
            if node._freed or node._writes_seen != InPlaceWrites.count:
                check_saved_values(node)  # freed by an earlier backward, or changed in place?
            if not scalar_step(node, g):  # the same step, shortened for a 0-dim node
                record(node, g)  # ∂L/∂node, for the graph view
                products = vector_jacobian_products(node, g, arithmetic, create_graph, tensor_of)
                for child, contribution in zip(node._inputs, products, strict=True):
                    if contribution is not None and child._requires_grad:  # g · ∂node/∂child
                        child._pending = plus(child._pending, contribution)
                if not retain_graph:
                    release(node)  # values only this step still read (economies.py)
            node._freed = not retain_graph


def vector_jacobian_products(node: Any, g: Any, arithmetic: Any, create_graph: bool,
                             tensor_of: Callable[[Any], Any]) -> Any:  # fmt: skip
    """``g · ∂node/∂input`` for each input (None where the input needs no gradient).

    An elementwise rule gives each local partial (``cos(x)`` for sin); a structural rule (sum,
    matmul, indexing) gives the whole product, as its Jacobian is not diagonal. The values are
    those the nodes kept (``node.py``). With ``create_graph`` the rule reads them as tensors, so
    the products are recorded.
    """
    rule, inputs = node._op, node._inputs
    if create_graph:
        values, out = [tensor_of(child) for child in inputs], tensor_of(node)
    else:
        values, out = [child._value for child in inputs], node._value
    if rule.partials is None:
        vjp = GRAPH_VJPS.get(rule.name) if create_graph else rule.vjp
        if vjp is None:
            raise RuntimeError(
                f"create_graph=True: the gradient of {rule.backward_name} cannot be "
                "differentiated again in explorer.autodiff"
            )
        return vjp(g, values, out, node._extra)
    read = (*values, out)
    return [
        arithmetic.times(g, partial(*values, out), child, read) if child._requires_grad else None
        for partial, child in zip(rule.partials, inputs, strict=True)
    ]


def check_saved_values(node: Any) -> None:
    """PyTorch's errors when backward needs values that are gone: freed by an earlier backward,
    or changed in place since the node was made (their version counters moved on)."""
    rule = node._op
    if not rule.saves_values:
        return
    if node._freed:
        raise RuntimeError(SECOND_BACKWARD_MESSAGE)
    expected = node._input_versions
    inputs = node._inputs
    if expected is None and node._counter is None:
        for child in inputs:
            if child._counter is not None:
                break
        else:
            return  # nothing here was ever written in place
    requires_grad = tuple(child._requires_grad for child in inputs)
    for index in rule.saved_arguments(requires_grad):
        saved_version = 0 if expected is None else expected[index]
        if inputs[index]._version != saved_version:
            raise RuntimeError(modified_message(inputs[index], saved_version, now=True))
    if rule.reads_out(requires_grad) and node._version != node._created_version:
        raise RuntimeError(modified_message(node, node._created_version, now=False))


def modified_message(tensor: Any, expected: int, now: bool) -> str:
    """PyTorch's text; a saved input (a node, or a leaf tensor) is named by the op that made it
    last (``now``), a saved output by its own op."""
    value = tensor._value
    sizes = ", ".join(str(n) for n in np.shape(value))
    described = f"[{as_dtype(np.asarray(value).dtype).type_name()} [{sizes}]]"
    while now and tensor._successor is not None:
        tensor = tensor._successor
    if tensor._op is not None:  # PyTorch names the op that made it, without "Backward0"
        made_by = re.sub(r"Backward\d+$", "", tensor._op.backward_name)
        described += f", which is output 0 of {made_by},"
    return MODIFIED_MESSAGE.format(described=described, version=tensor._version, expected=expected)
