"""Untrusted text made inert (hrdash/model/text.py): exact markdown and plotly escapes of the attack's payloads."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from hrdash.model import text
from hrdash.model.text import WORD_JOINER as WJ
from tests.helpers.hostile_text import PAYLOADS

PUNCTUATION = set(string.punctuation)


def test_md_escapes_an_image_exactly():
    assert text.md("![b](http://127.0.0.2:9/beacon.png)") == (
        "\\!\\[b\\]\\(http\\:" + WJ + "\\/\\/127\\.0\\.0\\.2\\:9\\/beacon\\.png\\)"
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        (":red[red]", "\\:red\\[red\\]"),
        ("$x^2$", "\\$x\\^2\\$"),
        (":material/home:", "\\:material\\/home\\:"),
        ("<script>x</script>", "\\<script\\>x\\<\\/script\\>"),
        ("&amp; &#33;", "\\&amp\\; \\&\\#33\\;"),
        ("see www.un.org", "see www" + WJ + "\\.un\\.org"),
        ("WWW.UN.ORG", "WWW" + WJ + "\\.UN\\.ORG"),
        ("mail a@b.org", "mail a\\@" + WJ + "b\\.org"),
        ("two\nlines\r\nand\u2028more", "two lines and more"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("Côte d’Ivoire", "Côte d’Ivoire"),  # no ASCII punctuation: unchanged
        (None, ""),
        (float("nan"), ""),
        (2013, "2013"),
    ],
)
def test_md_exact(value, expected):
    assert text.md(value) == expected


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_leaves_no_punctuation_unescaped_and_shows_the_payload(payload):
    out = text.md(payload)
    # Every ASCII punctuation character is preceded by a backslash (which is itself escaped) ...
    unescaped = re.sub(r"\\.", "", out)
    assert not set(unescaped) & PUNCTUATION, out
    # ... no URL scheme, "www." or e-mail pattern survives for the autolinker ...
    assert "://" not in out.replace("\\", "") and "@b" not in out
    # ... and what Streamlit shows is the payload itself.
    assert text.shown(out) == payload


@pytest.mark.parametrize(
    "value, expected",
    [
        ('<a href="http://127.0.0.2:9/">a</a>', '&lt;a href="http://127.0.0.2:9/"&gt;a&lt;/a&gt;'),
        ("<img src=x>", "&lt;img src=x&gt;"),
        ("$x^2$", "&#36;x^2&#36;"),
        ("Women & girls", "Women &amp; girls"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),  # an entity in the data is shown as typed, not decoded
        ("plain", "plain"),
        (None, ""),
    ],
)
def test_plot_exact(value, expected):
    assert text.plot(value) == expected


@pytest.mark.parametrize("payload", [*PAYLOADS, "&amp;", "&#36;", "a &lt; b"])
def test_unplot_undoes_plot(payload):
    assert text.unplot(text.plot(payload)) == payload
    assert "<" not in text.plot(payload) and ">" not in text.plot(payload)


def test_unplot_leaves_other_values():
    assert text.unplot(3) == 3 and text.unplot(None) is None


def test_plot_frame_escapes_string_cells_only_and_copies():
    df = pd.DataFrame(
        {
            "name": ["<b>x</b>", "Kenya", None],
            "n": [1, 2, 3],
            "themes": [["<a>"], [], ["z"]],  # lists are not drawn as text by the builders: left alone
            "safe": ["a", "b", "c"],
        }
    )
    out = text.plot_frame(df)
    assert out["name"].tolist() == ["&lt;b&gt;x&lt;/b&gt;", "Kenya", None]
    assert out["n"].tolist() == [1, 2, 3] and out["safe"].tolist() == ["a", "b", "c"]
    assert out["themes"].tolist() == [["<a>"], [], ["z"]]
    assert df["name"].tolist() == ["<b>x</b>", "Kenya", None]  # the caller's frame is unchanged


def test_plot_frame_returns_the_same_frame_when_nothing_needs_escaping():
    df = pd.DataFrame({"name": ["Kenya", "Chad"], "n": [1, 2]})
    assert text.plot_frame(df) is df


def test_number_formats_each_kind_and_the_missing_value():
    assert [text.number(v, k) for v, k in [(12.345, "share"), (2.5, "mean"), (12345.4, "count"), (7, "count")]] == [
        "12.3%", "2.50", "12,345", "7"]  # fmt: skip
    assert text.number(None) == "n/a" and text.number(float("nan"), "share", "not known") == "not known"
    # "figure": the Country profile's medians, whole when whole
    assert [text.number(v, "figure", "–") for v in (12.5, 1234.0, 7, None)] == ["12.5", "1,234", "7", "–"]
    assert [text.change(d, k) for d, k in [(2.25, "share"), (-0.5, "mean"), (-1234, "count"), (0, "count")]] == [
        "+2.2 pts", "-0.50", "-1,234", "+0"]  # fmt: skip
