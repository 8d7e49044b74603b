"""Many users on several servers: the load bench's users, two replicas behind nginx, a database published in place.

The full load runs live in bench/load_bench.py; this is its smoke test and the test of the deployment the README
describes ("Deploying for many users"): two `streamlit run` replicas on one read-only database behind
deploy/nginx.conf, each user kept on one replica, and a new database file moved in place (os.replace) that both
replicas then serve without a restart.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import duckdb
import psutil
import pytest

from bench.load_bench import NGINX, Sampler, serve, summary
from bench.load_client import run_users
from hrdash.model.filters import OHCHR_REGIONS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not NGINX, reason="needs nginx (Debian: apt-get install nginx-light)"),
]


def _cpu_seconds(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def _built_at(texts: list[str]) -> set[str]:
    return {
        t.replace("\\", "").split("Database built ", 1)[1].split(" (", 1)[0] for t in texts if "Database built " in t
    }


def test_two_replicas_behind_nginx_share_users_and_serve_a_published_database(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "hrdash.duckdb"
    shutil.copy(built_db, db)
    with serve(db, replicas=2) as (url, pids):
        before = [_cpu_seconds(p) for p in pids]
        # six users, three actions each (a page, then a filter change on it, then the next page), through nginx
        with Sampler(pids) as sampler:
            timings = asyncio.run(run_users(url, 6, seconds=300, think=0.05, seed=3, max_actions=3, keep_text=True))
        spent = [_cpu_seconds(p) - b for p, b in zip(pids, before)]
        figures = summary(timings)  # what the bench reports, from these actions
        assert figures["actions"] == 18 and figures["failed"] == 0 and 0 < figures["p50"] <= figures["p95"]
        assert max(sampler.rss) > 2 * 50  # two servers' memory, in MB

        assert len(timings) == 18 and all(t.ok for t in timings), [t.error for t in timings if not t.ok]
        # every filter change was applied by the server: the page's captions name the region asked for
        for t in timings:
            region = next((r for r in OHCHR_REGIONS if f"region={r.replace(' ', '+')}" in t.action.query), None)
            if region and t.action.page != "data":
                assert any(f"OHCHR region: {region}".replace("-", "\\-") in x for x in t.texts), t.action
        # both replicas did work: users are spread over them (each keeps its replica by its cookie)
        assert min(spent) > 0.5, spent

        # publish a new database the way README says: a copy changed, then moved in place
        old = _built_at([x for t in timings for x in t.texts])
        assert len(old) == 1
        staged = tmp_path / "next.duckdb"
        shutil.copy(db, staged)
        with duckdb.connect(str(staged)) as con:
            con.execute("update build_info set value = '2030-01-01 00:00 UTC' where key = 'built_at'")
        staged.replace(db)

        after = asyncio.run(run_users(url, users=6, seconds=300, think=0.05, seed=4, max_actions=1, keep_text=True))
        assert all(t.ok for t in after)
        shown = {t.action.page: _built_at(t.texts) for t in after if t.action.page != "data"}
        assert shown and all(v == {"2030-01-01 00:00 UTC"} for v in shown.values()), (old, shown)
