"""The Ratification and Treaty bodies pages in a real browser: they render, the maps draw, CSV downloads work."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from hrdash.db import query
from hrdash.exports import pdf
from tests.helpers.browser import UI_TIMEOUT_MS, VIEWPORT, requires_chromium, wait_for_idle
from tests.helpers.printing import controls_in, pdf_text, requires_pdftotext

pytestmark = [pytest.mark.browser, requires_chromium]

MAP_PATHS = ".js-plotly-plot .choroplethlayer path"
RECORD_HEADER = [
    "Country", "ISO3", "OHCHR region", "Instrument", "Code", "Status on 31 December 2013", "Signature date",
    "Consent date", "Consent type", "Date precision", "Reservations (empty: not known)", "Denounced", "Source",
]  # fmt: skip
RANKED_HEADER = [
    "Rank", "ISO3", "Country", "OHCHR region", "Overdue reports", "Treaty bodies", "Oldest due date",
    "Longest overdue (years)",
]  # fmt: skip


@pytest.fixture(scope="module")
def page(app_url, chromium) -> Iterator[Page]:
    """One browser tab for the module's tests (each test loads its own URL, so a fresh app session).

    Sharing it keeps the browser's cache of the app's scripts, which a fresh context would load and
    compile again for every test. It first visits /: on the very first request after it starts,
    Streamlit runs a deep link's page (/ratification) alone, without app.py's navigation and
    filters, because the pages live in a views/ folder; after one run of app.py it never does
    again (users would meet this right after a restart too).
    """
    expect.set_options(timeout=UI_TIMEOUT_MS)
    context = chromium.new_context(viewport=VIEWPORT)
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        first = context.new_page()
        first.goto(f"{app_url}/")
        wait_for_idle(first)
        yield first
    finally:
        context.close()


@pytest.fixture(scope="module")
def sql(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        yield {
            "cmw_parties": con.execute(
                "select count(*) from ratification where instrument = 'CMW' and consent_date <= date '2026-12-31'"
            ).fetchone()[0],
            "africa_records_2013": con.execute(
                """select count(*) from ratification r join country c on c.iso3 = r.country_iso3
                   where c.ohchr_region = 'Africa'
                     and (r.signature_date <= date '2013-12-31' or r.consent_date <= date '2013-12-31')"""
            ).fetchone()[0],
            "countries": con.execute("select count(*) from country").fetchone()[0],
            "most_overdue": con.execute(
                """select max(n) from (select count(*) as n from tb_report
                   where due_date <= (select max(greatest(due_date, coalesce(submitted_date, due_date),
                                                          coalesce(reviewed_date, due_date))) from tb_report)
                     and submitted_date is null group by country_iso3)"""
            ).fetchone()[0],
        }


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_idle(page)
    expect(page.locator('[data-testid="stHeading"]').first).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0


def map_is_drawn(page: Page) -> None:
    page.wait_for_function(f"document.querySelectorAll({MAP_PATHS!r}).length >= 150")
    assert page.locator(MAP_PATHS).count() >= 150


def download_csv(page: Page, nth: int = 0) -> list[list[str]]:
    """Click the nth "⬇ CSV" button and return the downloaded file's rows."""
    with page.expect_download() as info:
        page.get_by_role("button", name="⬇ CSV").nth(nth).click()
    download = info.value
    text = Path(download.path()).read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_ratification_page_draws_the_map_with_its_legend(page, app_url, sql):
    open_view(page, f"{app_url}/ratification")
    expect(page.get_by_role("heading", name="Status of one instrument")).to_be_visible()
    map_is_drawn(page)
    legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("texts => texts.map(t => t.textContent)")
    assert f"Party ({sql['cmw_parties']})" in legend, legend


def test_ratification_tabs_are_in_the_url(page, app_url):
    open_view(page, f"{app_url}/ratification")
    page.get_by_role("tab", name="Regions").click()
    expect(page).to_have_url(re.compile(r"[?&]ratification_view=Regions(&|$)"))
    expect(page.get_by_role("heading", name="Ratification rates by region")).to_be_visible()
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .heatmaplayer').length >= 1")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_ratification_records_download_as_csv(page, app_url, sql):
    open_view(page, f"{app_url}/ratification?ratification_view=Records&region=Africa&year_to=2013")
    expect(page.get_by_role("heading", name="Ratification records")).to_be_visible()
    rows = download_csv(page)
    assert rows[0] == RECORD_HEADER
    assert len(rows) - 1 == sql["africa_records_2013"]
    assert {r[2] for r in rows[1:]} == {"Africa"}


def test_treaty_bodies_page_draws_the_map_and_downloads_the_ranking(page, app_url, sql):
    open_view(page, f"{app_url}/treaty-bodies")
    expect(page.get_by_role("heading", name=re.compile(r"^Overdue reports on .* data\)$"))).to_be_visible()
    map_is_drawn(page)
    rows = download_csv(page, 0)
    assert rows[0] == RANKED_HEADER
    assert len(rows) - 1 == sql["countries"]
    assert int(rows[1][4]) == sql["most_overdue"] and rows[1][0] == "1"


def test_country_grid_marks_only_signatories_and_denunciations_and_the_bench_sees_it_drawn(page, app_url, built_db):
    """The grid draws a symbol only in the cells colour alone could confuse (3,528 SVG texts took seconds to lay
    out); bench/browser_speed.py's click-to-drawn timing, run on this tab, waits until the grid is there."""
    from bench import browser_speed as bench

    with duckdb.connect(str(built_db), read_only=True) as con:
        marked = con.execute(
            """select count(*) filter (where code in ('denounced', 'signatory')) from (
                 select case when r.consent_date <= d and coalesce(r.denounced_date > d, true) then 'party'
                             when r.denounced_date <= d then 'denounced' when r.signature_date <= d then 'signatory'
                        end as code
                 from ratification r join country c on c.iso3 = r.country_iso3, (select date '2026-12-31' as d))"""
        ).fetchone()[0]
    open_view(page, f"{app_url}/ratification")
    tabs = page.get_by_role("tab").all_inner_texts()
    seconds = bench.timed(page, bench.TAB_JS, tabs.index("Country grid"), need_run=False, path=None, sources=True)
    assert 0 < seconds < bench.TIMEOUT_MS / 1000
    # Drawn as the bench defines it: the heatmap's SVG is there the moment the timing ends, with its symbols.
    texts = page.locator(".js-plotly-plot .heatmaplayer text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert page.locator(".js-plotly-plot .heatmaplayer").count() == 1
    assert 0 < len(texts) == marked and set(texts) <= {"○", "×"}


@requires_pdftotext
def test_treaty_bodies_prints_every_tab_and_every_row_fitted_to_the_page_without_controls(page, app_url, built_db):
    page.goto(f"{app_url}/treaty-bodies?region=Africa&print=1")
    page.wait_for_function(pdf.DRAWN_JS, timeout=90_000)
    for tab in ["Overdue reports", "Timeliness", "Reviews", "National mechanisms"]:  # every tab, under its label
        expect(page.get_by_role("heading", name=tab, exact=True)).to_be_visible()
    assert page.locator('[role="tablist"]').count() == 0
    page.emulate_media(media="print")
    try:
        # Plotly draws each chart once at its column's width: none may be wider than A4 landscape's printable width.
        widths = page.eval_on_selector_all(
            '[data-testid="stPlotlyChart"] .main-svg', "svgs => svgs.map(s => s.getBoundingClientRect().width)"
        )
        printed = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    finally:
        page.emulate_media(media="screen")
    assert len(widths) >= 7 and 500 < max(widths) <= pdf.PRINTABLE_PX, widths
    text = pdf_text(printed)
    assert controls_in(text) == []
    # Every row of the ranking (49 African countries), where st.dataframe would print the ten in view.
    with duckdb.connect(str(built_db), read_only=True) as con:
        as_of = query.run(con, "tb_as_of", {"year_to": 2026})["as_of"].iloc[0]
        params = {"region": "Africa", "countries": [], "target_ea": None, "as_of": as_of, "bodies": []}
        expected = query.run(con, "tb_overdue_by_country", params)
    ranking = text.split("Countries ranked by overdue reports")[1].split("Timeliness")[0]
    ranked = re.findall(r"^\s*(\d+)\s+([A-Z]{3})\s{2,}", ranking, re.M)
    assert ranked == [(str(r), iso3) for r, iso3 in zip(expected["rank"], expected["iso3"])] and len(ranked) == 49
