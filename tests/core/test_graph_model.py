"""The graph model on the seed's chain example, checked against sympy and the core's backward."""

from __future__ import annotations

import math
import operator
from collections import defaultdict

import numpy as np
import pytest
import sympy

from explorer.core.expr import parse_program
from explorer.core.expr.display import format_unicode
from explorer.core.expr.nodes import Call, Number, UnaryOp, Variable, walk
from explorer.core.graph.forward_mode import forward_tangents, passes_note
from explorer.core.graph.model import build_model
from explorer.core.graph.stepper import Stepper, state_at

SEED = "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
SEED_AT = {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}
NEURON = "z = w*x + b\np = sigmoid(z)\nloss = (p - t)^2"
NEURON_AT = {"w": 0.5, "x": 2.0, "b": -0.5, "t": 1.0}


def _to_sympy(node, names: dict, replaced=None, symbol=None):
    """An independent little converter for the test: + - * / ^, numbers, names, table calls."""
    if node is replaced:
        return symbol
    if isinstance(node, Number):
        return sympy.Float(node.value)
    if isinstance(node, Variable):
        return names[node.name]
    if isinstance(node, UnaryOp):
        return -_to_sympy(node.operand, names, replaced, symbol)
    if isinstance(node, Call):
        argument = _to_sympy(node.args[0], names, replaced, symbol)
        return {"sigmoid": lambda u: 1 / (1 + sympy.exp(-u)), "exp": sympy.exp,
                "log": sympy.log}[node.name](argument)  # fmt: skip
    left = _to_sympy(node.left, names, replaced, symbol)
    right = _to_sympy(node.right, names, replaced, symbol)
    operations = {"+": operator.add, "-": operator.sub, "*": operator.mul,
                  "/": operator.truediv, "^": operator.pow}  # fmt: skip
    return operations[node.op](left, right)


def _expected_intermediate_grads(source: str, at: dict) -> dict[str, list[float]]:
    """∂f/∂(every subexpression), treating that subexpression as a symbol, grouped by formula."""
    program = parse_program(source)
    definitions = program.definitions
    values = {name: sympy.Float(value) for name, value in at.items()}
    for definition in definitions:  # numeric value of every definition
        values[definition.name] = _to_sympy(definition.expr, values)
    expected: dict[str, list[float]] = defaultdict(list)
    s = sympy.Symbol("s", real=True)
    for index, definition in enumerate(definitions):
        for sub in walk(definition.expr):
            if isinstance(sub, (Number, Variable)):
                continue  # a single use of a name; names' totals are checked below
            names = {k: sympy.Symbol(k, real=True) for k in values}
            expression = _to_sympy(definition.expr, names, sub, s)
            env = dict(names)
            env[definition.name] = expression
            for later in definitions[index + 1 :]:
                env[later.name] = _to_sympy(later.expr, env)
            derivative = sympy.diff(env[definitions[-1].name], s)
            point = {names[k]: v for k, v in values.items()}
            point[s] = _to_sympy(sub, values)
            expected[format_unicode(sub)].append(float(derivative.subs(point)))
    inputs = {name: sympy.Symbol(name, real=True) for name in at}
    env = dict(inputs)
    for definition in definitions:
        env[definition.name] = _to_sympy(definition.expr, env)
    output = env[definitions[-1].name]
    for name, symbol in inputs.items():
        derivative = sympy.diff(output, symbol).subs({inputs[k]: v for k, v in at.items()})
        expected[name].append(float(derivative))
    return expected


@pytest.fixture(scope="module")
def seed_model():
    return build_model(SEED, SEED_AT)


def test_seed_values_and_input_partials(seed_model) -> None:
    assert seed_model.output.label == "f"
    assert float(seed_model.output.value) == 1024.0
    for name, grad in seed_model.input_gradients().items():
        assert float(grad) == -4096.0, name
    assert [n.label for n in seed_model.inputs] == ["w", "x", "y", "z"]
    assert {n.label for n in seed_model.nodes if n.is_named} >= {"a", "b", "u", "v", "f"}


@pytest.mark.parametrize(("source", "at"), [(SEED, SEED_AT), (NEURON, NEURON_AT)])
def test_every_intermediate_grad_matches_sympy(source: str, at: dict) -> None:
    model = build_model(source, at)
    expected = _expected_intermediate_grads(source, at)
    got: dict[str, list[float]] = defaultdict(list)
    for node in model.nodes:
        if node.is_leaf and node.is_input:
            got[node.label].append(float(node.grad))
        elif node.formula:
            got[node.formula].append(float(node.grad))
    # Named definitions show the definition's formula, e.g. "(w + x + y + z)²" for a.
    for formula, grads in expected.items():
        assert sorted(got[formula]) == pytest.approx(sorted(grads), rel=1e-9, abs=1e-9), formula
    assert set(got) == set(expected)  # every node of the model was compared


def test_used_twice_gives_two_edges_whose_contributions_add(seed_model) -> None:
    a = seed_model.node_named("a")
    uses = seed_model.outgoing(a.id)
    assert len(uses) == 2
    assert sum(float(e.contribution) for e in uses) == pytest.approx(float(a.grad))
    square = build_model("x * x", {"x": 3.0})
    x = square.node_named("x")
    assert [e.argument_index for e in square.outgoing(x.id)] == [0, 1]
    assert [float(e.contribution) for e in square.outgoing(x.id)] == [3.0, 3.0]
    assert float(x.grad) == 6.0


def test_edges_carry_local_partial_numbers_and_formulas(seed_model) -> None:
    a_plus_b = next(n for n in seed_model.nodes if n.formula == "a + b")
    (edge,) = [e for e in seed_model.outgoing(a_plus_b.id)]
    assert seed_model.node(edge.target).label == "u"
    assert edge.local_partial_formula == "2·(a + b)"
    assert float(edge.local_partial) == 8.0


def test_schedule_is_a_valid_topological_order(seed_model) -> None:
    stepper = Stepper(seed_model)
    forward = [s.node_id for s in stepper.schedule if s.phase == "forward"]
    backward = [s.node_id for s in stepper.schedule if s.phase == "backward"]
    position = {node_id: i for i, node_id in enumerate(forward)}
    for edge in seed_model.edges:
        assert position[edge.source] < position[edge.target]
    back_position = {node_id: i for i, node_id in enumerate(backward)}
    for edge in seed_model.edges:
        assert back_position[edge.target] < back_position[edge.source]
    assert sorted(forward) == sorted(n.id for n in seed_model.nodes)
    assert stepper.schedule[-1].phase == "backward"


def test_stepping_back_restores_exactly_the_previous_state(seed_model) -> None:
    stepper = Stepper(seed_model)
    states = [stepper.state]
    while stepper.step_forward():
        states.append(stepper.state)
    while stepper.step_backward():
        states.append(stepper.state)
    assert stepper.state.phase == "done" and len(states) == stepper.length + 1
    for expected in reversed(states[:-1]):
        assert stepper.back()
        assert stepper.state == expected
    assert not stepper.back()
    stepper.seek(7)
    assert stepper.state == state_at(seed_model, stepper.schedule, 7)
    stepper.seek(30)
    stepper.back()  # one step back, not back to where the jump started
    assert stepper.position == 29
    assert stepper.reset() and stepper.position == 0


def test_partial_grads_accumulate_while_stepping(seed_model) -> None:
    stepper = Stepper(seed_model)
    a = seed_model.node_named("a")
    targets = {e.target for e in seed_model.outgoing(a.id)}
    stepper.run_all()
    stepper.reset()
    stepper.step_backward()  # forward pass + ∂f/∂f
    while not targets & stepper.state.graded:
        stepper.step_backward()
    assert a.id not in stepper.state.graded
    partial = stepper.shown_grad(a.id)
    assert partial is not None and float(partial) == 512.0
    while a.id not in stepper.state.graded:
        stepper.step_backward()
    assert float(stepper.shown_grad(a.id)) == 1024.0


def test_run_all_equals_the_cores_backward(seed_model) -> None:
    import explorer.autodiff as torch

    stepper = Stepper(seed_model)
    stepper.run_all()
    w, x, y, z = (torch.tensor([v], requires_grad=True) for v in SEED_AT.values())
    a, b = (w + x + y + z) ** 2, (w + x - y - z) ** 2
    u, v = (a + b) ** 2, (a - b) ** 2
    f = (u + v) ** 2
    f.backward()
    graded = {seed_model.node(i).label: seed_model.node(i).grad for i in stepper.state.graded}
    for name, leaf in zip("wxyz", (w, x, y, z), strict=True):
        assert float(graded[name]) == leaf.grad.item() == -4096.0


def test_explanations_show_the_chain_rule_with_numbers(seed_model) -> None:
    texts = {s.node_id: s.explanation for s in Stepper(seed_model).schedule if s.phase == "forward"}
    u = seed_model.node_named("u")
    assert texts[u.id] == "u = (a + b)² = (4 + 0)² = 16"
    backward = {s.node_id: s.explanation for s in Stepper(seed_model).schedule[len(texts) :]}
    a = seed_model.node_named("a")
    assert backward[a.id] == (
        "∂f/∂a = ∂f/∂(a + b)·∂(a + b)/∂a + ∂f/∂(a − b)·∂(a − b)/∂a = 512·1 + 512·1 = 1024"
    )
    assert backward[seed_model.node_named("w").id].endswith("= −4096")


@pytest.mark.parametrize("name", ["w", "x", "y", "z"])
def test_forward_mode_tangents_equal_reverse_mode_partials(seed_model, name: str) -> None:
    result = forward_tangents(seed_model, name)
    assert float(result.tangent_of(seed_model.output_id)) == float(
        seed_model.input_gradients()[name]
    )


def test_forward_mode_matches_the_cores_jvp_on_the_neuron() -> None:
    import explorer.autodiff as torch

    model = build_model(NEURON, NEURON_AT)

    def loss(w, x, b, t):
        return (torch.sigmoid(w * x + b) - t) ** 2

    primals = tuple(torch.tensor(v) for v in NEURON_AT.values())
    for index, name in enumerate(NEURON_AT):
        tangents = tuple(torch.tensor(float(i == index)) for i in range(4))
        _, expected = torch.func.jvp(loss, primals, tangents)
        got = forward_tangents(model, name).tangent_of(model.output_id)
        assert float(got) == pytest.approx(expected.item(), rel=1e-12)
        assert float(got) == pytest.approx(float(model.input_gradients()[name]), rel=1e-12)


def test_passes_note(seed_model) -> None:
    assert passes_note(seed_model) == (
        "Reverse mode: 1 backward pass gives all 4 partials; forward mode needs 4 passes, "
        "one per input"
    )


def test_log_sum_exp_gradient_is_the_softmax() -> None:
    model = build_model("log(exp(x) + exp(y))", {"x": 0.0, "y": math.log(2.0)})
    grads = model.input_gradients()
    assert float(model.output.value) == pytest.approx(math.log(3.0))
    assert float(grads["x"]) == pytest.approx(1 / 3) and float(grads["y"]) == pytest.approx(2 / 3)


def test_layout_inputs_left_output_right_and_layers_respect_edges(seed_model) -> None:
    layout = seed_model.layout
    assert set(layout.layers[0]) == {n.id for n in seed_model.inputs}
    assert layout.layers[-1] == (seed_model.output_id,)
    for edge in seed_model.edges:
        assert layout.layer_of[edge.source] < layout.layer_of[edge.target]
        route = layout.edge_routes[edge.index]
        assert route[0] == layout.positions[edge.source]
        assert route[-1] == layout.positions[edge.target]
    for level in layout.layers:
        ys = [layout.positions[n][1] for n in level]
        assert all(b - a >= 1.0 - 1e-9 for a, b in zip(ys, ys[1:], strict=False))


def test_vector_input_grad_and_structural_contribution() -> None:
    model = build_model("x * x", {"x": np.arange(4.0)})
    assert model.node_named("x").grad.tolist() == [0.0, 2.0, 4.0, 6.0]


def test_repeated_unnamed_formulas_are_numbered_apart(seed_model) -> None:
    twins = [node for node in seed_model.nodes if node.formula == "w + x"]
    assert [node.symbol for node in twins] == ["(w + x)₁", "(w + x)₂"]
    symbols = [node.symbol for node in seed_model.nodes]
    assert len(set(symbols)) == len(symbols)  # no two nodes read the same in an explanation
    texts = {step.node_id: step.explanation for step in Stepper(seed_model).schedule[18:]}
    w = seed_model.node_named("w")
    assert texts[w.id] == (
        "∂f/∂w = ∂f/∂(w + x)₁·∂(w + x)₁/∂w + ∂f/∂(w + x)₂·∂(w + x)₂/∂w = (−4096)·1 + 0·1 = −4096"
    )
    unique = build_model("exp(x) + sin(x)", {"x": 1.0})
    assert all(node.occurrence == 0 for node in unique.nodes)
    doubled = build_model("exp(x) * exp(x)", {"x": 1.0})
    assert [n.symbol for n in doubled.nodes if n.op == "exp"] == ["exp(x)₁", "exp(x)₂"]
