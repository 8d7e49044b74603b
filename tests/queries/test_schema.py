"""The schema refuses bad rows: every kind of constraint, and dates before an instrument's adoption."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from hrdash.db import connect
from hrdash.db.connect import ADOPTED
from hrdash.paths import REFERENCE, SCHEMA

GOOD_RATIFICATION = {
    "country_iso3": "KEN", "instrument": "CAT", "signature_date": None, "consent_date": "1997-02-21",
    "consent_type": "accession", "reservations": False, "source": "demo",
}  # fmt: skip


def insert(con: duckdb.DuckDBPyConnection, table: str, row: dict) -> None:
    cols = ", ".join(row)
    marks = ", ".join(f"${k}" for k in row)
    con.execute(f"insert into {table} ({cols}) values ({marks})", row)


GOOD_UPR_REVIEW = {
    "country_iso3": "KEN", "cycle": 2, "session": 21, "review_year": 2015, "review_date": "2015-01-21",
    "national_report": True, "midterm_report": False, "source": "demo",
}  # fmt: skip


def test_good_row_is_accepted(empty_db):
    insert(empty_db, "ratification", GOOD_RATIFICATION)
    assert empty_db.execute("select status from ratification").fetchone() == ("party",)


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [
        ("ratification", {**GOOD_RATIFICATION, "consent_type": "adoption"}, "CHECK"),  # wrong enum
        ("ratification", {**GOOD_RATIFICATION, "consent_date": "1980-01-01"}, "CHECK"),  # consent before adoption
        ("ratification", {**GOOD_RATIFICATION, "signature_date": "1998-01-01"}, "CHECK"),  # signed after consent
        ("ratification", {**GOOD_RATIFICATION, "source": None}, "NOT NULL"),  # missing source
        ("ratification", {**GOOD_RATIFICATION, "source": "made up"}, "CHECK"),  # unknown kind of source
        ("ratification", {**GOOD_RATIFICATION, "country_iso3": "XXX"}, "foreign key"),  # unknown country
        ("ratification", {**GOOD_RATIFICATION, "instrument": "ICCPR"}, "foreign key"),  # unknown instrument
        ("upr_review", {**GOOD_UPR_REVIEW, "review_year": 2016}, "CHECK"),  # review date in another year
        ("upr_review", {**GOOD_UPR_REVIEW, "review_year": None}, "NOT NULL"),  # the year is always known
        ("upr_review", {**GOOD_UPR_REVIEW, "review_year": 2007}, "CHECK"),  # before the first UPR session
        ("upr_session", {"session": 59, "cycle": 4, "year": 2028, "source": "demo"}, "CHECK"),  # public or reference
        (
            "sp_visit",
            {"id": "v1", "country_iso3": "KEN", "mandate_code": "sr_torture", "status": "completed",
             "start_date": "2013-05-10", "end_date": "2013-05-01", "source": "demo"},
            "CHECK",
        ),  # visit ends before it starts
        (
            "sp_visit",
            {"id": "v1", "country_iso3": "KEN", "mandate_code": "sr_torture", "status": "done", "source": "demo"},
            "CHECK",
        ),  # wrong status
        (
            "tb_report",
            {"id": "r1", "country_iso3": "KEN", "instrument": "CED", "body": "CED", "report_no": 1,
             "due_date": "2005-01-01", "submitted_date": "2005-06-01", "source": "demo"},
            "CHECK",
        ),  # submitted before the instrument existed (CED: 2006)
        (
            "recommendation",
            {"id": "x", "country_iso3": "KEN", "mechanism": "UPR", "rec_date": "2010-05-05", "text": "t",
             "cycle": 1, "response": "accepted", "source": "demo"},
            "CHECK",
        ),  # wrong response
        (
            "unct_engagement",
            {"id": "u", "country_iso3": "KEN", "year": 2012, "mechanism": "UPR", "activity": "lunch",
             "source": "demo"},
            "CHECK",
        ),  # wrong activity
        (
            "hra_deployment",
            {"id": "h", "country_iso3": "KEN", "start_date": "2012-01-01", "end_date": "2011-01-01",
             "funding": "OHCHR", "source": "demo"},
            "CHECK",
        ),  # deployment ends before it starts
    ],
)  # fmt: skip
def test_bad_row_is_refused(empty_db, table, row, message):
    before = empty_db.execute(f"select count(*) from {table}").fetchone()
    with pytest.raises(duckdb.Error, match=message):
        insert(empty_db, table, row)
    assert empty_db.execute(f"select count(*) from {table}").fetchone() == before


def test_upr_review_session_date_and_report_flags_may_be_unknown(empty_db):
    insert(empty_db, "upr_review", GOOD_UPR_REVIEW)
    unknown = {"session": None, "review_date": None, "national_report": None, "midterm_report": None}
    insert(empty_db, "upr_review", {**GOOD_UPR_REVIEW, "country_iso3": "UGA", **unknown})
    rows = empty_db.execute("select country_iso3, session, review_year, review_date, national_report "
                            "from upr_review order by 1").fetchall()  # fmt: skip
    assert [r[:3] for r in rows] == [("KEN", 21, 2015), ("UGA", None, 2015)] and rows[1][3:] == (None, None)


def test_every_fact_table_has_a_required_source_column(empty_db):
    facts = [
        "ratification", "tb_report", "sp_visit", "standing_invitation", "sp_communication", "upr_review",
        "recommendation", "national_mechanism", "stakeholder_submission", "unct_engagement", "hra_deployment",
        "normative_output", "nhri", "story",
    ]  # fmt: skip
    rows = empty_db.execute(
        "select table_name, is_nullable from duckdb_columns() where column_name = 'source'"
    ).fetchall()
    required = {t for t, nullable in rows if not nullable}
    assert set(facts) <= required


def test_adoption_dates_are_written_once_in_the_instrument_reference():
    """schema.sql names no adoption date: creating the schema fills them in from instrument.csv, the one source."""
    assert not re.findall(r"date '\d{4}-\d{2}-\d{2}'", SCHEMA.read_text())
    assert SCHEMA.read_text().count(ADOPTED) == 3  # signature, consent and report submission checks


def test_dates_before_an_instruments_adoption_are_refused_for_every_instrument(empty_db):
    adopted = pd.read_csv(REFERENCE / "instrument.csv").set_index("code")["adopted"]
    for code, day in adopted.items():
        before = (pd.Timestamp(day) - pd.Timedelta(days=1)).date().isoformat()
        row = {**GOOD_RATIFICATION, "instrument": code}
        for bad in ({"consent_date": before}, {"signature_date": before, "consent_date": None, "consent_type": None}):
            with pytest.raises(duckdb.ConstraintException, match="CHECK"):
                insert(empty_db, "ratification", {**row, **bad})
        insert(empty_db, "ratification", {**row, "signature_date": day, "consent_date": day})  # the day itself is fine
        report = {"id": f"r-{code}", "country_iso3": "KEN", "instrument": code, "body": "CAT", "report_no": 1,
                  "due_date": day, "submitted_date": day, "source": "demo"}  # fmt: skip
        with pytest.raises(duckdb.ConstraintException, match="CHECK"):
            insert(empty_db, "tb_report", report)  # a report is submitted after the adoption, not on its day
    assert empty_db.execute("select count(*) from ratification").fetchone() == (len(adopted),)


def test_a_missing_adoption_date_stops_the_schema(tmp_path, monkeypatch):
    bad = tmp_path / "instrument.csv"
    bad.write_text((REFERENCE / "instrument.csv").read_text().replace("1965-12-21", "", 1))
    monkeypatch.setattr(connect, "REFERENCE", tmp_path)
    with pytest.raises(ValueError, match="instrument.csv: every instrument needs an adoption date"):
        connect.schema_sql()
