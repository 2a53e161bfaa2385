"""``import explorer.autodiff as torch``: the autodiff core under PyTorch's names."""

from explorer.core.autodiff import *  # noqa: F403
from explorer.core.autodiff import TABLE_FUNCTIONS, __all__  # noqa: F401

globals().update(TABLE_FUNCTIONS)
from explorer.core.autodiff import optim  # noqa: E402, F401 - torch.optim.SGD, torch.optim.Adam
