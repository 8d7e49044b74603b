"""The targets of seed 004 that name one country, with whether each is met (by the shared target rules).

The rules are not written here: EA2's are hrdash/model/targets.py with queries/ratification_ea2_targets.sql
(Ratification page), EA6/EA7/EA11's are hrdash/ea_targets.py with its queries (Expected
accomplishments page). The profile runs those queries for all target countries (cached per year)
and keeps the country's rows.
"""

from __future__ import annotations

import pandas as pd

from . import ea_targets
from .model import targets

COLUMNS = ["ea_code", "target_kind", "met", "detail"]


def target_label(kind: str) -> str:
    """Return what a seed-004 target kind asks for, in words (the labels of the shared target rules)."""
    rule = targets.RULES.get(kind) or ea_targets.RULES.get(kind)
    return rule.label if rule else kind


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
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def with_status(named: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """Return the targets naming a country (query profile_ea_targets) with the target in words, met and why.

    A target no rule assesses shows "not assessed".
    """
    df = named.copy()
    df["target"] = [
        target_label(k) + (f" ({', '.join(i)})" if k == "ratify_optional_protocols" and i is not None else "")
        for k, i in zip(df["target_kind"], df["instruments"])
    ]
    df = df.merge(status, on=["ea_code", "target_kind"], how="left")
    df["met"] = df["met"].fillna("not assessed")
    df["detail"] = df["detail"].fillna("")
    return df
