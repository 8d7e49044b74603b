"""The indicators of each expected accomplishment, each defined once: what it measures and the SQL that computes it.

Every indicator has one query, `queries/<query>.sql`, that returns one row per selected country × year with
`numerator`, `denominator` and `value` (global indicators, EA8, return one row per year with no country). The query
says only what it counts; the schema's macros (hrdash/db/schema.sql: `indicator_count` / `_share` / `_mean`, which
`count_events` and `share_of_events` end in) add `value` by the rule of a kind: the macro a query ends in must be
its indicator's `kind` here.
How the rows of many countries add up depends on the indicator's `kind`:

- "count": the sum of the numerators (e.g. countries with a national mechanism, urgent appeals sent);
- "share": 100 × sum of numerators / sum of denominators (a percentage over all the countries' cases);
- "mean":  sum of numerators / sum of denominators (e.g. average number of submitter types).

Targets are only those a seed document states; every other indicator says "no target in the seed".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import text

BASELINE_YEAR = 2013  # the Management Plan 2014–2017 baseline (seed 004): every page and rule reads it here
TARGET_YEAR = 2017
NO_TARGET = "no target in the seed"
KINDS = ("count", "share", "mean")
EA_CODES = ("EA2", "EA6", "EA7", "EA8", "EA9", "EA10", "EA11")


@dataclass(frozen=True)
class Indicator:
    """One indicator: its definition, how to compute and add it up, its target and where its detail is shown."""

    code: str
    ea: str
    name: str
    definition: str
    unit: str
    direction: str  # "higher" or "lower": which way is progress
    kind: str  # "count", "share" or "mean" (see the module docstring)
    query: str  # queries/<query>.sql: one row per country × year
    source: str  # the tables it reads
    page: str  # the page that shows it in detail
    target: float | None = None
    target_text: str = NO_TARGET
    # The years the target is read over: (2017, 2017) is "the level in 2017"; (2012, 2013) with
    # target_is_total is "the total over 2012-2013".
    target_years: tuple[int, int] = (TARGET_YEAR, TARGET_YEAR)
    target_is_total: bool = False
    global_only: bool = False  # True when the indicator has no country (EA8): country filters do not apply
    note: str = ""
    missing: str = "n/a"  # how a value that cannot be computed reads ("not known" where the data do not say)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.code}: unknown kind {self.kind!r}")
        if self.direction not in ("higher", "lower"):
            raise ValueError(f"{self.code}: direction must be 'higher' or 'lower'")
        if self.ea not in EA_CODES:
            raise ValueError(f"{self.code}: unknown EA {self.ea!r}")

    @property
    def direction_text(self) -> str:
        return "Higher is better" if self.direction == "higher" else "Lower is better"

    def fmt(self, value: float | None) -> str:
        """Return a value in this indicator's unit, for display."""
        return text.number(value, self.kind, self.missing)


def _i(*args, **kwargs) -> Indicator:
    return Indicator(*args, **kwargs)


RATIFICATION, TREATY_BODIES = "views/ratification.py", "views/treaty_bodies.py"
SPECIAL_PROCEDURES, CIVIL_SOCIETY, UNCT = (
    "views/special_procedures.py",
    "views/civil_society.py",
    "views/unct_engagement.py",
)

INDICATORS: tuple[Indicator, ...] = (
    # ---- EA2 ratification
    _i("EA2.1", "EA2", "Ratification rate of the 18 instruments",
       "Share of the 18 international human rights instruments (core treaties and optional protocols) the "
       "countries are party to (ratification, accession or succession) on 31 December of the year.",
       "%", "higher", "share", "indicator_ratification_rate", "ratification", RATIFICATION),
    _i("EA2.2", "EA2", "Ratification rate of the optional protocols",
       "Share of the 9 optional protocols the countries are party to on 31 December of the year (seed 004: "
       "'a focus on instruments ... with low ratification rates, including Optional Protocols').",
       "%", "higher", "share", "indicator_optional_protocol_rate", "ratification, instrument", RATIFICATION),
    _i("EA2.3", "EA2", "New ratifications in the year",
       "Ratifications, accessions and successions to any of the 18 instruments whose date falls in the year.",
       "ratifications", "higher", "count", "indicator_ratifications_new", "ratification", RATIFICATION),
    _i("EA2.4", "EA2", "Instruments ratified with reservations",
       "Instruments the countries are party to on 31 December of the year with reservations. The data records "
       "whether a State made reservations, not when it withdrew them, so this figure cannot fall. Not known "
       "where a party's reservations are not in the data: the UN Treaty Collection status the dashboard bundles "
       "does not give them (import a table that does).",
       "instruments", "lower", "count", "indicator_reservations", "ratification", RATIFICATION,
       missing="not known"),
    # ---- EA6 state engagement
    _i("EA6.1", "EA6", "Countries with a national mechanism for reporting and follow-up",
       "Countries with a standing national mechanism for reporting and follow-up (NMRF) established on or "
       "before 31 December of the year.",
       "countries", "higher", "count", "indicator_national_mechanism", "national_mechanism", TREATY_BODIES,
       target=71, target_text="71 countries of engagement by 2017 (seed 004: 'reinforcing participatory "
       "mechanisms for reporting and follow-up in 71 countries of engagement'); applies to all countries"),
    _i("EA6.2", "EA6", "Treaty-body reports submitted on time",
       "Share of the treaty-body reports due in the year that were submitted on or before their due date.",
       "%", "higher", "share", "indicator_tb_timely_reporting", "tb_report", TREATY_BODIES),
    _i("EA6.3", "EA6", "Treaty-body reports overdue",
       "Treaty-body reports due on or before 31 December of the year and not submitted by then.",
       "reports", "lower", "count", "indicator_tb_overdue", "tb_report", TREATY_BODIES),
    _i("EA6.4", "EA6", "Countries with a standing invitation to the Special Procedures",
       "Countries that had extended a standing invitation to the Special Procedures by 31 December of the year.",
       "countries", "higher", "count", "indicator_standing_invitation", "standing_invitation", SPECIAL_PROCEDURES),
    _i("EA6.5", "EA6", "Visit requests accepted",
       "Share of the Special Procedures visit requests made in the year that were accepted (status accepted or "
       "completed), among the requests with an outcome (requests still awaiting an answer are left out).",
       "%", "higher", "share", "indicator_sp_visit_acceptance", "sp_visit", SPECIAL_PROCEDURES),
    _i("EA6.6", "EA6", "Communications replied to",
       "Share of the Special Procedures communications sent in the year that the State replied to.",
       "%", "higher", "share", "indicator_sp_reply_rate", "sp_communication", SPECIAL_PROCEDURES),
    # ---- EA7 civil society
    _i("EA7.1", "EA7", "Stakeholder submissions to the UPR and treaty bodies",
       "Submissions by NHRIs and civil society (national NGOs, coalitions, international NGOs) to the UPR and "
       "the treaty bodies about the countries, in the year.",
       "submissions", "higher", "count", "indicator_stakeholder_submissions", "stakeholder_submission",
       CIVIL_SOCIETY),
    _i("EA7.2", "EA7", "Diversity of submitters",
       "Average number of submitter types (of 4: NHRI, national NGO, coalition, international NGO) that made a "
       "submission about a country in the year, over the countries with at least one submission.",
       "submitter types (of 4)", "higher", "mean", "indicator_submitter_diversity", "stakeholder_submission",
       CIVIL_SOCIETY),
    _i("EA7.3", "EA7", "Countries with an A-status NHRI",
       "Countries whose national human rights institution holds A status (full compliance with the Paris "
       "Principles), counted from the year of that status. Only the latest status of each NHRI is recorded.",
       "countries", "higher", "count", "indicator_nhri_a_status", "nhri", CIVIL_SOCIETY),
    # ---- EA8 law development (global)
    _i("EA8.1", "EA8", "Normative outputs of the mechanisms",
       "General comments and recommendations of treaty bodies, thematic reports of Special Procedures and new "
       "standards adopted in the year (all countries: normative outputs concern no single country).",
       "outputs", "higher", "count", "indicator_normative_outputs", "normative_output", SPECIAL_PROCEDURES,
       global_only=True),
    _i("EA8.2", "EA8", "General comments and recommendations of the treaty bodies",
       "General comments and general recommendations adopted by the treaty bodies in the year (all countries).",
       "general comments", "higher", "count", "indicator_general_comments", "normative_output", TREATY_BODIES,
       global_only=True),
    # ---- EA9 coherence
    _i("EA9.1", "EA9", "Joint Special Procedures communications",
       "Share of the Special Procedures communications sent in the year jointly by two or more mandates.",
       "%", "higher", "share", "indicator_sp_joint_share", "sp_communication", SPECIAL_PROCEDURES,
       note="Seed 004 states 84% for 2013 (all countries), a reference figure, not a target."),
    # ---- EA10 early warning
    _i("EA10.1", "EA10", "Urgent appeals sent",
       "Urgent appeals sent by the Special Procedures to the countries in the year: the mechanisms' "
       "early-warning function in use.",
       "urgent appeals", "higher", "count", "indicator_urgent_appeals", "sp_communication", SPECIAL_PROCEDURES),
    _i("EA10.2", "EA10", "Urgent appeals replied to",
       "Share of the urgent appeals sent to the countries in the year that the State replied to.",
       "%", "higher", "share", "indicator_urgent_appeal_replies", "sp_communication", SPECIAL_PROCEDURES),
    # ---- EA11 UNCT engagement
    _i("EA11.1", "EA11", "Countries whose UNCT engaged with the mechanisms",
       "Countries whose UN Country Team recorded at least one engagement with the mechanisms in the year "
       "(submission, support to a visit, follow-up plan, joint programme, recommendations in the UNDAF, human "
       "rights working group).",
       "countries", "higher", "count", "indicator_unct_engaged", "unct_engagement", UNCT),
    _i("EA11.2", "EA11", "UNCT engagement activities",
       "UNCT engagement activities with the mechanisms recorded in the year (all activities).",
       "activities", "higher", "count", "indicator_unct_activities", "unct_engagement", UNCT),
    _i("EA11.3", "EA11", "UNCT activities integrating recommendations",
       "UNCT follow-up plans, joint programmes and integrations of recommendations in the UNDAF recorded in the "
       "year: the mechanisms' recommendations taken into the UN's own work.",
       "activities", "higher", "count", "indicator_unct_integration", "unct_engagement", UNCT),
    _i("EA11.4", "EA11", "Human Rights Advisers in post",
       "Human Rights Advisers deployed to UN Country Teams and in post on 30 June of the year (the date seed 002 "
       "counts them on: 18 on 30 June 2011). Regional advisers have no country and are not included.",
       "HRAs", "higher", "count", "indicator_hra_in_post", "hra_deployment", UNCT),
    _i("EA11.5", "EA11", "New Human Rights Adviser deployments",
       "Human Rights Advisers newly deployed to UN Country Teams in the year (start of the deployment). "
       "Regional advisers have no country and are not included.",
       "HRAs", "higher", "count", "indicator_hra_new", "hra_deployment", UNCT,
       target=20, target_years=(2012, 2013), target_is_total=True,
       target_text="20 new HRAs deployed by the end of 2013, plan 2012–2013 (seed 002; the same plan adds up "
       "to 4 regional advisers); applies to all countries"),
)  # fmt: skip

BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}


def for_ea(ea: str) -> list[Indicator]:
    """Return the indicators of one expected accomplishment, in code order."""
    return [i for i in INDICATORS if i.ea == ea]


# Each EA's headline indicator, the Overview's scorecard tile: its first one.
HEADLINE: tuple[Indicator, ...] = tuple(for_ea(ea)[0] for ea in EA_CODES)


def get(code: str) -> Indicator:
    """Return the indicator with this code (KeyError naming the known codes otherwise)."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown indicator {code!r}; known: {', '.join(BY_CODE)}") from None


def catalogue() -> pd.DataFrame:
    """Return the indicator catalogue for the data dictionary: one row per indicator with its definition."""
    return pd.DataFrame(
        [
            {
                "code": i.code, "ea": i.ea, "name": i.name, "definition": i.definition, "unit": i.unit,
                "direction": i.direction_text, "query": f"queries/{i.query}.sql", "source": i.source,
                "baseline_year": BASELINE_YEAR, "target": i.target_text,
            }
            for i in INDICATORS
        ]
    )  # fmt: skip


def query_years(ind: Indicator, year_from: int, year_to: int) -> tuple[int, int]:
    """Return the years to ask an indicator's query for: the selected years, widened to include the 2013
    baseline and the start of a target period (never beyond `year_to` otherwise: the filters cap the data)."""
    first = min(year_from, BASELINE_YEAR, ind.target_years[0] if ind.target_is_total else BASELINE_YEAR)
    return first, max(year_to, BASELINE_YEAR)


def by_year(ind: Indicator, rows: pd.DataFrame) -> pd.DataFrame:
    """Return the indicator per year over all the countries in `rows` (its query's result).

    Columns: year, numerator, denominator, value. `value` is NaN where it is undefined (a share with
    nothing to share); `denominator` is NaN for counts.
    """
    # numpy rather than a pandas groupby: this runs for every indicator on every rerun of a page.
    years, where = np.unique(rows["year"].to_numpy(), return_inverse=True)
    num = np.bincount(where, weights=rows["numerator"].to_numpy(dtype=float), minlength=len(years))
    given = rows["denominator"].notna().to_numpy()
    den_values = rows["denominator"].to_numpy(dtype=float, na_value=0.0)
    den = np.bincount(where, weights=den_values, minlength=len(years))
    den = np.where(np.bincount(where, weights=given, minlength=len(years)) > 0, den, np.nan)
    if ind.kind == "count":
        value = num
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            value = (100.0 if ind.kind == "share" else 1.0) * num / np.where(den > 0, den, np.nan)
    return pd.DataFrame({"year": years.astype(int), "numerator": num, "denominator": den, "value": value})


@dataclass(frozen=True)
class Progress:
    """An indicator's baseline, latest value and target, over the selected countries."""

    indicator: Indicator
    latest_year: int
    baseline: float | None
    latest: float | None
    target_progress: float | None  # the value the target is read against (level or total over its years)

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline

    @property
    def change_text(self) -> str | None:
        d = self.change
        return None if d is None else f"{text.change(d, self.indicator.kind)} vs {BASELINE_YEAR}"

    @property
    def improving(self) -> bool | None:
        """True if the latest value is better than the baseline in the indicator's direction."""
        d = self.change
        if d is None or d == 0:
            return None if d is None else False
        return d > 0 if self.indicator.direction == "higher" else d < 0

    @property
    def caption(self) -> str:
        """Return the baseline, latest value, direction and target in one line, for under the indicator's tile."""
        ind = self.indicator
        text = (
            f"{BASELINE_YEAR} baseline: {ind.fmt(self.baseline)} · {self.latest_year}: {ind.fmt(self.latest)} · "
            f"{ind.direction_text.lower()} · Target: {self.target_status}."
        )
        return text + (f" {ind.note}" if ind.note else "")

    @property
    def target_status(self) -> str:
        """Return the target in words with how far the data has got, or that the seed gives none."""
        ind = self.indicator
        if ind.target is None:
            return NO_TARGET
        lo, hi = ind.target_years
        span = f"{lo}–{hi}" if lo != hi else str(hi)
        if self.target_progress is None:
            return f"target {ind.fmt(ind.target)} ({span}): no data for {span} under these filters"
        what = "total" if ind.target_is_total else "value"
        met = self.target_progress >= ind.target if ind.direction == "higher" else self.target_progress <= ind.target
        return f"target {ind.fmt(ind.target)} ({span}); {what} {span}: {ind.fmt(self.target_progress)} — " + (
            "met" if met else "not met"
        )


def _at(yearly: pd.DataFrame, year: int) -> float | None:
    hit = yearly["value"].to_numpy()[yearly["year"].to_numpy() == year]
    return None if len(hit) == 0 or np.isnan(hit[0]) else float(hit[0])


def progress(ind: Indicator, yearly: pd.DataFrame, latest_year: int) -> Progress:
    """Return the baseline (2013), the value in `latest_year` and the target reading, from `by_year` rows."""
    target_progress = None
    if ind.target is not None:
        lo, hi = ind.target_years
        years, vals = yearly["year"].to_numpy(), yearly["value"].to_numpy()
        span = vals[(years >= lo) & (years <= hi)]
        if ind.target_is_total and len(span) == hi - lo + 1:
            target_progress = float(np.nansum(span))
        elif not ind.target_is_total:
            target_progress = _at(yearly, hi)
    return Progress(ind, latest_year, _at(yearly, BASELINE_YEAR), _at(yearly, latest_year), target_progress)
