"""What the UPR formats share: the session calendar, cycles, responses, and grouping rows into recommendations.

A recommendation made by several States comes as one row per recommending State. Rows with
the same State under review, the same session (or review year) and the same text once
whitespace is collapsed are one recommendation with several recommending States.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache

import pandas as pd

from ..public import CALENDAR
from . import context


@cache
def session_starts() -> dict[int, str]:
    """Return {session: first day (ISO)} of the sessions whose first day the UPR calendar has checked.

    The calendar is the table upr_session (data/public/upr_session.csv, loaded by hrdash/db/reference.py, as for the
    demo generator). The review of a State falls within its session's two weeks; rec_date is the session's first day
    when only the session is known.
    """
    cal = context.reference(CALENDAR)
    return {int(s): pd.Timestamp(d).date().isoformat() for s, d in zip(cal["session"], cal["first_day"]) if pd.notna(d)}


CYCLE_FIRST_SESSION = {1: 1, 2: 13, 3: 27, 4: 41}

# Terman year files: the working group's decision as parsed from its report.
TERMAN_RESPONSE = {
    "support": "supported",  # "enjoy the support of" the State under review
    "implemented": "supported",  # "already implemented or in the process of implementation": accepted
    "implement": "supported",
    "consider": "pending",  # "will be examined by" the State, which answers later
    "reject": "noted",  # "did not enjoy the support": the UN calls these "noted" since cycle 2
    "noted": "noted",  # the year files from 2012 on use the official term of the second cycle
    "unknown": None,  # the parser could not tell: no response recorded
}
# UPR Info database: Accepted / Noted; a voluntary pledge is a commitment, not a response.
UPR_INFO_RESPONSE = {
    "accepted": "supported",
    "supported": "supported",
    "noted": "noted",
    "rejected": "noted",
    "pending": "pending",
    "voluntary pledge": None,
}
UHRI_RESPONSE = {"supported": "supported", "noted": "noted", "pending": "pending", "accepted": "supported"}
# OHCHR's UPR matrices (.docx): the position of the State under review; blank = not known (a warning).
MATRIX_POSITION = {"supported": "supported", "noted": "noted", "accepted": "supported", "pending": "pending",
                   "": None}  # fmt: skip
# Every format's response terms, as the data dictionary lists them: {format (its column): mapping above}.
RESPONSE_TERMS = {
    "Terman UPR year file (decision)": TERMAN_RESPONSE,
    "UPR Info export (Response)": UPR_INFO_RESPONSE,
    "UHRI export (UPR Position)": UHRI_RESPONSE,
    "OHCHR UPR matrix, .docx (Position)": MATRIX_POSITION,
}

_PARAGRAPH = re.compile(r"^\s*(\d{1,3}(?:\.{1,2}\d{1,3})+)\.?\s+")


def session_date(session: int) -> str | None:
    """Return the first day of a UPR Working Group session (ISO), or None if unknown."""
    return session_starts().get(session)


def cycle_of_session(session: int) -> int | None:
    """Return the UPR cycle of a session number (1–12: cycle 1, 13–26: 2, 27–40: 3, 41–54: 4)."""
    if 1 <= session <= 54:
        return max(c for c, first in CYCLE_FIRST_SESSION.items() if session >= first)
    return None


def cycle_of_date(day: dt.date) -> int | None:
    """Return the UPR cycle a review date falls in (None before the first session)."""
    if day < dt.date(2008, 4, 7):
        return None
    firsts = {c: dt.date.fromisoformat(session_starts()[s]) for c, s in CYCLE_FIRST_SESSION.items()}
    return max(c for c, first in firsts.items() if day >= first)


def cycle_of_year(year: int) -> int | None:
    """Return the UPR cycle of a review year; None for 2022, which is split between cycles 3 and 4."""
    if 2008 <= year <= 2011:
        return 1
    if 2012 <= year <= 2016:
        return 2
    if 2017 <= year <= 2021:
        return 3
    if 2023 <= year <= 2027:
        return 4
    return None


def collapse(text: str) -> str:
    """Return text with runs of whitespace collapsed to one space and the ends trimmed."""
    return " ".join(str(text).split())


def split_paragraph(text: str) -> tuple[str | None, str]:
    """Return (paragraph number, text without it): "69.1 The establishment ..." -> ("69.1", "The ...")."""
    m = _PARAGRAPH.match(text)
    if not m:
        return None, text
    return m.group(1).replace("..", "."), text[m.end() :]


def rec_id(prefix: str, *key: object) -> str:
    """Return a stable recommendation id from the grouping key (same key, same id, every import)."""
    return f"{prefix}-" + hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:16]


def group_recommendations(rows: pd.DataFrame, key: list[str], warn, union: tuple[str, ...] = ()) -> pd.DataFrame:
    """Return one row per recommendation from one row per recommending State.

    `rows` has the key columns, `_row`, `state` (the ISO3 codes of that row's State(s)) and other
    columns, whose first value (in file order) is kept; `warn(row, column, values)` is told when the
    rows of one recommendation disagree. List columns named in `union` are merged instead.
    """
    if rows.empty:
        return rows.drop(columns="state").assign(recommending_states=[])
    rows = rows.sort_values("_row", kind="stable")
    columns = list(rows.columns)
    k_idx = [columns.index(k) for k in key]
    s_idx, u_idx = columns.index("state"), {columns.index(c) for c in union}
    checked = [i for i, c in enumerate(columns) if c not in (*key, "_row", "state", "id") and i not in u_idx]
    groups: dict[tuple, list] = {}
    for values in rows.itertuples(index=False, name=None):
        k = tuple(values[i] for i in k_idx)
        g = groups.get(k)
        if g is None:
            groups[k] = [list(values), dict.fromkeys(values[s_idx]), {i: dict.fromkeys(values[i]) for i in u_idx}, {}]
            continue
        g[1].update(dict.fromkeys(values[s_idx]))
        for i in u_idx:
            g[2][i].update(dict.fromkeys(values[i]))
        for i in checked:
            if values[i] != g[0][i] and not (pd.isna(values[i]) and pd.isna(g[0][i])):
                g[3].setdefault(i, {g[0][i]}).add(values[i])
    out = []
    for first, states, merged, differing in groups.values():
        for i, found in differing.items():
            warn(int(first[columns.index("_row")]), columns[i], sorted(map(str, found)))
        for i, items in merged.items():
            first[i] = list(items)
        first[s_idx] = list(states)
        out.append(first)
    return pd.DataFrame(out, columns=columns).rename(columns={"state": "recommending_states"})
