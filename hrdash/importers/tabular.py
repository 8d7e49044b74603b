"""Read a file's cells as text: CSV (quote-aware, any line endings), .xlsx, .xls and HTML tables.

Every cell comes back as a string ('' for empty). Workbook cells are read as data only:
a formula comes back as its text ("=SUM(A1:A3)"), dates as ISO dates, whole numbers stored
as floats (the .xls files give 5.0) as "5".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

csv.field_size_limit(50_000_000)


@dataclass
class Sheet:
    """One table of a file: a CSV file, a worksheet or an HTML <table>, as rows of text cells."""

    name: str
    rows: list[list[str]]
    context: str = ""  # text around the table (HTML title and headings), for recognising it
    meta: dict[str, str] = field(default_factory=dict)


def cell_text(v: object) -> str:
    """Return a cell value as text: '' for empty, ISO for dates, '5' for 5.0."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def csv_rows(text: str, limit: int | None = None) -> list[list[str]]:
    """Return the rows of CSV text (delimiter , ; or tab, whichever the header uses most)."""
    first = text.split("\n", 1)[0].split("\r", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def xlsx_sheets(data: bytes) -> list[Sheet]:
    """Return every worksheet of an .xlsx workbook (values as stored; formulas as their text)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    meta = {"epoch": "1904" if wb.epoch.year == 1904 else "1900"}  # of date numbers not formatted as dates
    try:
        return [
            Sheet(ws.title, [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)], meta=dict(meta))
            for ws in wb.worksheets
        ]
    finally:
        wb.close()


def xls_sheets(data: bytes) -> list[Sheet]:
    """Return every sheet of an old .xls workbook (opened despite the "seen[3] == 4" corruption)."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, ignore_workbook_corruption=True, on_demand=True)
    out = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for c in sheet.row(r):
                if c.ctype == xlrd.XL_CELL_DATE:
                    row.append(cell_text(xlrd.xldate_as_datetime(c.value, book.datemode)))
                elif c.ctype == xlrd.XL_CELL_BOOLEAN:
                    row.append("true" if c.value else "false")
                else:
                    row.append(cell_text(c.value))
            rows.append(row)
        out.append(Sheet(sheet.name, rows, meta={"epoch": "1904" if book.datemode else "1900"}))
    return out


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "dd", "dt"}


class _Tables(HTMLParser):
    """Collect the text of every <table> cell; skip <script> and <style>; keep title and headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], int | None]] = []  # (rows, position in text if top-level)
        self.stack: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.skip = 0
        self.heading: list[str] | None = None
        self.context: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = [""]  # text outside tables, a line per block (footnotes of a status page)
        self.after: list[int] = []  # for each top-level table, the index in `text` of the line that follows it

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            if not self.stack:  # where a top-level table sits in the text around it
                self.text.append("")
                self.after.append(len(self.text) - 1)
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
        elif tag in ("td", "th") and self.stack:
            if not self.stack[-1]:
                self.stack[-1].append([])
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag == "sup" and self.cell is not None:  # footnote numbers: "Albania<sup>3</sup>" -> "Albania 3"
            self.cell.append(" ")
        elif tag in ("title", "h1", "h2", "h3", "h4"):
            self.heading = []
        elif tag == "a":
            self.links += [v for k, v in attrs if k == "href" and v]
        if tag in _BLOCKS and not self.stack:
            self.text.append("")

    def handle_endtag(self, tag):
        if tag == "sup" and self.cell is not None:  # "<sup>7</sup>On 23 October ..." -> "7 On 23 October ..."
            self.cell.append(" ")
        elif tag == "sup" and not self.stack:
            self.text[-1] += " "
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.stack:
            self.stack[-1][-1].append(re.sub(r"[ \t\r\f\v\xa0]+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "table" and self.stack:
            rows = [r for r in self.stack.pop() if r]
            self.tables.append((rows, self.after[-1] if not self.stack else None))
        elif tag in ("title", "h1", "h2", "h3", "h4") and self.heading is not None:
            self.context.append(" ".join("".join(self.heading).split()))
            self.heading = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.heading is not None:
            self.heading.append(data)
        elif not self.stack:
            self.text[-1] += data


def html_sheets(text: str) -> list[Sheet]:
    """Return every <table> of an HTML page (largest first), with the page's title and headings."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    context = " | ".join(c for c in parser.context if c)
    links = " ".join(parser.links)
    tables = sorted(parser.tables, key=lambda t: len(t[0]), reverse=True)

    def text(i: int) -> str:
        """Return the page's other text: the paragraphs below table i, the other tables' rows, the text above it."""
        at = tables[i][1] or 0
        others = [" ".join(c for c in r if c) for j, t in enumerate(tables) if j != i for r in t[0]]
        lines = parser.text[at:] + others + parser.text[:at]  # a status page's footnotes come below its table
        return "\n".join(" ".join(line.split()) for line in lines if line.strip())

    return [Sheet(f"table {i + 1}", t[0], context, {"links": links, "text": text(i)}) for i, t in enumerate(tables)]


def docx_sheets(data: bytes) -> list[Sheet]:
    """Return every table of a Word .docx document as rows of cell text, with the document's paragraphs as text.

    A cell merged across columns (a "Theme: ..." row) repeats its text in each column it spans, as
    python-docx gives it. `context` is the first paragraphs (title and headings); meta["text"] all of them.
    """
    import docx

    document = docx.Document(io.BytesIO(data))
    header = [p for s in document.sections[:1] for p in s.header.paragraphs]  # State and session are often there
    paragraphs = [" ".join(p.text.split()) for p in [*header, *document.paragraphs] if p.text.strip()]
    context = " | ".join(paragraphs[:12])
    sheets = []
    for i, table in enumerate(document.tables):
        rows = [[c.text.strip() for c in row.cells] for row in table.rows]
        sheets.append(Sheet(f"table {i + 1}", rows, context, {"text": "\n".join(paragraphs)}))
    return sheets
