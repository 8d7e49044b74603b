"""Print view (?print=1): the print stylesheet, its way back, page sections, tables drawn in full, Download PDF.

What leaves the browser on paper or as a PDF is the print view: one column as wide as an A4 landscape page, no
sidebar and no controls (toggles, buttons, select boxes, tab bars, expanders), every tab of a page one after the
other (`widgets.lazy_tabs`), every table drawn as a static HTML table with all its rows (`dataframe`: Streamlit's
`st.dataframe` is a canvas that shows only the rows scrolled into view), headings kept with what follows them,
charts and table rows never split across pages, a new page at each marked section (`section`).

Plotly draws a chart once, at the width of its column on screen, and does not redraw it for paper: so the print
view's column is no wider than the printable width of an A4 landscape page (`COLUMN_PX` < `PRINTABLE_PX`), and
the stylesheet asks for that page (`@page { size: A4 landscape }`), in the browser's print dialog and in the
server-side PDF (`pdf_button`, hrdash/exports/pdf.py).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from ..exports import pdf
from ..exports.pptx import cell_text
from ..model.text import md

PRINT = "print"
SECTION_PREFIX = "hr_section_"  # containers st.container(key=SECTION_PREFIX + name): a new page each in print
EXIT_KEY = "hr_print_exit"
_CONTROLS = "hr_controls"  # presenting.CONTROLS_KEY (presenting imports this module, not the other way round)
_TRUE = {"1", "true", "yes", "on"}
COLUMN_PX = pdf.COLUMN_PX  # the print view's column on screen, where plotly draws its charts
SHORT = 12  # characters of a cell kept on one line
MAX_ROWS = 5_000  # a printed table longer than this says so and points to the CSV (5,000 rows: ~100 pages)

# Every kind of control Streamlit draws; none of them means anything on paper.
_CONTROL_SELECTORS = ", ".join(
    f'[data-testid="{t}"]'
    for t in [
        "stSidebar", "stSidebarCollapsedControl", "stExpandSidebarButton", "stHeader", "stToolbar", "stDecoration",
        "stStatusWidget", "stButton", "stDownloadButton", "stCheckbox", "stToggle", "stSelectbox", "stMultiSelect",
        "stSlider", "stSelectSlider", "stRadio", "stTextInput", "stTextArea", "stNumberInput", "stDateInput",
        "stButtonGroup", "stPills", "stSegmentedControl", "stFileUploader", "stExpander", "stPopover",
        "stChatInput", "stLinkButton", "stPageLink",
    ]
)  # fmt: skip

# What a title and a caption introduce: a chart, a table (printed or on screen), metrics.
_BLOCKS = '[data-testid="stPlotlyChart"], table.hr-print-table, [data-testid="stDataFrame"], [data-testid="stMetric"]'

_BLOCK = f'[data-testid="stElementContainer"] :is({_BLOCKS})'  # inside :has(), which cannot nest another :has()
_TEXT = f'[data-testid="stElementContainer"]:not(:has(:is({_BLOCKS})))'

PRINT_CSS = f"""<style>
/* Print view, on screen and on paper: no controls, one column as wide as the printed page. */
{_CONTROL_SELECTORS}, header[data-testid="stHeader"], .hr-screen-only,
[data-testid="stTabs"] [role="tablist"], .modebar-container {{ display: none !important; }}
/* Containers are vertical blocks, which the print rules below make `display: block`: outrank them. */
div.st-key-{_CONTROLS}[data-testid="stVerticalBlock"], .st-key-{_CONTROLS} {{ display: none !important; }}
.st-key-{EXIT_KEY} [data-testid="stButton"] {{ display: block !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: {COLUMN_PX}px; padding-top: 1rem; }}
/* One column: side-by-side columns stack. */
[data-testid="stHorizontalBlock"] {{ flex-direction: column !important; }}
[data-testid="stColumn"] {{ width: 100% !important; flex: 1 1 100% !important; }}
/* …except a row of metrics, which fits across the page. */
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {{
  flex-direction: row !important;
}}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) > [data-testid="stColumn"] {{
  flex: 1 1 0 !important; width: auto !important;
}}
table.hr-print-table {{ width: 100%; border-collapse: collapse; font-size: 0.8rem; line-height: 1.3; }}
table.hr-print-table th, table.hr-print-table td {{
  border: 1px solid #c8c8c8; padding: 2px 6px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; white-space: normal;
}}
table.hr-print-table th {{ background: #f0f2f6; }}
table.hr-print-table td.num {{ text-align: right; white-space: nowrap; }}
table.hr-print-table td.nw {{ white-space: nowrap; }}
.hr-print-note {{ font-size: 0.8rem; color: #555; }}
@page {{ size: A4 landscape; }}
@media print {{
  div.st-key-{EXIT_KEY}[data-testid="stVerticalBlock"], .st-key-{EXIT_KEY} {{ display: none !important; }}
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"], section.main {{
    overflow: visible !important; height: auto !important;
  }}
  /* Never wider than on screen: a chart redrawn for a wider column would not fit the page. */
  [data-testid="stMainBlockContainer"] {{ max-width: {COLUMN_PX}px; padding: 0 !important; }}
  /* Page breaks need block layout: Chromium does not break pages inside flex columns reliably. */
  [data-testid="stVerticalBlock"] {{ display: block !important; }}
  [data-testid="stVerticalBlock"] > * {{ margin-bottom: 0.6rem; }}
  [class*="st-key-{SECTION_PREFIX}"] {{ break-before: page; page-break-before: always; }}
  [data-testid="stPlotlyChart"], [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]),
  [data-testid="stMetric"], [data-testid="stAlert"], [data-testid="stImage"],
  table.hr-print-table tr {{ break-inside: avoid; page-break-inside: avoid; }}
  table.hr-print-table thead {{ display: table-header-group; }}
  /* Nothing of a chart is painted outside its box (a map's colour bar reached into the next page). */
  [data-testid="stPlotlyChart"] {{ overflow: hidden; }}
  /* A heading stays on the page of what it introduces, so does the line before a chart or a table (its title or
     caption) and the line before a caption; a heading is never split. Longer chains would not fit a page, and
     Chromium then cuts through a chart rather than break between the lines. */
  h1, h2, h3, h4, [data-testid="stHeading"], [data-testid="stElementContainer"]:has([data-testid="stHeading"]),
  {_TEXT}:has(+ {_BLOCK}), {_TEXT}:has(+ [data-testid="stElementContainer"] [data-testid="stCaptionContainer"]) {{
    break-after: avoid; page-break-after: avoid;
  }}
  h1, h2, h3, h4 {{ break-inside: avoid; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
</style>"""


def _flag(name: str) -> bool:
    return str(st.query_params.get(name, "")).strip().lower() in _TRUE


def active() -> bool:
    """Return True when the page is drawn in print view (?print=1, and not presentation mode, which wins)."""
    return _flag(PRINT) and not _flag("present")


def _leave() -> None:
    if PRINT in st.query_params:
        del st.query_params[PRINT]


def style() -> None:
    """Inject the print stylesheet and draw the way back (shown on screen, never printed)."""
    st.html(PRINT_CSS)
    with st.container(key=EXIT_KEY):
        c1, c2 = st.columns([1, 4], vertical_alignment="center")
        c1.button("✕ Exit print view", on_click=_leave, key="hr_print_exit_button")
        c2.caption(
            "Print view: the browser's Print (Ctrl+P / ⌘P) and “Save as PDF” give this page on A4 landscape; "
            "each section starts a page."
        )


def section(name: str) -> Any:
    """Return a container for one section of a page; print view starts a new page at each."""
    return st.container(key=SECTION_PREFIX + name)


def html_table(df: pd.DataFrame, max_rows: int = MAX_ROWS) -> str:
    """Return a DataFrame as an HTML table (escaped text, dates as ISO, numbers right-aligned), at most `max_rows`
    rows followed by a note of how many were left out."""
    numeric = [pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t) for t in df.dtypes]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for values in df.head(max_rows).itertuples(index=False, name=None):
        cells = "".join(_td(_cell(v), num) for v, num in zip(values, numeric))
        rows.append(f"<tr>{cells}</tr>")
    note = ""
    if len(df) > max_rows:
        note = (
            f'<p class="hr-print-note">The first {max_rows:,} of {len(df):,} rows; the CSV and Excel downloads of '
            "this table have them all.</p>"
        )
    return f'<table class="hr-print-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{note}'


def _td(text: str, numeric: bool) -> str:
    # Numbers right-aligned; a short word (a date, a code such as CRC-OP-SC) is never broken at its hyphens.
    kind = "num" if numeric else "nw" if len(text) <= SHORT and " " not in text else ""
    return f'<td class="{kind}">{text}</td>' if kind else f"<td>{text}</td>"


def _cell(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # years and codes stay as written (cell_text would add a thousands separator to floats)
    if isinstance(value, pd.Timestamp | date) and not pd.isna(value):
        return value.strftime("%Y-%m-%d")
    return html.escape(cell_text(value))


def dataframe(df: pd.DataFrame, **kwargs: Any) -> None:
    """Draw a table: `st.dataframe(df, **kwargs)` on screen, every row as a static HTML table in print view."""
    if active():
        st.html(html_table(df))
    else:
        st.dataframe(df, **kwargs)


def page_url() -> str:
    """Return this page's address on the app's own server (127.0.0.1 and its port), with the URL's query parameters.

    Chromium on the server opens it; the browser's address (st.context.url) may be a proxy's the server cannot
    reach, so only its path is kept.
    """
    address = str(st.get_option("server.address") or "")
    host = "127.0.0.1" if address in ("", "0.0.0.0", "::", "localhost") else address
    path = urlsplit(st.context.url or "").path or "/"
    query = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    return urlunsplit(("http", f"{host}:{st.get_option('server.port')}", path, urlencode(query), ""))


def pdf_button(title: str, note: str, *, key: str, container: Any = None) -> None:
    """Draw "PDF of this page": on click, the server prints the page's print view to a PDF (a spinner meanwhile),
    then offers it for download; a missing Chromium or a time-out is said in an error box.

    `note` is the demo statement printed in every page's footer with the title, the date and the page number.
    """
    where = container if container is not None else st.container()
    url = page_url()
    done = st.session_state.get(f"{key}_pdf")
    if done and done[0] == url:
        where.download_button(
            "⬇ Download PDF", data=done[1], file_name=done[2], mime="application/pdf", key=f"{key}_pdf_download",
            on_click="ignore", icon=":material/picture_as_pdf:", help=f"{done[2]}: this page on A4 landscape.",
        )  # fmt: skip
        return
    if not where.button("Make a PDF", key=f"{key}_pdf_make", icon=":material/picture_as_pdf:",
                        help="This page as a PDF (A4 landscape, every tab, tables in full, page numbers), made on the "
                        "server as a clean print from the browser would be."):  # fmt: skip
        return
    day = date.today()
    try:
        with where, st.spinner("Making the PDF… (the page is drawn again on the server: seconds to a minute)"):
            data = pdf.render(url, title=title, note=note, day=day, cookies=dict(st.context.cookies or {}))
    except pdf.PdfError as e:
        st.error(md(str(e)), icon=":material/error:")  # it may quote the page's address
        return
    st.session_state[f"{key}_pdf"] = (url, data, pdf.file_name(title, day))
    st.rerun()
