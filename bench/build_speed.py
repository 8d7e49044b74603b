"""Build speed: time `hrdash.db.build.build(path, scale=N)` for each scale, alone in a fresh process.

    python bench/build_speed.py                  # scales 1 and 20
    python bench/build_speed.py --scales 1 5 20

Each build runs in its own subprocess (so each peak RSS is that build's alone, imports included)
into a temporary directory that is removed afterwards. Reports the wall time, the database file
size and the peak RSS, and the time of each build step. Targets: <= 10 s at scale 1, <= 90 s at
scale 20 (other scales have none). Exit status 1 if a target is missed.
Writes bench/results/build_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGETS_S = {1: 10.0, 20: 90.0}

# Runs in the child: build once, print one JSON line with the figures.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from hrdash.db import build
path, scale = Path(sys.argv[2]), int(sys.argv[3])
steps, t0 = [], time.perf_counter()
build.build(path, scale=scale, progress=lambda m: steps.append((round(time.perf_counter() - t0, 3), m)))
seconds = time.perf_counter() - t0
print(json.dumps({
    "seconds": seconds,
    "size_bytes": path.stat().st_size,
    "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "steps": steps,
}))
"""


def measure(scale: int) -> dict[str, object]:
    """Build at `scale` in a fresh Python process and return its figures."""
    with tempfile.TemporaryDirectory(prefix=f"hrdash-build{scale}-") as tmp:
        path = Path(tmp) / f"scale{scale}.duckdb"
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(ROOT), str(path), str(scale)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k != "HRDASH_DB"},
        )
    if proc.returncode != 0:
        return {"scale": scale, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"scale": scale, **out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 20], help="demo scales to build (default 1 20)")
    parser.add_argument("--steps", action="store_true", help="print the time of each build step")
    args = parser.parse_args(argv)

    print(f"{'scale':>5}{'seconds':>10}{'size MB':>10}{'peak RSS MB':>13}{'target':>9}  result")
    results, ok = [], True
    for scale in args.scales:
        r = measure(scale)
        results.append(r)
        if "error" in r:
            ok = False
            print(f"{scale:>5}  ERROR {r['error']}")
            continue
        target = TARGETS_S.get(scale)
        passed = None if target is None else r["seconds"] <= target
        r["target_s"], r["pass"] = target, passed
        ok &= passed is not False
        verdict = "-" if passed is None else "PASS" if passed else "FAIL"
        print(
            f"{scale:>5}{r['seconds']:>10.1f}{r['size_bytes'] / 1e6:>10.1f}{r['peak_rss_bytes'] / 1e6:>13.0f}"
            f"{'-' if target is None else f'<= {target:g} s':>9}  {verdict}",
            flush=True,
        )
        if args.steps:
            previous = 0.0
            for t, message in r["steps"]:
                print(f"{'':>7}{t:8.2f} s (+{t - previous:5.2f})  {message}")
                previous = t
    print(f"\noverall: {'PASS' if ok else 'FAIL'}")

    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "build_speed.json"
    summary = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "targets_s": TARGETS_S,
        "builds": results,
        "pass": ok,
        "environment": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_average": os.getloadavg()},
    }
    out.write_text(json.dumps(summary, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
