"""The explanation pane's HTML: the core's text for the current step, plus the notes around it.

The sentences and numbers come from the core (``Stepper.explanation``, forward-mode texts, the
passes note, the interpreter's trace and prints, the sandbox's messages); this only arranges them,
in the language shown (``core_text``; a program's printed output stays as printed).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from explorer.core.graph.stepper import Stepper
from explorer.ui.appearance import current_theme
from explorer.ui.i18n import Context, core_text
from explorer.ui.palette import Theme

T = Context("GraphPanel")


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
    return T(
        "{name} is used {count} times, so {count} edges carry gradient back to it: "
        "their contributions add (the multivariate chain rule).",
        name=name,
        count=len(uses),
    )


def explanation_html(stepper: Stepper | None, notes: Notes, theme: Theme | None = None) -> str:
    """The pane's HTML in the colours of ``theme`` (the application's now when None)."""
    theme = theme or current_theme()
    parts: list[str] = [error_html(notes.error, theme)] if notes.error else []
    if stepper is not None:
        state = stepper.state
        phase = T(_PHASES.get(state.phase, state.phase))
        step = T("Step {position} of {length}", position=state.position, length=stepper.length)
        parts.append(f"<b>{step}</b> · {phase}")
        parts.append(f"<p style='font-size:large'>{_text(core_text(stepper.explanation))}</p>")
        fan_out = fan_out_note(stepper)
        if fan_out:
            parts.append(f"<p><i>{_text(fan_out)}</i></p>")
    if notes.forward_text:
        forward = T("Forward mode:")
        forward_text = _text(core_text(notes.forward_text))
        parts.append(f"<p style='color:{theme.info}'>{forward} {forward_text}</p>")
    if notes.passes:
        parts.append(f"<p style='color:{theme.info}'>{_text(core_text(notes.passes))}</p>")
    if notes.sandbox:
        colour = theme.error if notes.sandbox_is_error else theme.foreground
        parts.append(f"<p style='color:{colour}'>{_text(core_text(notes.sandbox))}</p>")
    if notes.trace:
        parts.append(f"<p><b>{T('Control flow:')}</b> {_text(core_text(notes.trace))}</p>")
    if notes.prints:
        rows = "".join(
            f"<tr><td><code>{_text(source)}</code></td>"
            f"<td>→ <code>{_text(printed)}</code></td></tr>"
            for source, printed in notes.prints
        )
        parts.append(f"<b>{T('Printed:')}</b><table cellspacing='4'>{rows}</table>")
    if notes.preset_note:
        expected = T("Expected:")
        note = _text(core_text(notes.preset_note))
        parts.append(f"<p style='color:{theme.muted}'>{expected} {note}</p>")
    return "".join(parts)


def error_text(error: Exception) -> str:
    """A build error as the panel shows it: ``Line 2, column 5: message`` when it knows where."""
    from explorer.core.expr.errors import ExprError

    if not isinstance(error, ExprError):
        return f"{type(error).__name__}: {error}"
    line = getattr(error, "line", None)
    message = core_text(error.message if hasattr(error, "message") else str(error))
    if line and error.column:
        return T(
            "Line {line}, column {column}: {message}",
            line=line,
            column=error.column,
            message=message,
        )
    if line:
        return T("Line {line}: {message}", line=line, message=message)
    if error.column:
        return T("Column {column}: {message}", column=error.column, message=message)
    return message


_PHASES = {
    "start": T.mark("not started"),
    "done": T.mark("finished"),
    "forward": T.mark("forward"),
    "backward": T.mark("backward"),
}


def error_html(message: str, theme: Theme | None = None) -> str:
    return f"<p style='color:{(theme or current_theme()).error}'>{_text(message)}</p>"


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
