"""The Derivative tab's tangent note box never hides a curve: it sits where no curve is drawn,
or, when the curves leave no such spot (a·sin(b·x) + c fills every corner), in the row under
the plot, its text whole."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QRectF

# Curves are judged at their drawn points and between them (a line has only its two ends).
STEPS_BETWEEN = 8


def drawn_points_in_scene(plot) -> np.ndarray:
    """Every curve of the plot as scene points, each segment filled in between its ends."""
    # pyqtgraph brings the view's transform up to date when it is painted; now, here.
    plot.view_box.updateMatrix()
    transform = plot.view_box.childGroup.sceneTransform()
    chunks = []
    for key in plot.curve_keys():
        x, y = (np.atleast_1d(np.asarray(values, dtype=float)) for values in plot.curve_data(key))
        if x.size < 2:
            continue
        fractions = np.linspace(0.0, x.size - 1.0, (x.size - 1) * STEPS_BETWEEN + 1)
        index = np.arange(x.size, dtype=float)
        xs, ys = np.interp(fractions, index, x), np.interp(fractions, index, y)
        keep = np.isfinite(xs) & np.isfinite(ys)
        xs, ys = xs[keep], ys[keep]
        chunks.append(
            np.column_stack(
                [
                    transform.m11() * xs + transform.m21() * ys + transform.dx(),
                    transform.m12() * xs + transform.m22() * ys + transform.dy(),
                ]
            )
        )
    return np.concatenate(chunks)


def box_in_scene(label) -> QRectF:
    label.updateTransform(force=True)
    return label.mapRectToScene(label.boundingRect())


# (f, x₀, secant shown): the note must find room beside f, f′, the tangent and the secant.
CASES = [
    ("a*sin(b*x)+c", 1.0, True),  # #13 item 10: the note once covered part of f′
    ("a*sin(b*x)+c", -2.0, False),
    ("x^3 - 1/x", 1.0, True),
    ("sin(x)/x", 0.5, True),
    ("x^2", 1.0, False),
    ("abs(x)", 0.0, False),  # a "No tangent" note
]


def test_the_tangent_note_hides_no_curve(qtbot, settings, show_at_window_size):
    from explorer.ui.main_window import MainWindow

    window = show_at_window_size(MainWindow(settings))
    panel = window.panel_titled("Derivative")
    window.tabs.setCurrentWidget(panel)
    label, row = panel.layer.label, panel.plot.note_row
    for text, x0, secant in CASES:
        before = panel.function
        window.expression_input.set_text(text)
        qtbot.waitUntil(lambda b=before: panel.function is not b)
        panel.set_state(replace(panel.state(), x0=x0, show_secant=secant))
        note = label.toPlainText()
        assert note
        if label.isVisible():
            box = box_in_scene(label).adjusted(-2, -2, 2, 2)
            points = drawn_points_in_scene(panel.plot)
            inside = (
                (points[:, 0] >= box.left())
                & (points[:, 0] <= box.right())
                & (points[:, 1] >= box.top())
                & (points[:, 1] <= box.bottom())
            )
            assert not inside.any(), f"{text}: the note covers {inside.sum()} curve points"
            assert not row.isVisible()
        else:
            # Outside the plot, nothing of it lost.
            assert row.isVisible() and row.text() == note, text
            assert row.geometry().top() >= panel.plot.plot_widget.geometry().bottom()
