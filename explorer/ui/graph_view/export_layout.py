"""The graph picture for export (and long chains in the view): wrapped into bands to suit the
page, sized so its text can be read.

A long chain (the seed's control-flow program traces 12 nodes in a row) fitted into a 1200×800
page would be a thin strip with 5-pixel text; here the layers are cut into as many bands as give
the largest drawing on the page. Without a size from the user, the image takes the drawing's own
size at ``EXPORT_SCALE`` (label text about 17 pixels high), so nothing is too small to read.
Edge labels are never shortened in exports (there are no tooltips on paper).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from explorer.core.graph.model import GraphModel
from explorer.core.graph.stepper import StepState
from explorer.ui.graph_view.scene import RETURN_REACH, SCENE_MARGIN, GraphScene

EXPORT_SCALE = 1.5  # image pixels per scene unit when the size is chosen for the user
MIN_TEXT_PIXELS = 11.0  # smallest label text (font height in pixels) we call readable
# A sized export wraps into bands only when one band's text would be smaller than this: small
# but legible text (the view's 0.72 zoom shows labels about 9 px high) beats crowded turns.
_WRAP_BELOW_PIXELS = 8.0
_DEFAULT_PAGE = (1600.0, 1000.0)  # the page shape bands are chosen for when no size is given
_MARGIN = 0.04  # of the drawing's longer side, on every edge (as the export module adds)
_MAX_SIDE = 10_000
_MAX_BANDS = 8
_WIDE_ENOUGH = 2600.0  # pixels: wider than this, an unsized export wraps into bands


@dataclass
class ExportPicture:
    scene: GraphScene
    width: int
    height: int
    text_pixels: float  # height of the edge labels' font in the image, in pixels


def export_picture(
    model: GraphModel,
    state: StepState,
    *,
    width: int | None = None,
    height: int | None = None,
    numbers: bool = True,
) -> ExportPicture:
    """The scene for ``model`` at ``state`` and the image size to render it at."""
    scene = GraphScene()
    scene.show_model(model, numbers=numbers, full_labels=True)
    single = _padded(scene)
    page = (width or _DEFAULT_PAGE[0], height or _DEFAULT_PAGE[1])
    if width and not height:
        page = (width, width * single[1] / single[0])
    elif height and not width:
        page = (height * single[0] / single[1], height)
    # Given no size, a drawing that fits a wide screen at EXPORT_SCALE stays in one band.
    fits_as_is = not (width or height) and single[0] * EXPORT_SCALE <= _WIDE_ENOUGH
    # A sized page keeps one band while its text stays legible: wrapping a small graph only
    # crowds labels into the turns between bands. Shorter labels (the partial's formula and
    # number, without the long ∂target/∂source an arrow already shows) are tried first.
    sized = bool(width or height)
    bands = 1
    if not fits_as_is and not (sized and _one_band_text(single, page, scene) >= _WRAP_BELOW_PIXELS):
        bands = scene_bands(scene, page)
    if bands > 1 and sized:
        scene.show_model(model, numbers=numbers, full_labels=False)
        if _one_band_text(_padded(scene), page, scene) >= _WRAP_BELOW_PIXELS:
            bands = 1
        else:
            scene.show_model(model, numbers=numbers, full_labels=True)
    if bands > 1:
        scene.show_model(model, bands=bands, numbers=numbers, full_labels=True)
    scene.apply_state(state)
    drawn = _padded(scene)
    if width and height:
        size = (width, height)
    elif width or height:
        scale = (width / drawn[0]) if width else (height / drawn[1])
        size = (round(drawn[0] * scale), round(drawn[1] * scale))
    else:
        scale = min(EXPORT_SCALE, _MAX_SIDE / drawn[0], _MAX_SIDE / drawn[1])
        size = (math.ceil(drawn[0] * scale), math.ceil(drawn[1] * scale))
    size = (max(1, min(_MAX_SIDE, size[0])), max(1, min(_MAX_SIDE, size[1])))
    scale = min(size[0] / drawn[0], size[1] / drawn[1])
    return ExportPicture(scene, size[0], size[1], scene.fonts.label.height * scale)


def _one_band_text(drawn: tuple[float, float], page: tuple[float, float], scene) -> float:
    """The edge labels' text height in pixels when a drawing of size ``drawn`` fills ``page``."""
    return min(page[0] / drawn[0], page[1] / drawn[1]) * scene.fonts.label.height


def _padded(scene: GraphScene) -> tuple[float, float]:
    rect = scene.itemsBoundingRect()
    return _with_margin(rect.width(), rect.height())


def _with_margin(width: float, height: float) -> tuple[float, float]:
    margin = _MARGIN * max(width, height)
    return width + 2 * margin, height + 2 * margin


def choose_bands(
    size: tuple[float, float],
    layers: int,
    gap: float,
    page: tuple[float, float],
    *,
    max_scale: float = float("inf"),
) -> int:
    """How many bands make a drawing of ``size`` (one band of ``layers`` layers) largest on
    ``page``, bands ``gap`` apart; ``max_scale`` caps the scale that counts (a view never zooms
    in past 1:1 to fit)."""

    def scale_for(bands: int) -> float:
        return min(_band_scale(size, layers, gap, page, bands), max_scale)

    best, best_scale = 1, scale_for(1)
    for bands in range(2, min(layers, _MAX_BANDS) + 1):
        scale = scale_for(bands)
        if scale > best_scale * 1.05:  # wrap only for a clear gain
            best, best_scale = bands, scale
    return best


def _band_size(
    size: tuple[float, float],
    layers: int,
    gap: float,
    bands: int,
    band_width: Callable[[int], float] | None = None,
) -> tuple[float, float]:
    """The size of a drawing of ``size`` (one band of ``layers`` layers) in ``bands`` bands;
    ``band_width`` (of the number of columns in a band) measures a band's width exactly."""
    per_band = math.ceil(layers / bands)
    if band_width is None:
        width = size[0] * per_band / layers
    else:
        width = band_width(per_band)
    # Runs back to the next band reach out on both sides of the cards.
    width += 2 * RETURN_REACH if bands > 1 else 0.0
    return width, bands * size[1] + (bands - 1) * gap


def _band_scale(
    size: tuple[float, float], layers: int, gap: float, page: tuple[float, float], bands: int
) -> float:
    padded = _with_margin(*_band_size(size, layers, gap, bands))
    return min(page[0] / padded[0], page[1] / padded[1])


def scene_bands(scene: GraphScene, page: tuple[float, float], **options: float) -> int:
    """``choose_bands`` for a scene drawn in one band."""
    rect = scene.itemsBoundingRect()
    layers = scene.layout.width if scene.layout is not None else 1
    size = (rect.width(), rect.height())
    return choose_bands(size, layers, scene.band_clearance, page, **options)


class ViewWrapper:
    """Bands for the Graph panel's view: a long chain that would not fit at a readable zoom is
    wrapped (the seed's control-flow program traces a dozen nodes in a row); the one-band size
    is measured once per model, so a resize does not rebuild the scene."""

    def __init__(self, readable_zoom: float):
        self.readable_zoom = readable_zoom

    def bands_for(self, scene: GraphScene, model: GraphModel, viewport: tuple[int, int]) -> int:
        """Prepares ``model``'s items on ``scene`` and measures where they go in one band (the
        scene keeps that placement, so a drawing in one band is placed only once)."""
        scene.prepare(model)
        # The cards' outline first: at least as large as the drawing, it settles a big graph
        # that fits at no band count without routing its edges in one band.
        single = scene.outline(1)
        layers, gap = single.layout.width, single.band_clearance
        page = (float(max(viewport[0], 200)), float(max(viewport[1], 150)))
        margins = 2 * SCENE_MARGIN  # as the view fits the scene
        counts = range(1, min(layers, _MAX_BANDS) + 1)

        def sizes_of(rect) -> dict[int, tuple[float, float]]:
            size = (rect.width(), rect.height())
            return {
                count: _band_size(size, layers, gap, count, single.band_width) for count in counts
            }

        def fits(band_width: float, band_height: float) -> bool:
            scale = min(page[0] / (band_width + margins), page[1] / (band_height + margins))
            return scale >= self.readable_zoom

        sizes = sizes_of(single.rect)
        if any(fits(*size) for size in sizes.values()):
            single = scene.placement(1)  # the whole drawing, measured exactly
            sizes = sizes_of(single.rect)
        # The fewest bands that show it whole at a readable size; when none do, the fewest
        # that make it as wide as the view, so it reads like a page, scrolling down only.
        for count, size in sizes.items():
            if fits(*size):
                return count
        for count, (band_width, _) in sizes.items():
            if (band_width + margins) * self.readable_zoom <= page[0]:
                return count
        # Too big to read whole at any band count: the bands that make it largest, judged on
        # the outline (a graph this big is hardly larger with its labels).
        rect = single.rect
        return choose_bands((rect.width(), rect.height()), layers, gap, page, max_scale=1.0)
