"""The one image export module: PNG at a chosen pixel size, SVG, and copy to the clipboard.

Every plot panel and the graph view export through here. A target is any of: an object with an
``export_target()`` method (plot views, panels), a pyqtgraph PlotWidget / GraphicsView / PlotItem
or other QGraphicsWidget, a plain QGraphicsView or QGraphicsScene, or any QWidget.

Plots are laid out again at a comfortable logical size and then scaled up to the requested pixels,
so a 4000-pixel export has proportionally large text instead of specks. SVG is drawn with
QSvgGenerator: pyqtgraph 0.14's SVGExporter crashes with PySide6 >= 6.11 (pyqtgraph #3495), and
pyqtgraph's exporters open a file dialog when called without a file name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QGraphicsWidget, QWidget

from explorer.core.files import FolderMissingError, write_atomically
from explorer.ui.appearance import current_theme
from explorer.ui.export_scene import export_mode, view_of

# A plot is laid out as if its shorter side were at most this many pixels, then scaled up.
_LAYOUT_SHORT_SIDE = 600.0
MAX_EXPORT_SIDE = 10_000
SUPPORTED_FORMATS = ("png", "svg")


class ExportError(Exception):
    """An export request that cannot be fulfilled (bad size, unknown format, unwritable file)."""


class DestinationError(ExportError):
    """The file cannot be written where asked: no such folder, or one we may not write in."""


def check_destination(path: str | os.PathLike[str]) -> Path:
    """The folder ``path`` would be written in; DestinationError if it is missing or read-only.

    Checked before anything is drawn, so a wrong folder is reported at once and nothing is
    written; the write itself still reports any other failure.
    """
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if not folder.is_dir():
        raise DestinationError(f"The folder '{folder}' does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DestinationError(f"The folder '{folder}' cannot be written to")
    return folder


def check_size(width: int, height: int) -> tuple[int, int]:
    """Validate an export size in pixels; raise ExportError with a readable message."""
    for label, value in (("width", width), ("height", height)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ExportError(f"Image {label} must be a whole number of pixels, got {value!r}")
        if not 1 <= value <= MAX_EXPORT_SIDE:
            raise ExportError(f"Image {label} must be 1 to {MAX_EXPORT_SIDE} pixels, got {value}")
    return width, height


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The export format implied by the file suffix: "png" or "svg"."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in SUPPORTED_FORMATS:
        raise ExportError(
            f"Cannot export to '{Path(path).name}': use a .png or .svg file name"
            if suffix
            else f"'{Path(path).name}' has no .png or .svg suffix"
        )
    return suffix


def background() -> QColor:
    """What an export is painted on: the plots' background in the theme now."""
    return QColor(current_theme().background)


def render_image(target: object, width: int, height: int) -> QImage:
    """Render ``target`` to an ARGB image of exactly ``width`` × ``height`` pixels, on the
    plots' background (white, or dark in the dark theme: the text and axes are drawn for it)."""
    check_size(width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(background())
    _paint_onto(image, target, width, height)
    return image


def export_png(target: object, path: str | os.PathLike[str], width: int, height: int) -> Path:
    """Write ``target`` as a PNG of ``width`` × ``height`` pixels; returns the written path."""
    image = render_image(target, width, height)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("Qt could not encode the PNG image")
    buffer.close()
    return _write_atomically(Path(path), bytes(data.data()))


def svg_bytes(
    target: object, width: int, height: int, *, title: str = "Calculus Explorer"
) -> bytes:
    """Render ``target`` as an SVG document whose canvas is ``width`` × ``height`` pixels."""
    check_size(width, height)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1 output carries clip paths; Tiny 1.2 would let curves spill out of the plot area.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    # Match the raster path's DPI: point-sized fonts and pyqtgraph's cached QPicture axes are
    # converted with the device resolution, and QSvgGenerator's default of 72 dpi shrinks them.
    generator.setResolution(QImage(1, 1, QImage.Format.Format_ARGB32).logicalDpiX())
    generator.setTitle(title)
    generator.setDescription("Exported from Calculus Explorer")
    painter = QPainter(generator)
    try:
        painter.fillRect(QRectF(0, 0, width, height), background())
        _paint_with(painter, target, width, height)
    finally:
        painter.end()
    buffer.close()
    return pixel_sized(bytes(data.data()), width, height)


def pixel_sized(svg: bytes, width: int, height: int) -> bytes:
    """The document with its root size in pixels: ``width="1600" height="1000"``.

    QSvgGenerator writes millimetres (``423.333mm`` for 1600 px at 96 dpi), which each renderer
    converts back at its own dpi (one read it as 1499×937); a unitless size is read as pixels.
    """
    start = svg.index(b"<svg")
    end = svg.index(b">", start)
    tag = svg[start:end]
    for name, value in ((b"width", width), (b"height", height)):
        tag = re.sub(rb"(?<=\s)" + name + rb'="[^"]*"', name + b'="%d"' % value, tag, count=1)
    return svg[:start] + tag + svg[end:]


def export_svg(target: object, path: str | os.PathLike[str], width: int, height: int) -> Path:
    """Write ``target`` as SVG with a ``width`` × ``height`` canvas; returns the written path."""
    return _write_atomically(Path(path), svg_bytes(target, width, height))


def export_image(target: object, path: str | os.PathLike[str], width: int, height: int) -> Path:
    """Export as PNG or SVG, chosen by the suffix of ``path``."""
    exporters: dict[str, Callable[..., Path]] = {"png": export_png, "svg": export_svg}
    return exporters[format_for_path(path)](target, path, width, height)


def copy_image_to_clipboard(
    target: object, width: int | None = None, height: int | None = None
) -> QImage:
    """Put ``target`` on the clipboard as an image (its on-screen size unless a size is given)."""
    if width is None or height is None:
        size = natural_size(target)
        width, height = width or size.width(), height or size.height()
    image = render_image(target, width, height)
    QGuiApplication.clipboard().setImage(image)
    return image


def natural_size(target: object) -> QSize:
    """The size ``target`` has on screen, in device pixels (a fallback of 800×500 when unknown)."""
    resolved = resolve_target(target)
    if isinstance(resolved, QGraphicsWidget):
        size = resolved.size().toSize()
        view = view_of(resolved)
        ratio = view.devicePixelRatioF() if view is not None else 1.0
        size = QSize(round(size.width() * ratio), round(size.height() * ratio))
    elif isinstance(resolved, QGraphicsScene):
        size = resolved.itemsBoundingRect().size().toSize()
    else:
        size = resolved.size() * resolved.devicePixelRatioF()
    if size.width() < 16 or size.height() < 16:
        return QSize(800, 500)
    return size


def resolve_target(target: object) -> QGraphicsWidget | QGraphicsScene | QWidget:
    """Reduce an export target to what gets painted: a layout item, a scene or a widget."""
    seen = 0
    while hasattr(target, "export_target") and not isinstance(target, QGraphicsItem):
        target = target.export_target()
        seen += 1
        if seen > 10:
            raise ExportError("export_target() chain does not end")
    if isinstance(target, QGraphicsView):
        central = getattr(target, "centralWidget", None)
        # pyqtgraph views (PlotWidget, GraphicsLayoutWidget) keep their content in one item.
        if isinstance(central, QGraphicsWidget):
            return central
        if target.scene() is None:
            raise ExportError("The view has nothing to export")
        return target.scene()
    if isinstance(target, QGraphicsWidget | QGraphicsScene | QWidget):
        return target
    raise ExportError(f"Cannot export a {type(target).__name__}")


def _paint_onto(device: QPaintDevice, target: object, width: int, height: int) -> None:
    painter = QPainter(device)
    try:
        _paint_with(painter, target, width, height)
    finally:
        painter.end()


def _paint_with(painter: QPainter, target: object, width: int, height: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    resolved = resolve_target(target)
    if isinstance(resolved, QGraphicsWidget):
        _paint_layout_item(painter, resolved, width, height)
    elif isinstance(resolved, QGraphicsScene):
        _paint_scene(painter, resolved, width, height)
    else:
        _paint_widget(painter, resolved, width, height)


def _paint_layout_item(painter: QPainter, item: QGraphicsWidget, width: int, height: int) -> None:
    """Lay ``item`` out at a logical size with the target's aspect ratio, paint it scaled up."""
    scene = item.scene()
    if scene is None:
        raise ExportError("The plot is not in a scene")
    scale = max(1.0, min(width, height) / _LAYOUT_SHORT_SIDE)
    logical = QSizeF(width / scale, height / scale)
    old_geometry = item.geometry()
    try:
        item.setGeometry(QRectF(old_geometry.topLeft(), logical))
        _settle_layout(item, width, height)
        source = item.sceneBoundingRect()
        with export_mode(scene, scale):
            scene.render(
                painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.IgnoreAspectRatio
            )
    finally:
        item.setGeometry(old_geometry)
        _activate_layout(item)


def _activate_layout(item: QGraphicsWidget) -> None:
    # pyqtgraph's PlotItem shadows layout() with an attribute, so ask QGraphicsWidget directly.
    layout = QGraphicsWidget.layout(item)
    if layout is not None:
        layout.activate()


def _settle_layout(item: QGraphicsWidget, width: int, height: int) -> None:
    """Paint once into a scratch image so axes size themselves to their tick labels, re-layout.

    pyqtgraph axes learn how wide their labels are only while painting; without this pass the
    first export of a plot that was never on screen keeps a too-wide default axis.
    """
    _activate_layout(item)
    scratch = QImage(max(1, width // 4), max(1, height // 4), QImage.Format.Format_ARGB32)
    painter = QPainter(scratch)
    try:
        item.scene().render(painter, QRectF(scratch.rect()), item.sceneBoundingRect())
    finally:
        painter.end()
    _activate_layout(item)


def _paint_scene(painter: QPainter, scene: QGraphicsScene, width: int, height: int) -> None:
    """Fit everything in ``scene`` into the image with a small margin, keeping proportions."""
    with export_mode(scene, lines=False):
        source = scene.itemsBoundingRect()
        if source.isEmpty():
            return
        margin = 0.04 * max(source.width(), source.height())
        source = _with_aspect(source.adjusted(-margin, -margin, margin, margin), width / height)
        scene.render(
            painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.KeepAspectRatio
        )


def _with_aspect(rect: QRectF, aspect: float) -> QRectF:
    """``rect`` grown about its centre to ``aspect`` (width / height), so a drawing is centred."""
    # QGraphicsScene.render with KeepAspectRatio pins the source to the top-left corner.
    if rect.height() <= 0 or rect.width() <= 0:
        return rect
    if rect.width() / rect.height() < aspect:
        extra = (rect.height() * aspect - rect.width()) / 2
        return rect.adjusted(-extra, 0, extra, 0)
    extra = (rect.width() / aspect - rect.height()) / 2
    return rect.adjusted(0, -extra, 0, extra)


def _paint_widget(painter: QPainter, widget: QWidget, width: int, height: int) -> None:
    size = widget.size()
    if size.width() <= 0 or size.height() <= 0:
        raise ExportError("The widget has no size to export")
    scale = min(width / size.width(), height / size.height())
    painter.translate((width - size.width() * scale) / 2, (height - size.height() * scale) / 2)
    painter.scale(scale, scale)
    widget.render(painter, QPoint())


def _write_atomically(path: Path, data: bytes) -> Path:
    """The one atomic writer (explorer.core.files); a missing folder is a DestinationError."""
    try:
        return write_atomically(path, data)
    except FolderMissingError as error:
        raise DestinationError(str(error)) from None
