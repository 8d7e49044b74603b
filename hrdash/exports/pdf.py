"""A page of the running app as a PDF: headless Chromium opens its print view (?print=1) and prints it.

    pdf.render("http://127.0.0.1:8501/treaty-bodies?region=Africa", title="Treaty bodies (EA6)", note="…")

The PDF is what a manager gets from a clean print of the page in the browser: the page's own URL with its
filters (they are in its query parameters) plus `print=1`, waited for until the page is drawn (no script run,
every chart drawn, maps with their countries), printed with print media on A4 landscape (the print view's
column fits its width: hrdash/app/printing.py), with page numbers and a footer naming the page, the date and the
demo statement. It needs Debian's Chromium (`/usr/bin/chromium`, or `$HRDASH_CHROMIUM`) and the `playwright`
package; it never downloads a browser. No streamlit here: the app calls it with its own address
(hrdash/app/printing.py `pdf_button`), a script or a benchmark with any running server's.
"""

from __future__ import annotations

import html
import os
import re
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

CHROMIUM_ENV = "HRDASH_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
COLUMN_PX = 1000  # the print view's column; A4 landscape less 10 mm margins is 277 mm = 1047 CSS px
MARGIN = {"top": "10mm", "right": "10mm", "bottom": "14mm", "left": "10mm"}  # the footer sits in the bottom one
PRINTABLE_PX = round((297 - 20) / 25.4 * 96)  # 1047: the widest a chart may be on the printed page
VIEWPORT = {"width": COLUMN_PX + 100, "height": 1400}  # the column at its full width, as on a laptop
TIMEOUT_S = 90.0  # the whole PDF: page load, every chart, printing
SETTLE_S = 0.4  # the page must stay drawn this long (a rerun can start just after one ends)
INSTALL = "Debian/Ubuntu: `apt-get install chromium`; elsewhere set HRDASH_CHROMIUM to a Chromium or Chrome binary"

# Drawn: the script has run (the page's title is there, no run in progress, no status widget) and every plotly
# chart has its SVG; a map also has its countries (their shapes arrive after the chart's frame).
DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], .stSpinner')) return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
    const plot = chart.querySelector('.js-plotly-plot');
    const map = plot && (plot._fullData || []).some(t => t.type === 'choropleth');
    if (map && !chart.querySelector('.choroplethlocation')) return false;
  }
  return true;
}"""


class PdfError(RuntimeError):
    """The PDF could not be made; the message says why and what to do, in words for a user."""


def chromium_path() -> Path:
    """Return the Chromium binary to print with: $HRDASH_CHROMIUM, else Debian's /usr/bin/chromium."""
    return Path(os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM)


def print_url(url: str) -> str:
    """Return a page's URL in print view: its query parameters kept (repeated ones too), `print=1`, no `present`."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("print", "present")]
    return urlunsplit(parts._replace(query=urlencode([*query, ("print", "1")]), fragment=""))


def file_name(title: str, day: date) -> str:
    """Return the PDF's file name: the page's title in lower case and the date ("treaty_bodies_ea6_2026-12-03.pdf")."""
    stem = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "page"
    return f"{stem}_{day:%Y-%m-%d}.pdf"


def footer_html(title: str, note: str, day: date) -> str:
    """Return Chromium's footer template: page title, date, the demo statement and "page N of M" (text escaped)."""
    text = " · ".join(html.escape(s) for s in [title, f"{day:%-d %B %Y}", note] if s)
    return (
        '<div style="font-size:7.5px; width:100%; margin:0 10mm; display:flex; gap:8px; color:#444;">'
        f'<span style="flex:1">{text}</span>'
        '<span style="white-space:nowrap">page <span class="pageNumber"></span> of <span class="totalPages"></span>'
        "</span></div>"
    )


def render(
    url: str,
    *,
    title: str,
    note: str = "",
    day: date | None = None,
    timeout_s: float = TIMEOUT_S,
    cookies: Mapping[str, str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> bytes:
    """Return the PDF of the page at `url` (the print view of it), as a clean print of it from the browser would be.

    `title` and `note` (the demo statement) go into every page's footer with `day` (today) and the page number;
    `cookies` are sent with the page's requests (the user's sign-in, when the app has one). Raises PdfError when
    Chromium is missing, the page does not answer or is not drawn within `timeout_s` seconds.
    """
    # Playwright's sync API refuses to run in a thread with a running asyncio loop (a caller that drives a browser
    # itself, a notebook): a thread of its own always works.
    with ThreadPoolExecutor(1, thread_name_prefix="hrdash-pdf") as pool:
        return pool.submit(_render, url, title, note, day, timeout_s, cookies, progress).result()


def _render(
    url: str,
    title: str,
    note: str,
    day: date | None,
    timeout_s: float,
    cookies: Mapping[str, str] | None,
    progress: Callable[[str], None],
) -> bytes:
    binary = chromium_path()
    if not binary.exists():
        raise PdfError(f"Making a PDF needs Chromium, which is not installed at {binary} ({INSTALL}).")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pragma: no cover - playwright is in requirements.txt
        raise PdfError("Making a PDF needs the `playwright` package: pip install -r requirements.txt.") from e
    target = print_url(url)
    deadline = time.monotonic() + timeout_s
    left_ms = lambda: max(1.0, (deadline - time.monotonic()) * 1000)  # noqa: E731 (one time limit for all steps)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(binary), args=CHROMIUM_ARGS, timeout=left_ms())
            try:
                context = browser.new_context(viewport=VIEWPORT)
                if cookies:
                    context.add_cookies([{"name": k, "value": v, "url": target} for k, v in cookies.items()])
                page = context.new_page()
                progress("Opening the page…")
                page.goto(target, wait_until="domcontentloaded", timeout=left_ms())
                progress("Waiting for the charts…")
                _wait_drawn(page, left_ms)
                progress("Printing…")
                page.emulate_media(media="print")
                return page.pdf(
                    format="A4", landscape=True, print_background=True, prefer_css_page_size=True, margin=MARGIN,
                    display_header_footer=True, header_template="<span></span>",
                    footer_template=footer_html(title, note, day or date.today()),
                )  # fmt: skip
            finally:
                browser.close()
    except PlaywrightError as e:
        if "Timeout" in type(e).__name__ or "timeout" in str(e).lower():
            raise PdfError(f"The page was not drawn within {timeout_s:.0f} s ({target}); try again.") from e
        raise PdfError(f"Chromium could not print {target}: {str(e).splitlines()[0]}") from e


def _wait_drawn(page, left_ms: Callable[[], float]) -> None:
    # Twice, SETTLE_S apart: a widget bound to the URL may start a second run right after the first ends.
    page.wait_for_function(DRAWN_JS, timeout=left_ms(), polling=100)
    page.wait_for_timeout(SETTLE_S * 1000)
    page.wait_for_function(DRAWN_JS, timeout=left_ms(), polling=100)
    page.evaluate("document.fonts.ready.then(() => true)")
