"""``torch.optim`` on our tensors: SGD, Adagrad, RMSprop, Adam and AdamW with PyTorch's updates.

Each class's ``update`` is one step for one parameter, written line by line after PyTorch's
``_single_tensor_*`` implementation (torch/optim/sgd.py, adagrad.py, rmsprop.py, adam.py), which is
also the pseudocode in PyTorch's documentation. It works on numpy values in the parameter's dtype
(parameter, gradient, the state as arrays, the group's hyperparameters) and returns the new values
with the intermediate numbers a learner may want explained (m̂, v̂, the step). The classes keep
PyTorch's bookkeeping (``param_groups``, ``state`` keyed by parameter, lazy state, ``zero_grad``,
``step(closure)``, ``state_dict``) and write the results back into the tensors, so a learner's
training loop and d2l's optimization code run unchanged; the descent race calls ``update``
directly on arrays, so both go through the same lines.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from copy import deepcopy
from typing import Any, NamedTuple

import numpy as np

from explorer.core.autodiff.creation import tensor
from explorer.core.autodiff.dtypes import float32
from explorer.core.autodiff.engine import enable_grad, no_grad
from explorer.core.autodiff.tensor import Tensor

__all__ = ["SGD", "Adagrad", "Adam", "AdamW", "Optimizer", "RMSprop", "required"]


class _RequiredParameter:
    """Marks a hyperparameter every parameter group must give (PyTorch's ``required``)."""

    def __repr__(self) -> str:
        return "<required parameter>"


required = _RequiredParameter()


def _value(t: Tensor) -> np.ndarray:
    """A tensor's value as a numpy array; callers never write into it (it may be shared)."""
    return np.asarray(t)


def _store(t: Tensor, value: Any) -> None:
    """Write ``value`` into ``t``'s own memory, so every reference to ``t`` sees the update."""
    t.copy_(np.asarray(value))


class Update(NamedTuple):
    """One step's result: the new parameter, the new state values, and the numbers on the way."""

    param: np.ndarray
    state: dict[str, Any]
    details: dict[str, Any]


class Optimizer:
    """PyTorch's ``torch.optim.Optimizer``: parameter groups, per-parameter state, ``step``."""

    def __init__(self, params: Any, defaults: dict[str, Any]) -> None:
        self.defaults = defaults
        self.state: defaultdict[Tensor, dict[str, Any]] = defaultdict(dict)
        self.param_groups: list[dict[str, Any]] = []
        if isinstance(params, Tensor):
            raise TypeError(
                "params argument given to the optimizer should be an iterable of Tensors or "
                f"dicts, but got {params.dtype.type_name()}"
            )
        param_groups = list(params)
        if not param_groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__} ("]
        for index, group in enumerate(self.param_groups):
            lines.append(f"Parameter Group {index}")
            lines += [f"    {key}: {group[key]}" for key in sorted(group) if key != "params"]
        return "\n".join(lines) + "\n)"

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """Add a group of parameters with its own hyperparameters (the rest from ``defaults``)."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group).__name__}")
        params = param_group["params"]
        if isinstance(params, Tensor):
            params = [params]
        elif isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but the "
                "ordering of tensors in sets will change between runs. Please use a list instead."
            )
        else:
            params = list(params)
        for param in params:
            if not isinstance(param, Tensor):
                raise TypeError(
                    "optimizer can only optimize Tensors, but one of the params is "
                    f"{type(param).__module__}.{type(param).__name__}"
                )
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        group = dict(param_group, params=params)
        for name, default in self.defaults.items():
            if default is required and name not in group:
                raise ValueError(
                    "parameter group didn't specify a value of required optimization "
                    f"parameter {name}"
                )
            group.setdefault(name, default)
        seen = {id(p) for existing in self.param_groups for p in existing["params"]}
        if any(id(p) in seen for p in params):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(group)

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Clear every parameter's ``.grad`` (to None, or to zeros with ``set_to_none=False``)."""
        for group in self.param_groups:
            for param in group["params"]:
                if param.grad is None:
                    continue
                if set_to_none:
                    param.grad = None
                else:
                    param.grad.zero_()

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        """One update of every parameter that has a gradient; returns ``closure()``'s loss."""
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        with no_grad():
            for group in self.param_groups:
                for param in group["params"]:
                    if param.grad is not None:
                        self._step_parameter(param, group)
        return loss

    def _step_parameter(self, param: Tensor, group: dict[str, Any]) -> None:
        state = self.state[param]
        result = self.update(
            _value(param), _value(param.grad), {k: _value(v) for k, v in state.items()}, group
        )
        for key, value in result.state.items():
            if key not in state:
                # PyTorch keeps the step count as a float32 0-dim tensor, buffers in p's dtype.
                state[key] = tensor(value, dtype=float32 if key == "step" else param.dtype)
            else:
                _store(state[key], value)
        _store(param, result.param)

    @staticmethod
    def update(
        param: np.ndarray, grad: np.ndarray, state: dict[str, Any], group: dict[str, Any]
    ) -> Update:
        """One step for one parameter (numpy values in, new values out); each optimizer's own."""
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        """State and groups with parameters replaced by their index, as PyTorch saves them."""
        index: dict[int, int] = {}
        groups = []
        for group in self.param_groups:
            for param in group["params"]:
                index.setdefault(id(param), len(index))
            saved = {key: value for key, value in group.items() if key != "params"}
            saved["params"] = [index[id(param)] for param in group["params"]]
            groups.append(saved)
        state = {
            index[id(param)]: {key: value.clone() for key, value in values.items()}
            for param, values in self.state.items()
            if id(param) in index
        }
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore what ``state_dict`` saved onto this optimizer's own parameters."""
        saved_groups = state_dict["param_groups"]
        if len(saved_groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        params = [param for group in self.param_groups for param in group["params"]]
        if any(
            len(saved["params"]) != len(group["params"])
            for saved, group in zip(saved_groups, self.param_groups, strict=True)
        ):
            raise ValueError(
                "loaded state dict contains a parameter group that doesn't match the size of "
                "optimizer's group"
            )
        self.state = defaultdict(dict)
        for position, values in state_dict["state"].items():
            self.state[params[position]] = {key: value.clone() for key, value in values.items()}
        for saved, group in zip(saved_groups, self.param_groups, strict=True):
            group.update({key: deepcopy(value) for key, value in saved.items() if key != "params"})


# Hyperparameters that must be >= 0, with the name PyTorch's error message gives them.
_NON_NEGATIVE = {
    "lr": "learning rate",
    "eps": "epsilon value",
    "momentum": "momentum value",
    "weight_decay": "weight_decay value",
    "alpha": "alpha value",
    "lr_decay": "lr_decay value",
    "initial_accumulator_value": "initial_accumulator_value value",
}


def _validated(**defaults: Any) -> dict[str, Any]:
    """The defaults dict, after PyTorch's "Invalid learning rate: -1" checks."""
    for key, label in _NON_NEGATIVE.items():
        if key in defaults and not defaults[key] >= 0.0:
            raise ValueError(f"Invalid {label}: {defaults[key]}")
    return defaults


def _zeros_or(state: dict[str, Any], key: str, param: np.ndarray) -> np.ndarray:
    """The state buffer ``key``, or zeros shaped like the parameter on the first step."""
    value = state.get(key)
    return np.zeros_like(param) if value is None else value


def _counted_step(state: dict[str, Any]) -> float:
    """PyTorch's ``step_t += 1; step = step_t.item()`` (the count starts at 0)."""
    return float(state.get("step", 0.0)) + 1.0


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum, dampening, Nesterov, weight decay."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        momentum: float = 0,
        dampening: float = 0,
        weight_decay: float = 0,
        nesterov: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
    ) -> None:
        defaults = _validated(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            weight_decay=weight_decay,
            nesterov=nesterov,
            maximize=maximize,
            foreach=foreach,
        )
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    @staticmethod
    def update(param, grad, state, group):  # noqa: ANN001, ANN205 - Optimizer.update
        """g ← g + λθ; b ← μb + (1−τ)g (b₁ = g); g ← g + μb (Nesterov) or b; θ ← θ − γg."""
        grad = -grad if group["maximize"] else grad
        if group["weight_decay"] != 0:
            grad = grad + group["weight_decay"] * param
        new_state = {}
        momentum = group["momentum"]
        if momentum != 0:
            buffer = state.get("momentum_buffer")
            if buffer is None:
                buffer = np.array(grad, copy=True)
            else:
                buffer = momentum * buffer + (1 - group["dampening"]) * grad
            new_state["momentum_buffer"] = buffer
            grad = grad + momentum * buffer if group["nesterov"] else buffer
        return Update(param - group["lr"] * grad, new_state, {"direction": grad})


class Adagrad(Optimizer):
    """Adagrad: each coordinate's step shrinks with the sum of its squared gradients."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        lr_decay: float = 0,
        weight_decay: float = 0,
        initial_accumulator_value: float = 0,
        eps: float = 1e-10,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
    ) -> None:
        defaults = _validated(
            lr=lr,
            lr_decay=lr_decay,
            eps=eps,
            weight_decay=weight_decay,
            initial_accumulator_value=initial_accumulator_value,
            maximize=maximize,
            foreach=foreach,
        )
        super().__init__(params, defaults)
        # Adagrad creates its state eagerly (PyTorch does this in __init__ too).
        for group in self.param_groups:
            for param in group["params"]:
                state = self.state[param]
                state["step"] = tensor(0.0, dtype=float32)
                start = np.full(np.shape(_value(param)), group["initial_accumulator_value"])
                state["sum"] = tensor(start, dtype=param.dtype)

    @staticmethod
    def update(param, grad, state, group):  # noqa: ANN001, ANN205 - Optimizer.update
        """γ̃ = γ/(1 + (t−1)η); s ← s + g²; θ ← θ − γ̃·g/(√s + ε)."""
        step = _counted_step(state)
        grad = -grad if group["maximize"] else grad
        if group["weight_decay"] != 0:
            grad = grad + group["weight_decay"] * param
        clr = group["lr"] / (1 + (step - 1) * group["lr_decay"])
        state_sum = state.get("sum")
        if state_sum is None:
            state_sum = np.full_like(param, group["initial_accumulator_value"])
        state_sum = state_sum + grad * grad
        std = np.sqrt(state_sum) + group["eps"]
        return Update(
            param - clr * (grad / std),
            {"step": step, "sum": state_sum},
            {"clr": clr, "std": std, "grad": grad},
        )


class RMSprop(Optimizer):
    """RMSprop: divide the gradient by a running root mean square of recent gradients."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0,
        momentum: float = 0,
        centered: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
    ) -> None:
        defaults = _validated(
            lr=lr,
            momentum=momentum,
            alpha=alpha,
            eps=eps,
            centered=centered,
            weight_decay=weight_decay,
            maximize=maximize,
            foreach=foreach,
        )
        super().__init__(params, defaults)

    @staticmethod
    def update(param, grad, state, group):  # noqa: ANN001, ANN205 - Optimizer.update
        """v ← αv + (1−α)g²; centered: ḡ ← αḡ + (1−α)g, ṽ = v − ḡ²; d = √ṽ + ε;
        b ← μb + g/d, θ ← θ − γb (momentum) or θ ← θ − γ·g/d."""
        step = _counted_step(state)
        grad = -grad if group["maximize"] else grad
        if group["weight_decay"] != 0:
            grad = grad + group["weight_decay"] * param
        alpha, momentum, lr = group["alpha"], group["momentum"], group["lr"]
        square_avg = alpha * _zeros_or(state, "square_avg", param) + (1 - alpha) * (grad * grad)
        new_state = {"step": step, "square_avg": square_avg}
        if group["centered"]:
            grad_avg = _zeros_or(state, "grad_avg", param)
            grad_avg = grad_avg + (1 - alpha) * (grad - grad_avg)  # PyTorch's lerp_(g, 1 − α)
            new_state["grad_avg"] = grad_avg
            avg = np.sqrt(square_avg - grad_avg * grad_avg)
        else:
            avg = np.sqrt(square_avg)
        avg = avg + group["eps"]
        if momentum > 0:
            buffer = momentum * _zeros_or(state, "momentum_buffer", param) + grad / avg
            new_state["momentum_buffer"] = buffer
            param = param - lr * buffer
        else:
            param = param - lr * (grad / avg)
        return Update(param, new_state, {"avg": avg, "grad": grad})


class Adam(Optimizer):
    """Adam: momentum on the gradient, divided by the root of a running mean of its square."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        decoupled_weight_decay: bool = False,
    ) -> None:
        for index, beta in enumerate(betas):
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"Invalid beta parameter at index {index}: {beta}")
        defaults = _validated(
            lr=lr,
            betas=tuple(betas),
            eps=eps,
            weight_decay=weight_decay,
            amsgrad=amsgrad,
            maximize=maximize,
            foreach=foreach,
            decoupled_weight_decay=decoupled_weight_decay,
        )
        super().__init__(params, defaults)

    @staticmethod
    def update(param, grad, state, group):  # noqa: ANN001, ANN205 - Optimizer.update
        """m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − (γ/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε),
        with the running maximum of v under amsgrad; AdamW first decays θ ← θ(1 − γλ)."""
        step = _counted_step(state)
        grad = -grad if group["maximize"] else grad
        lr, weight_decay, (beta1, beta2) = group["lr"], group["weight_decay"], group["betas"]
        if weight_decay != 0:
            if group["decoupled_weight_decay"]:
                param = param * (1 - lr * weight_decay)
            else:
                grad = grad + weight_decay * param
        exp_avg = _zeros_or(state, "exp_avg", param)
        exp_avg = exp_avg + (1 - beta1) * (grad - exp_avg)  # PyTorch's lerp_(grad, 1 − β₁)
        exp_avg_sq = beta2 * _zeros_or(state, "exp_avg_sq", param) + (1 - beta2) * (grad * grad)
        new_state = {"step": step, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        step_size = lr / bias_correction1
        bias_correction2_sqrt = math.sqrt(bias_correction2)
        second_moment = exp_avg_sq
        if group["amsgrad"]:
            second_moment = np.maximum(_zeros_or(state, "max_exp_avg_sq", param), exp_avg_sq)
            new_state["max_exp_avg_sq"] = second_moment
        denom = np.sqrt(second_moment) / bias_correction2_sqrt + group["eps"]
        details = {
            "grad": grad,
            "m_hat": exp_avg / bias_correction1,
            "v_hat": second_moment / bias_correction2,
            "step_size": step_size,
            "denom": denom,
        }
        return Update(param - step_size * (exp_avg / denom), new_state, details)


class AdamW(Adam):
    """Adam with decoupled weight decay: θ ← θ(1 − γλ) before the Adam step."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
    ) -> None:
        super().__init__(
            params,
            lr,
            betas,
            eps,
            weight_decay,
            amsgrad,
            maximize=maximize,
            foreach=foreach,
            decoupled_weight_decay=True,
        )
