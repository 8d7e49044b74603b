"""The targets of seed 004: what each kind of target asks for, the query that decides it, and their status.

Each target kind is a rule over the data, run in SQL, so "met" is computed, never typed. The kinds, their
labels and their rules in words are reference data, once: data/reference/target_kind.csv (table
`target_kind`, which the queries join for the labels; this module reads the same file for the rules).

- EA2 (ratification): `queries/ratification_ea2_targets.sql`, on 31 December of the last selected year and of
  the 2013 baseline. `withdraw_reservations` cannot be dated: the data hold a current reservations flag only.
- EA6, EA7, EA11: `queries/ea6_target_status.sql`, `ea7_target_status.sql`, `ea11_target_status.sql`.
  They compare the four "current" years up to the last selected year with the four baseline years
  2010–2013 (the Management Plan's baseline is 2013). Four-year windows, not single years, because
  reviews, reports and submissions come in cycles: one year has a review, the next has none.
  EA6's "sp_engagement" is the schema's table macro `sp_engagement_status`, which the Special Procedures
  page's `sp_engagement_targets.sql` reads too, with the same windows: one measure, one "met", on both pages.
- EA8, EA9, EA10: seed 004 names no target countries.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..paths import REFERENCE
from . import labels
from .filters import Filters
from .indicators import BASELINE_YEAR

WINDOW = 4  # years in the "current" window, like the baseline
BASELINE_YEARS = (BASELINE_YEAR - WINDOW + 1, BASELINE_YEAR)  # 2010–2013
EAS_WITH_TARGETS = ("EA2", "EA6", "EA7", "EA11")
NO_TARGET_COUNTRIES = "The OHCHR Management Plan 2014–2017 names no target countries for this expected accomplishment."
QUERIES = {"EA2": "ratification_ea2_targets", "EA6": "ea6_target_status", "EA7": "ea7_target_status",
           "EA11": "ea11_target_status"}  # fmt: skip
MET_VALUES = {"EA2": ("yes", "no", "unknown"), "EA6": ("yes", "no", "no data"), "EA7": ("yes", "no"),
              "EA11": ("yes", "no")}  # fmt: skip
PROFILE_COLUMNS = ["ea_code", "target_kind", "met", "detail"]
LABELS = labels.glossary({
    "met_on": "Met on", "when_met": "When met", "sentence": "Sentence of the seed", "source": "Target source",
    "status_source": "Status read from",
})  # fmt: skip


@dataclass(frozen=True)
class TargetRule:
    """One kind of target: its EA, what the seed asks for, the rule that decides it, and whether it can be dated."""

    kind: str
    ea: str
    label: str
    rule: str
    indicator: str | None = None  # the indicator (hrdash/model/indicators.py) that follows the same measure
    date_known: bool = True


def _rules() -> dict[str, TargetRule]:
    with open(REFERENCE / "target_kind.csv", newline="", encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: (EAS_WITH_TARGETS.index(r["ea_code"]), int(r["rule_order"])))
    return {
        r["kind"]: TargetRule(r["kind"], r["ea_code"], r["label"], r["rule"], r["indicator"] or None,
                              r["date_known"] == "true")
        for r in rows
    }  # fmt: skip


RULES: dict[str, TargetRule] = _rules()


def rule(kind: str) -> TargetRule:
    """Return the rule of a target kind; raise KeyError naming the kinds that exist."""
    try:
        return RULES[kind]
    except KeyError:
        raise KeyError(f"no target rule {kind!r}; the rules are {', '.join(RULES)}") from None


def for_ea(ea: str) -> list[TargetRule]:
    """Return the rules of one EA's target kinds, in the order the pages show them."""
    return [r for r in RULES.values() if r.ea == ea]


def params(year_to: int, baseline_year: int = BASELINE_YEAR) -> dict[str, int]:
    """Return the non-filter parameters of the EA2 targets query: the year to evaluate and the baseline."""
    return {"year_to": year_to, "baseline_year": baseline_year}


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
    if ea not in QUERIES:
        return None
    if ea == "EA2" and met is not None:
        raise ValueError("the EA2 targets query cannot filter on 'met'")
    if met is not None and met not in MET_VALUES[ea]:
        raise ValueError(f"{ea}: 'met' must be one of {MET_VALUES[ea]}, not {met!r}")
    rules = {r.kind: f"{r.label}: {r.rule}" for r in for_ea(ea)}
    extra = params(year_to) if ea == "EA2" else {**windows(year_to), "met": met}
    return TargetTable(ea, QUERIES[ea], extra, MET_VALUES[ea], rules)


def status(run: Callable[..., pd.DataFrame], ea: str, filters: Filters, met: str | None = None) -> pd.DataFrame:
    """Return the target table of an EA under `filters` (empty when the seed names no target countries).

    `run(query, filters, **params)` returns a named query's rows (the page's cached runner, or the tests' own).
    """
    table = table_for(ea, filters.year_to, met)
    return pd.DataFrame() if table is None else run(table.query, filters, **table.params)


def summary(met: Iterable[str], values: tuple[str, ...]) -> dict[str, int]:
    """Return how many targets have each 'met' value (every value present, zeros included)."""
    met = list(met)
    unexpected = set(met) - set(values)
    if unexpected:
        raise ValueError(f"unexpected 'met' values {sorted(unexpected)}; expected {values}")
    return {v: met.count(v) for v in values}


def status_of(iso3: str, by_ea: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return met and its reason for each target of one country, from each EA's target-status query result."""
    frames = []
    for ea, df in by_ea.items():
        df = df[df["iso3"] == iso3]
        if "detail" in df.columns:
            text = df["detail"]
        else:  # EA2's rules: the instruments' status and when the target was met
            text = df["status"] + "; " + df["when_met"].map(lambda w: f"met {w}" if w[:1].isdigit() else w)
        frames.append(pd.DataFrame({"ea_code": ea, "target_kind": df["target_kind"], "met": df["met"], "detail": text}))
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=PROFILE_COLUMNS)


def with_status(named: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """Return the targets naming a country (query profile_ea_targets) with the target in words, met and why.

    A target no rule assesses shows "not assessed".
    """
    df = named.copy()
    df["target"] = [
        rule(k).label + (f" ({', '.join(i)})" if k == "ratify_optional_protocols" and i is not None else "")
        for k, i in zip(df["target_kind"], df["instruments"])
    ]
    df = df.merge(status, on=["ea_code", "target_kind"], how="left")
    df["met"] = df["met"].fillna("not assessed")
    df["detail"] = df["detail"].fillna("")
    return df
