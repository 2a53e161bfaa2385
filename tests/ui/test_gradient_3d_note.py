"""The optional 3-D surface: without PyOpenGL (or OpenGL) the tab is a one-line note."""

import importlib
from types import SimpleNamespace

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from explorer.core.gradient.point import analyse_point
from explorer.core.gradient.surface import Surface
from explorer.ui.appearance import Appearance
from explorer.ui.palette import DARK, LIGHT
from explorer.ui.panels import gradient_3d
from explorer.ui.panels.gradient_3d import (
    MISSING_NOTE,
    NO_OPENGL_NOTE,
    SurfaceView,
    load_opengl,
    opengl_context_available,
)


def test_without_pyopengl_the_loader_says_so(monkeypatch):
    real_import = importlib.import_module

    def refuse(name, *args):
        if name == "pyqtgraph.opengl":
            raise ImportError("No module named 'OpenGL'")
        return real_import(name, *args)

    monkeypatch.setattr(gradient_3d.importlib, "import_module", refuse)
    assert load_opengl() is None


def test_the_note_replaces_the_view_and_drawing_is_harmless(qtbot):
    view = SurfaceView(opengl=None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert not view.available()
    assert view.note.isVisible() and view.note.text() == MISSING_NOTE
    assert "pip install" in MISSING_NOTE and ".[3d]" in MISSING_NOTE
    surface = Surface.from_text("x^2 - y^2")
    view.show_surface(surface, analyse_point(surface, 1.0, 0.5), (-3, 3), (-3, 3))
    assert view.note.isVisible()


def test_the_panel_works_with_the_note_in_its_3d_tab(qtbot, monkeypatch):
    monkeypatch.setattr("explorer.ui.panels.gradient_panel.load_opengl", lambda: None)
    from explorer.ui.panels.gradient_panel import GradientPanel

    panel = GradientPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert titles == ["Map and point", "Vector rules", "3D surface"]
    panel.tabs.setCurrentIndex(2)
    assert panel.surface_view.note.isVisible()
    panel.move_point(0.5, 0.5)
    panel.tabs.setCurrentIndex(0)
    assert panel.analysis().x == pytest.approx(0.5)


class StandInGLView(QWidget):
    """pyqtgraph.opengl's GLViewWidget as far as the background goes (where PyOpenGL is not
    installed): it keeps the colour in ``opts["bgcolor"]`` as RGBA floats, as the real one does."""

    def __init__(self):
        super().__init__()
        self.opts = {"bgcolor": (0.0, 0.0, 0.0, 1.0)}

    def setBackgroundColor(self, *args):  # noqa: N802 - the real widget's name
        self.opts["bgcolor"] = pg.mkColor(*args).getRgbF()

    def isValid(self):  # noqa: N802 - the real widget's name
        return False


def test_the_surface_background_follows_the_theme(qtbot, settings):
    opengl = load_opengl() or SimpleNamespace(GLViewWidget=StandInGLView)
    appearance = Appearance(settings)
    appearance.set_theme("dark")
    view = SurfaceView(opengl=opengl, context_available=lambda: True)
    qtbot.addWidget(view)
    view.show()

    def background():
        return QColor.fromRgbF(*view.view.opts["bgcolor"]).name()

    try:
        assert background() == DARK.background
        appearance.set_theme("light")
        qtbot.waitUntil(lambda: background() == LIGHT.background)
        appearance.set_theme("dark")
        qtbot.waitUntil(lambda: background() == DARK.background)
    finally:
        settings.clear()
        Appearance(settings).apply()


class CountedGLView(StandInGLView):
    made = 0

    def __init__(self):
        super().__init__()
        CountedGLView.made += 1


def test_without_an_opengl_context_no_gl_view_is_ever_made(qtbot):
    # PyOpenGL installed, but the display offers no OpenGL (remote, offscreen): a QOpenGLWidget
    # would make Qt compose the whole window through OpenGL, and the window could not reach the
    # screen. The tab is the note; the rest of the window draws as without PyOpenGL.
    CountedGLView.made = 0
    asked = []
    opengl = SimpleNamespace(GLViewWidget=CountedGLView)
    view = SurfaceView(opengl=opengl, context_available=lambda: asked.append(1) or False)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.view is None and CountedGLView.made == 0 and asked == [1]
    assert view.note.isVisible() and view.note.text() == NO_OPENGL_NOTE
    view.hide()
    view.show()
    assert asked == [1]  # asked once
    surface = Surface.from_text("x^2 - y^2")
    view.show_surface(surface, analyse_point(surface, 1.0, 0.5), (-3, 3), (-3, 3))
    assert not view.available() and view.note.isVisible()


def test_the_gl_view_is_made_when_the_3d_tab_is_first_shown(qtbot, monkeypatch):
    CountedGLView.made = 0
    opengl = SimpleNamespace(GLViewWidget=CountedGLView)
    monkeypatch.setattr("explorer.ui.panels.gradient_panel.load_opengl", lambda: opengl)
    monkeypatch.setattr(gradient_3d, "opengl_context_available", lambda: True)
    from explorer.ui.panels.gradient_panel import GradientPanel

    panel = GradientPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.surface_view.view is None and CountedGLView.made == 0
    panel.tabs.setCurrentIndex(2)
    assert CountedGLView.made == 1 and panel.surface_view.view is not None
    panel.tabs.setCurrentIndex(0)
    panel.tabs.setCurrentIndex(2)
    assert CountedGLView.made == 1


def test_the_context_check_answers_without_failing(qtbot):
    assert opengl_context_available() in (True, False)
