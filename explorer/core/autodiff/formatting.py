"""``repr`` of a tensor exactly as PyTorch prints it: ``tensor([ 0.,  4.,  8., 12.])``.

Follows ``torch/_tensor_str.py``: all-integer floats print as ``4.``, other floats with 4 decimals,
scientific notation when magnitudes span more than 1000× (or exceed 1e8, or go below 1e-4),
one common width, lines wrapped at 80 columns and more than 1000 elements summarised with ``...``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from explorer.core.autodiff.dtypes import default_float

PRECISION = 4
LINE_WIDTH = 80
THRESHOLD = 1000
EDGE_ITEMS = 3
# dtypes PyTorch leaves out of the repr, with the default float dtype (float64 unless set).
_IMPLICIT_DTYPES = {np.dtype(np.int64), np.dtype(np.bool_)}


class _Formatter:
    def __init__(self, values: np.ndarray) -> None:
        self.floating = values.dtype.kind in "fc"
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        if not self.floating:
            for value in values.tolist():
                self.max_width = max(self.max_width, len(str(value)))
            return
        finite = values[np.isfinite(values) & (values != 0)].astype(np.float64)
        if finite.size == 0:
            return
        magnitudes = np.abs(finite)
        smallest, largest = float(magnitudes.min()), float(magnitudes.max())
        self.int_mode = bool(np.all(finite == np.ceil(finite)))
        spread = largest / smallest > 1000.0 or largest > 1.0e8
        if self.int_mode and not spread:
            texts = [f"{value:.0f}." for value in finite.tolist()]
        elif spread or (not self.int_mode and smallest < 1.0e-4):
            self.sci_mode = True
            texts = [f"{value:.{PRECISION}e}" for value in finite.tolist()]
        else:
            texts = [f"{value:.{PRECISION}f}" for value in finite.tolist()]
        self.max_width = max(len(text) for text in texts)

    def format(self, value: Any) -> str:
        if not self.floating:
            text = str(value)
        elif self.sci_mode:
            text = f"{value:{self.max_width}.{PRECISION}e}"
        elif self.int_mode:
            text = f"{value:.0f}"
            if not (math.isinf(value) or math.isnan(value)):
                text += "."
        else:
            text = f"{value:.{PRECISION}f}"
        return (self.max_width - len(text)) * " " + text


def _summarised(values: np.ndarray) -> np.ndarray:
    """The elements that will actually be printed (the edges of each dimension when large)."""
    if values.ndim == 0 or values.size <= THRESHOLD:
        return values.reshape(-1)
    if values.shape[0] > 2 * EDGE_ITEMS:
        parts = [values[:EDGE_ITEMS], values[-EDGE_ITEMS:]]
    else:
        parts = [values]
    return np.concatenate([_summarised(row) for part in parts for row in part])


def _vector(values: np.ndarray, indent: int, summarise: bool, formatter: _Formatter) -> str:
    element_length = formatter.max_width + 2
    per_line = max(1, int(math.floor((LINE_WIDTH - indent) / element_length)))
    items = values.tolist()
    if summarise and len(items) > 2 * EDGE_ITEMS:
        data = [formatter.format(v) for v in items[:EDGE_ITEMS]] + [" ..."]
        data += [formatter.format(v) for v in items[-EDGE_ITEMS:]]
    else:
        data = [formatter.format(v) for v in items]
    lines = [", ".join(data[i : i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _nested(values: np.ndarray, indent: int, summarise: bool, formatter: _Formatter) -> str:
    if values.ndim == 0:
        return formatter.format(values.item())
    if values.ndim == 1:
        return _vector(values, indent, summarise, formatter)
    if summarise and values.shape[0] > 2 * EDGE_ITEMS:
        rows = [_nested(values[i], indent + 1, summarise, formatter) for i in range(EDGE_ITEMS)]
        rows.append("...")
        rows += [
            _nested(values[i], indent + 1, summarise, formatter)
            for i in range(len(values) - EDGE_ITEMS, len(values))
        ]
    else:
        rows = [_nested(row, indent + 1, summarise, formatter) for row in values]
    separator = "," + "\n" * (values.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(rows) + "]"


def format_values(values: Any, indent: int = 0) -> str:
    """The bracketed numbers of a tensor repr, for any numpy value."""
    values = np.asarray(values)
    if values.size == 0:
        return "[]"
    summarise = values.size > THRESHOLD
    formatter = _Formatter(_summarised(values))
    return _nested(values, indent, summarise, formatter)


def tensor_repr(tensor: Any) -> str:
    prefix = "tensor("
    values = np.asarray(tensor._value)
    suffixes = []
    if values.size == 0 and values.shape != (0,):
        suffixes.append(f"size={tuple(values.shape)}")
    if values.dtype not in _IMPLICIT_DTYPES and values.dtype != default_float():
        suffixes.append(f"dtype=torch.{values.dtype.name}")
    if tensor._op is not None:
        suffixes.append(f"grad_fn=<{tensor._op.backward_name}>")
    elif tensor._requires_grad:
        suffixes.append("requires_grad=True")
    body = format_values(values, indent=len(prefix))
    return prefix + ", ".join([body, *suffixes]) + ")"
