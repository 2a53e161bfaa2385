"""Derivative panel with the worker, the main window, the export module and the CLI's target."""

from __future__ import annotations

import argparse

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit, QSlider

from explorer.core.expr import parse
from explorer.ui import export


def test_worker_replaces_the_formula_with_the_simplified_form(
    qtbot, derivative_panel, symbolic_worker
):
    derivative_panel.set_worker(symbolic_worker)
    with qtbot.waitSignal(derivative_panel.derivative_formula.simplified, timeout=60000) as blocker:
        derivative_panel.set_expression(parse("x^2 sin(x)/(1 + x^2)"))
        # Shown at once, before the worker answers: our own steps engine's result.
        assert derivative_panel.derivative_formula.formula_text().startswith(
            "f′(x) = ((2x·sin(x) + x²·cos(x))"
        )
        assert "simplifying" in derivative_panel.derivative_formula.status_text()
    # sympy's smaller form, printed in our notation (superscripts, implied products).
    simplified = "x·(x³·cos(x) + x·cos(x) + 2sin(x))/(x⁴ + 2x² + 1)"
    assert blocker.args == [simplified]
    assert derivative_panel.derivative_formula.formula_text() == f"f′(x) = {simplified}"
    assert derivative_panel.derivative_formula.status_text() == "✓ simplified (sympy)"
    assert "(x³·cos(x) + x·cos(x)" in derivative_panel.plot.plot_item.titleLabel.text


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("x*abs(x)", "|x| + x·sign(x)"),  # sympy: Piecewise((0, Eq(x, 0)), (2x²/|x|, True))
        ("relu(x)", "step(x)"),  # sympy: Heaviside(x, 0)
        ("sigmoid(x)", "σ(x)·(1 − σ(x))"),  # sympy: 1/(4cosh(x/2)²)
        ("sqrt(x)", "1/(2√(x))"),  # sympy: 1/(2*sqrt(x)), the same
    ],
)
def test_sympys_form_outside_our_language_is_not_shown(
    qtbot, derivative_panel, symbolic_worker, text, ours
):
    derivative_panel.set_worker(symbolic_worker)
    derivative_panel.set_expression(parse(text))
    qtbot.waitUntil(
        lambda: "simplifying" not in derivative_panel.derivative_formula.status_text(),
        timeout=60000,
    )
    assert derivative_panel.derivative_formula.status_text() == "simplified"
    assert derivative_panel.derivative_formula.formula_text() == f"f′(x) = {ours}"
    title = derivative_panel.plot.plot_item.titleLabel.text
    for raw in ("Piecewise", "Heaviside", "cosh", "sqrt", "**"):
        assert raw not in title and raw not in derivative_panel.derivative_formula.formula_text()


class _TimingOutWorker(QObject):
    """Stands in for the symbolic_worker: every job fails the way a timed-out job does."""

    result_ready = Signal(int, str, object)
    failed = Signal(int, str, str)

    def __init__(self):
        super().__init__()
        self.submitted = []

    def submit(self, task, payload, timeout=10.0, channel=None):
        self.submitted.append((task, payload, timeout))
        return len(self.submitted)

    def cancel(self, request_id):
        pass


def test_timed_out_simplification_keeps_the_derived_form_quietly(derivative_panel):
    worker = _TimingOutWorker()
    derivative_panel.set_worker(worker)
    derivative_panel.set_expression(parse("x*exp(x)"))
    task, payload, timeout = worker.submitted[-1]
    assert task == "derivative_steps" and payload["text"] == "x*exp(x)" and timeout > 0
    derived = derivative_panel.derivative_formula.formula_text()
    worker.failed.emit(1, task, "Working out the derivative's steps took longer than 8 s")
    assert derivative_panel.derivative_formula.formula_text() == derived
    assert "not simplified" in derivative_panel.derivative_formula.status_text()
    # A stale answer (an older request) is ignored.
    worker.result_ready.emit(0, task, {"simplified": "wrong"})
    assert derivative_panel.derivative_formula.formula_text() == derived


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_export_of_each_view(derivative_panel, tmp_path, suffix):
    derivative_panel.set_expression(parse("x^3 - 1/x"))
    derivative_panel.set_x0(1.0)
    for index in range(derivative_panel.views.count()):
        derivative_panel.views.setCurrentIndex(index)
        path = export.export_image(derivative_panel, tmp_path / f"view{index}.{suffix}", 900, 600)
        data = path.read_bytes()
        if suffix == "svg":
            assert b"<svg" in data and b"</svg>" in data
        else:
            image = QImage(str(path))
            assert (image.width(), image.height()) == (900, 600)
            pixels = np.array(
                [image.pixel(x, y) & 0xFFFFFF for x in range(0, 900, 7) for y in range(0, 600, 7)]
            )
            assert (pixels != 0xFFFFFF).mean() > 0.02  # something was drawn


def test_main_window_feeds_the_panel_and_parameters_get_sliders(qtbot, settings):
    from explorer.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    derivative_panel = window.panel_titled("Derivative")
    assert derivative_panel is not None and derivative_panel.objectName() == "derivativePanel"
    window.tabs.setCurrentWidget(derivative_panel)
    field = window.findChild(QLineEdit, "expressionInput")
    field.clear()
    qtbot.keyClicks(field, "a*x^2 + b")
    qtbot.waitUntil(
        lambda: (
            derivative_panel.function is not None
            and derivative_panel.function.params.keys() == {"a", "b"}
        )
    )
    slider = derivative_panel.findChild(QSlider, "parameterSlider_b")
    slider.setValue(-200)  # b = −2
    assert derivative_panel.tangent.y0 == pytest.approx(-1.0)  # a·1² + b at x₀ = 1
    # A bad edit keeps the last good state; the Function panel plots with the shared a = 1, b = −2.
    qtbot.keyClicks(field, " +")
    qtbot.waitUntil(lambda: window.expression_input.last_error() is not None)
    assert derivative_panel.function.params == {"a": 1.0, "b": -2.0}
    function_panel = window.panel_titled("Function")
    window.tabs.setCurrentWidget(function_panel)
    x, y = function_panel.last_curve.x, function_panel.last_curve.y
    np.testing.assert_allclose(y, x**2 - 2)
    window.close()


def test_cli_target_draws_the_d2l_tangent(qtbot):
    from explorer.commands.derivative import build_derivative_panel

    args = argparse.Namespace(
        expression="x^3 - 1/x",
        expression_option=None,
        at="1",
        xrange=("-5", "5"),
        second=False,
        no_secant=False,
        param=[],
        width=1000,
        height=700,
    )
    derivative_panel = build_derivative_panel(args)
    qtbot.addWidget(derivative_panel)
    assert derivative_panel.tangent.equation == "y = 4x − 4"
    x, y = derivative_panel.plot.curve_data("f")
    assert np.isnan(y[np.argmin(np.abs(x))]) or not np.all(np.isfinite(y))


def test_svg_export_paints_the_cached_curves_and_axes_as_vectors(derivative_panel):
    from PySide6.QtWidgets import QGraphicsItem

    derivative_panel.set_expression(parse("x^3 - 1/x"))
    cached_items = [
        derivative_panel.plot.curve("f").curve,
        derivative_panel.plot.plot_item.getAxis("left"),
    ]
    cached = export.svg_bytes(derivative_panel, 900, 600)
    # The pixmap cache that keeps dragging fast is back after the export ...
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(item.cacheMode() == cache for item in cached_items)
    for item in derivative_panel.plot.plot_widget.scene().items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    direct = export.svg_bytes(derivative_panel, 900, 600)
    # ... and it put no bitmaps into the SVG (the only images are pyqtgraph's point symbols).
    assert cached.count(b"<image") == direct.count(b"<image")
