"""WCAG 2.1 AA in a real browser: axe-core on every page, and the Overview used with the keyboard alone.

axe-core is the copy bundled by the axe-playwright-python package (no download at run time). The checks are the
WCAG 2.0/2.1 A and AA rules; a serious or critical violation fails the test with the rule, the element and why.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from hrdash.app import pages
from tests.helpers.browser import requires_chromium, wait_for_idle

pytestmark = [pytest.mark.browser, requires_chromium]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCKING = ("serious", "critical")


def drawn(page: Page) -> None:
    """Wait until the page is drawn and no element is still faded as stale from the run before."""
    page.locator('[data-testid="stMain"] [data-testid="stHeading"]').first.wait_for()
    wait_for_idle(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def blocking_violations(page: Page) -> list[str]:
    """Return axe-core's serious and critical WCAG 2.1 AA violations on the page, one line each."""
    found = Axe().run(page, options=WCAG_AA | {"resultTypes": ["violations"]}).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {node['html'][:120]} — {node.get('failureSummary', '')[:200]}"
        for v in found
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


def test_every_page_has_no_serious_wcag_violation(app_url: str, page: Page) -> None:
    found: dict[str, list[str]] = {}
    for p in pages.PAGES:
        page.goto(f"{app_url}/{p.url_path}" + ("?country=Kenya" if p is pages.COUNTRY_PROFILE else ""))
        drawn(page)
        if problems := blocking_violations(page):
            found[p.title] = problems
    assert not found, found


def test_menu_is_a_list_of_links_to_every_page(app_url: str, page: Page) -> None:
    """The menu the app draws (Streamlit's own failed axe's list rules): a link per page, in the registry's order."""
    page.goto(app_url)
    drawn(page)
    links = page.locator('[data-testid="stSidebar"] .st-key-hr_menu a')
    expect(links).to_have_count(len(pages.PAGES))  # drawn with the sidebar, maybe after the main block
    # a link's text is its icon's name (a ligature of the icon font), then the page's title
    assert [text.split("\n")[-1] for text in links.all_inner_texts()] == [p.title for p in pages.PAGES]
    links.nth([p.title for p in pages.PAGES].index(pages.UPR.title)).click()
    expect(page).to_have_url(f"{app_url}/{pages.UPR.url_path}")


def test_overview_region_changes_with_the_keyboard_alone(app_url: str, page: Page) -> None:
    """Tab from the top of the page to the region filter, choose a region by typing, and the page follows."""
    page.goto(app_url)
    drawn(page)
    page.locator("body").focus()
    for _ in range(150):  # the menu's links first, then the filters (a rerun meanwhile may send focus back up)
        page.keyboard.press("Tab")
        label = page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''")
        if "OHCHR region" in label:
            break
    else:
        pytest.fail("the region filter cannot be reached with the Tab key")
    page.keyboard.type("Africa")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{app_url}/?region=Africa")
    drawn(page)
    expect(page.get_by_text("OHCHR region: Africa").first).to_be_visible()
