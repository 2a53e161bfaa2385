"""In Chinese, what core computes reaches the learner in Chinese: the Graph tab's step-by-step
explanations forward and backward (every preset), the Descent tab's rule lines and notes, the
Derivative tab's derivation, the Function tab's points and their tests, the Integral tab's
verdicts on hard integrals, the preset notes, and the messages of every damaged session file of
the shared catalogue. A new message core shows needs an entry in ``explorer/ui/core_messages.py``
(an exact text or a ``{field}`` template) and its translation in ``zh.ts``
(``python packaging/translations.py`` adds the entry to fill in).

The check is independent of the catalogue: whatever the tab shows is read back from its widgets,
and no run of three English words may remain (formulas, numbers, code and names pass)."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from explorer.core.descent.presets import PRESETS as DESCENT_PRESETS
from explorer.core.expr import parse
from explorer.core.graph.presets import PRESETS as GRAPH_PRESETS
from explorer.core.panel_state import IntegralState
from explorer.core.session import FORMAT
from explorer.ui import i18n
from explorer.ui.i18n import core_text
from tests.shared_data import load_json

# Two words of two or more Latin letters in a row: English words (a sentence, a rule's name).
ENGLISH = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,})+")
TAG = re.compile(r"<[^>]+>")
# Not sentences to translate: the app's name, and an error PyTorch prints (the sandbox quotes it
# word for word, as a program's output).
KEPT = re.compile(r"Calculus Explorer|^\w+Error: .*$", re.MULTILINE)


def english_in(text: str) -> list[str]:
    return ENGLISH.findall(KEPT.sub(" ", TAG.sub(" ", text.replace("&nbsp;", " "))))


def shown_texts(root: QWidget) -> list[str]:
    """What a learner reads in ``root`` now: visible labels, read-only text, lists, tables, and
    the tooltips of combo-box items (preset notes)."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit) and widget.isReadOnly():
            texts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    texts += [item.text(), item.toolTip()] if item is not None else []
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                texts.append(widget.itemText(index))
                texts.append(str(widget.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))
    return texts


class Reader:
    """Collects every English run the walk meets, with where it was seen."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}  # {text with English in it: where it was seen}

    def read(self, where: str, texts: list[str]) -> None:
        for text in texts:
            if english_in(text):
                self.found.setdefault(text, where)


@pytest.fixture
def chinese(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    window.resize(1280, 800)
    i18n.set_language("zh")
    return window


def _open_tab(window, title):
    window.tabs.setCurrentIndex(window.tab_index(title))
    return window.current_panel()


# A word on its own (not part of a name such as requires_grad, x.grad or a call such as exp(x)).
WORD = re.compile(r"(?<![\w.])[A-Za-z]{3,}(?![\w(])")
# Words the cards keep: PyTorch's and Python's own names (x.grad is None, requires_grad=False).
CODE_WORDS = {"grad", "detach", "backward", "torch", "tensor", "True", "False", "None"}


def card_words(panel) -> list[str]:
    """English words on the Graph tab's cards and edge labels (their tooltips too): a card's
    short texts ("adds 512", "value = 4") are single words, so each word counts; an operation's
    own name (mul, sigmoid) and the program's names (out, loss) are code and stay."""
    names = set(re.findall(r"\w+", panel.source_text()))
    ops = {node.op for node in panel.model.nodes} | names | {n.label for n in panel.model.nodes}
    found = []
    for item in panel.scene.items():
        texts = [item.toolTip()]
        texts += [line.text for line in vars(item).values() if hasattr(line, "static")]
        for text in texts:
            found += [w for w in WORD.findall(text) if w not in CODE_WORDS | ops]
    return found


def test_the_detector_finds_english_and_passes_formulas_code_and_names():
    assert english_in("∂f/∂a = 512·1 + 512·1 = 1024 (the seed of the backward pass)")
    assert english_in("<b>Product rule</b>: (u·v)′ = u′·v + u·v′ with u = x²")
    assert not english_in("∂f/∂w = ∂f/∂a·∂a/∂w = 1024·(−2) = −2048")
    assert not english_in("a = torch.randn(size=(), requires_grad=True)")
    assert not english_in("Adam（η = 0.1）第 3 步：f 从 4 变为 2.5")
    assert not english_in('print(f"a grad: {a.grad}") → a grad: tensor(4096.)')
    assert not english_in("这不是 Calculus Explorer 的会话文件")
    assert english_in("停止：\nRuntimeError: Trying to backward\nthe output is a scalar")


def test_every_graph_preset_explains_each_step_forward_and_backward_in_chinese(
    chinese, qtbot, settle
):
    panel = _open_tab(chinese, "Graph")
    reader = Reader()
    for preset in GRAPH_PRESETS:
        panel.load_preset(preset.key)
        settle(panel)
        panel.reset()
        reader.read(f"{preset.key} start", shown_texts(panel))
        while panel.stepper.state.phase != "done":
            panel.next_step()
            reader.read(f"{preset.key} step {panel.stepper.state.position}", shown_texts(panel))
        assert card_words(panel) == [], preset.key  # every card and label written out now
        while panel.stepper.state.position > 0:  # and back again
            panel.back()
            reader.read(f"{preset.key} back {panel.stepper.state.position}", shown_texts(panel))
    # The seed with forward-mode tangents, and the sandbox's three demonstrations.
    panel.load_preset("chain")
    panel.forward_mode.check.setChecked(True)
    for _ in range(6):
        panel.next_step()
        reader.read("forward mode", shown_texts(panel))
    for button in (
        panel.sandbox.again_button,
        panel.sandbox.free_button,
        panel.sandbox.non_scalar_button,
    ):
        button.click()
        reader.read(button.objectName(), shown_texts(panel))
    assert not reader.found, reader.found


def test_every_descent_preset_explains_its_steps_in_chinese(chinese, qtbot):
    panel = _open_tab(chinese, "Descent")
    reader = Reader()
    for index, preset in enumerate(DESCENT_PRESETS):
        panel.preset_combo.setCurrentIndex(index)
        qtbot.waitUntil(lambda: panel.race is not None)
        # The start and the end (every racer's findings and stops) ...
        for frame in (0, panel.race.steps):
            panel.show_frame(frame)
            reader.read(f"{preset.name} {frame}", shown_texts(panel))
        # ... and a step of each racer, explained with its optimizer's rule lines.
        panel.show_frame(1)
        for choice in range(panel.explain_combo.count()):
            panel.explain_combo.setCurrentIndex(choice)
            reader.read(f"{preset.name} {choice}", [panel.explanation.text()])
    assert not reader.found, reader.found


def test_the_derivation_critical_points_and_integral_notes_are_in_chinese(chinese, qtbot):
    reader = Reader()
    chinese.expression_input.set_text(
        "x^2*sin(x) + exp(3x)/x - 2^x + log(x^2 + 1) + abs(x) + relu(x - 1) + floor(x) + sqrt(x)"
    )
    qtbot.waitUntil(lambda: chinese.expression_input.last_error() is None)
    panel = _open_tab(chinese, "Derivative")
    panel.side.steps.toggle.setChecked(True)
    qtbot.waitUntil(lambda: panel.side.steps.list.count() > 10)
    reader.read("derivation", shown_texts(panel))
    steps = panel.side.steps.list
    assert steps.item(0).text().startswith("1. 和法则：")
    i18n.set_language("en")  # the derivation follows the language both ways
    assert steps.item(0).text().startswith("1. Sum rule: ")
    i18n.set_language("zh")

    chinese.expression_input.set_text("x^3 - 3x + 1/(x - 2)")
    panel = _open_tab(chinese, "Function")
    qtbot.waitUntil(lambda: panel.analysis is not None and bool(panel.analysis.points()))
    points = panel.analysis.points()
    reader.read("points", [core_text(p.label()) for p in points])
    reader.read("tests", [core_text(test) for p in points for test in p.tests])
    reader.read("function tab", shown_texts(panel))

    panel = _open_tab(chinese, "Gradient")
    panel.critical_toggle.setChecked(True)
    for index in range(1, panel.presets.count()):  # each example and its critical points
        panel.presets.activated.emit(index)
        qtbot.waitUntil(lambda: panel.critical_points() is not None)
        reader.read(f"gradient {index}", shown_texts(panel))
        reader.read(f"gradient {index}", [core_text(p.describe()) for p in panel.critical_points()])

    chinese.expression_input.set_text("x^3 - 1/x")  # a pole at the lower bound 0
    panel = _open_tab(chinese, "Integral")
    qtbot.waitUntil(lambda: panel.numeric is not None and panel.exact is not None, timeout=30_000)
    reader.read("integral", shown_texts(panel))
    assert "f 在下限 x = 0 处有极点" in " ".join(shown_texts(panel))
    assert not reader.found, reader.found


def _damaged_files(tmp_path):
    """One file for each damaged session of the shared catalogue that a file can hold (the
    others are about saving, or the operating system)."""
    cases = load_json("bad_session_files.json")
    assert len(cases) >= 20
    ours = f'"format": "{FORMAT}", "version": 2'
    files = {
        "no format.calcx": '{"panels": []}',
        "truncated.calcx": "{" + ours + ', "panels": [{"expr": "x^2"',
        "empty.calcx": "",
        "infinite.calcx": "{" + ours + ', "window": {"parameters": {"a": -1e999}}}',
        "newer.calcx": '{"format": "' + FORMAT + '", "version": 99}',
        "older.calcx": '{"format": "' + FORMAT + '", "version": 1, "panels": []}',
        "png.calcx": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "broken character.calcx": "{" + ours + r', "window": {"expression": "\ud800"}}',
        "many panels.calcx": "{" + ours + ', "panels": [' + ", ".join(["{}"] * 100_000) + "]}",
        "pickle.calcx": b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00}\x94.",
        "not yes.calcx": "{" + ours + ', "panels": [{"panel": "Function", '
        '"state": {"hidden": ["yes"], "shading": "plaid"}}]}',
        "twice.calcx": '{"version": 2, "version": 99}',
        "text version.calcx": '{"format": "' + FORMAT + '", "version": "2"}',
        "huge number.calcx": "{" + ours + ', "window": {"parameters": {"a": 1' + "0" * 400 + "}}}",
        "yaml.calcx": "format: calc-explorer-session\nversion: 2\n",
    }
    paths = [tmp_path / "deleted before opening.calcx", tmp_path]  # gone, and a folder
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(path)
    return paths


def test_every_damaged_session_file_is_explained_in_chinese(chinese, tmp_path, monkeypatch):
    shown = []
    chinese.session.problem.connect(lambda title, message: shown.append((title, message)))
    monkeypatch.setattr(chinese, "show_problem", lambda *_: None)
    reader = Reader()
    for path in _damaged_files(tmp_path):
        chinese.session.mark_clean()
        shown.clear()
        if chinese.session.open_path(path):
            # A tab's state is applied, and its problems said, when the tab is shown.
            chinese.tabs.setCurrentIndex(chinese.tab_index("Function"))
        assert shown, path.name  # each of these files is refused or opened with changes
        # The file's own name is the user's, not a text to translate.
        reader.read(path.name, [message.replace(path.name, "") for _title, message in shown])
    assert not reader.found, reader.found


def test_the_graphs_cards_follow_a_language_switch(window, monkeypatch):
    monkeypatch.setattr(i18n, "chinese_font_installed", lambda: True)
    panel = _open_tab(window, "Graph")  # drawn in English first
    panel.run_all()
    card = panel.scene.cards[panel.model.inputs[0].id]
    assert card.toolTip().startswith("w  (input)")
    assert "adds" in card_words(panel)
    i18n.set_language("zh")
    card = panel.scene.cards[panel.model.inputs[0].id]
    assert card.toolTip().startswith("w  （输入）")
    assert card_words(panel) == []
    assert panel.stepper.state.phase == "done"  # the same step, drawn again in Chinese


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("1/x", "0", "1"),  # a pole at a bound: |f| grows like |x|ᵖ with p = −1
        ("1/x", "-1", "1"),  # a pole inside, +∞ on one side and −∞ on the other
        ("1/x", "1", "inf"),  # a tail that decays too slowly
        ("x", "0", "inf"),  # a tail that does not decay
        ("sin(x)", "0", "inf"),  # oscillating without a limit
        ("sqrt(x)", "-1", "1"),  # no real values inside
        ("1/sqrt(x)", "0", "1"),  # unbounded but integrable
        ("floor(x)", "0", "3.5"),  # jumps
        ("x^2", "1", "0"),  # b < a
    ],
)
def test_the_integral_tabs_verdicts_are_in_chinese(chinese, qtbot, text, lower, upper):
    panel = _open_tab(chinese, "Integral")
    panel.set_state(IntegralState(lower=lower, upper=upper))
    panel.set_expression(parse(text, variables=("x",), parameters=True))
    qtbot.waitUntil(lambda: panel.numeric is not None)
    reader = Reader()
    reader.read(text, [*shown_texts(panel), core_text(panel.numeric.reason)])
    reader.read(text, [core_text(note) for note in panel.numeric.notes])
    assert not reader.found, reader.found
