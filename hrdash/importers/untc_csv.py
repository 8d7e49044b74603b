"""The Treaty Collection's chapter IV as one CSV: every participant's action for the 18 instruments.

Layout (as scraped from treaties.un.org, e.g. ../shared/realdata/untc_ratifications_2026): `country_name,
treaty_id,treaty_name,action_type,action_date,signature_date,treaty_open_year,mtdsg_no,source_url`, one row per
participant and instrument, ISO dates. `action_type` is Ratification / Accession / Succession (Acceptance,
Approval and Formal confirmation are recorded as ratification, as the status pages' reader does), blank when the
participant only signed. The instrument is read from `mtdsg_no` (the Treaty Collection's chapter IV number, a
column of the instrument table); `treaty_id` is only checked against it.

Like a status page, the file lists only participants: every State of the country table that it does not list for
an instrument it covers is recorded as "no action" for that instrument. Participants that are not States of the
country table (the European Union, Niue, the Cook Islands, and the predecessor States Czechoslovakia and the German
Democratic Republic, whose rows the Treaty Collection keeps) are reported with their rows and skipped. The file
says nothing about reservations: `reservations` is left empty (not known), never "no".
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .context import Context
from .model import Refused
from .ratification import RATIFICATION_COLUMNS
from .tabular import Sheet

HEADER = ["country_name", "treaty_id", "action_type", "action_date", "signature_date", "mtdsg_no"]
CONSENT = {
    "ratification": "ratification", "accession": "accession", "succession": "succession",
    "acceptance": "ratification", "approval": "ratification", "formal confirmation": "ratification",
}  # fmt: skip
# treaty_id as the scraper names the instruments (hr_treaties_status file stems, with a few spelled differently)
TREATY_IDS = {
    "cerd": "CERD", "icerd": "CERD", "icescr": "CESCR", "icescr_op": "CESCR-OP", "iccpr": "CCPR",
    "iccpr_op1": "CCPR-OP1", "iccpr_op2": "CCPR-OP2-DP", "cedaw": "CEDAW", "cedaw_op": "CEDAW-OP",
    "op_cedaw": "CEDAW-OP", "cat": "CAT",
    "cat_op": "CAT-OP", "opcat": "CAT-OP", "crc": "CRC", "crc_op_ac": "CRC-OP-AC", "crc_op_sc": "CRC-OP-SC",
    "crc_op_ic": "CRC-OP-IC", "cmw": "CMW", "icmw": "CMW", "crpd": "CRPD", "crpd_op": "CRPD-OP", "ced": "CED",
    "cped": "CED",
}  # fmt: skip


def is_untc_csv(header: list[str]) -> bool:
    """Return True if a header row is this layout's (column names in any case and order)."""
    return set(HEADER) <= {h.strip().lower() for h in header}


def _date(text: str) -> str | None:
    """Return an ISO date (YYYY-MM-DD) as it is, or None if it is not one."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def read_untc_csv(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict, str]:
    """Return the ratification rows of a chapter IV CSV: one per State of the country table × instrument listed."""
    header = [h.strip().lower() for h in sheet.rows[0]]
    col = {h: i for i, h in enumerate(header)}
    names = {h.strip().lower(): h.strip() for h in sheet.rows[0]}
    chapter = dict(zip(ctx.reference("instrument")["mtdsg_no"], ctx.reference("instrument")["code"]))
    p = ctx.problems
    rows, seen = [], set()
    for n, cells in enumerate(sheet.rows[1:], start=2):
        cells = cells + [""] * (len(header) - len(cells))
        get = lambda name, cells=cells: cells[col[name]].strip()  # noqa: E731
        if not any(c.strip() for c in cells):
            continue
        code = chapter.get(get("mtdsg_no"))
        if code is None:
            p.add(n, names["mtdsg_no"], get("mtdsg_no"), "not the chapter IV number of one of the 18 instruments "
                  f"({', '.join(sorted(chapter))})")  # fmt: skip
            continue
        named = TREATY_IDS.get(get("treaty_id").lower())
        if named and named != code:
            p.add(n, names["treaty_id"], get("treaty_id"), f"names {named} but mtdsg_no {get('mtdsg_no')} is {code}: "
                  "the chapter number is used", "warning")  # fmt: skip
        sig_text, con_text, kind = get("signature_date"), get("action_date"), get("action_type").lower()
        sig = _date(sig_text) if sig_text else None
        con = _date(con_text) if con_text else None
        if sig_text and sig is None:
            p.add(n, names["signature_date"], sig_text, "not a date (YYYY-MM-DD)")
            continue
        if con_text and con is None:
            p.add(n, names["action_date"], con_text, "not a date (YYYY-MM-DD)")
            continue
        if kind and kind not in CONSENT:
            p.add(n, names["action_type"], get("action_type"), f"action must be one of {', '.join(CONSENT)}, or "
                  "blank for a signature")  # fmt: skip
            continue
        if bool(kind) != bool(con):
            p.add(n, names["action_date" if kind else "action_type"], con_text or kind,
                  "an action needs both its type and its date")  # fmt: skip
            continue
        iso3 = ctx.state(ctx.countries.resolve(get("country_name")), n, names["country_name"])
        if iso3 is None:
            continue
        if (iso3[0], code) in seen:
            p.add(n, names["country_name"], get("country_name"), f"{iso3[0]} appears twice for {code}")
            continue
        seen.add((iso3[0], code))
        if not sig and not con:
            p.add(n, names["country_name"], get("country_name"), "neither a signature nor an action date: "
                  "recorded as no action", "warning")  # fmt: skip
        rows.append((n, iso3[0], code, sig, con, CONSENT.get(kind), "day", None))
    covered = sorted({code for _, code in seen}, key=list(chapter.values()).index)
    if not covered:
        raise Refused("no participant row of the 18 instruments in the file")
    states = sorted(ctx.reference("country")["iso3"])
    missing = [(None, c, code, None, None, None, "day", None) for code in covered for c in states
               if (c, code) not in seen]  # fmt: skip
    p.add(None, None, None, f"{len(missing):,} State × instrument pairs of the {len(covered)} instruments in the "
          "file are not listed: recorded as no action (the Treaty Collection lists every State that signed or "
          "joined)", "notice")  # fmt: skip
    p.add(None, None, None, "the file does not say which States made reservations: reservations are left empty "
          "(not known)", "notice")  # fmt: skip
    df = pd.DataFrame(rows + missing, columns=RATIFICATION_COLUMNS).astype({"_row": "Int64"})
    labels = {"country_iso3": names["country_name"], "instrument": names["mtdsg_no"],
              "consent_date": names["action_date"], "consent_type": names["action_type"],
              "signature_date": names["signature_date"]}  # fmt: skip
    return {"ratification": df}, labels, ", ".join(covered)
