"""OHCHR's ratification dashboard export: the "underlying data" of one treaty, as .xls (or .xlsx).

Named like `UnderlyingData_<TREATY>_OHCHR_<dd_mm_yyyy>.xls`. Row 1 is a title naming the treaty,
then `[Last Updated: dd/mm/yyyy hh:mm:ss]`; row 2 the header: `Country`, `Date of Signature
(dd/mm/yyyy)`, `Date of Ratification/Accession` and, for some treaties, the dates a State accepted
an individual communications or inquiry procedure (not stored: the schema has no column for them, a
notice names each). Then one row per State — dates as Excel dates, Excel date numbers or text
dd/mm/yyyy, blank for none — a blank row and footer rows (`Definitions and metadata: …`, `Source: …`).
The export does not say whether consent was ratification, accession or succession: consent_type is
recorded as 'ratification' (a notice says so), as for year-only sources. Like the Treaty
Collection, it lists only the States it knows of: every other State of the country table is
recorded as "no action" (a notice counts them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pandas as pd

from . import instruments as inst
from . import untc
from .context import Context
from .countries import clean, squash
from .model import Refused
from .ratification import RATIFICATION_COLUMNS, instrument_for
from .tabular import Sheet

_UPDATED = re.compile(r"\[\s*last updated:?\s*(\d{1,2})/(\d{1,2})/(\d{4})[^\]]*\]", re.IGNORECASE)
_FOOTER = re.compile(r"^(definitions and metadata|source)\b", re.IGNORECASE)
EXCEL_EPOCH = {"1900": dt.date(1899, 12, 30), "1904": dt.date(1904, 1, 1)}


def dashboard_header(rows: list[list[str]]) -> int | None:
    """Return the index of the header row (`Country`, `Date of Ratification/Accession`, ...) in the first rows."""
    for i, row in enumerate(rows[:5]):
        cells = [c.strip() for c in row]
        if cells and squash(cells[0]) == "country" and any(squash(c).startswith("dateofratification") for c in cells):
            return i
    return None


def dashboard_end(rows: list[list[str]], header: int) -> int:
    """Return the index of the first row after the States: a blank row or the footer (`Definitions …`, `Source: …`)."""
    return next((i for i in range(header + 1, len(rows)) if not any(c.strip() for c in rows[i])
                 or _FOOTER.match(rows[i][0].strip())), len(rows))  # fmt: skip


def excel_or_text_date(value: str, epoch: str = "1900") -> str | None:
    """Return an ISO date from an ISO date, an Excel date number (of the workbook's epoch) or text dd/mm/yyyy."""
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?", v):
            return dt.date.fromisoformat(m.group(1)).isoformat()
        if re.fullmatch(r"\d{1,5}(?:\.0+)?", v) and 0 < float(v) < 2_958_466:
            return (EXCEL_EPOCH[epoch] + dt.timedelta(days=int(float(v)))).isoformat()
        if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", v):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:  # 31 February
        return None
    return None


def _instrument(ctx: Context, sheet: Sheet, title: str) -> str:
    """Return the treaty the export is about: named by the user, else the title, else the file name."""
    if ctx.instrument:
        return instrument_for(ctx, sheet)
    instruments = ctx.reference("instrument")
    heading = _UPDATED.sub("", title)
    by_title = inst.from_title(instruments, heading) or next(
        (c for t in re.split(r"[^A-Za-z0-9-]+", heading) if t and (c := inst.by_code(instruments, t))), None
    )
    by_name = inst.from_file_name(instruments, ctx.stem)
    if by_title and by_name and by_title != by_name:
        ctx.problems.add(1, "title", title, f"the title names {by_title}, the file name {by_name}: the title is "
                         "followed", "warning")  # fmt: skip
    if by_title or by_name:
        return by_title or by_name
    return instrument_for(ctx, replace(sheet, context=heading))  # refuses, saying how to name it


def read_ohchr_dashboard(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict, str]:
    """Return the ratification rows of an OHCHR ratification dashboard export (one treaty)."""
    h = dashboard_header(sheet.rows)
    if h is None:
        raise Refused("no header row with 'Country' and 'Date of Ratification/Accession' in the first five rows")
    title = " ".join(c.strip() for r in sheet.rows[:h] for c in r if c.strip())
    code = _instrument(ctx, sheet, title)
    epoch = sheet.meta.get("epoch", "1900")
    header = [" ".join(c.split()) for c in sheet.rows[h]]
    sig_col = next((i for i, c in enumerate(header) if squash(c).startswith("dateofsignature")), None)
    con_col = next(i for i, c in enumerate(header) if squash(c).startswith("dateofratification"))
    p, rows, seen = ctx.problems, [], set()
    for i, name in enumerate(header):
        if i and i not in (sig_col, con_col) and name:
            filled = sum(1 for r in sheet.rows[h + 1 :] if i < len(r) and excel_or_text_date(r[i], epoch))
            p.add(None, name, None, f"not stored ({filled} State(s) with a date): the database has no column for "
                  "the acceptance of a treaty's procedures", "notice")  # fmt: skip
    end = dashboard_end(sheet.rows, h)
    for n, cells in enumerate(sheet.rows[h + 1 : end], start=h + 2):
        cells = [c.strip() for c in cells] + [""] * (len(header) - len(cells))
        name = cells[0]
        if why := untc.not_a_state(clean(name)):
            p.add(n, header[0], name, f"{clean(name)} is {why}: reported, not loaded", "notice")
            continue
        iso3 = ctx.state(ctx.countries.resolve(name), n, header[0])
        dates = {}
        for col in (sig_col, con_col):
            raw = cells[col] if col is not None else ""
            dates[col] = excel_or_text_date(raw, epoch) if raw else None
            if raw and dates[col] is None:
                p.add(n, header[col], raw, "not a date: an Excel date, an Excel date number or dd/mm/yyyy")
        if iso3 is None or any(cells[c] and dates[c] is None for c in dates if c is not None):
            continue
        if iso3[0] in seen:
            p.add(n, header[0], name, f"{iso3[0]} appears twice")
            continue
        seen.add(iso3[0])
        consent = dates[con_col]
        rows.append((n, iso3[0], code, dates.get(sig_col), consent, "ratification" if consent else None, "day", None))
    footer = [n + 1 for n in range(end, len(sheet.rows)) if any(c.strip() for c in sheet.rows[n])]
    if footer:
        p.add(None, None, None, f"row(s) {', '.join(map(str, footer))} below the table are the export's footer "
              "(definitions, source): not data", "notice")  # fmt: skip
    p.add(None, header[con_col], None, "the export does not say whether consent was ratification, accession or "
          "succession: consent_type is recorded as 'ratification'", "notice")  # fmt: skip
    if m := _UPDATED.search(title):
        p.add(1, "title", title, f"data as of {m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d} "
              "(the export's Last Updated date)", "notice")  # fmt: skip
    others = sorted(set(ctx.reference("country")["iso3"]) - seen)
    rows += [(None, c, code, None, None, None, "day", None) for c in others]
    if others:
        shown = ", ".join(others[:12]) + (", …" if len(others) > 12 else "")
        p.add(None, None, None, f"{len(others)} State(s) of the country table are not in the export ({shown}): "
              "recorded as no action", "notice")  # fmt: skip
    df = pd.DataFrame(rows, columns=RATIFICATION_COLUMNS).astype({"_row": "Int64"})
    labels = {"country_iso3": header[0], "consent_date": header[con_col], "consent_type": header[con_col]}
    if sig_col is not None:
        labels["signature_date"] = header[sig_col]
    return {"ratification": df}, labels, code
