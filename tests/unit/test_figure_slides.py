"""Every page's charts as slides: plotly figures become native PowerPoint charts with the plotted numbers.

Unit tests of hrdash/exports/deck.py on figures of each kind the pages draw, then the Special
Procedures page through AppTest: the charts its frame notes (as presentation mode shows them, one at a time)
make a deck (as the page's slides button builds it) that opens with python-pptx, and the visits chart's series
equal an independent SQL count.
"""

from __future__ import annotations

import base64
import io

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from hrdash.app import deck
from hrdash.exports import deck as figure_slides
from hrdash.exports import pptx as slides
from hrdash.exports.pptx import ChartSpec, TableSpec
from hrdash.figures import colours
from tests.helpers.apptest import open_app


def test_stacked_bars_drop_the_label_line_and_align_categories():
    fig = go.Figure(
        [
            go.Bar(x=[2010, 2011, 2012], y=[1, 2, 3], name="thematic"),
            go.Bar(x=[2011, 2012], y=[5, 6], name="country"),
            go.Scatter(x=[2010, 2011, 2012], y=[1, 7, 9], mode="text", text=["1", "7", "9"]),  # totals on top
        ],
        layout={"barmode": "stack", "xaxis": {"title": {"text": "Year"}}},
    )
    spec = figure_slides.item(fig, "Visits")
    assert isinstance(spec, ChartSpec) and (spec.kind, spec.stacked, spec.x) == ("column", True, "Year")
    assert spec.data["Year"].tolist() == [2010, 2011, 2012]
    assert spec.data["thematic"].tolist() == [1, 2, 3]
    assert spec.data["country"].fillna(-1).tolist() == [-1, 5, 6]  # no bar in 2010: a gap, not a zero


def test_horizontal_bars_take_categories_from_y():
    fig = go.Figure(go.Bar(y=["CAT", "CED"], x=[171, 68], orientation="h"))
    spec = figure_slides.item(fig, "Parties")
    assert (spec.kind, spec.ys, spec.data.iloc[:, 0].tolist(), spec.data["value"].tolist()) == (
        "bar", ["value"], ["CAT", "CED"], [171, 68]
    )  # fmt: skip


def test_lines_pies_and_typed_arrays():
    typed = {"dtype": "i4", "bdata": base64.b64encode(np.array([3, 4], dtype="i4").tobytes()).decode()}
    line = {"data": [{"type": "scatter", "mode": "lines", "x": ["2010", "2011"], "y": typed, "name": "HRAs"}],
            "layout": {"title": {"text": "HRAs in post"}}}  # fmt: skip
    spec = figure_slides.item(line, "")
    assert (spec.kind, spec.title, spec.data["HRAs"].tolist()) == ("line", "HRAs in post", [3, 4])
    pie = figure_slides.item(go.Figure(go.Pie(labels=["a", "b"], values=[2, 5])), "Share")
    assert (pie.kind, pie.data["label"].tolist(), pie.data["value"].tolist()) == ("pie", ["a", "b"], [2, 5])


def test_a_map_lists_its_countries_and_a_heatmap_is_a_table():
    fig = go.Figure(
        [
            go.Choropleth(locations=["KEN", "UGA"], z=[3, 1], text=["Kenya", "Uganda"], colorbar={"title": "Visits"}),
            go.Scattergeo(locations=["KEN"], mode="markers"),
        ]
    )
    spec = figure_slides.item(fig, "Where")
    assert (spec.kind, spec.data.values.tolist(), spec.labels["value"]) == ("map", [["Kenya", 3], ["Uganda", 1]],
                                                                            "Visits")  # fmt: skip
    heat = figure_slides.item(go.Figure(go.Heatmap(x=["CAT", "CED"], y=["Africa"], z=[[90.0, 30.5]])), "Rates")
    assert isinstance(heat, TableSpec) and heat.data.values.tolist() == [["Africa", 90.0, 30.5]]


def test_a_figure_without_a_chart_type_is_its_show_data_table():
    fig = go.Figure(go.Scatter(x=[1], y=[2]))
    fig.add_trace(go.Box(y=[1, 2, 3]))
    data = pd.DataFrame({"n": [1, 2]})
    spec = figure_slides.item(fig, "Spread", data, {"n": "Number"})
    assert isinstance(spec, TableSpec) and spec.data.equals(data) and spec.labels == {"n": "Number"}


def painted_points(chart, series: int = 0) -> dict[int, str]:
    """Return {point index: "RRGGBB"} of the points of a written chart series that have their own fill."""
    out = {}
    for d in chart.plots[0].series[series]._element.findall(qn("c:dPt")):
        out[int(d.find(qn("c:idx")).get("val"))] = d.find(".//" + qn("a:srgbClr")).get("val").upper()
    return out


def one_chart(spec):
    prs = Presentation(io.BytesIO(slides.build(slides.Deck("T", "", [], SOURCES, [spec]))))
    return next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart)


SOURCES = pd.DataFrame({"source": ["demo"], "rows": [1]})


def test_per_point_colours_reach_the_slide_only_where_they_differ():
    # As the profile draws a region: every country in the series colour, the chosen one in orange.
    first, orange = colours.OKABE_ITO[0], colours.HIGHLIGHT
    fig = go.Figure(go.Bar(x=["Kenya", "Uganda", "Rwanda"], y=[12, 9, 7],
                           marker={"color": [first, orange, "rgba(0, 114, 178, 0.5)"]}))  # fmt: skip
    spec = figure_slides.item(fig, "Region")
    assert spec.colours == {"value": [first.lstrip("#").upper(), orange.lstrip("#").upper(), "0072B2"]}
    assert painted_points(one_chart(spec)) == {1: orange.lstrip("#").upper()}  # the others keep the series colour
    numeric = go.Figure(go.Bar(x=["a", "b"], y=[1, 2], marker={"color": [0.1, 0.9], "colorscale": "Viridis"}))
    assert figure_slides.item(numeric, "Scale").colours == {}  # numbers on a colour scale are not colours


def test_the_category_header_is_the_axis_title_or_blank_never_none():
    bars = go.Figure(go.Bar(y=["CAT", "CED"], x=[171, 68], orientation="h"), layout={"yaxis": {"title": "Treaty"}})
    assert (figure_slides.item(bars, "Parties").x, list(figure_slides.item(bars, "Parties").data.columns)) == (
        "Treaty", ["Treaty", "value"]
    )  # fmt: skip
    untitled = figure_slides.item(go.Figure(go.Bar(x=[2010, 2011], y=[1, 2], name="Year")), "Visits")
    assert untitled.x == "" and list(untitled.data.columns) == ["", "Year"]
    assert "None" not in untitled.data.columns and untitled.data[""].tolist() == [2010, 2011]
    clash = go.Figure(go.Bar(x=["a"], y=[1], name="Region"), layout={"xaxis": {"title": {"text": "Region"}}})
    assert list(figure_slides.item(clash, "x").data.columns) == ["Region ", "Region"]


def test_integers_stay_integers_and_pies_keep_their_name_and_colours():
    fig = go.Figure([go.Bar(x=["a", "b"], y=[3, 4], name="sent"), go.Bar(x=["b"], y=[2.5], name="rate")])
    spec = figure_slides.item(fig, "Mixed")
    assert str(spec.data["sent"].dtype) == "int64" and spec.data["sent"].tolist() == [3, 4]
    assert spec.data["rate"].fillna(-1).tolist() == [-1, 2.5]
    gap = figure_slides.item(go.Figure([go.Bar(x=["a", "b"], y=[1, 2]), go.Bar(x=["b"], y=[5])]), "Gap")
    assert str(gap.data["series 2"].dtype) == "Int64" and gap.data["series 2"].fillna(-1).tolist() == [-1, 5]
    assert [list(s.values) for s in one_chart(gap).plots[0].series] == [[1.0, 2.0], [None, 5.0]]
    pie = go.Figure(go.Pie(labels=["party", "no action"], values=[16, 2], name="Instruments",
                           marker={"colors": ["#0072B2", "#D55E00", "#009E73"]}))  # fmt: skip
    spec = figure_slides.item(pie, "Status")
    assert (spec.ys, spec.data.values.tolist(), spec.colours) == (
        ["Instruments"], [["party", 16], ["no action", 2]], {"Instruments": ["0072B2", "D55E00"]}
    )  # fmt: skip
    chart = one_chart(spec)
    assert chart.plots[0].series[0].name == "Instruments"
    assert painted_points(chart) == {0: "0072B2", 1: "D55E00"}


def test_an_empty_figure_is_a_no_data_slide():
    spec = figure_slides.item(go.Figure(go.Bar(x=[], y=[], name="Visits")), "Visits per year", caption="2030.")
    assert isinstance(spec, ChartSpec) and spec.data.empty and spec.ys == ["Visits"]
    prs = Presentation(io.BytesIO(slides.build(slides.Deck("T", "", [], SOURCES, [spec]))))
    words = [sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame]
    assert f"{slides.NO_DATA} 2030." in words and not any(sh.has_chart for sh in prs.slides[1].shapes)


@pytest.fixture(scope="module")
def sp_page(built_db):
    at = open_app(page="views/special_procedures.py")
    return at


def test_a_page_with_tabs_offers_the_slides_of_the_whole_page(sp_page):
    labels = [b.label for b in sp_page.button]
    assert "Prepare slides of the whole page" in labels and not sp_page.get("download_button")
    next(b for b in sp_page.button if b.label.startswith("Prepare")).click().run()
    made = sp_page.session_state[deck.PAGE_DECK_KEY]()  # the deck the download button makes
    n = len(Presentation(io.BytesIO(slides.build(made))).slides)  # the label counts what the button gives
    assert f"Slides of the whole page ({n} slides, .pptx)" in [b.label for b in sp_page.get("download_button")]
    # every tab's charts: 3 visits, 2 invitations, 2 requests, 4 communications; the title; the sources
    assert slides.slide_count(made.items) - 2 == 11 and n - 2 - 11 == slides.sources_slides(made.sources)


def test_the_page_deck_has_the_charts_with_the_numbers_sql_gives(built_db):
    at = open_app({"present": "1"}, page="views/special_procedures.py")
    assert "**1 / 11**" in [m.value for m in at.markdown]  # one step per data slide of the whole page's deck
    with duckdb.connect(str(built_db), read_only=True) as con:
        visits = dict(con.execute(
            "select year(start_date), count(*) from sp_visit where status = 'completed' "
            "and year(start_date) between 2008 and 2026 group by 1"
        ).fetchall())  # fmt: skip
    made = at.session_state[deck.PAGE_DECK_KEY]()
    prs = Presentation(io.BytesIO(slides.build(made)))
    titles = [s.shapes.title.text for s in prs.slides]
    # title, 11 data slides, then the sources (one slide or more: a table continues over slides)
    body = [t for t in titles if not t.startswith("Sources")]
    assert titles[0] == "Special Procedures" and titles[-1].startswith("Sources") and len(body) == 12
    assert f"Slides of the whole page ({len(titles)} slides, .pptx)" in [b.label for b in at.get("download_button")]
    # each tab's first slide is titled with the tab
    assert titles[1:4] == ["Visits: Country visits per year", "Where the mandates went", "Visits per OHCHR region"]
    assert titles[4] == "Standing invitations over time"  # a title naming its tab needs no prefix
    assert titles[6].startswith("Visit requests: ") and titles[8] == "Communications per year"
    chart = next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    categories = [int(float(c)) for c in chart.plots[0].categories]
    totals = np.nansum([[v if v is not None else 0 for v in s.values] for s in chart.plots[0].series], axis=0)
    assert dict(zip(categories, totals.tolist())) == visits
