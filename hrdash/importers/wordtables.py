"""Returns the tables of a Word .docx document (OHCHR's UPR matrices) as rows of cell text, within the limits."""

from __future__ import annotations

import io
import zipfile

from . import zipparts
from .limits import Budget, LimitExceeded
from .model import Refused
from .tabular import Sheet


def docx_sheets(data: bytes, budget: Budget | None = None) -> list[Sheet]:
    """Return every table of a Word .docx document as rows of cell text, with the document's paragraphs as text.

    A cell merged across columns (a "Theme: ..." row) repeats its text in each column it spans, and a cell
    merged down rows repeats the text of the cell it continues, as python-docx gives them (read here row by
    row, so a long merged column costs no more than its rows). `context` is the first paragraphs (title and
    headings); meta["text"] all of them.
    """
    import docx

    budget = budget or Budget()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zipparts.check_archive(zf, "document", budget)
        zipparts.check_word(zf, budget)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx and lxml raise many kinds on a damaged or hostile file
        raise Refused(
            f"the Word document cannot be read: its content is damaged or unsafe ({type(e).__name__}"
            f"{': ' + str(e).splitlines()[0] if str(e) else ''}); open it in Word and save it again"
        ) from e
    header = [p for s in document.sections[:1] for p in s.header.paragraphs]  # State and session are often there
    paragraphs = [" ".join(p.text.split()) for p in [*header, *document.paragraphs] if p.text.strip()]
    context = " | ".join(paragraphs[:12])
    budget.sheets(len(document.tables), "Word tables")
    sheets = []
    for i, table in enumerate(document.tables):
        rows = _docx_rows(table, f"Word table {i + 1}", budget)
        sheets.append(Sheet(f"table {i + 1}", rows, context, {"text": "\n".join(paragraphs)}))
    return sheets


def _docx_rows(table, where: str, budget: Budget) -> list[list[str]]:
    from docx.table import _Cell

    rows: list[list[str]] = []
    above: list[str] = []  # the previous row's text by grid column, for cells merged down ("continue")
    for n, tr in enumerate(table._tbl.tr_lst, start=1):
        row: list[str] = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            if len(row) + span > budget.limits.columns:
                raise LimitExceeded("columns", f"{where}, row {n:,}", f"{len(row) + span:,} columns", budget.limits)
            if tc.vMerge == "continue":
                text = above[len(row)] if len(row) < len(above) else ""
            else:
                text = _Cell(tc, table).text.strip()
            row += [text] * span
        budget.row(row, where, n, rows[0] if rows else None)
        rows.append(row)
        above = row
    return rows
