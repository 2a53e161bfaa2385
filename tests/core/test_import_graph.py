"""House rules on the import graph: no cycles between modules, no ``from x import _private``
across modules, and no command module importing the CLI it is registered with.

Read from the source (``ast``), so an import placed inside a function to dodge a cycle counts
too. None is left open: the tests fail on any one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"


def _modules() -> dict[str, tuple[Path, str]]:
    """Dotted name below ``explorer`` → (file, the package its relative imports start from)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
            package = parts
        else:
            package = parts[:-1]
        found[".".join(parts)] = (path, ".".join(package))
    return found


def _imports(path: Path, package: str):
    """(module imported, name imported or None) for every import in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("explorer."):
                    yield alias.name.removeprefix("explorer."), None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("explorer."):
                module = node.module.removeprefix("explorer.")
            else:
                continue
            for alias in node.names:
                yield module, alias.name


def _graph():
    modules = _modules()
    edges: dict[str, set[str]] = {name: set() for name in modules}
    private = set()
    for name, (path, package) in modules.items():
        for module, imported in _imports(path, package):
            submodule = f"{module}.{imported}" if imported else None
            if submodule in modules:
                edges[name].add(submodule)
            elif module in modules:
                edges[name].add(module)
            if imported and imported.startswith("_") and not imported.startswith("__"):
                if module != name:
                    private.add((name, module, imported))
    return edges, private


def _cycles(edges: dict[str, set[str]]) -> set[frozenset[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.add(frozenset(component))
    return found


@pytest.fixture(scope="module")
def graph():
    return _graph()


def test_the_scanner_sees_a_known_import(graph):
    edges, _ = graph
    assert "core.text" in edges["core.derivative.formatting"]
    assert "commands" in edges["commands.derivative"]


def test_no_import_cycles(graph):
    edges, _ = graph
    assert _cycles(edges) == set(), "import cycles"


def test_the_cycle_finder_sees_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == {frozenset({"a", "b", "c"})}


def test_no_private_imports_across_modules(graph):
    _, private = graph
    assert private == set(), "imports of another module's _private names"


def test_no_command_imports_the_cli(graph):
    edges, _ = graph
    commands = [name for name in edges if name.startswith("commands.")]
    assert commands
    assert [name for name in commands if "cli" in edges[name]] == []


def test_the_plot_component_does_not_import_the_export_module(graph):
    edges, _ = graph
    assert "ui.export" not in edges["ui.plot"]
    assert "ui.export_scene" not in edges["ui.plot"]
