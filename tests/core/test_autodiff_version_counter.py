"""A value saved for backward and then changed in place makes backward fail, as in PyTorch.

Expected texts and outcomes are PyTorch 2.13's (run on the same programs); float64 here is the
app's default dtype, so the tensors print as DoubleTensor where PyTorch's float32 print Float.
"""

from __future__ import annotations

import re

import pytest

import explorer.autodiff as torch

HINT = (
    " Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
    "with torch.autograd.set_detect_anomaly(True, check_nan=False)."
)


def modified(described: str, version: int, expected: int) -> str:
    return re.escape(
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: {described} is at version {version}; expected version {expected} instead."
        + HINT
    )


def test_a_step_under_no_grad_before_backward_is_refused():
    # The repro: it used to give [0., 2.] silently.
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (w * w).sum()
    with torch.no_grad():
        w -= 1
    with pytest.raises(RuntimeError, match=modified("[torch.DoubleTensor [2]]", 1, 0)):
        y.backward()


def test_a_zero_dim_leaf_changed_in_place_is_refused():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    with torch.no_grad():
        x.mul_(3)
    with pytest.raises(RuntimeError, match=modified("[torch.DoubleTensor []]", 1, 0)):
        y.backward()


def test_an_output_read_by_its_own_rule_names_the_op():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()  # exp's backward reads its result
    with torch.no_grad():
        y.add_(1)
    described = "[torch.DoubleTensor [2]], which is output 0 of Exp,"
    with pytest.raises(RuntimeError, match=modified(described, 1, 0)):
        y.sum().backward()


@pytest.mark.parametrize(
    "change",
    [
        lambda w, c: w.detach().add_(1),  # detach() shares the version counter
        lambda w, c: c.add_(1),  # c is saved for w's gradient
        lambda w, c: w.__setitem__(0, 5.0),
    ],
)
def test_changes_through_aliases_and_saved_constants_are_refused(change):
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([3.0, 4.0])
    y = (w * w * c).sum()
    with torch.no_grad():
        change(w, c)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.backward()


@pytest.mark.parametrize(
    ("build", "change", "expected"),
    [
        (lambda w, c: w + 1, lambda w: w.sub_(1), [1.0, 1.0]),  # add saves nothing
        (lambda w, c: w * c, lambda w: w.add_(1), [3.0, 4.0]),  # w is not saved for c
        (lambda w, c: w * 2, lambda w: w.zero_(), [2.0, 2.0]),
        (lambda w, c: w * w, lambda w: w.data.add_(1), [4.0, 6.0]),  # .data: own counter
    ],
)
def test_changes_pytorch_allows_give_its_gradients(build, change, expected):
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    y = build(w, torch.tensor([3.0, 4.0])).sum()
    with torch.no_grad():
        change(w)
    y.backward()
    assert w.grad.tolist() == expected


def test_d2l_sgd_after_backward_then_a_new_graph_is_fine():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w).sum().backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
    (w * w).sum().backward()
    assert w.grad.tolist() == pytest.approx([1.6, 3.2])
    assert w._version == 1
