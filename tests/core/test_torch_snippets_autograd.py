"""d2l.ai's autograd section and its first chapters (linear regression and softmax regression from
scratch, an MLP forward/backward) run unchanged on ``explorer.autodiff``.

Snippets are source strings executed with ``torch`` bound to our module (exec only here, on these
test strings). Gradients are checked against hand-derived formulas evaluated with numpy; training
loops must converge to the known parameters.
"""

from __future__ import annotations

import random
import re
import textwrap

import numpy as np
import pytest

import explorer.autodiff as torch


def run(source: str, capsys=None) -> tuple[dict, str]:
    namespace: dict = {"torch": torch, "np": np, "random": random}
    exec(textwrap.dedent(source), namespace)  # noqa: S102 - our own test source only
    return namespace, capsys.readouterr().out if capsys is not None else ""


def test_autograd_section(capsys):
    ns, out = run(
        """
        x = torch.arange(4.0)
        x.requires_grad_(True)
        print(x.grad)
        y = 2 * torch.dot(x, x)
        print(y)
        y.backward()
        print(x.grad, x.grad == 4 * x)
        x.grad.zero_()
        y = x.sum()
        y.backward()
        print(x.grad)
        x.grad.zero_()
        y = x * x
        y.backward(torch.ones(len(x)))
        print(x.grad)
        x.grad.data.zero_()
        y = x * x
        y.sum().backward()
        print(x.grad)
        """,
        capsys,
    )
    assert out == (
        "None\n"
        "tensor(28., grad_fn=<MulBackward0>)\n"
        "tensor([ 0.,  4.,  8., 12.]) tensor([True, True, True, True])\n"
        "tensor([1., 1., 1., 1.])\n"
        "tensor([0., 2., 4., 6.])\n"
        "tensor([0., 2., 4., 6.])\n"
    )


def test_detaching_computation(capsys):
    _, out = run(
        """
        x = torch.arange(4.0, requires_grad=True)
        y = x * x
        u = y.detach()
        z = u * x
        z.sum().backward()
        print(x.grad == u)
        x.grad.zero_()
        y.sum().backward()
        print(x.grad == 2 * x)
        print(u.requires_grad, u.grad_fn, y.grad_fn.name(), z.is_leaf, x.is_leaf)
        """,
        capsys,
    )
    assert out == (
        "tensor([True, True, True, True])\n"
        "tensor([True, True, True, True])\n"
        "False None MulBackward0 False True\n"
    )


def test_control_flow_gradient():
    ns, _ = run(
        """
        def f(a):
            b = a * 2
            while b.norm() < 1000:
                b = b * 2
            if b.sum() > 0:
                c = b
            else:
                c = 100 * b
            return c

        torch.manual_seed(0)  # d / a rounds: an exact == holds for some a only (PyTorch too)
        a = torch.randn(size=(), requires_grad=True)
        d = f(a)
        d.backward()
        ok = a.grad == d / a
        """
    )
    assert bool(ns["ok"])


def test_gradient_of_sin_matches_cos():
    ns, _ = run(
        """
        x = torch.linspace(-3, 3, 50, requires_grad=True)
        y = torch.sin(x)
        y.sum().backward()
        """
    )
    np.testing.assert_allclose(ns["x"].grad.numpy(), np.cos(np.linspace(-3, 3, 50)))


def test_error_messages_like_torch():
    t = torch.tensor([1.0, 2.0])
    with pytest.raises(RuntimeError, match="^element 0 of tensors does not require grad and does"):
        t.sum().backward()
    w = torch.ones(2, requires_grad=True)
    with pytest.raises(
        RuntimeError, match="a leaf Variable that requires grad is being used in an"
    ):
        w += 1
    with pytest.raises(
        RuntimeError, match="a leaf Variable that requires grad is being used in an"
    ):
        w.add_(1)
    with pytest.raises(
        RuntimeError, match="grad can be implicitly created only for scalar outputs"
    ):
        (w * 2).backward()
    with pytest.raises(RuntimeError, match="only Tensors of floating point"):
        torch.tensor([1, 2], requires_grad=True)
    assert type((w * 2).add_(1).grad_fn).__name__ == "AddBackward0"  # as PyTorch 2.13
    q = w * 2
    with pytest.warns(UserWarning, match="is not a leaf Tensor is being accessed"):
        assert q.grad is None  # non-leaf: None, with PyTorch's warning
    with torch.no_grad():
        w.add_(1)  # allowed without grad mode, as in PyTorch
    assert w.tolist() == [2.0, 2.0] and w.requires_grad


def test_in_place_sgd_step_with_alpha():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w).sum().backward()
    with torch.no_grad():
        w.add_(w.grad, alpha=-0.1)
    np.testing.assert_allclose(w.detach().numpy(), [0.8, 1.6])


LINEAR_REGRESSION = """
def synthetic_data(w, b, num_examples):  #@save
    \"\"\"Generate y = Xw + b + noise.\"\"\"
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
print('features:', features[0],'\\nlabel:', labels[0])

def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    # The examples are read at random, in no particular order
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(
            indices[i: min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]

batch_size = 10

for X, y in data_iter(batch_size, features, labels):
    print(X, '\\n', y)
    break

w = torch.normal(0, 0.01, size=(2,1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)

def linreg(X, w, b):  #@save
    \"\"\"The linear regression model.\"\"\"
    return torch.matmul(X, w) + b

def squared_loss(y_hat, y):  #@save
    \"\"\"Squared loss.\"\"\"
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

def sgd(params, lr, batch_size):  #@save
    \"\"\"Minibatch stochastic gradient descent.\"\"\"
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

lr = 0.03
num_epochs = 3
net = linreg
loss = squared_loss

for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = loss(net(X, w, b), y)  # Minibatch loss in `X` and `y`
        # Compute gradient on `l` with respect to [`w`, `b`]
        l.sum().backward()
        sgd([w, b], lr, batch_size)  # Update parameters using their gradient
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')

print(f'error in estimating w: {true_w - w.reshape(true_w.shape)}')
print(f'error in estimating b: {true_b - b}')
"""


def test_linear_regression_from_scratch(capsys):
    torch.manual_seed(0)
    random.seed(0)
    ns, out = run(LINEAR_REGRESSION, capsys)
    lines = out.splitlines()
    assert re.fullmatch(r"features: tensor\(\[ *-?\d\.\d{4}, +-?\d\.\d{4}\]\) ", lines[0])
    assert re.fullmatch(r"label: tensor\(\[ *-?\d+\.\d{4}\]\)", lines[1])
    losses = [float(line.split()[-1]) for line in lines if line.startswith("epoch")]
    assert len(losses) == 3 and losses[-1] < 1e-4 and losses[0] > losses[-1]
    assert re.fullmatch(
        r"error in estimating w: tensor\(\[ ?-?0\.\d{4}, +-?0\.\d{4}\], grad_fn=<SubBackward0>\)",
        lines[-2],
    )
    assert re.fullmatch(
        r"error in estimating b: tensor\(\[-?0\.\d{4}\], grad_fn=<RsubBackward1>\)", lines[-1]
    )
    np.testing.assert_allclose(ns["w"].detach().numpy().ravel(), [2.0, -3.4], atol=5e-3)
    np.testing.assert_allclose(ns["b"].item(), 4.2, atol=5e-3)
    # The fitted parameters equal least squares on the same data (independent of our autodiff).
    X = np.hstack([ns["features"].numpy(), np.ones((1000, 1))])
    solution, *_ = np.linalg.lstsq(X, ns["labels"].numpy().ravel(), rcond=None)
    np.testing.assert_allclose(ns["w"].detach().numpy().ravel(), solution[:2], atol=2e-3)


SOFTMAX_REGRESSION = """
num_inputs = 4
num_outputs = 3

W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(X.sum(0, keepdim=True), X.sum(1, keepdim=True))

def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition  # The broadcasting mechanism is applied here

X = torch.normal(0, 1, (2, 5))
X_prob = softmax(X)
row_sums = X_prob.sum(1)

def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)

y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
print(y_hat[[0, 1], y])

def cross_entropy(y_hat, y):
    return - torch.log(y_hat[range(len(y_hat)), y])

print(cross_entropy(y_hat, y))

def accuracy(y_hat, y):  #@save
    \"\"\"Compute the number of correct predictions.\"\"\"
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

print(accuracy(y_hat, y) / len(y))

class Accumulator:  #@save
    \"\"\"For accumulating sums over `n` variables.\"\"\"
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]

def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

centers = torch.tensor([[3.0, 0, 0, 0], [0, 3.0, 0, 0], [0, 0, 3.0, 0]])
labels = torch.arange(300) % 3
features = centers[labels] + torch.normal(0, 0.5, (300, num_inputs))
for epoch in range(20):
    for i in range(0, 300, 30):
        X_batch, y_batch = features[i:i + 30], labels[i:i + 30]
        l = cross_entropy(net(X_batch), y_batch)
        l.sum().backward()
        sgd([W, b], 0.1, 30)
metric = Accumulator(2)
with torch.no_grad():
    metric.add(accuracy(net(features), labels), labels.numel())
train_acc = metric[0] / metric[1]
"""


def test_softmax_regression_from_scratch(capsys):
    torch.manual_seed(1)
    ns, out = run(SOFTMAX_REGRESSION, capsys)
    assert out == (
        "tensor([[5., 7., 9.]]) tensor([[ 6.],\n        [15.]])\n"
        "tensor([0.1000, 0.5000])\n"
        "tensor([2.3026, 0.6931])\n"
        "0.5\n"
    )
    np.testing.assert_allclose(ns["row_sums"].numpy(), [1.0, 1.0])
    x = ns["X"].numpy()
    np.testing.assert_allclose(ns["X_prob"].numpy(), np.exp(x) / np.exp(x).sum(1, keepdims=True))
    assert ns["train_acc"] > 0.95


def test_cross_entropy_gradient_is_softmax_minus_one_hot():
    logits = np.array([[0.2, -1.0, 0.5], [1.5, 0.3, -0.2]])
    labels = [2, 0]
    ns, _ = run(
        f"""
        O = torch.tensor({logits.tolist()}, requires_grad=True)
        y = torch.tensor({labels})
        O_exp = torch.exp(O)
        y_hat = O_exp / O_exp.sum(1, keepdim=True)
        loss = - torch.log(y_hat[range(len(y_hat)), y])
        loss.sum().backward()
        """
    )
    softmax = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    np.testing.assert_allclose(ns["O"].grad.numpy(), softmax - np.eye(3)[labels])


def test_mlp_forward_backward_matches_hand_derived_gradients():
    torch.manual_seed(2)
    ns, _ = run(
        """
        num_inputs, num_outputs, num_hiddens = 6, 3, 5
        W1 = torch.randn(num_inputs, num_hiddens, requires_grad=True)
        b1 = torch.zeros(num_hiddens, requires_grad=True)
        W2 = torch.randn(num_hiddens, num_outputs, requires_grad=True)
        b2 = torch.zeros(num_outputs, requires_grad=True)
        params = [W1, b1, W2, b2]

        def relu(X):
            a = torch.zeros_like(X)
            return torch.max(X, a)

        def net(X):
            X = X.reshape((-1, num_inputs))
            H = relu(X@W1 + b1)  # Here '@' stands for matrix multiplication
            return (H@W2 + b2)

        X = torch.randn(4, num_inputs)
        y = torch.tensor([0, 2, 1, 2])
        out = net(X)
        loss = -torch.log_softmax(out, dim=1)[range(4), y].mean()
        loss.backward()
        """
    )
    X, W1, W2 = (ns[name].detach().numpy() for name in ("X", "W1", "W2"))
    pre = X @ W1
    H = np.maximum(pre, 0)
    logits = H @ W2
    probabilities = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    d_logits = (probabilities - np.eye(3)[[0, 2, 1, 2]]) / 4
    d_H = d_logits @ W2.T
    d_pre = d_H * (pre > 0)
    np.testing.assert_allclose(ns["W2"].grad.numpy(), H.T @ d_logits, atol=1e-12)
    np.testing.assert_allclose(ns["b2"].grad.numpy(), d_logits.sum(0), atol=1e-12)
    np.testing.assert_allclose(ns["W1"].grad.numpy(), X.T @ d_pre, atol=1e-12)
    np.testing.assert_allclose(ns["b1"].grad.numpy(), d_pre.sum(0), atol=1e-12)
    assert str(ns["out"].grad_fn.name()) == "AddBackward0"


def test_autograd_grad_returns_gradients_and_leaves_grad_alone():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    w = torch.tensor(2.0, requires_grad=True)
    hidden = x * w
    y = (hidden**2).sum()
    (dx, dh) = torch.autograd.grad(y, [x, hidden], retain_graph=True)
    np.testing.assert_allclose(dx.numpy(), 2 * 4.0 * np.array([1.0, 2.0, 3.0]))  # 2·w²·x
    np.testing.assert_allclose(dh.numpy(), 2 * 2.0 * np.array([1.0, 2.0, 3.0]))  # 2·hidden
    assert x.grad is None and w.grad is None
    with pytest.warns(UserWarning, match="is not a leaf Tensor"):
        assert hidden.grad is None  # retained only inside autograd.grad, as in PyTorch
    y.backward()
    assert w.grad.item() == pytest.approx(2 * 2.0 * 14.0)  # ∂(w²Σx²)/∂w = 2wΣx²
    with pytest.raises(RuntimeError, match="appears to not have been used"):
        torch.autograd.grad((x * 2).sum(), [x, torch.ones(1, requires_grad=True)])
    (twice,) = torch.autograd.grad((x * 2).sum(), x, create_graph=True)
    assert twice.tolist() == [2.0] * 3 and not twice.requires_grad  # PyTorch 2.13: a constant
