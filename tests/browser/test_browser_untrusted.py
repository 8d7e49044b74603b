"""Hostile strings in every table that reaches the screen, in Chromium: nothing is fetched, linked or run.

The app serves tests/helpers/hostile_text.py's database (payloads in Kenya's story, NHRI, themes, recommendation,
UNCT and HRA texts, a regional adviser's region, the import log and the imports not re-applied); the test opens the
pages that show them (Country profile, an unknown ?country=, UNCT stories, Civil society NHRIs, UPR search and
themes, the Data page's sources, history and a refused upload) and checks, after each: no request left for a
host other than the app's, no <a> or <img> (HTML or SVG) points to the payloads' host, no script ran, and
the payload is on the page as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from hrdash.model.text import WORD_JOINER
from tests.helpers.browser import requires_chromium, streamlit_server, wait_for_idle
from tests.helpers.hostile_text import COUNTRY, COUNTRY_NAME, FIELDS, HOST, PAYLOADS, URL_COUNTRY

pytestmark = [pytest.mark.browser, requires_chromium]

PLOTS = '[data-testid="stMain"] .js-plotly-plot'
GRID = "[data-testid=stDataFrame]"
# Every attribute through which an element fetches or links something.
LINKED = """host => [...document.querySelectorAll('*')].flatMap(e =>
    ['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'background']
        .map(name => [e.tagName, name, e.getAttribute(name) || ''])
        .filter(([, , value]) => value.includes(host)))"""
# The page's text: what is rendered as text, plotly's SVG text, and the cells of the tables (drawn on a canvas, and
# written into the grid's accessible table).
TEXT = f"""() => [document.body.innerText,
    ...[...document.querySelectorAll('svg text, {GRID} table td')].map(t => t.textContent)]
    .join(' ').replaceAll('{WORD_JOINER}', '')"""


@pytest.fixture(scope="module")
def hostile_url(hostile_db: Path) -> Iterator[str]:
    """The base URL of `streamlit run app.py` serving the hostile database."""
    with streamlit_server(hostile_db) as url:
        yield url


class Watched:
    """A page of a fresh browser context, with every request it made."""

    def __init__(self, page: Page, base: str) -> None:
        self.page, self.base, self.requests = page, base, []
        page.context.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str) -> Page:
        self.page.goto(f"{self.base}{path}")
        wait_for_idle(self.page)
        return self.page

    def assert_inert(self, *texts: str) -> None:
        """Assert nothing was fetched, linked or run, and each of `texts` is on the page as text."""
        own = urlsplit(self.base).netloc
        elsewhere = [u for u in self.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                     and urlsplit(u).netloc != own]  # fmt: skip
        assert not elsewhere, elsewhere
        assert self.page.evaluate(LINKED, HOST) == []
        assert self.page.evaluate("() => window.__pwned") is None
        shown = self.page.evaluate(TEXT)
        for text in texts:
            assert text in shown, text


@pytest.fixture()
def watched(chromium, hostile_url) -> Iterator[Watched]:
    expect.set_options(timeout=60_000)
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    try:
        yield Watched(context.new_page(), hostile_url)
    finally:
        context.close()


def test_country_profile(watched):
    page = watched.open(f"/country?country={COUNTRY}")
    expect(page.locator("h1").first).to_have_text(f"Country profile: {COUNTRY_NAME}")
    page.wait_for_function(f"document.querySelectorAll({PLOTS!r}).length >= 9", timeout=90_000)
    # the story and the NHRI in markdown, the theme on the themes chart's axis (plotly text)
    watched.assert_inert(FIELDS["story"], FIELDS["nhri"], FIELDS["theme"])
    page = watched.open(f"/country?country={quote(URL_COUNTRY)}")
    expect(page.locator('[data-testid="stAlert"]').first).to_contain_text("No country is called or coded")
    watched.assert_inert(f"No country is called or coded “{URL_COUNTRY}”")


def test_unct_stories_and_civil_society_nhris(watched):
    watched.open("/unct?unct_view=Stories")
    expect(watched.page.get_by_text("dated events from OHCHR and UNDG documents", exact=False)).to_be_visible()
    watched.assert_inert(FIELDS["story"])
    page = watched.open(f"/civil-society?cso_view=NHRIs&countries={COUNTRY_NAME}")
    # the table's cells are drawn on a canvas; the grid also writes them into an accessible table
    expect(page.locator(f"{GRID} table", has_text=" nhri ")).to_have_count(1)
    watched.assert_inert(FIELDS["nhri"])


def test_upr_search_and_themes(watched):
    phrase = PAYLOADS[3]  # the <img> tag: searched for as a phrase, from the URL
    page = watched.open(f"/upr?upr_view=Search&upr_q={quote(chr(34) + phrase + chr(34))}")
    expect(page.get_by_text("1 matching recommendations", exact=False)).to_be_visible()
    watched.assert_inert("1 matching recommendations")
    page.get_by_role("tab", name="Themes").click()
    wait_for_idle(page)
    page.wait_for_function(f"document.querySelectorAll({PLOTS!r}).length >= 1")
    watched.assert_inert(FIELDS["theme"])


def test_data_page_history_and_a_refused_upload(watched):
    page = watched.open(f"/data?countries={COUNTRY_NAME}")
    expect(page.get_by_text("could not be re-applied", exact=False)).to_be_visible()
    watched.assert_inert(FIELDS["lost_file"], FIELDS["lost_error"])
    page.get_by_role("tab", name="Import history").click()
    expect(page.locator(f"{GRID} table", has_text=" file ")).to_have_count(1)
    watched.assert_inert(FIELDS["file"])  # the first cells of the history table (the grid draws what fits)
    page.get_by_role("tab", name="Add data").click()
    header = [FIELDS["story"].replace('"', "'"), ":red[b]"]
    page.locator('[data-testid="stMain"] [data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "[x](http:⁄⁄127.0.0.2:9).csv", "mimeType": "text/csv",
         "buffer": (",".join(f'"{h}"' for h in header) + "\n1,2\n").encode()}
    )  # fmt: skip
    expect(page.locator('[data-testid="stAlert"]', has_text="Refused")).to_have_count(1)
    wait_for_idle(page)
    watched.assert_inert(f"unknown layout (header {header!r})", "[x](http:⁄⁄127.0.0.2:9).csv")
