"""``import explorer.autodiff as torch``: the autodiff core under PyTorch's names only."""

import explorer.core.autodiff as _core
from explorer.core.autodiff import *  # noqa: F403
from explorer.core.autodiff import optim  # noqa: E402, F401 - torch.optim.SGD, torch.optim.Adam

__all__ = _core.__all__
__getattr__ = _core.__getattr__  # a PyTorch name the core lacks says so
