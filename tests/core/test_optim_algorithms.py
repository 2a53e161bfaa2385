"""torch.optim on our core follows PyTorch's documented algorithms step by step.

The reference below is written independently from the pseudocode in PyTorch's documentation
(torch.optim.SGD / Adagrad / RMSprop / Adam / AdamW), coordinate by coordinate in plain Python
floats with hand-written gradients, and our optimizers must agree with it at every step.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import explorer.autodiff as torch


def loss_of(w):
    """f(w) = (w₀ − 1)² + 3·sin(w₁)·w₀ + ½w₁⁴: curved, coupled and not quadratic."""
    return (w[0] - 1) ** 2 + 3 * torch.sin(w[1]) * w[0] + 0.5 * w[1] ** 4


def gradient_of(w):
    return [2 * (w[0] - 1) + 3 * math.sin(w[1]), 3 * math.cos(w[1]) * w[0] + 2 * w[1] ** 3]


def reference_run(kind, start, steps, **h):
    """The documented pseudocode, one coordinate at a time; returns the iterates θ₁ … θ_steps."""
    theta = list(start)
    n = len(theta)
    buf = [None] * n
    state_sum = [h.get("initial_accumulator_value", 0.0)] * n
    square_avg, grad_avg, m, v, v_max = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    path = []
    for t in range(1, steps + 1):
        g_all = gradient_of(theta)
        new = []
        for i in range(n):
            g = -g_all[i] if h.get("maximize") else g_all[i]
            lr, lam = h["lr"], h.get("weight_decay", 0.0)
            if kind == "sgd":
                mu, tau = h.get("momentum", 0.0), h.get("dampening", 0.0)
                g = g + lam * theta[i]
                if mu != 0:
                    buf[i] = g if t == 1 else mu * buf[i] + (1 - tau) * g
                    g = g + mu * buf[i] if h.get("nesterov") else buf[i]
                new.append(theta[i] - lr * g)
            elif kind == "adagrad":
                eta, eps = h.get("lr_decay", 0.0), h.get("eps", 1e-10)
                g = g + lam * theta[i]
                lr_t = lr / (1 + (t - 1) * eta)
                state_sum[i] += g * g
                new.append(theta[i] - lr_t * g / (math.sqrt(state_sum[i]) + eps))
            elif kind == "rmsprop":
                alpha, eps, mu = h.get("alpha", 0.99), h.get("eps", 1e-8), h.get("momentum", 0.0)
                g = g + lam * theta[i]
                square_avg[i] = alpha * square_avg[i] + (1 - alpha) * g * g
                v_tilde = square_avg[i]
                if h.get("centered"):
                    grad_avg[i] = alpha * grad_avg[i] + (1 - alpha) * g
                    v_tilde = v_tilde - grad_avg[i] ** 2
                if mu > 0:
                    buf[i] = (0.0 if t == 1 else mu * buf[i]) + g / (math.sqrt(v_tilde) + eps)
                    new.append(theta[i] - lr * buf[i])
                else:
                    new.append(theta[i] - lr * g / (math.sqrt(v_tilde) + eps))
            else:  # adam, adamw
                b1, b2 = h.get("betas", (0.9, 0.999))
                eps = h.get("eps", 1e-8)
                th = theta[i]
                if kind == "adamw":
                    th = th - lr * h.get("weight_decay", 1e-2) * th
                else:
                    g = g + lam * th
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                m_hat = m[i] / (1 - b1**t)
                if h.get("amsgrad"):
                    # PyTorch keeps the maximum of the raw second moments, then corrects it.
                    v_max[i] = max(v_max[i], v[i])
                    v_hat = v_max[i] / (1 - b2**t)
                else:
                    v_hat = v[i] / (1 - b2**t)
                new.append(th - lr * m_hat / (math.sqrt(v_hat) + eps))
        theta = new
        path.append(list(theta))
    return path


CASES = [
    ("sgd", torch.optim.SGD, {"lr": 0.05}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.8, "dampening": 0.3}),
    ("sgd", torch.optim.SGD, {"lr": 0.04, "momentum": 0.9, "nesterov": True}),
    ("sgd", torch.optim.SGD, {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1}),
    ("sgd", torch.optim.SGD, {"lr": 0.02, "maximize": True}),
    ("adagrad", torch.optim.Adagrad, {"lr": 0.3}),
    ("adagrad", torch.optim.Adagrad, {"lr": 0.3, "lr_decay": 0.1, "weight_decay": 0.05}),
    ("adagrad", torch.optim.Adagrad, {"lr": 0.3, "initial_accumulator_value": 0.5}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9, "momentum": 0.7}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01, "centered": True, "weight_decay": 0.1}),
    (
        "rmsprop",
        torch.optim.RMSprop,
        {"lr": 0.01, "centered": True, "momentum": 0.5, "eps": 1e-3},
    ),
    ("adam", torch.optim.Adam, {"lr": 0.1}),
    ("adam", torch.optim.Adam, {"lr": 0.1, "betas": (0.8, 0.9), "eps": 1e-3}),
    ("adam", torch.optim.Adam, {"lr": 0.1, "weight_decay": 0.2}),
    ("adam", torch.optim.Adam, {"lr": 0.1, "amsgrad": True, "betas": (0.5, 0.6)}),
    ("adamw", torch.optim.AdamW, {"lr": 0.1}),
    ("adamw", torch.optim.AdamW, {"lr": 0.1, "weight_decay": 0.3, "amsgrad": True}),
]


@pytest.mark.parametrize(("kind", "cls", "hyper"), CASES, ids=lambda c: str(c))
def test_every_step_matches_the_documented_algorithm(kind, cls, hyper):
    start = [1.7, -0.6]
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = cls([w], **hyper)
    expected = reference_run(kind, start, 12, **hyper)
    for step, want in enumerate(expected, start=1):
        optimizer.zero_grad()
        loss_of(w).backward()
        optimizer.step()
        got = w.detach().numpy()
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14, err_msg=f"step {step}")


def test_parameters_in_two_tensors_and_groups_get_their_own_hyperparameters():
    a = torch.tensor(1.7, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(-0.6, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([{"params": [a]}, {"params": b, "lr": 0.01}], lr=0.05)
    assert [g["lr"] for g in optimizer.param_groups] == [0.05, 0.01]
    for _ in range(3):
        optimizer.zero_grad()
        ga, gb = gradient_of([a.item(), b.item()])
        loss_of([a, b]).backward()
        expected = (a.item() - 0.05 * ga, b.item() - 0.01 * gb)
        optimizer.step()
        assert (a.item(), b.item()) == pytest.approx(expected, rel=1e-14)


def test_step_with_closure_returns_its_loss_and_state_has_pytorch_keys():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.1, amsgrad=True)

    def closure():
        optimizer.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    loss = optimizer.step(closure)
    assert loss.item() == pytest.approx(5.0)
    state = optimizer.state[w]
    assert set(state) == {"step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"}
    assert state["step"].item() == 1.0
    np.testing.assert_allclose(state["exp_avg"].numpy(), [0.2, 0.4])
    np.testing.assert_allclose(state["exp_avg_sq"].numpy(), [0.004, 0.016])
    # Adam's first step moves every coordinate by lr (m̂/√v̂ = ±1).
    np.testing.assert_allclose(w.detach().numpy(), [0.9, 1.9], rtol=1e-6)


def test_zero_grad_clears_to_none_or_to_zeros():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    (w**2).sum().backward()
    optimizer.zero_grad(set_to_none=False)
    np.testing.assert_array_equal(w.grad.numpy(), [0.0, 0.0])
    optimizer.zero_grad()
    assert w.grad is None
    optimizer.step()  # no gradient: nothing moves
    np.testing.assert_array_equal(w.detach().numpy(), [1.0, 2.0])


def test_state_dict_round_trip_continues_the_same_path():
    def run(optimizer, w, steps):
        for _ in range(steps):
            optimizer.zero_grad()
            loss_of(w).backward()
            optimizer.step()

    w = torch.tensor([1.7, -0.6], dtype=torch.float64, requires_grad=True)
    first = torch.optim.RMSprop([w], lr=0.01, momentum=0.5)
    run(first, w, 3)
    saved = first.state_dict()
    w2 = torch.tensor(w.detach().numpy(), requires_grad=True)
    second = torch.optim.RMSprop([w2], lr=0.5)
    second.load_state_dict(saved)
    assert second.param_groups[0]["lr"] == 0.01
    run(first, w, 4)
    run(second, w2, 4)
    np.testing.assert_array_equal(w.detach().numpy(), w2.detach().numpy())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda w: torch.optim.SGD([w], lr=-1), "Invalid learning rate: -1"),
        (
            lambda w: torch.optim.SGD([w], lr=0.1, nesterov=True),
            "Nesterov momentum requires a momentum and zero dampening",
        ),
        (lambda w: torch.optim.Adam([w], betas=(1.0, 0.9)), "Invalid beta parameter at index 0"),
        (lambda w: torch.optim.SGD([], lr=0.1), "optimizer got an empty parameter list"),
        (lambda w: torch.optim.SGD([w * 2], lr=0.1), "can't optimize a non-leaf Tensor"),
        (
            lambda w: torch.optim.SGD([{"params": [w]}, {"params": [w]}], lr=0.1),
            "some parameters appear in more than one parameter group",
        ),
    ],
)
def test_bad_arguments_raise_pytorchs_errors(make, message):
    w = torch.tensor([1.0], requires_grad=True)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        make(w)


def test_a_single_tensor_is_not_a_parameter_list():
    w = torch.tensor([1.0], requires_grad=True)
    with pytest.raises(TypeError, match="should be an iterable of Tensors or dicts"):
        torch.optim.SGD(w, lr=0.1)


def test_d2l_gradient_descent_on_x_squared():
    """d2l 12.3: f(x) = x², η = 0.2, x₀ = 10 → x₁₀ = 0.0604662 (a d2l training loop)."""
    x = torch.tensor(10.0, requires_grad=True)
    optimizer = torch.optim.SGD([x], lr=0.2)
    for _ in range(10):
        optimizer.zero_grad()
        (x**2).backward()
        optimizer.step()
    assert f"{x.item():.7f}" == "0.0604662"


def test_d2l_gradient_descent_on_an_elliptic_bowl():
    """d2l 12.3.2: f = x₁² + 2x₂², η = 0.1 from (−5, −2) → (−0.057646, −0.000073) after 20."""
    x = torch.tensor([-5.0, -2.0], requires_grad=True)
    optimizer = torch.optim.SGD([x], lr=0.1)
    for _ in range(20):
        optimizer.zero_grad()
        (x[0] ** 2 + 2 * x[1] ** 2).backward()
        optimizer.step()
    assert [f"{value:.6f}" for value in x.tolist()] == ["-0.057646", "-0.000073"]


def test_float32_parameters_stay_float32():
    w = torch.tensor([1.0, 2.0], dtype=torch.float32, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.1)
    (w**2).sum().backward()
    optimizer.step()
    assert w.dtype == torch.float32
    assert optimizer.state[w]["exp_avg"].dtype == torch.float32
