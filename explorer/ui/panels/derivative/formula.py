"""A derivative's formula line: our rules' form at once, sympy's tidier one from the worker.

``SimplifiedFormula`` is one component used twice by the Derivative panel, for f′ and for f″.
It owns its label and status label, asks the worker for sympy's form of the current f (once per
f, under its own request id and channel, so an f′ answer and an f″ answer never cross, and an
answer for an older f is dropped), and shows sympy's form only when ``choose_derivative_form``
accepted it (in our language, smaller, numerically equal, same domain).
``FittedTitle`` is the plot title naming f and f′, elided to the plot's width.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

from explorer.core.derivative.from_sympy import KEPT_OURS
from explorer.ui import i18n
from explorer.ui.appearance import set_text_role
from explorer.ui.i18n import Context, CoreText
from explorer.ui.plot import PlotView

T = Context("DerivativePanel")

SIMPLIFY_TIMEOUT_S = 8.0
_TITLE_POINT_SIZE = 12
_TITLE_GAP = "\u00a0" * 6
# Room the title leaves at the plot's edges (its label's margins, a little slack).
_TITLE_MARGIN_PX = 24


class SimplifiedFormula(QObject):
    """``name = formula`` in ``label`` and how it was simplified in ``status``.

    ``reset(source, derived)`` starts a new f (``derived()`` gives our rules' form, computed
    only when shown); ``request()`` asks the worker for sympy's; ``simplified`` fires with
    sympy's form when it is accepted.
    """

    simplified = Signal(str)

    def __init__(
        self,
        label: QLabel,
        status: QLabel,
        *,
        name: str,
        task: str,
        channel: str,
        derived_tooltip: str,
        idle_status: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.label, self.status = label, status
        self.name, self.task, self.channel = name, task, channel
        self._derived_tooltip = derived_tooltip
        self._idle_status = idle_status
        self._worker: Any = None
        self._request_id: int | None = None
        self._source: str | None = None
        self._derived: Callable[[], str] | None = None
        # The source text the worker has answered for, and its accepted form (None: ours).
        self._answered_for: str | None = None
        self._sympy_form: str | None = None
        self._shown = True

    def set_worker(self, worker: Any) -> None:
        if self._worker is not None:
            self._worker.result_ready.disconnect(self._on_result)
            self._worker.failed.disconnect(self._on_failed)
        self._worker = worker
        if worker is not None:
            worker.result_ready.connect(self._on_result)
            worker.failed.connect(self._on_failed)

    def reset(self, source: str | None, derived: Callable[[], str]) -> None:
        """A new f: its formula is ours until the worker says otherwise; older answers drop."""
        self.cancel()
        self._source, self._derived = source, derived
        self._answered_for = self._sympy_form = None
        self._set_status(T.lazy(self._idle_status) if self._idle_status else "", "muted", "")
        T.tip(self.label, self._derived_tooltip)
        self.refresh()

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        self.refresh()

    def refresh(self) -> None:
        shown = self._shown and self._derived is not None
        self.label.setVisible(shown)
        self.status.setVisible(shown and bool(self.status.text()))
        if shown:
            self.label.setText(f"{self.name} = {self.text()}")

    def text(self) -> str:
        """The formula as shown: sympy's form when it was accepted for this f, else ours."""
        if self._sympy_form is not None and self._answered_for == self._source:
            return self._sympy_form
        return self._derived() if self._derived is not None else ""

    def derived_text(self) -> str:
        return self._derived() if self._derived is not None else ""

    def formula_text(self) -> str:
        return self.label.text()

    def status_text(self) -> str:
        return self.status.text()

    def request(self) -> None:
        """Ask the worker for sympy's form, once per f."""
        source = self._source
        if (
            self._worker is None
            or source is None
            or self._request_id is not None
            or self._answered_for == source
        ):
            return
        payload = {"text": source, "variables": ["x"], "parameters": True}
        self._request_id = self._worker.submit(
            self.task, payload, timeout=SIMPLIFY_TIMEOUT_S, channel=self.channel
        )
        self._set_status(T.lazy("simplifying…"), "muted", "")

    def cancel(self) -> None:
        if self._request_id is not None and self._worker is not None:
            self._worker.cancel(self._request_id)
        self._request_id = None

    def _on_result(self, request_id: int, task: str, result: object) -> None:
        if request_id != self._request_id or task != self.task:
            return
        self._request_id = None
        if not isinstance(result, dict):
            return
        self._answered_for = self._source
        simplified = str(result.get("simplified", ""))
        sympy_form = str(result.get("sympy_form", ""))
        if result.get("simplified_source") != "sympy" or not simplified:
            # sympy's form is outside our language, no smaller, or not equal: ours stays.
            reason = str(result.get("simplified_reason", ""))
            self._set_status(CoreText(KEPT_OURS), "muted", f"{reason}\nsympy: {sympy_form}")
            return
        self._sympy_form = simplified
        T.tip(self.label, "By the rules: {formula}", formula=self.derived_text())
        self._set_status(T.lazy("✓ simplified (sympy)"), "ok", f"sympy: {sympy_form}")
        self.refresh()
        self.simplified.emit(simplified)

    def _on_failed(self, request_id: int, task: str, message: str) -> None:
        if request_id != self._request_id:
            return
        self._request_id = None
        # Not asked again for this f: the time limit would only run out again. Quietly: the
        # derived form is correct, just not tidied up.
        self._answered_for = self._source
        if "longer than" in message:
            status = T.lazy("not simplified (sympy ran out of time); shown as derived")
        else:
            status = T.lazy("not simplified (sympy failed); shown as derived")
        self._set_status(status, "muted", message)

    def _set_status(self, text: object, role: str, tooltip: str) -> None:
        i18n.bind(self.status, "setText", text)
        set_text_role(self.status, role)
        self.status.setToolTip(tooltip)
        self.status.setVisible(bool(text) and self._shown and self._derived is not None)


class FittedTitle(QObject):
    """The plot's title "f(x) = …      f′(x) = …", elided to the plot's width (whole text in its
    tooltip): pyqtgraph makes a title's width the plot's minimum width, so a long formula would
    push the plot past its frame. Refitted when the plot is resized or shown."""

    def __init__(self, plot: PlotView) -> None:
        super().__init__(plot)
        self.plot = plot
        self._parts: tuple[str, str] | None = None
        plot.plot_widget.installEventFilter(self)
        # A new theme or text size recolours and resizes the title.
        plot.restyled.connect(self.fit)

    def set_parts(self, first: str, second: str) -> None:
        self._parts = (first, second)
        self.fit()

    def text(self) -> str:
        """The title as shown (possibly elided), without markup."""
        return self.plot.plot_item.titleLabel.item.toPlainText()

    def fit(self) -> None:
        if self._parts is None:
            return
        plot_item = self.plot.plot_item
        label = plot_item.titleLabel
        label.setToolTip("\n".join(self._parts))
        size = self.plot.point_size(_TITLE_POINT_SIZE)
        if not self.plot.plot_widget.isVisible():
            # Hidden (a CLI export, a tab not shown yet): the widget has no real width to fit,
            # and the export lays the plot out at its own size, so show the whole title. It is
            # fitted again when the plot is shown.
            whole = _TITLE_GAP.join(html.escape(part) for part in self._parts)
            self.plot.set_title(whole, points=_TITLE_POINT_SIZE)
            return
        font = QFont(label.item.font())
        font.setPointSizeF(size)
        metrics = QFontMetricsF(font)
        # The title sits over the view box: the widget minus the left axis and the margins.
        axis = plot_item.getAxis("left")
        room = self.plot.plot_widget.width() - axis.width() - _TITLE_MARGIN_PX
        for _ in range(4):
            text = _elided_title(self._parts, metrics, room - metrics.horizontalAdvance(_TITLE_GAP))
            self.plot.set_title(text, points=_TITLE_POINT_SIZE)
            excess = label.itemRect().width() - room
            if excess <= 0:
                break
            room -= excess  # the rich-text item measures a little wider than the metrics

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def _elided_title(parts: tuple[str, str], metrics: QFontMetricsF, room: float) -> str:
    """f and f′ cut with "…" to fit ``room`` pixels together; f keeps its full text while f′
    still gets half the room."""
    first, second = parts
    needed = metrics.horizontalAdvance(second)
    first_room = min(metrics.horizontalAdvance(first), max(room / 2, room - needed))
    first = metrics.elidedText(first, Qt.TextElideMode.ElideRight, max(first_room, 0))
    second_room = max(room - metrics.horizontalAdvance(first), 0)
    second = metrics.elidedText(second, Qt.TextElideMode.ElideRight, second_room)
    return f"{html.escape(first)}{_TITLE_GAP}{html.escape(second)}"
