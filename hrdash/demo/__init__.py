"""Deterministic demo data for what no bundled public source covers, calibrated to the figures of the seeds.

`generate` takes the reference tables (and the seed rows it must not contradict) and the bundled public facts
(data/public: ratification, UPR reviews of cycles 1–2, UPR recommendations of cycle 1) and returns one DataFrame
per table it fills. It never makes a ratification (the real status is public) and stays consistent with the real
facts: treaty-body reports only by States parties, UPR reviews and recommendations only where the public data
have none, "ratify X" only to a State not party to X at its review. The same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pandas as pd

from . import engagement, special_procedures, treaty_bodies, upr
from .common import LAST_YEAR

FACT_TABLES = [
    "tb_report", "sp_visit", "standing_invitation", "sp_communication", "upr_review",
    "recommendation", "national_mechanism", "stakeholder_submission", "unct_engagement",
    "hra_deployment", "normative_output", "nhri",
]  # fmt: skip
PUBLIC_TABLES = ("ratification", "upr_review", "recommendation")  # what `generate` reads of the public facts


def generate(ref: dict[str, pd.DataFrame], public: dict[str, pd.DataFrame], scale: int = 1) -> dict[str, pd.DataFrame]:
    """Return demo rows per table of FACT_TABLES; `scale` multiplies UPR recommendations and communications."""
    if scale < 1:
        raise ValueError("scale must be a positive integer")
    if missing := [t for t in PUBLIC_TABLES if t not in public]:
        raise ValueError(f"the public facts {missing} are needed (hrdash.db.reference.load_public)")
    if int(ref["upr_session"]["year"].max()) != LAST_YEAR:
        raise ValueError(f"the UPR calendar ends in {ref['upr_session']['year'].max()}, the demo in {LAST_YEAR}")
    country, instrument, mandate = ref["country"], ref["instrument"], ref["sp_mandate"]
    targets = ref["ea_target"]
    ratification = public["ratification"]
    out: dict[str, pd.DataFrame] = {}
    out["tb_report"] = treaty_bodies.generate(ratification, country)
    sp_targets = set(targets.loc[targets["target_kind"] == "sp_engagement", "country_iso3"])
    out["standing_invitation"] = special_procedures.standing_invitations(country, sp_targets)
    out["sp_visit"] = special_procedures.visits(country, mandate, set(out["standing_invitation"]["country_iso3"]))
    out["sp_communication"] = special_procedures.communications(country, mandate, scale)
    out["upr_review"] = upr.reviews(country, ref["upr_session"], public["upr_review"])
    real = public["upr_review"].astype({"review_date": "datetime64[s]", "national_report": "boolean",
                                        "midterm_report": "boolean", "session": "Int64"})  # fmt: skip
    reviews = pd.concat([real, out["upr_review"].astype({"session": "Int64"})], ignore_index=True)  # cycles 1-2 real
    with warnings.catch_warnings():  # the other mechanisms' cycle, session, response ... are all empty: fine
        warnings.simplefilter("ignore", FutureWarning)
        out["recommendation"] = pd.concat(
            [
                upr.upr_recommendations(reviews, ratification, country, ref["upr_session"], scale),
                upr.other_recommendations(out["tb_report"], out["sp_visit"]),
            ],
            ignore_index=True,
        )
    out["national_mechanism"] = engagement.national_mechanisms(country)
    out["stakeholder_submission"] = engagement.stakeholder_submissions(reviews, out["tb_report"])
    out["unct_engagement"] = engagement.unct_engagement(country, reviews, ref["unct_engagement"])
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
