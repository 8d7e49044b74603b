"""The Overview page in a real browser: scorecard values equal SQL, the map draws, filters live in the URL."""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import Page, expect

from hrdash.db import query
from hrdash.model.filters import Filters
from tests.helpers import apptest
from tests.helpers.browser import VIEWPORT, click_country, requires_chromium, wait_for_idle

pytestmark = [pytest.mark.browser, requires_chromium]

EA_CODES = ["EA2", "EA6", "EA7", "EA8", "EA9", "EA10", "EA11"]
METRIC = '[data-testid="stMetric"]'
MAP_PATHS = ".js-plotly-plot .choroplethlayer path"
EXCEPTION = '[data-testid="stException"]'


def expected_tiles(
    con: duckdb.DuckDBPyConnection, region: str | None = None, year_to: int | None = None
) -> dict[str, str]:
    """Return {tile label: value text} computed straight from SQL for the given filters."""
    short = dict(query.run(con, "ea_options")[["code", "short_name"]].itertuples(index=False))
    if year_to is None:
        year_to = int(query.run(con, "data_years")["last_year"].iloc[0])
    tiles = apptest.expected_tiles(con, Filters(year_to, year_to, region=region))
    out = {f"{code} · {short[code]}": value for code, value in tiles.items()}
    assert [k.split(" · ")[0] for k in out] == EA_CODES, "the scorecard no longer has one tile per EA"
    return out


def expect_tiles(page: Page, expected: dict[str, str]) -> None:
    """Wait until every tile shows its expected value (reruns included), then compare all tiles at once."""
    page.locator(f"{METRIC}, {EXCEPTION}").first.wait_for()
    assert_no_exception(page)
    for label, value in expected.items():
        tile = page.locator(METRIC).filter(
            has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
        )
        expect(tile.locator('[data-testid="stMetricValue"]')).to_have_text(value)
    wait_for_idle(page)
    assert shown_tiles(page) == expected


def assert_no_exception(page: Page) -> None:
    boxes = page.locator(EXCEPTION)
    assert boxes.count() == 0, f"the app shows an exception: {boxes.first.inner_text()[:1500]}"


def shown_tiles(page: Page) -> dict[str, str]:
    """Return {label: value} of the EA tiles on screen (not the tile on the data in view)."""
    tiles = page.locator(METRIC)
    labels = tiles.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    values = tiles.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(labels) == len(values), (labels, values)
    return {label.strip(): value.strip() for label, value in zip(labels, values) if " · " in label}


def tile_boxes(page: Page) -> list[dict]:
    """Return every scorecard tile's label (EA code, or the data tile's) and box, in screen reading order."""
    boxes = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(m => {
            const r = m.getBoundingClientRect();
            const label = m.querySelector('[data-testid="stMetricLabel"]').innerText.trim();
            return {label: label.split(' · ')[0], top: Math.round(r.top + window.scrollY), left: Math.round(r.left),
                    width: Math.round(r.width)};
        })""",
        METRIC,
    )
    return sorted(boxes, key=lambda b: (b["top"], b["left"]))


def map_boxes(page: Page) -> dict:
    """Return the boxes of the first map's drawing (geo layer), colour bar, colour-bar title and plotly toolbar."""
    return page.evaluate(
        """() => {
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            const plot = plots.find(p => p.querySelector('.geolayer > .geo'));
            const box = s => {
                const e = plot.querySelector(s);
                if (!e) return null;
                const r = e.getBoundingClientRect();
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height};
            };
            return {geo: box('.geolayer'), colourbar: box('.colorbar'), title: box('.cbtitle'),
                    modebar: box('.modebar'), page_width: document.documentElement.scrollWidth};
        }"""
    )


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def sidebar_box(page: Page, label: str):
    """Return the sidebar selectbox labelled exactly `label`."""
    return page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    )


def region_box(page: Page):
    return sidebar_box(page, "OHCHR region")


@pytest.fixture(scope="module")
def sql(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        yield {
            "all": expected_tiles(con),
            "africa_2013": expected_tiles(con, region="Africa", year_to=2013),
            "americas": expected_tiles(con, region="Americas"),
        }


def test_default_view_shows_sql_values_and_the_map(page, app_url, sql):
    page.goto(f"{app_url}/")
    expect_tiles(page, sql["all"])
    assert len(shown_tiles(page)) == 7
    page.wait_for_function(f"document.querySelectorAll({MAP_PATHS!r}).length >= 150")
    assert page.locator(MAP_PATHS).count() >= 150
    expect(region_box(page).locator("input")).to_have_value("All regions")
    assert_no_exception(page)
    # An even grid at desktop width: two rows of four equal tiles (the seven EAs, then the data in view).
    tiles = tile_boxes(page)
    rows = [[t["label"] for t in tiles if t["top"] == top] for top in sorted({t["top"] for t in tiles})]
    assert rows == [EA_CODES[:4], [*EA_CODES[4:], "Real data in view"]]
    assert max(t["width"] for t in tiles) - min(t["width"] for t in tiles) <= 2
    # The plotly toolbar (top right) stays clear of the colour bar's title (under the map).
    boxes = map_boxes(page)
    assert boxes["modebar"] and boxes["title"] and not overlap(boxes["modebar"], boxes["title"]), boxes
    assert boxes["title"]["top"] >= boxes["geo"]["bottom"] - 1


def test_on_a_phone_the_tiles_read_in_order_and_the_map_stays_large(chromium, app_url, sql):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        phone.goto(f"{app_url}/")
        expect_tiles(phone, sql["all"])
        phone.wait_for_function(f"document.querySelectorAll({MAP_PATHS!r}).length >= 150")
        wait_for_idle(phone)
        # One column, in reading order: EA2, EA6, EA7 … EA11 (not the columns' order EA2, EA9, EA6, EA10 …).
        tiles = tile_boxes(phone)
        assert [t["label"] for t in tiles] == [*EA_CODES, "Real data in view"]
        assert len({t["left"] for t in tiles}) == 1
        # The world map keeps a plot area over 300 px tall (in its own scroller), its colour bar under it and smaller.
        boxes = map_boxes(phone)
        assert boxes["geo"]["height"] >= 300, boxes
        assert (
            boxes["colourbar"]["height"] < boxes["geo"]["height"] and boxes["colourbar"]["top"] >= boxes["geo"]["top"]
        )
        assert boxes["page_width"] <= 390  # only the map scrolls sideways, not the page
        assert_no_exception(phone)
        # Only maps are drawn wider than the screen: on a page with a map and bar charts (every plotly chart has a
        # geo layer, empty but for maps), the bars keep the screen's width.
        phone.goto(f"{app_url}/treaty-bodies")
        phone.locator(".geolayer > .geo").first.wait_for()
        wait_for_idle(phone)
        widths = phone.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map(
                p => [!!p.querySelector('.geolayer > .geo'), p.getBoundingClientRect().width])"""
        )
        assert sorted(w >= 680 for _, w in widths) == sorted(is_map for is_map, _ in widths), widths
        assert any(not is_map for is_map, _ in widths) and all(w <= 390 for is_map, w in widths if not is_map)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_overview_opens_at_its_own_path_with_the_filters_and_no_deploy_button(page, app_url, sql):
    page.goto(f"{app_url}/overview?region=Africa&year_to=2013")
    expect_tiles(page, sql["africa_2013"])
    expect(region_box(page).locator("input")).to_have_value("Africa")
    assert "Page not found" not in page.inner_text("body")
    expect(page).to_have_url(re.compile(r"[?&]region=Africa(&|$)"))
    # The toolbar is the viewer's: no Deploy button (client.toolbarMode = "viewer" in .streamlit/config.toml).
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert_no_exception(page)


def test_url_filters_are_applied(page, app_url, sql):
    page.goto(f"{app_url}/?region=Africa&year_to=2013")
    expect_tiles(page, sql["africa_2013"])
    differing = [k for k in sql["all"] if sql["all"][k] != sql["africa_2013"][k]]
    assert len(differing) >= 5, f"Africa 2013 should differ from the unfiltered view; only {differing} do"
    expect(region_box(page).locator("input")).to_have_value("Africa")
    expect(sidebar_box(page, "To").locator("input")).to_have_value("2013")
    # 2013 is the baseline year, so every tile's change against the baseline is zero.
    deltas = page.locator(f'{METRIC} [data-testid="stMetricDelta"]').all_inner_texts()
    assert deltas and all(re.fullmatch(r"\+?0(\.0 pts)? vs 2013", d.strip()) for d in deltas), deltas
    assert_no_exception(page)


def test_region_change_is_shareable_as_a_link(page, chromium, app_url, sql):
    page.goto(f"{app_url}/")
    expect_tiles(page, sql["all"])
    region_box(page).locator("input").click()
    page.get_by_role("option", name="Americas", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]region=Americas(&|$)"))
    expect_tiles(page, sql["americas"])
    assert sql["americas"] != sql["all"]
    shared = page.url

    other = chromium.new_context(viewport=VIEWPORT)
    try:
        fresh = other.new_page()
        fresh.goto(shared)
        expect_tiles(fresh, sql["americas"])
        expect(region_box(fresh).locator("input")).to_have_value("Americas")
        assert_no_exception(fresh)
    finally:
        other.close()


def test_clicking_a_country_on_the_map_opens_its_profile(page, app_url):
    page.goto(f"{app_url}/?region=Americas")
    page.wait_for_function(f"document.querySelectorAll({MAP_PATHS!r}).length >= 30")  # the region's countries
    wait_for_idle(page)
    click_country(page, "BRA")
    page.wait_for_url(re.compile(r"/country\?country=BRA"))
    expect(page.locator("h1").first).to_have_text("Country profile: Brazil")
    assert_no_exception(page)
