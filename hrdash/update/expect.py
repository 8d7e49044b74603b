"""Whether a downloaded file is what was asked for: a status page with its participant table, a UHRI workbook.

Checked before the import, so that a site that changed its layout, or sent an error page with status 200,
gets a message that says what was expected and what came instead (rather than "unknown layout").
"""

from __future__ import annotations

import io
import re
import zipfile

from ..importers import sniff, tabular
from ..importers.ratification import untc_header
from ..importers.uhri import REQUIRED, header_map


def describe(data: bytes, content_type: str = "") -> str:
    """Return what a response is, in words: 'an empty response', 'an HTML page titled "…"', 'a PDF document', …"""
    head = data[:8192]
    if not head.strip():
        return "an empty response"
    for magic, what in sniff.MAGIC.items():
        if head.startswith(magic):
            return what
    if head.startswith(sniff.ZIP):
        return "a ZIP archive"
    if head.startswith(sniff.OLE):
        return "an old-style Office file"
    text = head.decode("utf-8", "replace")
    if re.search(r"<(!doctype html|html|body|head|title)\b", text, re.I):
        m = re.search(r"<title[^>]*>(.*?)</title>", data[:65536].decode("utf-8", "replace"), re.I | re.S)
        title = " ".join(m.group(1).split()) if m else ""
        return f"an HTML page titled {title[:120]!r}" if title else "an HTML page"
    kind = f" ({content_type.split(';')[0]})" if content_type else ""
    return f"a text response{kind} starting {' '.join(text.split())[:80]!r}"


def untc_problem(data: bytes, content_type: str = "") -> str | None:
    """Return what is wrong with a Treaty Collection status page (None if it has its participant table)."""
    what = describe(data, content_type)
    if not what.startswith("an HTML page"):
        return f"got {what} instead of an HTML page"
    text, _ = sniff.decode(data)
    if any(untc_header(s.rows) is not None for s in tabular.html_sheets(text) if s.rows):
        return None
    return (
        f"got {what} without a participant table (no table whose first column is headed 'Participant'): the "
        "site's layout may have changed, or it sent an error page"
    )


def uhri_problem(data: bytes, content_type: str = "") -> str | None:
    """Return what is wrong with a UHRI export (None if a sheet has the UHRI columns)."""
    if not data.startswith(sniff.ZIP):
        return f"got {describe(data, content_type)} instead of an Excel workbook"
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        return f"got a damaged or non-Excel ZIP file ({type(e).__name__}: {str(e)[:120]})"
    try:
        firsts = []
        for ws in wb.worksheets:
            first = next(ws.iter_rows(max_row=1, values_only=True), ())
            row = [tabular.cell_text(v) for v in first]
            if set(REQUIRED) <= header_map(row).keys():
                return None
            firsts.append(f"{ws.title!r}: {[c for c in row if c][:8]}")
    finally:
        wb.close()
    return (
        f"got a workbook without the UHRI columns ({', '.join(REQUIRED)}) — the export's layout may have changed; "
        f"first rows: {'; '.join(firsts) or 'none (no sheets)'}"
    )
