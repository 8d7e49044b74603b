"""Returns what is in the data, area by area, in a manager's words: rows, years, real and demo, where it comes from.

The Data page opens with it (`queries/data_coverage_by_table.sql` gives the counts); the technical view (tables,
columns, formats) is one click further, in the data dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import labels, provenance, text

# Each fact table as the area of work a manager knows it by, in the order of the pages.
AREAS = {
    "ratification": "Ratification of the 18 instruments",
    "tb_report": "Reports to the treaty bodies",
    "national_mechanism": "National mechanisms for reporting and follow-up",
    "sp_visit": "Special Procedures visits",
    "standing_invitation": "Standing invitations to the Special Procedures",
    "sp_communication": "Special Procedures communications",
    "upr_review": "Universal Periodic Review (UPR): reviews",
    "recommendation": "UPR recommendations",
    "stakeholder_submission": "Civil society submissions",
    "nhri": "National human rights institutions (NHRIs)",
    "unct_engagement": "UN Country Team (UNCT) engagement",
    "hra_deployment": "Human Rights Advisers (HRAs) deployed",
    "story": "Stories of UNCT work with the mechanisms",
    "normative_output": "General comments and new standards",
}
COLUMNS = ["Area", "Rows", "Years", "Real", "Demo", "Where the real rows come from"]


def _years(first: float | None, last: float | None) -> str:
    if pd.isna(first) or pd.isna(last):
        return ""
    return f"{int(first)}–{int(last)}" if first != last else f"{int(first)}"


def source_names(sources: str, files: Mapping[str, str] | None = None) -> str:
    """Return a list of sources ("public:untc-…, seed:004") by their names, without the kind in brackets."""
    names = [provenance.label(s.strip(), files).rsplit(" (", 1)[0] for s in sources.split(",") if s.strip()]
    return "; ".join(dict.fromkeys(names))


def areas(counts: pd.DataFrame, files: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return one row per area of the data: rows, years covered, real and demo rows (with the real share) and the
    names of the real sources, from `data_coverage_by_table` rows; areas in the order of `AREAS`."""
    rows = []
    for table, area in AREAS.items():
        mine = counts[counts["table_name"] == table]
        if mine.empty:
            continue
        real, demo = mine[~mine["demo"]], mine[mine["demo"]]
        n_real, n_demo = int(real["rows"].sum()), int(demo["rows"].sum())
        total = n_real + n_demo
        share = 100 * n_real / total if total else None
        rows.append({
            "Area": area,
            "Rows": text.number(total),
            "Years": _years(mine["first_year"].min(), mine["last_year"].max()),
            "Real": f"{text.number(n_real)} ({text.number(share, 'share')})" if n_real else "none",
            "Demo": text.number(n_demo) if n_demo else "none",
            "Where the real rows come from": source_names(", ".join(real["sources"]), files) if n_real else
            "no public source yet: demo only",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(counts: pd.DataFrame) -> str:
    """Return one sentence: how many rows in all, how many real, and which areas are demo only."""
    total = int(counts["rows"].sum())
    real = int(counts.loc[~counts["demo"], "rows"].sum())
    demo_only = [
        AREAS[t] for t in AREAS if t in set(counts["table_name"]) and not (
            (counts["table_name"] == t) & ~counts["demo"]).any()
    ]  # fmt: skip
    sentence = (
        f"{text.number(total)} rows of facts, {text.number(real)} of them real "
        f"({text.number(100 * real / total if total else None, 'share')})."
    )
    if demo_only:
        sentence += " Still demo only (no public source bundled yet): " + ", ".join(demo_only) + "."
    return sentence


def when(iso: str | None) -> str:
    """Return an ISO timestamp as a person writes it ("3 December 2026, 11:50 UTC"); "an unknown date" if none."""
    stamp = pd.to_datetime(iso, errors="coerce", utc=True) if iso else pd.NaT
    return "an unknown date" if pd.isna(stamp) else f"{stamp.day} {stamp:%B %Y, %H:%M} UTC"


def seed_documents() -> list[str]:
    """Return the documents the seed facts come from, by title (the EAs and their targets, HRA figures, stories)."""
    return [labels.SEED_TITLES[k] for k in ("004", "002", "001", "000")]
