"""Demo Special Procedures data: visits, standing invitations and communications.

Calibrated to seed 004: in 2013, 79 visits to 66 countries and territories and 528
communications to 117 States, 84 per cent of them joint.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DEMO, FIRST_YEAR, LAST_YEAR, days_between, pick_distinct, rng, spread, to_date_series

VISITS_2013, VISIT_COUNTRIES_2013 = 79, 66
COMMS_2013, COMM_STATES_2013, JOINT_SHARE_2013 = 528, 117, 0.84
PENDING_STATUSES = ["requested", "accepted", "postponed", "no reply"]


def _visit_counts(r: np.random.Generator, year: int) -> tuple[int, int]:
    if year == 2013:
        return VISITS_2013, VISIT_COUNTRIES_2013
    n = int(r.integers(66, 92))
    return n, int(n * r.uniform(0.78, 0.9))


def visits(country: pd.DataFrame, mandate: pd.DataFrame, invited: set[str]) -> pd.DataFrame:
    """Return completed visits per year (exact for 2013) and requests still open or refused."""
    r = rng("sp_visit")
    iso = country["iso3"].to_numpy()
    weight = np.array([3.0 if c in invited else 1.0 for c in iso])
    rows = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        n, k = _visit_counts(r, year)
        where = np.repeat(pick_distinct(r, iso, k, weight), spread(r, n, k, 2.0))
        thematic = mandate[(mandate["kind"] == "thematic") & (mandate["established"] <= year)]["code"].to_numpy()
        country_mandates = dict(
            mandate[(mandate["kind"] == "country") & (mandate["established"] <= year)][
                ["country_iso3", "code"]
            ].itertuples(index=False)
        )
        start = days_between(r, f"{year}-01-08", f"{year}-12-10", len(where))
        for c, s in zip(where, start):
            code = country_mandates.get(c) if c in country_mandates and r.random() < 0.5 else r.choice(thematic)
            end = s + int(r.integers(4, 12))
            request = s - int(r.integers(120, 1500))
            rows.append((c, str(code), request, "completed", s, end))
        # Requests made this year that have not led to a visit (yet).
        for _ in range(int(r.integers(35, 60))):
            c = r.choice(iso)
            request = days_between(r, f"{year}-01-01", f"{year}-12-31")[()]
            status = r.choice(PENDING_STATUSES, p=[0.4, 0.2, 0.1, 0.3])
            rows.append((c, str(r.choice(thematic)), request, str(status), None, None))
    df = pd.DataFrame(
        rows, columns=["country_iso3", "mandate_code", "request_date", "status", "start_date", "end_date"]
    )
    df.insert(0, "id", [f"demo-vis-{i:06d}" for i in range(len(df))])
    for col in ["request_date", "start_date", "end_date"]:
        df[col] = to_date_series(df[col].to_numpy(dtype="datetime64[D]"))
    df["report_symbol"] = [
        f"A/HRC/{y - 2005 + 3 * (y > 2008)}/{int(r.integers(10, 60))}/Add.{int(r.integers(1, 4))}"
        if st == "completed"
        else None
        for y, st in zip(df["start_date"].dt.year.fillna(0).astype(int) + 1, df["status"])
    ]
    df["source"] = DEMO
    return df


def standing_invitations(country: pd.DataFrame, reluctant: set[str]) -> pd.DataFrame:
    """Return standing invitations: about 110 by 2013, a few more each year since."""
    r = rng("standing_invitation")
    members = country[country["un_member"]]["iso3"].to_numpy()
    eager = np.array([c for c in members if c not in reluctant])
    early = pick_distinct(r, eager, 108)
    rest = np.array([c for c in members if c not in set(early)])
    late = pick_distinct(r, rest, 12 + (LAST_YEAR - 2017))
    dates = np.concatenate(
        [
            days_between(r, "1999-03-01", "2013-12-31", len(early)),
            days_between(r, "2014-01-01", f"{LAST_YEAR}-12-31", len(late)),
        ]
    )
    df = pd.DataFrame({"country_iso3": np.concatenate([early, late]), "extended_date": to_date_series(dates)})
    df["source"] = DEMO
    return df.sort_values("country_iso3").reset_index(drop=True)


def communications(country: pd.DataFrame, mandate: pd.DataFrame, scale: int = 1) -> pd.DataFrame:
    """Return communications per year: exactly the seed's 2013 figures at scale 1."""
    r = rng("sp_communication")
    sizes = rng("sp_communication-sizes")  # own stream: yearly counts do not depend on scale
    iso = country["iso3"].to_numpy()
    reply_p = np.where(country["ohchr_region"].to_numpy() == "Europe and Central Asia", 0.7, 0.45)
    weight = r.gamma(0.8, 1.0, len(iso))
    frames = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if year == 2013:
            n, k, joint_share = COMMS_2013, COMM_STATES_2013, JOINT_SHARE_2013
        else:
            n, k, joint_share = int(sizes.integers(450, 650)), int(sizes.integers(105, 130)), sizes.uniform(0.7, 0.88)
        n *= scale
        idx = np.repeat(pick_distinct(r, np.arange(len(iso)), k, weight), spread(r, n, k, 0.7))
        joint = np.zeros(n, bool)
        joint[r.choice(n, size=int(round(joint_share * n)), replace=False)] = True
        codes = mandate[mandate["established"] <= year]["code"].to_numpy()
        size = np.where(joint, r.integers(2, 7, n), 1)
        sent = days_between(r, f"{year}-01-01", f"{year}-12-31", n)
        replied = r.random(n) < reply_p[idx]
        frames.append(
            pd.DataFrame(
                {
                    "sent_date": sent,
                    "country_iso3": iso[idx],
                    "mandates": [sorted(r.choice(codes, s, replace=False).tolist()) for s in size],
                    "type": r.choice(["urgent appeal", "allegation letter", "other letter"], n, p=[0.47, 0.43, 0.1]),
                    "joint": joint,
                    "replied": replied,
                    "reply_date": np.where(replied, sent + r.integers(10, 150, n), np.datetime64("NaT")),
                }
            ).sort_values("sent_date", kind="stable")
        )
    df = pd.concat(frames, ignore_index=True)
    df.insert(0, "id", [f"demo-com-{i:07d}" for i in range(len(df))])
    df["sent_date"] = to_date_series(df["sent_date"])
    df["reply_date"] = to_date_series(df["reply_date"])
    df["source"] = DEMO
    return df
