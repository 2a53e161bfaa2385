"""The interpreter runs common PyTorch idioms: ``import torch as T``, ``with torch.no_grad():``,
in-place parameter updates, ``for param in params`` — up to d2l's linear-regression loop."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.graph.interpreter import InterpreterError, run_program

# d2l.ai's "linear regression from scratch" (chapter 3.2), with the data iterator written as
# slices (the sandbox has no generators or random.shuffle); otherwise as in the book.
D2L_LINEAR_REGRESSION = """import torch

def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

def linreg(X, w, b):
    return torch.matmul(X, w) + b

def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)

w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.03
num_epochs = 3
batch_size = 10
net = linreg
loss = squared_loss

for epoch in range(num_epochs):
    for i in range(0, 1000, batch_size):
        X = features[i:i + batch_size]
        y = labels[i:i + batch_size]
        l = loss(net(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')
"""


def test_d2l_linear_regression_trains_within_the_caps() -> None:
    result = run_program(D2L_LINEAR_REGRESSION, seed=0)
    w, b = result.variables["w"], result.variables["b"]
    # Minibatch SGD recovers the generating parameters (d2l reports errors of about 1e-3).
    assert np.allclose(w.detach().numpy().ravel(), [2.0, -3.4], atol=0.05)
    assert np.allclose(b.detach().numpy(), [4.2], atol=0.05)
    # The parameters stayed the leaves they were: updated in place under no_grad.
    assert w.is_leaf and w.requires_grad and b.is_leaf and b.requires_grad
    losses = [float(line.split("loss ")[1]) for line in result.printed.splitlines()]
    assert len(losses) == 3 and losses[-1] < 1e-3 and losses[0] > losses[-1]
    # Closed form, independently: least squares on the same data has the same minimiser.
    features = result.variables["features"].numpy()
    labels = result.variables["labels"].numpy().ravel()
    design = np.column_stack([features, np.ones(len(features))])
    solution, *_ = np.linalg.lstsq(design, labels, rcond=None)
    assert np.allclose(w.detach().numpy().ravel(), solution[:2], atol=0.05)


def test_import_torch_under_another_name() -> None:
    for header in ("import torch as T", "import explorer.autodiff as T"):
        source = f"{header}\nx = T.tensor(3.0, requires_grad=True)\ny = x * x\ny.backward()"
        result = run_program(source)
        assert float(result.variables["x"].grad) == 6.0  # d(x²)/dx at 3


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("import math", "Only torch can be imported"),
        ("import numpy as np", "Only torch can be imported"),
        ("import torch, os", "Only torch can be imported"),
        ("import explorer.autodiff", "import explorer.autodiff as torch"),
        ("from torch import exp", "'from ... import' is not supported"),
        ("import torch as __t", "double underscores"),
        ("with open(1):\n    pass", "'with' is supported only for torch.no_grad()"),
        ("with torch.no_grad() as g:\n    pass", "without 'as'"),
        ("x = 1\nwith x.no_grad():\n    pass", "context manager of torch only"),
        ("for i in 3:\n    pass", "runs over range(...) or a list or tuple"),
    ],
)
def test_other_imports_and_context_managers_are_refused(source: str, words: str) -> None:
    with pytest.raises(InterpreterError) as raised:
        run_program(source)
    assert words in str(raised.value)


def test_no_grad_and_enable_grad_blocks() -> None:
    source = """import torch as T
x = T.tensor(2.0, requires_grad=True)
with T.no_grad():
    y = x * 3
    with T.enable_grad():
        z = x * 3
with T.set_grad_enabled(False):
    s = x * 3
after = x * 3
"""
    names = run_program(source, build_graph=False).variables
    assert not names["y"].requires_grad and names["z"].requires_grad
    assert not names["s"].requires_grad and names["after"].requires_grad


def test_grad_mode_is_restored_when_the_block_fails() -> None:
    import explorer.autodiff as torch

    with pytest.raises(InterpreterError):
        run_program("import torch\nwith torch.no_grad():\n    y = torch.tensor(1.0) @ 2")
    assert torch.is_grad_enabled()


def test_for_over_a_list_and_in_place_updates() -> None:
    source = """total = 0
for value in [1, 2, 3]:
    total += value
w = torch.tensor([1.0, 2.0], requires_grad=True)
same = w
(w * w).sum().backward()
with torch.no_grad():
    w -= 0.5 * w.grad
"""
    names = run_program(source, build_graph=False).variables
    assert names["total"] == 6
    assert names["same"] is names["w"]  # in place, as in Python: no new tensor
    assert names["w"].detach().numpy().tolist() == [0.0, 0.0]  # w − ½·2w


def test_a_leaf_keeps_its_first_name_after_an_alias() -> None:
    """``y = x`` then ``y = y*3 + x``: the input is x (not y₁), and ∂y/∂x = 3³ + 3² + 3 + 1."""
    source = (
        "x = torch.tensor(1.0, requires_grad=True)\n"
        "y = x\n"
        "for i in range(3):\n"
        "    y = y * 3 + x\n"
        "y.backward()\n"
    )
    result = run_program(source)
    model = result.graph
    assert [node.label for node in model.inputs] == ["x"]
    assert model.inputs[0].grad == 27 + 9 + 3 + 1


def test_the_graph_shows_the_value_it_used_before_an_in_place_update() -> None:
    """Two descent steps on (w − 3)² from w = 2 with lr = 0.01: the drawn (last) loss used
    w₁ = 2 − 0.01·2(2 − 3) = 2.02; afterwards w became 2.02 − 0.01·2(2.02 − 3) = 2.0396."""
    source = (
        "w = torch.tensor(2.0, requires_grad=True)\n"
        "for i in range(2):\n"
        "    loss = (w - 3) ** 2\n"
        "    loss.backward()\n"
        "    with torch.no_grad():\n"
        "        w -= 0.01 * w.grad\n"
        "        w.grad.zero_()\n"
    )
    result = run_program(source)
    w_card = next(node for node in result.graph.nodes if node.label == "w")
    used = 2 - 0.01 * 2 * (2 - 3)
    assert float(w_card.value) == pytest.approx(used)
    subtraction = next(node for node in result.graph.nodes if node.op == "sub")
    assert float(subtraction.value) == pytest.approx(float(w_card.value) - 3)
    assert float(result.variables["w"].detach().numpy()) == pytest.approx(
        used - 0.01 * 2 * (used - 3)
    )
    assert (
        result.in_place_notes
        and "w was updated in place afterwards: now 2.0396" in (result.in_place_notes[0])
    )


def test_a_nested_function_reads_its_enclosing_functions_locals() -> None:
    """loss(x, t) defines sq() that reads t: (x − t)² at x = 3, t = 1 is 4, d/dx = 2(x − t) = 4."""
    source = (
        "def loss(x, t):\n"
        "    def sq(v):\n"
        "        return (v - t) ** 2\n"
        "    return sq(x)\n"
        "x = torch.tensor(3.0, requires_grad=True)\n"
        "out = loss(x, torch.tensor(1.0))\n"
        "out.backward()\n"
    )
    result = run_program(source)
    assert float(result.output.detach().numpy()) == 4.0
    assert float(result.variables["x"].grad.numpy()) == 4.0
