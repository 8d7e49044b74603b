"""UPR recommendation tables: Terman's year files and the UPR Info database exports (CSV and .xls).

Terman year file: `text,to,decision,From,year[,notes]`, one row per recommending State, review
year only (rec_date = 31 December of it, cycle from the year). UPR Info export: `To,To-Rgrp,
To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session` (the .xls: `SuR,Rgrp,Org,
Recommendation,RS,Rgrp,Org,Response,Action,Issue,Session`); rec_date = first day of the session.
Dropped on purpose: Terman's `notes` (the State's comments), UPR Info's regional groups and
organisations (derivable from the States). UPR Info's action category (1–5) is kept in the stored
import (column action_category), and so is `kind` ('recommendation' / 'voluntary pledge'); both are
loaded as soon as the recommendation table has such columns, e.g.
    alter table recommendation add column action_category integer check (action_category between 1 and 5);
    alter table recommendation add column kind varchar default 'recommendation'
        check (kind in ('recommendation', 'voluntary pledge'));
Until then a voluntary pledge is the row whose recommending State is the State under review itself.
"""

from __future__ import annotations

import re

import pandas as pd

from . import upr
from .context import Context
from .countries import UNKNOWN
from .sniff import repair_mojibake
from .tabular import Sheet

REC_COLUMNS = [
    "id", "country_iso3", "mechanism", "body", "document_symbol", "rec_date", "text", "themes", "affected_groups",
    "cycle", "session", "paragraph", "recommending_states", "response", "implementation",
]  # fmt: skip
UPR_INFO_XLS = ["SuR", "Rgrp", "Org", "Recommendation", "RS", "Rgrp", "Org", "Response", "Action", "Issue", "Session"]
UPR_INFO_CSV = ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue",
                "Session"]  # fmt: skip
_TRAILING_STATES = re.compile(r"\(([^()]+)\)[\s.;)]*$")


def _frame(sheet: Sheet, names: list[str] | None = None) -> pd.DataFrame:
    header = names or [h.strip().lower() for h in sheet.rows[0]]
    width = len(header)
    body = [
        [*(r + [""] * width)[:width], n] for n, r in enumerate(sheet.rows[1:], start=2) if any(c.strip() for c in r)
    ]
    return pd.DataFrame(body, columns=[*header, "_row"], dtype=object)


def _states_from_text(ctx: Context, text: str) -> tuple[str, ...] | None:
    m = _TRAILING_STATES.search(text)
    if not m:
        return None
    res = ctx.countries.resolve(m.group(1), multi=True)
    return res.codes if res.status == "state" else None


def _recommending(ctx: Context, raw: str, n: int, column: str, text: str | None = None) -> tuple[str, ...] | None:
    res = ctx.countries.resolve(raw, multi=True)
    if res.status in ("state", "unknown"):
        return res.codes
    if text is not None and (codes := _states_from_text(ctx, text)):
        names = ", ".join(map(ctx.countries.name_of, codes))
        ctx.problems.add(n, column, raw, f"not a State; the text names {names}, used instead", "warning")
        return codes
    return ctx.state(res, n, column, multi=True)


def _finish(rows: pd.DataFrame, key: list[str], prefix: str, ctx: Context, labels: dict[str, str]) -> pd.DataFrame:
    def warn(row, column, values):
        ctx.problems.add(row, labels.get(column, column), " / ".join(values),
                         "rows of one recommendation disagree: the first row's value is kept", "warning")  # fmt: skip

    grouped = upr.group_recommendations(rows, key, warn, union=("themes",))
    grouped["id"] = [upr.rec_id(prefix, *k) for k in grouped[key].itertuples(index=False)]
    for col in REC_COLUMNS:
        if col not in grouped:
            grouped[col] = None
    grouped["mechanism"] = "UPR"
    grouped["affected_groups"] = [[] for _ in range(len(grouped))]
    extra = [c for c in ("action_category", "kind") if c in grouped]
    return grouped[["_row", *REC_COLUMNS, *extra]]


def read_terman(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return the recommendations of a Terman year file, grouped over recommending States."""
    df = _frame(sheet)
    out, p = [], ctx.problems
    for r in df.to_dict("records"):
        n = r["_row"]
        text = upr.collapse(repair_mojibake(r["text"]))
        sur = ctx.state(ctx.countries.resolve(repair_mojibake(r["to"])), n, "to")
        states = _recommending(ctx, repair_mojibake(r["from"]), n, "From", text)
        decision = r["decision"].strip().lower()
        if decision not in upr.TERMAN_RESPONSE:
            p.add(n, "decision", r["decision"], f"decision must be one of {', '.join(upr.TERMAN_RESPONSE)}")
            continue
        year = r["year"].strip()
        cycle = upr.cycle_of_year(int(year)) if re.fullmatch(r"\d{4}", year) else None
        if cycle is None:
            p.add(n, "year", year, "not a review year the UPR calendar places in one cycle (2008–2021, 2023–2027)")
            continue
        if not text:
            p.add(n, "text", r["text"], "empty recommendation text")
            continue
        if sur is None or states is None:
            continue
        paragraph, body = upr.split_paragraph(text)
        body = re.sub(r"\s+\);$", "", body)  # the parser's leftover " );" after "(State)."
        out.append((n, sur[0], int(year), text, body, paragraph, states, upr.TERMAN_RESPONSE[decision], []))
    rows = pd.DataFrame(out, columns=["_row", "country_iso3", "year", "key_text", "text", "paragraph", "state",
                                      "response", "themes"])  # fmt: skip
    rows["rec_date"] = rows["year"].map(lambda y: f"{y}-12-31")
    rows["cycle"] = rows["year"].map(upr.cycle_of_year)
    labels = {"country_iso3": "to", "recommending_states": "From", "response": "decision", "rec_date": "year",
              "cycle": "year"}  # fmt: skip
    grouped = _finish(rows, ["country_iso3", "year", "key_text"], "terman", ctx, labels)
    return {"recommendation": grouped}, labels


def read_upr_info(ctx: Context, sheet: Sheet) -> tuple[dict[str, pd.DataFrame], dict]:
    """Return the recommendations (and voluntary pledges) of a UPR Info export, CSV or .xls."""
    xls = [h.strip() for h in sheet.rows[0][:11]] == UPR_INFO_XLS
    df = _frame(sheet, UPR_INFO_CSV)
    col = dict(zip(UPR_INFO_CSV, UPR_INFO_XLS)) if xls else {c: c for c in UPR_INFO_CSV}
    out, p = [], ctx.problems
    for v in df.to_dict("records"):
        n = v["_row"]
        sur = ctx.state(ctx.countries.resolve(v["To"]), n, col["To"])
        response = v["Response"].strip().lower()
        if response not in upr.UPR_INFO_RESPONSE:
            p.add(n, col["Response"], v["Response"], "response must be Accepted, Noted, Pending or Voluntary Pledge")
            continue
        pledge = response == "voluntary pledge"
        states = _recommending(ctx, v["From"], n, col["From"])
        if pledge and sur is not None and states is not None and states != sur:
            p.add(n, col["From"], v["From"], "a voluntary pledge is made by the State under review itself", "warning")
        session = v["Session"].strip()
        if not re.fullmatch(r"\d{1,2}", session) or upr.session_date(int(session)) is None:
            p.add(n, col["Session"], session, f"not a UPR session number (1–{max(upr.session_starts())})")
            continue
        action = v["Action"].strip()
        if action and not re.fullmatch(r"[1-5]", action):
            p.add(n, col["Action"], action, "action category must be 1–5: left empty", "warning")
            action = ""
        text = upr.collapse(repair_mojibake(v["Text"]))
        if not text:
            p.add(n, col["Text"], v["Text"], "empty recommendation text")
            continue
        if sur is None or states is None:
            continue
        themes = [t.strip() for t in v["Issue"].split(",") if t.strip()]
        s = int(session)
        category = int(action) if action else None
        kind = "voluntary pledge" if pledge else "recommendation"
        out.append((n, sur[0], s, text, states, upr.UPR_INFO_RESPONSE[response], themes, category,
                    upr.session_date(s), upr.cycle_of_session(s), kind))  # fmt: skip
    rows = pd.DataFrame(out, columns=["_row", "country_iso3", "session", "text", "state", "response", "themes",
                                      "action_category", "rec_date", "cycle", "kind"])  # fmt: skip
    rows["paragraph"] = rows["text"].map(lambda t: upr.split_paragraph(t)[0])
    labels = {"country_iso3": col["To"], "text": col["Text"], "recommending_states": col["From"],
              "response": col["Response"], "themes": col["Issue"], "session": col["Session"],
              "rec_date": col["Session"], "cycle": col["Session"], "action_category": col["Action"]}  # fmt: skip
    grouped = _finish(rows, ["country_iso3", "session", "text"], "uprinfo", ctx, labels)
    grouped["action_category"] = grouped["action_category"].astype("Int64")
    unknown = int(grouped["recommending_states"].map(lambda s: UNKNOWN in s).sum())
    if unknown:
        message = f"{unknown} recommendation(s) have an unknown recommending State: kept, recorded as UNKNOWN"
        p.add(None, col["From"], "&#40;Unknown&#41;", message, "notice")
    return {"recommendation": grouped}, labels
