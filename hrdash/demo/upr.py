"""Demo UPR reviews and recommendations of all mechanisms (UPR, treaty bodies, Special Procedures)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DEMO, rng, to_date_series
from .texts import AFFECTED_GROUPS, CLOSINGS, INSTRUMENT_NAMES, OPENINGS, RATIFY_OPENINGS, THEMES

# Working-group sessions: number -> (cycle, first day). Cycle 1 reviewed all 193 members.
SESSIONS = {
    1: "2008-04-07", 2: "2008-05-05", 3: "2008-12-01", 4: "2009-02-02", 5: "2009-05-04",
    6: "2009-11-30", 7: "2010-02-08", 8: "2010-05-03", 9: "2010-11-01", 10: "2011-01-24",
    11: "2011-05-02", 12: "2011-10-03", 13: "2012-05-21", 14: "2012-10-22", 15: "2013-01-21",
    16: "2013-04-22", 17: "2013-10-21", 18: "2014-01-27", 19: "2014-04-28", 20: "2014-10-27",
    21: "2015-01-19", 22: "2015-05-04", 23: "2015-11-02", 24: "2016-01-18", 25: "2016-05-02",
    26: "2016-10-31", 27: "2017-05-01", 28: "2017-11-06",
}  # fmt: skip
CYCLE_SESSIONS = {1: range(1, 13), 2: range(13, 27), 3: range(27, 29)}
# Mean recommendations per review: cycle 1 about 21,000 in all, cycle 2 about 36,000.
RECS_PER_REVIEW = {1: 103, 2: 176, 3: 216}  # lognormal noise below adds about 6%
SUPPORTED_SHARE = 0.7
RATIFY_SHARE = 0.04  # of UPR recommendations that ask to join a treaty
_THEME_NAMES = list(THEMES)


def cycle_of(session: int) -> int:
    return next(c for c, s in CYCLE_SESSIONS.items() if session in s)


def reviews(country: pd.DataFrame) -> pd.DataFrame:
    """Return one UPR review per member State and cycle; cycle 3 only for its 2017 sessions."""
    r = rng("upr_review")
    order = r.permutation(country[country["un_member"]]["iso3"].to_numpy())
    rows = []
    for cycle, sessions in CYCLE_SESSIONS.items():
        per_cycle = len(CYCLE_SESSIONS[1]) if cycle == 1 else len(CYCLE_SESSIONS[2])
        groups = np.array_split(order, per_cycle)
        for session, states in zip(sessions, groups):
            for c in states:
                review = np.datetime64(SESSIONS[session]) + int(r.integers(0, 10))
                midterm = cycle < 3 and r.random() < (0.25 if cycle == 1 else 0.35)
                rows.append((c, cycle, session, review, bool(r.random() < 0.97), midterm))
    df = pd.DataFrame(
        rows, columns=["country_iso3", "cycle", "session", "review_date", "national_report", "midterm_report"]
    )
    df["review_date"] = to_date_series(df["review_date"])
    df.insert(3, "review_year", df["review_date"].dt.year.astype("int64"))
    df["source"] = DEMO
    return df


def _texts(r: np.random.Generator, theme_idx: np.ndarray) -> list[str]:
    opening = r.integers(0, len(OPENINGS), len(theme_idx))
    closing = r.integers(0, len(CLOSINGS), len(theme_idx))
    variant = r.integers(0, 2, len(theme_idx))
    return [
        f"{OPENINGS[o]} {(a := THEMES[_THEME_NAMES[t]])[v % len(a)]}{CLOSINGS[c]}."
        for t, o, c, v in zip(theme_idx, opening, closing, variant)
    ]


def _ratify_texts(r: np.random.Generator, codes: list[str]) -> list[str]:
    out = []
    for c in codes:
        names = INSTRUMENT_NAMES[c]
        out.append(f"{RATIFY_OPENINGS[int(r.integers(len(RATIFY_OPENINGS)))]} {names[int(r.integers(len(names)))]}.")
    return out


def _responses(r: np.random.Generator, cycle: np.ndarray, session: np.ndarray) -> np.ndarray:
    resp = np.where(r.random(len(cycle)) < SUPPORTED_SHARE, "supported", "noted").astype(object)
    resp[session == max(SESSIONS)] = "pending"  # the last session's responses are not in yet
    return resp


def _implementation(r: np.random.Generator, response: np.ndarray, cycle: np.ndarray) -> np.ndarray:
    known = (response == "supported") & (cycle < 3) & (r.random(len(cycle)) < 0.6)
    status = r.choice(
        ["fully implemented", "partially implemented", "not implemented"], len(cycle), p=[0.2, 0.45, 0.35]
    )
    return np.where(known, status, None)


def upr_recommendations(
    review: pd.DataFrame, ratification: pd.DataFrame, country: pd.DataFrame, scale: int
) -> pd.DataFrame:
    """Return UPR recommendations per review; some ask to ratify a treaty the State has not joined."""
    r = rng("recommendation-upr")
    counts = np.maximum(5, r.lognormal(0, 0.35, len(review)) * review["cycle"].map(RECS_PER_REVIEW).to_numpy() * scale)
    counts = counts.astype(int)
    rep = review.loc[review.index.repeat(counts)].reset_index(drop=True)
    n = len(rep)
    theme_idx = r.integers(0, len(_THEME_NAMES), n)
    text = np.array(_texts(r, theme_idx), dtype=object)
    themes = [[_THEME_NAMES[t]] for t in theme_idx]
    # Treaty recommendations: only for treaties the State was not party to at its review.
    party = ratification.dropna(subset=["consent_date"]).set_index(["country_iso3", "instrument"])["consent_date"]
    ratify_rows = np.flatnonzero(r.random(n) < RATIFY_SHARE)
    ratify_codes = r.choice(list(INSTRUMENT_NAMES), len(ratify_rows))
    consent = [party.get((rep.at[i, "country_iso3"], code)) for i, code in zip(ratify_rows, ratify_codes)]
    keep = [i for i, d in zip(ratify_rows, consent) if d is None or d > rep.at[i, "review_date"]]
    codes = dict(zip(ratify_rows, ratify_codes))
    text[keep] = _ratify_texts(r, [codes[i] for i in keep])
    for i in keep:
        themes[i] = ["ratification of treaties"]
    states = country[country["un_member"]]["iso3"].to_numpy()
    n_states = np.where(r.random(n) < 0.06, r.integers(2, 4, n), 1)
    recommenders = [r.choice(states, k, replace=False).tolist() for k in n_states]
    cycle = rep["cycle"].to_numpy()
    response = _responses(r, cycle, rep["session"].to_numpy())
    df = pd.DataFrame(
        {
            "country_iso3": rep["country_iso3"],
            "mechanism": "UPR",
            "body": None,
            "document_symbol": [f"A/HRC/WG.6/{s}/L.{int(k)}" for s, k in zip(rep["session"], r.integers(1, 17, n))],
            "rec_date": rep["review_date"],
            "text": text,
            "themes": themes,
            "affected_groups": [[AFFECTED_GROUPS[t[0]]] if t[0] in AFFECTED_GROUPS else [] for t in themes],
            "cycle": cycle,
            "session": rep["session"].to_numpy(),
            "paragraph": [
                f"{90 + int(c)}.{i + 1}" for c, i in zip(cycle, rep.groupby(["country_iso3", "cycle"]).cumcount())
            ],
            "recommending_states": recommenders,
            "response": response,
            "implementation": _implementation(r, response, cycle),
        }
    )
    df.insert(0, "id", [f"demo-upr-{i:07d}" for i in range(n)])
    df["source"] = DEMO
    return df


def other_recommendations(tb_report: pd.DataFrame, sp_visit: pd.DataFrame) -> pd.DataFrame:
    """Return treaty-body concluding observations and Special Procedures visit recommendations (not scaled)."""
    r = rng("recommendation-other")
    tb = tb_report.dropna(subset=["reviewed_date"])
    tb = pd.DataFrame(
        {"country_iso3": tb["country_iso3"], "mechanism": "treaty body", "body": tb["body"],
         "rec_date": tb["reviewed_date"],
         "document_symbol": [f"{b}/C/{c}/CO/{k}" for b, c, k in zip(tb["body"], tb["country_iso3"], tb["report_no"])]}
    )  # fmt: skip
    sp = sp_visit[sp_visit["status"] == "completed"]
    sp = pd.DataFrame(
        {"country_iso3": sp["country_iso3"], "mechanism": "special procedure", "body": sp["mandate_code"],
         "rec_date": sp["end_date"] + pd.Timedelta(days=240), "document_symbol": sp["report_symbol"]}
    )  # fmt: skip
    src = pd.concat([tb, sp], ignore_index=True)
    src = src.loc[src.index.repeat(r.integers(3, 9, len(src)))].reset_index(drop=True)
    theme_idx = r.integers(0, len(_THEME_NAMES), len(src))
    src["text"] = _texts(r, theme_idx)
    src["themes"] = [[_THEME_NAMES[t]] for t in theme_idx]
    src["affected_groups"] = [[AFFECTED_GROUPS[t[0]]] if t[0] in AFFECTED_GROUPS else [] for t in src["themes"]]
    src["paragraph"] = (src.groupby(["document_symbol", "body"], dropna=False).cumcount() + 8).astype(str)
    src["cycle"] = None
    src["session"] = None
    src["recommending_states"] = None
    src["response"] = None
    src["implementation"] = None
    src.insert(0, "id", [f"demo-rec-{i:07d}" for i in range(len(src))])
    src["source"] = DEMO
    return src
