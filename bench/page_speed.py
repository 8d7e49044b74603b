"""Page speed of every page of app.py, as a multiple of a reference page measured in the same process.

    python bench/page_speed.py                 # scale 1: builds or reuses bench/results/scale1.duckdb
    python bench/page_speed.py --scale 20      # builds or reuses bench/results/scale20.duckdb
    python bench/page_speed.py --db PATH       # an existing database (its scale is read from build_info)

Every run goes through streamlit.testing.v1.AppTest (script execution and element serialisation,
no browser). The reference page (bench/reference_page.py: one plotly world choropleth and one
200-row st.dataframe, no database) gives the unit. For each page app.py registers (hrdash/app/pages.py):

- warm: `at.run()` again with the same filters (the query results are in st.cache_data);
- after a filter change: the first run with filter values (region, target EA, years) never run
  before in this process, so the page's filtered queries miss the cache.

Both are medians over --runs runs. Targets: warm <= 5x the reference page's warm median; after a
filter change <= 7x at scale 1 and <= 10x at scale 20 (and above). Exit status 1 if a target is missed.
Writes bench/results/page_speed_scale<N>.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.common import prepare_db, write_summary  # noqa: E402
from hrdash.app import pages as registry  # noqa: E402
from hrdash.app.sidebar import ALL_REGIONS  # noqa: E402
from hrdash.model.filters import OHCHR_REGIONS  # noqa: E402

APP = ROOT / "app.py"
REFERENCE_PAGE = ROOT / "bench" / "reference_page.py"
FILTER_KEYS = ("region", "year_from", "year_to", "target_ea")
WARM_TARGET = 5.0
TIMEOUT = 300  # seconds per script run: a cold first run at scale 20 may be slow


def change_target(scale: int) -> float:
    """The target for a run after a filter change, as a multiple of the reference page's warm median."""
    return 10.0 if scale >= 20 else 7.0


def registered_pages() -> list[dict[str, str]]:
    """Return the pages app.py registers (hrdash/app/pages.py), in menu order."""
    return [{"path": p.view, "url_path": p.url_path, "title": p.title} for p in registry.PAGES]


def timed_run(at: AppTest) -> float:
    """Run the script once; return its wall time in ms. Raise if the script raised."""
    started = time.perf_counter()
    at.run(timeout=TIMEOUT)
    ms = (time.perf_counter() - started) * 1000
    if at.exception:
        raise RuntimeError("; ".join(str(e.value) for e in at.exception))
    return ms


def timed_app_run(at: AppTest) -> float:
    """Like timed_run, and check that app.py itself ran (its sidebar filters are on screen)."""
    ms = timed_run(at)
    missing = [k for k in FILTER_KEYS if k not in {s.key for s in at.selectbox}]
    if missing:
        raise RuntimeError(f"the run did not draw the sidebar filters {missing}: app.py did not run")
    return ms


def filter_changes(target_eas: list[str], years: list[int]) -> Iterator[dict[str, object]]:
    """Yield filter values never used before: a new (region, target EA) pair each time, and new years.

    The default view (all regions, no EA, full range) is never yielded. Once every pair has been used,
    pairs repeat with year ranges not used with them before.
    """
    regions = [ALL_REGIONS, *OHCHR_REGIONS]
    pairs = [(r, None) for r in OHCHR_REGIONS] + [(r, ea) for ea in target_eas for r in regions]
    ranges = [(f, t) for t in reversed(years) for f in years if f <= t and (f, t) != (years[0], years[-1])]
    i = 0
    for cycle in range(len(ranges)):
        for region, ea in pairs:
            year_from, year_to = ranges[(i + cycle) % len(ranges)]
            i += 1
            yield {"region": region, "target_ea": ea, "year_from": year_from, "year_to": year_to}


def set_filters(at: AppTest, values: dict[str, object]) -> None:
    for key, value in values.items():
        at.selectbox(key=key).set_value(value)


class Reference:
    """The reference page, warmed up, timed between the page runs so both see the same machine load."""

    def __init__(self) -> None:
        self.at = AppTest.from_file(str(REFERENCE_PAGE), default_timeout=TIMEOUT)
        self.first_run_ms = timed_run(self.at)
        for _ in range(2):
            timed_run(self.at)  # warm-up: plotly validators, the cached frames
        self.warm_ms: list[float] = []

    def sample(self) -> None:
        self.warm_ms.append(timed_run(self.at))

    @property
    def median(self) -> float:
        return statistics.median(self.warm_ms)


def measure_page(
    page: dict[str, str], runs: int, changes: Iterator[dict[str, object]], ref: Reference
) -> dict[str, object]:
    """Open app.py, switch to `page`, then time warm reruns and runs after a filter change."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    result: dict[str, object] = dict(page)
    try:
        result["first_run_ms"] = timed_app_run(at)
        at.switch_page(page["path"])
        result["switch_ms"] = timed_app_run(at)
        for _ in range(2):
            timed_app_run(at)
        warm, after_change, used = [], [], []
        for _ in range(runs):
            ref.sample()
            warm.append(timed_app_run(at))
        for _ in range(runs):
            ref.sample()
            values = next(changes)
            set_filters(at, values)
            after_change.append(timed_app_run(at))
            used.append(values)
        result["warm_ms"], result["filter_change_ms"], result["filters_used"] = warm, after_change, used
    except Exception as e:  # report the page as failed, measure the others
        result["error"] = f"{type(e).__name__}: {e}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database to measure (default: bench/results/scale<N>.duckdb)")
    parser.add_argument("--scale", type=int, default=1, help="demo scale of the default database (default 1)")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    args = parser.parse_args(argv)

    path, scale = prepare_db(args.db, args.scale)
    os.environ["HRDASH_DB"] = str(path)
    pages = registered_pages()
    missing = [p["path"] for p in pages if not (ROOT / p["path"]).is_file()]
    if missing:
        sys.exit(f"error: app.py registers pages whose files do not exist: {', '.join(missing)}")
    print(f"database {path} (scale {scale}); {len(pages)} page(s) in app.py; median of {args.runs} runs", flush=True)

    ref = Reference()
    for _ in range(args.runs):
        ref.sample()

    # Years and EA codes of the sidebar, read from one run of the app (they come from the database).
    probe = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    timed_app_run(probe)
    years = [int(y) for y in probe.selectbox(key="year_to").options]
    target_eas = [str(o) for o in probe.selectbox(key="target_ea").options]
    changes = filter_changes(target_eas, years)

    results = []
    for page in pages:
        print(f"measuring {page['path']} ...", flush=True)
        results.append(measure_page(page, args.runs, changes, ref))
    ref_ms = ref.median
    print(f"\nunit: reference page ({REFERENCE_PAGE.relative_to(ROOT)}) warm median {ref_ms:.1f} ms")
    print(f"  (median of {len(ref.warm_ms)} runs, taken between the page runs: {fmt(ref.warm_ms)} ms)\n")

    targets = {"warm": WARM_TARGET, "filter_change": change_target(scale)}
    header = f"{'page':<24}{'':>14}{'ms':>9}{'x ref':>8}{'target':>9}  result"
    print(header)
    print("-" * len(header))
    ok = True
    for r in results:
        name = r["url_path"] or r["path"]
        if "error" in r:
            ok = False
            print(f"{name:<24}ERROR {r['error']}")
            continue
        for kind, label in [("warm", "warm"), ("filter_change", "filter change")]:
            med = statistics.median(r[f"{kind}_ms"])
            ratio = med / ref_ms
            passed = ratio <= targets[kind]
            ok &= passed
            r[f"{kind}_median_ms"], r[f"{kind}_ratio"], r[f"{kind}_pass"] = med, ratio, passed
            print(
                f"{name:<24}{label:>14}{med:>9.1f}{ratio:>7.1f}x{'<= ' + format(targets[kind], 'g') + 'x':>9}  "
                f"{'PASS' if passed else 'FAIL'}"
            )
            name = ""
        print(f"{'':<24}  runs (ms): warm {fmt(r['warm_ms'])}; after a filter change {fmt(r['filter_change_ms'])}")
    print(f"\noverall: {'PASS' if ok else 'FAIL'}")

    reference = {"path": str(REFERENCE_PAGE.relative_to(ROOT)), "first_run_ms": ref.first_run_ms,
                 "warm_ms": ref.warm_ms, "warm_median_ms": ref_ms}  # fmt: skip
    fields = {"runs": args.runs, "targets_x_reference": targets, "reference": reference, "pages": results, "pass": ok}
    write_summary(f"page_speed_scale{scale}", path, scale, fields, streamlit=st.__version__, duckdb=duckdb.__version__)
    return 0 if ok else 1


def fmt(values: list[float]) -> str:
    return " ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())
