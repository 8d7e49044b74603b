"""Ratification status tables: per-treaty tables (realdata layout) and UN Treaty Collection pages.

Per-treaty table: `iso2,member,state party,year ratification or accession,signatory,no action,
status[,note]`, one file per instrument, year only. `status` is trusted; flags that contradict it
are warnings naming the row.

UN Treaty Collection (treaties.un.org, chapter IV): "Participant", "Signature", "Ratification,
Accession(a), Succession(d)" (header text varies), dates like `16 Dec 1966`, ` a` / ` d` suffixes,
footnote numbers after names, a bracketed date for consent later undone (see untc.py). It lists
only States that signed or joined: every other State of the country table is recorded as "no action".
Neither layout says whether a State made reservations: `reservations` is left empty (not known).
"""

from __future__ import annotations

import re

import pandas as pd

from . import instruments as inst
from . import untc
from .context import Context
from .countries import clean
from .model import Refused
from .tabular import Sheet

RATIFICATION_COLUMNS = [
    "_row", "country_iso3", "instrument", "signature_date", "consent_date", "consent_type", "date_precision",
    "reservations",
]  # fmt: skip
STATUS = {"state party": "party", "party": "party", "signatory state": "signatory", "signatory": "signatory",
          "no action": "no action"}  # fmt: skip


def instrument_for(ctx: Context, sheet: Sheet) -> str:
    """Return the OHCHR code of the instrument a status table is about, or refuse the file."""
    instruments = ctx.reference("instrument")
    if ctx.instrument:
        code = inst.by_code(instruments, ctx.instrument)
        if not code:
            raise Refused(f"unknown instrument {ctx.instrument!r}: use one of {', '.join(instruments['code'])}")
        return code
    code = (
        inst.from_chapter(instruments, sheet.meta.get("links", "") + " " + sheet.context)
        or inst.from_title(instruments, sheet.context)
        or inst.from_file_name(instruments, ctx.stem)
    )
    if not code:
        raise Refused(
            "unknown instrument: neither the page title nor the file name says which of the 18 instruments this "
            "table is about; name it (CLI --instrument CODE, or the Data page's instrument box)"
        )
    return code


def _year_end(year: str) -> str:
    return f"{int(year)}-12-31"


def read_treaty_table(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict, str]:
    """Return the ratification rows of a per-treaty table (realdata layout)."""
    code = instrument_for(ctx, sheet)
    adopted = pd.Timestamp(ctx.reference("instrument").set_index("code").loc[code, "adopted"]).date().isoformat()
    header = [h.strip().lower() for h in sheet.rows[0]]
    col = {h: i for i, h in enumerate(header)}
    rows, undated = [], {"signatory": 0, "party": 0}
    p = ctx.problems
    for n, cells in enumerate(sheet.rows[1:], start=2):
        cells = cells + [""] * (len(header) - len(cells))

        def get(name: str, cells=cells) -> str:
            return cells[col[name]].strip() if name in col else ""

        if not any(c.strip() for c in cells):
            continue
        by_code = ctx.countries.resolve_code(get("iso2"))
        by_name = ctx.countries.resolve(get("member"))
        res = by_code if by_code.status in ("state", "outside") else by_name
        if by_code.status == "state" and by_name.status == "state" and by_code.codes != by_name.codes:
            p.add(n, "member", get("member"), f"names {by_name.codes[0]} but iso2 {get('iso2')} is {by_code.codes[0]}")
            continue
        iso3 = ctx.state(res, n, "iso2" if res is by_code else "member")
        if res is by_code and by_name.status == "unresolved":
            p.add(n, "member", get("member"), f"name not recognised; the iso2 code gives {res.codes or res.outside}",
                  "warning")  # fmt: skip
        status = STATUS.get(get("status").lower())
        if status is None:
            p.add(n, "status", get("status"), "status must be 'state party', 'signatory state' or 'no action'")
            continue
        _check_flags(ctx, n, status, get)
        if iso3 is None:
            continue
        year = get("year ratification or accession")
        if year and not re.fullmatch(r"\d{4}", year):
            p.add(n, "year ratification or accession", year, "not a year (four digits)")
            continue
        sig = consent = ctype = None
        if status == "party":
            if year:
                consent = _year_end(year)
            else:
                undated["party"] += 1
                consent = adopted
            ctype = "ratification"
        elif status == "signatory":
            undated["signatory"] += 1
            sig = adopted
        rows.append((n, iso3[0], code, sig, consent, ctype, "year", None))  # reservations: not in the file
    for status, count in undated.items():
        if count:
            p.add(None, "year ratification or accession", None,
                  f"{count} {status} row(s) have no date in the file: the date is set to the instrument's adoption "
                  f"({adopted}, date_precision 'year') so that the status is kept", "warning")  # fmt: skip
    df = pd.DataFrame(rows, columns=RATIFICATION_COLUMNS)
    labels = {"country_iso3": "iso2", "consent_date": "year ratification or accession", "signature_date": "signatory"}
    return {"ratification": df}, labels, code


def _check_flags(ctx: Context, n: int, status: str, get) -> None:
    flags = {"state party": get("state party"), "signatory": get("signatory"), "no action": get("no action")}
    expected = {
        "state party": status == "party",
        "signatory": status == "signatory",
        "no action": status == "no action",
    }
    if any(v == "" for v in flags.values()):
        ctx.problems.add(n, "status", get("status"), "flags state party / signatory / no action are blank", "warning")
    elif any((v == "1") != expected[k] for k, v in flags.items()):
        shown = ", ".join(f"{k}={v}" for k, v in flags.items())
        ctx.problems.add(n, "status", get("status"), f"contradicts the flags ({shown}); status is kept", "warning")
    note = get("note")
    if re.search(r"denounc|withdr", note, re.IGNORECASE):
        ctx.problems.add(n, "note", note, "the note reports a denunciation; status is kept as given", "warning")


def untc_header(rows: list[list[str]]) -> int | None:
    """Return the index of the row whose first cell is "Participant" (footnotes allowed), or None."""
    for i, row in enumerate(rows[:30]):
        if row and re.match(r"^participant(?:\b|\d)", clean(row[0]).lower()) and len(row) >= 2:
            return i
    return None


def untc_table_end(rows: list[list[str]], header: int) -> int:
    """Return the index of the first row after a status table: its "Notes:" line or its first footnote."""
    for i in range(header + 1, len(rows)):
        cells = [c.strip() for c in rows[i]]
        first = cells[0] if cells else ""
        if re.match(r"^(notes?|footnotes?)\s*:?$", first, re.I):
            return i
        if untc.footnotes([first]) and not any(cells[1:]):
            return i  # "4 With a declaration ...": a numbered text with no dates beside it
    return len(rows)


def _page_footnotes(sheet: Sheet, end: int) -> dict[str, str]:
    below = [" ".join(c.strip() for c in r if c.strip()) for r in sheet.rows[end:]]
    return untc.footnotes(below + sheet.meta.get("text", "").splitlines())


def read_untc(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict, str]:
    """Return the ratification rows of a UN Treaty Collection status table (CSV or HTML).

    Participants that are not States of the country table (the European Union, Niue, predecessor
    States) are reported and skipped. A bracketed date is consent later undone: denounced_date from
    the footnote the row points to (see untc.py), or, when no footnote gives a date, no consent.
    """
    code = instrument_for(ctx, sheet)
    h = untc_header(sheet.rows)
    end = untc_table_end(sheet.rows, h)
    notes = _page_footnotes(sheet, end)
    header = [re.sub(r"^(Participant)[\d,\s]*$", r"\1", clean(c), flags=re.I) for c in sheet.rows[h]]
    sig_col = next((i for i, c in enumerate(header) if i and re.match(r"signature", c, re.I)), None)
    con_col = next((i for i, c in enumerate(header) if i and re.search(r"ratification|accession|confirmation|"
                                                                       r"acceptance|approval|definitive", c, re.I)),
                   None)  # fmt: skip
    if con_col is None:
        raise Refused(f"no ratification/accession column in the header {header}")
    rows, seen, p = [], set(), ctx.problems
    for n, cells in enumerate(sheet.rows[h + 1 : end], start=h + 2):
        cells = cells + [""] * (len(header) - len(cells))
        name = cells[0].strip()
        sig_text = cells[sig_col].strip() if sig_col is not None else ""
        con_text = cells[con_col].strip()
        if not name:
            continue
        if why := untc.not_a_state(clean(name)):
            p.add(n, header[0], name, f"{clean(name)} is {why}: reported, not loaded", "notice")
            continue
        res = ctx.countries.resolve(name)
        if not sig_text and not con_text and res.status == "unresolved":
            p.add(n, header[0], name, "not a participant row (no dates): ignored", "notice")
            continue
        iso3 = ctx.state(res, n, header[0])
        sig = con = ctype = denounced = None
        if sig_text:
            parsed = untc.parse_cell(sig_text)
            if parsed is None:
                p.add(n, header[sig_col], sig_text, "not a date like '16 Dec 1966'")
                continue
            if parsed.bracketed:
                p.add(n, header[sig_col], sig_text, "a signature in brackets was later undone: not recorded",
                      "warning")  # fmt: skip
            else:
                sig = parsed.date
        if con_text:
            parsed = untc.parse_cell(con_text)
            if parsed is None:
                p.add(n, header[con_col], con_text, "not a date like '16 Dec 1966' (with ' a' or ' d')")
                continue
            con, ctype = parsed.date, parsed.kind
            if parsed.bracketed:
                denounced = _undone(ctx, n, header[con_col], con_text, con, untc.name_markers(name) + parsed.markers,
                                    notes)  # fmt: skip
                if denounced is None:
                    con = ctype = None
        if iso3 is None:
            continue
        if iso3[0] in seen:
            p.add(n, header[0], name, f"{iso3[0]} appears twice")
            continue
        seen.add(iso3[0])
        rows.append((n, iso3[0], code, sig, con, ctype, "day", None, denounced))  # reservations: not on the page
    others = sorted(set(ctx.reference("country")["iso3"]) - seen)
    rows += [(None, c, code, None, None, None, "day", None, None) for c in others]
    p.add(None, None, None, f"{len(others)} States of the country table are not in the list: recorded as no action "
          "(the Treaty Collection lists every State that signed or joined)", "notice")  # fmt: skip
    if end < len(sheet.rows):
        p.add(end + 1, header[0], sheet.rows[end][0].strip() or None, f"rows {end + 1}–{len(sheet.rows)} are the "
              f"page's notes below the table: read as footnotes ({len(notes)} found), not as participants",
              "notice")  # fmt: skip
    df = pd.DataFrame(rows, columns=[*RATIFICATION_COLUMNS, "denounced_date"]).astype({"_row": "Int64"})
    labels = {"country_iso3": header[0], "consent_date": header[con_col], "denounced_date": header[con_col]}
    if sig_col is not None:
        labels["signature_date"] = header[sig_col]
    return {"ratification": df}, labels, code


def _undone(ctx: Context, n: int, column: str, text: str, consent: str, markers: tuple[str, ...],
            notes: dict[str, str]) -> str | None:  # fmt: skip
    """Return the date consent given on `consent` was undone, from the row's footnotes; warn when there is none."""
    linked = [m for m in dict.fromkeys(markers) if m in notes]
    found = [(m, d) for m in linked if (d := untc.undone_date(notes[m]))]
    if found:
        m, (day, which) = found[0]
        if day >= consent:
            ctx.problems.add(n, column, text, f"in brackets: consent later undone; footnote {m} gives the "
                             f"{which} date {day}, recorded as denounced_date", "notice")  # fmt: skip
            return day
        why = f"footnote {m} gives {day}, before the consent itself"
    elif linked:
        why = f"footnote(s) {', '.join(linked)} give no date of a denunciation or withdrawal"
    elif markers:
        why = f"footnote(s) {', '.join(dict.fromkeys(markers))} are not on the page"
    else:
        why = "the row points to no footnote"
    ctx.problems.add(n, column, text, f"in brackets: consent later undone, but {why}; recorded as not a party "
                     "(no consent, no date invented)", "warning")  # fmt: skip
    return None
