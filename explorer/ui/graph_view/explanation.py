"""The explanation pane's HTML: the core's text for the current step, plus the notes around it.

The sentences and numbers come from the core (``Stepper.explanation``, forward-mode texts, the
passes note, the interpreter's trace and prints, the sandbox's messages); this only arranges them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from explorer.core.graph.stepper import Stepper

_ERROR_COLOUR = "#b00020"


@dataclass
class Notes:
    """Everything besides the step's own text that the pane shows."""

    preset_note: str = ""
    trace: str = ""
    prints: list[tuple[str, str]] = field(default_factory=list)  # (source line, printed text)
    sandbox: str = ""
    sandbox_is_error: bool = False
    forward_text: str = ""  # the tangent's chain rule at the current node
    passes: str = ""
    error: str = ""  # the last build error (the graph shown is the previous one)


def fan_out_note(stepper: Stepper) -> str:
    """At a backward step on a node used more than once: say the contributions add."""
    step = stepper.current_step
    if step is None or step.phase != "backward":
        return ""
    model = stepper.model
    uses = [
        e
        for e in model.outgoing(step.node_id)
        if not e.detached and model.node(e.target).grad is not None
    ]
    if len(uses) < 2:
        return ""
    name = model.node(step.node_id).symbol
    return (
        f"{name} is used {len(uses)} times, so {len(uses)} edges carry gradient back to it: "
        "their contributions add (the multivariate chain rule)."
    )


def explanation_html(stepper: Stepper | None, notes: Notes) -> str:
    parts: list[str] = [error_html(notes.error)] if notes.error else []
    if stepper is not None:
        state = stepper.state
        phase = {"start": "not started", "done": "finished"}.get(state.phase, state.phase)
        parts.append(f"<b>Step {state.position} of {stepper.length}</b> · {phase}")
        parts.append(f"<p style='font-size:large'>{_text(stepper.explanation)}</p>")
        fan_out = fan_out_note(stepper)
        if fan_out:
            parts.append(f"<p><i>{_text(fan_out)}</i></p>")
    if notes.forward_text:
        parts.append(f"<p style='color:#1864ab'>Forward mode: {_text(notes.forward_text)}</p>")
    if notes.passes:
        parts.append(f"<p style='color:#1864ab'>{_text(notes.passes)}</p>")
    if notes.sandbox:
        colour = _ERROR_COLOUR if notes.sandbox_is_error else "#1f1f1f"
        parts.append(f"<p style='color:{colour}'>{_text(notes.sandbox)}</p>")
    if notes.trace:
        parts.append(f"<p><b>Control flow:</b> {_text(notes.trace)}</p>")
    if notes.prints:
        rows = "".join(
            f"<tr><td><code>{_text(source)}</code></td>"
            f"<td>→ <code>{_text(printed)}</code></td></tr>"
            for source, printed in notes.prints
        )
        parts.append(f"<b>Printed:</b><table cellspacing='4'>{rows}</table>")
    if notes.preset_note:
        parts.append(f"<p style='color:#555'>Expected: {_text(notes.preset_note)}</p>")
    return "".join(parts)


def error_text(error: Exception) -> str:
    """A build error as the panel shows it: ``Line 2, column 5: message`` when it knows where."""
    from explorer.core.expr.errors import ExprError

    if not isinstance(error, ExprError):
        return f"{type(error).__name__}: {error}"
    line = getattr(error, "line", None)
    where = [f"line {line}"] if line else []
    where += [f"column {error.column}"] if error.column else []
    message = error.message if hasattr(error, "message") else str(error)
    return f"{', '.join(where).capitalize()}: {message}" if where else message


def error_html(message: str) -> str:
    return f"<p style='color:{_ERROR_COLOUR}'>{_text(message)}</p>"


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
