"""A list of UPR sessions and their years (`session,year`): checked against the calendar the project bundles.

The UPR calendar (table upr_session: sessions 1–53, their cycle and year, from data/public/upr_session.csv) is
part of the public data the build loads, not of the facts an import changes: a file that states it is read as a
check. Each session's year is compared with the bundled one; a difference is a warning naming the row, a session
the bundled calendar does not have yet is a notice. Nothing is loaded (the plan says "nothing to load"): to add
sessions, re-derive the public data (`python -m hrdash derive-public`, see data/public/README.md).
"""

from __future__ import annotations

import re

import pandas as pd

from .context import Context
from .tabular import Sheet

HEADER = {"session", "year"}


def is_calendar(header: list[str]) -> bool:
    """Return True if a header row is exactly `session,year` (any case, spaces ignored)."""
    return {h.strip().lower() for h in header if h.strip()} == HEADER


def read_calendar(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Report how a `session,year` list agrees with the bundled UPR calendar; return no rows to load."""
    header = [h.strip().lower() for h in sheet.rows[0]]
    names = {h.strip().lower(): h.strip() for h in sheet.rows[0]}
    col = {h: i for i, h in enumerate(header)}
    bundled = ctx.reference("upr_session").set_index("session")["year"].to_dict()
    p = ctx.problems
    agree, new = 0, []
    for n, cells in enumerate(sheet.rows[1:], start=2):
        cells = cells + [""] * (len(header) - len(cells))
        session, year = cells[col["session"]].strip(), cells[col["year"]].strip()
        if not session and not year:
            continue
        if not re.fullmatch(r"\d{1,2}", session):
            p.add(n, names["session"], session, "not a UPR session number")
            continue
        if not re.fullmatch(r"\d{4}", year):
            p.add(n, names["year"], year, "not a year (four digits)")
            continue
        s, y = int(session), int(year)
        if s not in bundled:
            new.append(s)
        elif bundled[s] != y:
            p.add(n, names["year"], year, f"session {s} was held in {bundled[s]} by the bundled UPR calendar "
                  "(data/public/upr_session.csv): the bundled year is kept", "warning")  # fmt: skip
        else:
            agree += 1
    if new:
        listed = ", ".join(map(str, sorted(new)))
        p.add(None, names["session"], None, f"session(s) {listed} are not in the bundled calendar yet: re-derive "
              "the public data to add them (python -m hrdash derive-public)", "notice")  # fmt: skip
    p.add(None, None, None, f"a calendar check, not facts: {agree} session(s) agree with the bundled UPR calendar "
          f"(sessions {min(bundled)}–{max(bundled)}); nothing is loaded", "notice")  # fmt: skip
    return {}, {}
