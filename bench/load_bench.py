"""How many users one server holds: N concurrent users against one `streamlit run` on 127.0.0.1.

    python bench/load_bench.py                          # scale 1; N = 1, 5, 10, 25, 50; 60 s a level
    python bench/load_bench.py --scale 20
    python bench/load_bench.py --users 1,25 --seconds 30 --think 3
    python bench/load_bench.py --browsers 5             # also N real Chromium users for N <= 5 (default 5; 0: none)

Every level starts a fresh server on the database (so no level inherits another's caches), warms it with one walk
of every page (as a server that has been up a while is), then runs N users at once for --seconds. A user opens
every page in a random order and changes the filters on each (region, years, target EA; a country on the
profile), thinking --think seconds (± 50 %) between actions. The users speak Streamlit's websocket protocol
(bench/load_client.py): the server does all its work (script, queries, figures, serialisation); for N <= --browsers
the same number of real Chromium users is run as well, timed from navigation until the page is drawn (no
"running" status, the last element on screen), which adds the browser's own drawing.

Reported per level: actions done, p50/p95/max seconds to drawn (websocket: until `script_finished`), failed
actions, the server's CPU (mean and peak over 1 s samples, in % of one core: 200 % is both cores) and its peak
resident memory. Target (issue 16): 25 users with p95 <= 2 s on 2 cores at scale 1. Exit 1 if it is missed.
Writes bench/results/load_scale<N>.json (load_scale<N>_replicas<K>.json with --replicas).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from bench.common import RESULTS, prepare_db, wait_for_health  # noqa: E402
from bench.load_client import Timing, run_users, scenario  # noqa: E402
from tests.helpers.browser import CHROMIUM, free_port, launch_chromium, streamlit_server  # noqa: E402

TARGET_USERS, TARGET_P95 = 25, 2.0
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


class Sampler:
    """Samples process trees' CPU (% of one core) and resident memory once a second, in a thread."""

    def __init__(self, pids: list[int]) -> None:
        self.procs = [psutil.Process(pid) for pid in pids]
        self.cpu: list[float] = []
        self.rss: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[psutil.Process]:
        return [q for p in self.procs for q in (p, *p.children(recursive=True))]

    def _run(self) -> None:
        for p in self._tree():
            p.cpu_percent(None)
        while not self._stop.wait(1.0):
            try:
                tree = self._tree()
                self.cpu.append(sum(p.cpu_percent(None) for p in tree))
                self.rss.append(sum(p.memory_info().rss for p in tree) / 2**20)
            except psutil.Error:
                break

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def server_pid(url: str) -> int:
    """Return the pid of the process listening on the url's port."""
    port = int(url.rsplit(":", 1)[1])
    for conn in psutil.net_connections("tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
            return conn.pid
    raise RuntimeError(f"no process listens on port {port}")


def browser_users(url: str, users: int, seconds: float, think: float, seed: int) -> list[Timing]:
    """Return the timings of `users` real Chromium users (one thread each, one browser each) acting at once."""
    out: list[list[Timing]] = [[] for _ in range(users)]
    deadline = time.monotonic() + seconds

    def one(i: int) -> None:
        rng = random.Random(seed * 1000 + 500 + i)
        steps = scenario(rng)
        time.sleep(rng.uniform(0, think))
        with launch_chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            while time.monotonic() < deadline:
                step = steps[len(out[i]) % len(steps)]
                start = time.perf_counter()
                try:
                    page.goto(f"{url}/{step.page}?{step.query}", wait_until="domcontentloaded")
                    drawn(page)
                    out[i].append(Timing(step, time.perf_counter() - start, True))
                except Exception as exc:  # a timeout or a page error: counted as a failed action
                    out[i].append(Timing(step, time.perf_counter() - start, False, str(exc)[:200]))
                time.sleep(rng.uniform(think / 2, think * 1.5))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [t for timings in out for t in timings]


def drawn(page, timeout_ms: int = 60_000) -> None:
    """Wait until the page is drawn: the app's main block present and Streamlit no longer running the script."""
    page.wait_for_selector('[data-testid="stMainBlockContainer"] [data-testid="stHeading"]', timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=timeout_ms,
        polling=50,
    )


def summary(timings: list[Timing]) -> dict[str, float | int]:
    """Return count, failures and p50/p95/max seconds of the successful actions."""
    ok = sorted(t.seconds for t in timings if t.ok)
    if not ok:
        return {"actions": len(timings), "failed": len(timings), "p50": float("nan"), "p95": float("nan")}
    p95 = ok[min(len(ok) - 1, int(round(0.95 * (len(ok) - 1))))]
    return {
        "actions": len(timings), "failed": sum(not t.ok for t in timings),
        "p50": round(statistics.median(ok), 3), "p95": round(p95, 3), "max": round(ok[-1], 3),
    }  # fmt: skip


@contextmanager
def serve(db: Path, replicas: int) -> Iterator[tuple[str, list[int]]]:
    """Yield the URL users open and the pids of the servers: one `streamlit run`, or `replicas` of them behind
    nginx (deploy/nginx.conf, sessions kept on one replica by a cookie)."""
    with ExitStack() as stack:
        urls = [stack.enter_context(streamlit_server(db)) for _ in range(replicas)]
        pids = [server_pid(u) for u in urls]
        if replicas == 1:
            yield urls[0], pids
            return
        if not NGINX:
            sys.exit("error: --replicas needs nginx (Debian: apt-get install nginx-light)")
        home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hrdash-nginx-")))
        (home / "tmp").mkdir()
        port = free_port()
        servers = " ".join(f"server {u.split('://')[1]};" for u in urls)
        conf = (ROOT / "deploy" / "nginx.conf").read_text().replace("LISTEN", f"127.0.0.1:{port}")
        (home / "nginx.conf").write_text(conf.replace("SERVERS", servers))
        nginx = subprocess.Popen([NGINX, "-p", str(home), "-c", "nginx.conf", "-g", "daemon off;"])
        stack.callback(lambda: (nginx.terminate(), nginx.wait(10)))
        url = f"http://127.0.0.1:{port}"
        wait_for_health(url, timeout=10)
        yield url, pids


def _row(users: int, args: argparse.Namespace, client: str, timings: list[Timing], sampler: Sampler) -> dict:
    cpu = sampler.cpu or [0.0]
    return {
        "users": users, "replicas": args.replicas, "client": client, **summary(timings),
        "cpu_mean": round(statistics.fmean(cpu)), "cpu_peak": round(max(cpu)),
        "rss_peak_mb": round(max(sampler.rss or [0])),
        "errors": sorted({t.error for t in timings if not t.ok})[:3],
    }  # fmt: skip


def level(db: Path, users: int, args: argparse.Namespace) -> list[dict]:
    """Return the rows of one level: fresh, warmed servers; N websocket users (and N browsers if few)."""
    with serve(db, args.replicas) as (url, pids):
        # warm-up: whole walks, enough users that every replica gets some (a user keeps its replica by its cookie)
        walk = 2 * len(scenario(Random(0)))
        asyncio.run(
            run_users(url, 1 if args.replicas == 1 else 3 * args.replicas, 3600, 0.0, seed=99, max_actions=walk)
        )
        with Sampler(pids) as sampler:
            timings = asyncio.run(run_users(url, users, args.seconds, args.think, seed=users))
        rows = [_row(users, args, "websocket", timings, sampler)]
        if users <= args.browsers and CHROMIUM.exists():
            with Sampler(pids) as sampler:
                timings = browser_users(url, users, args.seconds, args.think, seed=users)
            rows.append(_row(users, args, "chromium", timings, sampler))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--db", type=Path, help="an existing database (its scale is read from it)")
    parser.add_argument("--users", default="1,5,10,25,50", help="comma-separated numbers of concurrent users")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each level runs")
    parser.add_argument("--think", type=float, default=3.0, help="mean think time between a user's actions (s)")
    parser.add_argument("--replicas", type=int, default=1, help="servers behind nginx (deploy/nginx.conf)")
    parser.add_argument("--no-warm", dest="warm", action="store_false", help="measure cold servers")
    parser.add_argument("--browsers", type=int, default=5, help="also run real Chromium users for N up to this")
    args = parser.parse_args()
    db, scale = prepare_db(args.db, args.scale)
    levels = [int(n) for n in args.users.split(",")]
    rows: list[dict] = []
    print(f"{'users':>5} {'client':>9} {'actions':>7} {'failed':>6} {'p50 s':>6} {'p95 s':>6} {'max s':>6} "
          f"{'cpu %':>6} {'peak %':>6} {'RSS MB':>6}", flush=True)  # fmt: skip
    for n in levels:
        for row in level(db, n, args):
            rows.append(row)
            print(f"{row['users']:>5} {row['client']:>9} {row['actions']:>7} {row['failed']:>6} {row['p50']:>6} "
                  f"{row['p95']:>6} {row.get('max', ''):>6} {row['cpu_mean']:>6} {row['cpu_peak']:>6} "
                  f"{row['rss_peak_mb']:>6}", flush=True)  # fmt: skip
            for error in row["errors"]:
                print(f"      error: {error}")
    target = next((r for r in rows if r["users"] == TARGET_USERS and r["client"] == "websocket"), None)
    met = target is None or scale != 1 or (target["p95"] <= TARGET_P95 and not target["failed"])
    if target is not None and scale == 1:
        print(f"target: {TARGET_USERS} users p95 <= {TARGET_P95} s at scale 1: {'PASS' if met else 'FAIL'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"load_scale{scale}{f'_replicas{args.replicas}' if args.replicas > 1 else ''}.json"
    out.write_text(json.dumps({
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "scale": scale, "db": str(db),
        "seconds": args.seconds, "think": args.think, "cpus": psutil.cpu_count(), "python": platform.python_version(),
        "rows": rows,
    }, indent=2))  # fmt: skip
    print(f"wrote {out}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
