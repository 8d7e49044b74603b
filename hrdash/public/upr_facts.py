"""The UPR facts bundled with the project: the review calendar of cycles 1–2 and cycle 1's recommendations, textless.

Reviews: Terman's sessions.csv (State × session, sessions 1–20) and upr-years.csv (review years of cycles 1 and
2), read by the `upr_lookup` importer. A State and cycle takes its session from sessions.csv where it is listed
there, else only its year from upr-years.csv. Where both give a year they agree, except the two oddities the
files are known for, kept as sessions.csv has them: Haiti, reviewed in session 12 (October 2011; upr-years.csv
says 2010), and South Sudan, listed in session 11 of May 2011 beside Sudan (upr-years.csv has no cycle-1 year).

Recommendations of cycle 1, one source per session so that nothing is counted twice: the UPR Info exports for
sessions 1–9, Terman's year files for sessions 10–12 (each State under review placed in its cycle-1 session by
sessions.csv; Haiti's from haiti2011.csv). Each file is read by its importer (grouping rows into recommendations,
responses, recommending States); the text is then dropped — it is a third party's compilation — after the
instruments it asks the State to join were recognised from it (hrdash/model/recognition.py). Voluntary
pledges are commitments, not recommendations: left out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..model import recognition
from . import DeriveError, tag

Read = Callable[[str], tuple[object, dict[str, pd.DataFrame]]]
Progress = Callable[[str], None]
REVIEW_COLUMNS = ["country_iso3", "cycle", "session", "review_year", "review_date", "national_report",
                  "midterm_report", "source"]  # fmt: skip
REC_COLUMNS = [
    "id", "country_iso3", "mechanism", "rec_date", "cycle", "session", "paragraph", "recommending_states",
    "response", "action_category", "themes", "asks_to_join", "source",
]  # fmt: skip
UPR_INFO = {"upr_info_exports/1-5.csv": range(1, 6), "upr_info_exports/6-9.csv": range(6, 10)}
TERMAN = [f"upr_terman_years/{y}data.csv" for y in (2008, 2009, 2010, 2011)] + ["upr_terman_years/haiti2011.csv"]
TERMAN_SESSIONS = range(10, 13)


def reviews(realdata: Path, read: Read, progress: Progress) -> pd.DataFrame:
    """Return one upr_review row per State and cycle (1 and 2): session where known, review year; the rest NULL."""
    _, by_session = read("upr_terman_years/sessions.csv")
    _, by_year = read("upr_terman_years/upr-years.csv")
    listed = by_session["upr_review"].set_index(["country_iso3", "cycle"])
    years = by_year["upr_review"].set_index(["country_iso3", "cycle"])
    both = listed.join(years["review_year"].rename("year_file"), how="inner")
    for (iso3, cycle), r in both[both["review_year"] != both["year_file"]].iterrows():
        progress(f"           {iso3} cycle {cycle}: session {r['session']} ({r['review_year']}) in sessions.csv, "
                 f"{r['year_file']} in upr-years.csv: the session is kept")  # fmt: skip
    for iso3, cycle in listed.index.difference(years.index):
        progress(
            f"           {iso3} cycle {cycle}: in sessions.csv only (session {listed.at[(iso3, cycle), 'session']})"
        )
    df = pd.concat([listed, years.loc[years.index.difference(listed.index)]]).reset_index()
    df["source"] = tag("upr-terman-2015")
    df = df.sort_values(["cycle", "country_iso3"], kind="stable").reset_index(drop=True)
    return df[REVIEW_COLUMNS].astype({"session": "Int64"})


def _checked_session(df: pd.DataFrame, sessions: pd.Series, rel: str) -> None:
    placed = df["country_iso3"].map(sessions)
    wrong = df[placed != df["session"]]
    if len(wrong):
        r = wrong.iloc[0]
        raise DeriveError(f"{rel}: {r['country_iso3']} is in session {r['session']} there, in {placed[wrong.index[0]]} "
                         "by sessions.csv")  # fmt: skip


def recommendations(realdata: Path, reviews: pd.DataFrame, calendar: pd.DataFrame, read: Read,
                    progress: Progress) -> pd.DataFrame:  # fmt: skip
    """Return cycle 1's UPR recommendations as facts (no text), one source per session."""
    c1 = reviews[(reviews["cycle"] == 1) & reviews["session"].notna()].set_index("country_iso3")["session"].astype(int)
    first_day = calendar.set_index("session")["first_day"]
    frames = []
    for rel, sessions in UPR_INFO.items():
        _, f = read(rel)
        df = f["recommendation"]
        pledges = df["kind"].eq("voluntary pledge")
        df = df[~pledges & df["session"].isin(sessions)]
        _checked_session(df, c1, rel)
        progress(f"           {len(df):,} recommendations of sessions {sessions[0]}–{sessions[-1]}"
                 f"{f'; {int(pledges.sum())} voluntary pledges left out' if pledges.any() else ''}")  # fmt: skip
        frames.append(df.assign(source=tag("upr-info-2015")))
    late = set(c1[c1.isin(TERMAN_SESSIONS)].index)
    found: dict[str, str] = {}
    for rel in TERMAN:
        _, f = read(rel)
        df = f["recommendation"]
        df = df[df["country_iso3"].isin(late)].copy()
        for iso3 in sorted(set(df["country_iso3"])):
            if iso3 in found:
                raise DeriveError(f"{iso3}: recommendations in both {found[iso3]} and {rel}: one source per session")
            found[iso3] = rel
        df["session"] = df["country_iso3"].map(c1)
        df["rec_date"] = pd.to_datetime(df["session"].map(first_day))
        progress(f"           {len(df):,} recommendations of sessions 10–12 ({df['country_iso3'].nunique()} States)")
        frames.append(df.assign(source=tag("upr-terman-2015")))
    if missing := sorted(late - set(found)):
        progress(f"           no recommendations found for {', '.join(missing)} (sessions 10–12)")
    df = pd.concat(frames, ignore_index=True)
    df["asks_to_join"] = [recognition.join_request(t) for t in df["text"]]
    df["action_category"] = df["action_category"].astype("Int64")
    df["cycle"] = 1
    df = df.sort_values(["session", "country_iso3", "id"], kind="stable").reset_index(drop=True)
    asks = int((df["asks_to_join"].map(len) > 0).sum())
    progress(f"           {len(df):,} recommendations to {df['country_iso3'].nunique()} States; {asks:,} ask to join "
             "one of the 18 instruments; texts not bundled")  # fmt: skip
    return df[REC_COLUMNS]
