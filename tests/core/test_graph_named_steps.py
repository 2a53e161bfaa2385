"""The named-steps view: inputs and named definitions only, edges carrying single-step partials.

Checked against the seed (its single-step partials and numbers), sympy's partial of each
definition, and the op-level model built on the autodiff core.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

from explorer.core.expr import parse_program
from explorer.core.expr.errors import ExprError
from explorer.core.expr.to_sympy import tree_to_sympy
from explorer.core.graph.model import NAMED_STEPS, build_model
from explorer.core.graph.named_steps import build_named_model
from explorer.core.graph.stepper import Stepper

SEED = "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
SEED_AT = {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}
NEURON = "z = w*x + b\np = sigmoid(z)\nloss = (p - t)^2"
NEURON_AT = {"w": 0.5, "x": 2.0, "b": -0.5, "t": 1.0}
LOG_SUM_EXP = "s = exp(x) + exp(y)\nf = log(s)"
LOG_SUM_EXP_AT = {"x": 0.0, "y": math.log(2.0)}
PROGRAMS = [(SEED, SEED_AT), (NEURON, NEURON_AT), (LOG_SUM_EXP, LOG_SUM_EXP_AT)]

# The seed's single-step partials (its code; the prose's ∂v/∂b = −2(a+b) is a typo).
SEED_PARTIALS = {
    ("u", "f"): "2(u + v)",
    ("v", "f"): "2(u + v)",
    ("a", "u"): "2(a + b)",
    ("b", "u"): "2(a + b)",
    ("a", "v"): "2(a − b)",
    ("b", "v"): "−2(a − b)",
    **{(name, "a"): "2(w + x + y + z)" for name in "wxyz"},
    ("w", "b"): "2(w + x − y − z)",
    ("x", "b"): "2(w + x − y − z)",
    ("y", "b"): "−2(w + x − y − z)",
    ("z", "b"): "−2(w + x − y − z)",
}


@pytest.fixture(scope="module")
def seed_named():
    return build_named_model(SEED, SEED_AT)


def _labels(model, edge) -> tuple[str, str]:
    return model.node(edge.source).label, model.node(edge.target).label


def test_seed_nodes_are_the_inputs_and_the_definitions(seed_named) -> None:
    assert seed_named.view == NAMED_STEPS
    assert [node.label for node in seed_named.nodes] == list("wxyzabuvf")
    assert float(seed_named.output.value) == 1024.0
    assert {name: float(g) for name, g in seed_named.input_gradients().items()} == dict.fromkeys(
        "wxyz", -4096.0
    )


def test_seed_edges_carry_the_seeds_single_step_partials(seed_named) -> None:
    got = {_labels(seed_named, edge): edge.local_partial_formula for edge in seed_named.edges}
    assert got == SEED_PARTIALS
    numbers = {_labels(seed_named, e): float(e.local_partial) for e in seed_named.edges}
    # The seed's In [4] at (−1, 0, −2, 1): a = 4, b = 0, u = v = 16.
    assert numbers[("u", "f")] == 64 and numbers[("a", "u")] == 8 and numbers[("b", "v")] == -8
    assert numbers[("w", "a")] == -4 and numbers[("w", "b")] == 0


def test_seed_backward_reads_like_the_seed(seed_named) -> None:
    texts = {
        seed_named.node(step.node_id).label: step.explanation
        for step in Stepper(seed_named).schedule
        if step.phase == "backward"
    }
    assert texts["u"] == "∂f/∂u = 2(u + v) = 64"
    assert texts["a"] == (
        "∂f/∂a = ∂f/∂u·∂u/∂a + ∂f/∂v·∂v/∂a = 64·2(a + b) + 64·2(a − b) = 64·8 + 64·8 = 1024"
    )
    assert texts["w"].startswith("∂f/∂w = ∂f/∂a·∂a/∂w + ∂f/∂b·∂b/∂w = ")
    assert texts["w"].endswith("= 1024·(−4) + 0·0 = −4096")
    order = [seed_named.node(s.node_id).label for s in Stepper(seed_named).schedule]
    assert order[9:] == list("fuvabwxyz")  # level by level from the output, as the seed goes


@pytest.mark.parametrize(("source", "at"), PROGRAMS)
@pytest.mark.parametrize("shift", [0.0, 0.37, -1.3])
def test_every_edge_partial_is_sympys_partial_of_the_definition(source, at, shift) -> None:
    at = {name: value + shift for name, value in at.items()}
    model = build_named_model(source, at)
    program = parse_program(source)
    definitions = {d.name: d.expr for d in program.definitions}
    values = dict(at)
    for name, expr in definitions.items():
        values[name] = float(tree_to_sympy(expr).subs(_point(values)))
    for edge in model.edges:
        dep, definition = _labels(model, edge)
        expression = tree_to_sympy(definitions[definition])
        expected = sympy.diff(expression, sympy.Symbol(dep, real=True)).subs(_point(values))
        assert float(edge.local_partial) == pytest.approx(float(expected), rel=1e-12, abs=1e-12)
    # One edge per name a definition reads.
    reads = sum(len(tree_to_sympy(e).free_symbols) for e in definitions.values())
    assert len(model.edges) == reads


def _point(values: dict) -> dict:
    return {sympy.Symbol(name, real=True): value for name, value in values.items()}


@pytest.mark.parametrize(("source", "at"), PROGRAMS)
def test_grads_equal_the_op_level_models(source, at) -> None:
    named = build_named_model(source, at)
    ops = build_model(source, at)
    for node in named.nodes:
        op_node = ops.node_named(node.label)
        assert float(node.value) == pytest.approx(float(op_node.value), rel=1e-12)
        assert float(node.grad) == pytest.approx(float(op_node.grad), rel=1e-12, abs=1e-12)
    # Each edge's contribution is ∂f/∂target·∂target/∂source; a node's add up to its gradient.
    for node in named.nodes:
        if node.id != named.output_id:
            total = sum(float(edge.contribution) for edge in named.outgoing(node.id))
            assert total == pytest.approx(float(node.grad), rel=1e-12, abs=1e-12)


def test_log_sum_exp_gradient_is_the_softmax() -> None:
    model = build_named_model(LOG_SUM_EXP, LOG_SUM_EXP_AT)
    grads = model.input_gradients()
    assert float(grads["x"]) == pytest.approx(1 / 3) and float(grads["y"]) == pytest.approx(2 / 3)


def test_an_expression_gives_inputs_and_output_with_one_edge_per_input() -> None:
    model = build_named_model("log(exp(x) + exp(y))", LOG_SUM_EXP_AT)
    assert [node.label for node in model.nodes] == ["x", "y", "out"]
    formulas = {_labels(model, e)[0]: e.local_partial_formula for e in model.edges}
    assert set(formulas) == {"x", "y"}
    assert "exp(x)" in formulas["x"] and "exp(y)" in formulas["y"]
    assert float(model.node_named("x").grad) == pytest.approx(1 / 3)


def test_requires_grad_and_detach_match_the_op_level_model() -> None:
    source = "a = x^2\nb = a*y + x\nc = b*a"
    at = {"x": 1.5, "y": -2.0}
    for options in ({"requires_grad": {"y": False}}, {"detach": ("a",)}, {"detach": ("b",)}):
        named = build_named_model(source, at, **options)
        ops = build_model(source, at, **options)
        for name in ("x", "y"):
            expected, got = ops.node_named(name).grad, named.node_named(name).grad
            assert (got is None) == (expected is None), (options, name)
            if got is not None:
                assert float(got) == pytest.approx(float(expected)), (options, name)
    cut = build_named_model(source, at, detach=("a",))
    copy = cut.node_named("a.detach()")
    assert copy.is_leaf and not copy.requires_grad
    assert [e.detached for e in cut.incoming(copy.id)] == [True]
    assert {cut.node(e.target).label for e in cut.outgoing(copy.id)} == {"b", "c"}


def test_vector_inputs_reduce_to_the_inputs_shape() -> None:
    source = "a = x^2\nf = a*y"
    at = {"x": np.arange(4.0), "y": 3.0}
    named = build_named_model(source, at)
    ops = build_model(source, at)
    np.testing.assert_allclose(named.node_named("x").grad, 6 * np.arange(4.0))
    np.testing.assert_allclose(named.node_named("y").grad, ops.node_named("y").grad)
    assert np.shape(named.node_named("y").grad) == ()


def test_unused_definitions_are_not_in_the_graph_and_missing_values_are_errors() -> None:
    model = build_named_model("a = x^2\nb = y + 1\nc = a*x", {"x": 2.0, "y": 1.0})
    assert [node.label for node in model.nodes] == ["x", "a", "c"]
    with pytest.raises(ExprError, match="No value given for 'y'"):
        build_named_model("a = x*y", {"x": 1.0})
    with pytest.raises(ExprError, match="Detaching the output"):
        build_named_model("a = x*y", {"x": 1.0, "y": 2.0}, detach=("a",))


def test_stepping_back_restores_the_state_and_order_is_valid(seed_named) -> None:
    stepper = Stepper(seed_named)
    done: set[int] = set()
    for step in stepper.schedule:
        if step.phase == "backward":
            consumers = {e.target for e in seed_named.outgoing(step.node_id)}
            assert consumers <= done  # every consumer's gradient is complete first
            done.add(step.node_id)
    states = []
    while stepper.step_backward():
        states.append(stepper.state)
    for state in reversed(states[:-1]):
        stepper.back()
        assert stepper.state == state


def test_forward_mode_on_the_named_steps_gives_the_same_partial(seed_named) -> None:
    from explorer.core.graph.forward_mode import forward_tangents

    result = forward_tangents(seed_named, "w")
    assert float(result.tangent_of(seed_named.output_id)) == -4096.0
    a = seed_named.node_named("a")
    assert result.explanations[a.id].startswith("∂a/∂w = ∂a/∂w·∂w/∂w")


@pytest.mark.parametrize("key", ["chain", "logsumexp", "neuron", "control_flow", "2xtx"])
def test_linear_forward_texts_equal_the_per_node_texts(key) -> None:
    from explorer.core.graph.explain import forward_text, forward_texts
    from explorer.core.graph.presets import preset_model

    model = preset_model(key)
    assert forward_texts(model) == [forward_text(model, node) for node in model.nodes]
