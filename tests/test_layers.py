"""The import graph keeps the layers of docs/architecture.md: dependencies point one way, no cycles.

Every import in the project's source is read with ``ast`` — module-level and deferred ones (inside
functions) alike, since a deferred import is still a dependency and was how the last cycle hid. A
module may import its own layer and the layers below it, never one above:

    operations < framework < editorial < api < institutions < dialogues < projects < events
    < atlas (the top layer) < the wiring (settings, URLs, WSGI/ASGI)
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "institutions", "dialogues", "projects", "events")

# Lowest first; a module may import from its own layer and those before it.
LAYERS = (
    ("operations", "config.operations"),
    ("framework", "config.framework"),
    ("editorial", "config.editorial"),
    ("api", "config.api"),
    ("institutions", "institutions"),
    ("dialogues", "dialogues"),
    ("projects", "projects"),
    ("events", "events"),
    ("atlas", "config.atlas"),
    ("wiring", "config"),
)
RANK = {name: rank for rank, (name, _prefix) in enumerate(LAYERS)}


def layer_of(module: str) -> str | None:
    """The layer a project module belongs to (the longest matching prefix), or None if outside."""
    for name, prefix in sorted(LAYERS, key=lambda layer: -len(layer[1])):
        if module == prefix or module.startswith(prefix + "."):
            return name
    return None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every project module ``path`` imports, wherever the import stands."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            # ``from config.editorial import workflow`` imports the module config.editorial.workflow.
            names = [f"{target}.{alias.name}" for alias in node.names] + [target]
        else:
            continue
        found.extend((node.lineno, name) for name in names if name.split(".")[0] in PACKAGES)
    return found


def existing_module(name: str, modules: set[str]) -> str | None:
    """``name`` if it is a module of the project, else the nearest enclosing module that is."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    files = source_files()
    modules = {module_name(path) for path in files}
    graph, edges = defaultdict(set), set()
    for path in files:
        source = module_name(path)
        for line, name in imports_of(path):
            target = existing_module(name, modules)
            if target is None or target == source:
                continue
            graph[source].add(target)
            edges.add((source, line, target))
    return graph, sorted(edges)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_belongs_to_a_layer():
    """A new package must be placed in LAYERS (and docs/architecture.md) before it can be imported."""
    unplaced = [module_name(path) for path in source_files() if layer_of(module_name(path)) is None]
    assert unplaced == []


def test_imports_point_down_the_layers_only():
    _graph, edges = import_graph()
    upward = [
        f"{source}:{line} imports {target} ({layer_of(source)} may not import {layer_of(target)})"
        for source, line, target in edges
        if RANK[layer_of(target)] > RANK[layer_of(source)]
    ]
    assert upward == []


def test_no_import_cycle():
    graph, _edges = import_graph()
    assert cycles(graph) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
    ],
)
def test_cycle_finder_finds_exactly_the_cycles(graph, expected):
    assert sorted(cycles(graph)) == expected


@pytest.mark.parametrize(
    ("module", "layer"),
    [
        ("config.settings", "wiring"),
        ("config.atlas.views", "atlas"),
        ("config.api.serializers", "api"),
        ("config.api.idempotency.models", "api"),
        ("config.framework.models", "framework"),
        ("events.api.views", "events"),
        ("bench.run", None),
    ],
)
def test_layer_of_takes_the_longest_prefix(module, layer):
    assert layer_of(module) == layer


def test_imports_of_reads_deferred_and_relative_imports(tmp_path, monkeypatch):
    package = tmp_path / "events"
    package.mkdir()
    (package / "__init__.py").write_text("")
    module = package / "example.py"
    module.write_text(
        "from . import models\n"
        "def later():\n"
        "    from config.editorial import workflow\n"
        "    import dialogues.models\n"
        "import json\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert sorted(imports_of(module)) == [
        (1, "events"),
        (1, "events.models"),
        (3, "config.editorial"),
        (3, "config.editorial.workflow"),
        (4, "dialogues.models"),
    ]
