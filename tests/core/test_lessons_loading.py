"""Lesson files load in the seed's order, in both languages; a malformed one is named, skipped."""

import json
import shutil

import pytest

from explorer.core.lessons import LANGUAGES, lessons_folder, load_lessons, run_check

SEED_ORDER = [
    "derivative",
    "linear-approximation",
    "common-derivatives-and-rules",
    "partial-derivatives",
    "gradients",
    "gradient-descent",
    "chain-rule",
    "backprop",
    "pytorch-autograd",
    "integrals",
]


def test_the_shipped_lessons_load_in_the_seeds_order():
    loaded = load_lessons()
    assert loaded.problems == []
    assert [lesson.name.split("-", 1)[1] for lesson in loaded.lessons] == SEED_ORDER


def test_every_lesson_reads_in_both_languages():
    for lesson in load_lessons().lessons:
        texts = [lesson.title, lesson.body]
        texts += [show.label for show in lesson.shows] + [check.label for check in lesson.checks]
        texts += [prediction.question for prediction in lesson.predictions]
        for text in texts:
            assert set(text) == set(LANGUAGES)
            assert all(text[language].strip() for language in LANGUAGES)
        # Chinese text is Chinese: the body has CJK characters
        assert any("\u4e00" <= ch <= "\u9fff" for ch in lesson.body["zh"])


def test_every_lesson_has_a_show_me_and_a_check():
    for lesson in load_lessons().lessons:
        assert lesson.shows and lesson.checks


def _write(folder, name, document):
    (folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _valid():
    return json.loads((lessons_folder() / "01-derivative.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["title"].pop("zh"), "$.title.zh: expected text"),
        (lambda d: d["checks"][0].update(kind="guess"), "$.checks[0].kind: 'guess' is not one of"),
        (lambda d: d["checks"][0].update(show="nowhere"), "no Show me with id 'nowhere'"),
        (
            lambda d: d["show"][0]["session"]["panels"][0]["state"].update(h=5.0),
            "h must be a number from 1e-12 to 1",
        ),
        (lambda d: d["show"][0]["session"]["panels"][0].update(panel="Nope"), "no tab 'Nope'"),
        (lambda d: d["show"][0].update(graph={"preset": "nope"}), "exactly one of"),
        (  # the Graph tab's state is checked with its dataclass like every other tab's
            lambda d: d["show"][0]["session"]["panels"].append(
                {"panel": "Graph", "state": {"view": "sideways"}}
            ),
            "view must be one of named steps, operations",
        ),
        (lambda d: d.update(version=7), "$.version"),
        (lambda d: d.update(colour="red"), "unknown key 'colour'"),
    ],
)
def test_a_malformed_lesson_is_skipped_with_its_name_and_what_is_wrong(tmp_path, change, message):
    shutil.copy(lessons_folder() / "10-integrals.json", tmp_path / "10-integrals.json")
    document = _valid()
    change(document)
    _write(tmp_path, "05-broken.json", document)
    loaded = load_lessons(tmp_path)
    assert [lesson.name for lesson in loaded.lessons] == ["10-integrals"]
    assert len(loaded.problems) == 1
    assert "'05-broken.json'" in loaded.problems[0] and message in loaded.problems[0]


def test_damaged_json_and_bad_bytes_are_named(tmp_path):
    (tmp_path / "a.json").write_text('{"format": "calc-explorer-lesson",\n  "order": }', "utf-8")
    (tmp_path / "b.json").write_bytes(b"\xff\xfe{}")
    problems = load_lessons(tmp_path).problems
    assert "'a.json'" in problems[0] and "line 2" in problems[0]
    assert "'b.json'" in problems[1] and "UTF-8" in problems[1]


def test_a_show_me_may_set_the_graph_tabs_whole_state(tmp_path):
    document = _valid()
    graph = {"program": "f = (x + y)^2", "view": "operations", "step": 3}
    document["show"][0]["session"]["panels"].append({"panel": "Graph", "state": graph})
    _write(tmp_path, "01-derivative.json", document)
    loaded = load_lessons(tmp_path)
    assert loaded.problems == []
    assert loaded.lessons[0].shows[0].session.panels["Graph"] == graph


def test_a_teachers_new_lesson_loads_without_code(tmp_path):
    document = _valid()
    document["order"] = 11
    document["show"][0]["session"]["window"]["expression"] = "x^3"
    document["checks"][0]["seed"] = ["h=0.00010, numerical limit=3.00030"]
    _write(tmp_path, "11-cubic.json", document)
    (lesson,) = load_lessons(tmp_path).lessons
    assert lesson.order == 11 and lesson.shows[0].session.expression == "x^3"
    assert run_check(lesson.checks[0]).agrees
