"""The Export Image dialog: the suffix follows the format, choices are remembered."""

import pytest

from explorer.ui import main_window as main_window_module
from explorer.ui.export_dialog import ExportDialog
from explorer.ui.main_window import MainWindow


def test_format_choice_sets_the_suffix_and_choices_are_remembered(qtbot, settings, tmp_path):
    dialog = ExportDialog(settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "figure.png"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.chosen_path() == tmp_path / "figure.svg"
    dialog.width_box.setValue(900)
    dialog.height_box.setValue(600)
    dialog._accept()
    dialog.remember_folder()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = ExportDialog(settings)
    qtbot.addWidget(again)
    assert again.chosen_format() == "svg"
    assert again.chosen_size() == (900, 600)
    assert again.chosen_path() == tmp_path / "plot.svg"


@pytest.mark.parametrize(
    ("combo", "typed", "expected_name", "expected_format"),
    [
        ("png", "name.svg", "name.svg", "svg"),
        ("svg", "name.png", "name.png", "png"),
        ("png", "name.SVG", "name.svg", "svg"),
        ("svg", "name.jpg", "name.svg", "svg"),
        ("png", "name", "name.png", "png"),
    ],
)
def test_a_typed_known_extension_wins_over_the_format_box(
    qtbot, settings, tmp_path, combo, typed, expected_name, expected_format
):
    dialog = ExportDialog(settings)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(combo))
    dialog.path_edit.setText(str(tmp_path / typed))
    dialog._accept()
    assert dialog.chosen_path() == tmp_path / expected_name
    assert dialog.chosen_format() == expected_format
    assert settings.value("export/format") == expected_format


def run_export_dialog(monkeypatch, window, path):
    """Drive File ▸ Export Image… with ``path`` typed and Save pressed, without a modal loop."""
    warnings = []

    def exec_by_typing(dialog):
        dialog.path_edit.setText(str(path))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", exec_by_typing)
    monkeypatch.setattr(
        main_window_module.QMessageBox, "warning", lambda *args: warnings.append(args[2])
    )
    window.show_export_dialog()
    return warnings


def test_only_a_folder_that_was_exported_to_becomes_the_next_default(
    qtbot, settings, tmp_path, monkeypatch
):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    good = tmp_path / "good"
    good.mkdir()
    assert run_export_dialog(monkeypatch, window, good / "first.svg") == []
    assert (good / "first.svg").is_file()
    assert not (good / "first.png").exists()
    assert ExportDialog(settings).chosen_path() == good / "plot.svg"

    warnings = run_export_dialog(monkeypatch, window, "/proc/nope/second.png")
    assert warnings and "/proc/nope" in warnings[0]
    next_dialog = ExportDialog(settings)
    assert next_dialog.chosen_path().parent == good
