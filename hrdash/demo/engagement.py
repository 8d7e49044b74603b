"""Demo data on national mechanisms, civil society, NHRIs, UNCTs, HRAs and normative outputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DEMO, FIRST_YEAR, LAST_YEAR, days_between, pick_distinct, rng, to_date_series

HRA_DATE, HRAS_ON_DATE = np.datetime64("2011-06-30"), 18  # seed 002: 18 HRAs as of 30 June 2011
SUBMITTER_MEANS = {"NHRI": 0.7, "national NGO": 5.0, "coalition": 1.5, "international NGO": 3.0}
ENGAGED_REGIONS = {"Africa", "Americas", "Asia-Pacific", "Middle East and North Africa"}


def national_mechanisms(country: pd.DataFrame) -> pd.DataFrame:
    """Return standing national mechanisms for reporting and follow-up (about 75 by 2017, 90 by the last year)."""
    r = rng("national_mechanism")
    chosen = pick_distinct(r, country[country["un_member"]]["iso3"], 90)
    return pd.DataFrame(
        {
            "country_iso3": chosen,
            "established": to_date_series(days_between(r, "2002-01-01", f"{LAST_YEAR}-12-31", len(chosen))),
            "type": r.choice(
                ["ad hoc", "ministerial", "inter-ministerial", "institutionally separate"],
                len(chosen),
                p=[0.2, 0.25, 0.45, 0.1],
            ),
            "nhri_participation": r.random(len(chosen)) < 0.45,
            "cso_participation": r.random(len(chosen)) < 0.35,
            "tracking_tool": r.random(len(chosen)) < 0.3,
            "source": DEMO,
        }
    ).sort_values("country_iso3", ignore_index=True)


def stakeholder_submissions(upr_review: pd.DataFrame, tb_report: pd.DataFrame) -> pd.DataFrame:
    """Return submissions by NHRIs and civil society to each UPR review (real or demo) and treaty-body review."""
    r = rng("stakeholder_submission")
    upr = pd.DataFrame(
        {"country_iso3": upr_review["country_iso3"], "mechanism": "UPR",
         "year": upr_review["review_year"], "cycle": upr_review["cycle"], "growth": upr_review["cycle"]}
    )  # fmt: skip
    tb = tb_report.dropna(subset=["reviewed_date"])
    tb = pd.DataFrame(
        {"country_iso3": tb["country_iso3"], "mechanism": "treaty bodies", "year": tb["reviewed_date"].dt.year,
         "cycle": None, "growth": np.minimum(1 + (tb["reviewed_date"].dt.year - FIRST_YEAR) / 5, 3)}
    )  # fmt: skip
    frames = []
    for kind, mean in SUBMITTER_MEANS.items():
        for base in (upr, tb):
            f = base.copy()
            f["submitter_type"] = kind
            f["count"] = r.poisson(mean * f["growth"].to_numpy(float) * (0.6 if base is tb else 1.0))
            frames.append(f)
    df = pd.concat(frames, ignore_index=True)
    df = df[df["count"] > 0]
    df = df.groupby(["country_iso3", "mechanism", "year", "submitter_type"], as_index=False).agg(
        cycle=("cycle", "first"), count=("count", "sum")
    )
    df["cycle"] = df["cycle"].astype("Int64")
    df["source"] = DEMO
    return df[["country_iso3", "mechanism", "year", "cycle", "submitter_type", "count", "source"]]


def unct_engagement(country: pd.DataFrame, upr_review: pd.DataFrame, seed: pd.DataFrame) -> pd.DataFrame:
    """Return UNCT activities with the mechanisms; never a second working group where a seed has one."""
    r = rng("unct_engagement")
    programme = country[country["ohchr_region"].isin(ENGAGED_REGIONS) & country["un_member"]]["iso3"].to_numpy()
    rows = []
    for rv in upr_review[upr_review["country_iso3"].isin(programme)].itertuples():
        y = rv.review_year
        if r.random() < 0.45:
            rows.append((rv.country_iso3, y, "UPR", "UNCT submission", "Demo: joint UNCT submission to the UPR"))
        if r.random() < 0.3 and y < LAST_YEAR:
            rows.append((rv.country_iso3, y + 1, "UPR", "follow-up plan", "Demo: support to a UPR follow-up plan"))
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for c in programme[r.random(len(programme)) < 0.12]:
            mech = str(r.choice(["treaty bodies", "special procedures", "all mechanisms"]))
            act = {"treaty bodies": "UNCT submission", "special procedures": "support to a visit"}.get(mech)
            act = act or str(r.choice(["joint programme", "recommendations in UNDAF"]))
            rows.append((c, year, mech, act, f"Demo: {act} ({mech})"))
    has_group = set(seed.loc[seed["activity"] == "human rights working group", "country_iso3"])
    candidates = [c for c in programme if c not in has_group]
    for c in pick_distinct(r, candidates, 30):
        year = int(r.integers(2009, LAST_YEAR + 1))
        rows.append(
            (c, year, "all mechanisms", "human rights working group", "Demo: UNCT human rights working group set up")
        )
    df = pd.DataFrame(rows, columns=["country_iso3", "year", "mechanism", "activity", "description"])
    df.insert(0, "id", [f"demo-unct-{i:05d}" for i in range(len(df))])
    df["source"] = DEMO
    return df


def hra_deployments(country: pd.DataFrame, seed: pd.DataFrame) -> pd.DataFrame:
    """Return HRA deployments so that, with the seed's, 18 were deployed on 30 June 2011."""
    r = rng("hra_deployment")
    start = seed["start_date"].to_numpy(dtype="datetime64[D]")
    end = seed["end_date"].to_numpy(dtype="datetime64[D]")
    active = int(np.sum((start <= HRA_DATE) & (np.isnat(end) | (end >= HRA_DATE))))
    need = HRAS_ON_DATE - active
    if need < 0:
        raise ValueError(f"seed rows already give {active} HRAs on {HRA_DATE}, more than {HRAS_ON_DATE}")
    pool = country[country["ohchr_region"].isin(ENGAGED_REGIONS) & ~country["iso3"].isin(seed["country_iso3"])]
    chosen = pick_distinct(r, pool["iso3"], need + 16)
    on, before, after = chosen[:need], chosen[need : need + 4], chosen[need + 4 :]
    starts = np.concatenate(
        [days_between(r, "2006-01-01", "2011-06-01", len(on)), days_between(r, "2005-01-01", "2008-12-31", len(before)),
         days_between(r, "2011-09-01", f"{LAST_YEAR - 1}-12-31", len(after))]
    )  # fmt: skip
    ends = np.concatenate(
        [np.where(r.random(len(on)) < 0.5, days_between(r, "2011-07-01", f"{LAST_YEAR}-12-31", len(on)),
                  np.datetime64("NaT")),
         days_between(r, "2009-06-01", "2011-05-31", len(before)),
         np.where(r.random(len(after)) < 0.3, starts[-len(after):] + 900, np.datetime64("NaT"))]
    )  # fmt: skip
    # The 2012-2013 plan added four regional advisers (seed 002).
    regions = ["Africa", "Americas", "Asia-Pacific", "Europe and Central Asia"]
    df = pd.DataFrame(
        {"country_iso3": [*chosen, *[None] * 4], "region": [*[None] * len(chosen), *regions],
         "start_date": np.concatenate([starts, days_between(r, "2012-03-01", "2013-12-31", 4)]),
         "end_date": np.concatenate([ends, np.full(4, np.datetime64("NaT"), dtype="datetime64[D]")])}
    )  # fmt: skip
    df["start_date"] = to_date_series(df["start_date"])
    df["end_date"] = to_date_series(df["end_date"])
    df.insert(0, "id", [f"demo-hra-{i:03d}" for i in range(len(df))])
    df["funding"] = r.choice(["Action 2", "UNDG-HRM", "OHCHR", "UNCT co-funding"], len(df))
    df["description"] = "Demo: illustrative deployment"
    df["source"] = DEMO
    return df


def nhris(country: pd.DataFrame) -> pd.DataFrame:
    """Return NHRIs with their accreditation status (about 120 countries)."""
    r = rng("nhri")
    chosen = np.sort(pick_distinct(r, country["iso3"], 120))
    names = dict(zip(country["iso3"], country["name"]))  # named as a person would write it, not by code
    return pd.DataFrame(
        {
            "country_iso3": chosen,
            "name": [f"National Human Rights Commission of {names[c]} (demo)" for c in chosen],
            "status": r.choice(["A", "B", "C", "none"], len(chosen), p=[0.6, 0.25, 0.08, 0.07]),
            "year": r.integers(2000, LAST_YEAR + 1, len(chosen)),
            "source": DEMO,
        }
    )


def normative_outputs(instrument: pd.DataFrame, mandate: pd.DataFrame) -> pd.DataFrame:
    """Return general comments of treaty bodies and thematic reports of Special Procedures."""
    r = rng("normative_output")
    bodies = sorted(set(instrument["body"]) - {"SPT"})
    rows = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for b in bodies:
            for _ in range(int(r.poisson(0.8))):
                kind = "general recommendation" if b in ("CERD", "CEDAW") else "general comment"
                rows.append((b, kind, f"{year}-{int(r.integers(1, 13)):02d}-15", f"Demo {kind} of {b} ({year})"))
        thematic = mandate[(mandate["kind"] == "thematic") & (mandate["established"] <= year)]["code"]
        for code in thematic:
            rows.append(
                (
                    code,
                    "thematic report",
                    f"{year}-{int(r.integers(1, 13)):02d}-01",
                    f"Demo thematic report of {code} ({year})",
                )
            )
    df = pd.DataFrame(rows, columns=["body", "kind", "date", "title"])
    df["date"] = pd.to_datetime(df["date"])
    df.insert(0, "id", [f"demo-norm-{i:05d}" for i in range(len(df))])
    df["themes"] = [[] for _ in range(len(df))]
    df["source"] = DEMO
    return df
