"""The demo generator: deterministic, calibrated to the seeds' figures, filling only what the public data do not.

Consistency with the real facts (no demo ratification, reports only by parties, no demo recommendation where real
ones exist, "ratify X" only to non-parties) is tested in tests/queries/test_public.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from hrdash import demo
from hrdash.db import reference
from hrdash.db.stats import stats
from tests.helpers.paths import ROOT

FINGERPRINT = (
    "import json, duckdb; from hrdash import demo; from hrdash.db import reference; c = duckdb.connect(); "
    "reference.load_reference(c, lambda m: None); "
    "f = reference.load_public(c, lambda m: None); "
    "print(json.dumps(demo.fingerprint(demo.generate(reference.reference_frames(c), f))))"
)


@pytest.fixture(scope="module")
def generated():
    with duckdb.connect() as c:
        reference.load_reference(c, progress=lambda m: None)
        facts = reference.load_public(c, progress=lambda m: None)
        ref = reference.reference_frames(c)
    return ref, facts, demo.generate(ref, facts)


def test_generator_is_byte_for_byte_deterministic(generated):
    ref, facts, tables = generated
    first = demo.fingerprint(tables)
    assert first == demo.fingerprint(demo.generate(ref, facts))
    # Another process, another hash seed: still the same bytes.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", FINGERPRINT], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == first
    assert set(first) == set(demo.FACT_TABLES)


def test_demo_rows_are_labelled_demo(generated):
    _, _, tables = generated
    assert "ratification" not in tables  # the real status is public: no demo ratification at all
    for name, df in tables.items():
        assert set(df["source"]) == {"demo"}, name


def test_seed_figures_hold_exactly(con):
    f = stats(con)["figures"]
    assert f["sp_visits_2013"] == 79
    assert f["sp_visit_countries_2013"] == 66
    assert f["sp_communications_2013"] == 528
    assert f["sp_communication_states_2013"] == 117
    assert round(100 * f["sp_joint_share_2013"]) == 84
    assert f["upr_cycle1_states"] == 193
    assert f["hra_deployed_2011_06_30"] == 18


def test_cycle_one_reviews_every_member_state(con):
    members = con.execute("select count(*) from country where un_member").fetchone()[0]
    reviewed = con.execute(
        "select count(distinct u.country_iso3) from upr_review u join country c on c.iso3 = u.country_iso3 "
        "where u.cycle = 1 and c.un_member and u.review_year between 2008 and 2011"
    ).fetchone()[0]
    assert reviewed == members == 193  # the public reviews (Terman's files)
    # demo reviews know everything: session, date (in the review year) and both report flags
    unknown = con.execute(
        "select count(*) filter (session is null or review_date is null or national_report is null "
        "or midterm_report is null or review_year <> year(review_date)) from upr_review where source = 'demo'"
    ).fetchone()[0]
    assert unknown == 0


def test_plausible_elsewhere(con):
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    reviews = dict(q("select year(reviewed_date), count(*) from tb_report where reviewed_date is not null group by 1"))
    assert all(100 <= n <= 140 for n in reviews.values()), reviews  # "about 120 a year"
    per_cycle = dict(q("select cycle, count(*) from recommendation where mechanism = 'UPR' group by 1"))
    assert per_cycle[1] == 20_473  # real (public)
    assert 33_000 <= per_cycle[2] <= 39_000 and 40_000 <= per_cycle[3] <= 50_000 and 40_000 <= per_cycle[4] <= 50_000
    supported = q(
        "select avg((response = 'supported')::int) from recommendation where source = 'demo' and mechanism = 'UPR' "
        "and cycle in (2, 3)"
    )[0][0]
    assert 0.67 <= supported <= 0.73


def test_seed_facts_are_not_overwritten_by_demo_rows(con):
    rows = con.execute(
        "select country_iso3, source from hra_deployment where country_iso3 in ('ALB','MDA','KEN','NER','RWA','ECU')"
    ).fetchall()
    assert sorted(set(s for _, s in rows)) == ["seed:002"]
    groups = con.execute(
        "select source from unct_engagement where country_iso3 = 'LBR' and activity = 'human rights working group'"
    ).fetchall()
    assert groups == [("seed:000",)]


def test_scale_multiplies_the_bulky_tables(generated):
    ref, facts, tables = generated
    scaled = demo.generate(ref, facts, scale=3)
    upr = lambda t: int((t["recommendation"]["mechanism"] == "UPR").sum())  # noqa: E731
    assert upr(scaled) == pytest.approx(3 * upr(tables), rel=0.02)
    assert len(scaled["sp_communication"]) == 3 * len(tables["sp_communication"])
    assert len(scaled["upr_review"]) == len(tables["upr_review"])  # reviews are not multiplied
    with pytest.raises(ValueError, match="positive"):
        demo.generate(ref, facts, scale=0)
    with pytest.raises(ValueError, match="public facts"):
        demo.generate(ref, {})
