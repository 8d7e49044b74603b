"""When each State was reviewed by the UPR: Terman's companion files to the year files, loaded into upr_review.

`sessions.csv`: `"",To,To_COW,Session`, one row per State and review; the cycle and the review year
come from the session (the UPR calendar, table upr_session from data/public, sessions 1–53; a session it does
not list is refused, never guessed). `upr-years.csv`: `country,review1,review2,report1,report2`, one row per
State; review1 / review2 give the year of its cycle-1 / cycle-2 review (`.` or empty: not reviewed
in that cycle, or not known: no row). Neither file gives the review date or says whether the
national and mid-term reports were submitted: those columns stay NULL (not known). Dropped on
purpose: `To_COW` (Correlates of War code: the name is resolved instead) and `report1` / `report2`
(one notice per file says so).
"""

from __future__ import annotations

import re

import pandas as pd

from .context import Context
from .tabular import Sheet

COLUMNS = ["_row", "country_iso3", "cycle", "session", "review_year"]
NOT_IN_FILE = "review date and national / mid-term report flags are not in the file: left empty (not known)"


def _records(sheet: Sheet) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Return ({lower-case column: column as the file writes it}, the non-empty rows keyed by lower-case column)."""
    header = [h.strip() for h in sheet.rows[0]]
    names = {h.lower(): h for h in header if h}
    width = len(header)
    rows = []
    for n, r in enumerate(sheet.rows[1:], start=2):
        if any(c.strip() for c in r):
            cells = (r + [""] * width)[:width]
            rows.append({"_row": n, **{h.lower(): c.strip() for h, c in zip(header, cells) if h}})
    return names, rows


def read_lookup(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return the upr_review rows of Terman's sessions.csv or upr-years.csv (whichever layout the sheet has)."""
    names, rows = _records(sheet)
    if "session" in names:
        return read_sessions(ctx, names, rows)
    return read_years(ctx, names, rows)


def read_sessions(ctx: Context, names: dict[str, str], rows: list[dict]) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return one upr_review row per State and session: cycle and review year from the session (upr_session)."""
    ref = ctx.reference("upr_session").set_index("session")
    known = f"sessions {ref.index.min()}–{ref.index.max()}"
    state_col, session_col = names["to"], names["session"]
    out = []
    for r in rows:
        n, raw = r["_row"], r["session"]
        iso3 = ctx.state(ctx.countries.resolve(r["to"]), n, state_col)
        if not re.fullmatch(r"\d{1,2}", raw):
            ctx.problems.add(n, session_col, raw, "not a UPR session number")
            continue
        session = int(raw)
        if session not in ref.index:
            message = (f"session {session} is not in the UPR calendar (upr_session, {known}): its cycle and year "
                       "are not known; re-derive the calendar (python -m hrdash derive-public) once it has the "
                       "session")  # fmt: skip
            ctx.problems.add(n, session_col, raw, message)
            continue
        if iso3 is not None:
            out.append((n, iso3[0], int(ref.at[session, "cycle"]), session, int(ref.at[session, "year"])))
    ctx.problems.add(None, None, None, f"{NOT_IN_FILE}; review_year is the year of the session "
                     "(the UPR calendar, table upr_session)", "notice")  # fmt: skip
    labels = {"country_iso3": state_col, "cycle": session_col, "session": session_col, "review_year": session_col}
    return {"upr_review": pd.DataFrame(out, columns=COLUMNS)}, labels


def read_years(ctx: Context, names: dict[str, str], rows: list[dict]) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return one upr_review row per State and cycle with a review year (review1: cycle 1, review2: cycle 2)."""
    ref = ctx.reference("upr_session")
    state_col = names["country"]
    cycles = {c: names[f"review{c}"] for c in (1, 2) if f"review{c}" in names}
    out = []
    for r in rows:
        n = r["_row"]
        iso3 = ctx.state(ctx.countries.resolve(r["country"]), n, state_col)
        for cycle, col in cycles.items():
            raw = r[col.lower()]
            if raw in ("", "."):
                ctx.problems.add(n, col, raw, f"no review year for cycle {cycle}: no row for this cycle", "notice")
                continue
            years = ref.loc[ref["cycle"] == cycle, "year"]
            if not re.fullmatch(r"\d{4}", raw) or not years.min() <= int(raw) <= years.max():
                ctx.problems.add(n, col, raw, f"not a year of UPR cycle {cycle} ({years.min()}–{years.max()}, "
                                 "the years of its sessions in the UPR calendar, table upr_session)")  # fmt: skip
                continue
            if iso3 is not None:
                out.append((n, iso3[0], cycle, None, int(raw)))
    reports = [names[c] for c in ("report1", "report2") if c in names]
    if reports:
        ctx.problems.add(None, " / ".join(reports), None, f"{' and '.join(reports)} (a year per cycle) are not "
                         "loaded: upr_review has no column for them, and they do not say whether the national or "
                         "mid-term report was submitted", "notice")  # fmt: skip
    ctx.problems.add(None, None, None, f"session, {NOT_IN_FILE}", "notice")
    labels = {"country_iso3": state_col, "cycle": " / ".join(cycles.values()),
              "review_year": " / ".join(cycles.values())}  # fmt: skip
    df = pd.DataFrame(out, columns=COLUMNS)
    df["session"] = df["session"].astype("Int64")
    return {"upr_review": df}, labels
