"""Slide decks carry no formulas (issue 12, defect 3): the workbooks embedded in a deck's charts hold text.

python-pptx writes a chart's data with xlsxwriter, which stores a string starting with "=" as a formula
and a URL as a hyperlink. Each test unzips the deck, opens every embedded workbook and checks its cells:
the literal text, no <f> element, no hyperlink.
"""

from __future__ import annotations

import io
import re
import zipfile

import duckdb
import openpyxl
import pandas as pd

from hrdash.db import query
from hrdash.exports import deck as figure_slides
from hrdash.exports import pptx as slides
from hrdash.figures import upr
from hrdash.profile import brief
from tests.helpers.hostile_text import COUNTRY, FIELDS, FORMULA, HOST

DANGEROUS = [FORMULA, "+1+1", "-2-2", "@SUM(A1:A2)", "\tTAB", "\rCR", f"http://{HOST}:9/x"]
SOURCES = pd.DataFrame({"source": ["demo"], "rows": [1]})


def workbooks(pptx: bytes) -> list[bytes]:
    """Return the workbooks embedded in a deck (one per native chart)."""
    with zipfile.ZipFile(io.BytesIO(pptx)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]


def sheet_xml(xlsx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def cells(xlsx: bytes) -> dict[str, openpyxl.cell.Cell]:
    """Return the cells of the workbook's sheet with a value, by their text."""
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    return {str(c.value): c for row in ws.iter_rows() for c in row if c.value is not None}


def assert_text_only(xlsx: bytes) -> None:
    assert not re.search(r"<f[ >]", sheet_xml(xlsx)), "a formula in a chart's workbook"
    assert "hyperlink" not in sheet_xml(xlsx).lower()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        assert not [n for n in z.namelist() if "worksheets/_rels" in n], "a link relationship in the workbook"


def test_category_and_series_names_that_look_like_formulas_stay_text():
    data = pd.DataFrame({"name": [*DANGEROUS, "Kenya"], "value": range(len(DANGEROUS) + 1)})
    data["=1+1"] = data["value"] * 2
    spec = slides.ChartSpec("Hostile names", "column", data, "name", ["value", "=1+1"], labels={"value": "@count"})
    [book] = workbooks(slides.build(slides.Deck("T", "", [], SOURCES, [spec])))
    assert_text_only(book)
    shown = cells(book)
    for name in [*DANGEROUS, "=1+1", "@count"]:
        typed = name.replace("\r", "_x000D_")  # Excel's escape of a carriage return, which openpyxl keeps
        cell = shown[typed]
        assert (cell.data_type, cell.value) == ("s", typed)
        # Excel and LibreOffice show a would-be formula as typed, and do not evaluate it when it is edited;
        # a URL is plain text (no hyperlink: assert_text_only)
        assert cell.quotePrefix == (not name.startswith("http"))
    assert shown["Kenya"].data_type == "s" and not shown["Kenya"].quotePrefix


def test_the_brief_deck_of_a_country_with_a_formula_as_theme(hostile_db):
    with duckdb.connect(str(hostile_db), read_only=True) as con:
        deck = brief.country_deck(con, COUNTRY)
    books = workbooks(deck)
    assert len(books) == 8  # the profile's eight charts
    for book in books:
        assert_text_only(book)
    with zipfile.ZipFile(io.BytesIO(deck)) as z:  # the deck links nowhere: no external relationship at all
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
    assert 'TargetMode="External"' not in rels and HOST not in rels
    [themes] = [b for b in books if FIELDS["theme"] in cells(b)]
    cell = cells(themes)[FIELDS["theme"]]
    assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", FIELDS["theme"], True)


def test_a_page_deck_gets_the_names_back_from_the_plotly_text(hostile_db):
    # The page's themes chart escapes the theme for plotly; its slide has the theme as typed.
    with duckdb.connect(str(hostile_db), read_only=True) as con:
        params = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}
        df = query.run(con, "upr_themes_by_response", params)
    item = figure_slides.item(upr.themes(df), "Most frequent themes")
    assert item.data[item.x].iloc[-1] == FIELDS["theme"]  # the top bar, drawn last
    [book] = workbooks(slides.build(slides.Deck("T", "", [], SOURCES, [item])))
    assert_text_only(book)
    assert cells(book)[FIELDS["theme"]].quotePrefix
