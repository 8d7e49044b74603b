"""Server-side PDF time: a page's "Make a PDF" (hrdash/exports/pdf.py) on a running app, and the Country profile's.

    python bench/pdf_speed.py                 # scale 1: builds or reuses bench/results/scale1.duckdb
    python bench/pdf_speed.py --db PATH       # an existing database
    python bench/pdf_speed.py --runs 5        # warm runs per page (default 3)

Starts `streamlit run app.py` on a free port against the database (tests/helpers/browser.py), then for each page
times `pdf.render` of its URL: the first time (a fresh server: every query of the print view runs), then --runs
warm times (the page's queries cached, as when a manager clicks the button on a page already open). Each time is
split into its steps: Chromium's start, the page's load, the wait until every chart is drawn, the printing.
Target: the warm median ≤ 5 s for each page. Writes bench/results/pdf_speed_scale<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import prepare_db  # noqa: E402
from hrdash.exports import pdf  # noqa: E402
from tests.helpers.browser import streamlit_server  # noqa: E402  (the one way to serve the app for a measurement)

RESULTS = ROOT / "bench" / "results"
TARGET_S = 5.0
PAGES = [
    ("Treaty bodies (EA6)", "treaty-bodies"),
    ("Country profile: Liberia", "country?country=LBR"),
]
STEPS = {"Opening the page…": "start_s", "Waiting for the charts…": "load_s", "Printing…": "drawn_s"}


def one(url: str, title: str) -> dict[str, float]:
    """Return the time of one PDF (s), split into its steps, with its size and pages."""
    marks: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    data = pdf.render(url, title=title, note="bench", progress=lambda m: marks.append((m, time.perf_counter())))
    end = time.perf_counter()
    out, last = {}, t0
    for message, at in marks:
        out[STEPS[message]] = at - last
        last = at
    out["print_s"] = end - last
    out["total_s"] = end - t0
    out["bytes"] = len(data)
    out["pages"] = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not pdf.chromium_path().exists():
        sys.exit(f"error: Chromium not found at {pdf.chromium_path()} ({pdf.INSTALL})")
    db, scale = prepare_db(args.db, args.scale)
    rows, failed = [], False
    with streamlit_server(db) as base:
        for title, path in PAGES:
            first = one(f"{base}/{path}", title)
            warm = [one(f"{base}/{path}", title) for _ in range(args.runs)]
            median = {k: statistics.median(r[k] for r in warm) for k in warm[0]}
            ok = median["total_s"] <= TARGET_S
            failed |= not ok
            rows.append({"page": title, "first": first, "warm_median": median, "pass": ok})
            print(
                f"{title:<28} first {first['total_s']:5.1f} s   warm {median['total_s']:5.1f} s "
                f"(start {median['start_s']:.1f}, load {median['load_s']:.1f}, drawn {median['drawn_s']:.1f}, "
                f"print {median['print_s']:.1f})   {int(median['pages'])} pages, {median['bytes'] / 1e6:.1f} MB   "
                f"{'PASS' if ok else 'FAIL'} (≤ {TARGET_S:.0f} s)",
                flush=True,
            )
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}",
        "scale": scale,
        "runs": args.runs,
        "target_s": TARGET_S,
        "pages": rows,
    }
    (RESULTS / f"pdf_speed_scale{scale}.json").write_text(json.dumps(summary, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
