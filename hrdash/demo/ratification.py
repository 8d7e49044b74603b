"""Demo ratifications: patterns by region and instrument resembling the real ones."""

from __future__ import annotations

import pandas as pd

from .common import DEMO, LAST_YEAR, day, days_between, rng, to_date_series, year_end, year_start

# Share of States parties by 2017, roughly as in the UN Treaty Collection.
PARTY_RATE = {
    "CERD": 0.91, "CCPR": 0.86, "CCPR-OP1": 0.59, "CCPR-OP2-DP": 0.43, "CESCR": 0.84,
    "CESCR-OP": 0.12, "CEDAW": 0.96, "CEDAW-OP": 0.55, "CAT": 0.82, "CAT-OP": 0.44,
    "CRC": 0.995, "CRC-OP-AC": 0.85, "CRC-OP-SC": 0.88, "CRC-OP-IC": 0.18, "CMW": 0.26,
    "CED": 0.29, "CRPD": 0.89, "CRPD-OP": 0.47,
}  # fmt: skip
# Regional tilt: the seed names Asia-Pacific and the Pacific as low, ICMW low in Europe.
REGION_FACTOR = {
    "Asia-Pacific": {"*": 0.8, "optional_protocol": 0.65},
    "Middle East and North Africa": {"optional_protocol": 0.55, "CCPR-OP2-DP": 0.15},
    "Europe and Central Asia": {"*": 1.1, "CMW": 0.3, "optional_protocol": 1.4},
    "Americas": {"CMW": 2.0, "CCPR-OP2-DP": 1.4, "optional_protocol": 1.2},
    "Africa": {"CMW": 1.4, "CCPR-OP2-DP": 0.7},
}
SIGNATORY_RATE = 0.08
RESERVATION_RATE = {"CEDAW": 0.22, "CRC": 0.15, "CERD": 0.1, "CCPR": 0.1, "CESCR": 0.06}
# EA2 target countries had not ratified their target instruments at the 2013 baseline.
TARGET_KINDS = {"ratify_covenant_or_icerd", "ratify_cmw", "ratify_ccpr_op2", "ratify_cescr_op"}
TARGET_MET_BY_2017 = 0.3


def _rate(code: str, kind: str, region: str) -> float:
    if code == "CRC":  # near-universal everywhere
        return PARTY_RATE[code]
    tilt = REGION_FACTOR.get(region, {})
    f = tilt.get(code, tilt.get(kind, tilt.get("*", 1.0)))
    return min(PARTY_RATE[code] * f, 0.995)


def generate(country: pd.DataFrame, instrument: pd.DataFrame, ea_target: pd.DataFrame) -> pd.DataFrame:
    """Return one row per country × instrument with any action (signature or consent)."""
    r = rng("ratification")
    targets = {
        (t.country_iso3, code)
        for t in ea_target.itertuples()
        if t.target_kind in TARGET_KINDS
        for code in t.instruments
    }
    rows = []
    for ins in instrument.itertuples():
        adopted = day(ins.adopted)
        adopted_year = int(str(ins.adopted)[:4])
        for c in country.itertuples():
            u, u_sign = r.random(), r.random()
            party = u < _rate(ins.code, ins.kind, c.ohchr_region)
            # Early adoption is more common for older treaties: years after adoption ~ exponential.
            lag = min(r.exponential(8.0 if adopted_year < 1995 else 4.0), LAST_YEAR - adopted_year)
            consent = max(
                adopted + 1, days_between(r, year_start(adopted_year + int(lag)), year_end(adopted_year + int(lag)))[()]
            )
            if (c.iso3, ins.code) in targets and party and consent < day("2014-01-01"):
                party = r.random() < TARGET_MET_BY_2017
                consent = days_between(r, day("2014-01-01"), day("2017-12-31"))[()]
            signed = party or u_sign < SIGNATORY_RATE
            if not signed:
                continue
            kind = r.choice(["ratification", "accession", "succession"], p=[0.6, 0.37, 0.03])
            signature = None
            if not party or kind == "ratification":
                latest = consent if party else day("2017-12-31")
                signature = days_between(r, max(adopted, latest - 1500), latest)[()]
            rows.append(
                (
                    c.iso3, ins.code, signature, consent if party else None,
                    str(kind) if party else None,
                    bool(party and r.random() < RESERVATION_RATE.get(ins.code, 0.03)),
                )
            )  # fmt: skip
    df = pd.DataFrame(
        rows,
        columns=["country_iso3", "instrument", "signature_date", "consent_date", "consent_type", "reservations"],
    )
    df["signature_date"] = to_date_series(df["signature_date"].to_numpy(dtype="datetime64[D]"))
    df["consent_date"] = to_date_series(df["consent_date"].to_numpy(dtype="datetime64[D]"))
    df["date_precision"] = "day"
    df["source"] = DEMO
    return df
