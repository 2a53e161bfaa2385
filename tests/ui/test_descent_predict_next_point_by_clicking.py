"""Descent tab: click (or drag) where the next step lands, Reveal scores it and takes the step."""

from PySide6.QtCore import QPointF, Qt

from explorer.core.lessons import load_lessons

DESCENT = next(lesson for lesson in load_lessons().lessons if lesson.name == "06-gradient-descent")
SHOWS = {show.id: show for show in DESCENT.shows}


def _descent(window, qtbot, show_id):
    window.resize(1280, 800)
    window.session.apply(SHOWS[show_id].session)  # the lesson's Show me
    panel = window.panel_titled("Descent")
    qtbot.waitUntil(lambda: panel.race is not None)
    return panel


def _click(qtbot, view, x, y):
    widget = view.plot_widget
    where = widget.mapFromScene(view.view_box.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_a_guess_short_of_an_overshooting_step_is_named_then_the_step_is_taken(window, qtbot):
    panel = _descent(window, qtbot, "overshoot")  # f = x², η = 0.9 from x = 10
    assert panel.state().frame == 0
    panel.predict_box.click()
    assert not panel.reveal_button.isEnabled()
    _click(qtbot, panel.curve_view, 2.0, 4.0)  # the step stopping short of the minimum
    assert panel.reveal_button.isEnabled()
    (guess,) = panel._guess
    assert abs(guess - 2.0) < 0.2  # where the click landed on the curve
    panel.reveal_button.click()
    verdict = panel.prediction_verdict.text()
    # 10 − 0.9·2·10 = −8, by hand
    assert "lands at −8" in verdict and "overshoots" in verdict
    assert panel.state().frame == 1  # revealed: the step is taken


def test_a_right_guess_and_a_sign_error(window, qtbot):
    panel = _descent(window, qtbot, "overshoot")
    panel.predict_box.click()
    _click(qtbot, panel.curve_view, -8.0, 64.0)
    panel.reveal_button.click()
    assert panel.prediction_verdict.text().startswith("✓")
    # from −8 the next step is −8 + 0.9·16 = 6.4; stepping uphill lands at −8 − 14.4 = −22.4
    panel.predict((-22.4,))
    panel.reveal_button.click()
    assert "sign error" in panel.prediction_verdict.text()
    assert panel.state().frame == 2


def test_on_the_map_a_click_places_a_handle_that_drags(window, qtbot):
    panel = _descent(window, qtbot, "bowl")  # f = x² + 2y², η = 0.1 from (−5, −2)
    panel.predict_box.click()
    start = panel.state().start
    _click(qtbot, panel.map_view, -3.0, 0.0)
    assert panel.state().start == start  # the click placed the guess, not the start
    handle = panel.map_view.add_handle("prediction", color="#000000")
    assert handle.isVisible()
    # dragging the handle is a new guess: onto (−4, −1.2) = (−5, −2) − 0.1·(−10, −8)
    handle.dragged.emit(-4.0, -1.2)
    panel.reveal_button.click()
    assert panel.prediction_verdict.text().startswith("✓ Right")
    panel.predict_box.click()
    assert not handle.isVisible() and panel.prediction_verdict.text() == ""
