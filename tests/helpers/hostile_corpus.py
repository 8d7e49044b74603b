"""The corpus of hostile files: each a few kilobytes, made here, with the outcome the importer must give.

Every case is refused with a message naming where (and the database is unchanged), or loaded with exactly
the rows it holds. Files whose size is the point are in bench/hostile_imports.py (made at full size there);
here the same defences are reached with small files and lowered limits (`limits=`), so that the whole corpus
runs in seconds.

    python -m tests.helpers.hostile_corpus OUT_DIR      # write every file of the corpus to OUT_DIR, to look at them
"""

from __future__ import annotations

import codecs
import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import openpyxl

from tests.helpers.paths import IMPORT_FIXTURES

UNCT = "id,country_iso3,year,mechanism,activity,description\n"
TERMAN = "text,to,decision,From,year,notes\n"
TREATY = "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class Case:
    """One hostile file and what the importer must do with it."""

    name: str
    build: Callable[[], bytes]
    expect: str  # "refused" or "loaded"
    message: str = ""  # refused: a part of the reason or of the first error
    where: tuple[int | None, str | None] | None = None  # refused: (row, column) of the first error
    limits: dict[str, Any] = field(default_factory=dict)  # limits lowered for this case
    rows: list[tuple] | None = None  # loaded: (country_iso3, description) of unct_engagement, or per `query`
    query: str = "select country_iso3, description from unct_engagement where source = $s order by all"
    warning: str = ""  # loaded: a warning that must be reported


def _unct(*rows: str) -> bytes:
    return (UNCT + "".join(rows)).encode()


def _row(country: str, description: str, year: int = 2014) -> str:
    return f",{country},{year},UPR,follow-up plan,{description}\n"


# --- workbooks ---------------------------------------------------------------------------------------------


def _workbook(rows: list[list[Any]], title: str = "unct_engagement") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


UNCT_ROWS = [["country_iso3", "year", "mechanism", "activity", "description"], ["KEN", 2014, "UPR",
             "follow-up plan", "from a workbook"]]  # fmt: skip


def _patched(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """Return a ZIP package with some parts replaced and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, (replace or {}).get(item.filename, src.read(item.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def _cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _sheet_xml(rows: dict[int, list[tuple[str, str]]], dimension: str | None = None) -> bytes:
    body = "".join(f'<row r="{n}">' + "".join(_cell(f"{c}{n}", v) for c, v in cells) + "</row>"
                   for n, cells in sorted(rows.items()))  # fmt: skip
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData>'
    return (xml + "</worksheet>").encode()


HEADER_CELLS = [("A", "country_iso3"), ("B", "year"), ("C", "mechanism"), ("D", "activity"), ("E", "description")]
GOOD_CELLS = [("A", "KEN"), ("B", "2014"), ("C", "UPR"), ("D", "follow-up plan"), ("E", "lying dimension")]


def dimension_bomb() -> bytes:
    """Defect 1: a sheet declaring A1:XFD1048576 with a header and one cell in row 1,048,576 (4 KB)."""
    sheet = _sheet_xml({1: HEADER_CELLS, 1_048_576: [("A", "KEN")]}, "A1:XFD1048576")
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet})


def dimension_lie() -> bytes:
    """A sheet that declares A1:XFD1048576 but holds two rows: read as the two rows it holds."""
    sheet = _sheet_xml({1: HEADER_CELLS, 2: GOOD_CELLS}, "A1:XFD1048576")
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet})


def far_column() -> bytes:
    """One cell in the last column (XFD, 16,384) of row 2."""
    sheet = _sheet_xml({1: HEADER_CELLS, 2: [*GOOD_CELLS, ("XFD", "far away")]})
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet})


def unpacked() -> bytes:
    """A worksheet part that unpacks to 3 MB of blanks (a 'zip bomb' in miniature: limit lowered to 1 MB)."""
    sheet = _sheet_xml({1: HEADER_CELLS, 2: GOOD_CELLS}).replace(b"<sheetData>", b"<sheetData>" + b" " * 3_000_000)
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet})


def many_cells() -> bytes:
    rows = {1: HEADER_CELLS, **{n: GOOD_CELLS for n in range(2, 400)}}
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": _sheet_xml(rows)})


def big_cell_xlsx() -> bytes:
    """A cell of 40,000 characters (Excel stops at 32,767; openpyxl cuts what it writes: the XML is written here)."""
    sheet = _sheet_xml({1: HEADER_CELLS, 2: [*GOOD_CELLS[:4], ("E", "x" * 40_000)]})
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet})


def many_sheets() -> bytes:
    wb = openpyxl.Workbook()
    for i in range(6):
        wb.create_sheet(f"extra {i}")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_part(name: str, content: bytes = b"\x00" * 64) -> Callable[[], bytes]:
    return lambda: _patched(_workbook(UNCT_ROWS), add={name: content})


def macro_content_type() -> bytes:
    data = _workbook(UNCT_ROWS)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml")
    types = types.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    return _patched(data, {"[Content_Types].xml": types})


def billion_laughs() -> bytes:
    """Entity expansion in a worksheet (the 'billion laughs'): refused, never expanded."""
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{lol}]><worksheet xmlns="{MAIN}">'
             f'<sheetData><row r="1">{_cell("A1", "country_iso3")}{_cell("B1", "&l9;")}</row></sheetData>'
             "</worksheet>")  # fmt: skip
    return _patched(_workbook(UNCT_ROWS), {"xl/worksheets/sheet1.xml": sheet.encode()})


def outside_path() -> bytes:
    """A package member named ../../evil.txt: parts are read in memory, never extracted; the rows load."""
    return _patched(_workbook(UNCT_ROWS), add={"../../evil.txt": b"never written"})


def truncated_zip() -> bytes:
    data = _workbook(UNCT_ROWS)
    return data[: len(data) // 2]


def truncated_xls() -> bytes:
    data = (IMPORT_FIXTURES / "upr_info_sample.xls").read_bytes()
    return data[: len(data) * 6 // 10]


def garbage_xls() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8


# --- Word documents ----------------------------------------------------------------------------------------


def _document(rows: int = 3, merge_down: bool = False, span: int | None = None) -> bytes:
    from docx.table import _Cell

    d = docx.Document()
    d.add_paragraph("Universal Periodic Review of Kenya, 21st session")
    table = d.add_table(rows=rows, cols=3)
    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]  # table.cell() costs O(rows)
    for i, h in enumerate(["Recommendation", "Position", "Full list of themes"]):
        grid[0][i].text = h
    for r in range(1, rows):
        grid[r][0].text = f"{100 + r}.1 Ratify the Convention number {r} (Norway);"
        grid[r][2].text = "A12 Acceptance of international norms"
    grid[1][1].text = "Supported"
    if merge_down:  # one "Supported" cell merged down every row: each later row continues it
        for r in range(1, rows):
            grid[r][1]._tc.get_or_add_tcPr().vMerge_val = "restart" if r == 1 else "continue"
    if span:
        grid[1][2]._tc.get_or_add_tcPr().get_or_add_gridSpan().val = span
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_with(name: str) -> Callable[[], bytes]:
    return lambda: _patched(_document(), add={name: b"\x00" * 64})


# --- HTML --------------------------------------------------------------------------------------------------


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>Status of treaties</title></head><body>{body}</body></html>".encode()


def html_rows(n: int) -> bytes:
    rows = "".join(f"<tr><td>Country {i}</td><td>1 Jan 2000</td></tr>" for i in range(n))
    return _page(f"<table><tr><th>Participant</th><th>Ratification</th></tr>{rows}</table>")


def html_tables(n: int, nested: bool = False) -> bytes:
    if nested:
        return _page("<table><tr><td>" * n + "x" + "</td></tr></table>" * n)
    return _page("<table><tr><td>x</td></tr></table>" * n)


def html_mixed() -> bytes:
    return _page("<p>Caf\u00e9 in UTF-8</p>").replace(b"</body>", b"<p>caf\xe9 in cp1252</p></body>")


# --- CSV ---------------------------------------------------------------------------------------------------


def nul_late() -> bytes:
    good = "".join(_row("KEN", f"good row {i}", 2000 + i % 15) for i in range(400))  # 17 KB: past the 8 KB sniffed
    return _unct(good, _row("UGA", "nul \x00 here"))


def mixed_csv() -> bytes:
    return _unct(_row("KEN", "Café (UTF-8)"), _row("UGA", "Lomé (UTF-8)")) + _row("TZA", "caf\xe9").encode("cp1252")


def utf16(sep: str = ",") -> Callable[[], bytes]:
    def build() -> bytes:
        text = UNCT.replace(",", sep) + _row("KEN", "Côte d’Ivoire partnership").replace(",", sep)
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    return build


def many_bad_rows() -> bytes:
    return _unct(*(_row("Atlantis", f"bad {i}") for i in range(20_000)))


def terman(*rows: str) -> bytes:
    return (TERMAN + "".join(rows)).encode()


def wide_terman() -> bytes:
    extra = ",".join(f"x{i}" for i in range(1_500))
    return (TERMAN.strip() + "," + extra + "\n" + "45.1 Ratify (Norway);,Kenya,support,Norway,2012,\n").encode()


# fmt: off
CASES = [
    # workbooks (.xlsx)
    Case("dimension_bomb.xlsx", dimension_bomb, "refused", "required: must not be empty", (1_048_576, "year")),
    Case("dimension_bomb_rows.xlsx", dimension_bomb, "refused",
         "has a row numbered 1,048,576, over the limit of 1,000,000", limits={"rows": 1_000_000}),
    Case("dimension_lie.xlsx", dimension_lie, "loaded", rows=[("KEN", "lying dimension")]),
    Case("far_column.xlsx", far_column, "refused", "row 2: a cell in column 16,384, over the limit of 1,000 columns"),
    Case("unpacked.xlsx", unpacked, "refused", "unpacks to 3 MB, over the limit of 1 MB unpacked",
         limits={"unpacked_mb": 1}),
    Case("many_cells.xlsx", many_cells, "refused", "the workbook holds 1,995 cells, over the limit of 1,000",
         limits={"cells": 1_000}),
    Case("big_cell.xlsx", big_cell_xlsx, "refused", "row 2, column 'description': a cell of 40,000 characters"),
    Case("many_sheets.xlsx", many_sheets, "refused", "7 worksheets, over the limit of 3", limits={"sheets": 3}),
    Case("vba.xlsx", with_part("xl/vbaProject.bin"), "refused", "macros (a VBA project)"),
    Case("xlm_macro.xlsx", with_part("xl/macrosheets/sheet2.xml", b"<xm:macrosheet/>"), "refused",
         "Excel 4.0 macro sheets"),
    Case("dialog.xlsx", with_part("xl/dialogsheets/sheet3.xml", b"<dialogsheet/>"), "refused", "dialog sheets"),
    Case("activex.xlsx", with_part("xl/activeX/activeX1.xml", b"<ax:ocx/>"), "refused", "ActiveX controls"),
    Case("macro_type.xlsx", macro_content_type, "refused", "macro-enabled"),
    Case("billion_laughs.xlsx", billion_laughs, "refused", "its content is damaged or unsafe (ParseError"),
    Case("outside_path.xlsx", outside_path, "loaded", rows=[("KEN", "from a workbook")]),
    Case("truncated.xlsx", truncated_zip, "refused", "damaged ZIP/.xlsx file"),
    # old workbooks (.xls)
    Case("truncated.xls", truncated_xls, "refused", "the .xls workbook is damaged or truncated"),
    Case("garbage.xls", garbage_xls, "refused", "the .xls workbook is damaged or truncated"),
    # Word documents (.docx)
    Case("vba.docx", docx_with("word/vbaProject.bin"), "refused", "macros (a VBA project)"),
    Case("activex.docx", docx_with("word/activeX/activeX1.xml"), "refused", "ActiveX controls"),
    Case("grid_span.docx", lambda: _document(span=5_000), "refused", "row 2: 5,002 columns, over the limit of 1,000"),
    Case("elements.docx", lambda: _document(rows=60), "refused", "XML elements, over the limit of 1,000",
         limits={"cells": 1_000}),
    Case("UPR21_Kenya_merged.docx", lambda: _document(rows=1_200, merge_down=True), "loaded",
         query="select count(*), count(distinct response) from recommendation where source = $s",
         rows=[(1_199, 1)]),
    # HTML pages
    Case("rows.html", lambda: html_rows(150), "refused", "HTML table 1: more rows than allowed", limits={"rows": 100}),
    Case("tables.html", lambda: html_tables(150), "refused", "101 HTML tables, over the limit of 100"),
    Case("nested.html", lambda: html_tables(5_000, nested=True), "refused", "101 HTML tables, over the limit of 100"),
    Case("big_cell.html", lambda: _page(f"<table><tr><td>{'x' * 40_000}</td></tr></table>"), "refused",
         "column 1: a cell of 40,000 characters"),
    Case("mixed.html", html_mixed, "refused", "line 1: a byte that is not UTF-8"),
    # CSV
    Case("unbalanced.csv", lambda: _unct(_row("KEN", "ok"), _row("UGA", '"never closed'), _row("TZA", "next")),
         "refused", "a quote (\") opens the cell and is never closed", (3, "description")),
    Case("closed_late.csv", lambda: _unct(_row("KEN", '"opened'), _row("UGA", "then"), _row("TZA", 'stray " quote"x')),
         "refused", "is closed only on a later line", (2, "description")),
    Case("after_quote.csv", lambda: _unct(_row("KEN", '"quoted";')), "loaded", rows=[("KEN", "quoted;")],
         warning="text after a closing quote"),
    Case("big_field.csv", lambda: _unct(_row("KEN", "x" * 2_000_000)), "refused",
         "a cell of 2,000,000 characters, over the limit of 32,767", (2, "description")),
    Case("nul.csv", nul_late, "refused", "a NUL byte", (402, "description")),
    Case("mixed.csv", mixed_csv, "refused", "byte 0xE9 is not UTF-8, while the rest of the file is UTF-8",
         (4, "description")),
    Case("utf16.csv", utf16(","), "loaded", rows=[("KEN", "Côte d’Ivoire partnership")]),
    Case("unicode_text.txt", utf16("\t"), "loaded", rows=[("KEN", "Côte d’Ivoire partnership")]),
    Case("wide_terman.csv", wide_terman, "refused", "row 1: 1,506 columns, over the limit of 1,000"),
    Case("rows.csv", lambda: _unct(*(_row("KEN", f"r{i}") for i in range(150))), "refused",
         "the file: it has 151 rows, over the limit of 100 rows", limits={"rows": 100}),
    Case("rows_terman.csv", lambda: terman(*(f"45.{i} Ratify;,Kenya,support,Norway,2012,\n" for i in range(150))),
         "refused", "row 101 is past the last row allowed, over the limit of 100 rows", limits={"rows": 100}),
    Case("many_bad_rows.csv", many_bad_rows, "refused", "20,000 problem(s) in the rows", (2, "country_iso3")),
    Case("many_names.csv", lambda: _unct(*(_row(f"Land {i}", "x") for i in range(20_001))), "refused",
         "holds 20,001 different country names or codes, more than 20,000"),
    Case("header_only.csv", lambda: UNCT.encode(), "refused", "header but no rows"),
    Case("2012data.csv", lambda: TERMAN.encode(), "refused", "header but no rows"),
    Case("hr_status_icmw.csv", lambda: TREATY.encode(), "refused", "header but no rows"),
    Case("slow.csv", lambda: _unct(_row("KEN", "fine")), "refused", "over the limit of 1e-06 seconds",
         limits={"seconds": 1e-6}),
    # country names (exact or alias matches only)
    Case("not_kenya.csv", lambda: _unct(_row("Not Kenya", "x")), "refused", "unknown country", (2, "country_iso3")),
    Case("narnia.csv", lambda: _unct(_row("Republic of Narnia formerly Uganda", "x")), "refused", "unknown country",
         (2, "country_iso3")),
    Case("keyna.csv", lambda: _unct(_row("Keyna", "x")), "refused", "did you mean Kenya?", (2, "country_iso3")),
    Case("2011data.csv", lambda: terman("45.1 Ratify the CRC;,Kenya,support,Norway and Narnia,2011,\n"), "refused",
         "unknown country", (2, "From")),
    Case("2010data.csv", lambda: terman("45.1 Ratify the CRC;,Kenya,support,Guinea and Equatorial Guinea,2010,\n"),
         "loaded", query="select recommending_states from recommendation where source = $s",
         rows=[(["GIN", "GNQ"],)]),
]
# fmt: on


def main(out: Path) -> None:
    """Write every file of the corpus to `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (out / case.name).write_bytes(case.build())
        print(out / case.name)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile_corpus"))
