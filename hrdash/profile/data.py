"""The country profile: its data (one named query per section), key figures in words, regional comparison.

Everything here is pure: `load` takes a function that runs a named query, so the page passes the
cached `hrdash.app.data.run` and the command line passes `query.run` on its own connection, and both get the
same frames. The key figures and the comparison are computed from those frames only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ..db.query import parameters
from ..model import labels, targets, text
from . import years

Runner = Callable[[str, dict[str, Any]], pd.DataFrame]

# Section frame -> the query that returns it (each takes $country, some also the years). The frames in
# years.SLICERS come for every year (cached per country) and are cut to the years here.
SECTION_QUERIES = {
    "ratification": "profile_ratification",
    "tb_reports": "profile_tb_reports",
    "sp_visits": "profile_sp_visits",
    "communications": "profile_communications_by_year",
    "upr_cycles": "profile_upr_cycles_by_year",
    "upr_themes": "profile_upr_themes_by_year",
    "implementation": "profile_recommendation_implementation_by_year",
    "submissions": "profile_submissions_by_year",
    "unct": "profile_unct_engagement",
    "hra": "profile_hra_deployments",
    "stories": "profile_stories",
    "ea_targets": "profile_ea_targets",
}
INSTRUMENTS = 18

# The regional comparison: measure column of years.measures -> (label, unit).
MEASURES = {
    "instruments_ratified": ("Instruments ratified (of 18)", "instruments"),
    "reports_overdue": ("Treaty-body reports overdue", "reports"),
    "visits_completed": ("Special Procedures visits carried out", "visits"),
    "requests_pending": ("Visit requests pending", "requests"),
    "communications": ("Communications received", "communications"),
    "reply_rate": ("Communications replied to", "%"),
    "upr_recommendations": ("UPR recommendations received", "recommendations"),
    "supported_share": ("UPR recommendations supported", "%"),
    "submissions": ("Stakeholder submissions", "submissions"),
}


class UnknownCountry(LookupError):
    """No country has this ISO3 code or name."""


@dataclass(frozen=True)
class Profile:
    """One country's profile data for a range of years."""

    iso3: str
    year_from: int
    year_to: int
    country: dict[str, Any]
    frames: dict[str, pd.DataFrame]
    region: pd.DataFrame  # years.measures for the countries of its OHCHR region
    sources: pd.DataFrame  # rows by table and source (profile_rows_by_source) for this country and years

    @property
    def name(self) -> str:
        return str(self.country["name"])

    @property
    def years(self) -> str:
        return f"{self.year_from}–{self.year_to}"

    @cached_property
    def targets(self) -> pd.DataFrame:
        """The seed-004 targets naming the country, with met and why (asked by the key figures, table and deck)."""
        return targets.with_status(self.frames["ea_targets"], self.frames["target_status"])

    @property
    def measures(self) -> pd.Series:
        """This country's row of the regional measures."""
        return self.region.loc[self.region["iso3"] == self.iso3].iloc[0]


def resolve_country(value: str | None, options: pd.DataFrame) -> str | None:
    """Return the ISO3 code for a URL value that is an ISO3 code or a country name (any case), else None."""
    if not value:
        return None
    text = value.strip().casefold()
    for iso3, name in zip(options["iso3"], options["name"]):
        if text in (iso3.casefold(), name.casefold()):
            return iso3
    return None


def _jobs(who: str | None, year_from: int, year_to: int, eas: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Return (frame key, query, params) for the profile's queries, which do not depend on each other.

    `who` is the country's ISO3 code, or None to ask every query for every country at once.
    The measures are always asked for all countries (the regional comparison needs its neighbours).
    """
    values = {"country": who, "year_from": year_from, "year_to": year_to}
    every_year = {"country": who, "year_from": None, "year_to": None}  # null years: all of them
    jobs = [("country", "profile_country", {"country": who})]
    for key, name in SECTION_QUERIES.items():
        given = every_year if key in years.SLICERS else values
        jobs.append((key, name, {k: v for k, v in given.items() if k in parameters(name)}))
    jobs.append(("measures", "profile_measures_by_country_year", {}))  # every country, every year
    jobs.append(("sources", "profile_rows_by_source", {"country": who}))
    for ea in eas:
        table = targets.table_for(ea, year_to)
        if table is not None:
            given = {"region": None, "countries": [who] if who else [], "target_ea": None, **table.params}
            wanted = parameters(table.query)
            jobs.append((f"status:{ea}", table.query, {k: v for k, v in given.items() if k in wanted}))
    return jobs


def fetch(
    run: Runner, who: str | None, year_from: int, year_to: int, eas: Sequence[str], map_fn: Callable = map
) -> dict[str, pd.DataFrame]:
    """Return every query result a profile needs, for one country (`who`) or all (None), keyed by frame.

    `eas`: the EAs whose target rules to evaluate. `map_fn(function, items)` runs the queries; pass
    a thread pool's `map` to run them concurrently (DuckDB answers several cursors at once).
    """
    jobs = _jobs(who, year_from, year_to, list(eas))
    return dict(zip([j[0] for j in jobs], map_fn(lambda job: run(job[1], job[2]), jobs)))


def _of(df: pd.DataFrame, iso3: str, column: str = "country_iso3") -> pd.DataFrame:
    """Return the rows of one country, without the country column."""
    codes = df[column]
    keep = [i for i, c in enumerate(df.columns) if c != column]
    if codes.is_monotonic_increasing:  # the profile's queries order by country first: a binary search
        values = codes.to_numpy()
        lo, hi = values.searchsorted(iso3, "left"), values.searchsorted(iso3, "right")
        rows = df.iloc[lo:hi, keep]  # one slice: this runs for some fifteen frames on every change
        return rows if lo == 0 else rows.reset_index(drop=True)
    return df.iloc[codes.to_numpy() == iso3, keep].reset_index(drop=True)


def assemble(iso3: str, year_from: int, year_to: int, results: dict[str, pd.DataFrame]) -> Profile:
    """Return the profile of `iso3` from `fetch` results (of that country or of all countries)."""
    info = results["country"][results["country"]["iso3"] == iso3]
    if info.empty:
        raise UnknownCountry(f"no country with ISO3 code {iso3!r}")
    country = years.country(info.iloc[0].to_dict(), year_to)
    frames = {key: _of(results[key], iso3) for key in SECTION_QUERIES}
    for key, cut in years.SLICERS.items():
        frames[key] = cut(frames[key], year_from, year_to)
    eas = list(dict.fromkeys(frames["ea_targets"]["ea_code"]))
    status = {ea: results[f"status:{ea}"] for ea in eas if f"status:{ea}" in results}
    frames["target_status"] = targets.status_of(iso3, status)
    measures = years.measures(results["measures"], year_from, year_to)
    region = measures[measures["ohchr_region"] == country["ohchr_region"]].reset_index(drop=True)
    sources = years.sources(_of(results["sources"], iso3), year_from, year_to)
    return Profile(iso3, year_from, year_to, country, frames, region, sources)


def export_frame(p: Profile, key: str) -> pd.DataFrame:
    """Return a section's rows as its table export writes them: the page's rows, the country's code first.

    The export is the table on screen: no query asks again for what the page cut to its years.
    """
    return p.frames[key].assign(country_iso3=p.iso3)[["country_iso3", *p.frames[key].columns]]


def load(run: Runner, iso3: str, year_from: int, year_to: int, map_fn: Callable = map) -> Profile:
    """Return the profile of one country, asking each query for that country only (the command line)."""
    named = run(SECTION_QUERIES["ea_targets"], {"country": iso3})
    eas = list(dict.fromkeys(named["ea_code"]))
    return assemble(iso3, year_from, year_to, fetch(run, iso3, year_from, year_to, eas, map_fn))


def _date(value: Any) -> str:
    return pd.Timestamp(value).strftime("%-d %B %Y")


def _and(items: list[str]) -> str:
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def region_median(p: Profile, measure: str) -> float | None:
    """Return the median of a measure over the countries of the profile's OHCHR region (blanks left out)."""
    values = p.region[measure].dropna()
    return float(values.median()) if len(values) else None


def fmt_number(value: float | None, unit: str = "") -> str:
    """Return a number as the page writes it (text.number): whole numbers without decimals, percentages with one."""
    return text.number(None if value is None or pd.isna(value) else value, "share" if unit == "%" else "figure", "–")


def region_comparison(p: Profile) -> pd.DataFrame:
    """Return one row per measure: this country's value, the regional median, min, max and its rank."""
    rows = []
    me = p.measures
    for column, (label, unit) in MEASURES.items():
        values = p.region[column].to_numpy(dtype="float64")  # numpy: this runs on every change of years
        values = values[~np.isnan(values)]
        value = me[column]
        known = not pd.isna(value)
        rows.append(
            {
                "measure": label,
                "unit": unit,
                "country": float(value) if known else None,
                "region_median": float(np.median(values)) if len(values) else None,
                "region_min": float(values.min()) if len(values) else None,
                "region_max": float(values.max()) if len(values) else None,
                # 1 = the highest value in the region; ties share the better rank.
                "rank": int((values > float(value)).sum()) + 1 if known else None,
                "countries": int(len(values)),
            }
        )
    return pd.DataFrame(rows)


def not_ratified(p: Profile) -> list[str]:
    """Return the short names of the instruments the country is not a party to."""
    df = p.frames["ratification"]
    return list(df.loc[df["status"] != "party", "short_name"])


def reservations(rat: pd.DataFrame) -> tuple[list[str], int]:
    """Return (the instruments party to with reservations, how many it is party to whose reservations are not known).

    `rat` is profile_ratification's rows of one country: reservations True, False or missing (not known: the
    bundled Treaty Collection status does not say which States made reservations).
    """
    party = (rat["status"] == "party").to_numpy(dtype=bool)
    flag = rat["reservations"].astype("boolean")
    made = flag.fillna(False).to_numpy(dtype=bool)
    return rat.loc[party & made, "short_name"].tolist(), int((party & flag.isna().to_numpy(dtype=bool)).sum())


def reservations_text(rat: pd.DataFrame) -> str:
    """Return what is known of a country's reservations in words: the instruments, "none", or "not known"."""
    reserved, unknown = reservations(rat)
    if reserved:
        return ", ".join(reserved) + (f" (not known for {unknown} more)" if unknown else "")
    if unknown:
        return "not known (the UN Treaty Collection status the dashboard bundles does not give reservations)"
    return "none"


def key_figures(p: Profile) -> list[str]:
    """Return the profile's key figures as plain sentences (the top of the page and the deck)."""
    m = p.measures
    rat = p.frames["ratification"]
    party = int((rat["status"] == "party").sum())
    signed = int((rat["status"] == "signatory").sum())
    reserved, unknown = reservations(rat)
    median = region_median(p, "instruments_ratified")
    out = [
        f"Party to {party} of {INSTRUMENTS} instruments as of 31 December {p.year_to}"
        + (f" (signatory to {signed} more)" if signed else "")
        + (f", {len(reserved)} of them with reservations" if reserved else "")
        + (", reservations not known" if unknown and not reserved else "")
        + f"; the {p.country['ohchr_region']} median is {fmt_number(median)}."
    ]
    overdue = int(m["reports_overdue"])
    if overdue:
        since = p.frames["tb_reports"]["overdue_since"].dropna().min()
        out.append(f"{_plural(overdue, 'treaty-body report')} overdue, the oldest due since {_date(since)}.")
    else:
        out.append("No treaty-body report overdue.")
    pending = int(m["requests_pending"])
    invitation = p.country.get("standing_invitation_date")
    visits = (
        f"{_plural(pending, 'Special Procedures visit request')} pending"
        + (f", the oldest since {pd.Timestamp(m['oldest_pending']).year}" if pending else "")
        + f"; {_plural(int(m['visits_completed']), 'visit')} carried out in {p.years}; "
        + (
            f"standing invitation since {pd.Timestamp(invitation).year}."
            if invitation is not None and not pd.isna(invitation)
            else "no standing invitation."
        )
    )
    out.append(visits[0].upper() + visits[1:])
    comms = int(m["communications"])
    if comms:
        out.append(
            f"Replied to {int(m['communications_replied'])} of the {_plural(comms, 'communication')} "
            f"received in {p.years} ({fmt_number(m['reply_rate'], '%')})."
        )
    else:
        out.append(f"No Special Procedures communication received in {p.years}.")
    cycles = p.frames["upr_cycles"]
    recs = int(m["upr_recommendations"])
    if len(cycles):
        # profile_upr_cycles reads the flag as yes / no / unknown (NULL: the source does not say)
        midterm = [str(c) for c, f in zip(cycles["cycle"], cycles["midterm_report"]) if f == "yes"]
        unknown = [str(c) for c, f in zip(cycles["cycle"], cycles["midterm_report"]) if f == "unknown"]
        reports = [f"mid-term report for cycle {_and(midterm)}"] if midterm else []
        reports += [f"mid-term report not known for cycle {_and(unknown)}"] if unknown else []
        out.append(
            f"UPR: reviewed in cycle{'s' if len(cycles) > 1 else ''} {_and(list(map(str, cycles['cycle'])))}; "
            f"{_plural(recs, 'recommendation')}, {fmt_number(m['supported_share'], '%')} supported; "
            + ("; ".join(reports) + "." if reports else "no mid-term report.")
        )
    else:
        out.append(f"No UPR review in {p.years}.")
    targets = p.targets
    if len(targets):
        eas = _and(list(dict.fromkeys(targets["ea_code"])))
        met = int((targets["met"] == "yes").sum())
        out.append(
            f"The {labels.MANAGEMENT_PLAN} names {p.name} as a target country of {eas}; {met} of its "
            f"{_plural(len(targets), 'target')} "
            f"met in {p.year_to}."
        )
    for row in p.frames["hra"].itertuples():
        start = pd.Timestamp(row.start_date).year
        when = f"since {start}" if pd.isna(row.end_date) else f"in {start}–{pd.Timestamp(row.end_date).year}"
        out.append(f"Human Rights Adviser deployed {when} (source: {row.source}).")
    return out


def country_from_selection(selection: Any) -> str | None:
    """Return the ISO3 code of the country clicked on a plotly choropleth (st.plotly_chart selection), if any."""
    if not selection:
        return None
    points = selection.get("points", []) if isinstance(selection, dict) else getattr(selection, "points", [])
    for point in points or []:
        location = point.get("location") if isinstance(point, dict) else None
        if isinstance(location, str) and len(location) == 3:
            return location.upper()
    return None


def default_country(options: pd.DataFrame) -> str:
    """Return the country a profile opens on: the first (by name) the global filters select, else the first."""
    selected = options[options["selected"]]
    return str((selected if len(selected) else options)["iso3"].iloc[0])
