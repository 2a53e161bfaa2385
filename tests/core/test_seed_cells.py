"""The seed notebook's PyTorch cells, copied verbatim with only ``import torch`` changed to
``import explorer.autodiff as torch``, must print the notebook's numbers.

Each test runs the cells of one notebook section in order (they share names, as in the notebook)
and checks after each cell what the notebook shows under it. Bare expressions such as ``x.grad``
are the notebook's displayed outputs; their values are asserted right after the cell.
"""

# ruff: noqa: B015, B018, E501, F811, E301, E302, E305, E231, E261, E262, E265, E211
from __future__ import annotations

import numpy as np
import pytest


def test_four_variable_chain_cells(capsys):
    # The cells stay exactly as the notebook has them:
    # fmt: off
    # In [6]
    import explorer.autodiff as torch

    # Initialize as ndarrays, then attach gradients
    w = torch.tensor([-1.], requires_grad=True)
    x = torch.tensor([0.], requires_grad=True)
    y = torch.tensor([-2.], requires_grad=True)
    z = torch.tensor([1.], requires_grad=True)
    # Do the computation like usual, tracking gradients
    a, b = (w + x + y + z)**2, (w + x - y - z)**2
    u, v = (a + b)**2, (a - b)**2
    f = (u + v)**2
    print(f' f: {f} at \n w: {w}, \n x: {x}, \n y: {y}, \n z: {z}')

    assert capsys.readouterr().out == (
        " f: tensor([1024.], grad_fn=<PowBackward0>) at \n"
        " w: tensor([-1.], requires_grad=True), \n"
        " x: tensor([0.], requires_grad=True), \n"
        " y: tensor([-2.], requires_grad=True), \n"
        " z: tensor([1.], requires_grad=True)\n"
    )

    # In [7]
    # Execute backward pass
    #All of what we did above can be done automatically by calling f.backwards().
    f.backward()

    print(f'df/dw at {w.data.item()}, {x.data.item()}, {y.data.item()}, '
          f'{z.data.item()} is {w.grad.data.item()}')
    print(f'df/dx at {w.data.item()}, {x.data.item()}, {y.data.item()}, '
          f'{z.data.item()} is {x.grad.data.item()}')
    print(f'df/dy at {w.data.item()}, {x.data.item()}, {y.data.item()}, '
          f'{z.data.item()} is {y.grad.data.item()}')
    print(f'df/dz at {w.data.item()}, {x.data.item()}, {y.data.item()}, '
          f'{z.data.item()} is {z.grad.data.item()}')

    assert capsys.readouterr().out == (
        "df/dw at -1.0, 0.0, -2.0, 1.0 is -4096.0\n"
        "df/dx at -1.0, 0.0, -2.0, 1.0 is -4096.0\n"
        "df/dy at -1.0, 0.0, -2.0, 1.0 is -4096.0\n"
        "df/dz at -1.0, 0.0, -2.0, 1.0 is -4096.0\n"
    )


def test_scalar_output_cells():
    # The cells stay exactly as the notebook has them:
    # fmt: off
    # In [8]
    import explorer.autodiff as torch

    # A differentiating function f(x) = 2X^T * X with a scalar value returned
    def f(x):
        return 2*torch.dot(x, x)

    # let us create the variable x and assign it an initial value
    x = torch.arange(4.0)
    x
    assert repr(x) == "tensor([0., 1., 2., 3.])"

    # In [9]
    # It is important that we do not allocate new memory every time we take a derivative with respect
    # to a parameter because we will often update the same parameters thousands or millions of times and
    # could quickly run out of memory.
    # The fact that gradients need to be computed for a Tensor do not mean that the grad attribute will be populated
    x.requires_grad_(True) # Same as `x = torch.arange(4.0, requires_grad=True)`
    x.grad
    assert x.grad is None

    # In [10]
    # Now let us calculate y.
    # Since x is a vector of length 4, an dot product of x and x is performed, yielding the scalar output that we assign to y.
    y = f(x)
    y
    assert repr(y) == "tensor(28., grad_fn=<MulBackward0>)"

    # In [11]
    # At this time, there is no gradients are calcuated for x
    x.grad
    assert x.grad is None

    # In [12]
    # Next, we can automatically calculate the gradient of y with respect to each
    # component of x by calling the function for backpropagation and printing the gradient.
    y.backward()
    x.grad
    assert repr(x.grad) == "tensor([ 0.,  4.,  8., 12.])"

    # In [13]
    # The gradient of the function y = 2x^⊤*x with respect to x should be 4x.
    x.grad == 4 * x
    assert repr(x.grad == 4 * x) == "tensor([True, True, True, True])"

    # In [14]
    # PyTorch accumulates the gradient in default, we need to clear the previous values
    x.grad.zero_()
    x.grad
    assert repr(x.grad) == "tensor([0., 0., 0., 0.])"

    # In [15]
    # Now let us calculate another function of y = sum(x) = x_1 + x_n + ... + x_n.
    y = x.sum()
    y.backward()
    x.grad
    assert repr(x.grad) == "tensor([1., 1., 1., 1.])"


def test_non_scalar_output_cell(capsys):
    # The cells stay exactly as the notebook has them:
    # fmt: off
    # In [48]

    import explorer.autodiff as torch

    # A differentiating function f(x) = 2X^T * X with a scalar value returned
    def f(x):
        return x * x

    # let us create the variable x and assign it an initial value
    x = torch.arange(4.0, requires_grad=True)
    print(f"The input x: {x}")

    y = f(x)
    print(f"The output Y: {y}")

    # Invoking `backward` on a non-scalar requires passing in a `gradient` argument
    # which specifies the gradient of the differentiated function w.r.t `self`.
    # In our case, we simply want to sum the partial derivatives, so passing
    # in a gradient of ones is appropriate
    y.sum().backward() # or y.backward(torch.ones(len(x))) equivalent to the below

    print(f"The x grad: {x.grad}")

    assert capsys.readouterr().out == (
        "The input x: tensor([0., 1., 2., 3.], requires_grad=True)\n"
        "The output Y: tensor([0., 1., 4., 9.], grad_fn=<MulBackward0>)\n"
        "The x grad: tensor([0., 2., 4., 6.])\n"
    )
    # The comment's alternative gives the same gradient.
    x2 = torch.arange(4.0, requires_grad=True)
    f(x2).backward(torch.ones(len(x2)))
    assert np.array_equal(x2.grad.numpy(), [0.0, 2.0, 4.0, 6.0])


def _control_flow_cells(seed: int | None, capsys):
    # The cells stay exactly as the notebook has them:
    # fmt: off
    import explorer.autodiff as torch

    if seed is not None:
        torch.manual_seed(seed)

    # In [50]
    def f(a):
        b = a * 2
        while b.norm() < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    # In [51]
    a = torch.randn(size=(), requires_grad=True)
    d = f(a)
    d.backward()
    print (f"a: {a}")
    print (f"a grad: {a.grad}")
    print (f"d: {d}")

    # In [52]

    a.grad == d / a
    return a, d, a.grad == d / a, capsys.readouterr().out


def _expected_gradient(a: float) -> float:
    """d = a·2^k (·100 if negative), with k the doublings needed to reach norm 1000."""
    scale = 2.0
    while abs(a * scale) < 1000:
        scale *= 2
    return scale if a > 0 else 100 * scale


@pytest.mark.parametrize("seed", range(12))
def test_control_flow_cells(seed, capsys):
    a, d, comparison, printed = _control_flow_cells(seed, capsys)
    value = a.item()
    assert a.grad.item() == _expected_gradient(value)
    assert d.item() == pytest.approx(value * _expected_gradient(value), rel=1e-15)
    # PyTorch formats a 0-dim tensor in an f-string as its Python number (the notebook prints
    # "a: -0.18225865066051483", "a grad: 819200.0", "d: -149306.28125"), not as its repr.
    a_line, grad_line, d_line = printed.splitlines()
    assert a_line == f"a: {value!r}"
    assert grad_line == f"a grad: {_expected_gradient(value)!r}"
    assert d_line == f"d: {d.item()!r}"
    assert float(d_line.removeprefix("d: ")) == pytest.approx(value * _expected_gradient(value))
    # For these seeds (positive and negative a) d / a reproduces the gradient exactly, as in the
    # notebook. (Not for every a < 0: 100·b is rounded, so d / a can be one ulp off 100·2^k.)
    assert repr(comparison) == "tensor(True)"


def test_control_flow_seeds_cover_both_branches(capsys):
    signs = {(_control_flow_cells(seed, capsys)[0].item() > 0) for seed in range(12)}
    assert signs == {True, False}


def test_control_flow_with_the_notebooks_number():
    # The cells stay exactly as the notebook has them:
    # fmt: off
    import explorer.autodiff as torch

    def f(a):
        b = a * 2
        while b.norm() < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    for dtype in (torch.float64, torch.float32):
        a = torch.tensor(-0.18225865066051483, dtype=dtype, requires_grad=True)
        d = f(a)
        d.backward()
        if dtype is torch.float32:  # the notebook's dtype: its three printed lines, verbatim
            assert f"a: {a}" == "a: -0.18225865066051483"
            assert f"a grad: {a.grad}" == "a grad: 819200.0"
            assert f"d: {d}" == "d: -149306.28125"
        assert a.grad.item() == 819200.0  # "a grad: 819200.0"
        assert d.item() == pytest.approx(-149306.28125, abs=0.01)  # "d: -149306.28125"
        assert repr(a.grad == d / a) == "tensor(True)"


def test_gradient_approximation_cell():
    # The cells stay exactly as the notebook has them:
    # fmt: off
    # In [2], without its two notebook-only lines (%matplotlib inline, from IPython import display)
    import numpy as np  # noqa: F401

    import explorer.autodiff as torch

    def f(x, y):
        return torch.log(torch.exp(x) + torch.exp(y))
    def grad_f(x, y):
        return torch.tensor([torch.exp(x) / (torch.exp(x) + torch.exp(y)), torch.exp(y) / (torch.exp(x) + torch.exp(y))])

    epsilon = torch.tensor([0.01, -0.03])

    grad_approx = f(torch.tensor([0.]), torch.log(torch.tensor([2.]))) + epsilon.dot(grad_f(torch.tensor([0.]), torch.log(torch.tensor(2.))))

    true_value = f(torch.tensor([0.]) + epsilon[0], torch.log(torch.tensor([2.])) + epsilon[1])

    text = f'approximation: {grad_approx}, true Value: {true_value}'
    assert text == 'approximation: tensor([1.0819]), true Value: tensor([1.0821])'
