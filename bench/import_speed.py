"""Import speed: time and peak memory to import the largest real file and a 1M-row canonical UPR file.

    python bench/import_speed.py [--rows 1000000] [--out bench/results/import_speed.json]

Each import runs in a fresh child process (so peak memory, read from the kernel's ru_maxrss, is that
import's own) into a copy of a freshly built scale-1 database. The 1M-row file is generated: a canonical
`recommendation` CSV (UPR recommendations of the 193 member States, texts of about 120 characters),
about 180 MB, so the size limit is raised for it (--max-size-mb).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REAL = ROOT.parent / "shared" / "realdata"


def generate_upr(path: Path, rows: int) -> None:
    """Write a canonical recommendation CSV of `rows` UPR recommendations (deterministic)."""
    import duckdb

    with duckdb.connect() as con:
        con.execute(
            f"""
            copy (
                with states as (
                    select iso3, row_number() over (order by iso3) - 1 as k
                    from read_csv('{ROOT}/data/reference/country.csv', all_varchar = true) where un_member = 'true'
                )
                select
                    'bench-' || i as id,
                    s.iso3 as country_iso3,
                    'UPR' as mechanism,
                    make_date(2008 + (i % 9), 1 + (i % 12), 1 + (i % 28)) as rec_date,
                    'Take measures to strengthen the protection of human rights defenders and journalists, number '
                        || i as text,
                    'Human rights defenders; Freedom of the press' as themes,
                    case when 2008 + (i % 9) <= 2011 then 1 else 2 end as cycle,
                    1 + (i % 26) as session,
                    (['FRA', 'DEU', 'BRA', 'KEN', 'JPN'])[1 + (i % 5)] || ';' || (['NOR', 'MEX', 'ZAF'])[1 + (i % 3)]
                        as recommending_states,
                    (['supported', 'noted', 'pending'])[1 + (i % 3)] as response
                from range({rows}) r(i) join states s on s.k = i % 193
            ) to '{path}' (header, delimiter ',')
            """
        )


CHILD = """
import json, resource, sys, time
from pathlib import Path
from hrdash.importers import driver, store
db, path, max_mb = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
root = store.store_dir(db)
t0 = time.perf_counter()
with driver.writing(db) as con:
    t1 = time.perf_counter()
    plan = driver.check(path.read_bytes(), path.name, root, con, max_mb=max_mb)
    t2 = time.perf_counter()
    log = driver.load(con, plan, root, "bench") if plan.status == "ready" else None
    t3 = time.perf_counter()
print(json.dumps({"status": plan.status, "reason": plan.reason, "rows_read": plan.rows_read, "rows": plan.rows,
                  "inserted": (log or {}).get("inserted"), "seconds": round(time.perf_counter() - t0, 2),
                  "check_seconds": round(t2 - t1, 2), "load_seconds": round(t3 - t2, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def run_import(db: Path, path: Path, max_mb: float) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(path), str(max_mb)], cwd=ROOT, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result.update(file=path.name, size_mb=round(path.stat().st_size / 1e6, 1))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "import_speed.json")
    args = parser.parse_args()
    from hrdash.db import build

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base" / "hrdash.duckdb"
        base.parent.mkdir()
        build.build(base, progress=lambda m: None)
        if REAL.exists():
            largest = max((p for p in REAL.glob("*/*") if p.suffix in (".csv", ".xls")), key=lambda p: p.stat().st_size)
            for path in [largest, *[p for p in [REAL / "upr_info_exports/6-9.csv"] if p != largest]]:
                db = Path(tmp) / path.name / "hrdash.duckdb"
                db.parent.mkdir()
                shutil.copy(base, db)
                results.append(run_import(db, path, 50))
                print(results[-1], flush=True)
        else:
            print(f"(no real data at {REAL}: skipped)")
        big = Path(tmp) / "recommendation_1m.csv"
        started = time.perf_counter()
        generate_upr(big, args.rows)
        print(f"generated {big.name}: {args.rows:,} rows, {big.stat().st_size / 1e6:.0f} MB in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        db = Path(tmp) / "big" / "hrdash.duckdb"
        db.parent.mkdir()
        shutil.copy(base, db)
        results.append(run_import(db, big, 1000))
        print(results[-1], flush=True)
    report = {
        "machine": {"python": platform.python_version(), "cpus": len(__import__("os").sched_getaffinity(0)),
                    "platform": platform.platform()},
        "results": results,
        "load_average_after": [round(x, 2) for x in __import__("os").getloadavg()],
        "parent_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
