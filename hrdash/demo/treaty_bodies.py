"""Demo treaty-body reporting: about 120 State reports reviewed a year (seed 004), by States parties only.

Who is a party, and since when, is the real status (the bundled UN Treaty Collection facts): a State reports on a
treaty only after a year as its party, and never after it denounced it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DEMO, FIRST_YEAR, LAST_YEAR, rng, to_date_series

CORE = ["CERD", "CCPR", "CESCR", "CEDAW", "CAT", "CRC", "CMW", "CED", "CRPD"]
REVIEWS_PER_YEAR = (112, 129)  # "an average of 120 State Party reports each year"
OUTSTANDING_SHARE = 0.55  # pairs with a report due and not yet reviewed at the end of the data


def generate(ratification: pd.DataFrame, country: pd.DataFrame) -> pd.DataFrame:
    """Return treaty-body reports: due, submitted and reviewed dates per State party and treaty."""
    r = rng("tb_report")
    parties = ratification[ratification["instrument"].isin(CORE) & ratification["consent_date"].notna()]
    pairs = parties[["country_iso3", "instrument", "consent_date", "denounced_date"]].reset_index(drop=True)
    consent = pairs["consent_date"].to_numpy(dtype="datetime64[D]")
    # Reports end with a denunciation: no report due, submitted or reviewed from that day on.
    until = pairs["denounced_date"].to_numpy(dtype="datetime64[D]")
    until = np.where(np.isnat(until), np.datetime64(f"{LAST_YEAR}-12-31"), until)
    reports: list[tuple] = []
    last_submitted = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        n = int(r.integers(*REVIEWS_PER_YEAR, endpoint=True))
        review = np.datetime64(f"{year}-01-15") + r.integers(0, 330, n)
        lag_review = r.integers(240, 1000, n)  # waiting time between submission and review
        submitted = review - lag_review
        # A State can only report on a treaty it has been party to for a year.
        still = until >= np.datetime64(f"{year}-12-31")
        eligible = np.flatnonzero((consent < np.datetime64(f"{year - 3}-01-01")) & still)
        chosen = r.choice(eligible, size=n, replace=False)
        delay = np.where(r.random(n) < 0.25, -r.integers(0, 120, n), r.integers(30, 1800, n))
        for i, k in enumerate(chosen):
            due = max(submitted[i] - delay[i], consent[k] + 365)
            reports.append((k, due, submitted[i], review[i]))
            last_submitted[k] = max(last_submitted.get(k, submitted[i]), submitted[i])
    # Reports due by the end of the data and not yet reviewed: some submitted, most overdue.
    for k in range(len(pairs)):
        if r.random() >= OUTSTANDING_SHARE:
            continue
        start = max(last_submitted.get(k, consent[k]), consent[k]) + 365
        end = min(np.datetime64(f"{LAST_YEAR}-12-31"), until[k])
        if start >= end - 30:
            continue
        due = start + int(r.integers(0, (end - start).astype(int)))
        submitted = due + int(r.integers(-60, 700)) if r.random() < 0.35 else None
        if submitted is not None and submitted > end:
            submitted = None
        reports.append((k, due, submitted, None))
    df = pd.DataFrame(reports, columns=["pair", "due_date", "submitted_date", "reviewed_date"])
    df = df.join(pairs[["country_iso3", "instrument"]], on="pair").drop(columns="pair")
    df = df.sort_values(["country_iso3", "instrument", "due_date"], kind="stable").reset_index(drop=True)
    df["report_no"] = df.groupby(["country_iso3", "instrument"]).cumcount() + 1
    df["body"] = df["instrument"]
    df["id"] = [f"demo-tbr-{i:06d}" for i in range(len(df))]
    for col in ["due_date", "submitted_date", "reviewed_date"]:
        df[col] = to_date_series(df[col].to_numpy(dtype="datetime64[D]"))
    df["source"] = DEMO
    return df[
        [
            "id",
            "country_iso3",
            "instrument",
            "body",
            "report_no",
            "due_date",
            "submitted_date",
            "reviewed_date",
            "source",
        ]
    ]
