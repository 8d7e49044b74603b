"""The app's layering: Streamlit is imported only by app.py, views/ and hrdash/app/; the app's modules import each
other without cycles; every page is in the registry once."""

from __future__ import annotations

import ast
from pathlib import Path

from hrdash.app import pages
from tests.conftest import ROOT


def imports(path: Path) -> set[str]:
    """Return the modules a Python file imports, absolute ("hrdash.app.data"), relative ones resolved."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            out.add(module)
            out |= {f"{module}.{a.name}" for a in node.names}  # `from . import data` imports a module
    return out


def test_streamlit_is_imported_only_by_the_app():
    library = [p for p in (ROOT / "hrdash").rglob("*.py") if "app" not in p.relative_to(ROOT / "hrdash").parts[:1]]
    using = sorted(str(p.relative_to(ROOT)) for p in library if any(m.split(".")[0] == "streamlit" for m in imports(p)))
    assert using == []
    assert "streamlit" in imports(ROOT / "hrdash" / "app" / "frame.py")  # the check sees an import when there is one


def test_the_app_modules_import_each_other_without_cycles():
    files = {f"hrdash.app.{p.stem}": p for p in (ROOT / "hrdash" / "app").glob("*.py") if p.stem != "__init__"}
    graph = {name: {m for m in imports(path) if m in files and m != name} for name, path in files.items()}
    assert graph["hrdash.app.frame"] >= {"hrdash.app.data", "hrdash.app.deck", "hrdash.app.widgets"}
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail, name))
        if name not in done:
            for dep in graph[name]:
                visit(dep, (*trail, name))
            done.add(name)

    for name in graph:
        visit(name, ())


def test_every_page_file_is_registered_once():
    registered = [p.view for p in pages.PAGES]
    on_disk = {f"views/{p.name}" for p in (ROOT / "views").glob("*.py")}
    assert sorted(registered) == sorted(on_disk)
    assert len({p.title for p in pages.PAGES}) == len({p.url_path for p in pages.PAGES}) == len(pages.PAGES)
    assert [p for p in pages.PAGES if p.default] == [pages.OVERVIEW]
