"""Exports: CSV and Excel round-trip, the About sheet, and formula injection."""

from __future__ import annotations

import csv
import io

import duckdb
import openpyxl
import pytest

from hrdash.exports import tables as export

HOSTILE = '=HYPERLINK("http://example.invalid","x")'


@pytest.fixture()
def small():
    with duckdb.connect() as c:
        c.execute(
            "create table t as select * from (values "
            f"('{HOSTILE.replace(chr(39), chr(39) * 2)}', 1, 'demo', date '2020-01-02', ['a', 'b']), "
            "('+1 and @me', -5, 'seed:004', null, []), "
            "('Côte d’Ivoire', 2, 'demo', date '2021-03-04', ['c'])) v(txt, n, source, d, tags)"
        )
        yield c


INFO = export.ExportInfo("Ratification", "Ratifications", [("Years", "2008–2017"), ("OHCHR region", "Africa")], "b1")
LABELS = {"txt": "Text", "n": "Number", "source": "Source", "d": "Date", "tags": "Tags"}


def test_csv_round_trip_with_human_headers(small):
    text = export.csv_bytes(small, "select * from t order by n", {}, LABELS).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Text", "Number", "Source", "Date", "Tags"]
    assert rows[1] == ["'+1 and @me", "-5", "seed:004", "", ""]
    assert rows[2] == ["'" + HOSTILE, "1", "demo", "2020-01-02", "a; b"]
    assert rows[3] == ["Côte d’Ivoire", "2", "demo", "2021-03-04", "c"]


def test_csv_binds_parameters(small):
    text = export.csv_bytes(small, "select txt from t where n > $min", {"min": 1}, {}).decode("utf-8-sig")
    assert text.splitlines() == ["txt", "Côte d’Ivoire"]


def test_a_frame_exports_byte_for_byte_as_its_query_does(small):
    """The Country profile exports the rows it shows (a pandas frame from a query): dates stay dates,
    a nullable integer stays whole, nulls stay empty, formulas stay text, in CSV and Excel alike."""
    sql = "select *, case when n > 0 then n end::integer as maybe, n > 0 as positive from t order by n"
    frame = small.sql(sql).df()
    assert str(frame["d"].dtype).startswith("datetime64")  # what a page holds: DuckDB's DATE as a datetime
    labels = {**LABELS, "maybe": "Maybe", "positive": "Positive"}
    got = export.frame_csv_bytes(frame.assign(tags=frame["tags"].map(list)), labels)
    assert got == export.csv_bytes(small, sql, {}, labels)
    quoted = "\"'" + HOSTILE.replace('"', '""') + '"'  # the apostrophe, then CSV's own quoting
    lines = got.decode("utf-8-sig").splitlines()
    assert lines[1:3] == ["'+1 and @me,-5,seed:004,,,,False", f"{quoted},1,demo,2020-01-02,a; b,1,True"]
    books = [export.frame_xlsx_bytes(frame, labels, INFO), export.xlsx_bytes(small, sql, {}, labels, INFO)]
    sheets = [openpyxl.load_workbook(io.BytesIO(b)) for b in books]
    data = [list(wb["Data"].iter_rows(values_only=True)) for wb in sheets]
    assert data[0] == data[1] and data[0][2][3].date().isoformat() == "2020-01-02"
    assert sheets[0]["Data"].cell(row=3, column=1).quotePrefix
    about = [dict(wb["About"].iter_rows(min_row=2, values_only=True)) for wb in sheets]
    assert about[0] == about[1] and about[0]["Rows"] == "3"


def test_excel_round_trip_and_formula_safety(small):
    data = export.xlsx_bytes(small, "select * from t order by n", {}, LABELS, INFO)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Data"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Text", "Number", "Source", "Date", "Tags")
    assert rows[3][0] == "Côte d’Ivoire" and rows[3][1] == 2 and str(rows[3][3])[:10] == "2021-03-04"
    hostile = ws.cell(row=3, column=1)
    assert hostile.value == HOSTILE and hostile.data_type == "s"  # a string, not a formula ("f")
    assert hostile.quotePrefix  # Excel and LibreOffice show it as text
    assert ws.cell(row=2, column=1).data_type == "s" and ws.cell(row=2, column=2).value == -5
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_about_sheet_lists_page_filters_sources_and_dates(small):
    data = export.xlsx_bytes(small, "select * from t", {}, LABELS, INFO)
    about = dict(openpyxl.load_workbook(io.BytesIO(data))["About"].iter_rows(min_row=2, values_only=True))
    assert about["Page"] == "Ratification"
    assert about["Filter: Years"] == "2008–2017" and about["Filter: OHCHR region"] == "Africa"
    assert about["Source: Generated illustrative data (demo)"] == "2 rows (demo, generated illustrative data, not real)"
    assert about["Source: OHCHR Management Plan 2014–2017 (source document)"] == "1 rows (seed:004, real)"
    assert about["Real or demo"] == "1 real rows, 2 demo rows"
    assert about["Rows"] == "3" and about["Database built"] == "b1" and about["Exported at (UTC)"]


def test_about_sheet_names_public_data_and_imported_files():
    """Public rows by their dataset's name, imported rows by the file's name: the About sheet tells them apart."""
    with duckdb.connect() as c:
        rows = "(1, 'public:untc-2026-02-03'), (2, 'public:untc-2026-02-03'), (3, 'import:0123456789abcdef'), " + (
            "(4, 'demo')"
        )
        c.execute(f"create table t as select * from (values {rows}) v(n, source)")
        info = export.ExportInfo("Ratification", "Rows", [], "b1", source_files={"import:0123456789abcdef": "cat.html"})
        about = dict(openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(c, "select * from t", {}, {}, info)))[
            "About"].iter_rows(min_row=2, values_only=True))  # fmt: skip
    assert about["Source: UN Treaty Collection, status as of 3 Feb 2026 (public)"] == (
        "2 rows (public:untc-2026-02-03, real public data bundled with the dashboard)"
    )
    assert about["Source: Imported file cat.html (import)"] == "1 rows (import:0123456789abcdef, real)"
    assert about["Source: Generated illustrative data (demo)"].startswith("1 rows (demo,")
    assert about["Real or demo"] == "3 real rows, 1 demo rows"


def test_about_sheet_of_a_ranking_says_what_it_is_computed_from():
    """A table without a source column (a ranking, a count) is computed from the rows in view: the About sheet names
    them, demo included (the Treaty bodies ranking's Excel had no demo statement)."""
    with duckdb.connect() as c:
        c.execute("create table t as select * from (values (1, 'KEN', 4), (2, 'NGA', 3)) v(rank, iso3, overdue)")
        info = export.ExportInfo("Treaty bodies (EA6)", "Countries ranked", [], "b1",
                                 view_sources={"demo": 900, "seed:004": 2})  # fmt: skip
        about = dict(openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(c, "select * from t", {}, {}, info)))[
            "About"].iter_rows(min_row=2, values_only=True))  # fmt: skip
    assert about["Computed from: Generated illustrative data (demo)"] == (
        "900 rows in view (demo, generated illustrative data, not real)"
    )
    assert about["Real or demo"] == "computed from 2 real rows and 900 demo rows in view"


def test_large_export_streams_in_batches(monkeypatch):
    with duckdb.connect() as c:
        monkeypatch.setattr(export, "BATCH_ROWS", 1000)
        text = export.csv_bytes(c, "select range as n, 'demo' as source from range(25000)", {}, {})
        lines = text.decode("utf-8-sig").splitlines()
        assert len(lines) == 25001 and lines[-1] == "24999,demo"


def test_excel_continues_on_further_sheets_past_the_row_limit():
    with duckdb.connect() as c:
        sql = "select range as n, 'demo' as source from range(25)"
        wb = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(c, sql, {}, {"n": "N"}, INFO, sheet_rows=10)))
    assert wb.sheetnames == ["Data", "Data 2", "Data 3", "About"]
    values = [list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames[:3]]
    assert all(v[0] == ("N", "source") for v in values)  # every sheet has the header
    assert [r[0] for v in values for r in v[1:]] == list(range(25))  # every row once, in order
    about = dict(wb["About"].iter_rows(min_row=2, values_only=True))
    assert about["Rows"] == "25" and about["Sheets"] == "3 data sheets of at most 10 rows each"
    assert about["Source: Generated illustrative data (demo)"].startswith("25 rows")
