"""Demo UPR reviews and recommendations of all mechanisms (UPR, treaty bodies, Special Procedures).

Only what the bundled public facts do not cover: the real UPR calendar (upr_session) and the real reviews of
cycles 1–2 and recommendations of cycle 1 (sessions 1–12) are data/public. The demo adds the reviews of cycles 3
and 4 (sessions 27–53, the years of the real calendar) and recommendations for the sessions without real ones
(13–53): on the real cycle-2 reviews and on the demo cycle-3 and cycle-4 reviews.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DEMO, LAST_YEAR, is_party, rng, to_date_series
from .texts import AFFECTED_GROUPS, CLOSINGS, INSTRUMENT_NAMES, OPENINGS, RATIFY_OPENINGS, THEMES

DEMO_CYCLES = (3, 4)  # cycles 1 and 2 are reviewed in the public data
SESSIONS_PER_CYCLE = 14  # cycles 2, 3 and 4 have 14 sessions each (cycle 1 had 12)
# Mean recommendations per review: cycle 2 had about 36,000 in all, later cycles a few more per review.
RECS_PER_REVIEW = {2: 176, 3: 216, 4: 230}  # lognormal noise below adds about 6%
SUPPORTED_SHARE = 0.7
RATIFY_SHARE = 0.04  # of UPR recommendations that ask to join a treaty
_THEME_NAMES = list(THEMES)


def session_days(upr_session: pd.DataFrame) -> dict[int, np.datetime64]:
    """Return a first day per session: the real one where the calendar has it, else a demo one.

    A session without a checked first day (49–53) is placed 364 days (52 weeks) after the session three before it
    — three sessions a year, each in the same season — which keeps it in the year the calendar gives it.
    """
    days: dict[int, np.datetime64] = {}
    for s in upr_session.sort_values("session").itertuples():
        known = s.first_day is not None and not pd.isna(s.first_day)
        days[s.session] = np.datetime64(pd.Timestamp(s.first_day).date()) if known else days[s.session - 3] + 364
        if int(str(days[s.session])[:4]) != s.year:
            raise ValueError(f"demo date of UPR session {s.session} ({days[s.session]}) is not in {s.year}")
    return days


def reviews(country: pd.DataFrame, upr_session: pd.DataFrame, public_reviews: pd.DataFrame) -> pd.DataFrame:
    """Return demo UPR reviews of cycles 3 and 4: each member State in the place it had in cycle 2.

    The order of the real cycle-2 reviews (session, else year, then the cycle-1 session) is cut into 14 sessions
    per cycle; cycle 4's last session (54) is not in the calendar yet, so its States have no cycle-4 review.
    """
    r = rng("upr_review")
    days = session_days(upr_session)
    members = set(country.loc[country["un_member"], "iso3"])
    c1 = public_reviews[public_reviews["cycle"] == 1].set_index("country_iso3")["session"]
    c2 = public_reviews[(public_reviews["cycle"] == 2) & public_reviews["country_iso3"].isin(members)].copy()
    c2["c1"] = c2["country_iso3"].map(c1).fillna(99)
    c2["slot"] = c2["session"].astype("Float64").fillna(99)
    order = c2.sort_values(["review_year", "slot", "c1", "country_iso3"], kind="stable")["country_iso3"].to_numpy()
    missing = sorted(members - set(order))  # a member without a cycle-2 review: placed last
    order = np.concatenate([order, np.array(missing, dtype=object)])
    first = dict(zip(*np.unique(upr_session["cycle"], return_index=True)))
    rows = []
    for cycle in DEMO_CYCLES:
        start = int(upr_session["session"].iloc[first[cycle]])
        for k, states in enumerate(np.array_split(order, SESSIONS_PER_CYCLE)):
            session = start + k
            if session not in days:
                continue
            for c in states:
                review = days[session] + int(r.integers(0, 10))
                midterm = bool(r.random() < 0.4) if cycle == 3 else bool(review < np.datetime64("2024-01-01") and
                                                                          r.random() < 0.2)  # fmt: skip
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


def _responses(r: np.random.Generator, session: np.ndarray, last_session: int) -> np.ndarray:
    resp = np.where(r.random(len(session)) < SUPPORTED_SHARE, "supported", "noted").astype(object)
    resp[session == last_session] = "pending"  # the last session's responses are not in yet
    return resp


def _implementation(r: np.random.Generator, response: np.ndarray, cycle: np.ndarray) -> np.ndarray:
    known = (response == "supported") & (cycle < 4) & (r.random(len(cycle)) < 0.6)
    status = r.choice(
        ["fully implemented", "partially implemented", "not implemented"], len(cycle), p=[0.2, 0.45, 0.35]
    )
    return np.where(known, status, None)


def _recommenders(r: np.random.Generator, states: np.ndarray, n: int) -> list[list[str]]:
    """Return the recommending States of n recommendations: one State, or 2–3 for about 6% of them."""
    first = states[r.integers(0, len(states), n)]
    out = [[s] for s in first.tolist()]
    for i in np.flatnonzero(r.random(n) < 0.06):
        out[i] = r.choice(states, int(r.integers(2, 4)), replace=False).tolist()
    return out


def review_dates(reviews: pd.DataFrame, days: dict[int, np.datetime64]) -> np.ndarray:
    """Return the date a review's recommendations carry: its review date, its session's first day, or, for a review
    known only by its year, 31 December of that year (the convention of the year-only sources)."""
    by_session = reviews["session"].map(lambda s: days.get(int(s)) if pd.notna(s) else None)
    year_end = (reviews["review_year"].astype(str) + "-12-31").to_numpy(dtype="datetime64[D]")
    given = reviews["review_date"].to_numpy(dtype="datetime64[D]")
    return np.where(~np.isnat(given), given, np.where(by_session.notna(), by_session.to_numpy(), year_end)).astype(
        "datetime64[D]"
    )


def upr_recommendations(
    review: pd.DataFrame, ratification: pd.DataFrame, country: pd.DataFrame, upr_session: pd.DataFrame, scale: int
) -> pd.DataFrame:
    """Return UPR recommendations per review of cycles 2–4; "ratify X" only to a State not party to X then."""
    r = rng("recommendation-upr")
    review = review[review["cycle"] >= 2].reset_index(drop=True)
    days = session_days(upr_session)
    counts = np.maximum(5, r.lognormal(0, 0.35, len(review)) * review["cycle"].map(RECS_PER_REVIEW).to_numpy() * scale)
    rep = review.loc[review.index.repeat(counts.astype(int))].reset_index(drop=True)
    rec_date = np.repeat(review_dates(review, days), counts.astype(int))
    n = len(rep)
    theme_idx = r.integers(0, len(_THEME_NAMES), n)
    text = np.array(_texts(r, theme_idx), dtype=object)
    themes = [[_THEME_NAMES[t]] for t in theme_idx]
    # Treaty recommendations: only for treaties the State was not party to at its review (the public status).
    status = ratification.set_index(["country_iso3", "instrument"])[["consent_date", "denounced_date"]]
    ratify_rows = np.flatnonzero(r.random(n) < RATIFY_SHARE)
    ratify_codes = r.choice(list(INSTRUMENT_NAMES), len(ratify_rows))
    asked = status.reindex(pd.MultiIndex.from_arrays([rep["country_iso3"].to_numpy()[ratify_rows], ratify_codes]))
    consent = pd.to_datetime(asked["consent_date"]).to_numpy(dtype="datetime64[D]")
    denounced = pd.to_datetime(asked["denounced_date"]).to_numpy(dtype="datetime64[D]")
    keep = ratify_rows[~is_party(consent, denounced, rec_date[ratify_rows])]
    codes = dict(zip(ratify_rows, ratify_codes))
    text[keep] = _ratify_texts(r, [codes[i] for i in keep])
    for i in keep:
        themes[i] = ["International instruments"]
    states = country[country["un_member"]]["iso3"].to_numpy()
    recommenders = _recommenders(r, states, n)
    cycle = rep["cycle"].to_numpy()
    session = rep["session"].astype("Int64").to_numpy(dtype="float64", na_value=np.nan)
    response = _responses(r, session, int(upr_session["session"].max()))
    letters = r.integers(1, 17, n)
    df = pd.DataFrame(
        {
            "country_iso3": rep["country_iso3"],
            "mechanism": "UPR",
            "body": None,
            "document_symbol": [
                None if np.isnan(s) else f"A/HRC/WG.6/{int(s)}/L.{int(k)}" for s, k in zip(session, letters)
            ],  # fmt: skip
            "rec_date": to_date_series(rec_date),
            "text": text,
            "themes": themes,
            "affected_groups": [[AFFECTED_GROUPS[t[0]]] if t[0] in AFFECTED_GROUPS else [] for t in themes],
            "cycle": cycle,
            "session": rep["session"].astype("Int64").to_numpy(),
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
    sp = sp[sp["end_date"] + pd.Timedelta(days=240) <= pd.Timestamp(f"{LAST_YEAR}-12-31")]  # reports not out yet
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
