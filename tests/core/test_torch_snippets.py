"""Learners' PyTorch snippets of d2l.ai's preliminaries (ndarray, linear algebra) run unchanged on
``explorer.autodiff`` and print what PyTorch prints.

Each snippet is a source string executed with ``torch`` bound to our module (exec is used only
here, on these test strings). Expected printouts are PyTorch's (as d2l.ai shows them); numbers
are checked against numpy where the printout alone would not show them.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

import explorer.autodiff as torch


def run(source: str, capsys) -> tuple[dict, str]:
    namespace: dict = {"torch": torch, "np": np}
    exec(textwrap.dedent(source), namespace)  # noqa: S102 - our own test source only
    return namespace, capsys.readouterr().out


def test_ndarray_basics(capsys):
    ns, out = run(
        """
        x = torch.arange(12)
        print(x)
        print(x.shape, x.numel(), x.dtype)
        X = x.reshape(3, 4)
        print(X)
        print(torch.zeros((2, 3, 4)).shape, torch.ones(2, 3, 4).shape)
        print(torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))
        """,
        capsys,
    )
    assert out == (
        "tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])\n"
        "torch.Size([12]) 12 torch.int64\n"
        "tensor([[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]])\n"
        "torch.Size([2, 3, 4]) torch.Size([2, 3, 4])\n"
        "tensor([[2, 1, 4, 3],\n        [1, 2, 3, 4],\n        [4, 3, 2, 1]])\n"
    )


def test_elementwise_operations_and_exp(capsys):
    _, out = run(
        """
        x = torch.tensor([1.0, 2, 4, 8])
        y = torch.tensor([2, 2, 2, 2])
        print(x + y, x - y, x * y, x / y, x ** y, sep="\\n")
        print(torch.exp(x))
        """,
        capsys,
    )
    assert out == (
        "tensor([ 3.,  4.,  6., 10.])\n"
        "tensor([-1.,  0.,  2.,  6.])\n"
        "tensor([ 2.,  4.,  8., 16.])\n"
        "tensor([0.5000, 1.0000, 2.0000, 4.0000])\n"
        "tensor([ 1.,  4., 16., 64.])\n"
        "tensor([2.7183e+00, 7.3891e+00, 5.4598e+01, 2.9810e+03])\n"
    )


def test_concatenate_compare_sum(capsys):
    _, out = run(
        """
        X = torch.arange(12.0).reshape((3, 4))
        Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        print(torch.cat((X, Y), dim=0).shape, torch.cat((X, Y), dim=1))
        print(X == Y)
        print(X.sum(), (X == Y).sum())
        """,
        capsys,
    )
    assert out == (
        "torch.Size([6, 4]) tensor([[ 0.,  1.,  2.,  3.,  2.,  1.,  4.,  3.],\n"
        "        [ 4.,  5.,  6.,  7.,  1.,  2.,  3.,  4.],\n"
        "        [ 8.,  9., 10., 11.,  4.,  3.,  2.,  1.]])\n"
        "tensor([[False,  True, False,  True],\n"
        "        [False, False, False, False],\n"
        "        [False, False, False, False]])\n"
        "tensor(66.) tensor(2)\n"
    )


def test_broadcasting_indexing_and_assignment(capsys):
    _, out = run(
        """
        a = torch.arange(3).reshape((3, 1))
        b = torch.arange(2).reshape((1, 2))
        print(a + b)
        X = torch.arange(12.0).reshape((3, 4))
        print(X[-1], X[1:3], sep="\\n")
        X[1, 2] = 9
        X[0:2, :] = 12
        print(X)
        """,
        capsys,
    )
    assert out == (
        "tensor([[0, 1],\n        [1, 2],\n        [2, 3]])\n"
        "tensor([ 8.,  9., 10., 11.])\n"
        "tensor([[ 4.,  5.,  6.,  7.],\n        [ 8.,  9., 10., 11.]])\n"
        "tensor([[12., 12., 12., 12.],\n        [12., 12., 12., 12.],\n"
        "        [ 8.,  9., 10., 11.]])\n"
    )


def test_memory_semantics_of_in_place_operations(capsys):
    ns, out = run(
        """
        X = torch.arange(12.0).reshape((3, 4))
        Y = torch.ones(3, 4)
        before = id(Y)
        Y = Y + X
        print(id(Y) == before)
        Z = torch.zeros_like(Y)
        z_id = id(Z)
        Z[:] = X + Y
        print(id(Z) == z_id)
        before = id(X)
        X += Y
        print(id(X) == before)
        """,
        capsys,
    )
    assert out == "False\nTrue\nTrue\n"
    np.testing.assert_array_equal(ns["X"].numpy(), 2 * np.arange(12.0).reshape(3, 4) + 1)


def test_conversion_to_python_and_numpy(capsys):
    ns, out = run(
        """
        X = torch.arange(6.0).reshape(2, 3)
        A = X.numpy()
        B = torch.tensor(A)
        print(type(A).__name__, type(B).__name__)
        a = torch.tensor([3.5])
        print(a, a.item(), float(a), int(a))
        print(X.tolist(), len(X), X.size(), X.size(1), X.dim())
        n = np.arange(3.0)
        t = torch.from_numpy(n)
        n[0] = 7
        print(t)
        """,
        capsys,
    )
    assert out == (
        "ndarray Tensor\n"
        "tensor([3.5000]) 3.5 3.5 3\n"
        "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]] 2 torch.Size([2, 3]) 3 2\n"
        "tensor([7., 1., 2.])\n"  # from_numpy shares memory
    )


def test_linear_algebra_section(capsys):
    _, out = run(
        """
        x = torch.tensor(3.0)
        y = torch.tensor(2.0)
        print(x + y, x * y, x / y, x**y)
        x = torch.arange(4)
        print(x, x[3], len(x), x.shape)
        A = torch.arange(20).reshape(5, 4)
        print(A.T)
        B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
        print(B == B.T)
        """,
        capsys,
    )
    assert out == (
        "tensor(5.) tensor(6.) tensor(1.5000) tensor(9.)\n"
        "tensor([0, 1, 2, 3]) tensor(3) 4 torch.Size([4])\n"
        "tensor([[ 0,  4,  8, 12, 16],\n        [ 1,  5,  9, 13, 17],\n"
        "        [ 2,  6, 10, 14, 18],\n        [ 3,  7, 11, 15, 19]])\n"
        "tensor([[True, True, True],\n        [True, True, True],\n        [True, True, True]])\n"
    )


def test_reductions_with_axis_aliases(capsys):
    _, out = run(
        """
        A = torch.arange(20.0).reshape(5, 4)
        A_sum_axis0 = A.sum(axis=0)
        print(A_sum_axis0, A_sum_axis0.shape)
        A_sum_axis1 = A.sum(axis=1)
        print(A_sum_axis1, A_sum_axis1.shape)
        print(A.sum(axis=[0, 1]), A.mean(), A.sum() / A.numel())
        print(A.mean(axis=0), A.sum(axis=0) / A.shape[0])
        sum_A = A.sum(axis=1, keepdims=True)
        print(sum_A)
        print(A.cumsum(axis=0))
        """,
        capsys,
    )
    assert out == (
        "tensor([40., 45., 50., 55.]) torch.Size([4])\n"
        "tensor([ 6., 22., 38., 54., 70.]) torch.Size([5])\n"
        "tensor(190.) tensor(9.5000) tensor(9.5000)\n"
        "tensor([ 8.,  9., 10., 11.]) tensor([ 8.,  9., 10., 11.])\n"
        "tensor([[ 6.],\n        [22.],\n        [38.],\n        [54.],\n        [70.]])\n"
        "tensor([[ 0.,  1.,  2.,  3.],\n        [ 4.,  6.,  8., 10.],\n"
        "        [12., 15., 18., 21.],\n        [24., 28., 32., 36.],\n"
        "        [40., 45., 50., 55.]])\n"
    )


def test_products_and_norms(capsys):
    _, out = run(
        """
        x = torch.arange(4.0)
        y = torch.ones(4)
        A = torch.arange(20.0).reshape(5, 4)
        B = torch.ones(4, 3)
        print(torch.dot(x, y), torch.sum(x * y))
        print(A.shape, x.shape, torch.mv(A, x))
        print(torch.mm(A, B))
        u = torch.tensor([3.0, -4.0])
        print(torch.norm(u), torch.abs(u).sum(), torch.norm(torch.ones((4, 9))))
        print(torch.matmul(A, x), A @ x)
        """,
        capsys,
    )
    assert out == (
        "tensor(6.) tensor(6.)\n"
        "torch.Size([5, 4]) torch.Size([4]) tensor([ 14.,  38.,  62.,  86., 110.])\n"
        "tensor([[ 6.,  6.,  6.],\n        [22., 22., 22.],\n        [38., 38., 38.],\n"
        "        [54., 54., 54.],\n        [70., 70., 70.]])\n"
        "tensor(5.) tensor(7.) tensor(6.)\n"
        "tensor([ 14.,  38.,  62.,  86., 110.]) tensor([ 14.,  38.,  62.,  86., 110.])\n"
    )


def test_dtypes_print_like_torch(capsys):
    _, out = run(
        """
        print(torch.float32, torch.int64, torch.long, torch.double, torch.bool, torch.float)
        x = torch.tensor([1, 2])
        print(x.dtype, torch.tensor([True]).dtype, torch.zeros(2, dtype=torch.float32).dtype)
        print(x.dtype == torch.int64, x.float().dtype == torch.float32, x.type())
        print(x.type(torch.float32), x.to(torch.float32).dtype, x.double().dtype, x.long())
        print(torch.tensor([1.7, -1.7]).long(), torch.tensor([0.0, 2.0]).bool())
        print(torch.tensor([[1, 2]], dtype=torch.float32), torch.zeros(2, dtype=torch.long))
        """,
        capsys,
    )
    assert out == (
        "torch.float32 torch.int64 torch.int64 torch.float64 torch.bool torch.float32\n"
        "torch.int64 torch.bool torch.float32\n"
        "True True torch.LongTensor\n"
        "tensor([1., 2.], dtype=torch.float32) torch.float32 torch.float64 tensor([1, 2])\n"
        "tensor([ 1, -1]) tensor([False,  True])\n"
        "tensor([[1., 2.]], dtype=torch.float32) tensor([0, 0])\n"
    )
    # numpy still takes our dtype objects wherever it takes a dtype.
    assert np.zeros(2, dtype=torch.float32).dtype == np.float32
    assert torch.float32 == np.float32 and torch.float64 == np.dtype("float64")
    assert {torch.int64: 1}[torch.long] == 1


def test_default_dtype_can_be_pytorchs(capsys):
    try:
        _, out = run(
            """
            torch.set_default_dtype(torch.float32)
            x = torch.arange(4.0)
            print(x, x.dtype, torch.get_default_dtype())
            print(torch.ones(2), torch.tensor([0.1]).item() == np.float32(0.1).item())
            print(torch.tensor([1.0], dtype=torch.float64), torch.arange(3) * 0.5)
            """,
            capsys,
        )
    finally:
        torch.set_default_dtype(torch.float64)
    assert out == (
        "tensor([0., 1., 2., 3.]) torch.float32 torch.float32\n"
        "tensor([1., 1.]) True\n"
        "tensor([1.], dtype=torch.float64) tensor([0.0000, 0.5000, 1.0000])\n"
    )
    assert torch.get_default_dtype() == torch.float64
    with pytest.raises(TypeError, match="only floating-point types"):
        torch.set_default_dtype(torch.int64)


def test_creation_functions(capsys):
    _, out = run(
        """
        print(torch.arange(0, 1, 0.25), torch.arange(1, 10, 3), torch.arange(5.0).dtype)
        print(torch.linspace(0, 1, 5))
        print(torch.full((2, 2), 7.0), torch.full((2,), 3).dtype)
        print(torch.eye(2), torch.zeros_like(torch.tensor([1, 2])), torch.ones_like(torch.eye(1)))
        print(torch.tensor([True, False]), torch.tensor(3).shape, torch.ones(()).dim())
        """,
        capsys,
    )
    assert out == (
        "tensor([0.0000, 0.2500, 0.5000, 0.7500]) tensor([1, 4, 7]) torch.float64\n"
        "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])\n"
        "tensor([[7., 7.],\n        [7., 7.]]) torch.int64\n"
        "tensor([[1., 0.],\n        [0., 1.]]) tensor([0, 0]) tensor([[1.]])\n"
        "tensor([ True, False]) torch.Size([]) 0\n"
    )


def test_random_tensors_shapes_dtypes_and_seeding():
    torch.manual_seed(0)
    first = torch.randn(3, 4)
    torch.manual_seed(0)
    assert np.array_equal(torch.randn(3, 4).numpy(), first.numpy())
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    assert w.shape == (2, 1) and w.requires_grad and w.is_leaf and w.dtype == torch.float64
    X = torch.normal(0, 1, (1000, 2))
    assert X.shape == torch.Size([1000, 2])
    assert abs(float(X.mean())) < 0.1 and abs(float(X.std()) - 1) < 0.1
    scaled = torch.normal(5.0, 0.5, (20000,))
    assert abs(scaled.mean().item() - 5.0) < 0.02 and abs(scaled.std().item() - 0.5) < 0.02
    elementwise = torch.normal(torch.tensor([0.0, 100.0]), torch.tensor([1e-9, 1e-9]))
    np.testing.assert_allclose(elementwise.numpy(), [0.0, 100.0], atol=1e-6)
    assert torch.rand(2, 3).shape == (2, 3) and 0 <= float(torch.rand(100).min())
    assert torch.randint(0, 10, (5,)).dtype == torch.int64
    assert torch.randn(size=(), requires_grad=True).shape == ()
    with pytest.raises(TypeError, match="needs a size"):
        torch.normal(0.0, 1.0)
    with pytest.raises(RuntimeError, match="normal expects std >= 0.0"):
        torch.normal(0.0, -1.0, (2,))


def test_shape_manipulation(capsys):
    _, out = run(
        """
        x = torch.arange(6.0).reshape(2, 3)
        print(x.t(), x.view(3, 2).shape, x.view(-1).shape, x.reshape(-1, 2).shape)
        print(x.unsqueeze(0).shape, x.unsqueeze(0).squeeze(0).shape, x.flatten())
        print(torch.stack([x, x]).shape, torch.stack([x, x], dim=1).shape)
        print(torch.cat([x, x], dim=1).shape, x.clone() is x, x.T.shape)
        """,
        capsys,
    )
    assert out == (
        "tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]]) torch.Size([3, 2]) "
        "torch.Size([6]) torch.Size([3, 2])\n"
        "torch.Size([1, 2, 3]) torch.Size([2, 3]) tensor([0., 1., 2., 3., 4., 5.])\n"
        "torch.Size([2, 2, 3]) torch.Size([2, 2, 3])\n"
        "torch.Size([2, 6]) False torch.Size([3, 2])\n"
    )


def test_indexing_fancy_and_boolean(capsys):
    _, out = run(
        """
        y = torch.tensor([0, 2])
        y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        print(y_hat[[0, 1], y])
        print(y_hat[range(len(y_hat)), y])
        print(y_hat[y_hat > 0.25], y_hat[:, 1], y_hat[..., 0])
        print(y_hat[torch.tensor([1, 1, 0])].shape)
        """,
        capsys,
    )
    assert out == (
        "tensor([0.1000, 0.5000])\n"
        "tensor([0.1000, 0.5000])\n"
        "tensor([0.3000, 0.6000, 0.3000, 0.5000]) tensor([0.3000, 0.2000]) "
        "tensor([0.1000, 0.3000])\n"
        "torch.Size([3, 3])\n"
    )


def test_argmax_max_and_accuracy_counting(capsys):
    _, out = run(
        """
        y = torch.tensor([0, 2])
        y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        print(y_hat.argmax(axis=1), y_hat.argmax(dim=1), torch.argmax(y_hat), y_hat.argmin(1))
        cmp = y_hat.argmax(axis=1).type(y.dtype) == y
        print(cmp, float(cmp.type(y.dtype).sum()))
        print(y_hat.max(dim=1))
        values, indices = torch.max(y_hat, 1)
        print(values, indices, y_hat.max(), y_hat.min(dim=0).indices)
        print(torch.max(y_hat, torch.full((2, 3), 0.4)))
        """,
        capsys,
    )
    assert out == (
        "tensor([2, 2]) tensor([2, 2]) tensor(2) tensor([0, 1])\n"
        "tensor([False,  True]) 1.0\n"
        "torch.return_types.max(\nvalues=tensor([0.6000, 0.5000]),\nindices=tensor([2, 2]))\n"
        "tensor([0.6000, 0.5000]) tensor([2, 2]) tensor(0.6000) tensor([0, 1, 1])\n"
        "tensor([[0.4000, 0.4000, 0.6000],\n        [0.4000, 0.4000, 0.5000]])\n"
    )


def test_elementwise_functions_match_numpy():
    values = np.array([[-2.0, -0.5, 0.0], [0.5, 1.0, 3.0]])
    x = torch.tensor(values)
    expected = {
        "exp": np.exp(values),
        "abs": np.abs(values),
        "sin": np.sin(values),
        "cos": np.cos(values),
        "tanh": np.tanh(values),
        "sigmoid": 1 / (1 + np.exp(-values)),
        "relu": np.maximum(values, 0),
    }
    for name, want in expected.items():
        np.testing.assert_allclose(getattr(torch, name)(x).numpy(), want, err_msg=name)
        np.testing.assert_allclose(getattr(x, name)().numpy(), want, err_msg=name)
    np.testing.assert_allclose(torch.sqrt(x.abs()).numpy(), np.sqrt(np.abs(values)))
    np.testing.assert_allclose(torch.log(x.abs() + 1).numpy(), np.log(np.abs(values) + 1))
    np.testing.assert_allclose(torch.pow(x, 2).numpy(), values**2)
    np.testing.assert_allclose(torch.clamp(x, min=-1, max=1).numpy(), np.clip(values, -1, 1))
    np.testing.assert_allclose(x.clamp(min=0).numpy(), np.maximum(values, 0))
    np.testing.assert_allclose(torch.maximum(x, torch.zeros(3)).numpy(), np.maximum(values, 0))
    np.testing.assert_allclose(torch.where(x > 0, x, 0.0).numpy(), np.maximum(values, 0))
    np.testing.assert_allclose(torch.sum(x, dim=1, keepdim=True).numpy(), values.sum(1)[:, None])
    np.testing.assert_allclose(x.std().item(), np.std(values, ddof=1))
    np.testing.assert_allclose(x.var(dim=0).numpy(), np.var(values, axis=0, ddof=1))
    np.testing.assert_allclose(x.std(unbiased=False).item(), np.std(values))
    np.testing.assert_allclose(torch.prod(x + 3).item(), np.prod(values + 3))
    np.testing.assert_allclose(torch.softmax(x, dim=1).numpy().sum(1), [1.0, 1.0])
    np.testing.assert_allclose(torch.log_softmax(x, 1).numpy(), np.log(torch.softmax(x, 1).numpy()))


def test_int_in_place_with_float_result_is_an_error_not_truncation():
    x = torch.tensor([1, 2])
    with pytest.raises(
        RuntimeError, match="result type Double can.t be cast to the desired output type Long"
    ):
        x += 0.5
    with pytest.raises(RuntimeError, match=r"output with shape \[2\] doesn't match"):
        x += torch.ones(3, 2, dtype=torch.long)
    x += 1
    assert x.tolist() == [2, 3]


def test_mean_of_integers_names_the_dtype_like_torch():
    with pytest.raises(RuntimeError, match="Got: Long"):
        torch.arange(4).mean()
    with pytest.raises(RuntimeError, match="std and var only support floating point"):
        torch.arange(4).std()
    with pytest.raises(RuntimeError, match="self must be a matrix"):
        torch.mm(torch.ones(3), torch.ones(3, 1))
    with pytest.raises(RuntimeError, match="vector \\+ matrix @ vector expected"):
        torch.mv(torch.ones(3), torch.ones(3))


def test_unsupported_features_fail_with_a_named_attribute_error():
    with pytest.raises(AttributeError, match="nn"):
        torch.nn.Linear(2, 1)  # noqa: B018
    with pytest.raises(AttributeError, match="cuda"):
        torch.ones(2).cuda()
    with pytest.raises(RuntimeError, match="CPU only"):
        torch.ones(2).to("cuda")
