"""The File ▸ Export Image… dialog: choose PNG or SVG, the pixel size, and the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from explorer.ui.export import MAX_EXPORT_SIDE
from explorer.ui.i18n import Context

T = Context("ExportDialog")

DEFAULT_SIZE = (1600, 1000)
_FORMATS = ((T.mark("PNG image"), "png"), (T.mark("SVG vector drawing"), "svg"))


class ExportDialog(QDialog):
    """Collects (path, format, width, height); remembers the last choices in ``settings``."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        T.window_title(self, "Export Image")
        self._settings = settings
        self.format_box = QComboBox()
        for label, suffix in _FORMATS:
            self.format_box.addItem(T(label), suffix)
        self.width_box = self._size_box(settings.value("export/width", DEFAULT_SIZE[0], type=int))
        self.height_box = self._size_box(settings.value("export/height", DEFAULT_SIZE[1], type=int))
        last_format = settings.value("export/format", "png", type=str)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(last_format)))
        default_folder = settings.value("export/folder", str(Path.home()), type=str)
        self.path_edit = QLineEdit(str(Path(default_folder) / f"plot.{self.chosen_format()}"))
        browse = T.text(QPushButton(), "Browse…")
        browse.clicked.connect(self._browse)
        self.format_box.currentIndexChanged.connect(self._sync_suffix)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for text, field, row in (
            (T.mark("Format"), self.format_box, self.format_box),
            (T.mark("Width (pixels)"), self.width_box, self.width_box),
            (T.mark("Height (pixels)"), self.height_box, self.height_box),
            (T.mark("File"), self.path_edit, path_row),
        ):
            label = T.label(text)
            # The label names its field for a screen reader (and Alt+letter, were it to have one).
            label.setBuddy(field)
            form.addRow(label, row)
        form.addRow(buttons)

    @staticmethod
    def _size_box(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(16, MAX_EXPORT_SIDE)
        box.setValue(value)
        box.setSuffix(" px")
        return box

    def chosen_format(self) -> str:
        return str(self.format_box.currentData())

    def chosen_path(self) -> Path:
        return Path(self.path_edit.text()).expanduser()

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()

    def _sync_suffix(self) -> None:
        path = self.chosen_path()
        self.path_edit.setText(str(path.with_suffix("." + self.chosen_format())))

    def _follow_typed_suffix(self) -> None:
        """A known suffix typed in the file name picks the format; any other gets the format's.

        The file name is what the user looked at last, so ``figure.svg`` with "PNG" still
        selected means SVG, not ``figure.png``.
        """
        typed = self.chosen_path().suffix.lower().lstrip(".")
        index = self.format_box.findData(typed)
        if index >= 0:
            # Switching the combo rewrites the suffix through _sync_suffix (same format, so the
            # name only loses an upper-case spelling such as ".SVG").
            self.format_box.setCurrentIndex(index)
        self._sync_suffix()

    def _browse(self) -> None:
        suffix = self.chosen_format()
        name, _ = QFileDialog.getSaveFileName(
            self, T("Export Image"), str(self.chosen_path()), f"{suffix.upper()} (*.{suffix})"
        )
        if name:
            self.path_edit.setText(name)
            self._follow_typed_suffix()

    def _accept(self) -> None:
        self._follow_typed_suffix()
        self._settings.setValue("export/width", self.width_box.value())
        self._settings.setValue("export/height", self.height_box.value())
        self._settings.setValue("export/format", self.chosen_format())
        self.accept()

    def remember_folder(self) -> None:
        """Make the chosen file's folder the next default; call only after a successful export,
        so a mistyped or unwritable folder is not offered again."""
        self._settings.setValue("export/folder", str(self.chosen_path().parent))
