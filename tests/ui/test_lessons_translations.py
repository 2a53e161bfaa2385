"""The Chinese catalogue: every Lessons pane string translated; the .qm built from the .ts."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "explorer" / "resources" / "translations"
TOOLS = Path(sys.executable).parent
SOURCES = [ROOT / "explorer" / "ui" / "lessons_pane.py"]


def _messages(ts: Path) -> dict[str, str | None]:
    root = ElementTree.parse(ts).getroot()
    found = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        done = translation.get("type") not in ("unfinished", "obsolete") and translation.text
        found[message.findtext("source")] = translation.text if done else None
    return found


def _tool(name: str) -> Path:
    path = TOOLS / name
    if not path.exists():
        pytest.fail(f"{name} is missing beside {sys.executable} (it ships with PySide6)")
    return path


def test_no_untranslated_string_in_the_chinese_catalogue():
    untranslated = [s for s, t in _messages(TRANSLATIONS / "zh.ts").items() if not t]
    assert untranslated == []


def test_the_catalogue_holds_every_string_the_pane_marks_for_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(TRANSLATIONS / "zh.ts"))


def test_the_shipped_qm_is_lreleases_build_of_the_ts(tmp_path):
    built = tmp_path / "zh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / "zh.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == (TRANSLATIONS / "zh.qm").read_bytes()


def test_switching_to_chinese_translates_the_pane_without_a_restart(qtbot, settings, monkeypatch):
    from explorer.ui.main_window import MainWindow

    monkeypatch.setattr("explorer.ui.lessons_pane.chinese_font_installed", lambda: True)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.lessons.set_language("zh")
    assert window.lessons.windowTitle() == "课程"
    window.lessons.set_language("en")
    assert window.lessons.windowTitle() == "Lessons"
