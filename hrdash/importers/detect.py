"""Which layout a file has, from its header row (the user may also name it)."""

from __future__ import annotations

import re

import duckdb

from .canonical import match_table, normalise_header
from .model import Refused
from .ohchr_dashboard import dashboard_end, dashboard_header
from .ratification import untc_header, untc_table_end
from .tabular import Sheet
from .uhri import REQUIRED as UHRI_REQUIRED
from .uhri import header_map
from .untc_csv import is_untc_csv
from .upr_calendar import is_calendar
from .upr_files import UPR_INFO_CSV, UPR_INFO_XLS
from .upr_matrix import matrix_header

FORMATS = {
    "canonical": "Canonical table (one table of the data model; also the Excel templates)",
    "untc_status": "UN Treaty Collection status table (chapter IV; CSV or saved HTML page)",
    "untc_csv": "UN Treaty Collection chapter IV, all instruments in one CSV (country_name, treaty_id, action_type, …)",
    "treaty_table": "Per-treaty ratification table (iso2, member, state party, year, …, status)",
    "upr_terman": "UPR recommendations by review year (Terman year file)",
    "upr_info": "UPR Info database export (CSV or .xls)",
    "uhri": "Universal Human Rights Index (UHRI) Excel export",
    "upr_lookup": "UPR reviews by session or by year (Terman's sessions.csv, upr-years.csv)",
    "ohchr_ratification": "OHCHR ratification dashboard export of one treaty (UnderlyingData_<TREATY>_OHCHR_….xls)",
    "upr_matrix": "OHCHR UPR thematic list of recommendations (the State's Word matrix, .docx)",
    "upr_calendar": "UPR sessions and their years (session, year): checked against the bundled calendar, not loaded",
}
# Format families: a CSV and an .xls of the same UPR Info export are one source.
TERMAN = {"text", "to", "decision", "from", "year"}
# Layouts whose header is not the first row: where it is (a title or page text above it).
HEADER_ROW = {"untc_status": untc_header, "ohchr_ratification": dashboard_header, "upr_matrix": matrix_header}


def detect(con: duckdb.DuckDBPyConnection, kind: str, sheets: list[Sheet]) -> tuple[str, Sheet]:
    """Return (format, the sheet to read) for a file's sheets; refuse a layout we do not know."""
    if kind == "docx":  # Word documents are read for one layout only
        return _docx(sheets)
    for sheet in sheets:
        if not sheet.rows:
            continue
        first = [c.strip() for c in sheet.rows[0]]
        low = [normalise_header(c).replace("_", " ") for c in first]
        if low[:3] == ["iso2", "member", "state party"]:
            return "treaty_table", sheet
        if set(low) >= TERMAN:
            return "upr_terman", sheet
        if {"to", "to cow", "session"} <= set(low) or {"country", "review1", "review2"} <= set(low):
            return "upr_lookup", sheet
        if is_untc_csv(first):
            return "untc_csv", sheet
        if is_calendar(first):
            return "upr_calendar", sheet
        if first[:11] in (UPR_INFO_CSV, UPR_INFO_XLS):
            return "upr_info", sheet
        found = header_map(first)
        if set(UHRI_REQUIRED) <= found.keys():
            return "uhri", sheet
        if untc_header(sheet.rows) is not None:
            return "untc_status", sheet
        if dashboard_header(sheet.rows) is not None:
            return "ohchr_ratification", sheet
    for sheet in sheets:
        if sheet.rows and match_table(con, sheet.rows[0], sheet.name, loose=True):
            return "canonical", sheet
    header = sheets[0].rows[0][:8] if sheets and sheets[0].rows else []
    raise Refused(
        f"unknown layout (header {header}): not one of the formats read here — "
        + "; ".join(FORMATS.values())
        + ". For our own tables, download a template from the Data page."
    )


def _docx(sheets: list[Sheet]) -> tuple[str, Sheet]:
    """Return the UPR matrix table of a Word document, or refuse it saying what was expected."""
    found = [s for s in sheets if matrix_header(s.rows) is not None]
    if found:
        return "upr_matrix", found[0]
    seen = (
        "it has no table"
        if not sheets
        else "its tables begin " + "; ".join(str([c for c in s.rows[0] if c][:4]) for s in sheets[:3] if s.rows)
    )
    raise Refused(
        "not an OHCHR UPR matrix of recommendations: a Word document is read only if it has a table whose header "
        f"has a 'Recommendation' and a 'Position' column (and themes); {seen}"
    )


def rows_read(fmt: str, sheet: Sheet) -> int:
    """Return the data rows of a sheet: below its header, above its notes or footer, not blank."""
    rows, first = sheet.rows, 1
    if fmt == "untc_status":
        h = untc_header(rows) or 0
        rows, first = rows[: untc_table_end(rows, h)], h + 1
    elif fmt == "ohchr_ratification":
        h = dashboard_header(rows) or 0
        rows, first = rows[: dashboard_end(rows, h)], h + 1
    elif fmt == "upr_matrix":
        first = (matrix_header(rows) or 0) + 1
        theme = re.compile(r"^\s*themes?\s*:", re.IGNORECASE)
        return sum(1 for r in rows[first:] if any(c.strip() for c in r) and not theme.match(r[0]))
    return sum(1 for r in rows[first:] if r and any(c.strip() for c in r))
