"""The Special Procedures and UPR pages in a real browser: they render, a search finds what SQL finds, and the CSV
downloads carry the expected header and every row."""

from __future__ import annotations

import csv
import io
import re

import duckdb
import pytest
from playwright.sync_api import Page, expect

from hrdash.figures import special_procedures as sp
from hrdash.figures import upr
from tests.helpers.browser import click_country, requires_chromium, wait_for_idle

pytestmark = [pytest.mark.browser, requires_chromium]

METRIC = '[data-testid="stMetric"]'
VISIT_COLUMNS = [
    "country", "iso3", "ohchr_region", "status", "mandate", "mandate_kind", "request_date", "start_date", "end_date",
    "report_symbol", "id", "source",
]  # fmt: skip
SEARCH_COLUMNS = [
    "review_date", "country", "text", "response", "themes", "recommended_by", "cycle", "session", "paragraph",
    "implementation", "document_symbol", "iso3", "id", "source",
]  # fmt: skip


@pytest.fixture(scope="module")
def sql(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        yield {
            "visits_latest": con.execute(
                "select count(*) from sp_visit where status = 'completed' and year(start_date) = 2026"
            ).fetchone()[0],
            "visit_rows": con.execute(
                "select count(*) from sp_visit where year(coalesce(start_date, request_date)) between 2008 and 2026"
            ).fetchone()[0],
            "matches": con.execute(
                "select count(*) from recommendation where cycle is not null "
                "and lower(text) like '%torture%' and lower(text) like '%investigate%'"
            ).fetchone()[0],
        }


def open_page(page: Page, app_url: str, path: str) -> None:
    """Open a page straight from a shared link, as a user does (the first request the server gets for it)."""
    page.goto(f"{app_url}/{path}")
    wait_for_idle(page)


def download_csv(page: Page, key: str | None = None) -> list[list[str]]:
    """Download a table's CSV: the button of export `key` (the page may draw several), else the first."""
    scope = page.locator(f".st-key-{key}_csv") if key else page
    button = scope.get_by_role("button", name="⬇ CSV").first
    with page.expect_download() as info:
        button.click()
    text = info.value.path().read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_special_procedures_renders_and_exports_the_visits(page, app_url, sql):
    open_page(page, app_url, "special-procedures?sp_view=Tables")
    tile = page.locator(METRIC).filter(has_text="Country visits")
    expect(tile.locator('[data-testid="stMetricValue"]')).to_have_text(str(sql["visits_latest"]))
    expect(page.get_by_text("2013 as the OHCHR Management Plan 2014–2017 reports it")).to_be_visible()
    rows = download_csv(page, "sp_visit_list_export")
    assert rows[0] == [sp.LABELS[c] for c in VISIT_COLUMNS]
    assert len(rows) - 1 == sql["visit_rows"] > 500  # every row, not the 500 on screen
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_page_s_charts_download_as_a_slide_deck(page, app_url):
    from pptx import Presentation

    open_page(page, app_url, "special-procedures")
    page.get_by_role("button", name="Prepare slides of the whole page").click()  # runs every tab once
    button = page.get_by_role("button", name=re.compile(r"^Slides of the whole page \((\d+) slides, \.pptx\)"))
    with page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename == "page_special_procedures.pptx"
    prs = Presentation(str(info.value.path()))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[:2] == ["Special Procedures", "Visits: Country visits per year"] and titles[-1].startswith("Sources")
    assert f"({len(titles)} slides, .pptx)" in button.inner_text()  # the button says how many slides it gives
    assert any(sh.has_chart for sh in prs.slides[1].shapes)


def test_presentation_mode_shows_the_page_s_charts_one_at_a_time(page, app_url):
    open_page(page, app_url, "special-procedures")
    page.get_by_text("Presentation mode").click()
    expect(page).to_have_url(re.compile(r"[?&]present=1"))
    expect(page.locator("h2:visible")).to_have_text(["Visits: Country visits per year"])
    expect(page.locator(".js-plotly-plot:visible")).to_have_count(1)  # one chart; the rest of the page is hidden
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    expect(page.get_by_text("1 / 11")).to_be_visible()  # every tab's charts
    note = re.compile(r"^Real public data \d+% · .*demo \d+% \(.*\)\. Demo data: [\d,]+ of the [\d,]+ rows")
    expect(page.get_by_text(note)).to_be_visible()  # the banner is hidden: the note under each chart says it
    page.get_by_role("button", name="Next ▶").click()
    expect(page.locator("h2:visible")).to_have_text(["Where the mandates went"])
    expect(page.get_by_text("2 / 11")).to_be_visible()
    page.get_by_role("button", name="✕ Exit").click()
    expect(page.get_by_role("button", name="Prepare slides of the whole page")).to_be_visible()
    assert page.locator('[data-testid="stSidebar"]').is_visible()


def test_clicking_a_country_on_the_visits_map_opens_its_profile(page, app_url, built_db):
    open_page(page, app_url, "special-procedures")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .choroplethlocation').length > 20")
    iso3 = click_country(page)  # the largest country drawn
    with duckdb.connect(str(built_db), read_only=True) as con:
        name = con.execute("select name from country where iso3 = $c", {"c": iso3}).fetchone()[0]
    page.wait_for_url(re.compile(rf"/country\?country={iso3}$"))
    expect(page.locator("h1").first).to_have_text(f"Country profile: {name}")


def test_upr_search_finds_what_sql_finds_and_exports_every_match(page, app_url, sql):
    open_page(page, app_url, "upr?upr_view=Search")
    box = page.get_by_label(re.compile("Words or"))
    box.fill("Investigate TORTURE")
    box.press("Enter")
    expect(page.get_by_text(f"{sql['matches']:,} matching recommendations")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]upr_q=Investigate(\+|%20)TORTURE"))
    wait_for_idle(page)
    rows = download_csv(page)
    assert rows[0] == [upr.LABELS.get(c, c) for c in SEARCH_COLUMNS]
    assert len(rows) - 1 == sql["matches"] > 100  # all matches, not the 25 of the page
    assert all("torture" in r[2].lower() and "investigate" in r[2].lower() for r in rows[1:])
    assert page.locator('[data-testid="stException"]').count() == 0
