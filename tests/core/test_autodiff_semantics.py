"""PyTorch semantics of the autodiff core: accumulation, broadcasting, errors, repr, deep graphs."""

from __future__ import annotations

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff import engine

SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)


def test_gradients_accumulate_across_backward_calls_and_zero_clears_them():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * x).sum().backward()
    grad_tensor = x.grad
    (3 * x).sum().backward()
    assert x.grad is grad_tensor  # same tensor, accumulated into
    assert x.grad.tolist() == [2.0 + 3.0, 4.0 + 3.0]
    x.grad.zero_()
    assert x.grad.tolist() == [0.0, 0.0]
    x.sum().backward()
    assert x.grad.tolist() == [1.0, 1.0]


def test_grad_data_zero_clears_the_gradient():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([5.0, 5.0], requires_grad=True)
    ((x * 2 + b) ** 2).sum().backward()
    assert b.grad.tolist() == [14.0, 18.0]
    b.grad.data.zero_()
    assert b.grad.tolist() == [0.0, 0.0]
    assert x.grad.tolist() == [28.0, 36.0]


def test_two_leaves_added_get_independent_gradients():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    (a + b).backward(torch.tensor([1.0, 1.0]))
    a.grad.zero_()
    assert b.grad.tolist() == [1.0, 1.0]


def test_diamond_and_node_reused_many_times():
    x = torch.tensor(3.0, requires_grad=True)
    shared = x * x  # used by both branches of the diamond
    (shared.sin() + shared * 2).backward()
    assert x.grad.item() == pytest.approx((np.cos(9.0) + 2) * 6)

    y = torch.tensor(1.5, requires_grad=True)
    total = y * 0
    for _ in range(100):
        total = total + y
    total.backward()
    assert y.grad.item() == 100.0

    z = torch.tensor(0.7, requires_grad=True)
    product = z * z  # one op using the same input twice
    product.backward()
    assert z.grad.item() == pytest.approx(1.4)


@pytest.mark.parametrize(
    ("shape_a", "shape_b"),
    [((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)), ((5,), ()), ((), (2, 2))],
)
def test_broadcasting_reduces_gradients_to_each_input_shape(shape_a, shape_b):
    rng = np.random.default_rng(0)
    a_values, b_values = rng.standard_normal(shape_a), rng.standard_normal(shape_b)
    a = torch.tensor(a_values, requires_grad=True)
    b = torch.tensor(b_values, requires_grad=True)
    out = a * b + a / (b * b + 1)
    weights = rng.standard_normal(np.broadcast_shapes(shape_a, shape_b))
    out.backward(gradient=torch.tensor(weights))
    assert a.grad.shape == shape_a and b.grad.shape == shape_b
    expected_a = weights * (b_values + 1 / (b_values**2 + 1))
    expected_b = weights * (a_values - a_values * 2 * b_values / (b_values**2 + 1) ** 2)
    np.testing.assert_allclose(a.grad.numpy(), _sum_to(expected_a, shape_a), rtol=1e-12)
    np.testing.assert_allclose(b.grad.numpy(), _sum_to(expected_b, shape_b), rtol=1e-12)


def _sum_to(array: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    while array.ndim > len(shape):
        array = array.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1:
            array = array.sum(axis=axis, keepdims=True)
    return array


def test_reductions_matmul_indexing_and_reshape():
    rng = np.random.default_rng(1)
    m_values, v_values = rng.standard_normal((3, 4)), rng.standard_normal(4)
    m = torch.tensor(m_values, requires_grad=True)
    v = torch.tensor(v_values, requires_grad=True)
    out = (m @ v).sum() + m.mean(dim=0).dot(v) + m[1, 2] * 3 + m.reshape(4, 3)[0].sum()
    out.backward()
    expected_m = np.tile(v_values, (3, 1)) + np.tile(v_values, (3, 1)) / 3
    expected_m[1, 2] += 3
    expected_m.reshape(4, 3)[0] += 1
    np.testing.assert_allclose(m.grad.numpy(), expected_m, rtol=1e-12)
    np.testing.assert_allclose(v.grad.numpy(), m_values.sum(0) + m_values.mean(0), rtol=1e-12)
    assert (m @ v).grad_fn.name() == "MvBackward0"
    assert torch.dot(v, v).grad_fn.name() == "DotBackward0"


def test_sum_with_dim_keepdim_and_advanced_indexing_repeats():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    (x.sum(dim=1, keepdim=True) * torch.tensor([[1.0], [10.0]])).sum().backward()
    assert x.grad.tolist() == [[1.0, 1.0], [10.0, 10.0]]
    y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y[[0, 0, 2]].sum().backward()
    assert y.grad.tolist() == [2.0, 0.0, 1.0]


def test_detach_and_no_grad_stop_gradients():
    x = torch.arange(4.0, requires_grad=True)
    y = x * x
    u = y.detach()
    z = u * x
    z.sum().backward()
    assert x.grad.tolist() == u.tolist()  # u is a constant: dz/dx = u
    assert not u.requires_grad and u.grad_fn is None
    with torch.no_grad():
        w = x * 2
    assert not w.requires_grad and w.grad_fn is None
    assert torch.is_grad_enabled()

    @torch.no_grad()
    def doubled(t):
        return t * 2

    assert not doubled(x).requires_grad


def test_in_place_update_under_no_grad_keeps_the_leaf():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w).sum().backward()
    with torch.no_grad():
        w -= 0.25 * w.grad
    assert w.is_leaf and w.requires_grad
    assert w.tolist() == [0.5, 1.0]
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad is being used"):
        w += 1


def test_error_messages_use_pytorchs_words():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError) as info:
        (x * 2).backward()
    assert str(info.value) == "grad can be implicitly created only for scalar outputs"
    y = (x * x).sum()
    y.backward()
    with pytest.raises(RuntimeError) as info:
        y.backward()
    assert str(info.value) == SECOND_BACKWARD
    z = (x * x).sum()
    z.backward(retain_graph=True)
    z.backward()
    assert x.grad.tolist() == [2 + 2 + 2, 4 + 4 + 4]
    with pytest.raises(RuntimeError, match="does not require grad"):
        torch.tensor(1.0).backward()
    with pytest.raises(RuntimeError, match="floating point"):
        torch.tensor([1, 2]).requires_grad_()
    with pytest.raises(RuntimeError, match="1D tensors expected"):
        torch.dot(torch.ones(2, 2), torch.ones(2))
    with pytest.raises(RuntimeError, match="Mismatch in shape"):
        (x * 2).backward(torch.ones(3))
    with pytest.raises(RuntimeError, match="Use tensor.detach"):
        x.numpy()


def test_retain_grad_is_leaf_and_grad_of_interior_nodes():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    y.retain_grad()
    z = y * y
    z.backward()
    assert x.is_leaf and not y.is_leaf
    assert y.grad.item() == 12.0 and x.grad.item() == 36.0
    with pytest.warns(UserWarning, match="not a leaf Tensor is being accessed"):
        assert z.grad is None


def test_repr_and_format_like_pytorch():
    assert repr(torch.tensor([0.0, 4.0, 8.0, 12.0], requires_grad=True)) == (
        "tensor([ 0.,  4.,  8., 12.], requires_grad=True)"
    )
    assert repr(torch.tensor(28.0) * 1) == "tensor(28.)"
    assert repr(torch.tensor([1.5, -2.25])) == "tensor([ 1.5000, -2.2500])"
    assert repr(torch.tensor([1e-5, 1.0])) == "tensor([1.0000e-05, 1.0000e+00])"
    assert repr(torch.tensor([True, False])) == "tensor([ True, False])"
    assert repr(torch.tensor([[1, 2], [3, 40]])) == "tensor([[ 1,  2],\n        [ 3, 40]])"
    assert repr(torch.tensor([1.0], dtype=torch.float32)) == "tensor([1.], dtype=torch.float32)"
    assert repr(torch.tensor([])) == "tensor([])"
    x = torch.tensor(2.0, requires_grad=True)
    assert repr(x**2) == "tensor(4., grad_fn=<PowBackward0>)"
    assert repr(x + 1) == "tensor(3., grad_fn=<AddBackward0>)"  # the Python 1 is a 0-dim tensor
    assert f"{x * 1.5:.2f}" == "3.00"  # 0-dim: formats as its number
    assert str((x * x).grad_fn).startswith("<MulBackward0 object at")
    assert torch.tensor([1.0, 2.0]).shape == (2,)
    assert repr(torch.zeros(2, 3).shape) == "torch.Size([2, 3])"


def test_item_data_numpy_and_comparisons():
    x = torch.tensor([3.0], requires_grad=True)
    assert x.item() == 3.0 and isinstance(x.item(), float)
    assert x.data.requires_grad is False and x.detach().numpy().tolist() == [3.0]
    assert bool(x > 2) and not bool(x < 2)
    assert (x * 2).requires_grad and not (x > 2).requires_grad
    with pytest.raises(RuntimeError, match="ambiguous"):
        bool(torch.tensor([1.0, 2.0]) > 0)


def test_creation_functions_and_seeded_randn():
    assert torch.arange(4).dtype == torch.int64
    assert torch.arange(4.0).dtype == torch.float64
    assert torch.zeros(2, 3).shape == (2, 3) and torch.ones((2,)).tolist() == [1.0, 1.0]
    torch.manual_seed(7)
    first = torch.randn(size=(), requires_grad=True)
    torch.manual_seed(7)
    second = torch.randn(size=())
    assert first.shape == () and first.item() == second.item() and first.requires_grad
    generator = torch.Generator().manual_seed(3)
    assert torch.randn(3, generator=generator).tolist() == (
        torch.randn(3, generator=torch.Generator().manual_seed(3)).tolist()
    )
    assert torch.randn(2, seed=1).tolist() == torch.randn(2, seed=1).tolist()


def test_jvp_and_functional_grad_agree_with_reverse_mode():
    rng = np.random.default_rng(2)
    a_values, b_values = rng.standard_normal(5), rng.standard_normal(5)

    def f(a, b):
        return (torch.tanh(a * b) + torch.sigmoid(a) * b.exp()).sum() / (1 + a.norm())

    a = torch.tensor(a_values, requires_grad=True)
    b = torch.tensor(b_values, requires_grad=True)
    f(a, b).backward()
    grad_a, grad_b = torch.func.grad(f, argnums=(0, 1))(a_values, b_values)
    np.testing.assert_allclose(grad_a.numpy(), a.grad.numpy(), rtol=1e-13)
    np.testing.assert_allclose(grad_b.numpy(), b.grad.numpy(), rtol=1e-13)
    for index in range(5):
        direction = np.zeros(5)
        direction[index] = 1.0
        value, tangent = torch.func.jvp(f, (a_values, b_values), (direction, np.zeros(5)))
        assert value.item() == pytest.approx(f(a, b).item(), rel=1e-15)
        assert tangent.item() == pytest.approx(a.grad.numpy()[index], rel=1e-12)


def test_deep_chain_backward_without_recursion():
    # 200,000 nodes in the suite (a second or two); the benchmark runs the million-node chain.
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(200_000):
        y = y * 1.0
    y.backward()
    assert x.grad.item() == 1.0
    order = engine.topological_order(y._node)
    assert len(order) == 200_001 and order[0] is x and order[-1] is y._node


def test_matmul_batched_and_stack_cat():
    rng = np.random.default_rng(3)
    a_values, b_values = rng.standard_normal((2, 3, 4)), rng.standard_normal((4, 5))
    a = torch.tensor(a_values, requires_grad=True)
    b = torch.tensor(b_values, requires_grad=True)
    (a @ b).sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), np.broadcast_to(b_values.sum(1), (2, 3, 4)))
    np.testing.assert_allclose(b.grad.numpy(), np.tile(a_values.sum((0, 1))[:, None], (1, 5)))
    p = torch.tensor([1.0, 2.0], requires_grad=True)
    q = torch.tensor([3.0], requires_grad=True)
    (torch.cat([p, q]) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    assert p.grad.tolist() == [1.0, 2.0] and q.grad.tolist() == [3.0]
    r = torch.tensor(2.0, requires_grad=True)
    torch.stack([r, r * r]).sum().backward()
    assert r.grad.item() == 5.0


# ---- pow at the edges: exponent 0, integer exponents at 0, negative bases ---------------------


def _sympy_power_slope(exponent: int, at: float) -> float:
    import sympy

    u = sympy.Symbol("u", real=True)
    return float(sympy.diff(u**exponent, u).subs(u, sympy.Rational(str(at))))


@pytest.mark.parametrize("exponent", [0, 1, 2, 3, 4, 5])
def test_pow_gradient_at_zero_is_finite_and_matches_sympy(exponent):
    # d/du u^0 = 0 everywhere (PyTorch gives 0 at u = 0, not 0·0^(-1) = NaN); d/du u^n at 0 is 1
    # for n = 1 and 0 for n > 1.
    for exponent_value in (exponent, float(exponent), torch.tensor(float(exponent))):
        x = torch.tensor([0.0, 0.0], requires_grad=True)
        (x**exponent_value).sum().backward()
        assert x.grad.tolist() == [_sympy_power_slope(exponent, 0.0)] * 2
    scalar = torch.tensor(0.0, requires_grad=True)
    (scalar**exponent).backward()
    assert scalar.grad.item() == _sympy_power_slope(exponent, 0.0)


def test_pow_with_zero_exponent_forward_mode_and_edge_formula():
    _, tangent = torch.func.jvp(
        lambda t: t**0, (torch.tensor([0.0, 2.0]),), (torch.tensor([1.0, 1.0]),)
    )
    assert tangent.tolist() == [0.0, 0.0]
    from explorer.core.autodiff import rules

    assert rules.partial_formula(rules.POW_SCALAR_EXPONENT, 0, ["x", "0"]) == "0"


def test_tensor_exponent_with_zeros_follows_pytorch_at_a_zero_base():
    base = torch.tensor([0.0, 0.0, 2.0, 0.0], requires_grad=True)
    exponent = torch.tensor([0.0, 1.0, 0.0, 3.0], requires_grad=True)
    (base**exponent).sum().backward()
    # ∂/∂base: 0 where the exponent is 0, else v·u^(v-1); ∂/∂exponent: 0 at base 0 (v >= 0).
    assert base.grad.tolist() == [0.0, 1.0, 0.0, 0.0]
    assert exponent.grad.tolist() == pytest.approx([0.0, 0.0, np.log(2.0), 0.0])


@pytest.mark.parametrize("exponent", [-3, -2, -1, 1, 2, 3, 5])
def test_negative_bases_with_integer_exponents_match_sympy_and_differences(exponent):
    points = [-1.7, -0.4, -3.0, 2.5]
    x = torch.tensor(points, requires_grad=True)
    (x**exponent).sum().backward()
    expected = [_sympy_power_slope(exponent, p) for p in points]
    assert x.grad.tolist() == pytest.approx(expected, rel=1e-12)
    step = 1e-6
    differences = [((p + step) ** exponent - (p - step) ** exponent) / (2 * step) for p in points]
    assert x.grad.tolist() == pytest.approx(differences, rel=1e-6)
