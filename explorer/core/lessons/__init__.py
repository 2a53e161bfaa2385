"""Lessons: the seed notes' sections as data files, their checks computed live, predictions scored.

``load_lessons(folder)`` reads one JSON file per lesson (``explorer/resources/lessons``), validates
each, and reports a malformed file by name instead of loading it. ``run_check`` computes a Check
line with the app's own core (never a stored result) and compares it with the seed's printed text;
``score_prediction`` scores a learner's guess and names the usual mistake behind a wrong one.
"""

from __future__ import annotations

from explorer.core.lessons.checks import (
    CheckResult,
    failed_check,
    run_check,
    worker_check_result,
    worker_request,
)
from explorer.core.lessons.model import (
    LANGUAGES,
    Check,
    Lesson,
    LessonError,
    LoadedLessons,
    Prediction,
    ShowMe,
    lessons_folder,
    load_lesson,
    load_lessons,
    without_chinese,
)
from explorer.core.lessons.predict import MISTAKES, Verdict, prediction_answer, score_prediction

__all__ = [
    "failed_check",
    "worker_check_result",
    "worker_request",
    "LANGUAGES",
    "MISTAKES",
    "Check",
    "CheckResult",
    "Lesson",
    "LessonError",
    "LoadedLessons",
    "Prediction",
    "ShowMe",
    "Verdict",
    "lessons_folder",
    "load_lesson",
    "load_lessons",
    "prediction_answer",
    "run_check",
    "score_prediction",
    "without_chinese",
]
