"""EA2 target rules (queries/ratification_ea2_targets.sql, hrdash/model/targets.py) on hand-made ratification rows.

Each test loads the schema and reference data (the seed's EA2 targets included) into an empty
database, inserts a few ratification rows for one target country and checks what the rule says on
31 December of the baseline year and of the year asked for.
"""

from __future__ import annotations

from datetime import date

import pytest

from hrdash.db import query
from hrdash.model import targets

KINDS = {
    "ratify_covenant_or_icerd",
    "ratify_cmw",
    "ratify_ccpr_op2",
    "ratify_cescr_op",
    "ratify_optional_protocols",
    "withdraw_reservations",
}


def add(con, iso3: str, instrument: str, signed: str | None = None, consent: str | None = None, res: bool = False):
    """Insert one ratification row (consent type 'ratification' when there is a consent date)."""
    con.execute(
        "insert into ratification (country_iso3, instrument, signature_date, consent_date, consent_type, "
        "reservations, source) values (?, ?, ?, ?, ?, ?, 'demo')",
        [iso3, instrument, signed, consent, "ratification" if consent else None, res],
    )


def target(con, iso3: str, kind: str, year_to: int = 2017) -> dict:
    """Return the query's row for `iso3`'s target of `kind`, evaluated on 31 December `year_to`."""
    df = query.run(
        con, targets.QUERIES["EA2"], {"region": None, "countries": [iso3], "target_ea": None, **targets.params(year_to)}
    )
    rows = df[df["target_kind"] == kind]
    assert len(rows) == 1, f"{iso3} has no single {kind} target: {df[['iso3', 'target_kind']].to_dict('records')}"
    return rows.iloc[0].to_dict()


def met_on(row: dict) -> date | None:
    return None if row["met_on"] is None or row["met_on"] != row["met_on"] else row["met_on"].date()


def reading(row: dict) -> tuple:
    """Return a target row's reading: met at the baseline, met, the date met, when met in words and the status."""
    return row["met_at_baseline"], row["met"], met_on(row), row["when_met"], row["status"]


# ---------------------------------------------------------------- any of several instruments


@pytest.mark.parametrize(
    "facts, iso3, kind, status",
    [
        ([("AGO", "CCPR", {"signed": "2013-10-01"})], "AGO", "ratify_covenant_or_icerd",
         "ICERD no action; ICCPR signed (2013); ICESCR no action"),
        ([("KEN", "CEDAW", {"consent": "1984-03-09", "res": True}), ("KEN", "CRC", {"consent": "1990-07-30"}),
          ("USA", "CRPD", {"signed": "2017-06-01"})],  # the last date in the data
         "KEN", "withdraw_reservations", "reservations to CEDAW"),
    ],
    ids=["covenant or ICERD: a signature alone", "reservations still in force"],
)  # fmt: skip
def test_not_met(empty_db, facts, iso3, kind, status):
    for country, instrument, dates in facts:
        add(empty_db, country, instrument, **dates)
    assert reading(target(empty_db, iso3, kind)) == ("no", "no", None, "not met by 2017-12-31", status)


def test_covenant_or_icerd_met_by_any_one_of_the_three(empty_db):
    add(empty_db, "AGO", "CESCR", consent="2016-03-04")
    add(empty_db, "AGO", "CERD", consent="2017-05-06")
    got = reading(target(empty_db, "AGO", "ratify_covenant_or_icerd"))
    assert got[:4] == ("no", "yes", date(2016, 3, 4), "2016-03-04")
    # On 31 December 2015 neither consent had happened yet.
    earlier = target(empty_db, "AGO", "ratify_covenant_or_icerd", year_to=2015)
    assert (earlier["met"], earlier["when_met"]) == ("no", "not met by 2015-12-31")
    assert earlier["status"] == "ICERD no action; ICCPR no action; ICESCR no action"


def test_covenant_or_icerd_met_before_the_baseline(empty_db):
    add(empty_db, "MMR", "CCPR", signed="2010-01-01", consent="2012-07-01")
    row = target(empty_db, "MMR", "ratify_covenant_or_icerd")
    assert (row["met_at_baseline"], row["met"], met_on(row)) == ("yes", "yes", date(2012, 7, 1))


# ---------------------------------------------------------------- one specific instrument


@pytest.mark.parametrize(
    "iso3, kind, instrument",
    [("BEN", "ratify_cmw", "CMW"), ("BFA", "ratify_ccpr_op2", "CCPR-OP2-DP"), ("CAF", "ratify_cescr_op", "CESCR-OP")],
)
def test_specific_instrument_met_only_by_that_instrument(empty_db, iso3, kind, instrument):
    add(empty_db, iso3, "CERD", consent="2015-01-01")  # another instrument: does not count
    add(empty_db, iso3, instrument, signed="2014-02-03")
    row = target(empty_db, iso3, kind)
    assert (row["met_at_baseline"], row["met"], met_on(row)) == ("no", "no", None)

    empty_db.execute(
        "update ratification set consent_date = date '2016-12-24', consent_type = 'ratification' "
        "where country_iso3 = ? and instrument = ?",
        [iso3, instrument],
    )
    row = target(empty_db, iso3, kind)
    assert (row["met_at_baseline"], row["met"], met_on(row)) == ("no", "yes", date(2016, 12, 24))
    assert row["status"].endswith("party (2016)")
    assert target(empty_db, iso3, kind, year_to=2016)["met"] == "yes"
    assert target(empty_db, iso3, kind, year_to=2015)["met"] == "no"


# ---------------------------------------------------------------- an optional protocol new since the baseline


def test_optional_protocols_ratified_before_the_baseline_do_not_count(empty_db):
    add(empty_db, "BDI", "CEDAW-OP", consent="2000-02-18")
    add(empty_db, "BDI", "CRC-OP-AC", consent="2013-12-31")  # on the baseline day itself: not new
    add(empty_db, "BDI", "CAT-OP", signed="2015-01-01")  # signed only
    add(empty_db, "BDI", "CCPR", consent="2016-01-01")  # not an optional protocol
    row = target(empty_db, "BDI", "ratify_optional_protocols")
    assert (row["met_at_baseline"], row["met"], met_on(row)) == ("no", "no", None)
    assert "OP-CEDAW party (2000)" in row["status"] and "OPCAT signed (2015)" in row["status"]


def test_optional_protocols_met_by_a_new_one(empty_db):
    add(empty_db, "BDI", "CEDAW-OP", consent="2000-02-18")
    add(empty_db, "BDI", "CRC-OP-IC", consent="2017-05-03")
    add(empty_db, "BDI", "CRPD-OP", consent="2014-08-01")
    row = target(empty_db, "BDI", "ratify_optional_protocols")
    assert (row["met_at_baseline"], row["met"], met_on(row)) == ("no", "yes", date(2014, 8, 1))
    assert "OP-CRPD party (2014, new since 2013)" in row["status"]
    assert "OP-CEDAW party (2000)" in row["status"]


# ---------------------------------------------------------------- withdrawal of reservations


def test_no_reservations_left_means_met_but_the_date_is_unknown(empty_db):
    add(empty_db, "KEN", "CEDAW", consent="1984-03-09")
    add(empty_db, "KEN", "CRC", consent="1990-07-30")
    add(empty_db, "USA", "CRPD", signed="2017-06-01")  # the last date in the data
    baseline, met, on, when, status = reading(target(empty_db, "KEN", "withdraw_reservations"))
    assert (met, on, status) == ("yes", None, "no reservations in the data")
    # A reservation withdrawn between 2013 and 2017 leaves no trace: the baseline status is unknown.
    assert baseline == "unknown" and when.startswith("unknown")


def test_a_reservation_made_after_the_date_asked_for_does_not_count_then(empty_db):
    add(empty_db, "KEN", "CED", consent="2016-05-05", res=True)
    row = target(empty_db, "KEN", "withdraw_reservations")
    assert (row["met_at_baseline"], row["met"]) == ("unknown", "no")
    assert target(empty_db, "KEN", "withdraw_reservations", year_to=2015)["met"] == "unknown"


# ---------------------------------------------------------------- the rules as a whole


def test_every_ea2_target_kind_has_a_rule_and_the_query_uses_its_label(empty_db):
    kinds = empty_db.execute("select distinct target_kind from ea_target where ea_code = 'EA2'").fetchall()
    assert {k for (k,) in kinds} == KINDS == {r.kind for r in targets.for_ea("EA2")}
    everyone = {"region": None, "countries": [], "target_ea": None}
    df = query.run(empty_db, targets.QUERIES["EA2"], {**everyone, **targets.params(2017)})
    assert len(df) == empty_db.execute("select count(*) from ea_target where ea_code = 'EA2'").fetchone()[0]
    labels = dict(zip(df["target_kind"], df["target"]))
    assert labels == {r.kind: r.label for r in targets.for_ea("EA2")}
    # With no ratification rows at all, no ratification target is met; reservations are then 'yes'
    # only if the data reach the day asked for, and they do not (there is no data at all).
    assert set(df.loc[df["target_kind"] != "withdraw_reservations", "met"]) == {"no"}
    assert set(df.loc[df["target_kind"] == "withdraw_reservations", "met"]) == {"unknown"}


def test_the_country_filters_select_the_targets(empty_db):
    africa = query.run(
        empty_db,
        targets.QUERIES["EA2"],
        {"region": "Africa", "countries": [], "target_ea": None, **targets.params(2017)},
    )
    expected = empty_db.execute(
        "select count(*) from ea_target t join country c on c.iso3 = t.country_iso3 "
        "where t.ea_code = 'EA2' and c.ohchr_region = 'Africa'"
    ).fetchone()[0]
    assert len(africa) == expected and set(africa["ohchr_region"]) == {"Africa"}


def test_summary_counts_and_rejects_unknown_values():
    ea2 = targets.MET_VALUES["EA2"]
    assert targets.summary(["yes", "no", "yes", "unknown"], ea2) == {"yes": 2, "no": 1, "unknown": 1}
    with pytest.raises(ValueError, match="maybe"):
        targets.summary(["yes", "maybe"], ea2)
    assert not targets.rule("withdraw_reservations").date_known
    with pytest.raises(KeyError, match="ratify_cmw"):
        targets.rule("ratify_everything")
