"""The Lessons dock: the seed's sections with Show me buttons, live Check lines and predictions.

Everything a lesson shows comes from ``explorer.core.lessons``: the text, the Check lines (computed
by core when the lesson opens) and the scoring of a prediction. A "session" Show me is a partial
session handed to the window's session machinery (``window.session.apply``); a Graph Show me goes
through the Graph tab's own ``load_preset`` / ``set_source``. The pane's own words are translated
like the rest of the app (``explorer.ui.i18n``); the lessons carry their own two languages and
are shown in the app's language.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.expr import ExprError
from explorer.core.text import format_number
from explorer.ui import i18n
from explorer.ui.accessible import describe
from explorer.ui.appearance import follow_text_size, set_text_role, text_size_notifier
from explorer.ui.i18n import Context

T = Context("LessonsDock")
P = Context("PredictionBox")


def _core():
    """explorer.core.lessons, imported when the dock is first shown: the first window stays light
    (the lessons reach the autodiff engine, the graph model and sympy, like the Graph tab)."""
    return importlib.import_module("explorer.core.lessons")


VISIBLE_KEY = "lessons/visible"
RIGHT, WRONG = "✓", "✗"
DOCK_WIDTH = 440  # wide enough for the seed's printed lines at the default font
CHECK_TIMEOUT_S = 20.0
TITLE_FONT_FACTOR = 1.25  # a lesson's title against the text (15 px over 12 px at 9 pt)


class LessonTitle(QLabel):
    """A lesson's title (objectName ``lessonTitle``): bold and larger than the text, and growing
    with it (Ctrl+=, presentation mode). A font of its own gets no font change from its parent,
    so it follows the application's text size notifier."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("lessonTitle")
        self.setWordWrap(True)
        self.fit_font()
        text_size_notifier().changed.connect(self.fit_font)

    def fit_font(self) -> None:
        font = QFont(QApplication.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * TITLE_FONT_FACTOR)
        self.setFont(font)


class LessonsDock(QDockWidget):
    """The dock (objectName ``lessonsPanel``) listing the lessons; View ▸ Lessons toggles it."""

    def __init__(self, window: Any, settings: QSettings) -> None:
        super().__init__(window)
        self.setObjectName("lessonsPanel")
        self.window_ = window
        self.settings = settings
        self.lessons: list = []
        self.problems: list[str] = []
        self.loaded = False
        self.sized = False
        # Worker jobs of the page shown: request id -> (check, its label); finished results.
        self._pending: dict[int, tuple[Any, QLabel]] = {}
        self._results: dict[int, Any] = {}
        self._heard: Any = None  # the worker whose answers this dock listens to

        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("lessonList")
        describe(self.lesson_list, T.lazy("Lessons"))
        self.lesson_list.currentRowChanged.connect(self._show_lesson)
        self.lesson_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lesson_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.scroll = QScrollArea()
        # A tab stop: the arrow keys scroll a long lesson.
        describe(self.scroll, T.lazy("Lesson text"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._clear()
        self.notice = QLabel()
        self.notice.setObjectName("lessonsNotice")
        self.notice.setWordWrap(True)
        set_text_role(self.notice, "caution")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.lesson_list)
        splitter.addWidget(self.scroll)
        splitter.setSizes([170, 600])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.checks: list[tuple[Any, QLabel]] = []
        self.show_buttons: list[tuple[Any, QPushButton]] = []
        T.window_title(self, "Lessons")
        T.text(self.toggleViewAction(), "&Lessons")
        self._retranslate()
        # Hidden until asked for (View ▸ Lessons), then as the learner left it: the tabs keep
        # the whole window on a first start.
        self.setVisible(settings.value(VISIBLE_KEY, False, type=bool))
        self.toggleViewAction().triggered.connect(
            lambda checked: self.settings.setValue(VISIBLE_KEY, checked)
        )

    # ----- language -----------------------------------------------------------------------------

    def view_actions(self) -> list[QAction]:
        """View ▸ Lessons."""
        return [self.toggleViewAction()]

    @staticmethod
    def text(text: dict[str, str]) -> str:
        """A lesson text in the app's language; without a Chinese font, no Chinese terms."""
        if i18n.chinese_font_installed():
            return text[i18n.shown_language()]
        return _core().without_chinese(text[i18n.shown_language()])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        notes = list(self.problems)
        notice = i18n.missing_font_notice()
        if notice:
            # Said once, in words every font can draw, instead of a pane of boxes.
            notes.insert(0, notice)
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        # No page before the first lesson is chosen (or the dock shown): the window adds its
        # tabs after building the dock, and which Show me has a tab is known only then.
        row = self.lesson_list.currentRow()
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for number, lesson in enumerate(self.lessons, start=1):
            self.lesson_list.addItem(f"{number}. {self.text(lesson.title)}")
        self.lesson_list.blockSignals(False)
        if row >= 0:
            self.lesson_list.setCurrentRow(row)
            self._show_lesson(row)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.sized:
            self.sized = True
            self.window_.resizeDocks([self], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.load()
        if self.lesson_list.currentRow() < 0 and self.lessons:
            self.lesson_list.setCurrentRow(0)

    # ----- a lesson -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the lesson files (once) and list them."""
        if not self.loaded:
            self.loaded = True
            loaded = _core().load_lessons()
            self.lessons, self.problems = loaded.lessons, loaded.problems
            self._retranslate()

    def current_lesson(self) -> Any:
        row = self.lesson_list.currentRow()
        return self.lessons[row] if 0 <= row < len(self.lessons) else None

    def _clear(self) -> None:
        # A fresh page: the scroll area deletes the previous one.
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.content)
        self.checks, self.show_buttons = [], []
        self._pending.clear()  # answers for the page being replaced are dropped

    def _show_lesson(self, row: int) -> None:
        self._clear()
        if not 0 <= row < len(self.lessons):
            return
        lesson = self.lessons[row]
        language = i18n.shown_language()
        self.content_layout.addWidget(LessonTitle(self.text(lesson.title)))
        for paragraph in self.text(lesson.body).split("\n\n"):
            self.content_layout.addWidget(_wrapped(paragraph))
        for show in lesson.shows:
            button = QPushButton(self.text(show.label))
            button.setObjectName("showMe")
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            follow_text_size(button)
            # A narrow dock cuts a long label rather than pushing the page wider than the dock.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            present = self._tab_index(show.tab) is not None
            button.setEnabled(present)
            if not present:
                T.tip(button, "This app has no {tab} tab.", tab=show.tab)
            button.clicked.connect(lambda _=False, s=show: self.show_me(s))
            self.show_buttons.append((show, button))
            self.content_layout.addWidget(button)
        for check in lesson.checks:
            self.content_layout.addWidget(self._check_line(check, language))
        for prediction in lesson.predictions:
            self.content_layout.addWidget(PredictionBox(prediction, language, self))

    def _check_line(self, check: Any, language: str) -> QLabel:
        label = QLabel()
        label.setObjectName("checkLine")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks.append((check, label))
        result = self._results.get(id(check))
        if result is None:
            request = self._worker_request(check)
            if request is None:
                result = self._results[id(check)] = _core().run_check(check)
            else:
                # sympy's part runs in the worker process: the page opens at once.
                self._pending[self.window_.worker.submit(*request, timeout=CHECK_TIMEOUT_S)] = (
                    check,
                    label,
                )
        self._show_check(label, check, result)
        return label

    def _worker_request(self, check: Any) -> tuple[str, dict] | None:
        worker = getattr(self.window_, "worker", None)
        if worker is None:
            return None  # no worker (a command-line export): computed here
        if worker is not self._heard:
            self._heard = worker
            worker.result_ready.connect(self._on_worker_result)
            worker.failed.connect(self._on_worker_failed)
        try:
            return _core().worker_request(check)
        except ValueError:
            return None  # its state is refused: run_check says so in the Check line

    def _show_check(self, label: QLabel, check: Any, result: Any) -> None:
        source = {"seed": T("the notes"), "d2l": "d2l", "worked": T("the lesson")}
        seed = check.seed if result is None else result.seed
        mark = "…" if result is None else RIGHT if result.agrees else WRONG
        rows = [f"<b>{mark} " + T("Check: {label}", label=_html(self.text(check.label))) + "</b>"]
        seed_lines = "<br>".join(_code(line) for line in seed)
        rows.append(T("{who}: {lines}", who=source[check.source], lines=seed_lines))
        if result is None:
            app = _html(T("computing in the background…"))
        else:
            app = "<br>".join(_code(line) for line in result.app or (result.error,))
        rows.append(T("{who}: {lines}", who=T("this app"), lines=app))
        label.setText("<br>".join(rows))
        # The verdict's fill from the theme ({name} is filled in by set_text_role).
        fill = (
            "legend_fill" if result is None else "agree_fill" if result.agrees else "disagree_fill"
        )
        set_text_role(label, "", f"background: {{{fill}}}; padding: 6px; border-radius: 4px;")

    def _on_worker_result(self, request_id: int, _task: str, result: object) -> None:
        if request_id in self._pending:
            check, label = self._pending.pop(request_id)
            answer = _core().worker_check_result(check, result if isinstance(result, dict) else {})
            self._finish_check(check, label, answer)

    def _on_worker_failed(self, request_id: int, _task: str, message: str) -> None:
        if request_id in self._pending:
            check, label = self._pending.pop(request_id)
            self._finish_check(check, label, _core().failed_check(check, message))

    def _finish_check(self, check: Any, label: QLabel, result: Any) -> None:
        self._results[id(check)] = result
        self._show_check(label, check, result)

    # ----- show me ------------------------------------------------------------------------------

    def _tab_index(self, title: str) -> int | None:
        return self.window_.tab_index(title)

    def show_me(self, show: Any) -> None:
        """Put the Show me's tab in its state and bring it to the front."""
        index = self._tab_index(show.tab)
        if index is None:
            return
        if show.session is not None:
            self.window_.session.apply(show.session)
            return
        # Shown first: a tab not shown yet is built then (before, its widget is a placeholder).
        self.window_.tabs.setCurrentIndex(index)
        panel = self.window_.tabs.widget(index)
        if "preset" in show.graph:
            panel.load_preset(show.graph["preset"])
        else:
            panel.set_source(show.graph["python"], "python")


class PredictionBox(QFrame):
    """Type a prediction, then reveal: the app's answer, and the usual mistake a guess matches."""

    def __init__(self, prediction: Any, language: str, dock: LessonsDock) -> None:
        super().__init__()
        self.setObjectName("prediction")
        self.prediction = prediction
        self.language = language
        set_text_role(self, "", "#prediction {{ border: 1px solid {frame}; border-radius: 4px; }}")
        layout = QVBoxLayout(self)
        predict_word = P("Predict")
        layout.addWidget(_wrapped(f"<b>{predict_word}:</b> {dock.text(prediction.question)}"))
        row = QHBoxLayout()
        self.guess = QLineEdit()
        self.guess.setObjectName("predictionGuess")
        describe(self.guess, P.lazy("Your prediction"))
        self.guess.setPlaceholderText(P("your prediction, e.g. -2048 or 1/3"))
        self.reveal_button = QPushButton(P("Reveal"))
        self.reveal_button.setObjectName("reveal")
        row.addWidget(self.guess, 1)
        row.addWidget(self.reveal_button)
        layout.addLayout(row)
        self.result = _wrapped("")
        self.result.setObjectName("predictionResult")
        layout.addWidget(self.result)
        self.dock = dock
        self.reveal_button.clicked.connect(self.reveal)
        self.guess.returnPressed.connect(self.reveal)

    def reveal(self) -> None:
        text = self.guess.text()
        if not text.strip():
            self.result.setText(P("Type a number first: predicting is the point."))
            return
        try:
            guess = importlib.import_module("explorer.core.gradient.surface").parse_number(
                text, "prediction"
            )
        except ExprError as error:
            self.result.setText(error.message)
            return
        verdict = _core().score_prediction(self.prediction, guess)
        answer = format_number(verdict.answer)
        if verdict.correct:
            self.result.setText(f"{RIGHT} " + P("Right: {answer}.", answer=answer))
        elif verdict.mistake is not None:
            mistake = _core().MISTAKES[verdict.mistake][self.language]
            self.result.setText(
                f"{WRONG} "
                + P(
                    "The answer is {answer}. Your {guess} looks like {mistake}.",
                    answer=answer,
                    guess=format_number(guess),
                    mistake=mistake,
                )
            )
        else:
            self.result.setText(f"{WRONG} " + P("The answer is {answer}.", answer=answer))


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(line: str) -> str:
    return f"<code>{_html(line)}</code>"
