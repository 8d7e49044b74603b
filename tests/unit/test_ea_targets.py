"""The EA target rules (hrdash/model/targets.py): every target kind on hand-made rows, met and not met (given/expect),
the status filter, the windows, and EA2's delegation to the Ratification page's rules."""

from __future__ import annotations

import pandas as pd
import pytest

from hrdash.db import query
from hrdash.model import targets
from hrdash.model.filters import Filters
from tests.helpers.apptest import runner


def _status(con, ea: str, countries: tuple[str, ...], year_to: int = 2017, met: str | None = None) -> dict:
    df = targets.status(runner(con), ea, Filters(2008, year_to, countries=countries), met)
    return {(r.iso3, r.target_kind): r for r in df.itertuples()}


EA6_ROWS = [
    # standing_coordination_body: Kenya's mechanism before the baseline, Uganda's after it
    "insert into national_mechanism values ('KEN', '2012-01-01', 'inter-ministerial', true, true, false, 'demo'), "
    "('UGA', '2015-06-01', 'ministerial', false, false, false, 'demo')",
    # timely_reporting: Uganda on time 1/1 then 1/2 (worse); Niger 0/1 then 1/1 (better); Tanzania: no reports
    "insert into tb_report (id, country_iso3, instrument, body, report_no, due_date, submitted_date, source) values "
    "('u1', 'UGA', 'CERD', 'CERD', 1, '2011-03-01', '2011-02-01', 'demo'), "
    "('u2', 'UGA', 'CAT', 'CAT', 1, '2015-03-01', '2015-09-01', 'demo'), "
    "('u3', 'UGA', 'CRC', 'CRC', 1, '2016-03-01', '2016-03-01', 'demo'), "
    "('n1', 'NER', 'CERD', 'CERD', 1, '2012-03-01', '2012-06-01', 'demo'), "
    "('n2', 'NER', 'CAT', 'CAT', 1, '2014-03-01', '2014-01-01', 'demo')",
    # sp_engagement: Niger replies more (0% -> 100%); Tanzania: an old standing invitation, accepts fewer visits
    "insert into sp_communication (id, sent_date, country_iso3, mandates, type, joint, replied, reply_date, source) "
    "values ('c1', '2012-01-10', 'NER', ['sr_torture'], 'urgent appeal', false, false, null, 'demo'), "
    "('c2', '2015-01-10', 'NER', ['sr_torture'], 'urgent appeal', false, true, '2015-02-01', 'demo')",
    "insert into standing_invitation values ('TZA', '2010-05-05', 'demo')",
    "insert into sp_visit (id, country_iso3, mandate_code, request_date, status, source) values "
    "('v1', 'TZA', 'sr_torture', '2011-01-01', 'accepted', 'demo'), "
    "('v2', 'TZA', 'sr_torture', '2016-01-01', 'no reply', 'demo'), "
    "('v3', 'TZA', 'sr_executions', '2017-01-01', 'requested', 'demo')",
]  # fmt: skip
EA6_COUNTRIES = ("KEN", "UGA", "MEX", "NER", "TZA")


def test_ea6_rules(empty_db):
    for sql in EA6_ROWS:
        empty_db.execute(sql)
    got = _status(empty_db, "EA6", EA6_COUNTRIES)
    assert {k: (r.met_at_baseline, r.met) for k, r in got.items()} == {
        ("KEN", "standing_coordination_body"): ("yes", "yes"),
        ("UGA", "standing_coordination_body"): ("no", "yes"),
        ("MEX", "national_action_plan"): ("no data", "no data"),
        ("UGA", "timely_reporting"): ("n/a", "no"),
        ("NER", "timely_reporting"): ("n/a", "yes"),
        ("TZA", "timely_reporting"): ("n/a", "no data"),
        ("NER", "sp_engagement"): ("n/a", "yes"),
        ("TZA", "sp_engagement"): ("n/a", "no"),
    }
    assert got[("UGA", "timely_reporting")].detail == "1 of 1 on time in 2010–2013; 1 of 2 in 2014–2017"
    assert (got[("UGA", "timely_reporting")].baseline_value, got[("UGA", "timely_reporting")].now_value) == (100, 50)
    assert got[("KEN", "standing_coordination_body")].detail == (
        "established 2012-01-01 (inter-ministerial; NHRI takes part; civil society takes part)"
    )
    assert got[("TZA", "sp_engagement")].detail == (
        "standing invitation: 2010-05-05; visit requests accepted: 100% → 0%; communications replied to: n/a → n/a"
    )
    assert got[("MEX", "national_action_plan")].status_source == "none"
    assert got[("NER", "sp_engagement")].status_source == "demo"
    assert all(r.source == "seed:004" and r.sentence for r in got.values())


def test_ea6_status_as_of_an_earlier_year(empty_db):
    for sql in EA6_ROWS:
        empty_db.execute(sql)
    got = _status(empty_db, "EA6", EA6_COUNTRIES, year_to=2014)  # now = 2011-2014
    assert got[("UGA", "standing_coordination_body")].met == "no"  # established 2015
    assert got[("UGA", "standing_coordination_body")].detail == "established 2015-06-01, after 2014"


def test_a_standing_invitation_after_the_baseline_meets_sp_engagement(empty_db):
    empty_db.execute("insert into standing_invitation values ('NER', '2016-02-02', 'demo')")
    got = _status(empty_db, "EA6", ("NER",))
    assert got[("NER", "sp_engagement")].met == "yes"
    assert "(issued after the baseline)" in got[("NER", "sp_engagement")].detail
    assert _status(empty_db, "EA6", ("MWI",))[("MWI", "sp_engagement")].met == "no data"


def test_sp_engagement_counts_the_two_windows_only_and_both_pages_queries_agree(empty_db):
    # Niger: no reply in 2012 (baseline), a reply in 2014, none in 2016; a standing invitation in 2019
    empty_db.execute(
        "insert into sp_communication (id, sent_date, country_iso3, mandates, type, joint, replied, reply_date, "
        "source) values ('c1', '2012-01-10', 'NER', ['sr_torture'], 'urgent appeal', false, false, null, 'demo'), "
        "('c2', '2014-01-10', 'NER', ['sr_torture'], 'urgent appeal', false, true, '2014-02-01', 'demo'), "
        "('c3', '2016-01-10', 'NER', ['sr_torture'], 'urgent appeal', false, false, null, 'demo')"
    )
    empty_db.execute("insert into standing_invitation values ('NER', '2019-03-03', 'demo')")
    # year_to 2017: current years 2014–2017, 1 of 2 replied (50% > 0%): met; year_to 2018: 2015–2018, the 2014
    # reply falls between the windows, 0 of 1: not met, and the 2019 invitation is not known yet
    for year_to, met, sp_row in [(2017, "yes", (1, 0.0, 2, 50.0, False)), (2018, "no", (1, 0.0, 1, 0.0, False)),
                                 (2019, "yes", (1, 0.0, 1, 0.0, True))]:  # fmt: skip
        ea = _status(empty_db, "EA6", ("NER",), year_to=year_to)[("NER", "sp_engagement")]
        assert ea.met == met
        assert ea.detail.startswith("standing invitation: " + ("2019-03-03 (issued" if year_to == 2019 else "none;"))
        selection = {"region": None, "countries": ["NER"], "target_ea": None}
        sp = query.run(empty_db, "sp_engagement_targets", {**selection, **targets.windows(year_to)})
        assert sp[["met"]].values.tolist() == [[met]]
        assert tuple(sp.iloc[0][["communications_base", "reply_rate_base", "communications_now", "reply_rate_now",
                                 "invitation_now"]]) == sp_row  # fmt: skip


def test_the_met_filter_keeps_only_that_status(empty_db):
    for sql in EA6_ROWS:
        empty_db.execute(sql)
    assert set(_status(empty_db, "EA6", EA6_COUNTRIES, met="no data")) == {
        ("MEX", "national_action_plan"), ("TZA", "timely_reporting")
    }  # fmt: skip
    with pytest.raises(ValueError, match="'met' must be one of"):
        targets.table_for("EA6", 2017, met="maybe")


def test_ea7_rule(empty_db):
    empty_db.execute(
        "insert into stakeholder_submission values "
        "('KEN', 'UPR', 2012, 2, 'national NGO', 5, 'demo'), ('KEN', 'UPR', 2015, 2, 'national NGO', 6, 'demo'), "
        "('KEN', 'treaty bodies', 2016, null, 'NHRI', 2, 'demo'), "
        "('TZA', 'UPR', 2011, 1, 'coalition', 10, 'demo'), ('TZA', 'UPR', 2016, 2, 'coalition', 10, 'demo')"
    )
    got = _status(empty_db, "EA7", ("KEN", "TZA", "UGA"))
    assert {k[0]: (r.baseline_value, r.now_value, r.met) for k, r in got.items()} == {
        "KEN": (5, 8, "yes"), "TZA": (10, 10, "no"), "UGA": (0, 0, "no")
    }  # fmt: skip
    ken = got[("KEN", "civil_society_engagement")]
    assert (ken.baseline_submitter_types, ken.now_submitter_types) == (1, 2)
    assert ken.detail == "5 submissions (1 submitter types) in 2010–2013; 8 (2 types) in 2014–2017"
    assert got[("UGA", "civil_society_engagement")].status_source == "no stakeholder_submission rows"
    assert set(_status(empty_db, "EA7", ("KEN", "TZA", "UGA"), met="yes")) == {("KEN", "civil_society_engagement")}


def test_ea11_rules(empty_db):
    # Tanzania keeps its seed 001 follow-up plan (2012, baseline years).
    empty_db.execute(
        "insert into unct_engagement (id, country_iso3, year, mechanism, activity, source) values "
        "('a', 'MWI', 2015, 'all mechanisms', 'joint programme', 'demo'), "
        "('b', 'MEX', 2015, 'UPR', 'UNCT submission', 'demo'), "
        "('c', 'BDI', 2016, 'all mechanisms', 'recommendations in UNDAF', 'demo'), "
        "('d', 'BDI', 2012, 'UPR', 'follow-up plan', 'demo'), "
        "('e', 'PRY', 2016, 'special procedures', 'support to a visit', 'demo')"
    )
    got = _status(empty_db, "EA11", ("MWI", "MEX", "BDI", "PRY", "TZA"))
    assert {k: (r.met_at_baseline, r.met) for k, r in got.items()} == {
        ("MWI", "integrate_recommendations"): ("no", "yes"),
        ("MEX", "integrate_recommendations"): ("no", "no"),  # a submission does not integrate recommendations
        ("BDI", "undaf_mainstreaming"): ("no", "yes"),  # the 2012 follow-up plan is not the UNDAF
        ("PRY", "unct_engagement"): ("no", "yes"),
        ("TZA", "unct_engagement"): ("yes", "no"),
    }
    assert got[("TZA", "unct_engagement")].status_source == "seed:001"
    assert got[("MWI", "integrate_recommendations")].detail == "0 in 2010–2013; 1 in 2014–2017 (joint programme)"


def test_eas_without_target_countries():
    for ea in ("EA8", "EA9", "EA10"):
        assert targets.table_for(ea, 2017) is None
    assert set(targets.EAS_WITH_TARGETS) == {"EA2", "EA6", "EA7", "EA11"}


def test_every_target_kind_of_the_schema_has_a_rule(empty_db):
    kinds = {r[0] for r in empty_db.execute("select distinct target_kind from ea_target").fetchall()}
    assert kinds == set(targets.RULES)
    for kind, rule in targets.RULES.items():
        table = targets.table_for(rule.ea, 2017)
        assert kind in table.rules, kind
    # The one copy of the labels: the reference table the queries join is the file the module reads.
    table = empty_db.execute("select kind, ea_code, label, rule, indicator, date_known from target_kind").fetchall()
    assert {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in table} == {
        k: (r.ea, r.label, r.rule, r.indicator, r.date_known) for k, r in targets.RULES.items()
    }


def test_windows():
    assert targets.windows(2017) == {"base_from": 2010, "base_to": 2013, "now_from": 2014, "now_to": 2017}
    assert targets.windows_text(2015) == "baseline 2010–2013, now 2012–2015"
    met = pd.Series(["yes", "no", "yes"])
    assert targets.summary(met, ("yes", "no", "no data")) == {"yes": 2, "no": 1, "no data": 0}
    with pytest.raises(ValueError, match="unexpected"):
        targets.summary(pd.Series(["perhaps"]), ("yes", "no"))


def test_ea2_reuses_the_ratification_pages_rules(con):
    table = targets.table_for("EA2", 2015)
    assert table.query == targets.QUERIES["EA2"] == "ratification_ea2_targets"
    assert table.params == targets.params(2015) and not table.filterable
    assert list(table.rules) == [r.kind for r in targets.RULES.values() if r.ea == "EA2"]
    filters = Filters(2008, 2015, region="Africa")
    direct = query.run(
        con,
        targets.QUERIES["EA2"],
        {**filters.for_query(query.parameters(targets.QUERIES["EA2"])), **targets.params(2015)},
    )
    mine = targets.status(runner(con), "EA2", filters)
    assert mine.equals(direct) and len(mine) > 0
    with pytest.raises(ValueError, match="EA2"):
        targets.table_for("EA2", 2017, met="yes")
