"""Shipped resources: the icon's PNG sizes match its SVG source, the .desktop file is complete."""

import configparser

import pytest
from PySide6.QtGui import QImage

from explorer.ui.resources import (
    ICON_SIZES,
    app_icon,
    icon_png_path,
    render_icon_pngs,
    resource_path,
)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_committed_png_matches_a_fresh_render_of_the_svg(size, tmp_path):
    committed = QImage(str(icon_png_path(size)))
    assert (committed.width(), committed.height()) == (size, size)
    (fresh_path,) = render_icon_pngs(tmp_path, (size,))
    fresh = QImage(str(fresh_path)).convertToFormat(committed.format())
    # Same picture: regenerate with `python -m explorer.ui.resources` after editing the SVG.
    assert fresh == committed


def test_app_icon_has_every_size():
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= set(ICON_SIZES)


def test_desktop_file_launches_the_gui_script_with_the_icon():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(resource_path("calculus-explorer.desktop"), encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Calculus Explorer"
    assert entry["Exec"] == "calculus-explorer %f"  # a file manager passes the session file
    assert entry["Icon"] == "calculus-explorer"
    assert "Education" in entry["Categories"].split(";")


def test_missing_resources_raise():
    with pytest.raises(FileNotFoundError):
        resource_path("icons", "no-such-icon.png")
