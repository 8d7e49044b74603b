"""PPTX generation time: one country's brief, and the briefs of every EA6 target country in bulk.

    python bench/pptx_speed.py                 # scale 1: builds or reuses bench/results/scale1.duckdb
    python bench/pptx_speed.py --scale 20      # builds or reuses bench/results/scale20.duckdb
    python bench/pptx_speed.py --db PATH       # an existing database

One country: for each of --runs countries (from every OHCHR region), the time to run the profile's
queries (`profile.load`, 4 threads as the CLI does), to make the deck spec, and to write the .pptx
(`slides.build`); medians are reported. Bulk: `brief.write_briefs` for the 70 target countries of
EA6 into a temporary directory, as `python -m hrdash brief --targets EA6 --out DIR` does, with the
total, the time per deck and the total size. Whole-page decks: for each page with tabs, in Streamlit's AppTest, the
run after "Prepare slides of the whole page" (every tab's queries and figures) and the .pptx of its deck (target:
<= 3 s in all at scale 1; all 70 EA6 briefs <= 60 s).
Writes bench/results/pptx_speed_scale<N>.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from bench.common import prepare_db, write_summary  # noqa: E402
from hrdash.exports import pptx as slides  # noqa: E402
from hrdash.profile import brief  # noqa: E402
from hrdash.profile import data as profile  # noqa: E402

COUNTRIES = ["KEN", "BRA", "NPL", "UKR", "JOR", "LBR", "MDA", "TZA", "PER", "FJI"]


def one_country(con: duckdb.DuckDBPyConnection, iso3: str, years: tuple[int, int]) -> dict[str, float]:
    """Time the three steps of one country's brief (ms) and return them with the deck's size and slides."""
    run = brief.runner(con)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(brief.QUERY_THREADS) as pool:
        p = profile.load(run, iso3, *years, pool.map)
    t1 = time.perf_counter()
    spec = brief.deck(p, built_at="bench")
    t2 = time.perf_counter()
    data = slides.build(spec)
    t3 = time.perf_counter()
    return {
        "queries_ms": 1000 * (t1 - t0),
        "spec_ms": 1000 * (t2 - t1),
        "pptx_ms": 1000 * (t3 - t2),
        "total_ms": 1000 * (t3 - t0),
        "bytes": len(data),
        "slides": slides.slide_count(spec.items),
    }


PAGE_VIEWS = ["views/ratification.py", "views/treaty_bodies.py", "views/special_procedures.py", "views/upr.py",
              "views/civil_society.py", "views/unct_engagement.py", "views/expected_accomplishments.py"]  # fmt: skip


def page_decks(path: Path) -> dict[str, dict[str, float]]:
    """Time each page's whole-page deck: the run after "Prepare slides" (s), then the .pptx (s), its slides."""
    from streamlit.testing.v1 import AppTest

    from hrdash.app import deck

    os.environ["HRDASH_DB"] = str(path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    out = {}
    for view in PAGE_VIEWS:
        at.switch_page(view)
        at.run()
        button = next(b for b in at.button if b.label.startswith("Prepare slides"))
        t0 = time.perf_counter()
        button.click().run()
        t1 = time.perf_counter()
        spec = at.session_state[deck.PAGE_DECK_KEY]()
        data = slides.build(spec)
        t2 = time.perf_counter()
        out[view.split("/")[-1][:-3]] = {"prepare_s": t1 - t0, "pptx_s": t2 - t1, "total_s": t2 - t0,
                                         "slides": slides.slide_count(spec.items), "bytes": len(data)}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument(
        "--runs", type=int, default=len(COUNTRIES), help=f"countries timed one by one (max {len(COUNTRIES)})"
    )
    parser.add_argument("--ea", default="EA6", help="EA whose target countries get a deck each (default EA6)")
    args = parser.parse_args(argv)

    path, scale = prepare_db(args.db, args.scale)
    with duckdb.connect(str(path), read_only=True) as con:
        years = brief.data_years(con)
        one_country(con, "AGO", years)  # warm-up: imports, DuckDB's first plans
        singles = {iso3: one_country(con, iso3, years) for iso3 in COUNTRIES[: args.runs]}
        countries = brief.target_countries(con, args.ea)
        with tempfile.TemporaryDirectory(prefix="hrdash-briefs-") as out:
            t0 = time.perf_counter()
            written = brief.write_briefs(con, countries, Path(out), progress=lambda m: None)
            bulk_s = time.perf_counter() - t0
            bulk_bytes = sum(p.stat().st_size for p in written)
    pages = page_decks(path)

    print(f"database {path} (scale {scale}); years {years[0]}–{years[1]}")
    print(f"{'country':<9}{'queries':>9}{'spec':>7}{'pptx':>7}{'total ms':>10}{'slides':>8}{'KB':>6}")
    for iso3, r in singles.items():
        print(f"{iso3:<9}{r['queries_ms']:>9.0f}{r['spec_ms']:>7.0f}{r['pptx_ms']:>7.0f}{r['total_ms']:>10.0f}"
              f"{r['slides']:>8}{r['bytes'] / 1024:>6.0f}")  # fmt: skip
    medians = {
        k: statistics.median(r[k] for r in singles.values()) for k in ("queries_ms", "spec_ms", "pptx_ms", "total_ms")
    }
    print(f"{'median':<9}{medians['queries_ms']:>9.0f}{medians['spec_ms']:>7.0f}{medians['pptx_ms']:>7.0f}"
          f"{medians['total_ms']:>10.0f}")  # fmt: skip
    print(
        f"\nbulk: {len(written)} decks for the target countries of {args.ea} in {bulk_s:.1f} s "
        f"({1000 * bulk_s / len(written):.0f} ms per deck, {bulk_bytes / 1e6:.1f} MB in all)"
    )
    print(f"\n{'whole-page deck':<26}{'prepare s':>10}{'pptx s':>8}{'total s':>9}{'slides':>8}")
    for name, r in pages.items():
        print(f"{name:<26}{r['prepare_s']:>10.2f}{r['pptx_s']:>8.2f}{r['total_s']:>9.2f}{r['slides']:>8}")
    bulk = {"ea": args.ea, "decks": len(written), "seconds": bulk_s, "bytes": bulk_bytes}
    fields = {"one_country": singles, "one_country_median_ms": medians, "bulk": bulk, "whole_page_decks": pages}
    write_summary(f"pptx_speed_scale{scale}", path, scale, fields)
    return 0


if __name__ == "__main__":
    sys.exit(main())
