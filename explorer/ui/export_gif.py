"""Animated GIF export: a panel's frames rendered by the shared export module, saved by Pillow.

A target for an animation has ``export_target()`` (what one frame shows, as for PNG/SVG) and
``show_frame(step)`` (move the timeline). Every frame is rendered at the requested size by
``explorer.ui.export.render_image``; all frames share one small adaptive palette taken from the
first and last frames, so colours stay steady from frame to frame and the file stays small.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PIL import Image
from PySide6.QtGui import QImage

from explorer.core.files import write_atomically
from explorer.ui import export

# Colours in the shared palette: enough for the map's bands and the racers' lines.
PALETTE_COLORS = 96
MAX_FRAMES = 2000


class Animated(Protocol):
    def export_target(self) -> object: ...

    def show_frame(self, frame: int) -> None: ...


def _to_pillow(image: QImage) -> Image.Image:
    """The pixels as a Pillow image, straight from Qt's buffer (no PNG round trip)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    # Rows are padded to 4 bytes; Pillow's raw decoder takes the stride.
    return Image.frombuffer(
        "RGB", (width, height), bytes(image.constBits()), "raw", "RGB", image.bytesPerLine(), 1
    )


def render_frames(
    target: Animated, frames: Sequence[int], width: int, height: int
) -> list[Image.Image]:
    """Each requested timeline step rendered to a ``width`` × ``height`` RGB image."""
    images = []
    for frame in frames:
        target.show_frame(frame)
        images.append(_to_pillow(export.render_image(target, width, height)))
    return images


def write_gif(
    target: Animated,
    path: str | os.PathLike[str],
    frames: Sequence[int],
    fps: float,
    width: int,
    height: int,
) -> str:
    """Write the frames as a looping GIF at ``fps``; returns the path written."""
    if not frames:
        raise export.ExportError("No frames to write")
    if len(frames) > MAX_FRAMES:
        raise export.ExportError(f"At most {MAX_FRAMES} frames, got {len(frames)}")
    if not 0 < fps <= 100:
        raise export.ExportError(f"Frames per second must be between 0 and 100, got {fps:g}")
    width, height = export.check_size(width, height)
    out = Path(path)
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise export.ExportError(f"Cannot write {out}: the folder {out.parent} does not exist")
    images = render_frames(target, frames, width, height)
    # One palette for every frame, from the first and last (the start and the full paths).
    sample = Image.new("RGB", (width, height * 2))
    sample.paste(images[0], (0, 0))
    sample.paste(images[-1], (0, height))
    palette = sample.quantize(PALETTE_COLORS, method=Image.Quantize.MEDIANCUT)
    quantized = [image.quantize(palette=palette, dither=Image.Dither.NONE) for image in images]
    # GIF delays are in hundredths of a second; Pillow takes milliseconds.
    duration = max(20, round(1000 / fps / 10) * 10)
    buffer = io.BytesIO()
    quantized[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=quantized[1:],
        duration=duration,
        loop=0,
        optimize=False,
        disposal=1,
    )
    return str(write_atomically(out, buffer.getvalue()))
