"""The Overview page through Streamlit's AppTest: values equal SQL, filters act, URL is read."""

from __future__ import annotations

import pytest

from hrdash.app import pages
from hrdash.model.filters import Filters
from tests.helpers.apptest import expected_tiles, open_app, shown_tiles
from tests.helpers.paths import ROOT


@pytest.fixture(scope="module")
def default_view(built_db):
    return open_app()


def test_scorecard_equals_sql(default_view, con):
    shown = shown_tiles(default_view)
    assert sorted(shown) == sorted(["EA2", "EA6", "EA7", "EA8", "EA9", "EA10", "EA11"])
    assert shown == expected_tiles(con, Filters(2008, 2026))


def _share(counts: dict[str, int], *kinds: str) -> str:
    total = sum(counts.values())
    return f"{100 * sum(counts.get(k, 0) for k in kinds) / total:.0f}%"


def test_demo_banner_states_the_real_and_demo_shares_and_names_what_is_demo(default_view, con):
    """The banner's shares equal an independent count of the view's rows by source (every fact table, 2008-2026)."""
    banner = default_view.warning[0].value
    by_kind = dict(con.execute("""
        with rows as (
            select source from ratification union all select source from tb_report
            union all select source from sp_visit union all select source from standing_invitation
            union all select source from sp_communication union all select source from upr_review
            union all select source from recommendation union all select source from national_mechanism
            union all select source from stakeholder_submission union all select source from unct_engagement
            union all select source from hra_deployment union all select source from nhri
            union all select source from story)
        select case when source like 'public:%' then 'public' when source like 'seed:%' then 'seed' else source end,
               count(*) from rows group by 1""").fetchall())  # fmt: skip
    assert set(by_kind) == {"public", "seed", "demo"}
    assert banner.startswith(f"**Real public data {_share(by_kind, 'public')} · OHCHR and UNDG documents <1% · demo "
                             f"{_share(by_kind, 'demo')} (")  # fmt: skip
    areas = banner.split(" (", 1)[1].split(").**")[0].split(", ")
    assert areas[0] == "recommendations after UPR cycle 1"  # most demo rows first
    assert {"Special Procedures", "treaty-body reporting", "UNCT", "civil society"} <= set(areas)
    assert "ratification" not in areas  # real: no demo ratification
    assert "not real figures" in banner


def test_sources_table_names_every_source_with_its_rows(default_view, con):
    table = next(
        d.value for d in default_view.dataframe if list(d.value.columns[:3]) == ["Source", "Kind", "Rows in view"]
    )
    shown = dict(zip(table["Code"], table["Rows in view"]))
    assert table["Source"].tolist()[0] == "Generated illustrative data (demo)"
    names = dict(zip(table["Code"], table["Source"]))
    assert names["public:untc-2026-02-03"] == "UN Treaty Collection, status as of 3 Feb 2026 (public)"
    assert (
        names["seed:002"]
        == "UNDG strategy for the deployment of Human Rights Advisers (January 2012) (source document)"
    )
    ratification = con.execute("select count(*) from ratification").fetchone()[0]
    assert shown["public:untc-2026-02-03"] == f"{ratification:,}" == "3,528"  # thousands separated
    kinds = dict(zip(table["Code"], table["Kind"]))
    assert {kinds[c] for c in kinds if c.startswith("public:")} == {"public"} and kinds["demo"] == "demo"


def test_sources_table_gives_each_source_its_share_never_rounded_to_0_or_100(default_view):
    table = next(d.value for d in default_view.dataframe if "Share of rows" in d.value.columns)
    # The rows in view (their count against SQL: the test above), read back from their "91,353" text.
    rows = {code: int(n.replace(",", "")) for code, n in zip(table["Code"], table["Rows in view"])}
    total = sum(rows.values())
    share = dict(zip(table["Code"], table["Share of rows"]))
    assert share["demo"] == f"{100 * rows['demo'] / total:.1f}%"
    # Two seed rows of ~200,000: 0.001%, which one decimal (or two) would show as 0.0%.
    assert 0 < 100 * rows["seed:000"] / total < 0.01 and share["seed:000"] == "<0.01%"
    assert not {"0.0%", "100.0%", "0%", "100%"} & set(share.values())
    # The data tile beside the EAs: the real share of the same rows, one decimal.
    tile = next(m for m in default_view.metric if m.label == "Real data in view")
    assert tile.value == f"{100 * (total - rows['demo']) / total:.1f}%"


def test_map_data_table_has_every_country(default_view, con):
    df = next(d.value for d in default_view.dataframe if "ISO3" in d.value.columns)
    assert len(df) == 196
    ratified = dict(
        con.execute("select country_iso3, count(*) from ratification where status = 'party' group by 1").fetchall()
    )
    shown = dict(zip(df["ISO3"], df["Instruments ratified (of 18)"]))
    assert all(shown[k] == ratified.get(k, 0) for k in shown)


def test_filters_from_the_url_change_the_values(built_db, con):
    at = open_app({"region": "Africa", "year_to": "2013", "target_ea": "EA6"})
    assert at.selectbox(key="region").value == "Africa"
    assert at.selectbox(key="year_to").value == 2013
    assert at.selectbox(key="target_ea").value == "EA6 — State engagement with the mechanisms"  # a code link
    filtered = Filters(2008, 2013, region="Africa", target_ea="EA6")
    assert shown_tiles(at) == expected_tiles(con, filtered)
    assert shown_tiles(at) != expected_tiles(con, Filters(2008, 2013))


def test_country_names_in_the_url_select_countries(built_db, con):
    at = open_app({"countries": ["Kenya", "Uganda"]})
    assert at.multiselect(key="countries").value == ["Kenya", "Uganda"]
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2026, countries=("KEN", "UGA")))


def test_changing_a_widget_changes_the_values(built_db, con):
    at = open_app()
    at.selectbox(key="region").select("Americas").run()
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2026, region="Americas"))
    at.selectbox(key="year_to").select(2012).run()
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2012, region="Americas"))
    at.selectbox(key="map_indicator").select("sp_visits").run()
    assert "Special Procedures visits per country" in " ".join(c.value for c in at.caption)


def test_every_page_file_is_registered_once():
    registered = [p.view for p in pages.PAGES]
    on_disk = {f"views/{p.name}" for p in (ROOT / "views").glob("*.py")}
    assert sorted(registered) == sorted(on_disk)
    assert len({p.title for p in pages.PAGES}) == len({p.url_path for p in pages.PAGES}) == len(pages.PAGES)
    assert [p for p in pages.PAGES if p.default] == [pages.OVERVIEW]
