"""``import explorer.autodiff as torch``: the autodiff core under PyTorch's names only."""

import explorer.core.autodiff as _core
from explorer.core.autodiff import *  # noqa: F403
from explorer.core.autodiff import optim  # noqa: E402, F401 - torch.optim.SGD, torch.optim.Adam

__all__ = _core.__all__
__getattr__ = _core.__getattr__  # a PyTorch name the core lacks says so


def draw(output):
    """The graph of ``output`` as the app's Graph tab draws it (values, gradients, partials),
    shown inline in Jupyter (``_repr_svg_``, ``_repr_png_``) or saved with ``.save(path)``.

    The one name here that is not PyTorch's (issue 12 asks for it): it answers micrograd's
    ``draw_dot`` and torchviz, without Graphviz.
    """
    # Qt is imported only when a picture is asked for: the facade itself stays Qt-free.
    from explorer.ui.graph_view.notebook import draw_tensor

    return draw_tensor(output)
