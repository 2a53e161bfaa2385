"""Readable names and partials for traced Python, constant programs, wrapped layouts and --at."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.core.expr.errors import ExprError
from explorer.core.graph.cli_text import graph_dict, model_for, model_text, read_program
from explorer.core.graph.layout import layered_layout, wrap_layout
from explorer.core.graph.model import NAMED_STEPS, OPERATIONS
from explorer.core.graph.presets import PRESETS, preset_model
from explorer.core.graph.stepper import Stepper

NEURON = """w = torch.tensor([0.5, -1.0], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)
x = torch.tensor([2.0, 3.0])
y = torch.sigmoid(torch.dot(w, x) + b)
loss = (y - 1.0) ** 2
loss.backward()
"""


def test_two_x_t_x_names_the_dot_and_shows_each_slots_vector_partial() -> None:
    model = preset_model("2xtx")
    dot = next(node for node in model.nodes if node.op == "dot")
    assert dot.symbol == "dot(x, x)"
    x = model.node_named("x")
    edges = [edge for edge in model.edges if edge.target == dot.id]
    assert len(edges) == 2
    for edge in edges:
        # ∂(x·x)/∂x through one slot is the other operand, x = arange(4); ∂y/∂dot = 2.
        assert edge.local_partial_formula == "x"
        assert edge.vector_partial.tolist() == [0.0, 1.0, 2.0, 3.0]
        assert edge.contribution.tolist() == [0.0, 2.0, 4.0, 6.0]
    assert sum(edge.contribution for edge in edges).tolist() == (4 * x.value).tolist()
    text = model_text(model)
    assert "#" not in text and "—" not in text
    assert "∂dot(x, x)/∂x = x = [0, 1, 2, 3] (vector); adds [0, 2, 4, 6]" in text


def test_neuron_edges_name_their_operands_and_contributions_add_up() -> None:
    model = model_for(NEURON).model
    labels = {edge.description for edge in model.edges}
    assert "∂dot(w, x)/∂w = x" in labels and "∂dot(w, x)/∂x = w" in labels
    w = model.node_named("w")
    into_dot = next(e for e in model.edges if e.source == w.id)
    # ∂loss/∂w = 2(y − 1)·σ'(z)·x, evaluated independently.
    z = 0.5 * 2.0 - 1.0 * 3.0 + 0.1
    y = 1 / (1 + math.exp(-z))
    expected = 2 * (y - 1) * y * (1 - y) * np.array([2.0, 3.0])
    assert np.allclose(into_dot.contribution, expected) and np.allclose(w.grad, expected)
    assert "None (requires_grad=False)" in model_text(model)  # x does not require grad


@pytest.mark.parametrize("preset", [p.key for p in PRESETS if p.kind == "python"])
def test_python_presets_have_no_placeholder_names(preset: str) -> None:
    model = preset_model(preset)
    texts = [step.explanation for step in Stepper(model).schedule] + [model_text(model)]
    for text in texts:
        assert "#" not in text and "(u·v)" not in text and "= —" not in text


@pytest.mark.parametrize(
    ("program", "output"), [("x = 3\nf = x^2", "f"), ("3", "out"), ("f = 2*pi", "f")]
)
def test_constant_programs_say_there_is_nothing_to_differentiate(program, output) -> None:
    for view in (OPERATIONS, NAMED_STEPS):
        model = model_for(program, view=view).model
        note = f"{output} does not depend on any input: nothing to differentiate"
        assert model.nothing_to_differentiate() == note
        summary = model_text(model).split("nodes:")[0]  # value and note, no gradient lines
        assert summary.splitlines()[1:] == [note] and "∂" not in summary
        assert graph_dict(model)["note"] == note and graph_dict(model)["gradients"] == {}


def test_log_sum_exp_at_the_seeds_point_given_as_log_2() -> None:
    model = model_for("log(exp(x) + exp(y))", "x=0,y=log(2)").model
    gradients = model.input_gradients()  # softmax of (0, ln 2) = (1/3, 2/3)
    assert gradients["x"] == pytest.approx(1 / 3) and gradients["y"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("argument", ["nonexist.py", "missing/seed.txt", "./prog", "/no/such"])
def test_path_like_arguments_that_name_no_file(argument: str) -> None:
    with pytest.raises(ExprError, match=f"File not found: {argument}"):
        read_program(argument)


@pytest.mark.parametrize("argument", ["x/y", "1/x + y", "w*x", "log(exp(x)+exp(y))"])
def test_expressions_are_not_mistaken_for_paths(argument: str) -> None:
    assert read_program(argument) == argument


def test_wrapping_a_chain_into_bands() -> None:
    count = 12
    edges = [(i, i + 1) for i in range(count - 1)]
    layout = layered_layout(list(range(count)), edges, inputs=[0], output_id=count - 1)
    wrapped = wrap_layout(layout, 3)
    assert wrapped.band_count == 3
    columns = {node: x for node, (x, _) in wrapped.positions.items()}
    assert max(columns.values()) == 3  # four layers per band
    rows = sorted({y for _, y in wrapped.positions.values()})
    assert len(rows) == 3
    gaps = wrapped.band_gaps
    assert rows[0] < gaps[0] < rows[1] < gaps[1] < rows[2]
    crossings = [i for i, bands in enumerate(wrapped.route_bands) if bands[0] != bands[-1]]
    assert crossings == [3, 7]  # 3→4 and 7→8 run back to the next band's left side
    assert wrap_layout(layout, 1) is layout
