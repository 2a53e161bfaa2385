"""The Export Image dialog: the suffix follows the format, choices are remembered."""

from explorer.ui.export_dialog import ExportDialog


def test_format_choice_sets_the_suffix_and_choices_are_remembered(qtbot, settings, tmp_path):
    dialog = ExportDialog(settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "figure.png"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    assert dialog.chosen_path() == tmp_path / "figure.svg"
    dialog.width_box.setValue(900)
    dialog.height_box.setValue(600)
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = ExportDialog(settings)
    qtbot.addWidget(again)
    assert again.chosen_format() == "svg"
    assert again.chosen_size() == (900, 600)
    assert again.chosen_path() == tmp_path / "plot.svg"
