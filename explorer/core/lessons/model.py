"""Lesson files: one JSON file per lesson, read strictly, a malformed one reported by name.

A lesson file (``explorer/resources/lessons/*.json``)::

    {"format": "calc-explorer-lesson", "version": 1, "order": 1,
     "title": {"en": …, "zh": …}, "body": {"en": …, "zh": …},
     "show": [{"id": …, "label": {…}, "session": {"window": …, "panels": […]}}
              | {"id": …, "label": {…}, "graph": {"preset": key} | {"python": source}}],
     "checks": [{"label": {…}, "kind": …, "show": show id, "seed": [printed lines], …}],
     "predict": [{"question": {…}, "kind": …, "show": show id, …}]}

A "session" Show me is a partial session in the session file's own layout, read with
``explorer.core.session`` (so applying it is the session machinery's job, not ours); the states it
names are validated with their panel's dataclass when the lesson is loaded. Checks and predictions
name the Show me whose state they compute from, so the state shown and the numbers checked are
the same by construction.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.descent.state import DescentState
from explorer.core.graph.presets import PRESETS_BY_KEY
from explorer.core.panel_state import (
    DerivativeState,
    FunctionState,
    GradientState,
    GraphState,
    IntegralState,
    StateError,
    state_from_dict,
)
from explorer.core.session import FORMAT as SESSION_FORMAT
from explorer.core.session import VERSION as SESSION_VERSION
from explorer.core.session import Session, SessionError, session_from_json

FORMAT = "calc-explorer-lesson"
VERSION = 1
LANGUAGES = ("en", "zh")
MAX_BYTES = 200_000
# Panels whose state a lesson's session may set, checked strictly when the lesson loads.
STATE_CLASSES: dict[str, type] = {
    "Function": FunctionState,
    "Derivative": DerivativeState,
    "Gradient": GradientState,
    "Integral": IntegralState,
    "Descent": DescentState,
    # A Graph Show me usually names a preset or a program ("graph"); a session may also set the
    # Graph tab's full state (program, inputs, view, step), checked like the other tabs'.
    "Graph": GraphState,
}
CHECK_KINDS = (
    "limit_table",
    "linear_approximation",
    "named_steps",
    "partials",
    "python",
    "integral",
    "descent",
)
PREDICT_KINDS = ("chain_gradient", "detach_gradient", "descent_step")
# Where a Check line's printed text comes from: the seed notes, d2l, or a value the lesson states.
SOURCES = ("seed", "d2l", "worked")


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the place in it."""


Text = dict[str, str]  # language → text


@dataclass(frozen=True)
class ShowMe:
    """A button that puts a tab in a state: a partial ``session`` or a Graph ``graph`` source."""

    id: str
    label: Text
    session: Session | None = None
    graph: dict[str, str] | None = None

    @property
    def tab(self) -> str:
        return "Graph" if self.graph is not None else self.session.tab


@dataclass(frozen=True)
class Check:
    """A Check line: ``kind`` computed from Show me ``show``, beside the seed's ``seed`` lines."""

    label: Text
    kind: str
    show: ShowMe
    seed: tuple[str, ...]
    source: str = "seed"  # one of SOURCES
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Prediction:
    """Predict, then reveal: ``question`` answered by ``kind`` computed from Show me ``show``."""

    question: Text
    kind: str
    show: ShowMe
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Lesson:
    name: str  # the file's stem
    order: int
    title: Text
    body: Text
    shows: tuple[ShowMe, ...]
    checks: tuple[Check, ...]
    predictions: tuple[Prediction, ...]


@dataclass
class LoadedLessons:
    lessons: list[Lesson]
    problems: list[str]  # one message per skipped file, naming it


_CHINESE_TERM = re.compile(r"\s*[(（][^()（）]*[\u3000-\u9fff\uff00-\uffef][^()（）]*[)）]")


def without_chinese(text: str) -> str:
    """English text without its "(导数)" glosses, for a system with no font to draw them."""
    return _CHINESE_TERM.sub("", text)


def lessons_folder() -> Path:
    """The lessons shipped in the package."""
    return Path(__file__).resolve().parents[2] / "resources" / "lessons"


def load_lessons(folder: str | os.PathLike[str] | None = None) -> LoadedLessons:
    """Every ``*.json`` lesson in ``folder``, in their ``order``; bad files skipped, named."""
    folder = Path(folder) if folder is not None else lessons_folder()
    lessons, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            lessons.append(load_lesson(path))
        except LessonError as error:
            problems.append(str(error))
    lessons.sort(key=lambda lesson: (lesson.order, lesson.name))
    return LoadedLessons(lessons, problems)


def load_lesson(path: str | os.PathLike[str]) -> Lesson:
    """Read and validate one lesson file; ``LessonError`` names the file and what is wrong."""
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
        if len(data) > MAX_BYTES:
            raise _Bad(f"it is larger than {MAX_BYTES // 1000} kB")
        try:
            document = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise _Bad("it is not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise _Bad(f"line {error.lineno}, column {error.colno}: {error.msg}") from None
        return _lesson(path.stem, document)
    except OSError as error:
        raise LessonError(f"Lesson '{path.name}' cannot be read: {error.strerror}.") from None
    except _Bad as error:
        raise LessonError(f"Lesson '{path.name}' was skipped: {error}.") from None


class _Bad(Exception):
    pass


def _lesson(name: str, document: Any) -> Lesson:
    _expect(isinstance(document, dict), "$", "an object")
    if document.get("format") != FORMAT:
        raise _Bad(f"$.format: expected {FORMAT!r}")
    version = document.get("version")
    if version != VERSION:
        raise _Bad(f"$.version: this app reads lesson version {VERSION}, not {version!r}")
    known = {"format", "version", "order", "title", "body", "show", "checks", "predict"}
    _no_unknown(document, known, "$")
    order = document.get("order")
    _expect(isinstance(order, int) and not isinstance(order, bool), "$.order", "a whole number")
    shows = tuple(_show(item, f"$.show[{i}]") for i, item in enumerate(_list(document, "show")))
    by_id = {show.id: show for show in shows}
    if len(by_id) != len(shows):
        raise _Bad("$.show: two Show me buttons share an id")
    checks = tuple(
        _check(item, by_id, f"$.checks[{i}]") for i, item in enumerate(_list(document, "checks"))
    )
    predictions = tuple(
        _prediction(item, by_id, f"$.predict[{i}]")
        for i, item in enumerate(_list(document, "predict", required=False))
    )
    return Lesson(
        name,
        order,
        _text(document.get("title"), "$.title"),
        _text(document.get("body"), "$.body"),
        shows,
        checks,
        predictions,
    )


def _expect(condition: bool, path: str, what: str) -> None:
    if not condition:
        raise _Bad(f"{path}: expected {what}")


def _no_unknown(item: dict, known: set[str], path: str) -> None:
    unknown = sorted(set(item) - known)
    if unknown:
        raise _Bad(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")


def _list(document: dict, key: str, *, required: bool = True) -> list:
    value = document.get(key, None if required else [])
    _expect(isinstance(value, list), f"$.{key}", "a list")
    return value


def _text(value: Any, path: str) -> Text:
    _expect(isinstance(value, dict), path, "an object with 'en' and 'zh' text")
    for language in LANGUAGES:
        text = value.get(language)
        _expect(isinstance(text, str) and text.strip() != "", f"{path}.{language}", "text")
    _no_unknown(value, set(LANGUAGES), path)
    return {language: value[language] for language in LANGUAGES}


def _show(item: Any, path: str) -> ShowMe:
    _expect(isinstance(item, dict), path, "an object")
    _no_unknown(item, {"id", "label", "session", "graph"}, path)
    _expect(isinstance(item.get("id"), str) and item["id"] != "", f"{path}.id", "a name")
    label = _text(item.get("label"), f"{path}.label")
    if ("session" in item) == ("graph" in item):
        raise _Bad(f"{path}: expected exactly one of 'session' and 'graph'")
    if "graph" in item:
        return ShowMe(item["id"], label, graph=_graph(item["graph"], f"{path}.graph"))
    return ShowMe(item["id"], label, session=_session(item["session"], f"{path}.session"))


def _graph(value: Any, path: str) -> dict[str, str]:
    _expect(isinstance(value, dict) and len(value) == 1, path, "{'preset': …} or {'python': …}")
    ((key, text),) = value.items()
    _expect(key in ("preset", "python") and isinstance(text, str), path, "a preset or a program")
    if key == "preset" and text not in PRESETS_BY_KEY:
        raise _Bad(f"{path}.preset: no Graph preset {text!r} ({', '.join(PRESETS_BY_KEY)})")
    return {key: text}


def _session(value: Any, path: str) -> Session:
    _expect(isinstance(value, dict), path, "an object in the session file's layout")
    document = {"format": SESSION_FORMAT, "version": SESSION_VERSION, **value}
    try:
        session = session_from_json(json.dumps(document).encode("utf-8"))
    except SessionError as error:
        raise _Bad(f"{path}: {error}") from None
    if session.warnings:
        raise _Bad(f"{path}: {session.warnings[0]}")
    if session.extras:
        raise _Bad(f"{path}: unknown key {sorted(session.extras)[0]!r}")
    if not session.tab:
        raise _Bad(f"{path}.window.tab: expected the tab to show")
    for title, state in session.panels.items():
        cls = STATE_CLASSES.get(title)
        if cls is None:
            raise _Bad(f"{path}.panels: no tab {title!r}")
        try:
            state_from_dict(cls, state, f"{path}.panels.{title}")
        except StateError as error:
            raise _Bad(str(error)) from None
    return session


def _references(item: dict, shows: dict[str, ShowMe], path: str) -> ShowMe:
    show = shows.get(item.get("show"))
    if show is None:
        raise _Bad(f"{path}.show: no Show me with id {item.get('show')!r} in this lesson")
    return show


def _check(item: Any, shows: dict[str, ShowMe], path: str) -> Check:
    _expect(isinstance(item, dict), path, "an object")
    kind = item.get("kind")
    if kind not in CHECK_KINDS:
        raise _Bad(f"{path}.kind: {kind!r} is not one of {', '.join(CHECK_KINDS)}")
    seed = item.get("seed")
    _expect(
        isinstance(seed, list) and seed and all(isinstance(line, str) for line in seed),
        f"{path}.seed",
        "the printed lines, a list of text",
    )
    source = item.get("source", "seed")
    _expect(source in SOURCES, f"{path}.source", " or ".join(SOURCES))
    options = item.get("options", {})
    _expect(isinstance(options, dict), f"{path}.options", "an object")
    _no_unknown(item, {"label", "kind", "show", "seed", "source", "options"}, path)
    return Check(
        _text(item.get("label"), f"{path}.label"),
        kind,
        _references(item, shows, path),
        tuple(seed),
        source,
        options,
    )


def _prediction(item: Any, shows: dict[str, ShowMe], path: str) -> Prediction:
    _expect(isinstance(item, dict), path, "an object")
    kind = item.get("kind")
    if kind not in PREDICT_KINDS:
        raise _Bad(f"{path}.kind: {kind!r} is not one of {', '.join(PREDICT_KINDS)}")
    options = item.get("options", {})
    _expect(isinstance(options, dict), f"{path}.options", "an object")
    _no_unknown(item, {"question", "kind", "show", "options"}, path)
    return Prediction(
        _text(item.get("question"), f"{path}.question"),
        kind,
        _references(item, shows, path),
        options,
    )
