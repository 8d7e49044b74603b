"""Where accepted imports are kept so that a rebuild of the database re-applies them.

Each accepted import is a folder `<store>/<sha256>/` with the original file, one Parquet file
of normalised rows per table and `manifest.json` (format, logical source, the earlier versions
it replaces, the import_log row). The store is `imports/` beside the database (data/imports/
for data/hrdash.duckdb, git-ignored) or $HRDASH_IMPORTS. The folder is complete before the
database transaction commits; `COMMITTED` is written after it, so a folder without it and
without an import_log row is a killed import and is never re-applied.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
COMMITTED = "COMMITTED"
STAGING = ".staging"


def store_dir(db: Path) -> Path:
    """Return the import store of a database: $HRDASH_IMPORTS or `imports/` beside the database file."""
    env = os.environ.get("HRDASH_IMPORTS")
    return Path(env) if env else Path(db).resolve().parent / "imports"


def staging_folder(store: Path, sha256: str) -> Path:
    """Return a new, empty folder for an import being checked (old abandoned ones are removed)."""
    root = store / STAGING
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():  # checks never confirmed (a closed browser tab), after a day
        if old.is_dir() and time.time() - old.stat().st_mtime > 86_400:
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{sha256[:12]}-", dir=root))


def folder(store: Path, sha256: str) -> Path:
    """Return the folder of an accepted import."""
    return store / sha256


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Write manifest.json atomically (write a temporary file, then rename)."""
    tmp = path / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str))
    os.replace(tmp, path / MANIFEST)


def read_manifest(path: Path) -> dict[str, Any] | None:
    """Return an import folder's manifest, or None if it has none."""
    try:
        return json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError):
        return None


def promote(staging: Path, store: Path, sha256: str) -> Path:
    """Move a checked import's folder to its place in the store (replacing a killed attempt's)."""
    target = folder(store, sha256)
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix="replaced-", dir=store / STAGING))
        os.replace(target, old / "x")
        shutil.rmtree(old, ignore_errors=True)
    os.replace(staging, target)
    return target


def mark_committed(path: Path) -> None:
    """Record that the database transaction of this import committed."""
    (path / COMMITTED).write_text(time.strftime("%Y-%m-%dT%H:%M:%S"))


def committed_manifests(store: Path) -> list[dict[str, Any]]:
    """Return the manifests of committed imports, in import order (for a database that is gone)."""
    out = []
    if store.exists():
        for p in store.iterdir():
            if p.is_dir() and (p / COMMITTED).exists() and (m := read_manifest(p)):
                out.append(m)
    return sorted(out, key=lambda m: m["log"]["id"])
