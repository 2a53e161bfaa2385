"""The Chinese catalogue: every string the code marks is translated, and the app reads the .ts."""

import importlib.util
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from explorer.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "explorer" / "resources" / "translations"


def _tool():
    # packaging/translations.py is a developer tool, not part of the installed package.
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations", module)
    spec.loader.exec_module(module)
    return module


HOW = (
    "run `python packaging/translations.py` and give each new entry of "
    "explorer/resources/translations/zh.ts its Chinese <translation>"
)


def test_no_string_of_the_code_lacks_a_chinese_translation():
    assert _tool().untranslated(TRANSLATIONS / "zh.ts") == [], HOW


def test_the_catalogue_holds_exactly_the_strings_of_the_code():
    # A string dropped from the code leaves the catalogue (packaging/translations.py rewrites it).
    tool = _tool()
    assert set(tool.translations(TRANSLATIONS / "zh.ts")) == set(tool.all_strings()), HOW


def test_the_catalogue_finds_strings_through_every_kind_of_call(tmp_path):
    module = tmp_path / "explorer" / "sample.py"
    module.parent.mkdir()
    module.write_text(
        'T = Context("Sample")\n'
        'A = T("now")\n'
        'T.text(label, "bound {n}", n=1)\n'
        'NAMES = [T.mark("kept as data")]\n'
        'other("not this")\n'
    )
    found = _tool().all_strings(tmp_path / "explorer")
    assert set(found) == {("Sample", "now"), ("Sample", "bound {n}"), ("Sample", "kept as data")}


def test_a_checkout_translates_from_the_ts_file(tmp_path, monkeypatch):
    # Only the sources are in the repository (the build compiles them): a checkout translates
    # with the .ts itself, so an edit to it shows at the next start without any build step.
    assert not list(TRANSLATIONS.glob("*.qm"))
    edited = tmp_path / "zh.ts"
    shutil.copy(TRANSLATIONS / "zh.ts", edited)
    edited.write_text(edited.read_text(encoding="utf-8").replace(">梯度下降<", ">下降测试<"))
    monkeypatch.setattr(i18n, "catalogue_path", lambda code: edited)
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("zh")
    assert QCoreApplication.translate("Tabs", "Descent") == "下降测试"
    assert i18n.read_ts(edited)[("Tabs", "Gradient")] == "梯度"
    i18n.set_language("en")
    assert QCoreApplication.translate("Tabs", "Descent") == "Descent"


def test_core_messages_are_translated_by_exact_entry_or_by_pattern(monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("zh")
    assert i18n.core_text("Enter an expression") == "请输入表达式"
    assert i18n.core_text("Unknown function 'foo'") == "未知函数“foo”"
    assert i18n.core_text("a message core has not got a translation for") == (
        "a message core has not got a translation for"
    )
    # an explanation of several lines, line by line (an untranslated line stays as it is)
    assert i18n.core_text("GD (η = 0.9), step 1\ng = ∇f(θ₀) = 20\nf went from 100 to 64") == (
        "GD (η = 0.9)，第 1 步\ng = ∇f(θ₀) = 20\nf 从 100 变为 64"
    )
    i18n.set_language("en")
    assert i18n.core_text("Unknown function 'foo'") == "Unknown function 'foo'"


def test_a_core_message_of_several_parts_is_translated_part_by_part(monkeypatch):
    # The interpreter's trace joins its events with "; ", a field may hold another message.
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("zh")
    trace = "while loop (line 3) ran 12 times; if (line 5) took the else branch (line 7)"
    assert i18n.core_text(trace) == (
        "while 循环（第 3 行）运行了 12 次；if（第 5 行）进入了 else 分支（第 7 行）"
    )
    stop = "stopped at step 4: it reached x = 0, and f is infinite there (a pole)"
    assert i18n.core_text(stop) == "在第 4 步停止：它到达了 x = 0，而那里 f 为无穷大（极点）"
    i18n.set_language("en")
    assert i18n.core_text(trace) == trace


def test_the_compiled_catalogue_answers_exactly_like_the_ts_for_every_entry(tmp_path):
    # What the build does: pyside6-lrelease compiles zh.ts; Qt's own QTranslator then reads the
    # .qm. Every entry, UI and core, must come out the same as from the .ts reader.
    (qm,) = _tool().compile_catalogues(tmp_path)
    compiled = QTranslator()
    assert compiled.load(str(qm))
    source = i18n.TsTranslator(TRANSLATIONS / "zh.ts")
    entries = i18n.read_ts(TRANSLATIONS / "zh.ts")
    assert len(entries) > 900
    differ = [
        (context, text)
        for context, text in entries
        if compiled.translate(context, text) != source.translate(context, text)
    ]
    assert differ == []
    # And so do the core templates built from each.
    patterns = i18n.core_templates(compiled, TRANSLATIONS / "zh.ts")
    assert patterns == i18n.core_templates(source, TRANSLATIONS / "zh.ts") and len(patterns) > 200


def test_a_built_app_loads_the_compiled_catalogue_beside_the_ts(tmp_path, monkeypatch):
    (qm,) = _tool().compile_catalogues(tmp_path)
    monkeypatch.setattr(i18n, "compiled_catalogue_path", lambda code: qm)
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    i18n.set_language("zh")
    assert i18n.catalogue_in_use() == qm
    assert QCoreApplication.translate("Tabs", "Descent") == "梯度下降"
    assert i18n.core_text("Unknown function 'foo'") == "未知函数“foo”"  # a core template
    i18n.set_language("en")
    assert i18n.catalogue_in_use() is None
