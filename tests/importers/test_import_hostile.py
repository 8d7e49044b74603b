"""The corpus of hostile files (tests/helpers/hostile_corpus.py): each refused with a message naming where, or loaded
exactly.

Refused files are imported together against one database copy, whose every table is compared before and
after (a failed import changes nothing); each loaded file gets a copy of its own and its rows are read back.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from hrdash.importers import driver, limits, store
from hrdash.model.text import shown
from tests.helpers.apptest import data_page, frame_with
from tests.helpers.db import checksums, copy_of
from tests.helpers.hostile_corpus import CASES
from tests.helpers.paths import ROOT

REFUSED = [c for c in CASES if c.expect == "refused"]
LOADED = [c for c in CASES if c.expect == "loaded"]


def test_case_names_are_unique():
    assert len({c.name for c in CASES}) == len(CASES) > 40


class Outcomes(dict):
    """The plans of the refused files, shown briefly in a failure's report (the plans are large)."""

    def __repr__(self) -> str:
        return f"<{len(self)} outcomes>"


@pytest.fixture(scope="module")
def refused_plans(built_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """Import every file that must be refused (with its own limits) into one database copy; return the plans."""
    folder = tmp_path_factory.mktemp("hostile")
    db = copy_of(built_db, folder)
    before = checksums(db)
    plans, seconds = Outcomes(), Outcomes()
    for case in REFUSED:
        path = folder / "in" / case.name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(case.build())
        started = time.perf_counter()
        [(plan, log)] = driver.import_paths(db, [path], imported_by="test", limits=limits.resolve(case.limits))
        seconds[case.name] = time.perf_counter() - started
        plans[case.name] = (plan, log)
    assert checksums(db) == before  # nothing of any refused file reached the database
    staging = store.store_dir(db) / store.STAGING
    assert not list(staging.iterdir()) if staging.exists() else True  # and nothing is left in staging
    return plans, seconds


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_refused_with_where(refused_plans, case):
    plans, seconds = refused_plans
    plan, log = plans[case.name]
    assert plan.status == "refused" and log is None, (plan.status, plan.reason)
    errors = [p for p in plan.problems.items if p.severity == "error"]
    text = plan.reason + " | " + " | ".join(p.text() for p in errors[:3])
    assert case.message in text, text
    if case.where is not None:
        assert (errors[0].row, errors[0].column) == case.where, errors[0].text()
    assert seconds[case.name] < 25, seconds[case.name]  # the target of issue 12 is 30 s at full size


def test_many_bad_rows_are_counted_and_the_first_kept(refused_plans):
    plan, _ = refused_plans[0]["many_bad_rows.csv"]
    assert plan.problems.errors == 20_000 and plan.skipped_rows == 20_000
    kept = [p for p in plan.problems.items if p.severity == "error"]
    assert len(kept) == 5_000 and [p.row for p in kept[:3]] == [2, 3, 4]
    assert {(p.column, p.value) for p in kept} == {("country_iso3", "Atlantis")}


@pytest.mark.parametrize("case", LOADED, ids=lambda c: c.name)
def test_loaded_exactly(built_db, tmp_path, case):
    db = copy_of(built_db, tmp_path)
    path = tmp_path / case.name
    path.write_bytes(case.build())
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test", limits=limits.resolve(case.limits))
    assert plan.status == "ready" and log is not None, plan.reason
    with duckdb.connect(str(db), read_only=True) as con:
        assert [tuple(r) for r in con.execute(case.query, {"s": plan.tag}).fetchall()] == case.rows
    if case.warning:
        assert any(case.warning in p.message for p in plan.problems.items if p.severity == "warning")
    assert not (tmp_path.parent / "evil.txt").exists() and not (tmp_path / "evil.txt").exists()


def test_header_only_files_exit_1_in_every_format(built_db, tmp_path):
    """Was: exit 1 for a canonical table, 0 for Terman and treaty tables."""
    db = copy_of(built_db, tmp_path)
    names = ["header_only.csv", "2012data.csv", "hr_status_icmw.csv"]
    for case in (c for c in CASES if c.name in names):
        (tmp_path / case.name).write_bytes(case.build())
    for name in names:
        out = subprocess.run([sys.executable, "-m", "hrdash", "import", "--db", str(db), str(tmp_path / name)],
                             cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        assert out.returncode == 1 and "REFUSED: the file has a header but no rows" in out.stdout, (name, out.stdout)


def test_the_data_page_states_and_applies_the_limits_of_secrets_toml(built_db, tmp_path, monkeypatch):
    db = copy_of(built_db, tmp_path)
    monkeypatch.setenv("HRDASH_DB", str(db))
    at = data_page(secrets={"hrdash": {"max_import_rows": 3}})
    stated = "Limits: 50 MB per file; 3 rows per table or sheet; 1,000 columns per row"
    assert any(stated in c.value for c in at.caption)
    rows = "".join(f",KEN,{2010 + i},UPR,follow-up plan,row {i}\n" for i in range(5))
    data = ("id,country_iso3,year,mechanism,activity,description\n" + rows).encode()
    at.file_uploader(key="import_files").set_value([("unct_engagement.csv", data, "text/csv")])
    at.run()
    assert frame_with(at, "to insert").iloc[0]["status"] == "refused"
    errors = [shown(e.value) for e in at.error]  # the file's messages are escaped as markdown
    assert any("row 4 is past the last row allowed, over the limit of 3 rows per table" in e for e in errors)
