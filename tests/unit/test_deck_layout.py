"""Decks fit to show: every page's whole-page deck (made by the function its download button uses), the Kenya brief
and a deck on an organisation's template.

Checked on the .pptx files: every shape inside its slide; every slide that shows data carries the source and demo
line; axis titles on every chart, percentage axes 0-100; the treaty bodies' reference line (about 120 reviews a
year) kept as a line series over the bars; the Ratification deck has the charts of all its tabs (compared with what
each tab draws when open); the template's renamed layouts, slide size and theme font are used; the Kenya brief's
targets and reservations say "not known" where the data do not say.
"""

from __future__ import annotations

import io
import zipfile

import duckdb
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from hrdash.app import deck
from hrdash.exports import pptx as slides
from hrdash.exports import template
from hrdash.model import labels
from hrdash.profile import brief
from tests.helpers.apptest import open_app

PAGES = {
    "ratification": "views/ratification.py", "treaty_bodies": "views/treaty_bodies.py",
    "special_procedures": "views/special_procedures.py", "upr": "views/upr.py",
    "civil_society": "views/civil_society.py", "unct": "views/unct_engagement.py",
    "ea": "views/expected_accomplishments.py", "overview": "views/overview.py",
}  # fmt: skip
RATIFICATION_TABS = ["Map", "Over time", "Regions", "Country grid", "EA2 targets", "Reservations", "Records"]


@pytest.fixture(scope="module")
def page_decks(built_db):
    """Return {page: (deck spec, presentation steps)} of every page in presentation mode (all tabs run)."""
    at = open_app({"present": "1"})
    out = {}
    for name, view in PAGES.items():
        at.switch_page(view)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        counter = next(m.value for m in at.markdown if m.value.startswith("**1 / "))
        out[name] = (at.session_state[deck.PAGE_DECK_KEY](), int(counter.strip("*").split(" / ")[1]))
    return out


@pytest.fixture(scope="module")
def db(built_db):
    with duckdb.connect(str(built_db), read_only=True) as c:
        yield c


@pytest.fixture(scope="module")
def kenya(db):
    return brief.country_deck(db, "KEN")


def org_template() -> bytes:
    """Return a template made with python-pptx: 4:3 (10 × 7.5 in), layouts renamed, the theme's fonts Georgia."""
    prs = template.default()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    prs.slide_layouts[0].name = "UN Cover"
    prs.slide_layouts[5].name = "UN Title Only"
    prs.slide_layouts[1].name = "UN Text"
    theme_part = next(r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme"))
    blob = theme_part.blob.replace(b'typeface="Calibri Light"', b'typeface="Georgia"')
    theme_part._blob = blob.replace(b'typeface="Calibri"', b'typeface="Georgia"')
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def all_decks(page_decks, kenya, db) -> dict[str, bytes]:
    """Return every deck checked: each page's whole-page deck, the Kenya brief, the Kenya brief on a template."""
    decks = {name: slides.build(made) for name, (made, _) in page_decks.items()}
    decks["KEN"] = kenya
    decks["KEN on a template"] = brief.country_deck(db, "KEN", template=org_template())
    return decks


def data_slides(prs) -> list:
    """Return the slides between the title slide and the sources slide(s)."""
    return [s for s in list(prs.slides)[1:] if not s.shapes.title.text.startswith("Sources")]


def test_every_shape_is_inside_its_slide_and_every_data_slide_names_its_sources(all_decks):
    for name, data in all_decks.items():
        prs = Presentation(io.BytesIO(data))
        w, h = prs.slide_width, prs.slide_height
        for i, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                box = (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
                assert box[0] >= 0 and box[1] >= 0 and box[2] <= w and box[3] <= h, (name, i, shape.name, box, w, h)
            shapes = sorted((s for s in slide.shapes if s.shape_type is not None), key=lambda s: s.top)
            for upper, lower in zip(shapes, shapes[1:]):  # stacked shapes (title, chart or table, caption, footer)
                assert upper.top + upper.height <= lower.top + 1, (name, i, upper.name, lower.name)
        for slide in data_slides(prs):
            footer = [s.text_frame.text for s in slide.shapes if s.name == slides.FOOTER_NAME]
            assert len(footer) == 1 and footer[0].startswith("Source: "), (name, slide.shapes.title.text)
            assert "(real)" in footer[0] and "Demo: generated illustrative data, not real (" in footer[0]


def test_presentation_steps_are_the_deck_s_data_slides(page_decks):
    for name, (made, steps) in page_decks.items():
        assert steps == slides.slide_count(made.items) - 2, name


def test_charts_have_axis_titles_and_percentages_run_to_100(all_decks):
    percent_axes, missing = 0, []
    for name, data in all_decks.items():
        for slide in Presentation(io.BytesIO(data)).slides:
            for shape in (s for s in slide.shapes if s.has_chart):
                chart = shape.chart
                if chart.chart_type is not None and "PIE" in str(chart.chart_type):
                    continue
                title = slide.shapes.title.text
                value_axis = chart.value_axis
                if not (value_axis.has_title and value_axis.axis_title.text_frame.text.strip()):
                    missing.append((name, title))
                    continue
                unit = value_axis.axis_title.text_frame.text
                if "%" in unit and " · " not in unit:  # a share (not two subplots of different units)
                    percent_axes += 1
                    assert (value_axis.minimum_scale, value_axis.maximum_scale) == (0, 100), (name, title, unit)
                assert value_axis.maximum_scale is None or value_axis.maximum_scale <= 100 or "%" not in unit
    assert not missing
    assert percent_axes >= 5  # rates of ratification, timeliness, acceptance, replies, UPR shares


def test_the_reference_line_over_bars_is_a_line_series(page_decks):
    prs = Presentation(io.BytesIO(slides.build(page_decks["treaty_bodies"][0])))
    slide = next(s for s in prs.slides if s.shapes.title.text.endswith("State reports reviewed per year"))
    plot_area = (
        next(s for s in slide.shapes if s.has_chart).chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    )
    bars, line = plot_area.find(qn("c:barChart")), plot_area.find(qn("c:lineChart"))
    assert bars is not None and line is not None
    names = [s.find(qn("c:tx")).xpath(".//c:v")[0].text for s in line.findall(qn("c:ser"))]
    assert names == ["Management Plan: about 120 a year"]  # the figure's reference line, named for its document
    values = [float(v.text) for v in line.find(qn("c:ser")).find(qn("c:val")).xpath(".//c:v")]
    assert values and set(values) == {120.0}
    # the bars are the treaty bodies, not the line
    assert len(bars.findall(qn("c:ser"))) >= 5 and "Seed 004" not in str(bars.xpath(".//c:tx//c:v/text()"))


def test_the_ratification_deck_has_the_charts_of_every_tab(page_decks, built_db):
    items = page_decks["ratification"][0].items
    at = open_app(page="views/ratification.py")
    drawn = {}
    for tab in RATIFICATION_TABS:  # what each tab draws when it is the open one
        at.query_params["ratification_view"] = tab
        at.run()
        drawn[tab] = len(at.get("plotly_chart"))
    charts = [i for i in items if not (isinstance(i, slides.TableSpec) and i.title.startswith("EA2 targets: "))]
    assert len(charts) == sum(drawn.values()) >= 8  # every chart of every tab, once
    # in tab order, each tab's first slide titled with the tab
    firsts = [i.title.split(": ")[0] for i in items if i.title.split(": ")[0] in RATIFICATION_TABS]
    assert firsts == [t for t in RATIFICATION_TABS if drawn[t] or t == "EA2 targets"]
    assert items[0].title == "Map: Status of ICMW"


def test_the_19_column_regions_table_is_split_by_columns_keeping_the_row_labels(page_decks):
    prs = Presentation(io.BytesIO(slides.build(page_decks["ratification"][0])))
    parts = [s for s in prs.slides if s.shapes.title.text.startswith("Regions: Ratification rates by region")]
    assert len(parts) == 2
    tables = [next(sh.table for sh in s.shapes if sh.has_table) for s in parts]
    headers = [[c.text for c in t.rows[0].cells] for t in tables]
    labels = [[r.cells[0].text for r in t.rows] for t in tables]
    assert labels[0] == labels[1] and "Africa" in labels[0]  # the regions on both
    assert sum(len(h) - 1 for h in headers) == 18 and not set(headers[0][1:]) & set(headers[1][1:])
    for t in tables:  # at least 9 pt
        sizes = [r.font.size.pt for row in t.rows for c in row.cells for p in c.text_frame.paragraphs for r in p.runs]
        assert min(sizes) >= 9


def test_a_template_deck_uses_the_template_s_layouts_size_and_fonts(db):
    prs = Presentation(io.BytesIO(brief.country_deck(db, "KEN", template=org_template())))
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))
    layouts = [s.slide_layout.name for s in prs.slides]
    assert layouts[0] == "UN Cover" and set(layouts[1:]) == {"UN Title Only"}
    theme = next(r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme")).blob
    assert b'typeface="Georgia"' in theme and b'typeface="Calibri"' not in theme
    runs = [r for s in prs.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs
            for r in p.runs]  # fmt: skip
    assert runs and all(r.font.name is None for r in runs)  # every text in the theme's font


def test_a_file_that_is_not_a_presentation_is_refused_clearly():
    with pytest.raises(template.TemplateError, match=r"not a PowerPoint presentation or template \(\.pptx or \.potx\)"):
        template.check(b"%PDF-1.7 not a deck")


def test_the_kenya_brief_says_not_known_where_the_data_do_not_say(kenya):
    prs = Presentation(io.BytesIO(kenya))
    tables = {s.shapes.title.text: next(sh.table for sh in s.shapes if sh.has_table)
              for s in prs.slides if any(sh.has_table for sh in s.shapes)}  # fmt: skip
    rows = {title: [[c.text for c in r.cells] for r in t.rows] for title, t in tables.items()}
    targets = next(v for k, v in rows.items() if k.startswith(f"Targets of the {labels.MANAGEMENT_PLAN}"))
    header = targets[0]
    reservations = next(
        r for r in targets[1:] if r[header.index(labels.glossary()["target"])] == "Withdraw reservations"
    )
    assert reservations[header.index("Met?")] == "not known" and "not known" in reservations[header.index("Status")]
    ratification = next(v for k, v in rows.items() if k.startswith("Ratification of the 18 instruments by Kenya"))
    col = ratification[0].index("Reservations")
    status = ratification[0].index("Status")
    assert {r[col] for r in ratification[1:] if r[status] == "party"} == {"not known"}
    assert {r[col] for r in ratification[1:] if r[status] != "party"} == {"–"}


def test_an_uploaded_template_with_macros_or_not_a_zip_is_refused_before_it_is_parsed():
    from hrdash.importers.model import Refused

    good = io.BytesIO()
    Presentation().save(good)
    deck.check_template_file(good.getvalue())  # a plain presentation passes
    with zipfile.ZipFile(good, "a") as zf:  # the same with a VBA project inside
        zf.writestr("ppt/vbaProject.bin", b"\0" * 10)
    with pytest.raises(Refused, match="macros"):
        deck.check_template_file(good.getvalue())
    with pytest.raises(Refused, match="not a PowerPoint"):
        deck.check_template_file(b"%PDF-1.7 not a zip")
