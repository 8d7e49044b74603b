"""Reference data and seed facts: counts, keys, and every EA target traced to its seed sentence."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from hrdash.demo.upr import session_days
from hrdash.importers.countries import resolver
from hrdash.importers.upr import cycle_of_session, session_starts
from hrdash.paths import REFERENCE
from tests.helpers.paths import SHARED, seed_text

TERMAN = SHARED / "realdata" / "upr_terman_years"


def test_countries(empty_db):
    q = empty_db.execute
    assert q("select count(*) from country").fetchone() == (196,)
    assert q("select count(*) from country where un_member").fetchone() == (193,)
    non_members = q("select list(iso3 order by iso3) from country where not un_member").fetchone()[0]
    assert non_members == ["PSE", "VAT", "XKX"]
    assert q("select count(*) from country where ldc").fetchone() == (49,)
    assert q("select count(*) from country where sids").fetchone() == (38,)
    assert q("select ohchr_region from country where iso3 = 'NAM'").fetchone() == ("Africa",)
    assert q("select iso2 from country where iso3 = 'NAM'").fetchone() == ("NA",)  # not read as missing
    regions = dict(q("select ohchr_region, count(*) from country group by 1").fetchall())
    assert set(regions) == {
        "Africa",
        "Americas",
        "Asia-Pacific",
        "Europe and Central Asia",
        "Middle East and North Africa",
    }


def test_instruments(empty_db):
    rows = dict(empty_db.execute("select code, adopted::varchar from instrument").fetchall())
    assert len(rows) == 18
    assert rows["CCPR"] == "1966-12-16" and rows["CED"] == "2006-12-20" and rows["CRC-OP-IC"] == "2011-12-19"
    bodies = dict(empty_db.execute("select code, body from instrument").fetchall())
    assert bodies["CAT-OP"] == "SPT" and bodies["CRC-OP-AC"] == "CRC"


def test_special_procedures_mandates_end_2013(empty_db):
    kinds = dict(empty_db.execute("select kind, count(*) from sp_mandate group by 1").fetchall())
    assert sum(kinds.values()) == 51  # seed 004: "51 mandates"
    assert kinds["country"] == 14  # see sp_mandate.meta.json: Syria's mandate counted, as OHCHR's own 2013 tally
    country = {r[0] for r in empty_db.execute("select country_iso3 from sp_mandate where kind = 'country'").fetchall()}
    assert {"MMR", "PRK", "PSE", "HTI", "KHM", "SOM", "SDN", "BLR", "ERI", "IRN", "CIV", "MLI", "CAF"} <= country


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def test_every_ea_target_sentence_is_in_seed_004(empty_db):
    seed = _norm(seed_text("004"))
    rows = empty_db.execute("select ea_code, country_iso3, name_in_seed, sentence, source from ea_target").fetchall()
    assert len(rows) > 150
    for ea, iso3, name, sentence, source in rows:
        assert source == "seed:004"
        assert _norm(sentence) in seed, (ea, iso3)
        assert name in sentence, (ea, iso3, name)


def target_countries(con, ea: str, kind: str) -> set[str]:
    """Return the ISO3 codes of the target countries of one EA and target kind."""
    sql = "select country_iso3 from ea_target where ea_code = $ea and target_kind = $kind"
    return {r[0] for r in con.execute(sql, {"ea": ea, "kind": kind}).fetchall()}


@pytest.mark.parametrize(
    ("ea", "kind", "expected"),
    [
        ("EA2", "ratify_covenant_or_icerd", {"AGO", "MMR", "PSE", "STP", "SSD"}),
        ("EA2", "ratify_cmw", {"BEN", "KHM", "DJI", "ETH", "GMB", "LBR", "MDG", "TZA", "ZWE"}),
        ("EA2", "ratify_ccpr_op2", {"BFA", "KHM", "CMR", "GMB", "SEN"}),
        ("EA2", "ratify_cescr_op", {"CAF", "MDA"}),
        ("EA2", "withdraw_reservations", {"KEN", "LBY", "MRT", "MEX", "TUN"}),
        ("EA2", "ratify_optional_protocols", {"BDI", "HND", "LBY", "MDG", "MLI", "MEX"}),
        ("EA6", "national_action_plan", {"BOL", "CIV", "MLI", "MEX", "TLS", "TGO"}),
        ("EA11", "integrate_recommendations", {"CIV", "MWI", "MEX", "MDA", "RUS", "SRB", "UKR", "ZMB"}),
        ("EA11", "undaf_mainstreaming", {"BDI", "GTM", "MDG", "SLE"}),
        ("EA11", "unct_engagement", {"PRY", "TZA"}),
    ],
)
def test_target_lists_match_the_seed(empty_db, ea, kind, expected):
    assert target_countries(empty_db, ea, kind) == expected


@pytest.mark.parametrize(
    ("ea", "kind", "some"),
    [
        ("EA6", "standing_coordination_body", {"AGO", "ARM", "AZE", "BHS", "MKD", "XKX", "ZMB", "UKR", "TJK"}),
        ("EA6", "timely_reporting", {"AFG", "CPV", "COD", "SOM", "SSD", "TZA", "ZMB", "SRB"}),
        ("EA6", "sp_engagement", {"BWA", "GNB", "SWZ", "XKX", "ZWE", "MUS", "NAM"}),
        ("EA7", "civil_society_engagement", {"ARG", "BRN", "LAO", "MKD", "TLS", "SGP", "URY", "VEN", "XKX"}),
    ],
)
def test_long_target_lists_spot_checks(empty_db, ea, kind, some):
    assert some <= target_countries(empty_db, ea, kind)


def test_seed_facts_keep_their_seed_as_source(empty_db):
    q = empty_db.execute
    hra = dict(q("select country_iso3, source from hra_deployment").fetchall())
    assert {"ALB", "MDA", "KEN", "NER", "RWA", "ECU"} <= set(hra)
    assert set(hra.values()) == {"seed:002"}
    liberia = q("select activity, source from unct_engagement where country_iso3 = 'LBR'").fetchall()
    assert ("human rights working group", "seed:000") in liberia
    stories = dict(q("select country_iso3, source from story").fetchall())
    for iso3 in ["AZE", "URY", "TZA"]:
        assert stories[iso3] == "seed:001"
    figures = dict(q("select key, value from seed_figure").fetchall())
    assert figures["sp_visits_2013"] == 79 and figures["sp_communications_2013"] == 528
    assert figures["hra_deployed_2011_06_30"] == 18


def test_seed_figure_sentences_are_verbatim(empty_db):
    seeds = {n: _norm(seed_text(n)) for n in ["000", "001", "002", "004"]}
    for key, sentence, source in empty_db.execute("select key, sentence, source from seed_figure").fetchall():
        assert _norm(sentence) in seeds[source.removeprefix("seed:")], key


def test_the_upr_calendar_is_one_table_read_by_the_importers_and_the_demo(empty_db):
    """upr_session (data/public) is the one calendar: the importers' first days and the demo's dates come from it."""
    rows = empty_db.execute("select session, cycle, year, first_day, source from upr_session order by 1").fetchall()
    assert [r[0] for r in rows] == list(range(1, 54))
    assert {r[4] for r in rows} == {"public:upr-calendar-2026"}
    curated = pd.read_csv(REFERENCE / "upr_session_start.csv", dtype=str).set_index("session")["first_day"]
    days = session_days(empty_db.execute("select * from upr_session").df())
    for session, cycle, year, first_day, _ in rows:
        expected_cycle = 1 if session <= 12 else 2 if session <= 26 else 3 if session <= 40 else 4
        assert cycle == cycle_of_session(session) == expected_cycle
        if session <= 48:  # checked first days: the curated list, the importers' and the demo's
            assert first_day.isoformat() == session_starts()[session] == curated[str(session)], session
            assert str(days[session]) == session_starts()[session]
        else:  # not checked: no first day; the demo places its own in the session's year
            assert first_day is None and session not in session_starts()
            assert int(str(days[session])[:4]) == year
        assert str(days[session]).startswith(str(year))


@pytest.mark.skipif(not TERMAN.exists(), reason=f"real data not found at {TERMAN} (../shared is absent)")
def test_upr_session_years_agree_with_terman_files(empty_db):
    """For every State of sessions.csv, its session's year (upr_session) is its review year in upr-years.csv."""
    table = {s: (c, y) for s, c, y in empty_db.execute("select session, cycle, year from upr_session").fetchall()}
    sessions = pd.read_csv(TERMAN / "sessions.csv", dtype=str, keep_default_na=False)
    years = pd.read_csv(TERMAN / "upr-years.csv", dtype=str, keep_default_na=False)
    iso3 = lambda name: resolver().resolve(name).codes[0]  # noqa: E731
    review = {(iso3(r.country), c): getattr(r, f"review{c}") for r in years.itertuples() for c in (1, 2)}
    differ = {}
    for name, session in zip(sessions["To"], sessions["Session"].astype(int)):
        cycle, year = table[session]
        if review[(iso3(name), cycle)] != str(year):
            differ[(iso3(name), cycle, session)] = review[(iso3(name), cycle)]
    # one State each, not a session (see upr_session.meta.json): Haiti, session 12 (October 2011), is 2010 in
    # upr-years.csv; South Sudan, listed in session 11 of 2011, has no cycle-1 year there
    assert differ == {("HTI", 1, 12): "2010", ("SSD", 1, 11): "."}
    # sessions 21–26 are not in sessions.csv: the States per review year must fit the sessions held that year
    for cycle in (1, 2):
        held = pd.Series([y for c, y in table.values() if c == cycle]).value_counts()
        per_year = years[f"review{cycle}"][years[f"review{cycle}"] != "."].astype(int).value_counts()
        assert set(per_year.index) == set(held.index)
        for year, n in per_year.items():
            assert 13 * held[year] <= n <= 17 * held[year], (cycle, year)
