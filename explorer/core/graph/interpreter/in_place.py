"""Values a graph used before an in-place update changed them (``w -= lr * w.grad``).

A gradient-descent loop builds the loss from w, then updates w in place under ``no_grad``: the
drawn graph's nodes were computed from the old w, but the tensor now holds the new one. The
tracker remembers, per leaf, the version (the autodiff core's in-place counter) each op read and
the value each version held, so the graph can show the value it used and say what w is now.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from explorer.core.autodiff.introspect import ordered_tensors
from explorer.core.text import format_number


class InPlaceTracker:
    """Fed by the interpreter: every new op result, and every leaf just before an update."""

    def __init__(self) -> None:
        self._version_used: dict[int, int] = {}  # id(leaf) -> version the latest op read
        self._values: dict[int, dict[int, np.ndarray]] = {}  # id(leaf) -> version -> value

    def record_use(self, result: Any) -> None:
        made_by = getattr(result, "_node", None)  # its node reads leaf tensors themselves
        for source in () if made_by is None else made_by._inputs:
            if getattr(source, "is_leaf", False):
                self._version_used[id(source)] = getattr(source, "_version", 0)

    def before_update(self, tensor: Any) -> None:
        """Keep the value a leaf had at its current version, if some op has read it."""
        if not getattr(tensor, "is_leaf", False) or id(tensor) not in self._version_used:
            return
        versions = self._values.setdefault(id(tensor), {})
        version = getattr(tensor, "_version", 0)
        if version not in versions:
            versions[version] = np.array(tensor.detach().numpy(), copy=True)

    def value_used(self, tensor: Any) -> np.ndarray | None:
        """The value the latest op read, when an in-place update has changed it since."""
        used = self._version_used.get(id(tensor))
        if used is None or used == getattr(tensor, "_version", 0):
            return None
        return self._values.get(id(tensor), {}).get(used)

    def show_values_used(self, model: Any, output: Any) -> tuple[Any, tuple[str, ...]]:
        """``model`` with each updated input's card showing the value its graph used, and a
        note per input: "w was updated in place afterwards: now 1.976"."""
        tensors = ordered_tensors(output)
        notes, nodes = [], list(model.nodes)
        for index, node in enumerate(nodes):
            if not node.is_leaf or node.id >= len(tensors):
                continue
            tensor = tensors[node.id]
            used = self.value_used(tensor)
            if used is None:
                continue
            now = format_number(tensor.detach().numpy())
            nodes[index] = replace(node, value=used.reshape(np.shape(node.value)))
            notes.append(
                f"{node.symbol} was updated in place afterwards: now {now} "
                f"(the graph shows the {format_number(used)} it used)"
            )
        if not notes:
            return model, ()
        return replace(model, nodes=tuple(nodes)), tuple(notes)
