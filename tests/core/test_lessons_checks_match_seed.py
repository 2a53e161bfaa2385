"""Every lesson's Check line, computed by the app now, prints the seed's (or d2l's) numbers."""

import pytest
import shared_data

from explorer.core.lessons import load_lessons, run_check
from explorer.core.lessons.checks import lines_agree, numbers_in

LESSONS = load_lessons().lessons
CHECKS = [
    (lesson.name, index, check) for lesson in LESSONS for index, check in enumerate(lesson.checks)
]


@pytest.mark.parametrize(
    ("lesson", "index", "check"), CHECKS, ids=[f"{n}-{i}" for n, i, _ in CHECKS]
)
def test_the_app_computes_the_printed_numbers(lesson, index, check):
    result = run_check(check)
    assert result.error == ""
    assert result.agrees, (result.app, result.seed)


def test_every_seed_line_a_lesson_shows_is_the_seeds_printed_text():
    # Fails, saying where it looked, when the shared data is missing (tests/shared_data.py).
    results = shared_data.load_json("seed_results.json")["results"]
    seed_results = shared_data.shared_file("seed_results.json")
    printed = {line for result in results for line in result.get("expect_printed", [])}
    # the notes' own text, for an output seed_results states as a fact (``a.grad == d / a``)
    notes = seed_results.parents[1] / "seed"
    printed |= {
        line for path in notes.glob("*.txt") for line in path.read_text("utf-8").splitlines()
    }
    seed_lines = [line for _, _, check in CHECKS if check.source == "seed" for line in check.seed]
    assert set(seed_lines) <= printed
    # and every line the seed prints (bar the random control-flow values) has a Check in a lesson
    reached = [result["id"] for result in results if result.get("expect_printed")]
    assert all(
        any(
            line in seed_lines
            for line in next(r for r in results if r["id"] == i)["expect_printed"]
        )
        for i in reached
    )


def test_the_comparison_can_fail():
    assert not lines_agree(
        ["h=0.00010, numerical limit=2.00031"], ["h=0.00010, numerical limit=2.00030"]
    )
    assert lines_agree(["df/dw at -1, 0 is −4096"], ["df/dw at -1.0, 0.0 is -4096.0"])
    assert numbers_in("tensor([ 0.,  4.,  8., 12.])") == [0.0, 4.0, 8.0, 12.0]


def test_the_derivative_lesson_follows_its_show_me_state():
    # The check reads its Show me: move x0 and the printed limit moves with it (f'(2) = 8).
    from dataclasses import replace

    check = next(lesson for lesson in LESSONS if lesson.name == "01-derivative").checks[0]
    session = check.show.session
    moved = replace(session, panels={"Derivative": {**session.panels["Derivative"], "x0": 2.0}})
    result = run_check(replace(check, show=replace(check.show, session=moved)))
    assert result.app[0] == "h=0.00010, numerical limit=8.00030"
    assert not result.agrees
