"""The Country profile in Chromium: it renders for ?country=LBR, the print view hides the sidebar and breaks
pages, presentation mode shows one chart and steps to the next, and a click on the map opens that country."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from hrdash.exports import pdf
from tests.helpers.browser import requires_chromium, wait_for_idle
from tests.helpers.printing import controls_in, pages, pdf_text, requires_pdftotext

pytestmark = [pytest.mark.browser, requires_chromium]

TITLE = "h1"
MAP_TIMEOUT_MS = 90_000  # the regional map draws last, after eight other charts, on a busy machine
PLOTS = '[data-testid="stMain"] .js-plotly-plot'
SIDEBAR = '[data-testid="stSidebar"]'


@pytest.fixture(scope="module")
def sql(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        party = con.execute("select count(*) from ratification where country_iso3 = 'LBR' and consent_date <= "
                            "date '2026-12-31'").fetchone()[0]  # fmt: skip
        africa = con.execute("select count(*) from country where ohchr_region = 'Africa'").fetchone()[0]
    return {"party": party, "africa": africa}


def open_profile(page: Page, app_url: str, query: str) -> None:
    page.goto(f"{app_url}/country?{query}")
    first = page.locator('[data-testid="stMain"] h2') if "present=1" in query else page.locator(TITLE)
    expect(first.first).to_contain_text("Liberia")
    wait_for_idle(page)


def display(page: Page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).display")


def test_the_profile_renders_for_a_country_in_the_url(page, app_url, sql):
    open_profile(page, app_url, "country=LBR")
    expect(page.locator(TITLE).first).to_have_text("Country profile: Liberia")
    expect(page.get_by_text(f"Party to {sql['party']} of 18 instruments", exact=False)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]country=LBR(&|$)"))
    page.wait_for_function(f"document.querySelectorAll({PLOTS!r}).length >= 9", timeout=MAP_TIMEOUT_MS)
    # The regional map draws every country of Africa (its shapes come from static/topojson).
    page.wait_for_function(
        f"document.querySelectorAll('.choroplethlayer path.choroplethlocation').length >= {sql['africa']}",
        timeout=MAP_TIMEOUT_MS,
    )
    assert display(page, SIDEBAR) != "none"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_print_view_hides_the_sidebar_and_starts_each_section_on_a_page(page, app_url):
    open_profile(page, app_url, "country=LBR&print=1")
    expect(page.locator(TITLE).first).to_have_text("Country profile: Liberia")
    expect(page.locator(SIDEBAR)).to_be_hidden()
    assert display(page, SIDEBAR) == "none"
    assert display(page, '[data-testid="stHeader"]') == "none"
    assert display(page, ".st-key-hr_controls") == "none"
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        '[class*="st-key-hr_section_"]', "els => els.map(el => getComputedStyle(el).breakBefore)"
    )
    assert breaks == ["page"] * 9
    printed = page.pdf(format="A4")
    assert pages(printed) >= 10  # the key figures, then at least one page per section
    assert page.locator('[data-testid="stException"]').count() == 0


@requires_pdftotext
def test_the_server_makes_the_profile_pdf_with_every_row_and_a_footer(app_url, built_db):
    made = pdf.render(f"{app_url}/country?country=LBR&present=1", title="Country profile: Liberia",
                      note="Demo data: a test's note.", day=date(2026, 12, 3))  # fmt: skip
    text = pdf_text(made)
    n = pages(made)
    assert n >= 10 and len(re.findall(rb"/MediaBox \[0 0 841\.9\d* 594\.9\d*\]", made)) == n  # A4 landscape
    assert "Country profile: Liberia" in text and "Key figures" in text  # the print view, not the presentation
    assert text.count("Country profile: Liberia · 3 December 2026 · Demo data: a test's note.") == n
    assert f"page {n} of {n}" in text
    assert controls_in(text) == []
    with duckdb.connect(str(built_db), read_only=True) as con:
        codes = [c for (c,) in con.execute("select code from instrument").fetchall()]
    listed = text.split("Ratification of the 18 instruments")[1].split("Treaty-body reporting")[0]
    assert len(codes) == 18 and all(re.search(rf"^\s*{re.escape(c)}\s", listed, re.M) for c in codes), listed


def test_the_print_view_toggle_writes_the_url(page, app_url):
    open_profile(page, app_url, "country=LBR")
    page.locator('[data-testid="stCheckbox"]', has_text="Print view").click()
    expect(page).to_have_url(re.compile(r"[?&]print=1(&|$)"))
    expect(page.locator(SIDEBAR)).to_be_hidden()
    page.get_by_role("button", name="Exit print view").click()
    expect(page.locator(SIDEBAR)).to_be_visible()
    assert "print=" not in page.url


def test_presentation_mode_shows_one_chart_and_steps_to_the_next(page, app_url):
    open_profile(page, app_url, "country=LBR&present=1")
    header = page.locator('[data-testid="stMain"] h2').first
    expect(header).to_have_text("Liberia: key figures")
    expect(page.locator(SIDEBAR)).to_be_hidden()
    assert page.locator(PLOTS).count() == 0
    page.get_by_role("button", name="Next ▶").click()  # the brief's steps: the regional comparison, a table
    expect(header).to_contain_text("Liberia compared with the Africa region")
    page.get_by_role("button", name="Next ▶").click()
    expect(header).to_contain_text("Instruments ratified as of 31 December 2026")
    wait_for_idle(page)
    expect(page.locator(PLOTS)).to_have_count(1)
    page.get_by_role("button", name="Next ▶").click()
    expect(header).to_contain_text("Status of the 18 instruments in Liberia")
    wait_for_idle(page)
    expect(page.locator(PLOTS)).to_have_count(1)
    expect(page.locator('[data-testid="stMain"] .js-plotly-plot .pielayer')).to_have_count(1)
    page.get_by_role("button", name="◀ Previous").click()
    expect(header).to_contain_text("Instruments ratified as of 31 December 2026")
    # Larger text for the projector.
    size = page.eval_on_selector('[data-testid="stMain"] [data-testid="stCaptionContainer"] p',
                                 "el => parseFloat(getComputedStyle(el).fontSize)")  # fmt: skip
    assert size >= 17


def test_a_click_on_the_regional_map_opens_that_country(page, app_url):
    open_profile(page, app_url, "country=LBR")
    page.wait_for_function(
        "document.querySelectorAll('.choroplethlayer path.choroplethlocation').length > 40", timeout=MAP_TIMEOUT_MS
    )
    target = page.locator(".js-plotly-plot").filter(has=page.locator(".choroplethlayer")).first
    target.scroll_into_view_if_needed()
    # Click the middle of the largest country shape other than Liberia's outline.
    box = page.evaluate("""() => {
        const paths = [...document.querySelectorAll('.choroplethlayer .trace:first-child path.choroplethlocation')];
        let best = null;
        for (const p of paths) { const b = p.getBoundingClientRect(); const a = b.width * b.height;
            if (!best || a > best.a) best = {x: b.x + b.width / 2, y: b.y + b.height / 2, a}; }
        return best; }""")  # fmt: skip
    page.mouse.click(box["x"], box["y"])
    expect(page).not_to_have_url(re.compile(r"[?&]country=LBR(&|$)"))
    expect(page.locator(TITLE).first).not_to_have_text("Country profile: Liberia")
    expect(page.locator(TITLE).first).to_contain_text("Country profile: ")


def test_the_slides_button_downloads_the_country_s_deck(page, app_url, built_db):
    import io

    from pptx import Presentation

    from hrdash.profile import brief

    open_profile(page, app_url, "country=LBR")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download slides (.pptx)").click()
    assert download.value.suggested_filename == "country_brief_LBR.pptx"
    prs = Presentation(io.BytesIO(Path(download.value.path()).read_bytes()))
    titles = [s.shapes.title.text for s in prs.slides]
    with duckdb.connect(str(built_db), read_only=True) as con:
        expected = [s.shapes.title.text for s in Presentation(io.BytesIO(brief.country_deck(con, "LBR"))).slides]
    assert titles == expected and titles[0] == "Country brief: Liberia" and titles[-1] == "Sources"


def test_a_table_export_holds_the_rows_shown_for_the_years(page, app_url, built_db):
    """The visits table's CSV is the table on screen: the visits of the sidebar years and the requests open at
    their end, with the country's code first (compared with SQL on the tables)."""
    import csv
    import io

    open_profile(page, app_url, "country=LBR&year_from=2010&year_to=2013")
    with page.expect_download() as info:
        page.locator(".st-key-profile_sp_visits_csv").get_by_role("button", name="⬇ CSV").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8-sig"))))
    assert rows[0][:4] == ["ISO3", "Mandate", "Mandate kind", "Status"] and "Open for (years)" in rows[0]
    with duckdb.connect(str(built_db), read_only=True) as con:
        want = con.execute(
            """select 'LBR', m.title, coalesce(strftime(v.request_date, '%Y-%m-%d'), ''),
                      coalesce(strftime(v.start_date, '%Y-%m-%d'), '')
               from sp_visit v join sp_mandate m on m.code = v.mandate_code
               where v.country_iso3 = 'LBR'
                 and ((v.status = 'completed' and year(v.start_date) between 2010 and 2013)
                      or (v.status <> 'completed' and v.request_date <= date '2013-12-31'))"""
        ).fetchall()
    got = [(r[0], r[1], r[rows[0].index("Requested")], r[rows[0].index("From")]) for r in rows[1:]]
    assert sorted(got) == sorted(want) and len(got) > 0
