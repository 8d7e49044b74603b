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
    return df[df["year"].between(year_from, year_to)].reset_index(drop=True)


def every_year(df: pd.DataFrame, year_from: int, year_to: int, columns: list[str]) -> pd.DataFrame:
    """Return one row per year of the range with the counts in `columns` (zeros for years without any)."""
    spine = pd.DataFrame({"year": range(year_from, year_to + 1)})
    out = spine.merge(df[["year", *columns]], on="year", how="left")
    out[columns] = out[columns].fillna(0).astype("int64")
    return out


def summed(df: pd.DataFrame, year_from: int, year_to: int, by: str, columns: list[str]) -> pd.DataFrame:
    """Return the counts in `columns` summed over the years of the range, one row per value of `by`."""
    picked = in_years(df, year_from, year_to)
    return picked.groupby(by, as_index=False, sort=False)[columns].sum().astype({c: "int64" for c in columns})


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
    start = pd.to_datetime(df["start_date"]).dt.year
    end = pd.to_datetime(df["end_date"]).dt.year
    return df[(start <= year_to) & (end.isna() | (end >= year_from))].reset_index(drop=True)


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
