"""Excel templates an HRA fills in offline: header row, one example row, column comments, drop-downs.

One sheet per table (named for it, so the importer recognises it), a "Lists" sheet with the
values the drop-downs offer (country names, instrument and mandate codes) and an "About" sheet.
The example row is ignored on import while it is left unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import cache

import xlsxwriter
import xlsxwriter.utility as xu

from . import dictionary
from .context import _reference, scratch_connection
from .validate import columns

INTERNAL = ["unct_engagement", "national_mechanism", "hra_deployment", "stakeholder_submission"]
EXAMPLES: dict[str, dict[str, str]] = {
    "unct_engagement": {"id": "", "country_iso3": "Kenya", "year": "2016", "mechanism": "UPR",
                        "activity": "UNCT submission", "description": "Joint UNCT submission to the 2nd UPR of Kenya"},
    "national_mechanism": {"country_iso3": "Kenya", "established": "2015-06-01", "type": "inter-ministerial",
                           "nhri_participation": "TRUE", "cso_participation": "TRUE", "tracking_tool": "FALSE"},
    "hra_deployment": {"id": "", "country_iso3": "Kenya", "region": "", "start_date": "2016-01-01", "end_date": "",
                       "funding": "UNDG-HRM", "description": "Human Rights Adviser to the Resident Coordinator"},
    "stakeholder_submission": {"country_iso3": "Kenya", "mechanism": "UPR", "year": "2015", "cycle": "2",
                               "submitter_type": "national NGO", "count": "12"},
    "ratification": {"country_iso3": "Kenya", "instrument": "CED", "signature_date": "2007-02-06",
                     "consent_date": "", "consent_type": "", "date_precision": "day", "reservations": "FALSE"},
    "tb_report": {"id": "", "country_iso3": "Kenya", "instrument": "CAT", "body": "CAT", "report_no": "3",
                  "due_date": "2017-11-27", "submitted_date": "", "reviewed_date": ""},
    "sp_visit": {"id": "", "country_iso3": "Kenya", "mandate_code": "sr_torture", "request_date": "2015-03-01",
                 "status": "requested", "start_date": "", "end_date": "", "report_symbol": ""},
    "standing_invitation": {"country_iso3": "Kenya", "extended_date": "2011-01-01"},
    "sp_communication": {"id": "", "sent_date": "2016-05-10", "country_iso3": "Kenya", "mandates": "sr_torture",
                         "type": "urgent appeal", "joint": "FALSE", "replied": "FALSE", "reply_date": ""},
    "upr_review": {"country_iso3": "Kenya", "cycle": "2", "session": "21", "review_year": "2015",
                   "review_date": "2015-01-21", "national_report": "TRUE", "midterm_report": "FALSE"},
    "recommendation": {"id": "", "country_iso3": "Kenya", "mechanism": "UPR", "body": "", "document_symbol": "",
                       "rec_date": "2015-01-21", "text": "Ratify the Optional Protocol to the Convention against "
                       "Torture", "themes": "International instruments", "affected_groups": "", "cycle": "2",
                       "session": "21", "paragraph": "142.1", "recommending_states": "France; Denmark",
                       "response": "noted", "implementation": ""},
    "nhri": {"country_iso3": "Kenya", "name": "Kenya National Commission on Human Rights", "status": "A",
             "year": "2014"},
    "normative_output": {"id": "", "body": "CRC", "kind": "general comment", "date": "2016-12-06",
                         "title": "General comment No. 20 on adolescents", "themes": "children; adolescents"},
    "story": {"id": "", "country_iso3": "Kenya", "year": "2016", "mechanism": "UPR",
              "text": "The UNCT supported the follow-up plan of the second UPR cycle."},
}  # fmt: skip
LIST_COLUMNS = {"country_iso3": "Countries", "instrument": "Instruments", "mandate_code": "Mandates"}


def example_values(table: str) -> dict[str, str] | None:
    """Return the example row of a table's template (as the importer compares it: text, '' for empty)."""
    return EXAMPLES.get(table)


@cache
def _lists() -> dict[str, list[str]]:
    ref = _reference()
    return {
        "Countries": sorted(ref["country"]["name"]),
        "Instruments": list(ref["instrument"]["code"]),
        "Mandates": list(ref["sp_mandate"]["code"]),
        "Booleans": ["TRUE", "FALSE"],
    }


def workbook(tables: list[str]) -> bytes:
    """Return an .xlsx template with one sheet per table (header, example, comments, drop-downs)."""
    con = scratch_connection()
    try:
        col_frame, constraints = dictionary.frames(con)
        cols = {t: [c for c in columns(con, t) if c.name != "source"] for t in tables}
    finally:
        con.close()
    info = dictionary.columns(col_frame, constraints)
    enums = {t: dictionary.enum_values(constraints, t) for t in tables}
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    example = wb.add_format({"italic": True, "font_color": "#7F7F7F"})
    about = wb.add_worksheet("About")
    lists = _lists()
    for table in tables:
        _sheet(wb, table, cols[table], enums[table], info, lists, head, example)
    ws = wb.add_worksheet("Lists")
    for c, (name, values) in enumerate(lists.items()):
        ws.write(0, c, name, head)
        for r, v in enumerate(values, start=1):
            ws.write_string(r, c, v)
    lines = [
        "Human Rights Mechanisms Dashboard — import template",
        "Fill one sheet per table, one row per fact, from row 3 (row 2 is an example: overwrite or leave it; "
        "it is ignored while unchanged).",
        "Hover over a column name for its meaning. Columns with a drop-down accept only the listed values.",
        "Countries: pick the name (ISO3 codes also work). Lists of values (themes, mandates, States): separate with ;",
        "Dates: YYYY-MM-DD or an Excel date. Yes/no columns: TRUE or FALSE. Leave 'id' empty: it is generated.",
        "Load the file on the Data page (or: python -m hrdash import FILE). Nothing is loaded unless every row is "
        "valid (or you choose to skip bad rows).",
    ]
    for r, text in enumerate(lines):
        about.write_string(r, 0, text, head if r == 0 else None)
    about.set_column(0, 0, 120)
    wb.close()
    return out.getvalue()


def _sheet(wb, table, cols, enums, info, lists, head, example) -> None:
    ws = wb.add_worksheet(table)
    meaning = {r.column: r for r in info[info["table"] == table].itertuples()}
    ex = EXAMPLES.get(table, {})
    for c, col in enumerate(cols):
        ws.write_string(0, c, col.name, head)
        r = meaning.get(col.name)
        note = [r.meaning if r is not None else ""]
        note.append(f"Type: {col.type}{' (required)' if not col.nullable and col.default is None else ''}")
        if col.name in enums:
            note.append("Allowed: " + ", ".join(enums[col.name]))
        ws.write_comment(0, c, "\n".join(n for n in note if n), {"x_scale": 2.5, "y_scale": 2})
        value = ex.get(col.name, "")
        if value:
            ws.write_string(1, c, value, example)
        ws.set_column(c, c, max(14, min(50, len(col.name) + 4)))
        source = None
        if col.name in enums:
            source = enums[col.name]
        elif col.name in LIST_COLUMNS:
            source = _range("Lists", list(lists).index(LIST_COLUMNS[col.name]), len(lists[LIST_COLUMNS[col.name]]))
        elif col.type == "BOOLEAN":
            source = ["TRUE", "FALSE"]
        if source is not None:
            message = f"Choose a value of the list for {col.name}"
            ws.data_validation(1, c, 5000, c, {"validate": "list", "source": source, "error_message": message})
        elif col.type == "DATE":
            ws.data_validation(1, c, 5000, c, {"validate": "date", "criteria": "between",
                                               "minimum": dt.date(1945, 1, 1),
                                               "maximum": dt.date(2100, 12, 31),
                                               "error_message": "A date between 1945 and 2100"})  # fmt: skip
        elif col.type == "INTEGER":
            ws.data_validation(1, c, 5000, c, {"validate": "integer", "criteria": ">=", "value": 0,
                                               "error_message": "A whole number"})  # fmt: skip
    ws.freeze_panes(1, 0)


def _range(sheet: str, col: int, n: int) -> str:
    letter = xu.xl_col_to_name(col)
    return f"={sheet}!${letter}$2:${letter}${n + 1}"
