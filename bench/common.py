"""What the benchmark scripts share: the database they measure (built in bench/results/ when needed)."""

from __future__ import annotations

import sys
from pathlib import Path

from hrdash.db import build  # the scripts put the repository root on sys.path before importing this

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def prepare_db(path: Path | None, scale: int) -> tuple[Path, int]:
    """Return a database to measure and its scale, building it if missing, stale or of another scale."""
    if path is not None and path.exists():
        info = build.build_info(path)
        if not info:
            sys.exit(f"error: {path} is not a readable hrdash database")
        return path, int(info.get("scale", scale))
    path = path or RESULTS / f"scale{scale}.duckdb"
    RESULTS.mkdir(parents=True, exist_ok=True)
    if build.is_stale(path) or build.build_info(path).get("scale") != str(scale):
        print(f"building {path} at scale {scale} ...", flush=True)
        build.build(path, scale=scale, progress=lambda m: None)
    return path, scale
