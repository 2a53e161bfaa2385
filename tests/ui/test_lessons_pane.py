"""The Lessons dock: every Show me puts its tab in the state its Check line computes from."""

from dataclasses import replace

from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QPushButton

from explorer.core.lessons import load_lessons, run_check
from explorer.core.lessons.checks import named_steps_lines, partial_lines
from explorer.core.lessons.model import STATE_CLASSES
from explorer.core.panel_state import state_from_dict
from explorer.ui import i18n
from explorer.ui.i18n import LANGUAGE_KEY
from explorer.ui.lessons_pane import VISIBLE_KEY
from explorer.ui.main_window import MainWindow

SHOWS = [(lesson, show) for lesson in load_lessons().lessons for show in lesson.shows]


def test_the_dock_lists_the_lessons_and_view_lessons_toggles_it(window, qtbot):
    dock = window.findChild(QDockWidget, "lessonsPanel")
    assert dock is window.lessons and not dock.isVisible()  # the tabs keep the window at first
    action = next(a for a in window.view_menu.actions() if a.text() == "&Lessons")
    action.trigger()
    qtbot.waitUntil(dock.isVisible)
    assert dock.lesson_list.count() == len(load_lessons().lessons)
    # the first lesson's Check line is on screen: two clicks from a fresh start
    assert "numerical limit=2.00030" in dock.checks[0][1].text()
    assert window.settings.value(VISIBLE_KEY, type=bool)
    action.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not window.settings.value(VISIBLE_KEY, type=bool)


def test_every_show_me_reproduces_its_check_numbers(window, qtbot):
    window.resize(1280, 800)
    # One window for all of them, as a learner clicks through the lessons.
    for lesson, show in SHOWS:
        _show_me_reproduces_the_check_numbers(window, qtbot, lesson, show)


def _show_me_reproduces_the_check_numbers(window, qtbot, lesson, show):
    dock = window.lessons
    dock.load()
    dock.lesson_list.setCurrentRow(load_lessons().lessons.index(lesson))
    buttons = {s.id: b for s, b in dock.show_buttons}
    if not buttons[show.id].isEnabled():
        # a tab this build does not have (the Gradient tab is another issue's): said, not hidden
        assert window.tab_index(show.tab) is None
        assert show.tab in buttons[show.id].toolTip()
        return
    buttons[show.id].click()
    qtbot.waitUntil(lambda: window.tab_key(window.tabs.currentIndex()) == show.tab)
    panel = window.current_panel()
    checks = [check for check in lesson.checks if check.show is show]
    if show.session is not None:
        expected = state_from_dict(STATE_CLASSES[show.tab], show.session.panels[show.tab])
        # every field the lesson sets (a view may widen its ranges to keep its aspect)
        state = panel.state()
        for key in show.session.panels[show.tab]:
            assert getattr(state, key) == getattr(expected, key), (lesson.name, show.id, key)
        if show.session.expression:
            assert window.expression_input.text() == show.session.expression
        # the window's own state, captured as a session, computes the same Check numbers
        shown = replace(show, session=window.session.capture())
        for check in checks:
            assert run_check(replace(check, show=shown)).agrees, (lesson.name, show.id)
    elif "preset" in show.graph and panel.mode() == "definitions":
        qtbot.waitUntil(lambda: panel.model is not None)
        # the tab's own model prints the seed's lines (its edges carry the single-step partials)
        for check in checks:
            lines = partial_lines if check.kind == "partials" else named_steps_lines
            app = [line.strip() for line in lines(panel.model)]
            assert all(line.strip() in app for line in check.seed), (lesson.name, show.id)
    else:
        shown = replace(show, graph={"python": panel.source_text()})
        assert panel.mode() == "python"
        for check in checks:
            assert run_check(replace(check, show=shown)).agrees, (lesson.name, show.id)


def test_every_lesson_opens_in_both_languages(window, qtbot):
    dock = window.lessons
    dock.load()
    for language in ("en", "zh"):
        window.language_menu.choose(language)
        assert window.settings.value(LANGUAGE_KEY) == language
        for row in range(dock.lesson_list.count()):
            dock.lesson_list.setCurrentRow(row)
            lesson = dock.current_lesson()
            title = dock.content.findChild(QLabel, "lessonTitle").text()
            assert title == dock.text(lesson.title)
            assert len(dock.checks) == len(lesson.checks)
            # sympy's checks come back from the worker process
            qtbot.waitUntil(
                lambda: all("✓" in label.text() for _, label in dock.checks), timeout=30_000
            )


def test_chinese_without_a_chinese_font_says_so_once(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: False)
    dock = window.lessons
    dock.load()
    window.language_menu.choose("zh")
    assert i18n.shown_language() == "en"
    assert "No font with Chinese characters" in dock.notice.text()
    assert dock.notice.text().count("No font") == 1
    # and the English text drops its Chinese glosses rather than drawing boxes
    dock.lesson_list.setCurrentRow(0)
    body = "\n".join(label.text() for label in dock.content.findChildren(QLabel))
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in body)


def test_predict_then_reveal_names_the_mistake(window, qtbot):
    dock = window.lessons
    dock.load()
    window.language_menu.choose("en")
    names = [lesson.name for lesson in dock.lessons]
    dock.lesson_list.setCurrentRow(names.index("07-chain-rule"))
    guess = dock.content.findChild(QLineEdit, "predictionGuess")
    reveal = dock.content.findChild(QPushButton, "reveal")
    result = dock.content.findChild(QLabel, "predictionResult")
    guess.setText("-2048")
    reveal.click()
    assert "−4096" in result.text() and "a path was left out" in result.text()
    guess.setText("-4096")
    reveal.click()
    assert result.text().startswith("✓")
    guess.setText("minus four")
    reveal.click()
    assert result.text() and "✓" not in result.text()


def test_the_language_is_remembered(qtbot, settings):
    settings.setValue(LANGUAGE_KEY, "zh")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert i18n.language() == "zh"
    window.language_menu.choose("en")
    assert settings.value(LANGUAGE_KEY) == "en"


def test_the_integral_check_runs_in_the_worker_not_on_the_gui_thread(window, qtbot, monkeypatch):
    # sympy's integral takes about a second: the page opens at once and the line fills in later.
    def on_the_gui_thread(payload):
        raise AssertionError("sympy's integral ran on the GUI thread")

    monkeypatch.setattr("explorer.core.lessons.checks.integral_exact", on_the_gui_thread)
    dock = window.lessons
    dock.load()
    names = [lesson.name for lesson in dock.lessons]
    dock.lesson_list.setCurrentRow(names.index("10-integrals"))
    (check, label), *_ = dock.checks
    assert "…" in label.text()  # computing, the window free meanwhile
    qtbot.waitUntil(lambda: "✓" in label.text(), timeout=30_000)
    assert "∫[0, 1] x^2 dx = 1/3" in label.text()
    # opened again: the answer is kept, not asked for again
    dock.lesson_list.setCurrentRow(0)
    dock.lesson_list.setCurrentRow(names.index("10-integrals"))
    assert "✓" in dock.checks[0][1].text()
