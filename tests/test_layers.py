"""The layers under the pages import downwards only: no cycle, db below importers, no streamlit below the app.

Read from the source with ast (imports inside functions count), so a cycle or an upward import fails here before
it fails at run time in some order of imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

LAYERS = ("db", "cli", "importers", "update", "public", "demo")
# The Data page and its update action still live in importers/ and update/ until the app part of issue 13 moves them.
PAGES = {"hrdash.importers.page", "hrdash.update.page"}


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Return {module: modules and packages it imports} for every module of root/hrdash/, by dotted name."""
    mods = {}
    for path in (root / "hrdash").rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        mods[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    out: dict[str, set[str]] = {}
    for name, (path, is_package) in mods.items():
        package = name if is_package else name.rsplit(".", 1)[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                deps |= {f"{module}.{a.name}" if f"{module}.{a.name}" in mods else module for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        out[name] = deps - {name}
    return out


def in_layers(name: str) -> bool:
    return any(name == f"hrdash.{layer}" or name.startswith(f"hrdash.{layer}.") for layer in LAYERS)


def reaches(g: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for dep in g.get(todo.pop(), ()):
            if dep in g and dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_no_module_of_the_layers_is_in_an_import_cycle():
    g = graph()
    cyclic = sorted(m for m in g if in_layers(m) and m not in PAGES and m in reaches(g, m))
    assert cyclic == []


def test_the_database_layer_imports_no_importer_update_or_command_line_module():
    g = graph()
    # build.py re-applies the imports after a rebuild: it is the one module of db/ above the importers.
    upward = {m: sorted(d for d in deps if d.startswith(("hrdash.importers", "hrdash.update", "hrdash.cli")))
              for m, deps in g.items() if m.startswith("hrdash.db") and m != "hrdash.db.build"}  # fmt: skip
    assert {m: d for m, d in upward.items() if d} == {}
    importers = [m for m in g if m.startswith("hrdash.importers.") and m not in PAGES]
    assert "hrdash.db.build" not in set().union(*(reaches(g, m) for m in importers))


def test_streamlit_is_imported_by_no_module_of_the_layers():
    g = graph()
    using = sorted(m for m, deps in g.items() if in_layers(m) and m not in PAGES and any(
        d == "streamlit" or d.startswith("streamlit.") for d in deps))  # fmt: skip
    assert using == []


def test_the_graph_sees_imports_inside_functions_and_relative_ones(tmp_path):
    """The checks above pass on a graph that misses imports: a cycle made by a function-level import must show."""
    (tmp_path / "hrdash" / "db").mkdir(parents=True)
    (tmp_path / "hrdash" / "importers").mkdir()
    for package in ("hrdash", "hrdash/db", "hrdash/importers"):
        (tmp_path / package / "__init__.py").write_text('"""A package."""\n')
    (tmp_path / "hrdash" / "db" / "build.py").write_text("def f():\n    from ..importers import store\n")
    (tmp_path / "hrdash" / "importers" / "store.py").write_text("from ..db.build import f\nimport streamlit as st\n")
    g = graph(tmp_path)
    assert g["hrdash.db.build"] == {"hrdash.importers.store"}
    assert g["hrdash.importers.store"] == {"hrdash.db.build", "streamlit"}
    assert "hrdash.db.build" in reaches(g, "hrdash.db.build")  # the cycle
    assert "hrdash.db.connect" in graph()["hrdash.importers.context"]  # and the real tree is read
