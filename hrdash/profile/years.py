"""The profile's every-year frames, cut to the years on screen.

Several profile queries return every year (a `year` column in their grain) rather than the years asked
for, so that the page keeps one result per country and a change of the sidebar years needs no query:
these functions pick, sum or fill in the years here. Each takes one country's frame (without its
country column) and returns what the year-bound query returned before.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
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


IN_YEARS = ["visits_completed", "communications", "communications_replied", "upr_recommendations", "upr_supported",
            "upr_noted", "submissions"]  # fmt: skip


UPR_COUNTS = ["recommendations", "supported", "noted", "pending", "implemented"]


def upr_cycles(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the reviews of the years, each with the recommendations of the years (its export's rows)."""
    columns = [c for c in df.columns if c != "rec_year"]
    reviews = df[(df["review_year"] >= year_from) & (df["review_year"] <= year_to)]
    first: dict[int, int] = {}  # cycle -> its first row; the rows come ordered by cycle (a few per country)
    counts: dict[int, list[int]] = {}
    for i, (cycle, rec_year, *values) in enumerate(zip(reviews["cycle"].tolist(), reviews["rec_year"].tolist(),
                                                       *(reviews[c].tolist() for c in UPR_COUNTS))):  # fmt: skip
        first.setdefault(cycle, i)
        total = counts.setdefault(cycle, [0] * len(UPR_COUNTS))
        if not pd.isna(rec_year) and year_from <= rec_year <= year_to:
            for k, v in enumerate(values):
                total[k] += v
    out = reviews.iloc[list(first.values())][columns].reset_index(drop=True)
    for k, column in enumerate(UPR_COUNTS):
        out[column] = pd.Series([counts[c][k] for c in first], dtype="int64")
    return out


def sp_visits(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the visits carried out in the years and the requests open at the end of `year_to`, with how
    long each has been open in years (after end_date; null for a visit carried out).

    `df` is profile_sp_visits' rows of one country (status as recorded in the data).
    """
    as_of = pd.Timestamp(year_to, 12, 31)
    done = (df["status"] == "completed").to_numpy()
    start = df["start_date"].dt.year
    keep = (done & start.between(year_from, year_to).to_numpy()) | (~done & (df["request_date"] <= as_of).to_numpy())
    out = df[keep].reset_index(drop=True)
    years = ((as_of - out["request_date"]).dt.days / 365.25).round(1)
    out.insert(out.columns.get_loc("end_date") + 1, "open_years", years.where(out["status"] != "completed"))
    return out


def measures(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the headline measures of every country (profile_measures_by_country_year added up).

    As of 31 December of `year_to`: instruments ratified (and with reservations), reports overdue, visit
    requests pending and the oldest of them; in the years: the other counts, and the two rates (null
    where there is nothing to divide by). One row per country, by name.
    """
    # numpy sums per country (bincount) into one frame: pandas' groupby and column inserts cost ~20 ms here,
    # on every change of years.
    codes, iso3 = pd.factorize(df["iso3"])
    n = len(iso3)
    year = df["year"].to_numpy(dtype="float64", na_value=np.nan)
    upto = np.isnan(year) | (year <= year_to)
    within = (year >= year_from) & (year <= year_to)

    def total(column: str, rows: np.ndarray) -> np.ndarray:
        weights = df[column].to_numpy(dtype="float64")[rows]
        return np.bincount(codes[rows], weights=weights, minlength=n).astype("int64")

    def rate(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(whole > 0, 100 * part / whole, np.nan)

    first = np.unique(codes, return_index=True)[1]
    days = df["oldest_pending"].to_numpy(dtype="datetime64[us]")
    pending = upto & ~np.isnat(days)
    oldest = np.full(n, np.datetime64("NaT"), dtype="datetime64[us]")
    for code, day in zip(codes[pending], days[pending]):  # a few hundred rows at most
        if np.isnat(oldest[code]) or day < oldest[code]:
            oldest[code] = day
    columns = {"iso3": np.asarray(iso3, dtype=object), "name": df["name"].to_numpy()[first],
               "ohchr_region": df["ohchr_region"].to_numpy()[first],
               "instruments_ratified": total("ratified", upto),
               "with_reservations": total("with_reservations", upto),
               "reports_overdue": total("overdue_from", upto) - total("overdue_until", upto),
               "requests_pending": total("requests_pending", upto), "oldest_pending": oldest}  # fmt: skip
    columns |= {column: total(column, within) for column in IN_YEARS}
    columns["reply_rate"] = rate(columns["communications_replied"], columns["communications"])
    columns["supported_share"] = rate(columns["upr_supported"], columns["upr_recommendations"])
    order = np.argsort(columns["name"], kind="stable")
    return pd.DataFrame({k: v[order] for k, v in columns.items()})


def sources(df: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Return the rows by table and source that the years cover (profile_rows_by_source added up).

    A row counts when it is undated or its years (y0 to y1) overlap the range, as in rows_by_source.sql.
    """
    totals: dict[tuple[str, str], int] = {}
    for table, source, y0, y1, rows in zip(df["table_name"].tolist(), df["source"].tolist(), df["y0"].tolist(),
                                           df["y1"].tolist(), df["rows"].tolist()):  # fmt: skip
        if pd.isna(y0) or (y0 <= year_to and y1 >= year_from):
            totals[(table, source)] = totals.get((table, source), 0) + rows
    keys = sorted(totals)
    return pd.DataFrame({"table_name": [t for t, _ in keys], "source": [s for _, s in keys],
                         "rows": pd.Series([totals[k] for k in keys], dtype="int64")})  # fmt: skip


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
    "upr_cycles": upr_cycles,
    "sp_visits": sp_visits,
}
