"""PowerPoint decks from DataFrames: a deck spec in, the bytes of a .pptx out (no Streamlit calls).

Charts are native PowerPoint charts (python-pptx `CategoryChartData`), so the numbers stay
editable in PowerPoint and LibreOffice Impress. Their embedded workbooks hold every category and
series name as text: python-pptx writes them with xlsxwriter, which would store a name starting
with `=` as a formula and a URL as a link (`SafeChartData`). A map has no native chart type: it becomes a
table of its largest values. Every deck ends with a sources slide that states the demo share.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE, MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from xlsxwriter import Workbook

from ..figures import colours
from ..model import provenance
from . import slide_layout as layout
from . import template
from .tables import is_dangerous

PALETTE = [c.lstrip("#") for c in colours.OKABE_ITO]  # the figures' colours, as PowerPoint writes them
HIGHLIGHT = colours.HIGHLIGHT.lstrip("#")
PATTERNS = [MSO_PATTERN.WIDE_UPWARD_DIAGONAL, MSO_PATTERN.SMALL_CONFETTI, MSO_PATTERN.DIAGONAL_BRICK,
            MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL, MSO_PATTERN.SMALL_GRID]  # fmt: skip
WIDTH, HEIGHT = template.WIDTH, template.HEIGHT  # 16:9 without a template
TABLE_ROWS_PER_SLIDE = 15
MAP_ROWS = 15
KINDS = ("column", "bar", "line", "pie", "map")


@dataclass
class ChartSpec:
    """One chart: `data[x]` are the categories, each column of `ys` one series.

    kind: column (vertical bars), bar (horizontal bars), line, pie (first series only) or map
    (drawn as a table of the largest values). `colours` gives a series (a `ys` column) one colour per
    category ("RRGGBB", or None for the series' own colour): the figure's per-point colours, such as the
    country highlighted among its region. Made from a plotly figure by `exports.deck.item`.
    """

    title: str
    kind: str
    data: pd.DataFrame
    x: str
    ys: Sequence[str]
    labels: Mapping[str, str] = field(default_factory=dict)
    stacked: bool = False
    caption: str = ""
    colours: Mapping[str, Sequence[str | None]] = field(default_factory=dict)
    x_title: str = ""  # the category axis title (the figure's), else the x column's label
    y_title: str = ""  # the value axis title with its unit ("Reports", "% of States parties")
    percent: bool = False  # a share: the value axis runs 0-100 %
    lines: Sequence[str] = ()  # the `ys` drawn as lines over the bars (a plan, a target): a combo chart

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}; use one of {', '.join(KINDS)}")
        missing = [c for c in [self.x, *self.ys] if c not in self.data.columns]
        if missing:
            raise ValueError(f"chart {self.title!r}: no column(s) {missing} in its data")

    def label(self, column: str) -> str:
        return self.labels.get(column, column)


@dataclass
class TableSpec:
    """A table; long ones continue on further slides."""

    title: str
    data: pd.DataFrame
    labels: Mapping[str, str] = field(default_factory=dict)
    caption: str = ""
    rows_per_slide: int = TABLE_ROWS_PER_SLIDE


@dataclass
class TextSpec:
    """A slide of bullet points (e.g. the key figures)."""

    title: str
    bullets: Sequence[str]


Item = ChartSpec | TableSpec | TextSpec


@dataclass
class Deck:
    """What a deck shows: a title slide, the items in order, and a sources slide.

    `sources` has one row per data source with columns `source` and `rows` (as the query
    rows_by_source returns, summed or not) and gives the demo share.
    """

    title: str
    subtitle: str
    filters: Sequence[tuple[str, str]]
    sources: pd.DataFrame
    items: Sequence[Item]
    built_at: str = ""
    created: date = field(default_factory=date.today)
    source_files: dict[str, str] = field(default_factory=dict)  # import source -> file name, to name it
    template: bytes | None = None  # an organisation's .pptx / .potx whose layouts, theme and size the deck uses


def demo_share(sources: pd.DataFrame) -> tuple[int, int]:
    """Return (demo rows, all rows) of a sources table with `source` and `rows` columns."""
    total = int(sources["rows"].sum()) if len(sources) else 0
    demo = int(sources.loc[sources["source"] == "demo", "rows"].sum()) if len(sources) else 0
    return demo, total


def demo_sentence(sources: pd.DataFrame) -> str:
    """Return the sentence stating how much of the data is real and how much (and which parts) demo."""
    demo, total = demo_share(sources)
    if not total:
        return "No data rows are in this deck's scope."
    sentence = provenance.share_sentence(sources)
    if not demo:
        return f"Demo data: none. {sentence}"
    return f"{sentence}. Demo data: {demo:,} of the {total:,} rows are generated illustrative data, not real figures."


def cell_text(value: Any) -> str:
    """Return how a value is written in a table cell (dates as ISO, booleans as yes/no, blanks empty)."""
    if isinstance(value, np.generic):  # numpy scalars from DataFrame rows: their Python value
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"
    if isinstance(value, list | tuple) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return ", ".join(map(str, list(value)))
    return "" if value in ("None", "nan", "NaT") else str(value)  # a blank a frame turned to text (astype(str))


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _chart_type(spec: ChartSpec) -> XL_CHART_TYPE:
    if spec.kind == "pie":
        return XL_CHART_TYPE.PIE
    if spec.kind == "line":
        return XL_CHART_TYPE.LINE_MARKERS
    if spec.kind == "bar":
        return XL_CHART_TYPE.BAR_STACKED if spec.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    return XL_CHART_TYPE.COLUMN_STACKED if spec.stacked else XL_CHART_TYPE.COLUMN_CLUSTERED


class _TextCells:
    """A worksheet whose `write` stores a string a spreadsheet would evaluate as text with a quote prefix."""

    def __init__(self, sheet: Any, as_text: Any) -> None:
        self._sheet, self._as_text = sheet, as_text

    def write(self, row: int, col: int, value: Any, *args: Any) -> int:
        if is_dangerous(value):
            return self._sheet.write_string(row, col, value, self._as_text)
        return self._sheet.write(row, col, value, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sheet, name)


class _SafeWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's workbook writer with xlsxwriter's conversions of strings to formulas, links, numbers off."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                   "strings_to_numbers": False}  # fmt: skip
        workbook = Workbook(xlsx_file, options)
        sheet = workbook.add_worksheet()
        yield workbook, _TextCells(sheet, workbook.add_format({"quote_prefix": True}))
        workbook.close()


class SafeChartData(CategoryChartData):
    """Chart data whose embedded workbook stores every category and series name as text (never a formula)."""

    @property
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _SafeWorkbookWriter(self)


def chart_data(spec: ChartSpec) -> CategoryChartData:
    """Return the chart data of a spec: its categories as text, one series per `ys` column."""
    data = SafeChartData(number_format="#,##0.#")
    data.categories = [cell_text(v) for v in spec.data[spec.x]]
    for column in spec.ys[:1] if spec.kind == "pie" else spec.ys:
        data.add_series(spec.label(column), [_number(v) for v in spec.data[column]])
    return data


def _geometry(prs) -> layout.Geometry:
    return layout.Geometry(int(prs.slide_width), int(prs.slide_height))


def _new_slide(prs, kind: str, text: str, size: int = 24):
    """Add a slide of a layout kind (template.TITLE, TITLE_ONLY, CONTENT) titled `text`, placed in the title
    region of the slide's own size (two lines fit)."""
    slide = prs.slides.add_slide(template.layout(prs, kind))
    geo = _geometry(prs)
    title = slide.shapes.title
    if title is None:  # a template layout without a title placeholder: a text box in its place
        title = slide.shapes.add_textbox(geo.margin, geo.title_top, geo.width, geo.title_height)
        title.text_frame.word_wrap = True
    title.left, title.top, title.width, title.height = geo.margin, geo.title_top, geo.width, geo.title_height
    title.text_frame.text = text
    for p in title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(size)
    return slide


def _text_box(slide, geo: layout.Geometry, text: str, top: int, pt: float, height: int | None = None, **font):
    box = slide.shapes.add_textbox(geo.margin, top, geo.width, height or geo.text_height(text, geo.width, pt))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    for p in box.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(pt)
            r.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
            for k, v in font.items():
                setattr(r.font, k, v)
    return box


CAPTION_PT, FOOTER_PT = 12, 10


def _caption(slide, geo: layout.Geometry, text: str, top: int) -> None:
    if text:
        _text_box(slide, geo, text, top, CAPTION_PT)


def _footer(slide, geo: layout.Geometry, text: str) -> None:
    """The source and demo line at the foot of a slide that shows data."""
    if text:
        box = _text_box(slide, geo, text, geo.footer_top, FOOTER_PT, height=geo.footer_height)
        box.name = FOOTER_NAME


FOOTER_NAME = "Source and demo footer"


def _number_format(spec: ChartSpec) -> str:
    """Return the data-label format: whole numbers or one decimal, zeros left blank (stacked bars stay legible)."""
    values = spec.data[list(spec.ys)].to_numpy(dtype=float, na_value=np.nan).ravel()
    values = values[~pd.isna(values)]
    whole = all(float(v).is_integer() for v in values)
    return "#,##0;-#,##0;" if whole else "#,##0.0;-#,##0.0;"


NO_DATA = "No data for this chart under these filters."


def _axis_title(axis, text: str, pt: int) -> None:
    if not text:
        return
    axis.has_title = True
    axis.axis_title.text_frame.text = text
    for p in axis.axis_title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size, r.font.bold = Pt(pt), False


def _add_chart(prs, spec: ChartSpec, footer: str) -> None:
    geo = _geometry(prs)
    slide = _new_slide(prs, template.TITLE_ONLY, spec.title)
    if spec.data.empty:  # PowerPoint charts need at least one category: say so instead
        _caption(slide, geo, " ".join(filter(None, [NO_DATA, spec.caption])), geo.body_top)
        _footer(slide, geo, footer)
        return
    caption_h = geo.text_height(spec.caption, geo.width, CAPTION_PT)
    height = geo.body_bottom - geo.body_top - caption_h
    frame = slide.shapes.add_chart(_chart_type(spec), geo.margin, geo.body_top, geo.width, height, chart_data(spec))
    chart = frame.chart
    chart.has_title = False  # the slide title says what the chart shows
    many = len(spec.data) > 20
    chart.font.size = Pt(9 if many else 12)
    plot = chart.plots[0]
    plot.has_data_labels = True  # values on the marks: the chart reads without colour
    labels = plot.data_labels
    labels.font.size = Pt(8 if many else 11)
    if spec.kind == "pie":
        labels.show_percentage, labels.show_category_name, labels.show_value = True, True, True
        chart.has_legend = False
        given = list(spec.colours.get(spec.ys[0], []))
        for i, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            colour = given[i] if i < len(given) and given[i] else PALETTE[i % len(PALETTE)]
            point.format.fill.fore_color.rgb = RGBColor.from_string(colour)
    else:
        labels.number_format, labels.number_format_is_linked = _number_format(spec), False
        value_axis = chart.value_axis
        value_axis.tick_labels.number_format = '0"%"' if spec.percent else "#,##0"
        value_axis.tick_labels.number_format_is_linked = False
        bars = [y for y in spec.ys if y not in spec.lines]
        top = spec.data[bars].sum(axis=1) if spec.stacked else spec.data[list(spec.ys)].max(axis=1)
        if spec.percent:  # a share runs from 0 to 100 %, whatever room the screen's labels needed
            value_axis.minimum_scale, value_axis.maximum_scale = 0, 100
        elif len(top) and top.max() <= 6:
            value_axis.major_unit = 1  # no half reports or half visits on the axis
        _axis_title(value_axis, spec.y_title, 12)
        _axis_title(chart.category_axis, spec.x_title or spec.label(spec.x).strip(), 12)
        # Every category named (PowerPoint would otherwise skip some when there are many).
        _label_every_category(chart)
        chart.has_legend = len(spec.ys) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        if spec.kind in ("column", "bar"):
            plot.gap_width = 60
            if spec.stacked:
                plot.overlap = 100
        for i, (column, series) in enumerate(zip(spec.ys, plot.series)):
            colour = RGBColor.from_string(series_colour(spec, i))
            if spec.kind == "line" or column in spec.lines:
                series.format.line.color.rgb = colour
                if column in spec.lines:  # a reference line over bars: dashed, dark, no fill
                    series.format.line.color.rgb = RGBColor(0x33, 0x33, 0x33)
                    series.format.line.width = Pt(2.25)
                    series.format.line.dash_style = MSO_LINE.DASH
            elif spec.stacked and i:  # hatching as well as colour, so stacked series differ in greyscale
                series.format.fill.patterned()
                series.format.fill.pattern = PATTERNS[(i - 1) % len(PATTERNS)]
                series.format.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                series.format.fill.back_color.rgb = colour
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = colour
        if spec.kind in ("column", "bar"):
            _colour_points(plot, spec)
            layout.lines_over_bars(chart, [i for i, y in enumerate(spec.ys) if y in spec.lines])
        if spec.kind == "bar":
            chart.category_axis.reverse_order = True  # first row on top, as on the page
            chart.category_axis.crosses = XL_AXIS_CROSSES.MAXIMUM  # and the value axis stays at the bottom
    _caption(slide, geo, spec.caption, geo.body_top + height)
    _footer(slide, geo, footer)


def series_colour(spec: ChartSpec, i: int) -> str:
    """Return the colour of series `i`: the figure's (its points' most common colour), else the palette's."""
    given = [c.upper() for c in spec.colours.get(spec.ys[i], []) if c] if i < len(spec.ys) else []
    return Counter(given).most_common(1)[0][0] if given else PALETTE[i % len(PALETTE)]


def _colour_points(plot, spec: ChartSpec) -> None:
    # Only the points whose colour differs from their series' (e.g. the country in orange among its region).
    for i, (column, series) in enumerate(zip(spec.ys, plot.series)):
        own = series_colour(spec, i).upper()
        for j, colour in enumerate(spec.colours.get(column, [])):
            if colour and colour.upper() != own and j < len(spec.data):
                point = series.points[j]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = RGBColor.from_string(colour)


def _label_every_category(chart) -> None:
    ax = chart.category_axis._element
    for old in ax.findall(qn("c:tickLblSkip")):
        ax.remove(old)
    skip = ax.makeelement(qn("c:tickLblSkip"), {"val": "1"})
    # Schema order (CT_CatAx): ... lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl, extLst.
    for name in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"):
        anchor = ax.find(qn(name))
        if anchor is not None:
            anchor.addprevious(skip)
            return
    ax.append(skip)


def map_table(spec: ChartSpec, rows: int = MAP_ROWS) -> TableSpec:
    """Return the table that stands for a map on a slide: the countries with the largest values."""
    value = spec.ys[0]
    top = spec.data.sort_values([value, spec.x], ascending=[False, True], kind="stable").head(rows)
    note = f"A map in the dashboard; here the {len(top)} largest of {len(spec.data)} values."
    return TableSpec(
        title=spec.title,
        data=top[[spec.x, *spec.ys]].reset_index(drop=True),
        labels=spec.labels,
        caption=" ".join(filter(None, [spec.caption, note])),
        rows_per_slide=rows,
    )


@dataclass(frozen=True)
class TablePart:
    """One slide of a table: its title, rows [first, end), columns, widths (inches), row heights (EMU), font."""

    title: str
    rows: tuple[int, int]
    columns: list[int]
    widths: list[float]
    heights: list[int]
    pt: float


def table_parts(spec: TableSpec, geo: layout.Geometry, top: int | None = None) -> list[TablePart]:
    """Return the slides of a table: columns split when they do not fit the slide's width (the first column, the
    row labels, on each), rows split where the next would run into the caption or past `rows_per_slide`."""
    df = spec.data
    top = geo.body_top if top is None else top
    header = [str(spec.labels.get(c, c)) for c in df.columns]
    cells = [[cell_text(v) for v in row] for row in df.itertuples(index=False)]
    width_in = geo.inches(geo.width)
    pt = layout.table_font(len(header), min(len(cells), spec.rows_per_slide))
    groups = layout.column_groups(header, cells, width_in, pt)
    caption = spec.caption if len(df) else " ".join(filter(None, [spec.caption, "No rows."]))
    room = geo.body_bottom - top - geo.text_height(caption, geo.width, CAPTION_PT)
    parts: list[tuple[list[int], tuple[int, int], list[float], list[int], int]] = []
    for group in groups:
        h = [header[c] for c in group]
        rows = [[row[c] for c in group] for row in cells]
        widths = layout.column_widths(h, rows, width_in, pt)
        heights = layout.row_heights(geo, rows, widths, pt)
        head = layout.row_heights(geo, [h], widths, pt)[0]
        for first, end in layout.row_chunks(heights, head, room, spec.rows_per_slide):
            parts.append((group, (first, end), widths, [head, *heights[first:end]]))
    n = len(parts)
    return [
        TablePart(spec.title if n == 1 else f"{spec.title} ({i}/{n})", rows, group, widths, heights, pt)
        for i, (group, rows, widths, heights) in enumerate(parts, start=1)
    ]


def _add_table(prs, spec: TableSpec, footer: str, top: int | None = None) -> None:
    geo = _geometry(prs)
    top = geo.body_top if top is None else top
    df = spec.data
    caption = spec.caption if len(df) else " ".join(filter(None, [spec.caption, "No rows."]))
    for part in table_parts(spec, geo, top):
        slide = _new_slide(prs, template.TITLE_ONLY, part.title)
        first, end = part.rows
        chunk = df.iloc[first:end, part.columns]
        height = sum(part.heights)
        shape = slide.shapes.add_table(len(chunk) + 1, len(part.columns), geo.margin, top, geo.width, height)
        table = shape.table
        header = [str(spec.labels.get(c, c)) for c in chunk.columns]
        for c, text in enumerate(header):
            table.cell(0, c).text = text
        for r, row in enumerate(chunk.itertuples(index=False), start=1):
            for c, value in enumerate(row):
                table.cell(r, c).text = cell_text(value)
        for c, w in enumerate(part.widths):
            table.columns[c].width = Inches(w)
        size = Pt(part.pt)
        for row, h in zip(table.rows, part.heights):
            row.height = h
            for cell in row.cells:
                cell.margin_top = cell.margin_bottom = Inches(layout.ROW_PAD_IN / 2)
                for p in cell.text_frame.paragraphs:
                    p._p.get_or_add_endParaRPr().set("sz", str(int(size.pt * 100)))  # empty cells too
                    for run in p.runs:
                        run.font.size = size
        shape.height = sum(part.heights)
        _caption(slide, geo, caption, top + height + int(geo.h * 0.01))
        _footer(slide, geo, footer)


def _add_text(prs, spec: TextSpec, footer: str) -> None:
    geo = _geometry(prs)
    slide = _new_slide(prs, template.TITLE_ONLY, spec.title)
    box = slide.shapes.add_textbox(geo.margin, geo.body_top, geo.width, geo.body_bottom - geo.body_top)
    frame = box.text_frame
    frame.word_wrap = True
    pt = 20 if sum(len(b) for b in spec.bullets) < 900 else 16
    for i, text in enumerate(spec.bullets):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = text
        p.space_after = Pt(6)
        props = p._p.get_or_add_pPr()  # a bullet hanging in the margin (a text box has none of its own)
        props.set("marL", str(int(Pt(pt * 1.2))))
        props.set("indent", str(-int(Pt(pt * 1.2))))
        props.append(props.makeelement(qn("a:buChar"), {"char": "•"}))  # after spcAft (schema order)
        for r in p.runs:
            r.font.size = Pt(pt)
    _footer(slide, geo, footer)


def _add_title(prs, deck: Deck) -> None:
    geo = _geometry(prs)
    slide = _new_slide(prs, template.TITLE, deck.title, size=36)
    title = slide.shapes.title or slide.shapes[-1]
    title.top, title.height = int(geo.h * 0.16), int(geo.h * 0.21)
    filters = "; ".join(f"{k}: {v}" for k, v in deck.filters) or "no filters"
    names = provenance.share_sentence(deck.sources) if len(deck.sources) else "none"
    lines = [deck.subtitle, f"Filters: {filters}", f"Date: {deck.created.isoformat()}", f"Sources: {names}"]
    subtitle = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
    if subtitle is None:
        subtitle = slide.shapes.add_textbox(0, 0, 1, 1)
        subtitle.text_frame.word_wrap = True
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        geo.margin,
        int(geo.h * 0.4),
        geo.width,
        int(geo.h * 0.47),
    )
    subtitle.text_frame.text = "\n".join(filter(None, lines))
    for p in subtitle.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(18)


def sources_by_rows(sources: pd.DataFrame) -> pd.DataFrame:
    """Return the sources summed over tables, most rows first (columns `source`, `rows`)."""
    if not len(sources):
        return pd.DataFrame({"source": [], "rows": []})
    out = sources.groupby("source", as_index=False)["rows"].sum()
    return out.sort_values(["rows", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _sources_table(sources: pd.DataFrame, source_files: dict[str, str], built_at: str) -> TableSpec:
    by_source = sources_by_rows(sources)
    meaning = {"public": "real public data bundled with the dashboard", "import": "real: a file imported by a user",
               "seed": "real: a fact stated in an OHCHR or UNDG document", "reference": "real: curated reference data",
               "demo": "generated illustrative data, not real"}  # fmt: skip
    table = pd.DataFrame(
        {
            "name": [provenance.label(s, source_files) for s in by_source["source"]],
            "rows": [f"{int(n):,}" for n in by_source["rows"]],  # "91,353", as the page's sources table
            "meaning": [meaning[provenance.kind(s)] for s in by_source["source"]],
            "source": by_source["source"],
        }
    )
    return TableSpec(
        title="Sources",
        data=table,
        labels={"name": "Source", "rows": "Rows", "meaning": "Real or demo", "source": "Code"},
        caption=f"Database built {built_at}." if built_at else "",
    )


def _sources_top(geo: layout.Geometry, sources: pd.DataFrame) -> int:
    # The demo share goes at the top of the first sources slide, where nobody can miss it; the table below it.
    return geo.body_top + geo.text_height(demo_sentence(sources), geo.width, 16)


def sources_slides(
    sources: pd.DataFrame,
    source_files: dict[str, str] | None = None,
    built_at: str = "",
    geo: layout.Geometry | None = None,
) -> int:
    """Return how many slides the sources table of a deck takes (it continues over slides when long)."""
    geo = geo or layout.Geometry(int(WIDTH), int(HEIGHT))
    spec = _sources_table(sources, dict(source_files or {}), built_at)
    return len(table_parts(spec, geo, _sources_top(geo, sources)))


def _add_sources(prs, deck: Deck) -> None:
    geo = _geometry(prs)
    start = len(prs.slides)
    _add_table(prs, _sources_table(deck.sources, deck.source_files, deck.built_at), "",
               top=_sources_top(geo, deck.sources))  # fmt: skip
    _text_box(prs.slides[start], geo, demo_sentence(deck.sources), geo.body_top, 16, bold=True)


def footer(deck: Deck) -> str:
    """Return the deck's source and demo line (every slide that shows data carries it)."""
    return layout.footer_sentence(deck.sources, deck.source_files)


def build(deck: Deck, template_bytes: bytes | None = None) -> bytes:
    """Return the .pptx bytes of a deck: title, its items in order, sources; on an organisation's template (the
    bytes of a .pptx or .potx: its layouts, theme, fonts and slide size) when one is given (or the deck has one)."""
    given = template_bytes if template_bytes is not None else deck.template
    prs = template.presentation(given) if given else template.default()
    line = footer(deck)
    _add_title(prs, deck)
    for item in deck.items:
        if isinstance(item, ChartSpec):
            if item.kind == "map":
                _add_table(prs, map_table(item), line)
            else:
                _add_chart(prs, item, line)
        elif isinstance(item, TableSpec):
            _add_table(prs, item, line)
        else:
            _add_text(prs, item, line)
    _add_sources(prs, deck)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def item_slides(item: Item, geo: layout.Geometry | None = None) -> int:
    """Return how many slides `build` makes for one item (a table split over rows or columns: several)."""
    geo = geo or layout.Geometry(int(WIDTH), int(HEIGHT))
    if isinstance(item, ChartSpec) and item.kind == "map":
        item = map_table(item)
    if isinstance(item, TableSpec):
        return len(table_parts(item, geo))
    return 1


def slide_count(
    items: Iterable[Item],
    geo: layout.Geometry | None = None,
    sources: pd.DataFrame | None = None,
    source_files: dict[str, str] | None = None,
    built_at: str = "",
) -> int:
    """Return how many slides `build` makes for these items: the title slide, the items' slides and the sources
    (one slide, or as many as the deck's `sources` table takes when given)."""
    tail = 1 if sources is None else sources_slides(sources, source_files, built_at, geo)
    return 1 + sum(item_slides(item, geo) for item in items) + tail
