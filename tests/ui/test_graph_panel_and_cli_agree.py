"""The Graph panel and ``calculus-explorer graph`` read the same text the same way: one core
entry point (``explorer.core.graph.from_text``) gives both the same model and the same messages."""

import json

import pytest

from explorer.core.expr.errors import ExprError
from explorer.core.graph.cli_text import model_for
from explorer.core.graph.from_text import DEFINITIONS, NO_TENSOR, PYTHON
from explorer.core.graph.plain import model_to_plain
from explorer.core.graph.presets import PRESETS_BY_KEY, TWO_X_T_X
from explorer.ui.graph_view.explanation import error_text

SEED_CHAIN = PRESETS_BY_KEY["chain"].source
NEURON = PRESETS_BY_KEY["neuron"].source
AT = {"w": 0.5, "x": 2.0, "b": -0.5, "t": 1.0}


def drawn(model) -> str:
    return json.dumps(model_to_plain(model), sort_keys=True)


def panel_model(panel, settle, text, mode, values=None):
    assert panel.set_source(text, mode)
    for name, value in (values or {}).items():
        panel.inputs.set_value(name, str(value))
    settle(panel)
    assert panel.last_error == ""
    return panel.model


@pytest.mark.parametrize(
    ("text", "mode", "values"),
    [
        (SEED_CHAIN, DEFINITIONS, {"w": -1, "x": 0, "y": -2, "z": 1}),
        (NEURON, DEFINITIONS, AT),
        ("log(exp(x) + exp(y))", DEFINITIONS, {"x": 0, "y": 0.5}),
        (TWO_X_T_X, PYTHON, None),
    ],
)
def test_the_panel_and_the_cli_draw_the_same_model(graph_panel, settle, text, mode, values):
    shown = panel_model(graph_panel, settle, text, mode, values)
    printed = model_for(text, values or "", view=None)  # the CLI's default view is the panel's
    assert drawn(shown) == drawn(printed.model)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("import torch\nx = 3\nprint(x)", PYTHON),  # a program that makes no tensor
        ("x = torch.ones(2\n", PYTHON),
        ("import os\nx = 1", PYTHON),
        ("a = (w + x\nf = a^2", DEFINITIONS),
        ("f = sinx(w)", DEFINITIONS),
    ],
)
def test_the_panel_and_the_cli_say_the_same_thing_about_bad_text(graph_panel, settle, text, mode):
    with pytest.raises(ExprError) as raised:
        model_for(text, {"w": 1.0, "x": 1.0})
    graph_panel.set_source(text, mode)
    settle(graph_panel)
    assert graph_panel.last_error.startswith(error_text(raised.value))
    if "x = 3" in text:
        assert raised.value.message == NO_TENSOR
