"""Bad input is refused with the row and column named, and the database is left exactly as it was.

Every refusal test compares a checksum of every table (row count and sum of row hashes) before and after.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest

from hrdash.exports import tables as export
from hrdash.importers import driver, report, store
from hrdash.importers.model import Problem
from tests.helpers.db import checksums, copy_of


@pytest.fixture(scope="module")
def db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of(built_db, tmp_path_factory.mktemp("bad"))


def refused(db: Path, tmp_path: Path, name: str, content: bytes | str, **options) -> list[Problem]:
    """Import one file that must be refused; return its errors after checking nothing changed."""
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    before = checksums(db)
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test", **options)
    assert plan.status == "refused" and log is None, plan.reason
    assert checksums(db) == before
    assert plan.folder is None and not store.folder(store.store_dir(db), plan.sha256).exists()
    return [p for p in plan.problems.items if p.severity == "error"]


UNCT = "id,country_iso3,year,mechanism,activity,description\n"


NMRF = "country_iso3,established,type,nhri_participation,cso_participation,tracking_tool\n"
RATIFICATION = "country_iso3,instrument,consent_date,consent_type\n"
UNTC = '"Participant","Signature","Ratification, Accession(a)"\n"Albania","6 Feb 2007","8 Nov 2007"\n'
ALLOWED = "allowed: 'UNCT submission', 'support to a visit'"


@pytest.mark.parametrize(
    "name, content, where, message",
    [
        ("unct_engagement.csv", UNCT + ",KEN,2014,UPR,follow-up plan,ok\n,Atlantis,2015,UPR,follow-up plan,bad\n",
         (3, "country_iso3", "Atlantis"), "unknown country"),
        ("national_mechanism.csv", NMRF + "KEN,2011-02-30,ministerial,true,false,false\n",
         (2, "established", "2011-02-30"), "not a valid date"),
        ("untc_IV-16.csv", UNTC + '"Iraq","","31 Feb 2010 a"\n',
         (3, "Ratification, Accession(a)", "31 Feb 2010 a"), None),
        ("ratification.csv", RATIFICATION + "KEN,CCPR,1972-05-01,accession\nKEN,CCPR-OP3,2020-01-01,ratification\n",
         (3, "instrument", "CCPR-OP3"), "unknown instrument"),
        ("ratification.csv", RATIFICATION + "KEN,CED,2001-01-01,ratification\n",
         (2, "consent_date / instrument"), None),
        ("unct_engagement.csv", UNCT + ",KEN,2014,UPR,party,bad activity\n", (2, "activity", "party"), ALLOWED),
    ],
    ids=["unknown country", "impossible date", "impossible date in a Treaty Collection table", "unknown instrument",
         "date before the instrument was adopted", "wrong enum value"],
)  # fmt: skip
def test_one_bad_cell_is_refused_naming_its_row_column_and_value(db, tmp_path, name, content, where, message):
    errors = refused(db, tmp_path, name, content)
    assert [(e.row, e.column, e.value)[: len(where)] for e in errors] == [where]
    if message is not None:
        assert message in errors[0].message
    value = f" value {where[2]!r}:" if len(where) == 3 else ""
    assert f"row {where[0]}, column '{where[1]}':{value} " in errors[0].text()


def test_several_problems_are_all_listed(db, tmp_path):
    errors = refused(db, tmp_path, "unct_engagement.csv", UNCT + "a,KEN,2014,UPR,party,x\na,Narnia,1850,UPR,"
                     "follow-up plan,y\n,KEN,twenty,UPR,follow-up plan,z\n")  # fmt: skip
    assert {(e.row, e.column) for e in errors} == {
        (2, "activity"), (3, "country_iso3"), (3, "year"), (3, "id"), (4, "year"),
    }  # fmt: skip


def test_upr_session_not_in_the_reference_table(db, tmp_path):
    rows = ['"","To","To_COW","Session"', '"1","Kenya","KEN",21', '"2","Chile","CHL",57', '"3","Peru","PER",x',
            '"4","Kenya","KEN",9', '"5","Kenya","KEN",10']  # fmt: skip
    errors = refused(db, tmp_path, "sessions.csv", "\n".join(rows) + "\n")
    assert [(e.row, e.column, e.value) for e in errors] == [
        (3, "Session", "57"), (4, "Session", "x"), (6, "To / Session", "KEN / 1"),
    ]  # fmt: skip
    assert "session 57 is not in the UPR calendar (upr_session, sessions 1–53)" in errors[0].message
    assert "duplicate" in errors[2].message  # Kenya twice in cycle 1


def test_upr_review_year_outside_its_cycle(db, tmp_path):
    errors = refused(db, tmp_path, "upr-years.csv", "country,review1,review2,report1,report2\r"
                     "Kenya,2010,2015,2010,.\rChile,2012,2014,2012,2014\rPeru,2008,20l2,2008,2012")  # fmt: skip
    assert [(e.row, e.column, e.value) for e in errors] == [(3, "review1", "2012"), (4, "review2", "20l2")]
    assert "not a year of UPR cycle 1 (2008–2011" in errors[0].message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty file"),
        ("blank.csv", b"\xef\xbb\xbf\r\n  \n", "empty file"),
        ("header_only.csv", UNCT.encode(), "header but no rows"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "PNG image"),
        ("report.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        ("program.csv", b"MZ\x90\x00\x03" + b"\x00" * 500, "Windows executable"),
        ("noise.csv", bytes(range(256)) * 40, "binary"),
        ("workbook.csv", b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
        ("macro.xlsm", b"anything", "are not read"),
        ("random.xlsx", b"id,country_iso3\n", "unknown layout"),
    ],
)
def test_files_refused_unread(db, tmp_path, name, content, message):
    errors = refused(db, tmp_path, name, content)
    assert len(errors) == 1 and errors[0].row is None and message in errors[0].message, errors


def test_a_60_mb_file_is_refused_by_size(db, tmp_path):
    path = tmp_path / "unct_engagement.csv"
    row = ",KEN,2014,UPR,follow-up plan," + "x" * 200 + "\n"
    with path.open("w") as f:
        f.write(UNCT)
        f.write(row * (60_000_000 // len(row) + 1))
    assert path.stat().st_size > 60_000_000
    before = checksums(db)
    started = time.perf_counter()
    [(plan, _)] = driver.import_paths(db, [path], imported_by="test")
    assert plan.status == "refused" and "over the 50 MB limit" in plan.reason
    assert time.perf_counter() - started < 10  # refused before any row is parsed
    assert checksums(db) == before
    [(plan, _)] = driver.import_paths(db, [path], imported_by="test", max_mb=1)  # the limit is configurable
    assert "over the 1 MB limit" in plan.reason


def test_malformed_csv_lines_name_their_row(db, tmp_path):
    errors = refused(db, tmp_path, "unct_engagement.csv", UNCT + ",KEN,2014,UPR,follow-up plan,ok\n"
                     ",KEN,2015,UPR\n")  # fmt: skip
    assert [(e.row, e.column) for e in errors] == [(3, None)] and "malformed CSV line" in errors[0].message


def test_skip_bad_rows_loads_the_good_ones_and_lists_the_bad(built_db, tmp_path):
    db = copy_of(built_db, tmp_path)
    path = tmp_path / "unct_engagement.csv"
    path.write_text(UNCT + ",KEN,2014,UPR,follow-up plan,good 1\n,Atlantis,2015,UPR,follow-up plan,bad country\n"
                    ",UGA,2016,UPR,party,bad activity\n,TZA,2017,UPR,UNCT submission,good 2\n")  # fmt: skip
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test", skip_bad_rows=True)
    assert plan.status == "ready" and plan.skipped_rows == 2 and log["skipped"] == 2 and log["inserted"] == 2
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("select country_iso3, description from unct_engagement where source = $s order by 1",
                          {"s": plan.tag}).fetchall()  # fmt: skip
    assert got == [("KEN", "good 1"), ("TZA", "good 2")]
    text = report.skipped_rows_csv(plan).decode("utf-8-sig").splitlines()
    assert text[0] == "file,row,column,value,problem,severity"
    assert text[1].startswith('unct_engagement.csv,3,country_iso3,Atlantis,"unknown country')
    assert text[2].startswith('unct_engagement.csv,4,activity,party,"not an allowed value')


def test_formula_cells_are_imported_as_text_and_exported_safely(built_db, tmp_path):
    db = copy_of(built_db, tmp_path)
    formulas = ['=HYPERLINK("http://example.org/x","click")', "@SUM(A1:A2)", "+1+1", "-2+3"]
    path = tmp_path / "unct_engagement.csv"
    body = "".join(f',KEN,{2010 + i},UPR,follow-up plan,"{f.replace(chr(34), chr(34) * 2)}"\n'
                   for i, f in enumerate(formulas))  # fmt: skip
    path.write_text(UNCT + body)
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test")
    assert log["inserted"] == 4
    warned = {p.row for p in plan.problems.items if p.severity == "warning" and "formula" in p.message}
    assert warned == {2, 3, 4}  # "-2+3" is text too; exports quote it, but it is not flagged on import
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "select description from unct_engagement where source = $s order by year"
        stored = [r[0] for r in con.execute(sql, {"s": plan.tag}).fetchall()]
        assert stored == formulas  # exactly as written: text, never evaluated
        csv_text = export.csv_bytes(con, sql, {"s": plan.tag}, {}).decode("utf-8-sig").splitlines()
        info = export.ExportInfo(page="test", table="t", filters=[], build_date="")
        xlsx = export.xlsx_bytes(con, sql, {"s": plan.tag}, {}, info)
    assert csv_text[1:] == ['"\'=HYPERLINK(""http://example.org/x"",""click"")"', "'@SUM(A1:A2)", "'+1+1", "'-2+3"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))["Data"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 6)]
    assert [c.value for c in cells] == formulas and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_formula_in_an_excel_cell_is_read_as_its_text(built_db, tmp_path):
    db = copy_of(built_db, tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "unct_engagement"
    ws.append(["country_iso3", "year", "mechanism", "activity", "description"])
    ws.append(["KEN", 2014, "UPR", "follow-up plan", "=1+1"])  # stored by Excel as a formula
    path = tmp_path / "unct.xlsx"
    wb.save(path)
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test")
    assert log["inserted"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select description from unct_engagement where source = $s", {"s": plan.tag}).fetchall() == [
            ("=1+1",)
        ]
