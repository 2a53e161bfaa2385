"""``torch.autograd.grad`` and ``torch.autograd.backward``: gradients returned, not accumulated.

``grad`` runs the same backward pass as ``Tensor.backward`` and hands back ∂outputs/∂inputs,
leaving every ``.grad`` in the graph as it was (PyTorch's contract). With ``create_graph=True``
the gradients are themselves recorded, so they can be differentiated again (Hessian-vector
products, Newton's method).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from explorer.core.autodiff import engine
from explorer.core.autodiff.tensor import Tensor


def _as_list(items: Any) -> list[Any]:
    return list(items) if isinstance(items, (list, tuple)) else [items]


def backward(tensors: Any, grad_tensors: Any = None, retain_graph: bool | None = None,
             create_graph: bool = False) -> None:  # fmt: skip
    """``tensors[i].backward(grad_tensors[i])`` for each, accumulating into ``.grad``."""
    outputs = _as_list(tensors)
    seeds = _as_list(grad_tensors) if grad_tensors is not None else [None] * len(outputs)
    for index, (output, seed) in enumerate(zip(outputs, seeds, strict=True)):
        keep = bool(retain_graph or create_graph) or index < len(outputs) - 1
        output.backward(seed, retain_graph=keep, create_graph=create_graph)


def grad(outputs: Any, inputs: Sequence[Tensor] | Tensor, grad_outputs: Any = None,
         retain_graph: bool | None = None, create_graph: bool = False,
         allow_unused: bool | None = None) -> tuple[Tensor | None, ...]:  # fmt: skip
    """∂(Σ outputs·grad_outputs)/∂inputs as a tuple, one entry per input; ``.grad`` untouched."""
    output_list, input_list = _as_list(outputs), _as_list(inputs)
    for tensor in input_list:
        if not tensor.requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    leaves = {}
    for output in output_list:
        if not output.requires_grad:
            raise RuntimeError(engine.NO_GRAD_FN_MESSAGE)
        for node in engine.topological_order(output._node or output):
            if node._op is None:  # a leaf tensor is its own node
                leaves[id(node)] = node
    for tensor in input_list:
        leaves[id(tensor)] = tensor
    saved = {
        key: (tensor._grad, tensor.__dict__.get("_retains_grad")) for key, tensor in leaves.items()
    }
    interior = [t._node for t in input_list if t._node is not None]
    retained = [(node, node._tensor, node._retains_grad) for node in interior]
    try:
        for tensor in leaves.values():
            tensor._grad = None
            if tensor._node is not None:  # a non-leaf input: its gradient is deposited
                tensor._retains_grad = True
                tensor._node._retains_grad, tensor._node._tensor = True, tensor
        backward(output_list, grad_outputs, retain_graph, create_graph)
        results = tuple(tensor._grad for tensor in input_list)
    finally:
        for key, tensor in leaves.items():
            tensor._grad, retains = saved[key]
            if retains is None:
                tensor.__dict__.pop("_retains_grad", None)
            else:
                tensor._retains_grad = retains
        for node, tensor, retains in retained:
            node._tensor, node._retains_grad = tensor, retains
    unused = [index for index, result in enumerate(results) if result is None]
    if unused and not allow_unused:
        raise RuntimeError(
            f"The differentiated Tensor at index {unused[0]} appears to not have been used in "
            "the graph. Set allow_unused=True if this is the desired behavior."
        )
    return results
