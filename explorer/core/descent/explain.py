"""Explain one step of one racer with its numbers: for Adam g, m, v, m̂, v̂ and the step taken.

Every number is read from what the race recorded when it ran the optimizer's ``update`` (nothing is
recomputed), so the explanation is the step the animation shows. The lines follow PyTorch's
formulation (momentum as b ← μb + g, then θ ← θ − ηb).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.descent.race import Trajectory
from explorer.core.text import format_number, subscript, superscript


@dataclass(frozen=True)
class ExplainLine:
    symbol: str  # "m̂"
    rule: str  # "m / (1 − β₁ᵗ)"
    value: np.ndarray

    def text(self) -> str:
        return f"{self.symbol} = {self.rule} = {vector_text(self.value)}"


@dataclass(frozen=True)
class StepExplanation:
    title: str
    lines: tuple[ExplainLine, ...]
    note: str = ""

    def text(self) -> str:
        body = "\n".join(line.text() for line in self.lines)
        return f"{self.title}\n{body}" + (f"\n{self.note}" if self.note else "")

    def value(self, symbol: str) -> np.ndarray:
        return next(line.value for line in self.lines if line.symbol == symbol)


def vector_text(value: np.ndarray, significant: int = 6) -> str:
    """``−0.5`` for one number, ``(−0.5, 2)`` for a point of two."""
    values = np.atleast_1d(np.asarray(value, dtype=np.float64))
    texts = [format_number(float(v), significant) for v in values]
    return texts[0] if len(texts) == 1 else "(" + ", ".join(texts) + ")"


def explain_step(trajectory: Trajectory, step: int) -> StepExplanation | None:
    """The update that took the racer from step − 1 to ``step``; None outside its steps."""
    if not 1 <= step <= trajectory.steps_done:
        return None
    settings = trajectory.settings
    kind = settings.kind
    before = trajectory.points[step - 1]
    after = trajectory.points[step]
    previous, current = f"θ{subscript(step - 1)}", f"θ{subscript(step)}"
    g = trajectory.gradients[step - 1]
    lines = [ExplainLine("g", f"∇f({previous})", g)]
    record = trajectory.record
    eta = format_number(settings.lr)
    if kind == "gd":
        lines.append(ExplainLine("Δθ", f"−η·g, η = {eta}", after - before))
    elif kind in ("momentum", "nesterov"):
        mu = format_number(settings.momentum)
        rule = "g (the first step)" if step == 1 else f"μ·b + g, μ = {mu}"
        lines.append(ExplainLine("b", rule, record("momentum_buffer", step)))
        if kind == "nesterov":
            lines.append(ExplainLine("d", "g + μ·b (look ahead)", record("direction", step)))
            lines.append(ExplainLine("Δθ", f"−η·d, η = {eta}", after - before))
        else:
            lines.append(ExplainLine("Δθ", f"−η·b, η = {eta}", after - before))
    elif kind == "rmsprop":
        alpha = format_number(settings.alpha)
        lines.append(ExplainLine("v", f"α·v + (1 − α)·g², α = {alpha}", record("square_avg", step)))
        lines.append(ExplainLine("√v + ε", "the gradient's running size", record("avg", step)))
        lines.append(ExplainLine("Δθ", f"−η·g / (√v + ε), η = {eta}", after - before))
    elif kind == "adagrad":
        lines.append(ExplainLine("s", "s + g² (all squared gradients so far)", record("sum", step)))
        lines.append(ExplainLine("Δθ", f"−η·g / (√s + ε), η = {eta}", after - before))
    else:  # adam, adamw
        b1, b2 = format_number(settings.beta1), format_number(settings.beta2)
        t = superscript(step)
        lines += [
            ExplainLine("m", f"β₁·m + (1 − β₁)·g, β₁ = {b1}", record("exp_avg", step)),
            ExplainLine("v", f"β₂·v + (1 − β₂)·g², β₂ = {b2}", record("exp_avg_sq", step)),
            ExplainLine("m̂", f"m / (1 − β₁{t})", record("m_hat", step)),
            ExplainLine("v̂", f"v / (1 − β₂{t})", record("v_hat", step)),
            ExplainLine("Δθ", f"−η·m̂ / (√v̂ + ε), η = {eta}", after - before),
        ]
    lines.append(ExplainLine(current, f"{previous} + Δθ", after))
    loss_before, loss_after = trajectory.losses[step - 1], trajectory.losses[step]
    note = (
        f"f went from {format_number(float(loss_before))} to {format_number(float(loss_after))}"
        + (" (up: the step overshot)" if loss_after > loss_before else "")
    )
    if kind == "adamw" and settings.weight_decay:
        factor = 1 - settings.lr * settings.weight_decay
        note += f"; AdamW first shrank θ by the factor 1 − η·λ = {format_number(factor)}"
    return StepExplanation(f"{settings.describe()}, step {step}", tuple(lines), note)
