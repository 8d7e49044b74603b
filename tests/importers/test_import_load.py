"""Loading: idempotent, newer versions replace their source only, imports survive rebuilds, a kill changes nothing.

Also the command line: what it prints, its exit status, --dry-run, and the clear message when another
process (the app) holds the database.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from hrdash.db import build
from hrdash.importers import driver, store
from tests.helpers.db import checksums, fetch, held_open
from tests.helpers.paths import IMPORT_FIXTURES, ROOT


def imported(db: Path, *files: Path, **options):
    return driver.import_paths(db, list(files), imported_by="test", **options)


def test_the_same_file_twice_changes_nothing(db, tmp_path):
    [(first, log)] = imported(db, IMPORT_FIXTURES / "2012data.csv")
    assert log["id"] == 1
    before = checksums(db)
    renamed = tmp_path / "copy_of_2012.csv"  # same bytes under another name: the same file
    shutil.copy(IMPORT_FIXTURES / "2012data.csv", renamed)
    for path in (IMPORT_FIXTURES / "2012data.csv", renamed):
        [(again, log)] = imported(db, path)
        assert again.status == "already imported" and log is None and "import #1" in again.reason
    assert checksums(db) == before  # import_log included


def test_a_newer_version_replaces_that_source_and_nothing_else(db, tmp_path):
    [(unct, _)] = imported(db, IMPORT_FIXTURES / "unct_engagement.csv")
    [(v1, _)] = imported(db, IMPORT_FIXTURES / "2012data.csv")
    unct_rows = fetch(db, "select * from unct_engagement where source = $s order by id", {"s": unct.tag})
    newer = tmp_path / "v2" / "2012data.csv"  # the same year file, corrected: one row fewer, one text changed
    newer.parent.mkdir()
    lines = (IMPORT_FIXTURES / "2012data.csv").read_bytes().split(b"\r")
    lines[1] = lines[1].replace(b"Ratify the Optional Protocol", b"Ratify promptly the Optional Protocol")
    newer.write_bytes(b"\r".join(lines[:-2] + lines[-1:]))
    [(v2, log)] = imported(db, newer)
    assert v2.source_key == v1.source_key == "upr_terman:2012data" and v2.replaces == [v1.tag]
    assert fetch(db, "select count(*) from recommendation where source = $s", {"s": v1.tag}) == [(0,)]
    texts = [r[0] for r in fetch(db, "select text from recommendation where source = $s", {"s": v2.tag})]
    assert len(texts) == 5 and any("Ratify promptly" in t for t in texts) and log["replaced"] == 6
    assert fetch(db, "select * from unct_engagement where source = $s order by id", {"s": unct.tag}) == unct_rows
    # the older version again: it becomes the current one, replacing the newer
    [(again, log)] = imported(db, IMPORT_FIXTURES / "2012data.csv")
    assert again.status == "ready" and log["inserted"] == 6
    assert fetch(db, "select count(*) from recommendation where source = $s", {"s": v2.tag}) == [(0,)]
    assert [r[0] for r in fetch(db, "select id from import_log order by id")] == [1, 2, 3, 4]


def test_rows_with_the_key_of_another_import_are_replaced_newest_wins(db, tmp_path):
    [(untc, _)] = imported(db, IMPORT_FIXTURES / "untc_IV-16_status.csv")  # CED from the Treaty Collection
    other = tmp_path / "hr_status_cped.csv"  # CED again, another layout: one logical source, "ratification:CED"
    other.write_text("iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
                     "AL,Albania,1,2007,0,0,state party,\n")  # fmt: skip
    [(table, log)] = imported(db, other)
    assert table.source_key == untc.source_key == "ratification:CED" and table.replaces == [untc.tag]
    got = fetch(db, "select source, consent_date, date_precision from ratification where country_iso3 = 'ALB' "
                    "and instrument = 'CED'")  # fmt: skip
    assert got == [(table.tag, dt.date(2007, 12, 31), "year")]


def test_imports_survive_a_rebuild(db, monkeypatch):
    [(a, _), (b, _)] = imported(db, IMPORT_FIXTURES / "hr_status_icmw.csv", IMPORT_FIXTURES / "2012data.csv")
    rows = "select * from {} where source in ($a, $b) order by all"
    before = {t: fetch(db, rows.format(t), {"a": a.tag, "b": b.tag}) for t in ("ratification", "recommendation")}
    log = fetch(db, "select * from import_log order by id")
    # the public CMW row of Algeria is replaced, and the demo cycle-2 UPR recommendations to Bosnia and Herzegovina
    # (2012data.csv's cycle) are superseded
    public_cmw = "select count(*) from ratification where source like 'public:%' and instrument = 'CMW' and " + (
        "country_iso3 = 'DZA'"
    )
    demo_bih = "select count(*) from recommendation where source = 'demo' and country_iso3 = 'BIH' and cycle = 2"
    assert fetch(db, public_cmw) == [(0,)] and fetch(db, demo_bih) == [(0,)]
    public_left = fetch(db, "select count(*) from ratification where source like 'public:%'")
    monkeypatch.setattr(build, "sources_hash", lambda: "changed sources")  # as when the schema or generator changes
    messages: list[str] = []
    build.ensure_built(db, progress=messages.append)
    assert fetch(db, "select value from build_info where key = 'sources_hash'") == [("changed sources",)]
    assert any("re-applied" in m for m in messages)
    after = {t: fetch(db, rows.format(t), {"a": a.tag, "b": b.tag}) for t in ("ratification", "recommendation")}
    assert after == before and fetch(db, "select * from import_log order by id") == log
    assert fetch(db, public_cmw) == [(0,)] and fetch(db, demo_bih) == [(0,)]  # still replaced and superseded
    assert fetch(db, "select count(*) from ratification where source like 'public:%'") == public_left
    info = dict(fetch(db, "select key, value from build_info"))
    assert info["imports_reapplied"] == "2" and info["imports_not_reapplied"] == "[]"


def test_a_deleted_database_is_rebuilt_with_the_committed_imports(db):
    [(plan, _)] = imported(db, IMPORT_FIXTURES / "unct_engagement.csv")
    db.unlink()
    build.build(db, progress=lambda m: None)
    assert fetch(db, "select count(*) from unct_engagement where source = $s", {"s": plan.tag}) == [(4,)]
    assert fetch(db, "select file_name from import_log") == [("unct_engagement.csv",)]


def test_an_upr_review_import_stored_before_review_year_existed_is_re_applied(db, tmp_path):
    path = tmp_path / "upr_review.csv"
    path.write_text("country_iso3,cycle,session,review_date,national_report,midterm_report\nKEN,2,21,2015-01-21,,\n")
    [(plan, _)] = imported(db, path)
    parquet = store.folder(store.store_dir(db), plan.sha256) / "upr_review.parquet"
    with duckdb.connect() as con:  # the stored rows as an import of the earlier schema wrote them
        con.execute(f"copy (select * exclude (review_year) from '{parquet}') to '{parquet}.old' (format parquet)")
    os.replace(f"{parquet}.old", parquet)
    manifest = store.read_manifest(parquet.parent)  # as the earlier version wrote it: no checksums yet
    store.write_manifest(parquet.parent, {**{k: v for k, v in manifest.items() if k != "checksums"}, "version": 1})
    build.build(db, progress=lambda m: None)
    assert dict(fetch(db, "select key, value from build_info"))["imports_not_reapplied"] == "[]"
    rows = fetch(db, "select country_iso3, session, review_year, review_date, national_report from upr_review "
                     "where source = $s", {"s": plan.tag})  # fmt: skip
    assert rows == [("KEN", 21, 2015, dt.date(2015, 1, 21), None)]


def test_an_import_whose_files_are_gone_is_reported_not_silently_lost(db):
    [(plan, _)] = imported(db, IMPORT_FIXTURES / "unct_engagement.csv")
    shutil.rmtree(store.folder(store.store_dir(db), plan.sha256))
    messages: list[str] = []
    build.build(db, progress=messages.append)
    assert any("NOT re-applied" in m for m in messages)
    info = dict(fetch(db, "select key, value from build_info"))
    assert '"file_name": "unct_engagement.csv"' in info["imports_not_reapplied"]
    assert fetch(db, "select id, file_name from import_log") == [(1, "unct_engagement.csv")]  # kept: retried


def test_kill_in_the_middle_of_an_import_leaves_the_database_as_it_was(db, tmp_path):
    big = tmp_path / "recommendation.csv"
    with duckdb.connect() as con:
        con.execute(
            f"copy (select 'kill-' || i as id, (['KEN', 'UGA', 'TZA'])[1 + i % 3] as country_iso3, 'UPR' as mechanism, "
            f"date '2015-01-01' + (i % 365)::int as rec_date, 'Recommendation number ' || i as text, 2 as cycle, "
            f"'FRA' as recommending_states, 'supported' as response from range(150000) r(i)) to '{big}' (header)"
        )
    before = checksums(db)
    proc = subprocess.Popen(
        [sys.executable, "-m", "hrdash", "import", "--db", str(db), "--max-size-mb", "500", str(big)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if "loading recommendation" in line:  # inside the transaction: demo rows deleted, insert under way
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    assert checksums(db) == before  # nothing committed
    folder = next(p for p in store.store_dir(db).iterdir() if p.name != store.STAGING)
    assert not (folder / store.COMMITTED).exists()
    [(plan, log)] = imported(db, IMPORT_FIXTURES / "unct_engagement.csv")  # and the database is usable
    assert log["id"] == 1 and plan.status == "ready"
    build.build(db, progress=lambda m: None)  # the killed import is not re-applied by a rebuild
    assert fetch(db, "select file_name from import_log") == [("unct_engagement.csv",)]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hrdash", "import", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_dry_run_writes_nothing_then_the_import_prints_format_rows_and_names(db):
    files = [str(IMPORT_FIXTURES / "hr_status_icmw.csv"), str(IMPORT_FIXTURES / "upr_info_sample.csv")]
    before = checksums(db)
    dry = run_cli("--db", str(db), "--dry-run", *files)
    assert dry.returncode == 0 and dry.stdout.count("dry run: nothing written") == 2
    assert checksums(db) == before and not [p for p in store.store_dir(db).glob("*") if p.name != store.STAGING]
    out = run_cli("--db", str(db), *files)
    assert out.returncode == 0, out.stdout + out.stderr
    for text in (dry.stdout, out.stdout):
        assert "format            treaty_table" in text and "(CMW)" in text and "rows read         10" in text
        assert "unresolved names  none" in text and "encoding mac_roman" in text and "contradicts the flags" in text
        assert "row 8, column 'iso2': value 'MS': MSR is not a State in the country table" in text
        assert "recommendation    4 to insert" in text
    assert "ratification      9 to insert, 0 to replace" in out.stdout
    assert "loaded as import #1" in out.stdout and "loaded as import #2" in out.stdout


def test_cli_refused_file_exits_non_zero_naming_row_and_column(db, tmp_path):
    bad = tmp_path / "unct_engagement.csv"
    bad.write_text("id,country_iso3,year,mechanism,activity,description\n,Atlantis,2014,UPR,follow-up plan,x\n")
    out = run_cli("--db", str(db), str(bad), str(IMPORT_FIXTURES / "unct_engagement.csv"))
    assert out.returncode == 1
    assert "unresolved names  1" in out.stdout and "'Atlantis' (row 2)" in out.stdout
    assert "REFUSED: 1 problem(s) in the rows" in out.stdout
    assert "loaded as import #1" in out.stdout  # the other file is still loaded (one transaction per file)


def test_cli_import_fails_clearly_while_the_app_holds_the_database(db):
    with held_open(db) as holder:
        before = checksums(db)
        started = time.perf_counter()
        out = run_cli("--db", str(db), str(IMPORT_FIXTURES / "unct_engagement.csv"))
        assert out.returncode == 3 and time.perf_counter() - started < 60
        assert f"is open in process {holder.pid}" in out.stdout and "Data page" in out.stdout
        assert "Nothing was changed" in out.stdout
    assert checksums(db) == before
