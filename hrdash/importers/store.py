"""Where accepted imports are kept so that a rebuild of the database re-applies them, and how they are checked.

Each accepted import is a folder `<store>/<sha256>/` with the original file, one Parquet file
of normalised rows per table and `manifest.json` (format, logical source, the earlier versions
it replaces, the SHA-256 of every file in the folder, the import_log row). The store belongs to one
database: `<database file name>.imports/` beside it (data/hrdash.duckdb.imports/, git-ignored), or
$HRDASH_IMPORTS; an `imports/` folder left by earlier versions beside hrdash.duckdb is moved there.
The folder is complete before the database transaction commits; `COMMITTED` is written after it, so a
folder without it and without an import_log row is a killed import and is never re-applied.

Files being checked wait in `<store>/.staging/<sha>-<pid>-…/`: removed when the file is refused, has
nothing to load or is already imported; moved into the store when loaded; removed by the next import
when the process that made them is gone (a killed import) or after an hour in the app (a check never
confirmed).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
COMMITTED = "COMMITTED"
STAGING = ".staging"
STALE_SECONDS = 3_600  # a check this process made and nobody confirmed (a closed browser tab)
LEGACY_STORE = "imports"  # the store of earlier versions, shared by every database of the folder
_STAGED = re.compile(r"^[0-9a-f]{12}-(\d+)-")


class StoreError(RuntimeError):
    """A stored import cannot be re-applied: its folder, manifest or files are missing or not what was imported."""


def store_dir(db: Path) -> Path:
    """Return the import store of a database: $HRDASH_IMPORTS or `<file name>.imports/` beside the database file."""
    env = os.environ.get("HRDASH_IMPORTS")
    if env:
        return Path(env)
    db = Path(db).resolve()
    store = db.parent / f"{db.name}.imports"
    legacy = db.parent / LEGACY_STORE
    if db.name == "hrdash.duckdb" and legacy.is_dir() and not store.exists():
        with contextlib.suppress(OSError):  # another process moved it first
            os.rename(legacy, store)  # the app's default database keeps the imports the shared folder held
    return store


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def sweep_staging(store: Path, now: float | None = None) -> list[Path]:
    """Remove staged checks nobody will load: their process is gone, or this process left them for an hour."""
    root = store / STAGING
    if not root.exists():
        return []
    now, removed = now or time.time(), []
    for old in root.iterdir():
        m = _STAGED.match(old.name)
        try:
            age = now - old.stat().st_mtime
        except OSError:
            continue
        pid = int(m.group(1)) if m else None
        gone = pid is not None and not _alive(pid)
        stale = (pid == os.getpid() and age > STALE_SECONDS) or (pid is None and age > 86_400)
        if old.is_dir() and (gone or stale):
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old)
    return removed


def staging_folder(store: Path, sha256: str) -> Path:
    """Return a new, empty folder for an import being checked (after removing abandoned ones)."""
    root = store / STAGING
    root.mkdir(parents=True, exist_ok=True)
    sweep_staging(store)
    return Path(tempfile.mkdtemp(prefix=f"{sha256[:12]}-{os.getpid()}-", dir=root))


def discard(path: Path | None) -> None:
    """Remove a staged check's folder (never a folder of the store itself)."""
    if path is not None and STAGING in path.parts:
        shutil.rmtree(path, ignore_errors=True)


def folder(store: Path, sha256: str) -> Path:
    """Return the folder of an accepted import."""
    return store / sha256


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of a file, read in pieces."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def checksums(path: Path, names: list[str]) -> dict[str, str]:
    """Return {file name: SHA-256} of the named files of an import folder."""
    return {n: file_sha256(path / n) for n in names}


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Write manifest.json atomically (write a temporary file, then rename)."""
    tmp = path / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str))
    os.replace(tmp, path / MANIFEST)


def read_manifest(path: Path) -> dict[str, Any] | None:
    """Return an import folder's manifest, or None if it has none or it cannot be read."""
    try:
        return load_manifest(path)
    except StoreError:
        return None


def load_manifest(path: Path) -> dict[str, Any]:
    """Return an import folder's manifest; raise StoreError saying whether its folder or its manifest is at fault."""
    if not path.is_dir():
        raise StoreError(f"its folder {path} is missing")
    try:
        text = (path / MANIFEST).read_text()
    except FileNotFoundError as e:
        raise StoreError(f"{path / MANIFEST} is missing") from e
    except OSError as e:
        raise StoreError(f"{path / MANIFEST} cannot be read ({e})") from e
    try:
        manifest = json.loads(text)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
            raise ValueError("not an import manifest")
    except ValueError as e:
        raise StoreError(f"{path / MANIFEST} is damaged ({e})") from e
    return manifest


def verify(path: Path, sha256: str) -> dict[str, Any]:
    """Return the manifest of the stored import `sha256` once its files are checked; raise StoreError naming the fault.

    The original must still hash to the import's SHA-256, every file listed in the manifest must have its
    recorded SHA-256 (manifests written before checksums were kept are checked by rows), and each Parquet
    file must hold the rows the manifest counts. A swapped or damaged file is never loaded.
    """
    import pyarrow.parquet as pq

    manifest = load_manifest(path)
    if manifest.get("sha256") != sha256:
        raise StoreError(f"{path / MANIFEST} belongs to another file (SHA-256 {str(manifest.get('sha256'))[:16]}…)")
    original = manifest.get("original")
    if original and (path / original).exists() and file_sha256(path / original) != sha256:
        raise StoreError(f"the stored original {path / original} is not the file that was imported (its SHA-256 "
                         "differs): it was changed after the import")  # fmt: skip
    for name, expected in (manifest.get("checksums") or {}).items():
        if not (path / name).exists():
            raise StoreError(f"{path / name} is missing")
        if file_sha256(path / name) != expected:
            raise StoreError(f"{path / name} does not match its checksum: it was changed after the import")
    for table, info in manifest["tables"].items():
        parquet = path / info["file"]
        try:
            rows = pq.ParquetFile(parquet).metadata.num_rows
        except (OSError, ValueError) as e:
            raise StoreError(f"{parquet} cannot be read ({e})") from e
        if rows != info["rows"]:
            raise StoreError(f"{parquet} holds {rows:,} rows of {table} where the import had {info['rows']:,}")
    return manifest


def promote(staging: Path, store: Path, sha256: str) -> Path:
    """Move a checked import's folder to its place in the store (replacing a killed attempt's or a damaged one)."""
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


def tidy(store: Path, logged: set[str]) -> list[Path]:
    """Remove the folders of killed imports (no COMMITTED, no import_log row); mark logged ones committed.

    Called under the database's import lock, so no other import is between its promote and its commit.
    """
    removed = []
    if not store.exists():
        return removed
    for p in store.iterdir():
        if not p.is_dir() or p.name == STAGING or not re.fullmatch(r"[0-9a-f]{64}", p.name):
            continue
        if (p / COMMITTED).exists():
            continue
        if p.name in logged:
            mark_committed(p)  # killed between the database commit and this mark: the import is in the log
        else:
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def committed_manifests(store: Path) -> list[dict[str, Any]]:
    """Return the manifests of committed imports, in import order (for a database that is gone)."""
    out = []
    if store.exists():
        for p in store.iterdir():
            if p.is_dir() and (p / COMMITTED).exists() and (m := read_manifest(p)) and "log" in m:
                out.append(m)
    return sorted(out, key=lambda m: m["log"]["id"])
