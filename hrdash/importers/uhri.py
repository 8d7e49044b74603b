"""Universal Human Rights Index (UHRI) Excel export: recommendations of UPR, treaty bodies and Special Procedures.

Headers as OHCHR writes them, misspellings included (`Reccomending Body`, `UPR Reccomending
States`). Multi-valued cells are lines starting with "- "; dates are Excel serial numbers.
A row concerning several countries becomes one recommendation per country. Rows whose `Type`
is not a recommendation (e.g. "Concerns/Observations") are not loaded (a notice counts them).
UPR rows that are the same recommendation (same State, session, collapsed text) are grouped.
Dropped on purpose: SDGs, regions, and the date of publication on UHRI.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from . import upr
from .context import Context
from .countries import squash
from .tabular import Sheet
from .upr_files import REC_COLUMNS

HEADERS = [
    "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs",
    "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id",
    "UPR Session", "Regions Concerned", "Recommending Regions", "Date of publication on UHRI",
]  # fmt: skip
REQUIRED = ["Text", "Countries Concerned", "Reccomending Body", "Document Publication Date"]
TREATY_BODIES = {
    "CERD": "CERD", "CCPR": "CCPR", "HUMAN RIGHTS COMMITTEE": "CCPR", "CESCR": "CESCR", "CEDAW": "CEDAW",
    "CAT": "CAT", "SPT": "SPT", "CRC": "CRC", "CRC-OP-AC": "CRC", "CRC-OP-SC": "CRC", "CMW": "CMW", "CED": "CED",
    "CRPD": "CRPD",
}  # fmt: skip
_SP = re.compile(r"^(SR|IE|WG|Special Rapporteur|Independent Expert|Working Group)\b", re.IGNORECASE)


def items(cell: str) -> list[str]:
    """Return the values of a multi-valued UHRI cell ("- A\\n- B" -> ["A", "B"])."""
    return [re.sub(r"^[-–•]\s*", "", line).strip() for line in str(cell).splitlines() if line.strip(" -–•")]


def excel_date(value: str) -> str | None:
    """Return an ISO date from an Excel serial number (1900 system) or an ISO date; None if neither."""
    v = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", v) and 1 <= float(v) < 2_958_466:
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(float(v)))).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]):
        return v[:10]
    return None


def header_map(row: list[str]) -> dict[str, int]:
    """Return {UHRI header: column index} for a header row (case and spacing ignored)."""
    wanted = {squash(h): h for h in HEADERS}
    wanted |= {squash("Recommending Body"): "Reccomending Body", squash("UPR Recommending States"): HEADERS[8]}
    return {wanted[squash(c)]: i for i, c in enumerate(row) if squash(c) in wanted}


def _mechanism(ctx: Context, bodies: list[str]) -> tuple[str, str | None] | None:
    mandates = ctx.reference("sp_mandate")
    for b in bodies:
        if b.upper() == "UPR":
            return "UPR", None
        if b.upper() in TREATY_BODIES:
            return "treaty body", TREATY_BODIES[b.upper()]
    for b in bodies:
        key = squash(b)
        for code, title in zip(mandates["code"], mandates["title"]):
            if len(key) >= 15 and (key in squash(title) or squash(title) in key):
                return "special procedure", code
        if _SP.match(b) or "specialprocedures" in key:
            named = next((x for x in bodies if "specialprocedures" not in squash(x)), b)
            return "special procedure", named
    return None


def read_uhri(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return the recommendations of a UHRI export."""
    col = header_map(sheet.rows[0])
    p, out, other_types = ctx.problems, [], 0
    for n, cells in enumerate(sheet.rows[1:], start=2):
        cells = cells + [""] * (len(sheet.rows[0]) - len(cells))

        def get(h: str, cells=cells) -> str:
            return cells[col[h]].strip() if h in col else ""

        if not any(c.strip() for c in cells):
            continue
        kind = " ".join(items(get("Type"))).lower()
        if kind and "recommendation" not in kind:
            other_types += 1
            continue
        text = upr.collapse(get("Text"))
        found = _mechanism(ctx, items(get("Reccomending Body")))
        day = excel_date(get("Document Publication Date"))
        if not text:
            p.add(n, "Text", get("Text"), "empty recommendation text")
        if found is None:
            p.add(n, "Reccomending Body", get("Reccomending Body"), "not UPR, a treaty body or a Special Procedure")
        if day is None:
            p.add(n, "Document Publication Date", get("Document Publication Date"), "not a date or Excel date number")
        countries = [
            ctx.state(ctx.countries.resolve(c), n, "Countries Concerned") for c in items(get("Countries Concerned"))
        ]
        if not countries:
            p.add(n, "Countries Concerned", "", "no country concerned")
        if not text or found is None or day is None or not countries or None in countries:
            continue
        mechanism, body = found
        session = cycle = response = states = None
        if mechanism == "UPR":
            raw = get("UPR Session")
            m = re.search(r"\d{1,2}", raw)
            session = int(m.group()) if m else None
            cycle = upr.cycle_of_session(session) if session else upr.cycle_of_date(dt.date.fromisoformat(day))
            position = " ".join(items(get("UPR Position"))).lower()
            if position and position not in upr.UHRI_RESPONSE:
                p.add(n, "UPR Position", get("UPR Position"), "position must be Supported, Noted or Pending")
                continue
            response = upr.UHRI_RESPONSE.get(position)
            codes = [ctx.state(ctx.countries.resolve(s, multi=True), n, "UPR Reccomending States", multi=True)
                     for s in items(get("UPR Reccomending States"))]  # fmt: skip
            if None in codes:
                continue
            states = [c for cs in codes for c in cs]
            if cycle is None:
                p.add(n, "UPR Session", raw, "no UPR session, and the date is before the first UPR session")
                continue
        annotation = get("OHCHR Annotation Id") or upr.rec_id("row", ctx.stem, n)
        paragraph, body_text = upr.split_paragraph(text) if mechanism == "UPR" else (None, text)
        for (iso3,) in countries:
            out.append({
                "_row": n, "annotation": annotation, "country_iso3": iso3, "mechanism": mechanism, "body": body,
                "document_symbol": get("Document Symbol") or None, "rec_date": day, "text": body_text, "key_text": text,
                "themes": items(get("Themes")), "affected_groups": items(get("Affected Persons")), "cycle": cycle,
                "session": session, "paragraph": paragraph, "state": states or [], "response": response,
                "several": len(countries) > 1,
            })  # fmt: skip
    if other_types:
        p.add(None, "Type", None, f"{other_types} row(s) are not recommendations (e.g. observations): not loaded",
              "notice")  # fmt: skip
    return {"recommendation": _group(ctx, pd.DataFrame(out))}, {"country_iso3": "Countries Concerned",
                                                                "recommending_states": "UPR Reccomending States",
                                                                "rec_date": "Document Publication Date"}  # fmt: skip


def _group(ctx: Context, rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=["_row", *REC_COLUMNS])
    rows["id"] = [f"uhri-{a}-{c}" if several else f"uhri-{a}" for a, c, several in
                  zip(rows["annotation"], rows["country_iso3"], rows["several"])]  # fmt: skip
    is_upr = rows["mechanism"] == "UPR"
    upr_rows = rows[is_upr].assign(period=lambda d: d["session"].fillna(d["rec_date"].str[:4]).astype(str))
    if not upr_rows.empty:

        def warn(row, column, values):
            ctx.problems.add(row, column, " / ".join(values), "rows of one recommendation disagree: first kept",
                             "warning")  # fmt: skip

        key = ["country_iso3", "period", "key_text"]  # the first row's annotation id names the recommendation
        grouped = upr.group_recommendations(upr_rows.drop(columns=["annotation", "several"]), key, warn, ("themes",))
        grouped = grouped.drop(columns=["period", "key_text"])
    else:
        grouped = pd.DataFrame(columns=["_row", *REC_COLUMNS])
    others = rows[~is_upr].assign(recommending_states=None)
    out = pd.concat([grouped, others], ignore_index=True)
    out["implementation"] = None
    out["session"] = out["session"].astype("Int64")
    out["cycle"] = out["cycle"].astype("Int64")
    return out[["_row", *REC_COLUMNS]].sort_values("_row", kind="stable")
