"""The import store: one per database, checked on every rebuild, restorable from the file, no copies left behind.

Each test reproduces a defect of the attack on the importer (issue 12): a lost import that could not be
restored (4), a swapped stored file re-applied unchecked (4), `build` replacing the file under the running
app (6), copies left in staging (9), a damaged manifest called a missing folder (10), two databases in one
folder replaying each other's imports (12).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from hrdash.db import build
from hrdash.importers import driver, pipeline, store
from tests.helpers.apptest import data_page, upload
from tests.helpers.db import checksums, fetch
from tests.helpers.paths import IMPORT_FIXTURES, ROOT

UNCT = IMPORT_FIXTURES / "unct_engagement.csv"  # 4 rows
ICMW = IMPORT_FIXTURES / "hr_status_icmw.csv"  # 9 rows of CMW ratification


def imported(db: Path, *files: Path):
    return driver.import_paths(db, list(files), imported_by="test")


def rows_of(db: Path, tag: str, table: str = "unct_engagement") -> list[tuple]:
    return fetch(db, f"select * from {table} where source = $s order by all", {"s": tag})


def not_reapplied(db: Path) -> list[dict]:
    return json.loads(dict(fetch(db, "select key, value from build_info"))["imports_not_reapplied"])


# --- one store per database (defect 12) ------------------------------------------------------------------------


def test_two_databases_in_one_folder_keep_their_imports_apart(built_db, tmp_path):
    real, test_copy = tmp_path / "hrdash.duckdb", tmp_path / "test_copy.duckdb"
    shutil.copy(built_db, real)
    shutil.copy(built_db, test_copy)
    [(plan, _)] = imported(test_copy, UNCT)
    assert store.store_dir(test_copy) == tmp_path / "test_copy.duckdb.imports"
    assert store.folder(store.store_dir(test_copy), plan.sha256).is_dir()
    build.build(real, progress=lambda m: None)  # the real database is rebuilt: the copy's import is not its own
    assert fetch(real, "select count(*) from import_log") == [(0,)] and rows_of(real, plan.tag) == []
    assert not store.store_dir(real).exists()
    build.build(test_copy, progress=lambda m: None)
    assert len(rows_of(test_copy, plan.tag)) == 4  # and the copy keeps it


def test_the_imports_folder_of_earlier_versions_moves_to_hrdash_duckdb(db):
    [(plan, _)] = imported(db, UNCT)
    new = store.store_dir(db)
    os.rename(new, db.parent / "imports")  # the layout before this version: imports/ beside the database
    assert store.store_dir(db) == new and new.is_dir() and not (db.parent / "imports").exists()
    build.build(db, progress=lambda m: None)
    assert len(rows_of(db, plan.tag)) == 4 and not_reapplied(db) == []


# --- integrity of stored imports and restoring them (defects 4 and 10) -----------------------------------------


def test_a_lost_import_is_restored_by_importing_its_file_again(db):
    [(plan, log)] = imported(db, UNCT)
    rows, logged = rows_of(db, plan.tag), fetch(db, "select * from import_log")
    shutil.rmtree(store.folder(store.store_dir(db), plan.sha256))
    build.build(db, progress=lambda m: None)
    assert rows_of(db, plan.tag) == [] and [r["id"] for r in not_reapplied(db)] == [1]
    assert "is missing" in not_reapplied(db)[0]["error"]
    [(again, log)] = imported(db, UNCT)  # was "already imported … nothing to do", the rows staying missing
    assert again.status == "ready" and again.restores["id"] == 1 and again.restore == "rows"
    assert again.reason.startswith("restores import #1 of ") and "could not re-apply it" in again.reason
    assert log["restored"] == "rows" and log["id"] == 1
    assert rows_of(db, plan.tag) == rows and fetch(db, "select * from import_log") == logged
    assert not_reapplied(db) == []
    build.build(db, progress=lambda m: None)  # and the restored copy survives the next rebuild
    assert rows_of(db, plan.tag) == rows and not_reapplied(db) == []
    [(third, log)] = imported(db, UNCT)
    assert third.status == "already imported" and log is None


def test_a_swapped_stored_file_is_refused_on_rebuild_and_named(db):
    [(a, _), (b, _)] = imported(db, ICMW, UNCT)
    folder_a, folder_b = (store.folder(store.store_dir(db), p.sha256) for p in (a, b))
    ratification = rows_of(db, a.tag, "ratification")
    assert len(ratification) == 9
    # a valid Parquet file of the right table, but not the import's: 1 row where the import had 9
    with duckdb.connect() as con:
        con.execute(f"copy (select * from '{folder_a / 'ratification.parquet'}' limit 1) to "
                    f"'{folder_b / 'swap.parquet'}' (format parquet)")  # fmt: skip
    os.replace(folder_b / "swap.parquet", folder_a / "ratification.parquet")
    messages: list[str] = []
    build.build(db, progress=messages.append)
    assert rows_of(db, a.tag, "ratification") == []  # not loaded, not even the one row
    assert len(rows_of(db, b.tag)) == 4  # the other import is re-applied
    [failed] = not_reapplied(db)
    assert failed["file_name"] == "hr_status_icmw.csv"
    assert "ratification.parquet does not match its checksum: it was changed after the import" in failed["error"]
    assert any("hr_status_icmw.csv" in m and "NOT re-applied" in m for m in messages)
    [(again, log)] = imported(db, ICMW)  # the file itself restores it
    assert log["restored"] == "rows" and rows_of(db, a.tag, "ratification") == ratification


def test_an_old_manifest_without_checksums_is_checked_by_its_rows(db):
    [(plan, _)] = imported(db, ICMW)
    folder = store.folder(store.store_dir(db), plan.sha256)
    manifest = store.read_manifest(folder)
    store.write_manifest(folder, {**{k: v for k, v in manifest.items() if k != "checksums"}, "version": 1})
    with duckdb.connect() as con:
        con.execute(f"copy (select * from '{folder / 'ratification.parquet'}' limit 1) to '{folder / 'x.parquet'}' "
                    "(format parquet)")  # fmt: skip
    os.replace(folder / "x.parquet", folder / "ratification.parquet")
    build.build(db, progress=lambda m: None)
    assert "holds 1 rows of ratification where the import had 9" in not_reapplied(db)[0]["error"]


def test_a_damaged_manifest_is_called_damaged_not_missing(db):
    [(plan, _)] = imported(db, UNCT)
    (store.folder(store.store_dir(db), plan.sha256) / store.MANIFEST).write_text('{"version": 2, "tables": ')
    build.build(db, progress=lambda m: None)
    [failed] = not_reapplied(db)
    assert "manifest.json is damaged" in failed["error"] and "missing" not in failed["error"]


def test_a_missing_stored_copy_is_put_back_without_touching_the_database(db):
    [(plan, _)] = imported(db, UNCT)
    folder = store.folder(store.store_dir(db), plan.sha256)
    shutil.rmtree(folder)
    before = checksums(db)
    [(again, log)] = imported(db, UNCT)
    assert again.restore == "store" and log["restored"] == "store" and checksums(db) == before
    assert store.verify(folder, plan.sha256)["log"]["id"] == 1
    build.build(db, progress=lambda m: None)
    assert len(rows_of(db, plan.tag)) == 4 and not_reapplied(db) == []


# --- staging is cleaned on every path (defect 9) ---------------------------------------------------------------


def staged(db: Path) -> list[Path]:
    root = store.store_dir(db) / store.STAGING
    return sorted(root.iterdir()) if root.exists() else []


def test_checks_that_load_nothing_keep_no_copy(db, tmp_path):
    imported(db, UNCT)
    with duckdb.connect(str(db), read_only=True) as con:  # as the Data page re-checks after a confirmed import
        plan = pipeline.inspect(UNCT.read_bytes(), UNCT.name, store_root=store.store_dir(db), target=con)
    assert plan.status == "already imported" and plan.folder is None and staged(db) == []
    bad = tmp_path / "unct_engagement.csv"
    bad.write_bytes(UNCT.read_bytes().replace(b"KEN", b"Atlantis", 1))
    [(refused, _)] = imported(db, bad)
    assert refused.status == "refused" and staged(db) == []
    folder = store.folder(store.store_dir(db), imported(db, IMPORT_FIXTURES / "2012data.csv")[0][0].sha256)
    assert sorted(p.name for p in folder.iterdir()) == [
        "COMMITTED", "manifest.json", "original.csv", "recommendation.parquet"
    ]  # fmt: skip


def test_a_cp1252_canonical_file_leaves_no_second_copy(db, tmp_path):
    path = tmp_path / "unct_engagement.csv"
    path.write_bytes("id,country_iso3,year,mechanism,activity,description\n,KEN,2014,UPR,follow-up plan,café\n"
                     .encode("cp1252"))  # fmt: skip
    [(plan, log)] = imported(db, path)
    assert plan.encoding == "cp1252" and log["inserted"] == 1
    assert rows_of(db, plan.tag)[0][-2:] == ("café", plan.tag)
    folder = store.folder(store.store_dir(db), plan.sha256)
    assert sorted(p.name for p in folder.iterdir()) == [
        "COMMITTED", "manifest.json", "original.csv", "unct_engagement.parquet"
    ]  # fmt: skip


def test_abandoned_checks_are_swept(db):
    root = store.store_dir(db)
    mine = store.staging_folder(root, "a" * 64)
    gone = root / store.STAGING / f"{'b' * 12}-999999999-x"  # a process id that cannot exist
    gone.mkdir()
    old = time.time() - store.STALE_SECONDS - 60
    os.utime(mine, (old, old))
    assert sorted(store.sweep_staging(root)) == sorted([mine, gone]) and staged(db) == []
    fresh = store.staging_folder(root, "c" * 64)  # a check of this process made just now is kept
    assert store.sweep_staging(root) == [] and staged(db) == [fresh]


def test_a_cli_import_killed_during_the_check_leaves_nothing_after_the_next_run(db, tmp_path):
    big = tmp_path / "unct_engagement.csv"
    with big.open("w") as f:
        f.write("id,country_iso3,year,mechanism,activity,description\n")
        f.writelines(f",KEN,{2000 + i % 15},UPR,follow-up plan,row {i}\n" for i in range(400_000))
    proc = subprocess.Popen([sys.executable, "-m", "hrdash", "import", "--db", str(db), str(big)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.time() + 60
        while not any((p / "original.csv").exists() for p in staged(db)) and time.time() < deadline:
            time.sleep(0.05)
        assert staged(db), "the check never started"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    [left] = staged(db)
    assert left.name.split("-")[1] == str(proc.pid)
    [(plan, log)] = imported(db, UNCT)  # the next import, of another file, removes the killed one's copy
    assert log["id"] == 1 and staged(db) == []


# --- one writer: build and import refuse while the app holds the database (defect 6) --------------------------


def app_holding(db: Path) -> subprocess.Popen:
    """Return a process that opens the database as the app does (hrdash.app.data.connection) and keeps it open."""
    code = "import time; from hrdash.app import data; data.connection(); print('open', flush=True); time.sleep(120)"
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env={**os.environ, "HRDASH_DB": str(db)})  # fmt: skip
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_build_and_import_refuse_alike_while_the_app_holds_the_database(db):
    before, inode = checksums(db), db.stat().st_ino
    holder = app_holding(db)
    try:
        runs = {
            command: subprocess.run(
                [sys.executable, "-m", "hrdash", command, "--db", str(db), *files],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )  # fmt: skip
            for command, files in (("build", []), ("import", [str(UNCT)]))
        }
    finally:
        holder.kill()
        holder.wait()
    for command, out in runs.items():
        assert out.returncode == 3, (command, out.stdout, out.stderr)
        assert f"the database {db} is open in process {holder.pid} (probably the dashboard app" in out.stdout
        assert f"stop the app and run the {command} again. Nothing was changed." in out.stdout
    assert db.stat().st_ino == inode and checksums(db) == before  # the app's file was not replaced
    assert not list(db.parent.glob(".*building*"))
    build.build(db, progress=lambda m: None)  # once the app is gone, the build goes ahead
    assert db.stat().st_ino != inode


def test_the_data_page_keeps_no_copy_of_a_check_replaced_or_loaded(db, monkeypatch):
    monkeypatch.setenv("HRDASH_DB", str(db))
    at = upload(data_page(), "hr_status_icmw.csv")
    [first] = staged(db)  # a check waiting for confirmation keeps its copy
    upload(at, "unct_engagement.csv")  # the user changes their mind: the first check's copy goes
    [second] = staged(db)
    assert second != first and not first.exists()
    at.button(key="import_confirm").click()
    at.run()
    assert not at.exception and fetch(db, "select file_name from import_log") == [("unct_engagement.csv",)]
    assert staged(db) == []  # was: one more copy per import, from the check after the confirmation
