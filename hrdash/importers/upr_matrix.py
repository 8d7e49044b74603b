"""OHCHR's UPR thematic list of recommendations: the per-State Word (.docx) matrix UN Country Teams work from.

One table: a header row, theme rows (`Theme: …` spanning every column), then one row per
recommendation: `NNN.N <text> (<recommending State>) (<another>);` with the State's position
(Supported / Noted), the themes and affected persons, and in later cycles the SDGs. Headers differ
between cycles (`Recommendation` / `Recommendation and recommending State`, `Position` / `Position
of the State under review`, `Full list of themes` / `Human rights themes and groups of persons`,
`Relevant SDGs`, `Assessment/comments on level of implementation`). Rows are counted in the table,
its header being row 1.

The State under review and the session are not in the table: they come from the CLI / Data page
(--country, --session), else the file name (`UPR20_…`, `upr48-…`, a State's name), else the
document's text. The paragraph number goes to `paragraph`, the States in parentheses at the end to
`recommending_states` (and out of the stored text), the position to `response` (upr.MATRIX_POSITION),
the cycle from the session, rec_date the session's first day (upr.session_starts()), document_symbol the
Working Group report a "Source of position: A/HRC/28/11/Add.1" line names (else a symbol in the
document's text). A session the calendar has no first day for gets 31 December of its year
(reference table upr_session), as year-only sources do, with a notice. Dropped on purpose: the SDGs
and free-text assessments (no column; a notice counts them). An assessment that starts with "fully /
partially / not implemented" is kept as `implementation`.
"""

from __future__ import annotations

import re

import pandas as pd

from . import upr
from .context import Context
from .countries import squash
from .model import Refused
from .tabular import Sheet
from .upr_files import REC_COLUMNS

COLUMNS = {  # squashed header prefix -> role
    "recommendation": "text", "position": "position", "fulllistofthemes": "themes", "humanrightsthemes": "themes",
    "themes": "themes", "affectedpersons": "groups", "groupsofpersons": "groups", "assessment": "assessment",
}  # fmt: skip
IMPLEMENTATION = ("fully implemented", "partially implemented", "not implemented")
_THEME_ROW = re.compile(r"^\s*themes?\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"^[A-Z]\d{1,2}(?:\.\d{1,2})?\s+")  # "A12 Acceptance of international norms"
_GROUPS = re.compile(r"^(?:affected persons|persons affected|groups? of persons)\s*:?\s*(.*)$", re.IGNORECASE)
_THEMES = re.compile(r"^(?:(?:human rights )?themes?|full list of themes)\s*:?\s*(.*)$", re.IGNORECASE)
_SDGS = re.compile(r"^sdgs?\b", re.IGNORECASE)
_GROUP = re.compile(r"\(([^()]+)\)[\s;,.]*$")
_SESSION_IN_NAME = re.compile(r"(?:^|[^a-z])upr[\s_-]*(\d{1,2})(?!\d)")
_SESSION_IN_TEXT = re.compile(r"\b(\d{1,2})\s*(?:st|nd|rd|th)\s+session\b|\bsession\s*(?:no\.?\s*)?(\d{1,2})\b",
                              re.IGNORECASE)  # fmt: skip
_STATE_IN_TEXT = re.compile(r"(?:state under review|recommendations (?:to|for|addressed to)|universal periodic "
                            r"review of|upr of)\s*:?\s*(?:the\s+)?([^|(\n]+)", re.IGNORECASE)  # fmt: skip
_SYMBOL = re.compile(r"\bA/HRC/\d{1,2}/\d{1,3}(?:/Add\.\d)?")
_SOURCE = re.compile(r"^\s*source of position\s*:\s*(.*)$", re.IGNORECASE)
# Words of a file name that are not the State's name ("UPR20_Angola_thematic_list_of_recommendations").
_NOISE = {
    "upr", "thematic", "list", "lists", "of", "recommendations", "recommendation", "matrix", "matrice", "en", "eng",
    "english", "final", "web", "session", "cycle", "the", "and", "by", "theme", "themes", "to",
}  # fmt: skip


def matrix_header(rows: list[list[str]]) -> int | None:
    """Return the index of the header row (`Recommendation …`, `Position …`) among a table's first rows, or None."""
    for i, row in enumerate(rows[:3]):
        keys = [squash(c) for c in row]
        if any(k.startswith("recommendation") for k in keys) and any(k.startswith("position") for k in keys):
            return i
    return None


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = squash(cell)
        role = "sdgs" if "sdg" in key else next((r for prefix, r in COLUMNS.items() if key.startswith(prefix)), None)
        if role and role not in roles:
            roles[role] = i
    return roles


def _state_from_name(ctx: Context) -> tuple[str, ...] | None:
    tokens = [t for t in re.split(r"[\s_.\-]+", ctx.stem) if t and t not in _NOISE and not re.search(r"\d", t)]
    for candidate in [" ".join(tokens), *tokens]:
        res = ctx.countries.resolve(candidate) if candidate else None
        if res is not None and res.status == "state" and len(res.codes) == 1:
            return res.codes
    return None


def _state_from_text(ctx: Context, text: str) -> tuple[str, ...] | None:
    for m in _STATE_IN_TEXT.finditer(text):
        res = ctx.countries.resolve(re.split(r"\s+[-–—:]\s+|,|\s+\d", m.group(1))[0])
        if res.status == "state" and len(res.codes) == 1:
            return res.codes
    for line in text.splitlines()[:15]:  # a heading that is the State's name, or starts with it ("Angola – cycle 2")
        for candidate in dict.fromkeys([line, re.split(r"\s+[-–—:|]\s+|,|\s+\(", line)[0]]):
            res = ctx.countries.resolve(candidate)
            if res.status == "state" and len(res.codes) == 1:
                return res.codes
    return None


def review(ctx: Context, sheet: Sheet) -> tuple[str, int]:
    """Return (State under review, session) from the user, the file name or the document's text; or refuse."""
    text = sheet.meta.get("text", sheet.context)
    if ctx.country:
        res = ctx.countries.resolve(ctx.country)
        if res.status != "state" or len(res.codes) != 1:
            raise Refused(f"--country {ctx.country!r} is not a State of the country table")
        sur = res.codes
    else:
        sur = _state_from_name(ctx) or _state_from_text(ctx, text)
    if ctx.session:
        session = int(ctx.session)
    elif m := _SESSION_IN_NAME.search(ctx.stem):
        session = int(m.group(1))
    elif m := _SESSION_IN_TEXT.search(text):
        session = int(m.group(1) or m.group(2))
    else:
        session = None
    missing = [w for w, v in (("State under review", sur), ("session", session)) if not v]
    if missing:
        verb, them = ("are", "them") if len(missing) == 2 else ("is", "it")
        raise Refused(f"the {' and the '.join(missing)} of this UPR matrix {verb} neither in the file name (e.g. "
                      f"UPR20_Angola.docx, upr48-….docx) nor in the document's text: name {them} (CLI --country ISO3 "
                      "--session N; on the Data page, the fields under Options)")  # fmt: skip
    return sur[0], session


def _date(ctx: Context, session: int) -> str:
    """Return rec_date for a session: its first day; else 31 December of its year (upr_session); else refuse."""
    if day := upr.session_date(session):
        return day
    years = ctx.reference("upr_session").set_index("session")["year"]
    if session in years.index:
        ctx.problems.add(None, "session", str(session), f"the UPR calendar has no first day for session {session}: "
                         "rec_date is 31 December of its year (reference table upr_session), as for year-only "
                         "sources", "notice")  # fmt: skip
        return f"{int(years[session])}-12-31"
    raise Refused(
        f"session {session} is not in the UPR calendar (first days of sessions 1–{max(upr.session_starts())} "
        "in hrdash/importers/upr.py, years in data/reference/upr_session.csv): its date is not known"
    )


def _position_source(cell: str) -> tuple[str, str | None]:
    """Return (the recommendation cell without its "Source of position: A/HRC/28/11/Add.1" line, the report's symbol).

    The position comes from the addendum; the recommendation is in the Working Group's report itself,
    whose symbol (without "/Add.N") is kept as document_symbol.
    """
    kept, symbol = [], None
    for line in cell.splitlines():
        if m := _SOURCE.match(line):
            found = _SYMBOL.search(m.group(1))
            symbol = symbol or (re.sub(r"/Add\.\d+$", "", found.group()) if found else None)
        else:
            kept.append(line)
    return "\n".join(kept), symbol


def _labels(cell: str) -> tuple[list[str], list[str]]:
    """Return (themes, affected persons) of a themes cell: lines, with "Affected persons:" starting the groups."""
    themes, groups, mode = [], [], "themes"
    for line in cell.splitlines():
        line = line.strip()
        if m := _GROUPS.match(line):
            mode, line = "groups", m.group(1)
        elif m := _THEMES.match(line):
            mode, line = "themes", m.group(1)
        elif _SDGS.match(line):
            mode, line = "skip", ""
        item = _CODE.sub("", re.sub(r"^[-–•·]\s*", "", line)).strip(" ;,")
        if item and mode != "skip":
            (themes if mode == "themes" else groups).append(item)
    return themes, groups


def _states(ctx: Context, body: str, n: int, column: str) -> tuple[str, tuple[str, ...] | None]:
    """Return (text without the trailing "(State) (State);", their ISO3 codes), reporting a missing or unknown one."""
    body, codes = body.rstrip(" ;,."), ()
    while m := _GROUP.search(body):
        res = ctx.countries.resolve(m.group(1), multi=True)
        if res.status != "state":
            if not codes:
                return body, ctx.state(res, n, column, multi=True)  # the last group must name the State(s)
            break
        codes = res.codes + codes
        body = body[: m.start()].rstrip(" ;,.")
    if not codes:
        ctx.problems.add(n, column, body[-80:], "no recommending State in parentheses at the end (expected "
                         "'NNN.N text (State);')")  # fmt: skip
        return body, None
    return body, tuple(dict.fromkeys(codes))


def read_upr_matrix(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return the recommendations of an OHCHR UPR matrix (.docx), grouped like the other UPR formats."""
    h = matrix_header(sheet.rows)
    if h is None:
        raise Refused("no header row with a 'Recommendation' and a 'Position' column: not an OHCHR UPR matrix")
    header = [" ".join(c.split()) for c in sheet.rows[h]]
    col = _roles(header)
    sur, session = review(ctx, sheet)
    ctx.detail = f"{sur}, session {session}"  # the logical source: a newer matrix of this review replaces it
    cycle = upr.cycle_of_session(session)
    if cycle is None:
        raise Refused(f"session {session} is not a UPR Working Group session (1–54)")
    day, p = _date(ctx, session), ctx.problems
    symbol = next(iter(_SYMBOL.findall(sheet.meta.get("text", ""))), None)
    theme, out, dropped = None, [], {"sdgs": 0, "assessment": 0}
    for n, cells in enumerate(sheet.rows[h + 1 :], start=h + 2):
        cells = cells + [""] * (len(header) - len(cells))
        if not any(c.strip() for c in cells):
            continue
        if (m := _THEME_ROW.match(cells[0])) and {c.strip() for c in cells[1:]} <= {cells[0].strip(), ""}:
            theme = _CODE.sub("", " ".join(m.group(1).split()))
            continue

        def get(role: str, cells=cells) -> str:
            return cells[col[role]].strip() if role in col else ""

        cell, source = _position_source(get("text"))
        raw = upr.collapse(cell)
        if not raw:
            p.add(n, header[col["text"]], raw, "empty recommendation")
            continue
        paragraph, body = upr.split_paragraph(raw)
        text, states = _states(ctx, body, n, header[col["text"]])
        position = get("position").lower().rstrip(" .")
        if position not in upr.MATRIX_POSITION:
            p.add(n, header[col["position"]], get("position"), "position must be one of "
                  + ", ".join(t.capitalize() for t in upr.MATRIX_POSITION if t))  # fmt: skip
            continue
        if not position:
            p.add(n, header[col["position"]], "", "no position: response left empty (not known)", "warning")
        themes, groups = _labels(get("themes"))
        groups += [g for part in _labels(get("groups")) for g in part]  # a column of its own: all groups
        themes = list(dict.fromkeys(([theme] if theme else []) + themes))
        groups = list(dict.fromkeys(groups))
        assessment = get("assessment")
        implementation = next((i for i in IMPLEMENTATION if assessment.lower().startswith(i)), None)
        dropped["assessment"] += bool(assessment) and implementation is None
        dropped["sdgs"] += bool(get("sdgs"))
        if states is None:
            continue
        out.append((n, sur, session, raw, text, paragraph, states, upr.MATRIX_POSITION[position], themes, groups,
                    implementation, source or symbol))  # fmt: skip
    why = {"sdgs": "the database has no column for SDGs", "assessment": "only an assessment that starts with "
           "'fully / partially / not implemented' is kept (as implementation)"}  # fmt: skip
    for role, count in dropped.items():
        if count:
            p.add(None, header[col[role]], None, f"{count} row(s) fill this column: not stored ({why[role]})", "notice")
    rows = pd.DataFrame(out, columns=["_row", "country_iso3", "session", "key_text", "text", "paragraph", "state",
                                      "response", "themes", "affected_groups", "implementation",
                                      "document_symbol"])  # fmt: skip
    labels = {"text": header[col["text"]], "recommending_states": header[col["text"]],
              "response": header[col["position"]], "themes": header[col.get("themes", col["text"])]}  # fmt: skip

    def warn(row, column, values):
        p.add(row, labels.get(column, column), " / ".join(values), "rows of one recommendation disagree: the first "
              "row's value is kept", "warning")  # fmt: skip

    key = ["country_iso3", "session", "key_text"]
    grouped = upr.group_recommendations(rows, key, warn, union=("themes", "affected_groups"))
    grouped["id"] = [upr.rec_id("uprmatrix", *k) for k in grouped[key].itertuples(index=False)]
    grouped = grouped.assign(mechanism="UPR", body=None, rec_date=day, cycle=cycle)
    grouped["session"] = grouped["session"].astype("Int64")
    return {"recommendation": grouped[["_row", *REC_COLUMNS]]}, labels
