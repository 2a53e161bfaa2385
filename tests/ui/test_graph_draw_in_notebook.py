"""``explorer.autodiff.draw(y)``: the app's picture of a graph, inline in Jupyter (SVG or PNG),
without Graphviz; the facade itself stays Qt-free until a picture is asked for."""

import subprocess
import sys

from PySide6.QtGui import QImage

import explorer.autodiff as torch


def seed_chain():
    w, x, y, z = (torch.tensor(v, requires_grad=True) for v in (-1.0, 0.0, -2.0, 1.0))
    for tensor, name in zip((w, x, y, z), "wxyz", strict=True):
        tensor.name = name
    a = (w + x + y + z) ** 2
    b = (w + x - y - z) ** 2
    u, v = (a + b) ** 2, (a - b) ** 2
    f = (u + v) ** 2
    for tensor, name in zip((a, b, u, v, f), "abuvf", strict=True):
        tensor.name = name
    f.backward()
    return f


def test_draw_shows_the_seeds_values_and_gradients_as_svg_and_png(qapp, tmp_path):
    drawing = torch.draw(seed_chain())
    assert {node.label for node in drawing.model.inputs} == set("wxyz")
    svg = drawing._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "1024" in svg and "−4096" in svg  # f and every input's gradient, as the seed says
    png = drawing._repr_png_()
    image = QImage.fromData(png, "PNG")
    assert not image.isNull() and image.width() > 400
    saved = drawing.save(tmp_path / "seed.svg")
    assert "−4096" in open(saved, encoding="utf-8").read()


def test_importing_the_facade_loads_no_qt():
    code = "import sys, explorer.autodiff; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
