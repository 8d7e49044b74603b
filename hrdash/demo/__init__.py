"""Deterministic demo data for every fact table, calibrated to the figures of the seeds.

`generate` takes the reference tables (and the seed rows it must not contradict) and
returns one DataFrame per fact table. The same inputs give the same bytes on every run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from . import engagement, ratification, special_procedures, treaty_bodies, upr

FACT_TABLES = [
    "ratification", "tb_report", "sp_visit", "standing_invitation", "sp_communication", "upr_review",
    "recommendation", "national_mechanism", "stakeholder_submission", "unct_engagement",
    "hra_deployment", "normative_output", "nhri",
]  # fmt: skip


def generate(ref: dict[str, pd.DataFrame], scale: int = 1) -> dict[str, pd.DataFrame]:
    """Return demo rows per fact table; `scale` multiplies UPR recommendations and communications."""
    if scale < 1:
        raise ValueError("scale must be a positive integer")
    country, instrument, mandate = ref["country"], ref["instrument"], ref["sp_mandate"]
    targets = ref["ea_target"]
    out: dict[str, pd.DataFrame] = {}
    out["ratification"] = ratification.generate(country, instrument, targets)
    out["tb_report"] = treaty_bodies.generate(out["ratification"], country)
    sp_targets = set(targets.loc[targets["target_kind"] == "sp_engagement", "country_iso3"])
    out["standing_invitation"] = special_procedures.standing_invitations(country, sp_targets)
    out["sp_visit"] = special_procedures.visits(country, mandate, set(out["standing_invitation"]["country_iso3"]))
    out["sp_communication"] = special_procedures.communications(country, mandate, scale)
    out["upr_review"] = upr.reviews(country)
    out["recommendation"] = pd.concat(
        [
            upr.upr_recommendations(out["upr_review"], out["ratification"], country, scale),
            upr.other_recommendations(out["tb_report"], out["sp_visit"]),
        ],
        ignore_index=True,
    )
    out["national_mechanism"] = engagement.national_mechanisms(country)
    out["stakeholder_submission"] = engagement.stakeholder_submissions(out["upr_review"], out["tb_report"])
    out["unct_engagement"] = engagement.unct_engagement(country, out["upr_review"], ref["unct_engagement"])
    out["hra_deployment"] = engagement.hra_deployments(country, ref["hra_deployment"])
    out["nhri"] = engagement.nhris(country)
    out["normative_output"] = engagement.normative_outputs(instrument, mandate)
    return out


def fingerprint(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Return the sha256 of each table's canonical CSV text (for determinism checks)."""
    return {name: hashlib.sha256(df.to_csv(index=False).encode()).hexdigest() for name, df in sorted(tables.items())}


def write_csv(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each table as <name>.csv in out_dir and return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in sorted(tables.items()):
        path = out_dir / f"{name}.csv"
        df.to_csv(path, index=False)
        paths.append(path)
    return paths
