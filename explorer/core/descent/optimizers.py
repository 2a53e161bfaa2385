"""The optimizers a race can run (GD, momentum, Nesterov, RMSProp, Adam, …) and their settings.

Each kind names the ``torch.optim`` class it is and which hyperparameters the learner sets; the
settings turn into that class's keyword arguments, so the race, the "copy as code" script and the
tests all describe an optimizer the same way. ``parse_settings`` reads the CLI's
``adam:lr=0.3,beta1=0.8`` form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from explorer.core.autodiff import optim
from explorer.core.autodiff.creation import tensor
from explorer.core.expr import ExprError
from explorer.core.text import format_number


@dataclass(frozen=True)
class OptimizerKind:
    key: str
    label: str
    torch_class: type[optim.Optimizer]
    # The OptimizerSettings fields this kind uses, in the order the panel shows them.
    hyperparameters: tuple[str, ...]
    # Settings that differ from OptimizerSettings' defaults for this kind.
    defaults: tuple[tuple[str, float], ...] = ()


KINDS: dict[str, OptimizerKind] = {
    kind.key: kind
    for kind in (
        OptimizerKind("gd", "GD", optim.SGD, ("lr",)),
        OptimizerKind("momentum", "Momentum", optim.SGD, ("lr", "momentum"), (("lr", 0.05),)),
        OptimizerKind("nesterov", "Nesterov", optim.SGD, ("lr", "momentum"), (("lr", 0.05),)),
        OptimizerKind("rmsprop", "RMSProp", optim.RMSprop, ("lr", "alpha"), (("lr", 0.05),)),
        OptimizerKind("adam", "Adam", optim.Adam, ("lr", "beta1", "beta2")),
        OptimizerKind("adagrad", "Adagrad", optim.Adagrad, ("lr",), (("lr", 0.5),)),
        OptimizerKind(
            "adamw", "AdamW", optim.AdamW, ("lr", "beta1", "beta2", "weight_decay"),
            (("weight_decay", 0.01),),
        ),
    )
}  # fmt: skip
# The five the race offers by default, in the order they are listed and coloured.
RACE_KINDS = ("gd", "momentum", "nesterov", "rmsprop", "adam")
# Names the CLI also accepts.
ALIASES = {"sgd": "gd", "rmsprop": "rmsprop", "nag": "nesterov"}

# What each hyperparameter is called on screen.
SYMBOLS = {
    "lr": "η",
    "momentum": "μ",
    "beta1": "β₁",
    "beta2": "β₂",
    "alpha": "α",
    "eps": "ε",
    "weight_decay": "λ",
}


@dataclass(frozen=True)
class OptimizerSettings:
    """One racer: its kind and hyperparameters (fields a kind does not use are ignored)."""

    kind: str
    lr: float = 0.1
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    # d2l's RMSProp uses γ = 0.9; PyTorch's default 0.99 makes the first steps ten times η.
    alpha: float = 0.9
    eps: float = 1e-8
    weight_decay: float = 0.0

    def __post_init__(self) -> None:
        # A saved session may hold anything: refuse what torch.optim would refuse, by name.
        if self.kind not in KINDS:
            raise ValueError(f"unknown optimizer kind {self.kind!r} (known: {', '.join(KINDS)})")
        for name in _FIELDS:
            if not math.isfinite(getattr(self, name)):
                raise ValueError(f"{name} must be a finite number")
        parameter_group(self)

    @property
    def spec(self) -> OptimizerKind:
        return KINDS[self.kind]

    @property
    def label(self) -> str:
        return self.spec.label

    def describe(self) -> str:
        """``Momentum (η = 0.05, μ = 0.9)``."""
        values = ", ".join(
            f"{SYMBOLS[name]} = {format_number(getattr(self, name))}"
            for name in self.spec.hyperparameters
        )
        return f"{self.label} ({values})"

    def torch_arguments(self) -> dict[str, Any]:
        """Keyword arguments of the ``torch.optim`` class that is this optimizer."""
        kind = self.kind
        if kind == "gd":
            return {"lr": self.lr}
        if kind in ("momentum", "nesterov"):
            arguments: dict[str, Any] = {"lr": self.lr, "momentum": self.momentum}
            return {**arguments, "nesterov": True} if kind == "nesterov" else arguments
        if kind == "rmsprop":
            return {"lr": self.lr, "alpha": self.alpha, "eps": self.eps}
        if kind == "adagrad":
            return {"lr": self.lr}
        arguments = {"lr": self.lr, "betas": (self.beta1, self.beta2), "eps": self.eps}
        return {**arguments, "weight_decay": self.weight_decay} if kind == "adamw" else arguments


def default_settings(kind: str) -> OptimizerSettings:
    """The settings a kind starts with in the panel and the CLI."""
    return OptimizerSettings(kind, **dict(KINDS[kind].defaults))


_FIELDS = {field.name for field in fields(OptimizerSettings)} - {"kind"}


def parse_settings(text: str) -> OptimizerSettings:
    """``adam:lr=0.3,beta1=0.8`` (also ``betas=0.8/0.99``); raises ExprError with what is wrong."""
    name, _, assignments = text.strip().partition(":")
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in KINDS:
        known = ", ".join([*KINDS, *sorted(set(ALIASES) - set(KINDS))])
        raise ExprError(f"Unknown optimizer '{name.strip()}' in '{text}'. Known: {known}")
    values = dict(KINDS[key].defaults)
    accepted = (*KINDS[key].hyperparameters, "eps")
    for assignment in filter(None, (part.strip() for part in assignments.split(","))):
        field, equals, value_text = (part.strip() for part in assignment.partition("="))
        if not equals:
            raise ExprError(f"Write name=value in '{text}' (got '{assignment}')")
        if field == "betas":
            parts = value_text.split("/")
            if len(parts) != 2 or "beta1" not in accepted:
                raise ExprError(f"betas takes two numbers, beta1/beta2, for Adam ('{text}')")
            values["beta1"] = _number(parts[0], field, text)
            values["beta2"] = _number(parts[1], field, text)
            continue
        if field not in _FIELDS or field not in accepted:
            raise ExprError(
                f"{KINDS[key].label} has no setting '{field}' ('{text}'); it takes "
                + ", ".join(accepted)
            )
        values[field] = _number(value_text, field, text)
    try:
        return OptimizerSettings(key, **values)
    except ValueError as error:  # torch.optim's own message: "Invalid learning rate: -1.0"
        raise ExprError(f"{KINDS[key].label}: {error}") from None


def _number(text: str, field: str, whole: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ExprError(f"{field} must be a number, not '{text}' ('{whole}')") from None
    if not math.isfinite(value):
        raise ExprError(f"{field} must be a finite number ('{whole}')")
    return value


def parameter_group(settings: OptimizerSettings) -> dict[str, Any]:
    """The hyperparameter group ``torch.optim`` builds for these settings (defaults filled in)."""
    placeholder = tensor([0.0], requires_grad=True)
    optimizer = settings.spec.torch_class([placeholder], **settings.torch_arguments())
    return optimizer.param_groups[0]
