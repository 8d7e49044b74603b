"""Slide decks: the deck builder on hand-made data (exact slides, chart types, values, cells), the country
brief against what the Country profile page shows, and the conversion to PDF by LibreOffice."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from hrdash.exports import pptx as slides
from hrdash.exports.pptx import ChartSpec, Deck, TableSpec, TextSpec
from hrdash.figures import colours
from hrdash.model.text import shown as shown_text
from hrdash.profile import brief
from tests.helpers.apptest import open_app

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def chart_of(slide):
    return next(s.chart for s in slide.shapes if s.has_chart)


def table_of(slide) -> list[list[str]]:
    table = next(s.table for s in slide.shapes if s.has_table)
    return [[cell.text for cell in row.cells] for row in table.rows]


def texts(slide) -> str:
    """Return the texts of a slide's shapes, its source/demo footer left out."""
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name != slides.FOOTER_NAME)


def series(chart) -> dict[str, list[float | None]]:
    return {s.name: list(s.values) for s in chart.plots[0].series}


def categories(chart) -> list[str]:
    return list(chart.plots[0].categories)


# ------------------------------------------------------------------ the builder on hand-made data

YEARS = pd.DataFrame({"year": [2015, 2016, 2017], "sent": [4, 0, 7], "replied": [1, 0, 6.5]})
THEMES = pd.DataFrame({"theme": ["torture", "women", "children"], "supported": [5, 3, 0], "noted": [1, 2, 4]})
STATUS = pd.DataFrame({"status": ["party", "signatory", "no action"], "n": [12, 2, 4]})
BY_COUNTRY = pd.DataFrame({"name": [f"Country {i:02d}" for i in range(20)], "value": list(range(20))})
LONG = pd.DataFrame({"code": [f"I{i:02d}" for i in range(20)], "since": [date(2000 + i, 1, 2) for i in range(20)],
                     "reservations": [i % 2 == 0 for i in range(20)]})  # fmt: skip
SOURCES = pd.DataFrame({
    "table_name": ["ratification", "tb_report", "tb_report", "sp_visit", "ratification"],
    "source": ["public:untc-2026-02-03", "demo", "seed:002", "demo", "import:abcdef0123456789"],
    "rows": [40, 20, 20, 10, 10],
})  # fmt: skip
FILES = {"import:abcdef0123456789": "cat.html"}
SHARES = ("Real public data 40% · imported files 10% · OHCHR and UNDG documents 20% · demo 30% (treaty-body "
          "reporting, Special Procedures)")  # fmt: skip


@pytest.fixture(scope="module")
def handmade():
    items = [
        TextSpec("Key figures", ["Party to 12 of 18 instruments.", "2 reports overdue."]),
        ChartSpec(
            "Sent and replied", "column", YEARS, "year", ["sent", "replied"], {"sent": "Sent", "replied": "Replied"}
        ),
        ChartSpec("Themes", "bar", THEMES, "theme", ["supported", "noted"], stacked=True, caption="By response."),
        ChartSpec("Trend", "line", YEARS, "year", ["sent"]),
        ChartSpec("Status", "pie", STATUS, "status", ["n"]),
        ChartSpec("Map of values", "map", BY_COUNTRY, "name", ["value"], {"name": "Country", "value": "Value"}),
        TableSpec("Instruments", LONG, {"code": "Code", "since": "Since"}),
    ]
    deck = Deck("Test deck", "A subtitle", [("Years", "2015–2017"), ("OHCHR region", "Africa")], SOURCES, items,
                built_at="2026-01-01T00:00:00", created=date(2026, 2, 3), source_files=FILES)  # fmt: skip
    return items, open_deck(slides.build(deck))


def test_slides_in_order(handmade):
    items, prs = handmade
    assert len(prs.slides) == slides.slide_count(items) == 1 + 1 + 4 + 1 + 2 + 1
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["Test deck", "Key figures", "Sent and replied", "Themes", "Trend", "Status", "Map of values",
                      "Instruments (1/2)", "Instruments (2/2)", "Sources"]  # fmt: skip
    first = texts(prs.slides[0])
    assert "Filters: Years: 2015–2017; OHCHR region: Africa" in first
    assert "Date: 2026-02-03" in first and f"Sources: {SHARES}" in first
    assert "Party to 12 of 18 instruments." in texts(prs.slides[1])


def test_charts_are_native_with_the_data(handmade):
    _, prs = handmade
    column, bar, line, pie = (chart_of(prs.slides[i]) for i in (2, 3, 4, 5))
    assert column.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert categories(column) == ["2015", "2016", "2017"]
    assert series(column) == {"Sent": [4.0, 0.0, 7.0], "Replied": [1.0, 0.0, 6.5]}
    assert bar.chart_type == XL_CHART_TYPE.BAR_STACKED
    assert categories(bar) == ["torture", "women", "children"]
    assert series(bar) == {"supported": [5.0, 3.0, 0.0], "noted": [1.0, 2.0, 4.0]}
    assert line.chart_type == XL_CHART_TYPE.LINE_MARKERS and series(line) == {"sent": [4.0, 0.0, 7.0]}
    assert pie.chart_type == XL_CHART_TYPE.PIE
    assert dict(zip(categories(pie), series(pie)["n"])) == {"party": 12.0, "signatory": 2.0, "no action": 4.0}
    assert all(c.plots[0].has_data_labels for c in (column, bar, line, pie))  # values readable without colour


def test_a_map_becomes_a_table_of_its_largest_values(handmade):
    _, prs = handmade
    cells = table_of(prs.slides[6])
    assert cells[0] == ["Country", "Value"]
    assert cells[1:] == [[f"Country {i:02d}", str(i)] for i in range(19, 4, -1)]
    assert "the 15 largest of 20 values" in texts(prs.slides[6])


def test_long_tables_continue_and_cells_are_written_plainly(handmade):
    _, prs = handmade
    first, second = table_of(prs.slides[7]), table_of(prs.slides[8])
    assert first[0] == second[0] == ["Code", "Since", "reservations"]
    assert first[1] == ["I00", "2000-01-02", "yes"] and first[2] == ["I01", "2001-01-02", "no"]
    assert len(first) == 16 and len(second) == 6 and second[-1] == ["I19", "2019-01-02", "no"]


def test_the_sources_slide_states_the_demo_share(handmade):
    _, prs = handmade
    slide = prs.slides[len(prs.slides) - 1]
    assert f"{SHARES}. Demo data: 30 of the 100 rows are generated illustrative data, not real figures." in texts(slide)
    assert table_of(slide) == [
        ["Source", "Rows", "Real or demo", "Code"],
        ["UN Treaty Collection, status as of 3 Feb 2026 (public)", "40", "real public data bundled with the dashboard",
         "public:untc-2026-02-03"],
        ["Generated illustrative data (demo)", "30", "generated illustrative data, not real", "demo"],
        ["UNDG strategy for the deployment of Human Rights Advisers (January 2012) (source document)", "20",
         "real: a fact stated in an OHCHR or UNDG document", "seed:002"],
        ["Imported file cat.html (import)", "10", "real: a file imported by a user", "import:abcdef0123456789"],
    ]  # fmt: skip
    assert "Database built 2026-01-01T00:00:00." in texts(slide)


def test_a_chart_without_data_says_so():
    empty = YEARS.iloc[0:0]
    deck = Deck("T", "", [], SOURCES, [ChartSpec("Nothing", "column", empty, "year", ["sent"], caption="Why.")])
    slide = open_deck(slides.build(deck)).slides[1]
    assert slide.shapes.title.text == "Nothing" and not any(s.has_chart for s in slide.shapes)
    assert f"{slides.NO_DATA} Why." in texts(slide)


def test_demo_sentence_without_demo_rows():
    real = pd.DataFrame({"source": ["seed:001", "reference"], "rows": [3, 4]})
    assert slides.demo_sentence(real) == "Demo data: none. All 7 rows in this view are real (OHCHR and UNDG " \
        "documents, reference data): no demo data."  # fmt: skip
    assert slides.demo_share(real) == (0, 7)


def test_specs_are_checked():
    with pytest.raises(ValueError, match="unknown chart kind 'donut'"):
        ChartSpec("x", "donut", YEARS, "year", ["sent"])
    with pytest.raises(ValueError, match=r"no column\(s\) \['missing'\]"):
        ChartSpec("x", "column", YEARS, "year", ["missing"])


# ------------------------------------------------------------------ the country brief equals the page


@pytest.fixture(scope="module")
def liberia(built_db):
    at = open_app({"country": "LBR"}, page="views/country_profile.py")
    assert not at.exception
    with duckdb.connect(str(built_db), read_only=True) as con:
        return at, brief.country_deck(con, "LBR")


def page_charts(at) -> dict[str, dict]:
    return {e.proto.id.rsplit("-", 1)[-1]: json.loads(e.proto.spec) for e in at.get("plotly_chart")}


def slide_titled(prs, start: str):
    found = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_the_brief_charts_are_the_page_charts(liberia):
    at, data = liberia
    prs = open_deck(data)
    shown = page_charts(at)
    pairs = {
        "profile_region_ratification_chart": ("Instruments ratified as of", XL_CHART_TYPE.COLUMN_CLUSTERED),
        "profile_ratification_status_chart": ("Status of the 18 instruments", XL_CHART_TYPE.PIE),
        "profile_tb_reports_chart": ("Treaty-body reports", XL_CHART_TYPE.BAR_STACKED),
        "profile_communications_chart": ("Special Procedures communications", XL_CHART_TYPE.COLUMN_CLUSTERED),
        "profile_upr_cycles_chart": ("UPR recommendations to", XL_CHART_TYPE.COLUMN_STACKED),
        "profile_upr_themes_chart": ("The ten themes", XL_CHART_TYPE.BAR_STACKED),
        "profile_implementation_chart": ("Recommendations of all mechanisms", XL_CHART_TYPE.BAR_STACKED),
        "profile_submissions_chart": ("Stakeholder submissions", XL_CHART_TYPE.COLUMN_STACKED),
    }
    for key, (title, kind) in pairs.items():
        chart = chart_of(slide_titled(prs, title))
        assert chart.chart_type == kind, key
        traces = shown[key]["data"]
        if kind == XL_CHART_TYPE.PIE:
            assert categories(chart) == traces[0]["labels"] and series(chart)["Instruments"] == traces[0]["values"]
            continue
        horizontal = traces[0].get("orientation") == "h"
        for trace in traces:
            cats, values = (trace["y"], trace["x"]) if horizontal else (trace["x"], trace["y"])
            assert categories(chart) == cats, key
            assert series(chart)[trace["name"]] == values, (key, trace["name"])


def test_the_brief_highlights_the_country_as_the_page_does(liberia, con):
    at, data = liberia
    chart = chart_of(slide_titled(open_deck(data), "Instruments ratified as of"))
    painted = {int(d.find(qn("c:idx")).get("val")): d.find(".//" + qn("a:srgbClr")).get("val").upper()
               for d in chart.plots[0].series[0]._element.findall(qn("c:dPt"))}  # fmt: skip
    assert painted == {categories(chart).index("Liberia"): colours.HIGHLIGHT.lstrip("#").upper()}  # Liberia alone
    page = page_charts(at)["profile_region_ratification_chart"]["data"][0]["marker"]["color"]
    assert [i for i, c in enumerate(page) if c == colours.HIGHLIGHT] == list(painted)
    region = con.execute("select count(*) from country where ohchr_region = "
                         "(select ohchr_region from country where iso3 = 'LBR')").fetchone()[0]  # fmt: skip
    assert len(categories(chart)) == region


def test_the_brief_tables_and_key_figures_are_the_page_s(liberia):
    at, data = liberia
    prs = open_deck(data)
    page_table = next(d.value for d in at.dataframe if list(d.value.columns[:2]) == ["Code", "Instrument"])
    cells = table_of(slide_titled(prs, "Ratification of the 18 instruments"))
    assert cells[0] == ["Instrument", "Status", "Signed", "Ratified / acceded", "How", "Reservations", "Source"]
    assert [r[0] for r in cells[1:]] == list(page_table["Instrument"])
    assert [r[1] for r in cells[1:]] == list(page_table["Status"])
    assert [r[3] for r in cells[1:]] == [slides.cell_text(v) for v in page_table["Ratified / acceded"]]
    page_figures = shown_text(next(m.value for m in at.markdown if m.value.startswith("- Party to "))).split("\n")
    assert texts(slide_titled(prs, "Liberia: key figures")).split("\n")[1:] == [f[2:] for f in page_figures]
    comparison = next(d.value for d in at.dataframe if list(d.value.columns[:2]) == ["Measure", "This country"])
    assert table_of(slide_titled(prs, "Liberia compared with"))[1:] == comparison.astype(str).values.tolist()
    targets = table_of(slide_titled(prs, "Targets of the OHCHR Management Plan"))
    page_targets = next(d.value for d in at.dataframe if "Met?" in d.value.columns)
    assert [r[2] for r in targets[1:]] == list(page_targets["Met?"])
    unct = table_of(slide_titled(prs, "UN Country Team engagement"))
    assert ["2016", "all mechanisms", "human rights working group", "seed:000"] in unct


def test_the_brief_sources_slide_states_the_page_s_demo_share(liberia):
    at, data = liberia
    prs = open_deck(data)
    shares = at.warning[0].value.split("**")[1].rstrip(".")  # the page's banner: "Real public data …% · …"
    sources = texts(prs.slides[len(prs.slides) - 1])
    assert f"{shares}. Demo data: " in sources
    table = table_of(prs.slides[len(prs.slides) - 1])
    assert "seed:000" in [r[3] for r in table]
    assert ["UN Treaty Collection, status as of 3 Feb 2026 (public)", "real public data bundled with the dashboard"] \
        in [[r[0], r[2]] for r in table]  # fmt: skip


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed (Debian: apt-get install "
                    "libreoffice-impress-nogui); the PDF conversion check needs it")  # fmt: skip
def test_libreoffice_converts_the_brief_to_one_pdf_page_per_slide(liberia, tmp_path: Path):
    _, data = liberia
    deck = tmp_path / "LBR.pptx"
    deck.write_bytes(data)
    profile_dir = tmp_path / "lo-profile"  # its own profile: other LibreOffice runs may be going on
    proc = subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(deck)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "LBR.pdf"
    assert pdf.exists(), proc.stdout + proc.stderr
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    assert pages == len(open_deck(data).slides) > 10
