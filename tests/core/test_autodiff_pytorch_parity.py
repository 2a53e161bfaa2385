"""Where our core and PyTorch used to differ: error wording, grad_fn names, silent inf/NaN, and
the warning on reading a non-leaf's ``.grad``. Expected texts are PyTorch's (ATen's checks:
``infer_size``, ``view``'s ``infer_size``, ``applySelect``, ``TensorBody.h``'s ``grad()``)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import explorer.autodiff as torch
from explorer.core.autodiff import introspect
from explorer.core.autodiff.check import check_grads
from explorer.core.autodiff.from_tree import build_graph
from explorer.core.autodiff.grad_fn import GradFn
from explorer.core.expr.nodes import BinaryOp, Call, Number, Variable

SIZE_2_VS_3 = r"^The size of tensor a \(2\) must match the size of tensor b \(3\) at non-singleton dimension 0$"  # noqa: E501


@pytest.fixture
def no_warnings():
    """Records every warning raised inside the test body; the test asserts there were none."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


# ---- 1. broadcasting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "operation",
    [
        lambda a, b: a + b,
        lambda a, b: a - b,
        lambda a, b: a * b,
        lambda a, b: a / b,
        lambda a, b: a**b,
        lambda a, b: a < b,
        lambda a, b: a == b,
        lambda a, b: torch.maximum(a, b),
        lambda a, b: torch.add(a, b, alpha=2),
        lambda a, b: torch.where(torch.ones(2) > 0, a, b),
    ],
    ids=["add", "sub", "mul", "div", "pow", "lt", "eq", "maximum", "add_alpha", "where"],
)
def test_elementwise_shape_mismatch_is_pytorchs_runtime_error(operation):
    a, b = torch.ones(2, requires_grad=True), torch.ones(3)
    with pytest.raises(RuntimeError, match=SIZE_2_VS_3):
        operation(a, b)


def test_broadcast_mismatch_reports_the_first_dimension_from_the_right():
    # infer_size walks from the last dimension and numbers it in the broadcast shape.
    with pytest.raises(RuntimeError, match=r"tensor a \(3\) .* tensor b \(2\) at non-singleton dimension 1$"):  # fmt: skip  # noqa: E501
        torch.ones(2, 3) + torch.ones(3, 2)
    with pytest.raises(RuntimeError, match=r"tensor a \(4\) .* tensor b \(3\) at non-singleton dimension 1$"):  # fmt: skip  # noqa: E501
        torch.ones(5, 4) * torch.ones(2, 1, 3)[0]
    with pytest.raises(RuntimeError, match=r"tensor a \(2\) .* tensor b \(3\) at non-singleton dimension 0$"):  # fmt: skip  # noqa: E501
        torch.ones(2, 1) + torch.ones(3, 4)
    assert (torch.ones(2, 1) + torch.ones(3)).shape == (2, 3)  # broadcasting itself still works


def test_in_place_shape_mismatch_is_pytorchs_runtime_error():
    a = torch.ones(2)
    with pytest.raises(RuntimeError, match=SIZE_2_VS_3):
        a += torch.ones(3)
    with pytest.raises(RuntimeError, match=SIZE_2_VS_3):
        a.add_(torch.ones(3))
    with pytest.raises(RuntimeError, match=SIZE_2_VS_3):
        a.mul_(torch.ones(3))
    assert a.tolist() == [1.0, 1.0]  # nothing written
    with pytest.raises(RuntimeError, match=r"output with shape \[3\] doesn't match the broadcast shape \[2, 3\]"):  # fmt: skip  # noqa: E501
        torch.ones(3).add_(torch.ones(2, 3))


# ---- 2. reshape and view ---------------------------------------------------------------------


@pytest.mark.parametrize("method", ["reshape", "view"])
def test_reshape_and_view_to_a_wrong_size(method):
    t = torch.ones(6, requires_grad=True)
    with pytest.raises(RuntimeError, match=r"^shape '\[4, 2\]' is invalid for input of size 6$"):
        getattr(t, method)(4, 2)
    with pytest.raises(RuntimeError, match=r"^shape '\[4, -1\]' is invalid for input of size 6$"):
        getattr(t, method)((4, -1))
    with pytest.raises(RuntimeError, match="^only one dimension can be inferred$"):
        getattr(t, method)(-1, -1)
    assert getattr(t, method)(3, -1).shape == (3, 2)
    with pytest.raises(RuntimeError, match="unspecified dimension size -1 can be any value"):
        getattr(torch.ones(0), method)(0, -1)


def test_view_of_a_transposed_matrix_refuses_and_reshape_copies():
    m = torch.arange(6.0).reshape(2, 3).requires_grad_()
    with pytest.raises(RuntimeError, match=r"view size is not compatible .* Use \.reshape\(\.\.\.\) instead\.$"):  # fmt: skip  # noqa: E501
        m.T.view(6)
    flat = m.T.reshape(6)
    assert flat.tolist() == [0.0, 3.0, 1.0, 4.0, 2.0, 5.0]
    assert flat.grad_fn.name() == "UnsafeViewBackward0"
    (flat * torch.arange(6.0)).sum().backward()
    # flat[k] = m.T.flatten()[k]: m[i, j] sits at k = 2·j + i.
    assert m.grad.tolist() == [[0.0, 2.0, 4.0], [1.0, 3.0, 5.0]]


# ---- 3. indexing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "message"),
    [
        (lambda t: t[5], "index 5 is out of bounds for dimension 0 with size 4"),
        (lambda t: t[-5], "index -5 is out of bounds for dimension 0 with size 4"),
        (lambda t: t[[0, 5]], "index 5 is out of bounds for dimension 0 with size 4"),
        (lambda t: t.reshape(2, 2)[:, 3], "index 3 is out of bounds for dimension 1 with size 2"),
        (lambda t: t[0, 1], "too many indices for tensor of dimension 1"),
        (lambda t: t.sum()[0], "invalid index of a 0-dim tensor. Use `tensor.item()` in Python"),
        (
            lambda t: t[torch.tensor([True, False, True])],
            "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor "
            "[4] at index 0",
        ),
    ],
)
def test_bad_index_is_pytorchs_index_error(index, message):
    t = torch.arange(4.0, requires_grad=True)
    with pytest.raises(IndexError) as raised:
        index(t)
    assert str(raised.value).startswith(message)
    assert "axis" not in str(raised.value)


def test_assignment_out_of_range_is_pytorchs_index_error():
    t = torch.zeros(4)
    with pytest.raises(IndexError, match="^index 4 is out of bounds for dimension 0 with size 4$"):
        t[4] = 1.0
    t[3] = 1.0
    assert t.tolist() == [0.0, 0.0, 0.0, 1.0]


# ---- 4. grad_fn names ------------------------------------------------------------------------

GRAD_FN_NAMES = [
    ("1 + a", lambda a, b, m, v: 1 + a, "AddBackward0"),
    ("a + 1", lambda a, b, m, v: a + 1, "AddBackward0"),
    ("a + b", lambda a, b, m, v: a + b, "AddBackward0"),
    ("a - 1", lambda a, b, m, v: a - 1, "SubBackward0"),
    ("1 - a", lambda a, b, m, v: 1 - a, "RsubBackward1"),
    ("2 * a", lambda a, b, m, v: 2 * a, "MulBackward0"),
    ("a * 2", lambda a, b, m, v: a * 2, "MulBackward0"),
    ("a / 2", lambda a, b, m, v: a / 2, "DivBackward0"),
    ("a / b", lambda a, b, m, v: a / b, "DivBackward0"),
    ("1 / a", lambda a, b, m, v: 1 / a, "MulBackward0"),
    ("a ** 2", lambda a, b, m, v: a**2, "PowBackward0"),
    ("a ** b", lambda a, b, m, v: a**b, "PowBackward1"),
    ("2 ** a", lambda a, b, m, v: 2**a, "PowBackward2"),
    ("-a", lambda a, b, m, v: -a, "NegBackward0"),
    ("a.sum()", lambda a, b, m, v: a.sum(), "SumBackward0"),
    ("m.sum(0)", lambda a, b, m, v: m.sum(0), "SumBackward1"),
    ("a.mean()", lambda a, b, m, v: a.mean(), "MeanBackward0"),
    ("m.mean(dim=1)", lambda a, b, m, v: m.mean(dim=1), "MeanBackward1"),
    ("torch.dot", lambda a, b, m, v: torch.dot(a, b), "DotBackward0"),
    ("a @ b", lambda a, b, m, v: a @ b, "DotBackward0"),
    ("m @ m", lambda a, b, m, v: m @ m, "MmBackward0"),
    ("torch.mm", lambda a, b, m, v: torch.mm(m, m), "MmBackward0"),
    ("m @ v", lambda a, b, m, v: m @ v, "MvBackward0"),
    ("v @ m", lambda a, b, m, v: v @ m, "SqueezeBackward1"),
    ("a.reshape", lambda a, b, m, v: a.reshape(3, 1), "ViewBackward0"),
    ("a.view", lambda a, b, m, v: a.view(1, 3), "ViewBackward0"),
    ("a.unsqueeze", lambda a, b, m, v: a.unsqueeze(0), "UnsqueezeBackward0"),
    ("a[0]", lambda a, b, m, v: a[0], "SelectBackward0"),
    ("a[0:2]", lambda a, b, m, v: a[0:2], "SliceBackward0"),
    ("m[:, 0]", lambda a, b, m, v: m[:, 0], "SelectBackward0"),
    ("a[None]", lambda a, b, m, v: a[None], "UnsqueezeBackward0"),
    ("a[[0, 2]]", lambda a, b, m, v: a[[0, 2]], "IndexBackward0"),
    ("a[a > 1]", lambda a, b, m, v: a[a > 1], "IndexBackward0"),
    ("a.exp()", lambda a, b, m, v: a.exp(), "ExpBackward0"),
    ("torch.relu", lambda a, b, m, v: torch.relu(a), "ReluBackward0"),
    ("torch.sigmoid", lambda a, b, m, v: torch.sigmoid(a), "SigmoidBackward0"),
    ("a.norm()", lambda a, b, m, v: a.norm(), "LinalgVectorNormBackward0"),
    ("a.abs()", lambda a, b, m, v: a.abs(), "AbsBackward0"),
    ("torch.reciprocal", lambda a, b, m, v: torch.reciprocal(a), "ReciprocalBackward0"),
]


@pytest.mark.parametrize(
    ("expression", "operation", "name"), GRAD_FN_NAMES, ids=[row[0] for row in GRAD_FN_NAMES]
)
def test_grad_fn_names_are_pytorchs(expression, operation, name):
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = torch.tensor([0.5, 1.5, 2.5], requires_grad=True)
    m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    v = torch.tensor([1.0, -1.0], requires_grad=True)
    result = operation(a, b, m, v)
    assert result.grad_fn.name() == name
    assert repr(result).endswith(f"grad_fn=<{name}>)")


def test_number_over_tensor_is_reciprocal_times_the_number():
    a = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
    y = 3 / a
    (reciprocal, _), (constant, _) = y.grad_fn.next_functions
    assert reciprocal.name() == "ReciprocalBackward0" and constant is None
    assert reciprocal.next_functions[0][0].variable is a
    np.testing.assert_allclose(y.detach().numpy(), [3.0, 1.5, 0.75])
    y.sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), [-3.0, -3.0 / 4, -3.0 / 16])  # d(3/a) = -3/a²
    assert (1 / torch.tensor([1, 2])).tolist() == [1.0, 0.5]  # integer tensor: floats
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float32)
    try:  # an integer tensor's reciprocal has the default float dtype, as in PyTorch
        assert (1 / torch.tensor([1, 2])).dtype == torch.float32
    finally:
        torch.set_default_dtype(previous)
    half = torch.tensor([2.0], dtype=torch.float32)
    assert (1 / half).dtype == torch.float32


# ---- 5. inf and NaN arise silently -----------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "value", "gradient"),
    [
        (lambda x: x.sqrt(), 0.0, np.inf),
        (lambda x: x**0.5, 0.0, np.inf),
        (lambda x: x.log(), 0.0, np.inf),
        (lambda x: x.log(), -1.0, -1.0),
        (lambda x: 1 / x, 0.0, -np.inf),
        (lambda x: torch.tensor(1.0) / x, 0.0, -np.inf),
        (lambda x: x.exp(), 1000.0, np.inf),
        (lambda x: x * x.log(), 0.0, np.nan),
        (lambda x: x.tan(), np.pi / 2, 1 / np.cos(np.pi / 2) ** 2),
        (lambda x: torch.asin(x), 1.0, np.inf),
    ],
)
def test_no_numpy_warnings_at_singular_points(no_warnings, function, value, gradient):
    for shape in ((), (3,)):  # numpy scalars and arrays take different code paths
        x = torch.full(shape, value, requires_grad=True) if shape else torch.tensor(value)
        x.requires_grad_(True)
        function(x).sum().backward()
        np.testing.assert_allclose(np.asarray(x.grad.numpy()), np.full(shape, gradient))
        tangent = torch.func.jvp(function, (x.detach(),), (torch.ones_like(x),))[1]
        np.testing.assert_allclose(np.asarray(tangent.numpy()), np.full(shape, gradient))
    assert [str(w.message) for w in no_warnings] == []


def test_singular_values_match_pytorchs(no_warnings):
    zero = torch.tensor([0.0, -1.0, 1000.0])
    assert zero.log().tolist()[0] == -np.inf and np.isnan(zero.log().tolist()[1])
    assert (torch.tensor([1.0, 0.0]) / torch.tensor(0.0)).tolist()[0] == np.inf
    assert np.isnan((torch.tensor([0.0]) / 0.0).item())
    assert zero.exp().tolist()[2] == np.inf
    assert np.isnan(torch.tensor([]).mean().item())
    assert [str(w.message) for w in no_warnings] == []


def test_numpy_outside_the_engine_keeps_its_warnings():
    torch.tensor([0.0], requires_grad=True).log().sum().backward()
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        np.log(np.array([0.0]))
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        _ = np.float64(1.0) / np.float64(0.0)


# ---- 6. .grad of a non-leaf --------------------------------------------------------------------

NON_LEAF = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more informations."
)


def test_non_leaf_grad_warns_on_every_access_and_is_none():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    y.sum().backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert y.grad is None
        assert y.grad is None
    assert [str(w.message) for w in caught] == [NON_LEAF, NON_LEAF]
    assert all(w.category is UserWarning and w.filename == __file__ for w in caught)


def test_leaves_and_retained_non_leaves_do_not_warn(no_warnings):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    constant = torch.tensor([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    z = (y * constant).sum()
    assert y.grad is None and x.grad is None and constant.grad is None
    z.backward()
    assert y.grad.tolist() == [1.0, 2.0] and x.grad.tolist() == [2.0, 4.0]
    assert (x.detach() * 2).grad is None  # no grad_fn: a leaf in PyTorch's sense
    assert no_warnings == []


def test_our_own_readers_of_gradients_do_not_warn(no_warnings):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    hidden = (x * 3).exp()
    output = hidden.sum()
    output.backward(retain_graph=True)
    picture = introspect.snapshot(output)
    assert any(node.grad is not None and not node.is_leaf for node in picture.nodes)
    torch.autograd.grad(output, [x, hidden])
    x_node = Variable("x")
    tree = BinaryOp("+", BinaryOp("^", Call("sin", (x_node,)), Number(2.0, "2")), x_node)
    built = build_graph(tree, {"x": np.linspace(0, 1, 5)})
    built.gradients()
    check_grads(lambda t: (t * t).sin().sum(), np.array([0.3, 0.7]))
    assert [str(w.message) for w in no_warnings] == []


def test_assigning_grad_checks_like_pytorch():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.grad = torch.tensor([3.0, 4.0])
    assert x.grad.tolist() == [3.0, 4.0]
    x.grad = None
    assert x.grad is None
    with pytest.raises(TypeError, match="assigned grad expected to be a Tensor or None"):
        x.grad = 1.0
    with pytest.raises(
        RuntimeError, match="attempting to assign a gradient of size '\\[3\\]' to a tensor of size"
    ):
        x.grad = torch.zeros(3)


# ---- grad_fn node classes and .data assignment --------------------------------------------


def _node_tree(node, depth=0):
    """The graph behind a grad_fn as PyTorch 2.13 walks it: (class name, name()) per line."""
    lines = [" " * depth + f"{type(node).__name__} {node.name()}"]
    for child, slot in node.next_functions:
        assert slot == 0
        lines += _node_tree(child, depth + 1) if child else [" " * (depth + 1) + "None"]
    return lines


def test_grad_fn_classes_are_named_like_pytorchs_nodes():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([3.0, 4.0])
    y = ((x * c).exp() + x).sum()
    node = y.grad_fn
    assert type(node).__name__ == node.name() == "SumBackward0"
    assert repr(node).startswith("<SumBackward0 object at 0x")
    assert isinstance(node, GradFn) and type((x * c).grad_fn) is type((c * x).grad_fn)
    # Printed by PyTorch 2.13 for the same code.
    assert _node_tree(node) == [
        "SumBackward0 SumBackward0",
        " AddBackward0 AddBackward0",
        "  ExpBackward0 ExpBackward0",
        "   MulBackward0 MulBackward0",
        "    AccumulateGrad torch::autograd::AccumulateGrad",
        "    None",
        "  AccumulateGrad torch::autograd::AccumulateGrad",
    ]
    assert node.next_functions[0][0].next_functions[1][0].variable is x


def test_data_assignment_takes_only_tensors_as_pytorch():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    for wrong, name in ((None, "NoneType"), ([1.0, 2.0], "list"), (3.0, "float")):
        with pytest.raises(TypeError, match=f"^Variable data has to be a tensor, but got {name}$"):
            x.data = wrong
    with pytest.raises(RuntimeError, match="must be floating point or complex dtype"):
        x.data = torch.tensor([1, 2])
    x.data = torch.zeros(3)  # the shape may change, as in PyTorch
    assert repr(x) == "tensor([0., 0., 0.], requires_grad=True)" and x.is_leaf
    (x * x).sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 0.0]
    constant = torch.tensor([1.0])
    constant.data = torch.tensor([5, 6])  # no grad required: any dtype
    assert repr(constant) == "tensor([5, 6])"
