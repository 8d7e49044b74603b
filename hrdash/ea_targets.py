"""The status of every EA target of seed 004: what each kind of target asks for, and the query that decides it.

Each target kind is a rule over the data, run in SQL, so "met" is computed, never typed:

- EA2 (ratification): the rules of the Ratification page, `hrdash/model/targets.py` and
  `queries/ratification_ea2_targets.sql`, reused as they are.
- EA6, EA7, EA11: `queries/ea6_target_status.sql`, `ea7_target_status.sql`, `ea11_target_status.sql`.
  They compare the four "current" years up to the last selected year with the four baseline years
  2010–2013 (the Management Plan's baseline is 2013). Four-year windows, not single years, because
  reviews, reports and submissions come in cycles: one year has a review, the next has none.
- EA8, EA9, EA10: seed 004 names no target countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from . import query
from .model import targets
from .model.filters import Filters

BASELINE_YEARS = (2010, 2013)
WINDOW = 4  # years in the "current" window, like the baseline
EAS_WITH_TARGETS = ("EA2", "EA6", "EA7", "EA11")
NO_TARGET_COUNTRIES = "Seed 004 names no target countries for this expected accomplishment."


@dataclass(frozen=True)
class TargetRule:
    """One kind of target outside EA2: what the seed asks for, and the rule that decides whether it is met."""

    kind: str
    ea: str
    label: str
    rule: str
    indicator: str | None = None  # the indicator (hrdash/model/indicators.py) that follows the same measure


RULES: dict[str, TargetRule] = {
    r.kind: r
    for r in [
        TargetRule("standing_coordination_body", "EA6",
                   "Establish or strengthen a participatory standing coordination body",
                   "Met when the country has a national mechanism for reporting and follow-up established by the end "
                   "of the last selected year.", "EA6.1"),
        TargetRule("national_action_plan", "EA6", "Develop a National Human Rights Action Plan",
                   "No data: the data model has no table of national human rights action plans, so this target "
                   "cannot be assessed here."),
        TargetRule("timely_reporting", "EA6", "Timely submission of reports to the treaty bodies and the UPR",
                   "Met when the share of treaty-body reports due in the current years that were submitted by their "
                   "due date is 100% or higher than in the baseline years; 'no data' when no report was due (or "
                   "none in the baseline years and some late now). UPR reports carry no dates in the data.",
                   "EA6.2"),
        TargetRule("sp_engagement", "EA6", "Improve engagement with the Special Procedures",
                   "Met on any of the seed's three ways: a standing invitation issued after the baseline years, a "
                   "higher share of visit requests accepted, or a higher share of communications replied to, than "
                   "in the baseline years.", "EA6.6"),
        TargetRule("civil_society_engagement", "EA7", "More use of the mechanisms by civil society",
                   "Met when the country has more stakeholder submissions (UPR and treaty bodies, all submitter "
                   "types) in the current years than in the baseline years.", "EA7.1"),
        TargetRule("integrate_recommendations", "EA11", "Integrate the mechanisms' recommendations in UNCT programmes",
                   "Met when the UNCT recorded a follow-up plan, a joint programme or recommendations in the UNDAF "
                   "in the current years.", "EA11.3"),
        TargetRule("undaf_mainstreaming", "EA11", "Mainstream human rights in the UNDAF",
                   "Met when the UNCT recorded recommendations integrated in the UNDAF in the current years.",
                   "EA11.3"),
        TargetRule("unct_engagement", "EA11", "UNCT engagement with the mechanisms",
                   "Met when the UNCT recorded any engagement activity with the mechanisms in the current years.",
                   "EA11.1"),
    ]
}  # fmt: skip

QUERIES = {"EA6": "ea6_target_status", "EA7": "ea7_target_status", "EA11": "ea11_target_status"}
MET_VALUES = {"EA2": targets.MET_VALUES, "EA6": ("yes", "no", "no data"), "EA7": ("yes", "no"), "EA11": ("yes", "no")}

LABELS = {
    "country": "Country", "iso3": "ISO3", "ohchr_region": "OHCHR region", "target_kind": "Target kind",
    "target": "Target (seed 004)", "instruments": "Instruments", "measure": "Measure", "status": "Status",
    "baseline_value": "Baseline", "now_value": "Now", "baseline_submitter_types": "Submitter types (baseline)",
    "now_submitter_types": "Submitter types (now)", "met_at_baseline": "Met at baseline", "met": "Met",
    "met_on": "Met on", "when_met": "When met", "detail": "Detail", "name_in_seed": "Name in the seed",
    "sentence": "Sentence of the seed", "source": "Target source", "status_source": "Status read from",
}  # fmt: skip


def windows(year_to: int) -> dict[str, int]:
    """Return the baseline and current years the EA6/EA7/EA11 rules compare, for the last selected year."""
    return {
        "base_from": BASELINE_YEARS[0],
        "base_to": BASELINE_YEARS[1],
        "now_from": year_to - WINDOW + 1,
        "now_to": year_to,
    }


def windows_text(year_to: int) -> str:
    """Return the two windows in words, for captions."""
    w = windows(year_to)
    return f"baseline {w['base_from']}–{w['base_to']}, now {w['now_from']}–{w['now_to']}"


@dataclass(frozen=True)
class TargetTable:
    """Which query gives the target table of an EA, with which non-filter parameters."""

    ea: str
    query: str
    params: dict[str, Any]
    met_values: tuple[str, ...]
    rules: dict[str, str]  # target kind -> the rule in words

    @property
    def filterable(self) -> bool:
        """True if the query itself can keep only the targets with a given 'met' value."""
        return "met" in self.params


def table_for(ea: str, year_to: int, met: str | None = None) -> TargetTable | None:
    """Return the target table of an EA (None when the seed names no target countries for it).

    `met` keeps only the targets with that status; EA2's query (owned by the Ratification page) has no
    such parameter, so for EA2 it must be None.
    """
    if ea == "EA2":
        if met is not None:
            raise ValueError("the EA2 targets query cannot filter on 'met'")
        rules = {k: f"{r.label}: {r.rule}" for k, r in targets.RULES.items()}
        return TargetTable(ea, targets.QUERY, targets.params(year_to), targets.MET_VALUES, rules)
    if ea not in QUERIES:
        return None
    if met is not None and met not in MET_VALUES[ea]:
        raise ValueError(f"{ea}: 'met' must be one of {MET_VALUES[ea]}, not {met!r}")
    rules = {k: f"{r.label}: {r.rule}" for k, r in RULES.items() if r.ea == ea}
    return TargetTable(ea, QUERIES[ea], {**windows(year_to), "met": met}, MET_VALUES[ea], rules)


def status(con: duckdb.DuckDBPyConnection, ea: str, filters: Filters, met: str | None = None) -> pd.DataFrame:
    """Return the target table of an EA under `filters` (empty when the seed names no target countries)."""
    table = table_for(ea, filters.year_to, met)
    if table is None:
        return pd.DataFrame()
    return query.run(con, table.query, {**filters.for_query(query.parameters(table.query)), **table.params})


def summary(met: pd.Series, values: tuple[str, ...]) -> dict[str, int]:
    """Return how many targets have each 'met' value (every value present, zeros included)."""
    unexpected = set(met) - set(values)
    if unexpected:
        raise ValueError(f"unexpected 'met' values {sorted(unexpected)}; expected {values}")
    counts = met.value_counts()
    return {v: int(counts.get(v, 0)) for v in values}
