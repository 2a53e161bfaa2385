"""The named-steps view of a program: only inputs and named definitions, as the seed draws it.

For ``a = (w+x+y+z)^2 … f = (u+v)^2`` the nodes are w, x, y, z, a, b, u, v, f and each edge
dep → def carries the single-step partial ∂def/∂dep, derived symbolically by the app's own steps
engine (other names are constants there) and evaluated at the forward values. The backward pass
is then the seed's: ∂f/∂a = ∂f/∂u·∂u/∂a + ∂f/∂v·∂v/∂a. The result is an ordinary ``GraphModel``,
so the stepper, explanations, scene and export work on it unchanged.

Values, partials and gradients here are computed independently of the autodiff core (numpy on
our expression tree, then reverse accumulation over the named edges); the tests compare them with
the op-level model and with sympy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np

from explorer.core.autodiff.engine import unbroadcast
from explorer.core.autodiff.introspect import GraphEdge, GraphNode
from explorer.core.derivative import derive
from explorer.core.expr.display import format_unicode
from explorer.core.expr.errors import ExprError
from explorer.core.expr.nodes import Definition, Node, Program, Variable, walk
from explorer.core.expr.program import OUTPUT_NAME
from explorer.core.expr.to_numpy import free_names, tree_to_numpy
from explorer.core.graph.building import tree_of
from explorer.core.graph.model import NAMED_STEPS, GraphModel

DEFINITION_OP = "definition"
_DETACH = "detach(): the value is copied, no gradient flows back"


@dataclass
class _Entry:
    """One node before it becomes a ``GraphNode``: an input, a definition or a detached copy."""

    name: str
    kind: str  # "input", "definition" or "copy"
    expr: Node | None = None
    deps: tuple[str, ...] = ()  # names read (for a copy: the definition it copies)
    value: np.ndarray | None = None


def build_named_model(
    source: Any,
    values: Mapping[str, Any],
    *,
    requires_grad: Mapping[str, bool] | None = None,
    detach: Iterable[str] = (),
) -> GraphModel:
    """The inputs-and-definitions graph of ``source`` at ``values``, after its backward pass.

    ``source`` is what ``model.build_model`` takes. ``requires_grad`` switches inputs off;
    ``detach`` names definitions that later lines read through ``.detach()`` (a copy node with a
    dashed edge, as in the op-level view). A non-scalar output is seeded with ones.
    """
    tree, text = tree_of(source)
    definitions = _definitions(tree)
    detach_set = frozenset(detach)
    defined = {definition.name for definition in definitions}
    unknown = sorted(detach_set - defined)
    if unknown:
        raise ExprError(f"No definition named '{unknown[0]}' to detach")
    if definitions[-1].name in detach_set:
        raise ExprError("Detaching the output leaves nothing to differentiate")
    entries = _entries(definitions, values, detach_set)
    entries = _reachable(entries, definitions[-1].name)
    flags = requires_grad or {}
    return _model(entries, flags, text)


def prefers_named_steps(program: Any) -> bool:
    """Whether a parsed program reads best as named steps: several definitions, or a named one.

    The Graph panel and ``export graph`` both open such programs in the named-steps view.
    """
    return len(program.tree.definitions) > 1 or program.output_name != OUTPUT_NAME


def _definitions(tree: Node) -> tuple[Definition, ...]:
    if isinstance(tree, Program):
        if not tree.definitions:
            raise ExprError("Enter an expression")
        return tree.definitions
    if isinstance(tree, Definition):
        return (tree,)
    return (Definition("out", tree, getattr(tree, "span", (0, 0))),)


def _entries(
    definitions: tuple[Definition, ...], values: Mapping[str, Any], detach: frozenset[str]
) -> list[_Entry]:
    """Inputs (first use order), then each definition and its detached copy, with values."""
    entries: list[_Entry] = []
    known: dict[str, np.ndarray] = {}
    reads: dict[str, str] = {}  # a name → the entry later lines read (the copy when detached)
    inputs: list[_Entry] = []
    for definition in definitions:
        deps = free_names(definition.expr)
        for name in deps:
            if name in known:
                continue
            if name not in values:
                span = _span_of(definition.expr, name)
                raise ExprError(f"No value given for '{name}'", span[0] + 1, span[1] + 1)
            known[name] = np.array(values[name], dtype=np.float64)
            reads[name] = name
            inputs.append(_Entry(name, "input", value=known[name]))
        with np.errstate(all="ignore"):
            value = tree_to_numpy(definition.expr)(**{name: known[name] for name in deps})
        entry = _Entry(
            definition.name, "definition", definition.expr, tuple(reads[n] for n in deps)
        )
        entry.value = value
        entries.append(entry)
        known[definition.name] = value
        reads[definition.name] = definition.name
        if definition.name in detach:
            copy = f"{definition.name}.detach()"
            entries.append(_Entry(copy, "copy", deps=(definition.name,), value=value))
            reads[definition.name] = copy
    return inputs + entries


def _span_of(tree: Node, name: str) -> tuple[int, int]:
    for node in walk(tree):
        if isinstance(node, Variable) and node.name == name:
            return node.span
    return (0, 0)


def _reachable(entries: list[_Entry], output: str) -> list[_Entry]:
    """Only what the output depends on (a definition nobody uses is not in its graph)."""
    wanted = {output}
    for entry in reversed(entries):
        if entry.name in wanted:
            wanted.update(entry.deps)
    return [entry for entry in entries if entry.name in wanted]


def _model(entries: list[_Entry], flags: Mapping[str, bool], text: str | None) -> GraphModel:
    ids = {entry.name: index for index, entry in enumerate(entries)}  # an id is a list index
    # The values a derivative may read: a detached copy's text names the original definition.
    known = {entry.name: entry.value for entry in entries if entry.kind != "copy"}
    needs_grad: list[bool] = []
    edges: list[GraphEdge] = []
    for entry in entries:
        target = ids[entry.name]
        if entry.kind == "input":
            needs_grad.append(bool(flags.get(entry.name, True)))
        elif entry.kind == "copy":
            needs_grad.append(False)
            source = ids[entry.deps[0]]
            edges.append(GraphEdge(source, target, 0, None, None, _DETACH, True, len(edges)))
        else:
            needs_grad.append(any(needs_grad[ids[dep]] for dep in entry.deps))
            for argument, dep in enumerate(entry.deps):
                partial, formula, description = _single_step_partial(entry, dep, known)
                edge = GraphEdge(
                    ids[dep], target, argument, partial, formula, description, False, len(edges)
                )
                edges.append(edge)
    grads = _backward(entries, needs_grad, edges)
    nodes = tuple(
        GraphNode(
            id=index,
            label=entry.name,
            op=DEFINITION_OP if entry.kind == "definition" else "leaf",
            formula=_formula(entry.expr) if entry.kind == "definition" else entry.name,
            value=entry.value,
            grad=grads.get(index),
            requires_grad=needs_grad[index],
            is_leaf=entry.kind != "definition",
            is_input=entry.kind == "input",
            grad_fn_name=None,
            arguments=tuple(ids[d] for d in entry.deps) if entry.kind == "definition" else (),
        )
        for index, entry in enumerate(entries)
    )
    model_edges = tuple(
        replace(edge, contribution=_flow(edge, grads, needs_grad, entries)) for edge in edges
    )
    return GraphModel(nodes, model_edges, len(entries) - 1, text, view=NAMED_STEPS)


def _formula(tree: Node | None) -> str | None:
    return None if tree is None else format_unicode(tree)


def _single_step_partial(
    entry: _Entry, dep: str, known: Mapping[str, np.ndarray]
) -> tuple[np.ndarray | None, str | None, str]:
    """∂entry/∂dep: the steps engine's derivative (other names constant) and its number."""
    variable = dep.removesuffix(".detach()")  # the definition's text names the original
    symbolic = f"∂{entry.name}/∂{variable}"
    try:
        formula, evaluate = _derivative(entry.expr, variable)
    except (ExprError, KeyError, TypeError, ValueError) as error:
        return None, None, f"{symbolic}: {error}"
    with np.errstate(all="ignore"):
        number = evaluate(**{name: known[name] for name in evaluate.needed_names})
    return np.asarray(number, dtype=np.float64), formula, f"{symbolic} = {formula}"


@lru_cache(maxsize=4096)
def _derivative(expr: Node, variable: str) -> tuple[str, Any]:
    """The formula and compiled numpy function of d expr/d variable.

    Cached: a derivation records every step with its text, and changing an input value (the
    panel's common rebuild) leaves the trees, and so their derivatives, as they were.
    """
    derivative = derive(expr, variable).derivative
    return format_unicode(derivative), tree_to_numpy(derivative)


def _flow(edge: GraphEdge, grads: Mapping[int, np.ndarray], needs_grad: list[bool], entries) -> Any:
    """∂f/∂target·∂target/∂source in the source's shape, or None when no gradient flows."""
    if edge.detached or edge.local_partial is None or edge.target not in grads:
        return None
    if not needs_grad[edge.source]:
        return None
    product = grads[edge.target] * edge.local_partial
    return np.asarray(unbroadcast(product, np.shape(entries[edge.source].value)), np.float64)


def _backward(
    entries: list[_Entry], needs_grad: list[bool], edges: list[GraphEdge]
) -> dict[int, np.ndarray]:
    """Reverse accumulation over the named edges: grad[dep] += grad[def]·∂def/∂dep."""
    output = len(entries) - 1
    if not needs_grad[output]:
        return {}
    grads: dict[int, np.ndarray] = {output: np.ones(np.shape(entries[output].value))}
    into: dict[int, list[GraphEdge]] = {}
    for edge in edges:
        into.setdefault(edge.target, []).append(edge)
    for target in range(output, -1, -1):  # entries are in topological order
        for edge in into.get(target, ()):
            added = _flow(edge, grads, needs_grad, entries)
            if added is not None:
                source = edge.source
                grads[source] = grads[source] + added if source in grads else added
    return grads
