"""Browser speed: how long a user waits, in a real browser, from a click on a sidebar link or a tab until the page is
drawn; every page and every tab, first visit and repeat.

    python bench/browser_speed.py                  # scale 1: builds or reuses bench/results/scale1.duckdb, 3 rounds
    python bench/browser_speed.py --scale 20 --rounds 2
    python bench/browser_speed.py --pages country ratification --json
    python bench/browser_speed.py --db PATH --rounds 1

Each round starts its own `streamlit run app.py` on 127.0.0.1 (empty caches) and a fresh Chromium context (Debian's
/usr/bin/chromium, the flags of tests/helpers/browser.py, a 1400×1000 window), opens the app, then makes two passes:
every sidebar link in menu order and, on each page, every tab; the first pass is the **first visit** (nothing cached
in the server yet for that view), the second the **repeat**.

**Drawn** (one definition, `DRAWN_JS`): the script run that the click started has ended (the app's script state is
"notRunning" and the running indicator is gone; for a page link, a run must have been seen to start, and the URL
must be the page's), no element is stale, no spinner shows, the page's last element is the sources table ("Where
these figures come from") with its grid drawn (the Data page has none), the open tab has content, and every plotly
chart on view has drawn its SVG. The time is measured inside the browser (`performance.now()` at the click, then at
the first animation frame where the page is drawn), so Playwright's own overhead is not in it.

Targets (issue 16): every page and tab drawn ≤ 1.5 s after its click on first visit, ≤ 1 s on repeat. Reported per
view: p50 and max over the rounds, first visit and repeat, and in brackets the part of the p50 until the script run
ended (the server's share; the rest is the browser drawing; 0 for a tab drawn without a run); `--json` prints the
results as JSON too. Output: bench/results/browser_speed_scale<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from bench.common import RESULTS, prepare_db  # noqa: E402 (needs the root on sys.path)
from hrdash.app import pages  # noqa: E402
from tests.helpers.browser import VIEWPORT, launch_chromium, streamlit_server  # noqa: E402

FIRST_TARGET_S, REPEAT_TARGET_S = 1.5, 1.0
TIMEOUT_MS = 120_000  # a view not drawn by then counts as this long (and is named on stderr)
NO_SOURCES = {pages.DATA.url_path}  # pages without the sources table at the bottom

# Installed before each click: notes when a script run starts (the attribute may flip back within one frame).
WATCH_JS = """() => {
    window.__sawRun = false;
    window.__runEnd = null;
    if (window.__runWatch) window.__runWatch.disconnect();
    window.__runWatch = new MutationObserver(() => {
        const app = document.querySelector('[data-testid="stApp"]');
        const state = app && app.getAttribute('data-test-script-state');
        if (state === 'running') window.__sawRun = true;
        else if (window.__sawRun && state === 'notRunning') window.__runEnd = performance.now();
    });
    window.__runWatch.observe(document.body, {subtree: true, attributes: true,
                                              attributeFilter: ['data-test-script-state']});
}"""

# The one definition of "drawn" (see the module's docstring).
DRAWN_JS = """([needRun, path, needSources]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (needRun && !window.__sawRun) return false;
    if (path !== null && !location.pathname.endsWith(path)) return false;
    if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSpinner"], [data-stale="true"]'))
        return false;
    const main = document.querySelector('[data-testid="stMain"]') || document;
    const elements = main.querySelectorAll('[data-testid="stElementContainer"]');
    const last = elements[elements.length - 1];
    if (needSources && !(last && last.querySelector('[data-testid="stDataFrame"] canvas'))) return false;
    const panel = main.querySelector('[role="tabpanel"]:not([hidden])');
    if (panel && !panel.querySelector('[data-testid="stElementContainer"]')) return false;
    for (const chart of main.querySelectorAll('[data-testid="stPlotlyChart"]')) {
        if (chart.offsetParent === null) continue;  // in a hidden tab
        if (!chart.querySelector('svg.main-svg')) return false;
    }
    return true;
}"""


RUNS: dict[str, float] = {}  # view -> seconds from the click until the script run ended (the server's part)


def timed(page, click_js: str, arg, *, need_run: bool, path: str | None, sources: bool, view: str = "") -> float:
    """Return the seconds from a click (made by `click_js` in the page) until the page is drawn; note in RUNS when
    the script run it started ended (the rest is the browser drawing)."""
    page.evaluate(WATCH_JS)
    start = page.evaluate(f"(arg) => {{ {click_js}; return performance.now(); }}", arg)
    try:
        page.wait_for_function(DRAWN_JS, arg=[need_run, path, sources], polling="raf", timeout=TIMEOUT_MS)
    except PlaywrightTimeout:  # counted as the timeout, and the run goes on with the next view
        print(f"  {view or arg}: not drawn after {TIMEOUT_MS / 1000:.0f} s", file=sys.stderr, flush=True)
        RUNS[view] = 0.0
        return TIMEOUT_MS / 1000
    end, run_end = page.evaluate("() => [performance.now(), window.__runEnd]")
    RUNS[view] = (run_end - start) / 1000 if run_end else 0.0
    return (end - start) / 1000


# The menu (hrdash/app/navigation.py) has one link per page in the registry's order: the link is found by its index.
LINK_JS = """const a = document.querySelectorAll('.st-key-hr_menu a')[arg];
    if (!a) throw new Error('no menu link number ' + arg); a.click()"""
TAB_JS = """const tabs = document.querySelectorAll('[data-testid="stMain"] [role="tab"]');
    if (!tabs[arg]) throw new Error('no tab ' + arg); tabs[arg].click()"""


def tab_names(page) -> list[str]:
    """Return the labels of the tabs of the page on screen (the first set of tabs of the main area)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] [role="tablist"]')].slice(0, 1)
            .flatMap(l => [...l.querySelectorAll('[role="tab"]')].map(t => t.textContent.trim()))"""
    )


def one_pass(page, chosen: list[pages.Page]) -> dict[str, float]:
    """Click every chosen page's link and each of its tabs once; return seconds by view ("Page" / "Page › Tab")."""
    out: dict[str, float] = {}
    for p in chosen:
        sources = p.url_path not in NO_SOURCES
        path = "/" if p.default else p.url_path
        link = pages.PAGES.index(p)
        out[p.title] = timed(page, LINK_JS, link, need_run=True, path=path, sources=sources, view=p.title)
        names = tab_names(page)
        for i, name in enumerate(names[1:], start=1):
            view = f"{p.title} › {name}"
            out[view] = timed(page, TAB_JS, i, need_run=False, path=None, sources=sources, view=view)
    return out


def one_round(db: Path, chosen: list[pages.Page], log) -> dict[str, dict[str, float]]:
    """Start a server and a browser; return {"open": ..., "first": {...}, "repeat": {...}} in seconds."""
    with streamlit_server(db, timeout=120) as url, launch_chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(DRAWN_JS, arg=[False, None, True], polling="raf", timeout=TIMEOUT_MS)
        opened = time.perf_counter() - start
        log(f"  app opened in {opened:.2f} s")
        # The first page is open already: start the passes elsewhere so that its link is a real navigation.
        order = [p for p in chosen if not p.default] + [p for p in chosen if p.default]
        first = one_pass(page, order)
        first_runs = dict(RUNS)
        log("  first visit: " + ", ".join(f"{k} {v:.2f} (run {first_runs[k]:.2f})" for k, v in first.items()))
        repeat = one_pass(page, order)
        log("  repeat:      " + ", ".join(f"{k} {v:.2f} (run {RUNS[k]:.2f})" for k, v in repeat.items()))
        context.close()
    return {
        "open": {"app": opened},
        "first": first,
        "repeat": repeat,
        "first_run": first_runs,
        "repeat_run": dict(RUNS),
    }


def summarise(rounds: list[dict]) -> list[dict]:
    """Return one row per view: p50 and max of the first visit and the repeat over the rounds, and the verdict."""
    rows = []
    for view in rounds[0]["first"]:
        first = [r["first"][view] for r in rounds if view in r["first"]]
        repeat = [r["repeat"][view] for r in rounds if view in r["repeat"]]
        row = {"view": view, "first_p50": statistics.median(first), "first_max": max(first),
               "repeat_p50": statistics.median(repeat), "repeat_max": max(repeat)}  # fmt: skip
        for kind in ("first", "repeat"):  # the part of it until the script run ended (0: no run, a client-side tab)
            row[f"{kind}_run_p50"] = statistics.median(r[f"{kind}_run"].get(view, 0.0) for r in rounds)
        row["ok"] = row["first_p50"] <= FIRST_TARGET_S and row["repeat_p50"] <= REPEAT_TARGET_S
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pages", nargs="+", metavar="URL_PATH", help="only these pages (e.g. country ratification)")
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    db, scale = prepare_db(args.db, args.scale)
    chosen = [p for p in pages.PAGES if not args.pages or p.url_path in args.pages]
    if not chosen:
        ap.error(f"no page among {args.pages}; choose from {[p.url_path for p in pages.PAGES]}")
    log = lambda m: print(m, file=sys.stderr if args.json else sys.stdout, flush=True)  # noqa: E731
    rounds = []
    for i in range(args.rounds):
        log(f"round {i + 1} of {args.rounds} (database {db.name}) ...")
        rounds.append(one_round(db, chosen, log))
    rows = summarise(rounds)
    opened = [r["open"]["app"] for r in rounds]
    width = max(len(r["view"]) for r in rows)
    lines = [
        f"{'view':<{width}}  first p50 (run)   max   repeat p50 (run)   max",
        f"{'(open the app)':<{width}}  {statistics.median(opened):9.2f}        {max(opened):5.2f}",
    ]
    for r in rows:
        flag = "" if r["ok"] else "   <- over target"
        lines.append(
            f"{r['view']:<{width}}  {r['first_p50']:9.2f} ({r['first_run_p50']:4.2f}) {r['first_max']:5.2f}  "
            f"{r['repeat_p50']:10.2f} ({r['repeat_run_p50']:4.2f}) {r['repeat_max']:5.2f}{flag}"
        )
    log("\n".join(lines))
    summary = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "database": str(db), "scale": scale, "rounds": args.rounds,
        "targets_s": {"first": FIRST_TARGET_S, "repeat": REPEAT_TARGET_S},
        "open_app_s": opened, "views": rows, "raw": rounds,
        "environment": {"python": platform.python_version(), "load_average": list(os.getloadavg()),
                        "cpus": os.cpu_count()},
    }  # fmt: skip
    out = args.out or RESULTS / f"browser_speed_scale{scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2))
    if args.json:
        print(json.dumps(summary, indent=2))
    log(f"wrote {out}")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
