"""The profile's every-year frames, cut to the years on screen.

Several profile queries return every year (a `year` column in their grain) rather than the years asked
for, so that the page keeps one result per country and a change of the sidebar years needs no query:
these functions pick, sum or fill in the years here. Each takes one country's frame (without its
country column) and returns what the year-bound query returned before.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

COMMUNICATIONS = ["communications", "replied", "urgent_appeals", "joint"]
SUBMISSIONS = ["nhri", "national_ngo", "coalition", "international_ngo", "submissions"]
RESPONSES = ["supported", "noted", "pending", "recommendations"]
IMPLEMENTATION = ["fully_implemented", "partially_implemented", "not_implemented", "status_unknown", "recommendations"]
MECHANISMS = ["UPR", "treaty body", "special procedure"]  # the order the profile lists them in
TOP_THEMES = 10


def in_years(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the rows whose `year` is in the range, in their order."""
    year = df["year"]
    return df[(year >= year_from) & (year <= year_to)].reset_index(drop=True)


# The two below add up a few dozen rows in plain Python: pandas' merge and groupby cost milliseconds each
# here, which is most of a change of years once the queries come from the cache.


def every_year(df: pd.DataFrame, year_from: int, year_to: int, columns: list[str]) -> pd.DataFrame:
    """Return one row per year of the range with the counts in `columns` (zeros for years without any)."""
    by_year = dict(zip(df["year"].tolist(), df[columns].to_numpy().tolist()))
    years = list(range(year_from, year_to + 1))
    zeros = [0] * len(columns)
    out = pd.DataFrame([by_year.get(y, zeros) for y in years], columns=columns, dtype="int64")
    out.insert(0, "year", pd.Series(years, dtype="int64"))
    return out


def summed(df: pd.DataFrame, year_from: int, year_to: int, by: str, columns: list[str]) -> pd.DataFrame:
    """Return the counts in `columns` summed over the years of the range, one row per value of `by`."""
    totals: dict[str, list[int]] = {}
    for key, year, *values in zip(df[by].tolist(), df["year"].tolist(), *(df[c].tolist() for c in columns)):
        if year_from <= year <= year_to:
            acc = totals.setdefault(key, [0] * len(columns))
            for i, v in enumerate(values):
                acc[i] += v
    out = pd.DataFrame(list(totals.values()), columns=columns, dtype="int64")
    out.insert(0, by, pd.Series(list(totals), dtype=object))
    return out


def upr_themes(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the ten themes with most UPR recommendations in the years, by response (most first, then by name)."""
    themes = summed(df, year_from, year_to, "theme", RESPONSES)
    themes = themes.sort_values(["recommendations", "theme"], ascending=[False, True], kind="stable")
    return themes.head(TOP_THEMES).reset_index(drop=True)


def implementation(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the recommendations of each mechanism in the years by implementation status (UPR first)."""
    out = summed(df, year_from, year_to, "mechanism", IMPLEMENTATION)
    return out.sort_values("mechanism", key=lambda m: m.map(MECHANISMS.index)).reset_index(drop=True)


def hra(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the deployments that overlap the years (an open deployment overlaps every later year)."""
    start = [d.year for d in df["start_date"]]
    end = [None if pd.isna(d) else d.year for d in df["end_date"]]
    keep = [s <= year_to and (e is None or e >= year_from) for s, e in zip(start, end)]
    return df[keep].reset_index(drop=True)


def country(info: dict, year_to: int) -> dict:
    """Return a country's facts with its standing invitation only if extended by the end of `year_to`."""
    extended = info.get("standing_invitation_date")
    if extended is not None and not pd.isna(extended) and pd.Timestamp(extended).year > year_to:
        return {**info, "standing_invitation_date": None, "standing_invitation_source": None}
    return info


# Frame key of the profile -> how its every-year frame is cut to the years.
SLICERS: dict[str, Callable[[pd.DataFrame, int, int], pd.DataFrame]] = {
    "communications": lambda df, a, b: every_year(df, a, b, COMMUNICATIONS),
    "submissions": lambda df, a, b: every_year(df, a, b, SUBMISSIONS),
    "upr_themes": upr_themes,
    "implementation": implementation,
    "unct": in_years,
    "stories": in_years,
    "hra": hra,
}
