"""The streaming .xlsx writer of large exports (hrdash/exports/xlsx.py): every kind of value as a spreadsheet reads
it, text that would break XML or run as a formula, sheets split at the row limit, column widths, frozen header."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import duckdb
import openpyxl
import pyarrow as pa

from hrdash.exports import tables as export
from hrdash.exports import xlsx

INFO = export.ExportInfo("UPR", "Recommendations", [("Years", "=2008")], "b1")


def workbook(sql: str, sheet_rows: int = export.EXCEL_MAX_ROWS, labels: dict | None = None) -> openpyxl.Workbook:
    with duckdb.connect() as c:
        return openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(c, sql, {}, labels or {}, INFO, sheet_rows)))


def test_every_kind_of_value_reads_back_as_written():
    sql = r"""select * from (values
        ('a' || chr(1) || 'b', 1.5::double, true, timestamp '2020-01-02 03:04:05', 12.34::decimal(8,2), ' x ', 7),
        ('x_x0041_y', 'nan'::double, false, null, -1.00::decimal(8,2), '', null),
        ('a&b<c>"d''e', 'inf'::double, null, timestamp '1999-12-31 12:00:00', null, 'ünï€😀', -3)
    ) v(t, f, b, ts, d, s, i)"""
    ws = workbook(sql)["Data"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("a_x0001_b", 1.5, True, datetime(2020, 1, 2, 3, 4, 5), 12.34, " x ", 7)  # openpyxl keeps
    # Excel's escape of a control character as it is; Excel shows the character
    assert rows[1] == ("x_x005F_x0041_y", None, False, None, -1, "", None)  # a literal _x0041_ stays itself in Excel
    assert rows[2] == ("a&b<c>\"d'e", None, None, datetime(1999, 12, 31, 12), None, "ünï€😀", -3)  # no NaN, no inf
    assert ws["D2"].number_format == "yyyy-mm-dd hh:mm:ss" and ws["A1"].font.b and ws.freeze_panes == "A2"


def test_text_that_would_run_is_text_with_the_quote_prefix_and_long_text_is_cut():
    long = "y" * 40_000
    ws = workbook(f"select * from (values ('=1+1'), ('-2'), ('+3'), ('@x'), ('\ttab'), ('plain'), ('{long}')) v(t)")[
        "Data"
    ]
    cells = [ws.cell(row=r, column=1) for r in range(2, 9)]
    assert [c.value for c in cells[:6]] == ["=1+1", "-2", "+3", "@x", "\ttab", "plain"]
    assert [c.quotePrefix for c in cells[:6]] == [True] * 5 + [False]
    assert all(c.data_type == "s" for c in cells)
    assert len(cells[6].value) == xlsx.EXCEL_MAX_CHARS


def test_sheets_split_inside_a_batch_and_keep_every_row_in_order(monkeypatch):
    monkeypatch.setattr(export, "BATCH_ROWS", 7)  # batches that straddle the sheets' ends
    wb = workbook("select range as n, 'demo' as source from range(25)", sheet_rows=10, labels={"n": "N"})
    assert wb.sheetnames == ["Data", "Data 2", "Data 3", "About"]
    values = [r[0] for name in wb.sheetnames[:3] for r in wb[name].iter_rows(min_row=2, values_only=True)]
    assert values == list(range(25))
    assert [wb[n].max_row for n in wb.sheetnames[:3]] == [11, 11, 6]
    about = dict(wb["About"].iter_rows(min_row=2, values_only=True))
    years = next(row[1] for row in wb["About"].iter_rows() if row[0].value == "Filter: Years")
    assert years.value == "=2008" and years.quotePrefix and about["Sheets"] == "3 data sheets of at most 10 rows each"


def test_columns_are_as_wide_as_their_header_or_most_values():
    batch = pa.record_batch({"a": ["x" * 30] * 9 + ["x" * 200], "b": [1] * 10, "d": [date(2020, 1, 1)] * 10})
    assert xlsx.widths(batch, ["A", "A long header name", "Date"]) == [32, 20, 12]
    assert [xlsx.column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_an_empty_result_is_a_workbook_with_its_about_sheet():
    wb = workbook("select 1 as n, 'demo' as source where false")
    assert wb.sheetnames == ["Data", "About"]
    assert dict(wb["About"].iter_rows(min_row=2, values_only=True))["Rows"] == "0"


def test_the_package_lists_its_parts_for_excel():
    with duckdb.connect() as c:
        data = export.xlsx_bytes(c, "select 1 as n", {}, {}, INFO)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert set(names) == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml", "xl/styles.xml",
                          "xl/_rels/workbook.xml.rels", "_rels/.rels", "[Content_Types].xml"}  # fmt: skip
