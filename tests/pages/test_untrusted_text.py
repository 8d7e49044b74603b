"""Untrusted text is never interpreted (issue 12, defect 2): what the pages hand Streamlit's markdown and plotly.

AppTest sees the markdown source of every element and the JSON of every plotly figure: with the payloads
of tests/helpers/hostile_text.py in the database, the URL and an uploaded file, no element carries a payload as typed,
and each payload is there escaped (the text Streamlit shows is the payload itself). The browser test
(tests/browser/test_browser_untrusted.py) checks what only Chromium can: no request, no link, no script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from hrdash.model import labels
from hrdash.model.text import md, plot, shown
from tests.helpers.apptest import open_app
from tests.helpers.hostile_text import COUNTRY, COUNTRY_NAME, FIELDS, HOST, RAW_MARKERS, URL_COUNTRY

# Elements whose text Streamlit renders as markdown, and the attributes holding it.
MARKDOWN = ["markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader", "toast"]
WIDGETS = ["button", "checkbox", "toggle", "selectbox", "multiselect", "radio", "text_input", "number_input",
           "date_input", "slider", "select_slider"]  # fmt: skip
PLOTLY_MARKUP = ["<a ", "<img", "<script", "<b>" + FIELDS["theme"][:5], "$x^2$"]


@pytest.fixture()
def hostile(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the hostile database for one test."""
    monkeypatch.setenv("HRDASH_DB", str(hostile_db))
    return hostile_db


def markdown_texts(at: AppTest) -> list[str]:
    """Return every string of the app's last run that Streamlit renders as markdown."""
    out = [e.value for kind in MARKDOWN for e in getattr(at, kind)]
    out += [e.label for e in at.expander] + [t.label for t in at.tabs]
    out += [s for m in at.metric for s in (m.label, m.value, m.proto.help)]
    out += [s for kind in WIDGETS for w in getattr(at, kind) for s in (w.label, w.help or "")]
    return out


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Return the plotly figures of the app's last run, as the browser gets them."""
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def strings(value: Any) -> Iterator[str]:
    """Yield every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def assert_inert(at: AppTest) -> list[str]:
    """Assert no markdown and no figure string of the run carries a payload as typed; return the markdown."""
    assert not at.exception, [e.value for e in at.exception]
    texts = markdown_texts(at)
    for t in texts:
        bare = re.sub(r"\\.", "", t)  # what is left once every escaped character is taken out
        assert not [m for m in RAW_MARKERS if m in bare], t
    for s in (s for fig in figures(at) for s in strings(fig)):
        assert not [m for m in PLOTLY_MARKUP if m in s], s
    return texts


def test_country_profile_shows_story_nhri_and_themes_as_text(hostile):
    at = open_app({"country": COUNTRY}, page="views/country_profile.py")
    texts = assert_inert(at)
    story = f"**2008 · all mechanisms.** {md(FIELDS['story'])}\n\n*Source: seed\\:002*"
    assert story in [i.value for i in at.info]  # the story, escaped as a whole
    [nhri] = [t for t in texts if t.startswith("National human rights institution:")]
    assert nhri.startswith(f"National human rights institution: **{md(FIELDS['nhri'])}**, accreditation status **A**")
    # The themes chart names the theme as plotly text: entities, no tags.
    themes = next(f for f in figures(at) if plot(FIELDS["theme"]) in f["data"][0].get("y", []))
    assert themes["data"][0]["y"][0] == plot(FIELDS["theme"])


def test_an_unknown_country_in_the_url_gets_a_plain_text_message(hostile):
    at = open_app({"country": URL_COUNTRY}, page="views/country_profile.py")
    assert_inert(at)
    warning = next(w.value for w in at.warning if w.value.startswith("No country"))
    assert warning == f"No country is called or coded “{md(URL_COUNTRY)}” (the link's `?country=`); choose one below."
    assert shown(warning).startswith(f"No country is called or coded “{URL_COUNTRY}”")


def test_unct_stories_and_deployments_tabs(hostile):
    at = open_app({"unct_view": "Stories"}, page="views/unct_engagement.py")
    texts = assert_inert(at)
    [story] = [t for t in texts if FIELDS["story"] in shown(t)]
    source = md(labels.HRA_STRATEGY)  # the story's seed:002 by the document's title
    assert story == f"**{md(COUNTRY_NAME)}, 2008** · All mechanisms · {source}  \n{md(FIELDS['story'])}"
    at = open_app({"unct_view": "HRA deployments"}, page="views/unct_engagement.py")
    assert_inert(at)
    regional = plot("Regional adviser, " + FIELDS["region"])
    [timeline] = [f for f in figures(at) if any(regional in t.get("y", []) for t in f["data"])]
    assert timeline["layout"]["yaxis"]["categoryarray"].count(regional) == 1


def test_upr_themes_chart_and_search(hostile):
    at = open_app({"upr_view": "Themes"}, page="views/upr.py")
    assert_inert(at)
    [fig] = [f for f in figures(at) if plot(FIELDS["theme"]) in f["data"][0].get("y", [])]  # themes, not actions
    assert fig["data"][0]["y"][-1] == plot(FIELDS["theme"])  # the most frequent theme: the top bar
    at = open_app({"upr_view": "Search", "upr_q": "HYPERLINK recommendation"}, page="views/upr.py")
    texts = assert_inert(at)
    assert "**1 matching recommendations** (" in " ".join(texts)
    results = next(d.value for d in at.dataframe if "Recommendation" in d.value.columns)
    assert results["Recommendation"].tolist() == [FIELDS["recommendation"]]  # a table cell: plain text, as typed


def test_data_page_history_and_imports_not_reapplied(hostile):
    at = open_app(page="views/data.py")
    texts = assert_inert(at)
    [lost] = [e.value for e in at.error if "could not be re-applied" in e.value]
    assert f"#9002 {md(FIELDS['lost_file'])} ({md(FIELDS['lost_error'])})" in lost
    history = next(d.value for d in at.dataframe if "SHA-256" in d.value.columns)
    assert history.iloc[0][["File", "By"]].tolist() == [FIELDS["file"], FIELDS["who"]]
    assert not [t for t in texts if HOST in t]


def test_a_refused_upload_shows_its_name_and_header_as_text(hostile):
    at = open_app(page="views/data.py")
    header = [FIELDS["story"], "<img src=x onerror=alert(1)>", ":red[b]"]
    body = (",".join(f'"{h}"' for h in [h.replace('"', '""') for h in header]) + "\n1,2,3\n").encode()
    name = "[x](http:⁄⁄127.0.0.2:9) :material⁄home: $y$.csv"  # no "/" in a file name: fraction slashes
    at.file_uploader(key="import_files").set_value((name, body, "text/csv"))
    at.run()
    texts = assert_inert(at)
    assert md(name) in [s.value for s in at.subheader]
    [refused] = [e.value for e in at.error if e.value.startswith("**Refused**: ")]
    assert refused == f"**Refused**: {md(shown(refused.removeprefix('**Refused**: ')))}"  # escaped as a whole
    assert f"unknown layout (header {header!r})" in shown(refused)
    assert at.button(key="import_confirm").disabled
    assert not [t for t in texts if ":red[b]" in t or "onerror=alert" in t]
