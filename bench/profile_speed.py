"""Country profile speed: warm reruns and the first run after choosing another country, in reference pages.

    python bench/profile_speed.py                 # scale 1: builds or reuses bench/results/scale1.duckdb
    python bench/profile_speed.py --scale 20      # builds or reuses bench/results/scale20.duckdb
    python bench/profile_speed.py --db PATH       # an existing database

Complements bench/page_speed.py (which changes the sidebar filters on every page): here the profile
is opened through app.py with ?country=, then
- warm: `at.run()` again for the same country;
- after choosing another country: the select box set to a country never shown before in this
  process, so every profile query misses the cache;
- after choosing other years (same country, years never shown before): what bench/page_speed.py's
  filter change does on this page, reported against the same target.
Medians over --runs runs, each divided by the reference page's warm median (bench/reference_page.py,
measured between the page runs). Targets: warm <= 5x; after another country <= 7x at scale 1,
<= 10x at scale 20. Writes bench/results/profile_speed_scale<N>.json.
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

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.common import prepare_db  # noqa: E402

RESULTS = ROOT / "bench" / "results"
APP = ROOT / "app.py"
PAGE = "views/country_profile.py"
REFERENCE_PAGE = ROOT / "bench" / "reference_page.py"
TIMEOUT = 300
# Countries from every OHCHR region, so a switch also changes the regional comparison.
YEAR_RANGES = [(f, t) for t in range(2016, 2011, -1) for f in range(2009, 2012)]
COUNTRIES = ["KEN", "BRA", "NPL", "UKR", "JOR", "SEN", "PER", "FJI", "GEO", "TUN", "ZMB", "MEX", "LAO", "ALB", "LBN"]


def timed(at: AppTest) -> float:
    t = time.perf_counter()
    at.run()
    ms = 1000 * (time.perf_counter() - t)
    if at.exception:
        raise RuntimeError("; ".join(e.value for e in at.exception))
    return ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.runs > len(COUNTRIES) - 1:
        parser.error(f"--runs at most {len(COUNTRIES) - 1}")

    path, scale = prepare_db(args.db, args.scale)
    os.environ["HRDASH_DB"] = str(path)

    ref = AppTest.from_file(str(REFERENCE_PAGE), default_timeout=TIMEOUT)
    for _ in range(3):
        timed(ref)
    ref_ms: list[float] = []

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["country"] = COUNTRIES[0]
    first = timed(at)
    at.switch_page(PAGE)
    switched = timed(at)
    for _ in range(2):
        timed(at)
    warm = []
    for _ in range(args.runs):
        ref_ms.append(timed(ref))
        warm.append(timed(at))
    change = []
    for iso3 in COUNTRIES[1 : args.runs + 1]:
        ref_ms.append(timed(ref))
        at.selectbox(key="profile_country").select(iso3)
        change.append(timed(at))
        shown = at.title[0].value if at.title else ""
        if at.query_params.get("country") != [iso3] and at.query_params.get("country") != iso3:
            raise RuntimeError(f"the URL did not follow the country: {dict(at.query_params)} ({shown})")

    # The same country with years never shown before (what bench/page_speed.py's filter change does here).
    years = []
    for year_from, year_to in YEAR_RANGES[: args.runs]:
        ref_ms.append(timed(ref))
        at.selectbox(key="year_from").select(year_from)
        at.selectbox(key="year_to").select(year_to)
        years.append(timed(at))

    unit = statistics.median(ref_ms)
    target_change = 10.0 if scale >= 20 else 7.0
    rows = [("warm", warm, 5.0), ("another country", change, target_change), ("other years", years, target_change)]
    print(f"database {path} (scale {scale}); reference page warm median {unit:.1f} ms")
    print(f"first run {first:.0f} ms, switch to the profile {switched:.0f} ms")
    ok = True
    out = {}
    for name, values, target in rows:
        med = statistics.median(values)
        ratio = med / unit
        ok &= ratio <= target
        out[name] = {"ms": values, "median_ms": med, "ratio": ratio, "target": target, "pass": ratio <= target}
        runs = " ".join(f"{v:.0f}" for v in values)
        verdict = "PASS" if ratio <= target else "FAIL"
        print(f"{name:<18}{med:>8.1f} ms {ratio:>5.1f}x  (<= {target:g}x) {verdict}   runs: {runs}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = RESULTS / f"profile_speed_scale{scale}.json"
    result.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": str(path),
                "scale": scale,
                "reference_warm_ms": ref_ms,
                "reference_warm_median_ms": unit,
                "first_run_ms": first,
                "switch_ms": switched,
                **out,
                "pass": ok,
                "environment": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average": os.getloadavg(),
                },
            },
            indent=2,
        )  # fmt: skip
    )
    print(f"overall: {'PASS' if ok else 'FAIL'}; wrote {result.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
