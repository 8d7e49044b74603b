"""What the benchmark scripts share: the database they measure (built in bench/results/ when needed) and how they
write their JSON summary."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


def write_summary(name: str, path: Path, scale: int, fields: dict[str, Any], **versions: str) -> Path:
    """Return bench/results/<name>.json, written with the time, the database and its scale, `fields`, and the
    environment (Python, `versions` of the libraries measured, CPUs, load average)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    environment = {"python": platform.python_version(), **versions, "cpus": os.cpu_count(),
                   "load_average": os.getloadavg()}  # fmt: skip
    summary = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "database": str(path), "scale": scale,
               **fields, "environment": environment}  # fmt: skip
    out.write_text(json.dumps(summary, indent=2, default=str))
    print(f"wrote {out.relative_to(ROOT)}")
    return out


def wait_for_health(url: str, timeout: float = 120.0, poll: float = 0.05) -> float:
    """Return the seconds until the Streamlit server (or proxy) at `url` answers "ok" on /_stcore/health; raise
    TimeoutError after `timeout` s."""
    start = time.perf_counter()
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return time.perf_counter() - start
        except OSError:
            time.sleep(poll)
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{url} did not answer in {timeout:.0f} s")
