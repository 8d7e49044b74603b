"""The bundled public facts (data/public): derived by the project's command, loaded by the build, real on screen.

The derive test runs `derive-public` on ../shared/realdata and compares every table byte for byte with the committed
one. The fact tests compare the built database with the source files, read here with pandas on their own (no
project code between the file and the figure), and with the known checks the realdata README gives.
"""

from __future__ import annotations

import json
import re
import unicodedata

import duckdb
import pandas as pd
import pytest

from hrdash import demo, public
from hrdash.__main__ import main
from hrdash.db import query, reference
from hrdash.importers import sniff
from hrdash.importers.tabular import csv_rows
from hrdash.model import recognition
from hrdash.paths import PUBLIC
from tests.helpers.paths import SHARED

REAL = SHARED / "realdata"
needs_realdata = pytest.mark.skipif(not REAL.exists(), reason=f"real data not found at {REAL} (../shared is absent)")
UNTC = REAL / "untc_ratifications_2026" / "un_hr_ratifications.csv"
NOT_STATES = {"European Union", "Niue", "Cook Islands", "German Democratic Republic", "Czechoslovakia"}


def rows(con, sql: str, **params):
    return con.execute(sql, params).fetchall()


@needs_realdata
def test_derive_public_reproduces_the_committed_tables(tmp_path, capsys):
    assert main(["derive-public", "--realdata", str(REAL), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for table in public.TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (PUBLIC / f"{table}.csv").read_bytes(), table
        assert f"wrote      {tmp_path / table}.csv" in out  # progress per file
    assert "read       untc_ratifications_2026/un_hr_ratifications.csv" in out
    assert "European Union: EUU is not a State in the country table" in out  # reported, left out


def test_derive_public_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["derive-public", "--realdata", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_every_table_has_its_meta_and_every_source_is_a_dataset():
    sets = json.loads((PUBLIC / "datasets.json").read_text())["datasets"]
    for table in public.TABLES:
        meta = json.loads((PUBLIC / f"{table}.meta.json").read_text())
        header = pd.read_csv(PUBLIC / f"{table}.csv", nrows=0).columns.tolist()
        assert list(meta["columns"]) == header, table
        for key in ("source", "url", "as_of", "derived_by", "licence"):
            assert meta[key], (table, key)
        sources = set(pd.read_csv(PUBLIC / f"{table}.csv", usecols=["source"])["source"])
        assert {s.removeprefix("public:") for s in sources} <= set(sets), table
        assert all(table in sets[s.removeprefix("public:")]["tables"] for s in sources)
    assert public.tag("untc-2026-02-03") == "public:untc-2026-02-03"
    with pytest.raises(KeyError):
        public.tag("nowhere-2030")


def test_no_third_party_prose_is_bundled():
    recs = pd.read_csv(PUBLIC / "recommendation.csv", dtype=str, keep_default_na=False)
    assert "text" not in recs.columns
    longest = max(len(v) for c in recs.columns for v in recs[c])
    assert longest < 400  # ids, codes, dates, issue names: no recommendation text
    rat = pd.read_csv(PUBLIC / "ratification.csv", dtype=str, keep_default_na=False)
    assert set(rat["reservations"]) == {""} and set(rat["denounced_date"]) == {""}


# ------------------------------------------------------------------ ratification


def test_known_ratification_facts(con):
    got = {
        (c, i): (str(s) if s else None, str(d) if d else None, t, st, src)
        for c, i, s, d, t, st, src in rows(con, """
            select country_iso3, instrument, signature_date, consent_date, consent_type, status, source
            from ratification where (country_iso3, instrument) in
                (('KEN', 'CAT'), ('LBR', 'CAT'), ('LBR', 'CCPR'), ('USA', 'CCPR'), ('USA', 'CAT'), ('USA', 'CRC'))""")
    }  # fmt: skip
    tag = "public:untc-2026-02-03"
    assert got == {
        ("KEN", "CAT"): (None, "1997-02-21", "accession", "party", tag),
        ("LBR", "CAT"): (None, "2004-09-22", "accession", "party", tag),
        ("LBR", "CCPR"): ("1967-04-18", "2004-09-22", "ratification", "party", tag),
        ("USA", "CCPR"): ("1977-10-05", "1992-06-08", "ratification", "party", tag),
        ("USA", "CAT"): ("1988-04-18", "1994-10-21", "ratification", "party", tag),
        ("USA", "CRC"): ("1995-02-16", None, None, "signatory", tag),
    }


def test_ratification_is_all_public_for_every_state_and_instrument(con):
    assert rows(con, "select source, count(*), count(distinct country_iso3), count(distinct instrument) "
                     "from ratification group by 1") == [("public:untc-2026-02-03", 196 * 18, 196, 18)]  # fmt: skip
    assert rows(con, "select count(*) from ratification where source = 'demo'") == [(0,)]
    assert rows(con, "select count(*) from ratification where reservations is not null or denounced_date "
                     "is not null") == [(0,)]  # fmt: skip
    assert rows(con, "select status from ratification where country_iso3 = 'XKX' group by 1") == [("no action",)]


@needs_realdata
def test_ratification_equals_the_treaty_collection_file(con):
    """Parties, signatories and dates per instrument: the file read with pandas alone, the database by SQL."""
    df = pd.read_csv(UNTC, dtype=str, keep_default_na=False)
    df = df[~df["country_name"].isin(NOT_STATES)]
    # the instrument by its Treaty Collection number, from the reference table (not the importer's map of treaty_id)
    df["instrument"] = df["mtdsg_no"].map(dict(rows(con, "select mtdsg_no, code from instrument")))
    assert df["instrument"].notna().all()
    expected = {
        code: (int((g["action_date"] != "").sum()), int(((g["action_date"] == "") & (g["signature_date"] != "")).sum()))
        for code, g in df.groupby("instrument")
    }  # fmt: skip
    sql = "select instrument, count(*) filter (status = 'party'), count(*) filter (status = 'signatory') " + (
        "from ratification group by 1"
    )
    got = {i: (p, s) for i, p, s in rows(con, sql)}
    assert got == expected
    kinds = df[df["action_type"] != ""].groupby("action_type").size().to_dict()
    got_kinds = dict(rows(con, "select consent_type, count(*) from ratification where consent_type is not null "
                               "group by 1"))  # fmt: skip
    assert got_kinds == {k.lower(): v for k, v in kinds.items()}
    # every date of the file is in the database: the set of (instrument, date, date) triples is the same
    triples = sorted(zip(df["instrument"], df["action_date"], df["signature_date"]))
    db_triples = sorted(
        (i, str(c) if c else "", str(s) if s else "")
        for i, c, s in rows(
            con,
            "select instrument, consent_date, signature_date from ratification "
            "where consent_date is not null or signature_date is not null",
        )  # fmt: skip
    )
    assert db_triples == triples


# ------------------------------------------------------------------ UPR calendar, reviews, recommendations


def test_upr_reviews_of_cycles_1_and_2_are_public_and_3_and_4_demo(con):
    got = rows(con, """select cycle, source, count(*), count(session), min(session), max(session),
                              min(review_year), max(review_year), count(review_date) from upr_review
                       group by all order by all""")  # fmt: skip
    assert got == [
        (1, "public:upr-terman-2015", 193, 193, 1, 12, 2008, 2011, 0),
        (2, "public:upr-terman-2015", 193, 112, 13, 20, 2012, 2016, 0),
        (3, "demo", 193, 193, 27, 40, 2017, 2022, 193),
        (4, "demo", 180, 180, 41, 53, 2022, 2026, 180),
    ]
    # demo reviews are in their session's year, by the public calendar
    off = rows(con, "select count(*) from upr_review u join upr_session s using (session) "
                    "where u.source = 'demo' and (u.review_year <> s.year or u.cycle <> s.cycle)")  # fmt: skip
    assert off == [(0,)]


def _squash(name: str) -> str:
    """Return a name as letters only, with "and" and "&" dropped and "Saint" as "St" (the two files' spellings)."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalpha() and c.isascii()).lower()
    return letters.replace("saint", "st").replace("and", "")


@needs_realdata
def test_cycle_one_recommendations_equal_the_source_files(con):
    """Per session, as many recommendations as the source files have groups (State, session, collapsed text)."""
    frames = [pd.read_csv(REAL / "upr_info_exports" / f, dtype=str, keep_default_na=False, encoding="mac_roman")
              for f in ("1-5.csv", "6-9.csv")]  # fmt: skip
    info = pd.concat(frames)
    info = info.assign(t=info["Text"].str.split().str.join(" ")).drop_duplicates(["To", "Session", "t"])
    expected = info.groupby(info["Session"].astype(int)).size().to_dict()
    # sessions 10-12: Terman's 2011 file, the States sessions.csv puts in those sessions (names compared squashed)
    sessions = pd.read_csv(REAL / "upr_terman_years" / "sessions.csv", dtype=str, keep_default_na=False)
    late = {_squash(n): int(s) for n, s in zip(sessions["To"], sessions["Session"]) if 10 <= int(s) <= 12}
    terman = pd.read_csv(REAL / "upr_terman_years" / "2011data.csv", dtype=str, keep_default_na=False,
                         encoding="mac_roman")  # fmt: skip
    terman = terman.assign(t=terman["text"].str.split().str.join(" "), k=terman["to"].map(_squash))
    terman = terman[terman["k"].isin(late)].drop_duplicates(["k", "t"])
    for session, n in terman.groupby(terman["k"].map(late)).size().items():
        expected[session] = expected.get(session, 0) + n
    expected[12] += len(pd.read_csv(REAL / "upr_terman_years" / "haiti2011.csv", dtype=str, encoding="mac_roman"))
    got = dict(rows(con, "select session, count(*) from recommendation where source like 'public:%' group by 1"))
    assert got == expected
    assert sum(got.values()) == 20_473


def test_cycle_one_recommendations_are_public_facts_without_text(con):
    got = rows(con, """select r.source, count(*), count(text), count(distinct country_iso3), min(session), max(session),
                              count(*) filter (rec_date <> s.first_day), count(*) filter (r.cycle <> 1)
                       from recommendation r join upr_session s using (session)
                       where r.source like 'public:%' group by 1 order by 1""")  # fmt: skip
    assert got == [
        ("public:upr-info-2015", 13_820, 0, 143, 1, 9, 0, 0),
        ("public:upr-terman-2015", 6_653, 0, 50, 10, 12, 0, 0),
    ]
    members = rows(con, "select count(distinct r.country_iso3) from recommendation r join country c on "
                        "c.iso3 = r.country_iso3 where r.cycle = 1 and c.un_member")  # fmt: skip
    assert members == [(193,)]  # every member State has real cycle-1 recommendations
    assert rows(con, "select count(*) from recommendation where country_iso3 = 'SSD' and cycle = 1") == [(4,)]
    # action categories and issues only from UPR Info (sessions 1-9)
    assert rows(con, "select count(*) filter (action_category is not null), count(*) filter (len(themes) > 0) "
                     "from recommendation where source = 'public:upr-terman-2015'") == [(0, 0)]  # fmt: skip
    assert rows(con, "select count(*) from recommendation where source = 'public:upr-info-2015' "
                     "and action_category is null") == [(0,)]  # fmt: skip


@needs_realdata
def test_asks_to_join_were_recognised_by_the_projects_rules():
    """The bundled asks_to_join equal the recognition rules applied to the source's texts (UPR Info, session 5)."""
    text, _ = sniff.decode((REAL / "upr_info_exports" / "1-5.csv").read_bytes())
    cells = csv_rows(text)
    header, body = cells[0], cells[1:]
    col = {h: i for i, h in enumerate(header)}
    asks = {}
    for r in body:
        if r[col["Session"]] == "5" and r[col["To"]] == "Chad":
            collapsed = " ".join(r[col["Text"]].split())
            asks[collapsed] = ";".join(recognition.join_request(collapsed))
    recs = pd.read_csv(PUBLIC / "recommendation.csv", dtype=str, keep_default_na=False)
    chad = recs[(recs["country_iso3"] == "TCD") & (recs["session"] == "5")]
    assert len(chad) == len(asks) > 50
    assert sorted(chad["asks_to_join"]) == sorted(asks.values())
    assert (chad["asks_to_join"] != "").sum() == sum(1 for v in asks.values() if v) >= 3


# ------------------------------------------------------------------ the demo stays consistent with the real facts


def test_no_demo_treaty_body_report_by_a_non_party(con):
    bad = rows(con, """select count(*) from tb_report t
                       left join ratification r using (country_iso3, instrument)
                       where t.source = 'demo' and not (r.consent_date <= t.due_date and r.denounced_date is null
                           and (t.submitted_date is null or r.consent_date <= t.submitted_date))""")  # fmt: skip
    assert bad == [(0,)]
    reviews = dict(rows(con, "select year(reviewed_date), count(*) from tb_report where reviewed_date is not null "
                             "group by 1"))  # fmt: skip
    assert sorted(reviews) == list(range(2008, 2027)) and all(100 <= n <= 140 for n in reviews.values())


def test_no_demo_upr_recommendation_where_real_ones_exist(con):
    got = rows(con, """select cycle, min(session), max(session), count(*) filter (session is null) from recommendation
                       where source = 'demo' and mechanism = 'UPR' group by 1 order by 1""")  # fmt: skip
    assert [c for c, *_ in got] == [2, 3, 4]
    assert got[0][1] == 13 and got[-1][2] == 53
    nulls = rows(con, "select count(*) from upr_review where cycle = 2 and session is null")[0][0]
    assert got[0][3] > 0 and nulls == 81  # year-only cycle-2 reviews: recommendations with no session


def test_no_demo_ratify_recommendation_to_a_party():
    """Every demo "ratify X" goes to a State that was not a party to X on the review date (texts recognised in
    Python, status from the public CSV with pandas)."""
    with duckdb.connect() as c:
        reference.load_reference(c, progress=lambda m: None)
        facts = reference.load_public(c, progress=lambda m: None)
        recs = demo.generate(reference.reference_frames(c), facts)["recommendation"]
    upr = recs[(recs["mechanism"] == "UPR") & recs["themes"].map(lambda t: t == ["International instruments"])]
    status = pd.read_csv(PUBLIC / "ratification.csv", dtype=str, keep_default_na=False)
    consent = {(c, i): d for c, i, d in zip(status["country_iso3"], status["instrument"], status["consent_date"]) if d}
    asked = [(c, code, d) for c, t, d in zip(upr["country_iso3"], upr["text"], upr["rec_date"])
             for code in recognition.join_request(t)]  # fmt: skip
    assert len(asked) > 1000
    to_parties = [(c, code, d) for c, code, d in asked if (c, code) in consent and consent[(c, code)] <= str(d.date())]
    assert to_parties == []


def test_the_years_run_from_2008_to_2026_with_demo_series_to_the_end(con):
    assert query.run(con, "data_years").values.tolist() == [[2008, 2026]]
    for table, year in [("sp_communication", "year(sent_date)"), ("sp_visit", "year(start_date)"),
                        ("unct_engagement", "year"), ("stakeholder_submission", "year"),
                        ("normative_output", "year(date)")]:  # fmt: skip
        years = {y for (y,) in rows(con, f"select distinct {year} from {table} where source = 'demo'") if y}
        assert set(range(2008, 2027)) <= years, table


def test_stats_json_reports_the_public_rows(built_db, capsys):
    assert main(["stats", "--json", "--db", str(built_db)]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert tables["ratification"]["by_source"] == {"public:untc-2026-02-03": 3528}
    assert tables["upr_session"]["by_source"] == {"public:upr-calendar-2026": 53}
    assert tables["recommendation"]["by_source"]["public:upr-info-2015"] == 13_820
    assert tables["recommendation"]["by_source"]["public:upr-terman-2015"] == 6_653
    assert tables["upr_review"]["by_source"] == {"public:upr-terman-2015": 386, "demo": 373}
    assert all(re.fullmatch(r"public:[a-z0-9][a-z0-9.-]*|demo|reference|seed:\d{3}", s)
               for t in tables.values() for s in t["by_source"])  # fmt: skip


@pytest.mark.parametrize(
    "iso3, code, status, signed, consented, how",
    [("KEN", "CAT", "party", None, "1997-02-21", "accession"), ("USA", "CRC", "signatory", "1995-02-16", None, None)],
)
def test_the_country_profile_shows_the_real_status(built_db, iso3, code, status, signed, consented, how):
    """A manager's check: Kenya acceded to CAT on 21 February 1997; the United States signed the CRC, not a party."""
    from tests.helpers.apptest import open_app

    at = open_app({"country": iso3}, page="views/country_profile.py")
    table = next(d.value for d in at.dataframe if list(d.value.columns[:2]) == ["Code", "Instrument"])
    row = table.set_index("Code").loc[code]
    day = lambda v: None if pd.isna(v) else pd.Timestamp(v).date().isoformat()  # noqa: E731
    assert (row["Status"], day(row["Signed"]), day(row["Ratified / acceded"]), row["How"] or None) == (
        status,
        signed,
        consented,
        how,
    )
    assert row["Source"] == "public:untc-2026-02-03"
