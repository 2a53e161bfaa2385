"""Find the app's shipped files (icons, .desktop) and render the icon's PNG sizes from its SVG."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from explorer.core.session import SessionError, read_session

ICON_NAME = "calculus-explorer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_SOURCE_TREE = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("icons", "calculus-explorer.svg")``.

    Looks in the installed package first (importlib.resources) and falls back to the checkout's
    ``explorer/resources`` (the top-level ``resources`` folder links there).
    """
    try:
        candidate = resources.files("explorer").joinpath("resources", *parts)
        if candidate.is_file():
            return Path(str(candidate))
    except (ModuleNotFoundError, NotADirectoryError):
        pass
    fallback = _SOURCE_TREE.joinpath(*parts)
    if fallback.is_file():
        return fallback
    raise FileNotFoundError(f"resource not found: {'/'.join(parts)}")


def icon_svg_path() -> Path:
    return resource_path("icons", f"{ICON_NAME}.svg")


def icon_png_path(size: int) -> Path:
    return resource_path("icons", f"{ICON_NAME}-{size}.png")


def app_icon():
    """The window icon: the rendered PNG sizes (crisp at each size) plus the SVG as a fallback."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(icon_png_path(size)))
        except FileNotFoundError:
            continue
    if icon.isNull():
        icon.addFile(str(icon_svg_path()))
    return icon


def render_icon_pngs(
    out_dir: Path | None = None, sizes: tuple[int, ...] = ICON_SIZES
) -> list[Path]:
    """Render the SVG icon to ``calculus-explorer-<size>.png`` files; returns the paths written."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(icon_svg_path()))
    if not renderer.isValid():
        raise ValueError("the SVG icon does not load")
    target = out_dir or icon_svg_path().parent
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = target / f"{ICON_NAME}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    # Regenerate the committed PNGs after editing the SVG: python -m explorer.ui.resources
    for written_path in render_icon_pngs():
        print(written_path)


def example_sessions() -> list[tuple[str, Path]]:
    """(title, path) of the example sessions shipped in ``resources/examples``, in file order."""
    try:
        folder = resource_path("examples", "README.txt").parent
    except FileNotFoundError:
        return []
    examples = []
    for path in sorted(folder.glob("*.calcx")):
        try:
            title = read_session(path).title or path.stem
        except SessionError:
            continue  # a broken example is reported by the test suite, not offered
        examples.append((title, path))
    return examples
