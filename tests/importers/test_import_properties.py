"""Property-based tests (hypothesis) of the readers and the country resolver: what holds for any input.

- CSV, .xlsx and HTML tables give back exactly the cells that were written, whatever the text (quotes,
  delimiters, line breaks, accents);
- a quote that opens a cell and is never closed is refused at that row and column, whatever the file;
- any bytes at all, under any of the names the importer reads, give a plan (refused with a reason, or read)
  and never an exception;
- every name of the country table resolves to its State in any case and spacing; a name with other words
  around it is not that State unless the whole is itself a known name; two States joined by "and", "," or
  ";" resolve to both.
"""

from __future__ import annotations

import csv
import html
import io
import re
import string
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrdash.importers import pipeline, tabular
from hrdash.importers.countries import _key, resolver
from hrdash.importers.model import Refused
from hrdash.paths import REFERENCE

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = st.lists(st.text(string.ascii_lowercase, min_size=1, max_size=8), min_size=2, max_size=5, unique=True)
# any character but NUL and the surrogates (refused on purpose), with quotes, delimiters and line breaks likely
CELL = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00") | st.sampled_from('",;\t\r\n '),
               max_size=30)  # fmt: skip
PLAIN = st.text(string.ascii_letters + string.digits + " .-", min_size=1, max_size=12).map(str.strip).filter(bool)
COUNTRIES = pd.read_csv(REFERENCE / "country.csv", dtype=str, keep_default_na=False)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


@SETTINGS
@given(header=HEADER, data=st.data())
def test_csv_gives_back_what_was_written(header, data):
    body = data.draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)), max_size=8))
    rows = [header, *body]
    assert tabular.csv_rows(_csv(rows)) == rows


@SETTINGS
@given(header=HEADER, data=st.data())
def test_an_unclosed_quote_is_refused_where_it_opens(header, data):
    body = data.draw(st.lists(st.lists(PLAIN, min_size=len(header), max_size=len(header)), min_size=1, max_size=8))
    r = data.draw(st.integers(0, len(body) - 1))
    c = data.draw(st.integers(0, len(header) - 1))
    text = _csv([header, *body])
    lines = text.split("\r\n")
    cells = lines[r + 1].split(",")
    cells[c] = '"' + cells[c]
    lines[r + 1] = ",".join(cells)
    with pytest.raises(Refused, match="never closed") as e:
        tabular.csv_rows("\r\n".join(lines))
    assert (e.value.row, e.value.column) == (r + 2, header[c])


@SETTINGS
@given(data=st.data())
def test_xlsx_gives_back_what_was_written(data):
    text = st.text(st.characters(blacklist_categories=["Cc", "Cs"]), min_size=1, max_size=20)
    grid = data.draw(st.lists(st.lists(text, min_size=1, max_size=5), min_size=1, max_size=6))
    wb = openpyxl.Workbook()
    for row in grid:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    [sheet] = tabular.xlsx_sheets(buf.getvalue())
    assert [[c for c in r] for r in sheet.rows] == [[str(c) for c in r] + [""] * (len(sheet.rows[i]) - len(r))
                                                    for i, r in enumerate(grid)]  # fmt: skip


@SETTINGS
@given(data=st.data())
def test_html_tables_give_back_their_cells(data):
    text = st.text(string.ascii_letters + string.digits + "é’&<>\"'.,;:-()", min_size=1, max_size=15)
    words = st.lists(text, min_size=1, max_size=3).map(" ".join)
    grid = data.draw(st.lists(st.lists(words, min_size=2, max_size=2), min_size=1, max_size=6))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in grid)
    [sheet] = tabular.html_sheets(f"<html><body><table>{body}</table></body></html>")
    assert sheet.rows == grid


NAMES = st.sampled_from([".csv", ".txt", ".html", ".xlsx", ".xls", ".docx"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=3000), ext=NAMES, zipped=st.booleans())
def test_any_bytes_give_a_plan_never_an_exception(tmp_path_factory, data, ext, zipped):
    if zipped:  # a ZIP archive whose parts hold the bytes: exercises the workbook and document readers
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for part in ("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "word/document.xml"):
                z.writestr(part, data)
        data = buf.getvalue()
    root = tmp_path_factory.mktemp("store")
    plan = pipeline.inspect(data, f"file{ext}", store_root=root)
    assert plan.status in ("ready", "refused", "nothing to load")
    if plan.status == "refused":
        assert plan.reason and plan.problems.errors >= 1 and plan.folder is None


def _variant(name: str, how: int) -> str:
    return [name.upper(), name.lower(), "  " + re.sub(" ", "  ", name) + " ", name.title()][how]


@settings(max_examples=150, deadline=None)
@given(row=st.integers(0, len(COUNTRIES) - 1), column=st.sampled_from(["name", "official_name"]), how=st.integers(0, 3))
def test_every_country_resolves_in_any_case_and_spacing(row, column, how):
    name = COUNTRIES.iloc[row][column]
    assert resolver().resolve(_variant(name, how)).codes == (COUNTRIES.iloc[row]["iso3"],), name


@settings(max_examples=150, deadline=None)
@given(row=st.integers(0, len(COUNTRIES) - 1), word=st.text(string.ascii_lowercase, min_size=3, max_size=9),
       before=st.booleans())  # fmt: skip
def test_a_name_with_other_words_is_not_that_country(row, word, before):
    name = COUNTRIES.iloc[row]["name"]
    text = f"{word} {name}" if before else f"{name} {word}"
    res = resolver().resolve(text)
    if _key(text) not in resolver().by_key:  # the oracle: the whole text is no known name or alias
        assert res.codes == () and res.status == "unresolved", (text, res)


SIMPLE = COUNTRIES[~COUNTRIES["name"].str.contains(r",|;|&|\band\b|\(", regex=True)]


@settings(max_examples=100, deadline=None)
@given(a=st.integers(0, len(SIMPLE) - 1), b=st.integers(0, len(SIMPLE) - 1), sep=st.sampled_from([" and ", ", ", "; "]))
def test_two_states_joined_resolve_to_both(a, b, sep):
    (name_a, iso_a), (name_b, iso_b) = (SIMPLE.iloc[i][["name", "iso3"]] for i in (a, b))
    assert resolver().resolve(f"{name_a}{sep}{name_b}", multi=True).codes == (iso_a, iso_b)
