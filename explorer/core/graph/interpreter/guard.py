"""Run-time guards of the restricted interpreter: which values, attributes and calls are allowed.

Every value the program touches passes through ``Guard``: it resolves builtins and ``torch``
names from whitelists, counts graph nodes, steps and loop iterations against the limits, and
captures ``print`` output.

Memory: before any operator, comparison, ``torch`` function or tensor method runs, the element
count of its result is predicted from its arguments' shapes (``predicted_elements``: creation
sizes, broadcasting, matrix products, concatenation, repeats) and refused when one tensor would
be too large or the run's one budget would be exceeded, so numpy never allocates it. Sizes given
as tensors, floats or numpy scalars are converted to whole numbers first. The budget counts
every tensor element created, every item ``.tolist()`` makes and every character printed.
"""

from __future__ import annotations

import ast
import math
import operator
from typing import Any

import numpy as np

from explorer.core.graph.interpreter.in_place import InPlaceTracker
from explorer.core.graph.interpreter.objects import (
    Builtin,
    TorchNamespace,
    UserFunction,
    format_for_print,
    kind,
)
from explorer.core.graph.interpreter.rules import (
    BUILTIN_NAMES,
    SETTABLE_TENSOR_ATTRIBUTES,
    TENSOR_ATTRIBUTES,
    InterpreterLimits,
    refuse,
)

# UserFunction and format_for_print are re-exported: the interpreter imports them from here.
__all__ = ["Guard", "UserFunction", "format_for_print"]

_NUMBER_TYPES = (int, float, bool, np.number, np.bool_)


class SandboxLimit(RuntimeError):
    """An allocation the autodiff core was about to make, refused by the run's caps."""


_CREATION_BY_SIZE = {"zeros", "ones", "randn", "rand", "empty", "full"}


class Guard:
    """Counts and checks everything a run does against ``InterpreterLimits``."""

    def __init__(self, namespace: Any, limits: InterpreterLimits):
        self.limits = limits
        self.torch = TorchNamespace(namespace)
        self.tensor_type = type(namespace.tensor(0.0))
        self.builtins = {name: Builtin(name) for name in BUILTIN_NAMES}
        self.steps = 0
        self.loop_iterations = 0
        self.graph_nodes = 0
        self.total_elements = 0
        self.prints: list[str] = []
        self.in_place = InPlaceTracker()
        self.print_lines: list[int] = []  # the source line of each print, for the graph view
        self._printed: list[str] = []
        self._printed_chars = 0
        self.backward_output: Any = None

    # ----- counters ---------------------------------------------------------------------------
    def tick(self, node: ast.AST) -> None:
        self.steps += 1
        if self.steps > self.limits.max_steps:
            raise refuse(
                f"Stopped: the program ran more than {self.limits.max_steps:,} steps", node
            )

    def loop_tick(self, node: ast.AST) -> None:
        self.loop_iterations += 1
        if self.loop_iterations > self.limits.max_loop_iterations:
            raise refuse(
                f"Stopped: loops ran more than {self.limits.max_loop_iterations:,} iterations in "
                f"total (does the loop at line {node.lineno} ever end?)",
                node,
            )

    def produced(self, value: Any, node: ast.AST) -> Any:
        """Count a result: every new tensor is a graph node and uses elements."""
        if isinstance(value, self.tensor_type):
            self.in_place.record_use(value)
            self.graph_nodes += 1
            if self.graph_nodes > self.limits.max_graph_nodes:
                raise refuse(
                    f"Stopped: the graph grew past {self.limits.max_graph_nodes:,} nodes", node
                )
            self._use_elements(int(np.prod(value.shape, dtype=np.int64)), node)
        elif isinstance(value, np.ndarray):
            self._use_elements(value.size, node)
        elif isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > self.limits.max_integer_bits:
                raise refuse("Number too large for this sandbox", node)
        return value

    def _use_elements(self, count: int, node: ast.AST) -> None:
        self._check_size(count, node)
        self._check_budget(count, node)
        self.total_elements += count

    def _check_budget(self, count: int, node: ast.AST) -> None:
        """Refuse ``count`` more elements (or list items, or characters) past the run's budget."""
        if self.total_elements + count > self.limits.max_total_elements:
            raise refuse(
                f"Stopped: the program created more than {self.limits.max_total_elements:,} "
                "tensor elements in total (list items and printed characters count too)",
                node,
            )

    def check_allocation(self, elements: int) -> None:
        """The autodiff core's allocation hook while the program runs: a second line behind the
        predictions below, for any op they do not know (raises ``SandboxLimit``)."""
        if elements > self.limits.max_tensor_elements:
            raise SandboxLimit(
                f"A tensor of {elements:,} elements is too large here "
                f"(max {self.limits.max_tensor_elements:,})"
            )

    def check_call_size(self, name: str, owner: Any, args: list, kwargs: dict, node) -> None:
        """Before a torch function or tensor method runs: refuse a result too large to make."""
        count = predicted_elements(name, owner, args, kwargs, self.tensor_type)
        if count is None:
            return
        self._check_size(count, node)
        if name == "tolist":  # a Python list of that many items: counted here, not as a tensor
            self._check_budget(count, node)
            self.total_elements += count
            return
        operands = _shapes([owner, *args, *kwargs.values()], self.tensor_type)
        if count > max((math.prod(shape) for shape in operands), default=0):
            self._check_budget(count, node)  # a result larger than its inputs: a new allocation

    def is_tensor(self, value: Any) -> bool:
        return isinstance(value, self.tensor_type)

    # ----- names and attributes ---------------------------------------------------------------
    def builtin(self, name: str, node: ast.AST) -> Any:
        if name == "torch":
            return self.torch
        if name in self.builtins:
            return self.builtins[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        raise refuse(f"Name '{name}' is not defined", node)

    def name_tensor(self, value: Any, name: str) -> None:
        """Label a tensor with the variable it was assigned to (the graph shows it).

        An intermediate takes its latest name (``b = a * 2; c = b`` shows c), but a leaf keeps
        its first: after ``y = x`` the input is still x, as the program's author thinks of it.
        """
        if isinstance(value, self.tensor_type):
            if value.is_leaf and getattr(value, "name", None):
                return
            try:
                value.name = name
            except AttributeError:
                pass

    def get_attribute(self, owner: Any, attribute: str, node: ast.AST) -> Any:
        if owner is self.torch:
            if attribute not in self.torch.allowed:
                raise refuse(f"'torch.{attribute}' is not available in this sandbox", node)
            value = getattr(self.torch.module, attribute)
            if callable(value) and not isinstance(value, type):
                raise refuse(f"Call torch.{attribute}(...) directly", node)
            return value
        if isinstance(owner, self.tensor_type):
            self._check_tensor_attribute(attribute, node)
            return self.produced(getattr(owner, attribute), node)
        raise refuse(f"Attribute '.{attribute}' is not available on {kind(owner)}", node)

    def _check_tensor_attribute(self, attribute: str, node: ast.AST) -> None:
        if attribute not in TENSOR_ATTRIBUTES or not hasattr(self.tensor_type, attribute):
            raise refuse(f"Tensor attribute '.{attribute}' is not available in this sandbox", node)

    def set_attribute(self, owner: Any, attribute: str, value: Any, node: ast.AST) -> None:
        if not isinstance(owner, self.tensor_type) or attribute not in SETTABLE_TENSOR_ATTRIBUTES:
            allowed = ", ".join(sorted(SETTABLE_TENSOR_ATTRIBUTES))
            raise refuse(f"Only a tensor's {allowed} can be assigned here", node)
        if attribute == "grad" and value is not None and not isinstance(value, self.tensor_type):
            name = type(value).__name__
            raise refuse(f".grad can only be set to a tensor or None, not {name}", node)
        if attribute == "requires_grad" and not isinstance(value, (bool, np.bool_)):
            raise refuse(
                f".requires_grad can only be set to True or False, not {kind(value)}", node
            )
        setattr(owner, attribute, value)

    def subscript(self, owner: Any, index: Any, node: ast.AST) -> Any:
        if not isinstance(owner, (self.tensor_type, tuple, list, np.ndarray)):
            raise refuse(f"Indexing is not available on {kind(owner)}", node)
        return owner[index]

    def unpack(self, value: Any, count: int, node: ast.AST) -> list[Any]:
        if not isinstance(value, (tuple, list)):
            raise refuse(f"Cannot unpack {kind(value)} into {count} names", node)
        if len(value) != count:
            raise refuse(f"Expected {count} values to unpack, got {len(value)}", node)
        return list(value)

    # ----- arithmetic -------------------------------------------------------------------------
    def check_arithmetic(self, op: ast.AST, left: Any, right: Any, node: ast.AST) -> None:
        for operand in (left, right):
            if not isinstance(operand, (*_NUMBER_TYPES, self.tensor_type, np.ndarray)):
                raise refuse(f"Arithmetic needs numbers or tensors, not {kind(operand)}", node)
        if _is_int(left) and _is_int(right):
            self._check_integer_growth(op, left, right, node)
            return
        shapes = [tuple(np.shape(v)) for v in (left, right) if not isinstance(v, _NUMBER_TYPES)]
        if len(shapes) == 2:
            self._check_result_size(op, shapes[0], shapes[1], node)

    def _check_integer_growth(self, op: ast.AST, left: int, right: int, node: ast.AST) -> None:
        bits = self.limits.max_integer_bits
        if isinstance(op, ast.Pow) and right > 0 and abs(left) > 1:
            if right * math.log2(abs(left)) > bits:
                raise refuse("Number too large for this sandbox", node)
        if isinstance(op, ast.Mult) and abs(left).bit_length() + abs(right).bit_length() > bits:
            raise refuse("Number too large for this sandbox", node)

    def _check_result_size(self, op: ast.AST, left: tuple, right: tuple, node: ast.AST) -> None:
        if isinstance(op, ast.MatMult):
            if len(left) == 2 and len(right) == 2:
                size = left[0] * right[1]
                if left[0] * left[1] * right[1] > self.limits.max_total_elements:
                    raise refuse("This matrix product is too large for this sandbox", node)
                self._check_size(size, node)
            return
        try:
            shape = np.broadcast_shapes(left, right)
        except ValueError:
            return  # the core reports the shape mismatch in its own words
        self._check_size(int(np.prod(shape, dtype=np.int64)), node)

    def _check_size(self, size: int, node: ast.AST) -> None:
        if size > self.limits.max_tensor_elements:
            raise refuse(
                f"A tensor of {size:,} elements is too large here "
                f"(max {self.limits.max_tensor_elements:,})",
                node,
            )

    def check_comparable(self, left: Any, right: Any, node: ast.AST) -> None:
        allowed = (*_NUMBER_TYPES, self.tensor_type, np.ndarray, type(None), tuple, list)
        for operand in (left, right):
            if not isinstance(operand, allowed):
                raise refuse(f"Cannot compare {kind(operand)} here", node)
        arrays = [v for v in (left, right) if isinstance(v, (self.tensor_type, np.ndarray))]
        if len(arrays) == 2:  # a comparison broadcasts like arithmetic
            self._check_result_size(ast.Eq(), np.shape(arrays[0]), np.shape(arrays[1]), node)

    def truth(self, value: Any, node: ast.AST) -> bool:
        if isinstance(value, (self.tensor_type, np.ndarray)):
            if int(np.prod(np.shape(value), dtype=np.int64)) != 1:
                raise refuse(
                    "Boolean value of Tensor with more than one value is ambiguous "
                    "(use .sum(), .all() or .any() first)",
                    node,
                )
        return bool(value)

    def as_index(self, value: Any, node: ast.AST) -> int:
        if isinstance(value, float) or not isinstance(value, (int, np.integer)):
            raise refuse(f"range() needs whole numbers, got {kind(value)}", node)
        return operator.index(value)

    # ----- calls ------------------------------------------------------------------------------
    def call_attribute(self, owner: Any, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
        if owner is self.torch:
            if name not in self.torch.allowed:
                raise refuse(f"'torch.{name}' is not available in this sandbox", node)
            self.check_call_size(name, None, args, kwargs, node)
            function = getattr(self.torch.module, name)
            result = function(*args, **kwargs)
            return self._returned(result, node)
        if isinstance(owner, self.tensor_type):
            self._check_tensor_attribute(name, node)
            method = getattr(owner, name)
            if not callable(method):
                raise refuse(f"'.{name}' is a property, not a method; drop the ()", node)
            self.check_call_size(name, owner, args, kwargs, node)
            if name == "backward":
                self.backward_output = owner
            elif name.endswith("_"):  # sub_, zero_, ...: the graph may have read the old value
                self.in_place.before_update(owner)
            return self._returned(method(*args, **kwargs), node)
        raise refuse(f"'.{name}(...)' is not available on {kind(owner)}", node)

    def _returned(self, result: Any, node: ast.AST) -> Any:
        if isinstance(result, (self.tensor_type, np.ndarray, *_NUMBER_TYPES, tuple, list)):
            return self.produced(result, node)
        if result is None or isinstance(result, str):
            return result
        return None  # e.g. a random generator object: not something a program may hold

    def call_builtin(self, target: Any, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not isinstance(target, Builtin):
            raise refuse(f"'{name}' is not a function that can be called here", node)
        if target.name == "print":
            return self._print(args, kwargs, node)
        if target.name == "range":
            raise refuse("range(...) may only be used as 'for i in range(...)'", node)
        if kwargs and target.name != "round":
            raise refuse(f"{target.name}() takes no keyword arguments here", node)
        for argument in args:
            self._check_builtin_argument(argument, target.name, node)
        function = {"len": len, "abs": abs, "min": min, "max": max, "float": float,
                    "int": int, "round": round}[target.name]  # fmt: skip
        return self.produced(function(*args, **kwargs), node)

    def _check_builtin_argument(self, argument: Any, name: str, node: ast.AST) -> None:
        allowed = (*_NUMBER_TYPES, self.tensor_type, np.ndarray, tuple, list)
        if not isinstance(argument, allowed):
            raise refuse(f"{name}() does not accept {kind(argument)} here", node)

    def _print(self, args: list, kwargs: dict, node: ast.AST) -> None:
        separator = kwargs.pop("sep", " ")
        ending = kwargs.pop("end", "\n")
        if kwargs or not isinstance(separator, str) or not isinstance(ending, str):
            raise refuse("print() accepts values plus sep='...' and end='...'", node)
        text = separator.join(str(argument) for argument in args)
        self._use_budget_for_text(len(text) + len(ending), node)
        self._printed_chars += len(text) + len(ending)
        if self._printed_chars > self.limits.max_output_chars:
            raise refuse(
                f"Stopped: more than {self.limits.max_output_chars:,} characters printed", node
            )
        self.prints.append(text)
        self.print_lines.append(getattr(node, "lineno", 0))
        self._printed.append(text + ending)

    def _use_budget_for_text(self, characters: int, node: ast.AST) -> None:
        self._check_budget(characters, node)
        self.total_elements += characters

    def printed_text(self) -> str:
        return "".join(self._printed)


def _is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


_MATRIX_PRODUCTS = {"matmul", "mm", "bmm", "mv", "dot", "inner", "vdot"}
_JOINS = {"cat", "concat", "concatenate", "stack", "hstack", "vstack", "column_stack"}
_EXPANSIONS = {"expand", "broadcast_to"}
_REPEATS = {"repeat", "tile"}


def whole_number(value: Any) -> int | None:
    """A size given as an int, a whole float, a numpy scalar or a one-element tensor, as an int;
    None when it is not one (the core then reports it in PyTorch's words)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if _is_int(value):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return int(value) if math.isfinite(value) and float(value).is_integer() else None
    shape = getattr(value, "shape", None)
    if shape is not None and int(np.prod(tuple(shape), dtype=np.int64)) == 1:
        try:
            item = np.asarray(value.tolist() if hasattr(value, "tolist") else value).item()
        except (TypeError, ValueError):
            return None
        return whole_number(item)
    return None


def _count_of_shape(size: Any) -> int:
    """Elements of a tensor of ``size`` (an int, or a sequence of sizes in any number type)."""
    if isinstance(size, (list, tuple)):
        numbers = [whole_number(s) for s in size]
        return math.prod(max(0, n) for n in numbers if n is not None)
    number = whole_number(size)
    return max(0, number) if number is not None else 0


def _shapes(values: Any, tensor_type: type) -> list[tuple[int, ...]]:
    found = []
    for value in values:
        if isinstance(value, (tensor_type, np.ndarray)):
            found.append(tuple(np.shape(value)))
        elif isinstance(value, (list, tuple)):
            found.extend(_shapes(value, tensor_type))
    return found


def predicted_elements(
    name: str, owner: Any, args: list, kwargs: dict, tensor_type: type
) -> int | None:
    """How many elements ``torch.name(*args)`` (or ``owner.name(*args)``) will make, from the
    arguments' shapes alone; None when it cannot tell (the op then reports its own error)."""
    operands = [owner, *args, *kwargs.values()] if owner is not None else [*args, *kwargs.values()]
    if owner is None and name in _CREATION_BY_SIZE | {"normal", "eye", "arange", "linspace"}:
        return _created_elements(name, args, kwargs)
    shapes = _shapes(operands, tensor_type)
    if name in _MATRIX_PRODUCTS and len(shapes) >= 2:
        return _product_elements(shapes[0], shapes[1])
    if name in ("outer", "ger") and len(shapes) >= 2:
        return math.prod(shapes[0]) * math.prod(shapes[1])
    if name in _JOINS:
        return sum(math.prod(shape) for shape in shapes)
    sizes = [a for a in args if not isinstance(a, (tensor_type, np.ndarray))]
    if name in _EXPANSIONS and owner is not None:
        return _count_of_shape(sizes[0] if len(sizes) == 1 else sizes)
    if name in _REPEATS and owner is not None:
        repeats = sizes[0] if len(sizes) == 1 and isinstance(sizes[0], (list, tuple)) else sizes
        return math.prod(np.shape(owner) or (1,)) * _count_of_shape(repeats)
    if not shapes:
        return None
    try:
        return math.prod(np.broadcast_shapes(*shapes))
    except ValueError:
        return None


def _created_elements(name: str, args: list, kwargs: dict) -> int:
    if name == "normal":  # normal(mean, std, size): d2l's synthetic data and weights
        return _count_of_shape(kwargs.get("size", args[2] if len(args) > 2 else ()))
    if name == "eye":
        sizes = [whole_number(a) for a in args[:2]]
        sizes = [n for n in sizes if n is not None] or [0]
        return sizes[0] * (sizes[1] if len(sizes) == 2 else sizes[0])
    if name == "linspace":
        return _count_of_shape(args[2] if len(args) >= 3 else kwargs.get("steps", 0))
    if name == "arange":
        return _arange_elements(args, kwargs)
    if "size" in kwargs:
        return _count_of_shape(kwargs["size"])
    if name == "full":
        return _count_of_shape(args[0] if args else ())
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        return _count_of_shape(args[0])
    return _count_of_shape(list(args))


def _arange_elements(args: list, kwargs: dict) -> int:
    numbers = [_as_float(a) for a in args[:3]]
    numbers = [n for n in numbers if n is not None]
    start, end, step = 0.0, 0.0, _as_float(kwargs.get("step", 1.0)) or 1.0
    if len(numbers) == 1:
        end = numbers[0]
    elif len(numbers) >= 2:
        start, end = numbers[0], numbers[1]
        step = numbers[2] if len(numbers) == 3 else step
    if step == 0 or not math.isfinite((end - start) / step):
        return 0
    return max(0, math.ceil((end - start) / step))


def _as_float(value: Any) -> float | None:
    if isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_)):
        return float(value)
    shape = getattr(value, "shape", None)
    if shape is not None and int(np.prod(tuple(shape), dtype=np.int64)) == 1:
        return _as_float(np.asarray(value.tolist()).item())
    return None


def _product_elements(left: tuple[int, ...], right: tuple[int, ...]) -> int | None:
    """Elements of ``left @ right`` (matmul's rules: vectors, matrices, broadcast batches)."""
    if not left or not right:
        return None
    rows = left[-2:-1] if len(left) >= 2 else ()
    columns = right[-1:] if len(right) >= 2 else ()
    try:
        batch = np.broadcast_shapes(left[:-2], right[:-2])
    except ValueError:
        return None
    return math.prod((*batch, *rows, *columns))
