"""Full-text search speed of the UPR page over every recommendation, at demo scale 20 (about 1.3M rows).

    python bench/search_speed.py                 # builds or reuses bench/results/scale20.duckdb
    python bench/search_speed.py --db PATH       # an existing database
    python bench/search_speed.py --compare       # also time the ILIKE and regular-expression alternatives

One search is what the page runs when the search box changes: the named query upr_search_page, which in one
scan of the texts counts the matches (in all and by response) and returns the first page of 25, newest first;
the words are bound as a list parameter and tested with contains(lower(text), word). 20 different searches
(single words common and rare, several words in any order, quoted phrases, characters SQL would treat
specially, with and without a region, theme or response filter) are each run --runs times after one warm-up;
the figure of a search is its median, and the report gives the median and the 95th percentile over the 20.
Target: p95 <= 300 ms.
Exit status 1 if missed. Writes bench/results/search_speed.json.
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

import duckdb  # noqa: E402

from hrdash.db import build, query  # noqa: E402
from hrdash.model import search  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TARGET_P95_MS = 300.0
PAGE_SIZE = 25
ALL_YEARS = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}
# (search box, extra filters): 20 different searches a user might type.
SEARCHES: list[tuple[str, dict]] = [
    ("torture", {}),
    ("Torture investigate", {}),
    ("investigate TORTURE", {}),
    ('"death penalty"', {}),
    ("moratorium death penalty abolish", {}),
    ("journalists", {"region": "Africa"}),
    ("human rights defenders reprisals", {}),
    ("the", {}),  # matches almost everything: the worst case for counting and sorting
    ("marital rape", {"response": "noted"}),
    ("Paris Principles", {"theme": "national human rights institution"}),
    ("migrant workers domestic", {"region": "Middle East and North Africa"}),
    ("OHCHR technical assistance", {"year_from": 2012, "year_to": 2016}),
    ("indigenous consultation", {"region": "Americas"}),
    ("corporal punishment home", {}),
    ("non-refoulement", {}),
    ("100%", {}),  # no match; '%' is a plain character
    ("under_18", {}),  # no match; '_' is a plain character
    ("'; DROP TABLE recommendation; --", {}),
    ("standing invitation special procedures", {"response": "supported"}),
    ("zzzz-no-such-word", {}),
]


def prepare(path: Path | None) -> Path:
    """Return the database to measure, building bench/results/scale20.duckdb if missing or stale."""
    if path is not None:
        if not build.build_info(path):
            sys.exit(f"error: {path} is not a readable hrdash database")
        return path
    path = RESULTS / "scale20.duckdb"
    if build.is_stale(path) or build.build_info(path).get("scale") != "20":
        print(f"building {path} at scale 20 (about a minute) ...", flush=True)
        build.build(path, scale=20, progress=lambda m: None)
    return path


def params_of(box: str, extra: dict) -> dict:
    return {**ALL_YEARS, "theme": None, "response": None, **extra, "words": search.terms(box)}


def one_search(con: duckdb.DuckDBPyConnection, box: str, extra: dict) -> tuple[float, int]:
    """Run what the page runs for one search; return (ms, matches)."""
    p = params_of(box, extra)
    started = time.perf_counter()
    found = query.run(con, "upr_search_page", {**p, "limit": PAGE_SIZE, "offset": 0})
    return (time.perf_counter() - started) * 1000, int(found["matches"].iloc[0])


def alternative(con: duckdb.DuckDBPyConnection, box: str, extra: dict, how: str) -> float:
    """Time the count with another way of testing the words (for --compare; not used by the app)."""
    p = params_of(box, extra)
    words = p.pop("words")
    if how == "ilike":  # the words still bound, but % and _ must be escaped
        tests = [f"r.text ilike '%' || $w{i} || '%' escape '\\'" for i in range(len(words))]
        p.update(
            {f"w{i}": w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for i, w in enumerate(words)}
        )
    else:  # one case-insensitive regular expression per word
        tests = [f"regexp_matches(r.text, $w{i}, 'i')" for i in range(len(words))]
        p.update({f"w{i}": _re_escape(w) for i, w in enumerate(words)})
    sql = f"""
        select count(*) from recommendation r
        join selected_countries($region, $countries::varchar[], $target_ea) s on s.iso3 = r.country_iso3
        where r.cycle is not null and year(r.rec_date) between $year_from and $year_to
          and ($theme::varchar is null or list_contains(r.themes, $theme::varchar))
          and ($response::varchar is null or r.response = $response::varchar) and {" and ".join(tests) or "true"}"""
    started = time.perf_counter()
    with con.cursor() as cur:
        cur.execute(sql, p).fetchall()
    return (time.perf_counter() - started) * 1000


def _re_escape(word: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() and ch != " " else ch for ch in word)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database to measure (default: bench/results/scale20.duckdb)")
    parser.add_argument("--runs", type=int, default=5, help="runs per search (default 5)")
    parser.add_argument("--compare", action="store_true", help="also time ILIKE and regexp alternatives")
    args = parser.parse_args(argv)

    path = prepare(args.db)
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("select count(*) from recommendation where cycle is not null").fetchone()[0]
    print(f"database {path}: {rows:,} UPR recommendations; {len(SEARCHES)} searches, median of {args.runs} runs\n")
    one_search(con, "warm up", {})

    results = []
    print(f"{'search':<44}{'filters':<34}{'matches':>10}{'ms':>9}")
    for box, extra in SEARCHES:
        runs = [one_search(con, box, extra) for _ in range(args.runs)]
        ms = statistics.median(t for t, _ in runs)
        result = {"search": box, "filters": extra, "matches": runs[0][1], "runs_ms": [t for t, _ in runs], "ms": ms}
        if args.compare:
            result["ilike_ms"] = statistics.median(alternative(con, box, extra, "ilike") for _ in range(3))
            result["regexp_ms"] = statistics.median(alternative(con, box, extra, "regexp") for _ in range(3))
        results.append(result)
        print(f"{box[:43]:<44}{json.dumps(extra)[:33]:<34}{runs[0][1]:>10,}{ms:>9.1f}")

    times = [r["ms"] for r in results]
    median, high = statistics.median(times), p95(times)
    ok = high <= TARGET_P95_MS
    verdict = "PASS" if ok else "FAIL"
    print(f"\nmedian {median:.1f} ms, p95 {high:.1f} ms (target p95 <= {TARGET_P95_MS:.0f} ms): {verdict}")
    summary = {"median_ms": median, "p95_ms": high}
    if args.compare:
        for how in ("ilike", "regexp"):
            t = [r[f"{how}_ms"] for r in results]
            summary[f"{how}_count_median_ms"], summary[f"{how}_count_p95_ms"] = statistics.median(t), p95(t)
            print(f"{how:>7} (count only): median {statistics.median(t):.1f} ms, p95 {p95(t):.1f} ms")

    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "search_speed.json"
    out.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": str(path),
                "upr_recommendations": rows,
                "runs": args.runs,
                "target_p95_ms": TARGET_P95_MS,
                **summary,
                "pass": ok,
                "searches": results,
                "environment": {
                    "python": platform.python_version(),
                    "duckdb": duckdb.__version__,
                    "cpus": os.cpu_count(),
                    "load_average": os.getloadavg(),
                },
            },
            indent=2,
        )
    )
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
