"""The export module: PNG at the requested size, SVG that parses and renders, clipboard."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QLabel

from explorer.ui import export
from explorer.ui.plot import PALETTE, PlotView

CURVE_COLOUR = QColor(PALETTE[0])


def image_array(image: QImage) -> np.ndarray:
    """Pixels as an (h, w, 4) uint8 array in B, G, R, A order (ARGB32 on little-endian)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8)
    return buffer.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]


def non_white_share(image: QImage) -> float:
    pixels = image_array(image)[..., :3].astype(int)
    return float((pixels.sum(axis=2) < 3 * 250).mean())


def colour_pixels(image: QImage, colour: QColor, tolerance: int = 40) -> int:
    pixels = image_array(image)[..., :3].astype(int)
    target = np.array([colour.blue(), colour.green(), colour.red()])
    return int((np.abs(pixels - target).sum(axis=2) < tolerance).sum())


def render_svg(data: bytes, width: int, height: int) -> QImage:
    renderer = QSvgRenderer(data)
    assert renderer.isValid()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


@pytest.fixture
def plot(qtbot):
    view = PlotView()
    qtbot.addWidget(view)
    view.resize(700, 450)
    x = np.linspace(-3, 3, 601)
    y = x**2 - 2
    y[300] = np.nan
    view.set_curve("f", x, y, name="f(x) = x² − 2", color=PALETTE[0])
    view.set_view_range((-3, 3), (-3, 8))
    return view


def test_png_has_requested_size_and_shows_the_curve(plot, tmp_path):
    path = export.export_png(plot, tmp_path / "plot.png", 1600, 1000)
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 1000)
    assert 0.01 < non_white_share(image) < 0.6
    # The curve is there, drawn thick enough to be seen at this size.
    assert colour_pixels(image, CURVE_COLOUR) > 3000
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_png_export_restores_the_on_screen_layout(plot, tmp_path):
    geometry = plot.plot_item.geometry()
    pen_width = plot.curve("f").curve.opts["pen"].widthF()
    export.export_png(plot, tmp_path / "plot.png", 2400, 1500)
    assert plot.plot_item.geometry() == geometry
    assert plot.curve("f").curve.opts["pen"].widthF() == pen_width


def test_svg_is_valid_xml_with_the_requested_canvas_and_renders(plot, tmp_path):
    path = export.export_svg(plot, tmp_path / "plot.svg", 1600, 1000)
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 1600 1000"
    text = path.read_text(encoding="utf-8")
    assert CURVE_COLOUR.name().lower() in text.lower()
    image = render_svg(path.read_bytes(), 800, 500)
    assert 0.01 < non_white_share(image) < 0.6
    assert colour_pixels(image, CURVE_COLOUR) > 500


def test_cursor_crosshair_is_left_out_of_exports(plot):
    plain = export.render_image(plot, 600, 400)
    plot.show_cursor(1.0, 2.0)
    with_cursor = export.render_image(plot, 600, 400)
    assert plot._cross_v.isVisible()  # restored after the export
    np.testing.assert_array_equal(image_array(plain), image_array(with_cursor))


def test_plain_scene_and_view_export_fit_their_items(qtbot):
    scene = QGraphicsScene()
    scene.addEllipse(QRectF(0, 0, 100, 60))
    scene.addText("node")
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    for target in (scene, view):
        image = export.render_image(target, 400, 300)
        assert (image.width(), image.height()) == (400, 300)
        assert non_white_share(image) > 0.001
        root = ET.fromstring(export.svg_bytes(target, 400, 300))
        assert root.tag.endswith("svg")


def test_plain_widget_export(qtbot):
    label = QLabel("Hello")
    qtbot.addWidget(label)
    label.resize(120, 40)
    image = export.render_image(label, 240, 80)
    assert (image.width(), image.height()) == (240, 80)
    assert non_white_share(image) > 0


def test_export_replaces_an_existing_file(plot, tmp_path):
    path = tmp_path / "plot.png"
    path.write_bytes(b"old contents")
    export.export_image(plot, path, 320, 200)
    assert QImage(str(path)).size().width() == 320
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plot.png"]


@pytest.mark.parametrize(
    ("name", "width", "height", "message"),
    [
        ("plot.jpg", 100, 100, "use a .png or .svg"),
        ("plot", 100, 100, "no .png or .svg"),
        ("plot.png", 0, 100, "width must be 1 to"),
        ("plot.png", 100, 20000, "height must be 1 to"),
    ],
)
def test_bad_requests_raise_and_write_nothing(plot, tmp_path, name, width, height, message):
    with pytest.raises(export.ExportError, match=message):
        export.export_image(plot, tmp_path / name, width, height)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_reported(plot, tmp_path):
    with pytest.raises(export.ExportError, match="does not exist"):
        export.export_png(plot, tmp_path / "nowhere" / "plot.png", 100, 100)


def test_copy_to_clipboard_puts_the_image_there(plot):
    image = export.copy_image_to_clipboard(plot, 640, 400)
    clipboard_image = QGuiApplication.clipboard().image()
    assert (clipboard_image.width(), clipboard_image.height()) == (640, 400)
    assert image.size() == clipboard_image.size()


def test_objects_without_a_picture_are_refused():
    with pytest.raises(export.ExportError, match="Cannot export"):
        export.render_image(object(), 10, 10)


def _curve_thickness(image: QImage, colour: QColor) -> int:
    """Rows of ``colour`` in the middle column: the thickness of a horizontal line there."""
    pixels = image_array(image)[:, image.width() // 2, :3].astype(int)
    target = np.array([colour.blue(), colour.green(), colour.red()])
    return int((np.abs(pixels - target).sum(axis=1) < 60).sum())


@pytest.mark.parametrize("size", [(600, 400), (1800, 1200)])
def test_export_line_thickness_does_not_depend_on_the_screen_ratio(qtbot, size):
    thickness = {}
    for ratio in (1.0, 2.0):
        view = PlotView()
        qtbot.addWidget(view)
        view.devicePixelRatioF = lambda ratio=ratio: ratio
        view.fit_pens_to_screen()
        view.set_curve("f", [-1, 1], [0.3, 0.3], color=PALETTE[1], width=2.0)
        view.set_view_range((-1, 1), (-1, 1))
        assert view.curve("f").opts["pen"].widthF() == pytest.approx(2.0 * ratio)
        thickness[ratio] = _curve_thickness(export.render_image(view, *size), QColor(PALETTE[1]))
        # The on-screen pen is back after the export.
        assert view.curve("f").opts["pen"].widthF() == pytest.approx(2.0 * ratio)
    assert thickness[1.0] == thickness[2.0]
    # And the export still thickens lines with its own scale (3x at 1800x1200).
    expected = 2.0 * max(1.0, min(size) / 600.0)
    assert expected - 1 <= thickness[1.0] <= expected + 2
