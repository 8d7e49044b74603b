"""The Data page through AppTest: upload, report, confirm, rows on other pages; admin gating; dictionary; downloads.

AppTest's file_uploader (Streamlit 1.67) uploads the fixture files for real, so the page is driven end
to end. Not testable here: the browser's own size check (file_uploader's max_upload_size is enforced
client-side; the server-side limit is tested in test_import_bad), the st.login redirect to an OIDC
provider (AppTest can only seed st.user), and the bytes a browser receives from a download button.
"""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from hrdash.app.gate import Gate
from hrdash.db import query
from hrdash.importers import downloads, load
from hrdash.model.text import shown as shown_text
from tests.helpers.apptest import AUTH, data_page, frame_with, open_app, upload
from tests.helpers.db import copy_of, fetch
from tests.helpers.paths import IMPORT_FIXTURES, ROOT


@pytest.fixture()
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built database that the app under test uses (HRDASH_DB)."""
    path = copy_of(built_db, tmp_path)
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_upload_report_confirm_and_the_rows_appear_on_other_pages(db):
    at = data_page()
    assert any("anyone with access to this app can import" in i.value for i in at.info)
    public_before = fetch(db, "select count(*) from ratification where source like 'public:%'")[0][0]
    replaced = fetch(db, "select count(*) from ratification where source like 'public:%' and instrument = 'CMW' and "
                         "country_iso3 in ('AFG','DZA','ARM','NAM','TLS','SSD','PRK','ZWE','CIV')")[0][0]  # fmt: skip
    upload(at, "hr_status_icmw.csv")
    summary = frame_with(at, "to insert").iloc[0]
    assert (summary["format"], summary["status"], summary["rows read"], summary["to insert"]) == (
        "treaty_table", "ready to load", 10, 9)  # fmt: skip
    assert summary["public rows replaced"] == replaced == 9 and summary["demo rows superseded"] == 0
    problems = frame_with(at, "problem")
    assert ((problems["row"] == 8) & (problems["column"] == "iso2") & (problems["value"] == "MS")).any()
    preview = frame_with(at, "consent_date")
    assert list(preview["country_iso3"])[:3] == ["AFG", "DZA", "ARM"]
    assert fetch(db, "select count(*) from import_log") == [(0,)]  # nothing written before the confirmation
    at.button(key="import_confirm").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    [tag] = [r[0] for r in fetch(db, "select distinct source from ratification where source like 'import:%'")]
    assert any(f"loaded as import #1 (`{tag}`) — 9 rows inserted, 9 replaced (of which 9 public and 0 demo rows)."
               in s.value for s in at.success)  # fmt: skip
    assert fetch(db, "select count(*) from ratification where source like 'public:%'") == [(public_before - replaced,)]
    history = frame_with(at, "Rows now")
    assert (history.iloc[0]["File"], history.iloc[0]["Inserted"], history.iloc[0]["Rows now"]) == (
        "hr_status_icmw.csv", 9, 9)  # fmt: skip
    assert history.iloc[0]["By"] == "app user (no authentication configured)"
    # the new rows are on the Overview's sources table, named by their file, and in the banner's shares
    at.switch_page("views/overview.py")
    at.run()
    sources = frame_with(at, "Rows in view")
    mine = sources[sources["Code"] == tag]
    assert (mine["Source"].iloc[0], mine["Kind"].iloc[0], mine["Rows in view"].iloc[0]) == (
        "Imported file hr_status_icmw.csv (import)",
        "import",
        "9",
    )
    with duckdb.connect(str(db), read_only=True) as con:
        params = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2026}
        counts = query.run(con, "rows_by_source", params)
    total = int(counts["rows"].sum())
    assert " · imported files <1% · " in at.warning[0].value and 0 < 100 * 9 / total < 1
    if (ROOT / "views" / "ratification.py").exists():  # the Ratification page (CMW on its map by default)
        at.switch_page("views/ratification.py")
        at.run()
        status = next(d.value for d in at.dataframe if {"ISO3", "Status"} <= set(d.value.columns))
        shown = dict(zip(status["ISO3"], status["Status"]))
        assert (shown["DZA"], shown["ARM"], shown["AFG"], shown["TLS"]) == ("party", "signatory", "no action", "party")


def test_a_refused_file_names_row_and_column_and_cannot_be_loaded(db):
    at = data_page()
    bad = ("unct_engagement.csv", b"id,country_iso3,year,mechanism,activity,description\n"
           b",Atlantis,2014,UPR,party,x\n", "text/csv")  # fmt: skip
    at.file_uploader(key="import_files").set_value(bad)
    at.run()
    assert any("Refused" in e.value for e in at.error)
    problems = frame_with(at, "problem")
    assert set(zip(problems["row"], problems["column"], problems["value"])) >= {
        (2, "country_iso3", "Atlantis"), (2, "activity", "party"),
    }  # fmt: skip
    assert frame_with(at, "name")["name"].tolist() == ["Atlantis"]  # the unresolved names table
    assert at.button(key="import_confirm").disabled
    assert fetch(db, "select count(*) from import_log") == [(0,)]


def test_skip_bad_rows_offers_the_skipped_rows_report(db):
    at = data_page()
    at.checkbox(key="import_skip_bad_rows").check()
    mixed = ("unct_engagement.csv", b"id,country_iso3,year,mechanism,activity,description\n"
             b",KEN,2014,UPR,follow-up plan,good\n,Atlantis,2014,UPR,follow-up plan,bad\n", "text/csv")  # fmt: skip
    at.file_uploader(key="import_files").set_value(mixed)
    at.run()
    summary = frame_with(at, "to insert").iloc[0]
    assert (summary["status"], summary["to insert"], summary["to skip"]) == ("ready to load", 1, 1)
    assert "⬇ Skipped rows (1)" in [b.label for b in at.get("download_button")]


def test_several_files_at_once(db):
    at = upload(data_page(), "2012data.csv", "unct_engagement.csv")
    summary = frame_with(at, "to insert")
    assert summary[["file", "format", "to insert"]].values.tolist() == [
        ["2012data.csv", "upr_terman", 6], ["unct_engagement.csv", "canonical", 4],
    ]  # fmt: skip
    at.button(key="import_confirm").click()
    at.run()
    assert fetch(db, "select file_name from import_log order by id") == [("2012data.csv",), ("unct_engagement.csv",)]
    assert sum("loaded as import" in s.value for s in at.success) == 2


def test_a_upr_matrix_docx_with_the_state_and_session_named_on_the_page(db):
    at = data_page()
    assert ".docx" in at.file_uploader(key="import_files").proto.type  # the uploader accepts Word documents
    matrix = (IMPORT_FIXTURES / "UPR20_Angola_thematic_list.docx").read_bytes()
    at.file_uploader(key="import_files").set_value(("matrix.docx", matrix, "application/octet-stream"))
    at.run()
    summary = frame_with(at, "to insert").iloc[0]
    assert (summary["format"], summary["status"]) == ("upr_matrix", "refused")  # the name no longer says
    assert any("the session of this UPR matrix is neither in the file name" in e.value for e in at.error)
    at.text_input(key="import_country").set_value("Angola")
    at.number_input(key="import_session").set_value(20)
    at.run()
    summary = frame_with(at, "to insert").iloc[0]
    assert (summary["format"], summary["status"], summary["to insert"]) == ("upr_matrix", "ready to load", 5)
    at.button(key="import_confirm").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert fetch(db, "select count(*), min(session), min(country_iso3) from recommendation where source like "
                     "'import:%'") == [(5, 20, "AGO")]  # fmt: skip


@pytest.mark.parametrize(
    ("user", "may_import", "message"),
    [
        ({"is_logged_in": False}, False, "log in first"),
        ({"is_logged_in": True, "email": "someone@example.org"}, False, "Only admins may import"),
        ({"is_logged_in": True, "email": "Admin@Example.org"}, True, "an admin: you may import"),
    ],
)
def test_with_authentication_only_admins_are_offered_the_import(db, user, may_import, message):
    at = data_page(secrets={"auth": AUTH, "hrdash": {"admins": ["admin@example.org"]}}, user=user)
    shown = [shown_text(m.value) for m in [*at.info, *at.warning]]
    assert any(message in m for m in shown), shown
    imports = [u for u in at.file_uploader if u.key != "hr_template_file"]  # the sidebar's slide template is not data
    assert bool(imports) == may_import
    assert any(b.key == "import_login" for b in at.button) == (not user.get("is_logged_in"))


def test_the_size_limit_comes_from_secrets(db):
    at = data_page(secrets={"hrdash": {"max_import_mb": 0.0001}})  # 100 bytes
    assert "at most 0 MB each" in at.file_uploader(key="import_files").label
    upload(at, "unct_engagement.csv")
    assert any("over the 0 MB limit" in e.value for e in at.error)


def test_data_dictionary_lists_every_column_with_type_and_meaning(db):
    at = data_page()
    columns = frame_with(at, "meaning")
    expected = fetch(db, "select count(*) from duckdb_columns() where schema_name = 'main' and not internal")[0][0]
    assert len(columns) == expected and (columns["meaning"].str.len() > 0).all()
    row = columns[(columns["table"] == "unct_engagement") & (columns["column"] == "activity")].iloc[0]
    assert row["type"] == "VARCHAR" and "UNCT submission" in row["allowed values"]
    assert row["meaning from"] == "unct_engagement.meta.json"
    row = columns[(columns["table"] == "recommendation") & (columns["column"] == "response")].iloc[0]
    assert "consider -> pending" in row["meaning"]  # the Terman decision mapping
    terms = frame_with(at, "term in the file")  # every format's response terms, from the importers' mappings
    assert ((terms["term in the file"] == "noted") & (terms["response stored"] == "noted")).sum() == 4
    tables = frame_with(at, "description")
    assert set(tables["table"]) == {r[0] for r in fetch(db, "select table_name from duckdb_tables()")}
    assert "country_alias.csv" in frame_with(at, "file")["file"].tolist()
    if (ROOT / "hrdash" / "model" / "recognition.py").exists():
        assert len(frame_with(at, "precedence")) > 10


def test_template_and_database_downloads_are_offered(db):
    at = data_page()
    labels = [b.label for b in at.get("download_button")]
    assert {"⬇ Template: unct_engagement", "⬇ Template: all internal tables", "⬇ DuckDB file",
            "⬇ Parquet files (zip)"} <= set(labels)  # fmt: skip


def test_parquet_zip_and_duckdb_file_hold_the_whole_database(db):
    with duckdb.connect(str(db), read_only=True) as con:
        data = downloads.parquet_zip(con)
        counts = {t: n for t, (n, _) in load.checksums(con).items()}
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = {n.removesuffix(".parquet") for n in zf.namelist() if n.endswith(".parquet")}
    assert names == set(counts)
    with duckdb.connect() as con:
        for table in ("recommendation", "country", "import_log"):
            zf.extract(f"{table}.parquet", db.parent)
            n = con.execute(f"select count(*) from '{db.parent / table}.parquet'").fetchone()[0]
            assert n == counts[table]
    assert "data_dictionary.csv" in zf.namelist() and "demo (generated, NOT real)" in zf.read("README.txt").decode()
    raw = downloads.duckdb_file(db)
    assert raw[8:12] == b"DUCK" and len(raw) == db.stat().st_size


def test_gate_lets_readers_share_and_a_writer_wait():
    gate, order = Gate(), []

    def reader():
        with gate.shared():
            order.append("read start")
            time.sleep(0.2)
            order.append("read end")

    t = threading.Thread(target=reader)
    t.start()
    time.sleep(0.05)
    with gate.exclusive():  # waits for the running query
        order.append("write")
        with gate.shared():  # the writing thread may still read
            order.append("read in write")
    t.join()
    assert order == ["read start", "read end", "write", "read in write"]


def test_dictionary_lists_the_indicator_catalogue(built_db):
    from hrdash.model import indicators

    at = open_app(page="views/data.py")
    shown = next(d.value for d in at.dataframe if "definition" in d.value.columns and "query" in d.value.columns)
    expected = indicators.catalogue()
    assert list(shown["code"]) == list(expected["code"]) and len(shown) == len(indicators.INDICATORS) > 20
    assert set(shown["query"]) == {f"queries/{i.query}.sql" for i in indicators.INDICATORS}
