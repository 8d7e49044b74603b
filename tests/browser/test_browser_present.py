"""Presentation mode on a projector: at 1280×720 and 1920×1080 every step's chart (or table), its axis labels and the
demo note are inside the window, with nothing to scroll; the Country profile has one step per data slide of its brief.

One browser page per window size: the Special Procedures page steps through its first steps (bars, a map, a table,
lines; every tab's charts are counted), the Kenya profile through its first steps.
"""

from __future__ import annotations

import io

import duckdb
import pytest
from playwright.sync_api import expect
from pptx import Presentation

from hrdash.profile import brief
from tests.helpers.browser import UI_TIMEOUT_MS, wait_for_idle

STEP = ".st-key-hr_present_step"
MEASURE = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const step = document.querySelector('.st-key-hr_present_step');
  const chart = step.querySelector('[data-testid="stPlotlyChart"] .main-svg, [data-testid="stDataFrame"]');
  const labels = [...step.querySelectorAll('.xtick text, .ytick text, .g-xtitle, .g-ytitle')].map(box);
  const notes = [...step.querySelectorAll('[data-testid="stCaptionContainer"]')];
  const main = document.querySelector('[data-testid="stMain"]');
  return {chart: chart && box(chart), labels, note: notes.length ? box(notes[notes.length - 1]) : null,
          noteText: notes.length ? notes[notes.length - 1].innerText : '',
          counter: step.innerText.match(/(\\d+) \\/ (\\d+)/),
          w: innerWidth, h: innerHeight, scroll: main.scrollHeight - main.clientHeight};
}"""


def inside(b, w, h) -> bool:
    return b[0] >= -1 and b[1] >= -1 and b[2] <= w + 1 and b[3] <= h + 1


def steps_fit(page, count: int | None = None) -> int:
    """Step through the presentation (all steps, or `count`), asserting each fits the window; return the total."""
    total = None
    i = 0
    while True:
        shown = page.locator(STEP).locator(".main-svg, [data-testid='stDataFrame'], li").first
        expect(shown).to_be_visible(timeout=UI_TIMEOUT_MS)
        page.wait_for_timeout(400)  # plotly's autosize to its container
        m = page.evaluate(MEASURE)
        total = int(m["counter"][2])
        title = page.locator(f"{STEP} h2").inner_text()
        assert m["scroll"] <= 1, (title, m)  # nothing below the screen
        if m["chart"]:
            assert inside(m["chart"], m["w"], m["h"]) and m["chart"][3] - m["chart"][1] > 0.4 * m["h"], (title, m)
        assert all(inside(b, m["w"], m["h"]) for b in m["labels"]), (title, m)
        assert m["note"] and inside(m["note"], m["w"], m["h"]) and "Demo data" in m["noteText"], (title, m)
        i += 1
        if i >= (count or total):
            return total
        page.get_by_role("button", name="Next ▶").click()
        expect(page.locator(STEP)).to_contain_text(f"{i + 1} / {total}", timeout=UI_TIMEOUT_MS)
        wait_for_idle(page)


@pytest.fixture(scope="module")
def kenya_data_slides(built_db) -> int:
    with duckdb.connect(str(built_db), read_only=True) as con:
        return len(Presentation(io.BytesIO(brief.country_deck(con, "KEN"))).slides) - 2  # title and sources


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_steps_fit_the_window(chromium, app_url, kenya_data_slides, size):
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/special-procedures?present=1")
        wait_for_idle(page)
        total = steps_fit(page, 6 if size[0] == 1280 else 3)  # charts, a map, a table drawn from a heatmap
        assert total >= 11  # every tab's charts, not the open tab's three
        page.goto(f"{app_url}/country?country=KEN&present=1")
        wait_for_idle(page)
        assert steps_fit(page, 4) == kenya_data_slides  # one step per data slide of the Kenya brief
    finally:
        context.close()
