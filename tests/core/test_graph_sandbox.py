"""PyTorch sandbox demos, presets, interpreter graphs and the CLI text of the graph view."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from explorer.core.expr.errors import ExprError
from explorer.core.graph.cli_text import graph_json, graph_text, parse_at
from explorer.core.graph.model import build_model
from explorer.core.graph.presets import PRESETS, TWO_X_T_X, preset_model, run_preset
from explorer.core.graph.sandbox import (
    backward_after_free,
    backward_again_without_zero,
    non_scalar_backward,
    sandbox_model,
)
from explorer.core.graph.stepper import Stepper

SEED = "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"
SEED_AT = {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}
FREED = "Trying to backward through the graph a second time"


def test_requires_grad_off_gives_no_gradient_to_that_input() -> None:
    model = sandbox_model(SEED, SEED_AT, requires_grad={"w": False})
    grads = model.input_gradients()
    assert grads["w"] is None
    assert [float(grads[n]) for n in "xyz"] == [-4096.0] * 3
    assert "requires_grad=False" in Stepper(model).schedule[0].explanation


def test_detach_cuts_the_edge_and_stops_the_gradient() -> None:
    model = sandbox_model("u = x^2\nf = u * x", {"x": 3.0}, detach=("u",))
    (cut,) = [edge for edge in model.edges if edge.detached]
    assert model.node(cut.source).label == "u"
    assert cut.contribution is None
    # Only the direct use of x counts: ∂f/∂x = u = 9 instead of 3x² = 27.
    assert float(model.input_gradients()["x"]) == 9.0
    assert float(build_model("u = x^2\nf = u * x", {"x": 3.0}).input_gradients()["x"]) == 27.0


def test_backward_again_without_zero_accumulates() -> None:
    demo = backward_again_without_zero(SEED, SEED_AT)
    for name in "wxyz":
        assert float(demo.before[name]) == -4096.0
        assert float(demo.after[name]) == -8192.0
    assert "w.grad: −4096 → −8192" in demo.explanation


def test_backward_after_the_graph_was_freed_gives_the_core_message() -> None:
    import explorer.autodiff as torch

    message = backward_after_free(SEED, SEED_AT)
    assert message.startswith(FREED)
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    y.backward()
    with pytest.raises(RuntimeError) as raised:
        y.backward()
    assert str(raised.value) == message


def test_non_scalar_output_needs_gradient() -> None:
    demo = non_scalar_backward("x * x", {"x": np.arange(4.0)})
    assert demo.error == "grad can be implicitly created only for scalar outputs"
    assert demo.gradients["x"].tolist() == [0.0, 2.0, 4.0, 6.0]
    output_step = next(s for s in Stepper(demo.model).schedule if s.phase == "backward")
    assert "gradient= argument" in output_step.explanation
    with pytest.raises(ValueError):
        non_scalar_backward("x * x", {"x": 2.0})


def test_presets_reproduce_the_seed_numbers() -> None:
    chain = preset_model("chain")
    assert float(chain.output.value) == 1024.0
    assert {k: float(v) for k, v in chain.input_gradients().items()} == dict.fromkeys(
        "wxyz", -4096.0
    )
    assert preset_model("2xtx").input_gradients()["x"].tolist() == [0.0, 4.0, 8.0, 12.0]
    neuron = preset_model("neuron")
    p = 1 / (1 + np.exp(-(0.5 * 2.0 - 0.5)))
    expected_w = 2 * (p - 1.0) * p * (1 - p) * 2.0
    assert float(neuron.input_gradients()["w"]) == pytest.approx(expected_w, rel=1e-12)
    assert {preset.key for preset in PRESETS} == {
        "chain", "logsumexp", "2xtx", "neuron", "control_flow"
    }  # fmt: skip


@pytest.mark.parametrize("seed", [0, 4, 7])
def test_control_flow_preset_graph_shows_the_loop_and_a_grad_equals_d_over_a(seed: int) -> None:
    result = run_preset("control_flow", seed=seed)
    a, d = result.variables["a"], result.variables["d"]
    assert result.prints[-1] == "tensor(True)"
    graph = result.graph
    (loop,) = [event for event in result.trace if event.kind == "while"]
    multiplications = [n for n in graph.nodes if n.op == "mul"]
    extra = 0 if a.item() > 0 else 1  # the else branch multiplies by 100 once more
    assert len(multiplications) == 1 + loop.iterations + extra
    assert float(graph.node_named("a").grad) == pytest.approx(d.item() / a.item(), rel=1e-6)
    stepper = Stepper(graph)
    stepper.run_all()
    last = stepper.schedule[-1]
    assert last.node_id == graph.node_named("a").id
    assert last.explanation.startswith("∂d/∂a = ")
    assert last.explanation.endswith(_compact(a.grad.item()))


def _compact(number: float) -> str:
    from explorer.core.text import format_number

    return format_number(number)


def test_interpreter_graph_explains_scalar_operands() -> None:
    result = run_preset("control_flow", seed=0)
    graph = result.graph
    first_mul = next(n for n in graph.nodes if n.op == "mul")
    text = next(s.explanation for s in Stepper(graph).schedule if s.node_id == first_mul.id)
    assert text.startswith("b₁ = a·2 = ")


def test_parse_at_accepts_numbers_and_constant_expressions() -> None:
    assert parse_at("w=-1,x=0,y=-2,z=1") == {"w": -1.0, "x": 0.0, "y": -2.0, "z": 1.0}
    assert parse_at(" x = 1e-3 , y=.5") == {"x": 0.001, "y": 0.5}
    # The seed's preset point (0, ln 2), and constants read by our own parser (math agrees).
    assert parse_at("x=0,y=log(2)") == {"x": 0.0, "y": math.log(2)}
    assert parse_at("a=pi/4, b=1+1, c=-sqrt(2)") == pytest.approx(
        {"a": math.pi / 4, "b": 2.0, "c": -math.sqrt(2)}
    )


@pytest.mark.parametrize(
    "bad",
    ["x=__import__('os')", "x=nan", "x=inf", "x=log(0)", "x=y", "x", "x=", "x=1,x=2", "1=2"],
)
def test_parse_at_refuses_non_constants(bad: str) -> None:
    with pytest.raises(ExprError):
        parse_at(bad)


def test_graph_json_lists_every_node_and_edge(tmp_path) -> None:
    program = tmp_path / "chain.txt"
    program.write_text(SEED, encoding="utf-8")
    data = json.loads(graph_json(str(program), "w=-1,x=0,y=-2,z=1"))
    assert data["output"] == {"label": "f", "value": 1024.0}
    assert data["gradients"] == dict.fromkeys("wxyz", -4096.0)
    labels = {node["label"] for node in data["nodes"]}
    assert labels >= set("wxyzabuvf")
    assert all({"label", "op", "value", "grad"} <= set(node) for node in data["nodes"])
    u_edges = [e for e in data["edges"] if e["target_label"] == "u"]
    assert u_edges and u_edges[0]["local_partial"] == 8.0
    assert u_edges[0]["local_partial_formula"] == "2·(a + b)"


def test_graph_text_and_python_programs() -> None:
    text = graph_text("log(exp(x) + exp(y))", "x=0,y=0.6931471805599453")
    assert text.splitlines()[1:3] == ["∂out/∂x = 0.333333", "∂out/∂y = 0.666667"]
    data = json.loads(graph_json(TWO_X_T_X))
    assert data["gradients"] == {"x": [0.0, 4.0, 8.0, 12.0]}
