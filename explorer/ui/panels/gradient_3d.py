"""The Gradient panel's optional 3-D tab: the surface z = f(x, y) with P and its tangent plane.

It needs ``pyqtgraph.opengl`` (PyOpenGL, ``pip install ".[3d]"``) and a working OpenGL context.
Without either the tab holds a one-line note instead; nothing else in the panel depends on it.
The GL view is made only when the tab is first shown, and only once an OpenGL context has been
made: a QOpenGLWidget in a window makes Qt compose the whole window through OpenGL, so one that
cannot get a context would leave the window unable to reach the screen.
The numbers (surface samples, P, the tangent plane) come from ``explorer.core.gradient``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QOffscreenSurface, QOpenGLContext
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from explorer.core.gradient.field import FieldGrid, sample_field
from explorer.core.gradient.point import PointAnalysis, tangent_plane
from explorer.core.gradient.surface import Surface
from explorer.ui.appearance import current_theme, follow_theme
from explorer.ui.i18n import Context

T = Context("GradientPanel")

MISSING_NOTE = T.mark(
    'The 3-D view needs PyOpenGL: pip install ".[3d]" (the rest of this panel works without it).'
)
NO_OPENGL_NOTE = T.mark("The 3-D view needs OpenGL, which this display does not offer.")
SURFACE_SAMPLES = 80
# The tangent plane is drawn over this share of the view around P.
PLANE_FRACTION = 0.35
# The app's vermilion (tangents). The plane is drawn over the surface, half see-through, with an
# opaque edge: it touches the surface only at P and lies under a bowl everywhere else, so drawn
# in depth order the surface hid all of it but a corner (or all but its underside).
PLANE_COLOR = (0.84, 0.37, 0.0, 0.5)
PLANE_EDGE_COLOR = (0.84, 0.37, 0.0, 1.0)
POINT_COLOR = (0.84, 0.37, 0.0, 1.0)
# Items with a larger depth value are drawn later (pyqtgraph sorts by it): the plane over the
# surface, its edge and P over the plane.
OVERLAY_DEPTH = 10


def overlay_options() -> dict:
    """pyqtgraph's "translucent" blending (mixed by alpha, not added, so the vermilion stays
    vermilion over a bright surface) without its depth test: drawn over what is in front."""
    gl_constants = importlib.import_module("OpenGL.GL")
    return {
        gl_constants.GL_DEPTH_TEST: False,
        gl_constants.GL_BLEND: True,
        gl_constants.GL_CULL_FACE: False,
        "glBlendFuncSeparate": (
            gl_constants.GL_SRC_ALPHA,
            gl_constants.GL_ONE_MINUS_SRC_ALPHA,
            gl_constants.GL_ONE,
            gl_constants.GL_ONE_MINUS_SRC_ALPHA,
        ),
    }


def load_opengl() -> ModuleType | None:
    """``pyqtgraph.opengl``, or None when PyOpenGL is not installed (an optional extra)."""
    try:
        return importlib.import_module("pyqtgraph.opengl")
    except ImportError:
        return None


def opengl_context_available() -> bool:
    """Whether this display offers OpenGL: a context can be made and made current."""
    context = QOpenGLContext()
    if not context.create():
        return False
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not surface.isValid() or not context.makeCurrent(surface):
        return False
    context.doneCurrent()
    return True


class SurfaceView(QWidget):
    """The surface with P and the tangent plane at P, or a note when 3-D is unavailable."""

    def __init__(
        self,
        parent: QWidget | None = None,
        opengl: ModuleType | None = None,
        context_available: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gradientSurface")
        self._gl = opengl
        self._context_available = context_available
        self.note = QLabel(T(MISSING_NOTE) if opengl is None else T(NO_OPENGL_NOTE))
        self.note.setObjectName("gradientSurfaceNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.note)
        self.view = None
        self._items: dict[str, object] = {}
        self._pending: tuple[Surface, PointAnalysis, tuple, tuple] | None = None
        # What the drawn surface was sampled for: a drag of P only moves P and the plane.
        self._drawn_key: tuple | None = None
        self._z_map: tuple[float, float] = (0.0, 1.0)  # z ↦ (z − low)·scale
        self._tried = opengl is None

    def _make_view(self) -> None:
        # Once, when first shown: after a context could be made, the GL view replaces the note.
        self._tried = True
        if not (self._context_available or opengl_context_available)():
            return
        self.view = self._gl.GLViewWidget()
        self._recolour()
        follow_theme(self, self._recolour)
        self._stack.addWidget(self.view)
        self._stack.setCurrentWidget(self.view)

    def _recolour(self) -> None:
        # The plots' background of the theme, so the surface is not a white box in dark.
        self.view.setBackgroundColor(current_theme().background)

    def available(self) -> bool:
        """True while the 3-D view is shown (PyOpenGL present and an OpenGL context made)."""
        return self.view is not None and self._stack.currentWidget() is self.view

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._tried:
            self._make_view()
        if self.view is not None and not self.view.isValid():
            # PyOpenGL is there but the display has no OpenGL (a remote or offscreen session).
            self._stack.setCurrentWidget(self.note)
        if self._pending is not None and self.available():
            self.show_surface(*self._pending)

    def show_surface(
        self,
        surface: Surface,
        analysis: PointAnalysis,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
    ) -> None:
        """Draw f over the view, P on it and the tangent plane at P (when the tab is visible)."""
        self._pending = (surface, analysis, x_range, y_range)
        if not self.available() or not self.isVisible():
            return
        key = (surface.expression, tuple(surface.parameters.items()), x_range, y_range)
        if key != self._drawn_key:
            grid = sample_field(surface.field_function(), x_range, y_range, SURFACE_SAMPLES)
            if not self._draw_surface(grid, x_range, y_range):
                return
            self._drawn_key = key
        self._draw_point(analysis, x_range, y_range)

    def _draw_surface(self, grid: FieldGrid, x_range, y_range) -> bool:
        gl = self._gl
        z = grid.z
        finite = z[np.isfinite(z)]
        if finite.size == 0:
            return False
        low, high = float(np.percentile(finite, 2)), float(np.percentile(finite, 98))
        span = max(x_range[1] - x_range[0], y_range[1] - y_range[0])
        # z scaled to the size of the view, so a steep f does not become a needle.
        scale = span / max(high - low, 1e-12) * 0.6
        self._z_map = (low, scale)
        shown = np.clip(np.nan_to_num(z, nan=low), low, high)
        level = (shown - low) / max(high - low, 1e-12)
        # The map's colours (viridis), so the surface and the contour map read alike.
        colours = pg.colormap.get("viridis").map(level.T.reshape(-1), mode="float")
        colours[:, 3] = np.isfinite(z).T.reshape(-1)
        # GLSurfacePlotItem takes z[i, j] at (x[i], y[j]): the transpose of our grid.
        self._replace(
            "surface",
            gl.GLSurfacePlotItem(
                x=grid.xs,
                y=grid.ys,
                z=((shown - low) * scale).T,
                colors=colours,
                smooth=False,
                drawEdges=False,
            ),
        )
        self.view.setCameraPosition(distance=1.8 * span, elevation=30, azimuth=-60)
        centre = ((x_range[0] + x_range[1]) / 2, (y_range[0] + y_range[1]) / 2, 0.3 * span)
        self.view.opts["center"] = pg.Vector(*centre)
        return True

    def _draw_point(self, analysis: PointAnalysis, x_range, y_range) -> None:
        gl = self._gl
        for key in ("plane", "edge", "P"):
            old = self._items.pop(key, None)
            if old is not None:
                self.view.removeItem(old)
        if not analysis.defined:
            return
        low, scale = self._z_map
        span = max(x_range[1] - x_range[0], y_range[1] - y_range[0])
        half = PLANE_FRACTION * span / 2
        xs = np.linspace(analysis.x - half, analysis.x + half, 2)
        ys = np.linspace(analysis.y - half, analysis.y + half, 2)
        plane = (tangent_plane(analysis, xs[:, None], ys[None, :]) - low) * scale
        options = overlay_options()
        self._replace(
            "plane",
            gl.GLSurfacePlotItem(
                x=xs, y=ys, z=plane, colors=np.tile(PLANE_COLOR, (4, 1)), glOptions=options
            ),
            OVERLAY_DEPTH,
        )
        corners = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
        edge = np.array([(xs[i], ys[j], plane[i, j]) for i, j in corners])
        self._replace(
            "edge",
            gl.GLLinePlotItem(
                pos=edge, color=PLANE_EDGE_COLOR, width=2, antialias=True, glOptions=options
            ),
            OVERLAY_DEPTH + 1,
        )
        point = np.array([[analysis.x, analysis.y, (analysis.value - low) * scale]])
        self._replace(
            "P",
            gl.GLScatterPlotItem(pos=point, color=POINT_COLOR, size=12, glOptions=options),
            OVERLAY_DEPTH + 2,
        )

    def _replace(self, key: str, item: object, depth: int = 0) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.view.removeItem(old)
        item.setDepthValue(depth)
        self.view.addItem(item)
        self._items[key] = item
