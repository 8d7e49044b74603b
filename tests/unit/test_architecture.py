"""The architecture holds (issue 13): no import cycle in hrdash/, streamlit only in the app layer, tests independent.

The rules read the source with `ast` (never grep, never an import): every `import` and `from ... import`
statement, at module level or inside a function, relative or absolute. Each rule is tested first on a small
tree written here, so a rule that stopped finding anything would fail too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.paths import ROOT

# Where streamlit may be imported: the router, the page scripts and the library's app layer.
STREAMLIT_ALLOWED = ("app.py", "views/", "hrdash/app/")
# The shipped code the streamlit rule reads. tests/ and bench/ drive the app from outside (AppTest, a reference
# page for timings), so they are not held to it.
SHIPPED = ("app.py", "views", "hrdash", "scripts")


def module_name(path: Path, root: Path) -> str:
    """Return the dotted module name of `path` under `root` (a package's __init__.py is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path, root: Path) -> Iterator[tuple[str, int]]:
    """Yield (absolute dotted name, line) for everything `path` imports, relative imports resolved.

    `from a.b import c` yields "a.b.c" (c may be a module) and "a.b"; the caller keeps the names that are modules.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            yield prefix, node.lineno
            for alias in node.names:
                yield f"{prefix}.{alias.name}", node.lineno


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Return {module: modules of the same package it imports} for every .py file under `package_dir`."""
    root = package_dir.parent
    files = sorted(package_dir.rglob("*.py"))
    modules = {module_name(f, root) for f in files}
    graph: dict[str, set[str]] = {}
    for f in files:
        me = module_name(f, root)
        graph[me] = {name for name, _ in imported_names(f, root) if name in modules and name != me}
    return graph


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Return the groups of modules that all reach each other through imports (strongly connected, size > 1)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups, key=min)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return one cycle (a list of modules, the first repeated at the end) per tangle: its shortest through its
    first module."""
    return [_cycle_in(graph, group) for group in tangles(graph)]


def _cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """Return the shortest cycle through the group's first module (breadth-first within the group)."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    raise AssertionError(f"no cycle through {start} in {sorted(group)}")  # cannot happen in a strong group


def _per_line(found: set[tuple[str, int]]) -> dict[int, str]:
    """Return {line: name}, keeping the shortest name of a line (`from a.b import c` also yields a.b.c)."""
    lines: dict[int, str] = {}
    for name, line in sorted(found, key=lambda f: (f[1], len(f[0]))):
        lines.setdefault(line, name)
    return lines


def streamlit_imports(root: Path, tops: tuple[str, ...], allowed: tuple[str, ...]) -> list[str]:
    """Return "path:line imports name" for each streamlit import in `tops` (under `root`) outside `allowed`."""
    found = []
    for top in tops:
        base = root / top
        for f in sorted([base] if base.is_file() else base.rglob("*.py")):
            rel = f.relative_to(root).as_posix()
            if any(rel == a or (a.endswith("/") and rel.startswith(a)) for a in allowed):
                continue
            names = {(n, line) for n, line in imported_names(f, root) if n.split(".")[0] == "streamlit"}
            found += [f"{rel}:{line} imports {n}" for line, n in _per_line(names).items()]
    return found


def cross_test_imports(root: Path) -> list[str]:
    """Return "path:line imports module" for each module of `root`/tests that imports a test module or conftest."""
    found = []
    for f in sorted((root / "tests").rglob("*.py")):
        names = {
            (n, line)
            for n, line in imported_names(f, root)
            if n.startswith("tests.") and (n.rsplit(".", 1)[-1].startswith("test_") or n.endswith(".conftest"))
        }
        found += [f"{f.relative_to(root).as_posix()}:{line} imports {n}" for line, n in _per_line(names).items()]
    return found


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


# ------------------------------------------------------------------ the rules on small trees written here


def test_a_cycle_through_a_function_level_and_a_relative_import_is_found_and_named(tmp_path):
    write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/db.py": "def build():\n    from pkg.importers import service\n",  # function level, absolute
        "pkg/importers/__init__.py": "",
        "pkg/importers/service.py": "from . import context\n",  # relative, a sibling module
        "pkg/importers/context.py": "from .. import db\n",  # relative, the parent package's module
        "pkg/text.py": "import pkg.db\n",  # imports into the cycle, is not part of it
        "pkg/ui.py": "from pkg.slides import deck\n",
        "pkg/slides.py": "from .ui import banner\n\ndef deck(): ...\n",  # `from .ui import name`: the module ui
    })  # fmt: skip
    graph = import_graph(tmp_path / "pkg")
    # `from .. import db` runs the package (pkg/__init__.py) and then its module db
    assert graph["pkg.importers.context"] == {"pkg", "pkg.db"} and graph["pkg.text"] == {"pkg.db"}
    assert cycles(graph) == [
        ["pkg.db", "pkg.importers.service", "pkg.importers.context", "pkg.db"],
        ["pkg.slides", "pkg.ui", "pkg.slides"],
    ]
    assert cycles({m: deps - {"pkg.db"} for m, deps in graph.items()}) == [["pkg.slides", "pkg.ui", "pkg.slides"]]


def test_streamlit_imports_are_found_outside_the_allowed_places_only(tmp_path):
    write(tmp_path, {
        "app.py": "import streamlit as st\n",
        "views/page.py": "import streamlit as st\n",
        "pkg/app/frame.py": "from streamlit import session_state\n",
        "pkg/rules.py": "import os\n\ndef f():\n    import streamlit.components.v1 as c\n",
        "pkg/ui.py": "from streamlit.testing.v1 import AppTest\nimport streamlitish\n",
    })  # fmt: skip
    assert streamlit_imports(tmp_path, ("app.py", "views", "pkg"), ("app.py", "views/", "pkg/app/")) == [
        "pkg/rules.py:4 imports streamlit.components.v1",
        "pkg/ui.py:1 imports streamlit.testing.v1",
    ]


def test_a_test_module_importing_another_is_found(tmp_path):
    write(tmp_path, {
        "tests/helpers/apptest.py": "from tests.helpers.paths import ROOT\n",
        "tests/pages/test_a.py": "from tests.helpers.apptest import open_app\nfrom tests.pages.test_b import table\n",
        "tests/pages/test_b.py": "from .test_c import x\nfrom tests.conftest import ROOT\n",
    })  # fmt: skip
    assert cross_test_imports(tmp_path) == [
        "tests/pages/test_a.py:2 imports tests.pages.test_b",
        "tests/pages/test_b.py:1 imports tests.pages.test_c",
        "tests/pages/test_b.py:2 imports tests.conftest",
    ]


# ------------------------------------------------------------------ the rules on the project


def test_hrdash_has_no_import_cycle():
    graph = import_graph(ROOT / "hrdash")
    found = [f"{' → '.join(_cycle_in(graph, g))} (of {len(g)} modules: {', '.join(sorted(g))})" for g in tangles(graph)]
    assert found == [], "import cycles in hrdash/:\n" + "\n".join(found)


def test_streamlit_is_imported_only_by_the_app_layer():
    found = streamlit_imports(ROOT, SHIPPED, STREAMLIT_ALLOWED)
    assert found == [], "streamlit outside app.py, views/ and hrdash/app/:\n" + "\n".join(found)


def test_no_test_module_imports_another():
    found = cross_test_imports(ROOT)
    assert found == [], "shared test code belongs in tests/helpers/ or a conftest fixture:\n" + "\n".join(found)


def test_the_database_layer_sits_below_the_importers():
    """db/ imports no importer, update or command-line module, except build.py, which re-applies the imports after a
    rebuild and which no importer reaches."""
    graph = import_graph(ROOT / "hrdash")
    upward = {m: sorted(d for d in deps if d.startswith(("hrdash.importers", "hrdash.update", "hrdash.cli")))
              for m, deps in graph.items() if m.startswith("hrdash.db") and m != "hrdash.db.build"}  # fmt: skip
    assert {m: d for m, d in upward.items() if d} == {}
    assert "hrdash.db.build" in graph and graph["hrdash.db.build"] & {"hrdash.importers.replay"}  # the rule sees it

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for d in graph.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen

    importers = [m for m in graph if m.startswith("hrdash.importers.")]
    assert [m for m in importers if "hrdash.db.build" in reaches(m)] == []
