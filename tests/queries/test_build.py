"""Building the database: atomic, rebuilt when stale, and the CLI's build and stats commands."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from hrdash import demo
from hrdash.db import build
from tests.helpers.paths import ROOT


def test_failed_build_leaves_the_good_database_in_place(built_db, tmp_path, monkeypatch):
    target = tmp_path / "copy.duckdb"
    target.write_bytes(built_db.read_bytes())
    before = target.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("generator crashed")

    monkeypatch.setattr(demo, "generate", broken)
    with pytest.raises(RuntimeError, match="generator crashed"):
        build.build(target, progress=lambda m: None)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["copy.duckdb"]  # no half-built file left behind


def test_staleness_follows_the_sources(built_db, tmp_path, monkeypatch):
    assert not build.is_stale(built_db)
    assert build.is_stale(tmp_path / "missing.duckdb")
    monkeypatch.setattr(build, "sources_hash", lambda: "something else")
    assert build.is_stale(built_db)


def test_ensure_built_builds_a_missing_database(tmp_path):
    path = tmp_path / "auto.duckdb"
    messages: list[str] = []
    build.ensure_built(path, progress=messages.append)
    assert path.exists() and any("built" in m for m in messages)
    with duckdb.connect(str(path), read_only=True) as c:
        assert (
            c.execute("select value from build_info where key = 'sources_hash'").fetchone()[0] == build.sources_hash()
        )
    mtime = path.stat().st_mtime_ns
    build.ensure_built(path, progress=messages.append)  # fresh: not rebuilt
    assert path.stat().st_mtime_ns == mtime


def test_cli_stats_json_matches_sql(built_db):
    out = subprocess.run(
        [sys.executable, "-m", "hrdash", "stats", "--json", "--db", str(built_db)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    stats = json.loads(out.stdout)
    with duckdb.connect(str(built_db), read_only=True) as c:
        for table in ["country", "recommendation", "hra_deployment", "story", "ea_target"]:
            assert stats["tables"][table]["rows"] == c.execute(f"select count(*) from {table}").fetchone()[0]
            assert stats["tables"][table]["by_source"] == dict(
                c.execute(f"select source, count(*) from {table} group by 1").fetchall()
            )
        ea2 = sorted(
            r[0] for r in c.execute("select distinct country_iso3 from ea_target where ea_code = 'EA2'").fetchall()
        )
    assert stats["figures"]["ea_target_countries"]["EA2"] == ea2
    assert set(stats["figures"]["ea_target_countries"]) == {"EA2", "EA6", "EA7", "EA11"}
    assert stats["figures"]["sp_visits_2013"] == 79


def test_cli_stats_on_a_missing_database_says_how_to_build(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "hrdash", "stats", "--json", "--db", str(tmp_path / "none.duckdb")],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 2 and "python -m hrdash build" in out.stderr


def test_cli_build_prints_progress(tmp_path):
    path = tmp_path / "cli.duckdb"
    out = subprocess.run(
        [sys.executable, "-m", "hrdash", "build", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "reference  country" in out.stdout and "demo       recommendation" in out.stdout
    assert f"built {path}" in out.stdout
