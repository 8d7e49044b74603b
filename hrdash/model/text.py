"""Untrusted text made inert: data, file and URL values shown literally in Streamlit markdown and in plotly.

Streamlit renders the strings of st.markdown, st.caption, st.info / warning / error / success, st.toast,
headers, expander and tab labels, widget labels and help tooltips, metric labels and values, and radio
options as markdown: images (which the browser fetches), links, `:red[...]` colours, `:material/...:` icons,
emoji shortcodes, `$...$` LaTeX, and bare URLs and e-mail addresses, which it turns into links itself.
Plotly renders its own HTML subset (`<a href>`, `<b>`, `<br>`, ...) in titles, tick labels, legends, text and
hover labels. Text we write ourselves stays markdown or plotly HTML; every value from the database, an uploaded
file or the URL goes through `md` (markdown) or `plot` (plotly) where it is put into such a string. Select box
and multiselect options, table cells and table column headers are shown as plain text and need neither.
"""

from __future__ import annotations

import math
import re
import string
from typing import Any

import pandas as pd

# CommonMark lets a backslash escape any ASCII punctuation: each is then a literal character.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
# Bare URLs and e-mail addresses are linked after parsing, escapes or not (remark-gfm's autolink literals):
# a word joiner (U+2060, invisible, no line break) breaks "://", "www." and "@" so the pattern no longer matches.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=[wW]{3})(?=\.)|(?<=@)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
# Plotly reads &lt; &gt; &amp; and numeric references as characters, and a string with two $ as LaTeX.
_PLOTLY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;"}
_PLOTLY_RE = re.compile("[&<>$]")
_UNPLOT = {v: k for k, v in _PLOTLY.items()}
_UNPLOT_RE = re.compile("|".join(map(re.escape, _UNPLOT)))


def md(value: Any) -> str:
    """Return `value` as markdown that Streamlit shows literally, on one line (None and NaN as "")."""
    if value is None or (not isinstance(value, str) and pd.isna(value) is True):
        return ""
    text = _LINE_BREAKS.sub(" ", str(value))
    text = _AUTOLINK.sub(WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def shown(markdown_text: str) -> str:
    """Return the text Streamlit shows for markdown made by `md` (the tests compare it with the value)."""
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", markdown_text).replace(WORD_JOINER, "")


def plot(value: Any) -> str:
    """Return `value` as text that plotly shows literally (titles, ticks, legend names, text, hover text)."""
    if value is None or (not isinstance(value, str) and pd.isna(value) is True):
        return ""
    return _PLOTLY_RE.sub(lambda m: _PLOTLY[m.group(0)], str(value))


def unplot(value: Any) -> Any:
    """Return text made by `plot` as it was (a slide's categories and series names); other values unchanged."""
    return _UNPLOT_RE.sub(lambda m: _UNPLOT[m.group(0)], value) if isinstance(value, str) else value


def plot_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with every string cell passed through `plot` (the frame itself when none needs it).

    Figure builders call it first, so that category names, labels and hover texts taken from the data
    cannot carry plotly markup, whatever the builder composes from them.
    """
    out = df
    for column in df.columns:
        values = df[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
            continue
        cells = values.tolist()
        # One search over the column's strings joined: most columns need nothing, and pages draw big frames.
        if not _PLOTLY_RE.search("\n".join(v for v in cells if isinstance(v, str))):
            continue
        if out is df:
            out = df.copy()
        out[column] = [plot(v) if isinstance(v, str) else v for v in cells]
    return out


def number(value: float | None, kind: str = "count", missing: str = "n/a") -> str:
    """Return a figure for display: "share" as a percentage (12.3%), "mean" with two decimals, "count" whole,
    "figure" whole when it is whole and with one decimal otherwise (a median of counts: 12.5).

    The one number format of the indicators, the scorecard, the targets and the Country profile; `missing` stands
    for None and NaN.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return missing
    if kind == "share":
        return f"{value:.1f}%"
    if kind == "mean":
        return f"{value:.2f}"
    if kind == "figure" and not float(value).is_integer():
        return f"{value:,.1f}"
    return f"{value:,.0f}"


# `number`'s formats as printf patterns, for a table column that stays numeric (sortable) but reads the same.
PRINTF = {"share": "%.1f%%", "mean": "%.2f", "count": "%,.0f", "figure": "%,.1f"}


def printf(kind: str) -> str:
    """Return the printf pattern that shows a number as `number(value, kind)` does (a table's number column)."""
    return PRINTF.get(kind, PRINTF["count"])


def change(delta: float, kind: str = "count") -> str:
    """Return a signed change in the same format as `number` ("+1.5 pts" for a share: points, not percent)."""
    if kind == "share":
        return f"{delta:+.1f} pts"
    if kind == "mean":
        return f"{delta:+.2f}"
    return f"{delta:+,.0f}"
