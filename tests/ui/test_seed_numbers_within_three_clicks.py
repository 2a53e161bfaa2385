"""Every worked number of the notes is on screen within three clicks of opening the app.

The test clicks as a learner does and counts: View ▸ Lessons (1), the lesson (2), then, where the
number is not already on the lesson's page, a Show me button (3). A number counts as reached when
the app's own computed line (the "this app" half of a Check line, or the tab a Show me opens)
prints it, never the notes' half.
"""

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from explorer.core.lessons.checks import numbers_in
from tests import shared_data

RESULTS = shared_data.load_json("seed_results.json")["results"]


def worked_numbers(result: dict) -> list[list[float]]:
    """The numbers of each printed line, or the stated values (a dict of numbers) one by one."""
    if "expect_printed" in result:
        lines = [numbers_in(line) for line in result["expect_printed"]]
        return [numbers for numbers in lines if numbers]
    stated = result.get("expect", {}).values()
    return [
        [float(value)]
        for value in stated
        if isinstance(value, (int, float)) and not isinstance(value, bool)
    ]


WORKED = [(result["id"], worked_numbers(result)) for result in RESULTS if worked_numbers(result)]


def _app_lines(label: QLabel) -> list[str]:
    """The app's computed lines of a Check line (after "this app:")."""
    text = label.text()
    app_part = text[text.index("this app") :]
    return [html.unescape(line) for line in re.findall(r"<code>(.*?)</code>", app_part)]


def _visible_numbers(window) -> list[list[float]]:
    """The numbers of every line the Check lines of the open lesson compute."""
    return [numbers_in(line) for _, label in window.lessons.checks for line in _app_lines(label)]


class Learner:
    """Clicks on the window and counts the clicks."""

    def __init__(self, window, qtbot) -> None:
        self.window, self.qtbot, self.clicks = window, qtbot, 0

    def open_lessons(self) -> None:
        action = next(a for a in self.window.view_menu.actions() if a.text() == "&Lessons")
        action.trigger()
        self.clicks += 1
        self.qtbot.waitUntil(self.window.lessons.isVisible)

    def open_lesson(self, row: int) -> None:
        listing = self.window.lessons.lesson_list
        self.qtbot.waitUntil(lambda: listing.count() > row)
        listing.scrollToItem(listing.item(row))
        centre = listing.visualItemRect(listing.item(row)).center()
        self.qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        self.clicks += 1
        assert listing.currentRow() == row
        # sympy's checks arrive from the worker process
        self.qtbot.waitUntil(
            lambda: all("…" not in label.text() for _, label in self.window.lessons.checks),
            timeout=30_000,
        )


def test_every_worked_number_of_the_notes_is_within_three_clicks(window, qtbot):
    window.resize(1280, 800)
    seen = []  # (clicks, the numbers the page computes) per lesson, each from a fresh start
    row = 0
    while True:
        window.lessons.hide()  # as the app opens: the dock hidden, no lesson chosen
        window.lessons.lesson_list.setCurrentRow(-1)
        learner = Learner(window, qtbot)
        learner.open_lessons()
        if row >= len(window.lessons.lessons):
            break
        learner.open_lesson(row)
        seen.append((learner.clicks, _visible_numbers(window)))
        row += 1
    assert len(seen) == 10
    unreached = {}
    for result_id, numbers in WORKED:
        reached = [clicks for clicks, shown in seen if all(n in shown for n in numbers)]
        if not reached or min(reached) > 3:
            unreached[result_id] = numbers
    assert unreached == {}


def test_the_worked_results_cover_the_notes_numbers():
    # The list above is the notes' own: every result that states numbers is in it.
    assert {"limit-table", "chain-single-step-partials", "chain-backprop-by-hand"} <= {
        result_id for result_id, _ in WORKED
    }
