"""The UNCT engagement, Civil society and Expected accomplishments pages in a real browser: they render in Chromium,
show the values SQL gives, draw their charts, keep their view in the URL, and the Overview tiles lead to an EA."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from hrdash.db import query
from hrdash.model import indicators
from hrdash.model.filters import Filters
from tests.helpers.browser import UI_TIMEOUT_MS, requires_chromium, wait_for_idle

pytestmark = [pytest.mark.browser, requires_chromium]

METRIC = '[data-testid="stMetric"]'
# The first render of a page in a new browser session (page.goto) streams several charts and tables; on a busy
# 2-core machine it can take longer than the UI timeout meant for a rerun.
FIRST_RENDER_MS = 3 * UI_TIMEOUT_MS
NONE = {"region": None, "countries": [], "target_ea": None}


def metric_value(page: Page, label: str):
    """Return the value locator of the metric labelled exactly `label`."""
    tile = page.locator(METRIC).filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    )
    return tile.locator('[data-testid="stMetricValue"]')


def no_exception(page: Page) -> None:
    wait_for_idle(page)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.fixture(scope="module")
def served(app_url, chromium):
    """The server, after one visit of the Overview: a cold server's first render (imports, the cached
    connection, the sidebar's queries) can take longer than the UI timeout on a busy machine."""
    context = chromium.new_context()
    try:
        first = context.new_page()
        first.goto(f"{app_url}/")
        expect(first.locator(METRIC).first).to_be_visible(timeout=3 * UI_TIMEOUT_MS)  # a cold server
    finally:
        context.close()
    return app_url


@pytest.fixture(scope="module")
def sql(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        on_2011 = query.run(con, "unct_hra_count_on_date", {**NONE, "on_date": date(2011, 6, 30)}).iloc[0]
        africa_2012 = query.run(
            con, "unct_hra_count_on_date", {**NONE, "region": "Africa", "on_date": date(2012, 6, 30)}
        ).iloc[0]
        africa = Filters(2008, 2026, region="Africa").params()
        hra_countries = query.run(con, "unct_hra_deployment_by_country", {**africa, "on_date": date(2012, 6, 30)})
        submissions = query.run(con, "cso_submissions_by_year_type", africa)["submissions"].sum()
        nhri_rows = len(query.run(con, "cso_nhri_by_country", NONE))
        ea6 = indicators.get("EA6.1")
        rows = query.run(con, ea6.query, {**NONE, "year_from": 2008, "year_to": 2026})
        ea6_latest = ea6.fmt(indicators.progress(ea6, indicators.by_year(ea6, rows), 2026).latest)
        return {
            "on_2011": int(on_2011.total), "africa_2012": int(africa_2012.total), "hra_countries": len(hra_countries),
            "submissions_africa": f"{int(submissions):,}", "nhri_rows": nhri_rows, "ea6_latest": ea6_latest,
        }  # fmt: skip


def test_unct_page_shows_18_hras_on_30_june_2011(page, served, sql):
    page.goto(f"{served}/unct")
    expect(metric_value(page, "HRAs in post on 30 Jun 2011")).to_have_text("18", timeout=FIRST_RENDER_MS)
    assert sql["on_2011"] == 18
    expect(page.get_by_text("18 HRAs deployed as of 30 June 2011", exact=False)).to_be_visible()
    no_exception(page)


def test_unct_page_follows_the_url_and_draws_the_map(page, served, sql):
    page.goto(f"{served}/unct?region=Africa&hra_date=2012-06-30")
    expect(metric_value(page, "HRAs in post on 30 Jun 2012")).to_have_text(
        str(sql["africa_2012"]), timeout=FIRST_RENDER_MS
    )
    paths = ".js-plotly-plot .choroplethlayer path"
    page.wait_for_function(f"document.querySelectorAll({paths!r}).length >= {sql['hra_countries']}")
    assert page.locator(paths).count() == sql["hra_countries"]
    no_exception(page)


def test_unct_stories_tab_is_kept_in_the_url(page, served):
    page.goto(f"{served}/unct")
    expect(metric_value(page, "HRAs in post on 30 Jun 2011")).to_have_text("18", timeout=FIRST_RENDER_MS)
    wait_for_idle(page)
    page.get_by_role("tab", name="Stories").click()
    expect(page).to_have_url(re.compile(r"[?&]unct_view=Stories(&|$)"))
    expect(page.get_by_text("UNCT Human Rights Working Group", exact=False).first).to_be_visible()
    # each story names its source after the mechanism, as text
    expect(
        page.locator(
            '[data-testid="stMarkdownContainer"]', has_text="· UNDG Human Rights Mainstreaming Mechanism"
        ).first
    ).to_be_visible()
    no_exception(page)


def test_civil_society_page_values_and_nhri_download(page, served, sql):
    page.goto(f"{served}/civil-society?region=Africa")
    expect(metric_value(page, "Submissions 2008–2026")).to_have_text(sql["submissions_africa"], timeout=FIRST_RENDER_MS)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .barlayer .point').length > 0")
    page.get_by_role("tab", name="NHRIs").click()
    expect(page).to_have_url(re.compile(r"[?&]cso_view=NHRIs(&|$)"))
    wait_for_idle(page)
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text="CSV").first
    with page.expect_download() as download:
        button.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "Country,ISO3,OHCHR region,NHRI,Accreditation status,Status since,Source"
    assert all(line.split(",")[2] == "Africa" for line in text[1:])
    no_exception(page)


def test_overview_tile_leads_to_its_ea_and_the_ea_is_in_the_url(page, served, sql):
    page.goto(f"{served}/")
    expect(page.locator(METRIC).first).to_be_visible(timeout=FIRST_RENDER_MS)
    page.get_by_role("link", name=re.compile(r"EA6 indicators and targets$")).click()
    expect(page).to_have_url(re.compile(r"/ea\?(.*&)?ea=EA6(&|$)"))
    expect(page.get_by_role("heading", name="EA6 · State engagement")).to_be_visible(timeout=FIRST_RENDER_MS)
    label = "EA6.1 · Countries with a national mechanism for reporting and follow-up"
    expect(metric_value(page, label)).to_have_text(sql["ea6_latest"], timeout=FIRST_RENDER_MS)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .scatterlayer .trace').length >= 6")
    page.locator('[data-testid="stButtonGroup"]').get_by_text("EA11", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]ea=EA11(&|$)"))
    expect(page.get_by_role("heading", name="EA11 · UNCT engagement")).to_be_visible()
    no_exception(page)
