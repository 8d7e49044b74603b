"""Read a file's cells as text: CSV (quote-aware, any line endings), .xlsx, .xls, HTML tables and Word tables.

Every cell comes back as a string ('' for empty). Workbook cells are read as data only:
a formula comes back as its text ("=SUM(A1:A3)"), dates as ISO dates, whole numbers stored
as floats (the .xls files give 5.0) as "5". Every reader stops at the import's limits (limits.Budget):
rows, columns, cell size, cells, sheets and time; .xlsx rows are streamed without trusting the sheet's
declared dimension, after zipparts has counted what each sheet holds.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import zipparts
from .csvtext import Warn, iter_csv
from .limits import Budget, LimitExceeded
from .model import Refused


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


def csv_rows(
    text: str,
    limit: int | None = None,
    budget: Budget | None = None,
    warn: Warn | None = None,
    sound: bool | None = None,
) -> list[list[str]]:
    """Return the rows of CSV text (at most `limit`), read strictly (delimiter , ; or tab; see csvtext.iter_csv)."""
    rows = []
    for row in iter_csv(text, budget, warn, sound=sound):
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def xlsx_sheets(data: bytes, budget: Budget | None = None) -> list[Sheet]:
    """Return every worksheet of an .xlsx workbook (values as stored; formulas as their text), within the limits."""
    import openpyxl

    budget = budget or Budget()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zipparts.check_archive(zf, "workbook", budget)
        parts = zipparts.worksheet_parts(zf)
        budget.sheets(len(parts), "worksheets")
        zipparts.check_sheets(zf, parts, budget)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        meta = {"epoch": "1904" if wb.epoch.year == 1904 else "1900"}  # of date numbers not formatted as dates
        try:
            budget.sheets(len(wb.worksheets), "worksheets")
            return [Sheet(ws.title, _xlsx_rows(ws, budget), meta=dict(meta)) for ws in wb.worksheets]
        finally:
            wb.close()
    except (Refused, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - openpyxl and the XML parser raise many kinds on a damaged or hostile file
        raise Refused(
            f"the workbook cannot be read: its content is damaged or unsafe ({type(e).__name__}"
            f"{': ' + str(e).splitlines()[0] if str(e) else ''}); open it in Excel and save it again"
        ) from e


def _xlsx_rows(ws, budget: Budget) -> list[list[str]]:
    ws.reset_dimensions()  # the declared <dimension> is not trusted: rows are read as the XML holds them
    rows: list[list[str]] = []
    blank: list[str] = []  # one shared list for the missing rows between two rows of the XML
    where = f"sheet '{ws.title}'"
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if not values:
            if n > budget.limits.rows:
                raise LimitExceeded("rows", where, f"row {n:,} is past the last row allowed", budget.limits)
            rows.append(blank)
            continue
        if len(values) > budget.limits.columns:
            raise LimitExceeded("columns", f"{where}, row {n:,}", f"a cell in column {len(values):,}", budget.limits)
        row = [cell_text(v) for v in values]
        budget.row(row, where, n, rows[0] if rows else None)
        rows.append(row)
    return [r if r is not blank else [] for r in _trimmed(rows)]


def xls_sheets(data: bytes, budget: Budget | None = None) -> list[Sheet]:
    """Return every sheet of an old .xls workbook (opened despite the "seen[3] == 4" corruption), within the limits."""
    import xlrd

    budget = budget or Budget()
    try:
        book = xlrd.open_workbook(file_contents=data, ignore_workbook_corruption=True, on_demand=True,
                                  ragged_rows=True, logfile=io.StringIO())  # fmt: skip
        budget.sheets(book.nsheets, "sheets")
        out = []
        for i in range(book.nsheets):
            sheet = book.sheet_by_index(i)
            out.append(Sheet(sheet.name, _xls_rows(sheet, book, budget), meta={"epoch": "1904" if book.datemode
                                                                                 else "1900"}))  # fmt: skip
            book.unload_sheet(i)
    except (Refused, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - xlrd raises anything (IndexError, struct.error, ...) on a damaged file
        raise Refused(f"the .xls workbook is damaged or truncated and cannot be read ({type(e).__name__}"
                      f"{': ' + str(e).splitlines()[0] if str(e) else ''}); open it in Excel and save it again, "
                      "or save it as .xlsx") from e  # fmt: skip
    return out


def _xls_rows(sheet, book, budget: Budget) -> list[list[str]]:
    import xlrd

    where = f"sheet '{sheet.name}'"
    if sheet.nrows > budget.limits.rows:
        raise LimitExceeded("rows", where, f"it has {sheet.nrows:,} rows", budget.limits)
    rows: list[list[str]] = []
    for r in range(sheet.nrows):
        if sheet.row_len(r) > budget.limits.columns:
            raise LimitExceeded("columns", f"{where}, row {r + 1:,}", f"{sheet.row_len(r):,} columns", budget.limits)
        row = []
        for c in sheet.row(r):
            if c.ctype == xlrd.XL_CELL_DATE:
                row.append(cell_text(xlrd.xldate_as_datetime(c.value, book.datemode)))
            elif c.ctype == xlrd.XL_CELL_BOOLEAN:
                row.append("true" if c.value else "false")
            else:
                row.append(cell_text(c.value))
        budget.row(row, where, r + 1, rows[0] if rows else None)
        rows.append(row)
    return _trimmed(rows)


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "dd", "dt"}


class _Tables(HTMLParser):
    """Collect the text of every <table> cell; skip <script> and <style>; keep title and headings; stop at limits."""

    def __init__(self, budget: Budget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.tables: list[tuple[list[list[str]], int | None]] = []  # (rows, position in text if top-level)
        self.opened = 0
        self.stack: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.skip = 0
        self.heading: list[str] | None = None
        self.context: list[str] = []
        self.links: list[str] = []
        self.text: list[list[str]] = [[]]  # text outside tables, a line per block (footnotes of a status page)
        self.after: list[int] = []  # for each top-level table, the index in `text` of the line that follows it

    def _where(self) -> str:
        return f"HTML table {self.opened:,}, row {len(self.stack[-1]):,}" if self.stack else "the page"

    def handle_starttag(self, tag, attrs):
        lim = self.budget.limits
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            if not self.stack:  # where a top-level table sits in the text around it
                self.text.append([])
                self.after.append(len(self.text) - 1)
            self.stack.append([])
            self.opened += 1
            self.budget.sheets(self.opened, "HTML tables")
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
            if len(self.stack[-1]) > lim.rows:
                raise LimitExceeded("rows", f"HTML table {self.opened:,}", "more rows than allowed", lim)
        elif tag in ("td", "th") and self.stack:
            if not self.stack[-1]:
                self.stack[-1].append([])
            if len(self.stack[-1][-1]) >= lim.columns:
                raise LimitExceeded("columns", self._where(), "more cells than allowed in one row", lim)
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
            self.text.append([])

    def handle_endtag(self, tag):
        if tag == "sup" and self.cell is not None:  # "<sup>7</sup>On 23 October ..." -> "7 On 23 October ..."
            self.cell.append(" ")
        elif tag == "sup" and not self.stack:
            self.text[-1].append(" ")
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.stack:
            value = re.sub(r"[ \t\r\f\v\xa0]+", " ", "".join(self.cell)).strip()
            if len(value) > self.budget.limits.cell_chars:
                column = len(self.stack[-1][-1]) + 1
                raise LimitExceeded("cell_chars", f"{self._where()}, column {column}",
                                    f"a cell of {len(value):,} characters", self.budget.limits)  # fmt: skip
            self.stack[-1][-1].append(value)
            self.budget.add_cells(1 if value else 0, self._where())
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
            self.text[-1].append(data)


class _PageText(dict):
    """A sheet's meta whose "text" (the page's other text) is only put together when a reader asks for it."""

    def __init__(self, base: dict[str, str], compute) -> None:
        super().__init__(base)
        self._compute = compute

    def __missing__(self, key: str) -> str:
        if key != "text":
            raise KeyError(key)
        self[key] = value = self._compute()
        return value

    def get(self, key: str, default=None):
        return self[key] if key in self or key == "text" else default


def html_sheets(text: str, budget: Budget | None = None) -> list[Sheet]:
    """Return every <table> of an HTML page (largest first), with the page's title and headings, within the limits."""
    budget = budget or Budget()
    parser = _Tables(budget)
    for i in range(0, len(text), 1 << 20):  # in pieces, so that the time limit is checked as it goes
        parser.feed(text[i : i + (1 << 20)])
        budget.check_time("while reading the HTML page")
    parser.close()
    context = " | ".join(c for c in parser.context if c)
    links = " ".join(parser.links)
    tables = sorted(parser.tables, key=lambda t: len(t[0]), reverse=True)
    lines = ["".join(pieces) for pieces in parser.text]

    def text_of(i: int) -> str:
        """Return the page's other text: the paragraphs below table i, the other tables' rows, the text above it."""
        at = tables[i][1] or 0
        others = [" ".join(c for c in r if c) for j, t in enumerate(tables) if j != i for r in t[0]]
        ordered = lines[at:] + others + lines[:at]  # a status page's footnotes come below its table
        return "\n".join(" ".join(line.split()) for line in ordered if line.strip())

    return [
        Sheet(f"table {i + 1}", t[0], context, _PageText({"links": links}, lambda i=i: text_of(i)))
        for i, t in enumerate(tables)
    ]
