"""The order backward visits a graph in: every node after all of its consumers, as a recursive walk.

``engine.topological_order`` walks on one explicit stack (a million-node chain must not recurse).
These tests check it against the textbook recursive depth-first walk written out here, on random
graphs where values are shared by several consumers (diamonds, a value used twice by one op), and
that the gradients it leads to agree with central differences.
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import explorer.autodiff as torch
from explorer.core.autodiff import engine


def recursive_order(root):
    """The post-order of a recursive depth-first walk, first input first (micrograd's)."""
    order, seen = [], set()

    def visit(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        for child in node._inputs:
            if child._requires_grad:
                visit(child)
        order.append(node)

    visit(root)
    return order


OPS = ("add", "mul", "sub", "tanh", "sin")


def build(choices, values):
    """A graph over leaves ``values``: each step applies an op to tensors made earlier (any of
    them, so values are shared), and the last one is the output."""
    leaves = [torch.tensor(v, requires_grad=True) for v in values]
    made = list(leaves)
    for op, i, j in choices:
        a, b = made[i % len(made)], made[j % len(made)]
        if op == "add":
            made.append(a + b)
        elif op == "mul":
            made.append(a * b)
        elif op == "sub":
            made.append(a - b)
        else:
            made.append(getattr(a, op)())
    # Repeated squaring can overflow, and tanh(inf) = 1 hides it from the output: differences
    # need every value finite and of moderate size.
    assume(all(abs(t.item()) < 1e3 for t in made))
    return leaves, made[-1]


graphs = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=25
)
leaf_values = st.lists(st.floats(-1.5, 1.5), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(graphs, leaf_values)
def test_the_order_is_the_recursive_walks(choices, values):
    leaves, output = build(choices, values)
    root = output._node or output
    order = engine.topological_order(root)
    expected = recursive_order(root)
    assert len(order) == len(expected)
    assert all(a is b for a, b in zip(order, expected, strict=True))
    position = {id(node): index for index, node in enumerate(order)}
    for node in order:  # every input before the node that reads it
        for child in node._inputs:
            if child._requires_grad:
                assert position[id(child)] < position[id(node)]


@settings(max_examples=30, deadline=None)
@given(graphs, leaf_values)
def test_shared_values_get_every_consumers_gradient(choices, values):
    leaves, output = build(choices, values)
    output.backward()
    h = 1e-6
    for index, value in enumerate(values):
        shifted = [list(values), list(values)]
        shifted[0][index] = value + h
        shifted[1][index] = value - h
        slope = (build(choices, shifted[0])[1].item() - build(choices, shifted[1])[1].item()) / (
            2 * h
        )
        grad = leaves[index].grad
        assert np.isclose(0.0 if grad is None else grad.item(), slope, rtol=1e-4, atol=1e-4)
