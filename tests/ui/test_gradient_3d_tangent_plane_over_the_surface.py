"""The 3-D view's tangent plane is drawn over the surface, half see-through with an opaque edge,
and P over both: drawn in depth order, a bowl hid all of the plane but a corner.

pyqtgraph.opengl needs PyOpenGL and a display with OpenGL, which the suite does not assume: the
GL items are stood in for by recorders of what the view is asked to draw."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from explorer.core.gradient.point import analyse_point
from explorer.core.gradient.surface import Surface
from explorer.ui.panels import gradient_3d
from explorer.ui.panels.gradient_3d import SurfaceView

GL = SimpleNamespace(
    GL_DEPTH_TEST="depth test", GL_BLEND="blend", GL_CULL_FACE="cull face",
    GL_SRC_ALPHA="src alpha", GL_ONE_MINUS_SRC_ALPHA="1 - src alpha", GL_ONE="one",
)  # fmt: skip


class Recorded:
    """A GL item: what it was made with and its depth value (the order pyqtgraph draws in)."""

    def __init__(self, **options):
        self.options = options
        self.depth = 0

    def setDepthValue(self, value):  # noqa: N802 - pyqtgraph's name
        self.depth = value


class StandInView(QWidget):
    def __init__(self):
        super().__init__()
        self.opts = {}
        self.items = []

    def setBackgroundColor(self, *args):  # noqa: N802 - pyqtgraph's name
        pass

    def isValid(self):  # noqa: N802 - Qt's name
        return True

    def setCameraPosition(self, **kwargs):  # noqa: N802 - pyqtgraph's name
        pass

    def addItem(self, item):  # noqa: N802 - pyqtgraph's name
        self.items.append(item)

    def removeItem(self, item):  # noqa: N802 - pyqtgraph's name
        self.items.remove(item)


STAND_IN = SimpleNamespace(
    GLViewWidget=StandInView,
    GLSurfacePlotItem=type("GLSurfacePlotItem", (Recorded,), {}),
    GLLinePlotItem=type("GLLinePlotItem", (Recorded,), {}),
    GLScatterPlotItem=type("GLScatterPlotItem", (Recorded,), {}),
)


@pytest.fixture
def drawn(qtbot, monkeypatch):
    real_import = gradient_3d.importlib.import_module
    monkeypatch.setattr(
        gradient_3d.importlib,
        "import_module",
        lambda name, *a: GL if name == "OpenGL.GL" else real_import(name, *a),
    )
    view = SurfaceView(opengl=STAND_IN, context_available=lambda: True)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    surface = Surface.from_text("x^2 + 2y^2")
    analysis = analyse_point(surface, 0.0, 0.693147)
    view.show_surface(surface, analysis, (-3.0, 3.0), (-3.0, 3.0))
    return view, analysis


def test_the_plane_edge_and_point_are_drawn_over_the_surface(drawn):
    view, _ = drawn
    surface, plane = view._items["surface"], view._items["plane"]
    edge, point = view._items["edge"], view._items["P"]
    order = sorted(view.view.items, key=lambda item: item.depth)  # pyqtgraph's drawing order
    assert order == [surface, plane, edge, point]
    for item in (plane, edge, point):
        options = item.options["glOptions"]
        assert options[GL.GL_DEPTH_TEST] is False  # over the surface that is in front of it
        assert options[GL.GL_BLEND] is True
        # Mixed by alpha (pyqtgraph's default for points and lines adds colours: washed out).
        assert options["glBlendFuncSeparate"][:2] == (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)


def test_the_plane_is_see_through_its_edge_and_p_are_not(drawn):
    view, _ = drawn
    colours = view._items["plane"].options["colors"]
    assert colours.shape == (4, 4)
    assert np.all((colours[:, 3] >= 0.35) & (colours[:, 3] <= 0.65))
    assert view._items["edge"].options["color"][3] == 1.0
    assert view._items["P"].options["color"][3] == 1.0


def test_the_plane_touches_the_surface_at_p(drawn):
    view, analysis = drawn
    plane = view._items["plane"].options
    point = view._items["P"].options["pos"][0]
    # A plane over a square centred at P: its height at P is the mean of its corners'.
    assert np.mean(plane["x"]) == pytest.approx(analysis.x)
    assert np.mean(plane["y"]) == pytest.approx(analysis.y)
    assert np.mean(plane["z"]) == pytest.approx(point[2])
    edge = view._items["edge"].options["pos"]
    assert edge.shape == (5, 3) and np.array_equal(edge[0], edge[-1])  # a closed outline
    assert set(map(float, edge[:, 2])) == set(map(float, np.ravel(plane["z"])))
