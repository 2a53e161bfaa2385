"""An SVG asked for at 1600×1000 says so in pixels, so every renderer reads that size.

QSvgGenerator alone writes ``width="423.333mm"``, which one renderer read as 1499×937.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from explorer.core.expr import parse
from explorer.ui import export
from explorer.ui.plot import PlotView


@pytest.fixture
def plot(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    x = np.linspace(-2, 2, 200)
    view.set_curve("f", x, parse("x^2").evaluate(x=x), name="f(x) = x²")
    return view


@pytest.mark.parametrize(("width", "height"), [(1600, 1000), (333, 777)])
def test_the_root_size_is_in_pixels(plot, width, height):
    data = export.svg_bytes(plot, width, height)
    root = ET.fromstring(data)
    assert (root.get("width"), root.get("height")) == (str(width), str(height))
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert QSvgRenderer(data).defaultSize() == QSize(width, height)
    # Only the root's size changed: the pens' stroke-width attributes are still there.
    assert b'stroke-width="' in data


def test_a_widget_export_and_the_file_say_the_same(qtbot, tmp_path):
    label = QLabel("a widget, not a plot")
    qtbot.addWidget(label)
    path = export.export_svg(label, tmp_path / "label.svg", 1600, 1000)
    root = ET.parse(path).getroot()
    assert (root.get("width"), root.get("height")) == ("1600", "1000")
