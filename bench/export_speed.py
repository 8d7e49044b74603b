"""Export speed: the UPR search download of every UPR recommendation, as CSV and as Excel.

    python bench/export_speed.py                 # scale 20: builds or reuses bench/results/scale20.duckdb
    python bench/export_speed.py --scale 1
    python bench/export_speed.py --db PATH
    python bench/export_speed.py --formats csv
    python bench/export_speed.py --rows 1000000  # the first million rows only (the issue's Excel target: <= 90 s)

The export is the one the UPR page's search tab offers (`queries/upr_search_results.sql`, through
`hrdash.exports.tables`), with no search words, no region and every year: all UPR recommendations, the largest table
(about 2.6M rows at scale 20), or its first --rows rows. Each format runs in a fresh child process, so the peak
memory read from the kernel (ru_maxrss) is that export's own, Python and imports included. Reported: rows, wall
time, peak RSS and the size of the file a user would download. Target (issue 16): Excel of 1M rows <= 90 s with
memory bounded (it must not grow with the rows). Output: bench/results/export_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import RESULTS, prepare_db  # noqa: E402 (needs the root on sys.path)

CHILD = r"""
import json, resource, sys, time
import duckdb
sys.path.insert(0, {root!r})
from hrdash.db import query
from hrdash.exports import tables as export

fmt, db, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect(db, read_only=True)
years = con.execute("select min(year(rec_date)), max(year(rec_date)) from recommendation").fetchone()
params = dict(region=None, countries=[], target_ea=None, year_from=years[0], year_to=years[1],
              words=[], theme=None, response=None)
sql, bound = query.bind("upr_search_results", params)
if limit:
    sql = f"select * from ({{sql}}) limit {{limit}}"
rows = con.execute(f"select count(*) from ({{sql}})", bound).fetchone()[0]
start = time.perf_counter()
if fmt == "csv":
    data = export.csv_bytes(con, sql, bound, {{}})
else:
    span = [("Years", f"{{years[0]}}-{{years[1]}}")]
    info = export.ExportInfo("UPR", "UPR recommendations matching the search", span, "bench")
    data = export.xlsx_bytes(con, sql, bound, {{}}, info)
seconds = time.perf_counter() - start
print(json.dumps({{"format": fmt, "rows": rows, "seconds": seconds, "bytes": len(data),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--rows", type=int, default=0, help="export only the first N rows (0: all)")
    ap.add_argument("--formats", nargs="+", choices=["csv", "xlsx"], default=["csv", "xlsx"])
    ap.add_argument("--out", type=Path, default=RESULTS / "export_speed.json")
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    db, _ = prepare_db(args.db, args.scale)
    child = CHILD.format(root=str(ROOT))
    results = []
    for fmt in args.formats:
        print(f"exporting every UPR recommendation as {fmt} ...", flush=True)
        t = time.perf_counter()
        command = [sys.executable, "-c", child, fmt, str(db), str(args.rows)]
        out = subprocess.run(command, capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["process_seconds"] = time.perf_counter() - t
        results.append(result)
        print(
            f"  {fmt:5} {result['rows']:>10,} rows  {result['seconds']:7.1f} s  "
            f"peak RSS {result['peak_rss_mb']:,.0f} MB  file {result['bytes'] / 1e6:,.1f} MB",
            flush=True,
        )
    summary = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "database": str(db),
        "results": results,
        "environment": {"python": platform.python_version(), "load_average": list(os.getloadavg())},
    }
    args.out.write_text(json.dumps(summary, indent=2))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
