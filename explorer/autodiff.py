"""``import explorer.autodiff as torch``: the autodiff core under PyTorch's names."""

from explorer.core.autodiff import *  # noqa: F403
from explorer.core.autodiff import TABLE_FUNCTIONS, __all__  # noqa: F401

globals().update(TABLE_FUNCTIONS)
from explorer.core.autodiff import optim  # noqa: E402, F401 - torch.optim.SGD, torch.optim.Adam


def draw(output):
    """The graph of ``output`` as the app's Graph tab draws it (values, gradients, partials),
    shown inline in Jupyter (``_repr_svg_``, ``_repr_png_``) or saved with ``.save(path)``.

    Not a PyTorch name: it answers micrograd's ``draw_dot`` and torchviz, without Graphviz.
    """
    # Qt is imported only when a picture is asked for: the facade itself stays Qt-free.
    from explorer.ui.graph_view.notebook import draw_tensor

    return draw_tensor(output)
