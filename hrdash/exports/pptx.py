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
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from xlsxwriter import Workbook

from ..figures import colours
from ..model import provenance
from .tables import is_dangerous

PALETTE = [c.lstrip("#") for c in colours.OKABE_ITO]  # the figures' colours, as PowerPoint writes them
HIGHLIGHT = colours.HIGHLIGHT.lstrip("#")
PATTERNS = [MSO_PATTERN.WIDE_UPWARD_DIAGONAL, MSO_PATTERN.SMALL_CONFETTI, MSO_PATTERN.DIAGONAL_BRICK,
            MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL, MSO_PATTERN.SMALL_GRID]  # fmt: skip
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
TABLE_ROWS_PER_SLIDE = 15
MAP_ROWS = 15
KINDS = ("column", "bar", "line", "pie", "map")
_LAYOUT_TITLE, _LAYOUT_CONTENT, _LAYOUT_TITLE_ONLY = 0, 1, 5


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


def _title(slide, text: str, size: int = 24) -> None:
    # The default template is 4:3; place the title for the 16:9 slide (two lines fit).
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = Inches(0.6), Inches(0.2), Inches(12.1), Inches(1.1)
    title.text = text
    for p in title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(size)


def _caption(slide, text: str, top: float = 6.75) -> None:
    if not text:
        return
    box = slide.shapes.add_textbox(Inches(0.6), Inches(top), Inches(12.1), Inches(0.6))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    for p in box.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(12)
            r.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _number_format(spec: ChartSpec) -> str:
    """Return the data-label format: whole numbers or one decimal, zeros left blank (stacked bars stay legible)."""
    values = spec.data[list(spec.ys)].to_numpy(dtype=float, na_value=np.nan).ravel()
    values = values[~pd.isna(values)]
    whole = all(float(v).is_integer() for v in values)
    return "#,##0;-#,##0;" if whole else "#,##0.0;-#,##0.0;"


NO_DATA = "No data for this chart under these filters."


def _add_chart(prs, spec: ChartSpec) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
    _title(slide, spec.title)
    if spec.data.empty:  # PowerPoint charts need at least one category: say so instead
        _caption(slide, " ".join(filter(None, [NO_DATA, spec.caption])), top=1.6)
        return
    frame = slide.shapes.add_chart(
        _chart_type(spec), Inches(0.6), Inches(1.45), Inches(12.1), Inches(5.2), chart_data(spec)
    )
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
        chart.value_axis.tick_labels.number_format = "#,##0"
        chart.value_axis.tick_labels.number_format_is_linked = False
        top = spec.data[list(spec.ys)].sum(axis=1) if spec.stacked else spec.data[list(spec.ys)].max(axis=1)
        if len(top) and top.max() <= 6:
            chart.value_axis.major_unit = 1  # no half reports or half visits on the axis
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
        for i, series in enumerate(plot.series):
            colour = RGBColor.from_string(series_colour(spec, i))
            if spec.kind == "line":
                series.format.line.color.rgb = colour
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
        if spec.kind == "bar":
            chart.category_axis.reverse_order = True  # first row on top, as on the page
            chart.category_axis.crosses = XL_AXIS_CROSSES.MAXIMUM  # and the value axis stays at the bottom
    _caption(slide, spec.caption)


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


def _set_widths(table, header: list[str], cells: list[list[str]], total: float = 12.1) -> None:
    """Give short columns what their text needs and share the rest among long ones by text length."""
    need = []
    for c, h in enumerate(header):
        longest_word = max(map(len, h.split()), default=0)
        need.append(max(longest_word, *(len(row[c]) for row in cells), 3))
    short = {c: 0.11 * n + 0.3 for c, n in enumerate(need) if n <= 14}
    rest = max(total - sum(short.values()), 1.0)
    long_total = sum(min(n, 80) for c, n in enumerate(need) if c not in short) or 1
    for c, n in enumerate(need):
        table.columns[c].width = Inches(short[c] if c in short else rest * min(n, 80) / long_total)


def _add_table(prs, spec: TableSpec, top: float = 1.45) -> None:
    df = spec.data
    chunks = [df.iloc[i : i + spec.rows_per_slide] for i in range(0, max(len(df), 1), spec.rows_per_slide)]
    for n, chunk in enumerate(chunks, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        _title(slide, spec.title if len(chunks) == 1 else f"{spec.title} ({n}/{len(chunks)})")
        n_rows = len(chunk) + 1
        shape = slide.shapes.add_table(
            n_rows, len(df.columns), Inches(0.6), Inches(top), Inches(12.1), Inches(0.3 * n_rows)
        )
        table = shape.table
        header = [spec.labels.get(column, column) for column in df.columns]
        cells = [[cell_text(v) for v in row] for row in chunk.itertuples(index=False)]
        for c, text in enumerate(header):
            table.cell(0, c).text = text
        for r, row in enumerate(cells, start=1):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        _set_widths(table, header, cells)
        size = Pt(12) if len(chunk) <= 10 and len(df.columns) <= 6 else Pt(10)
        for row in table.rows:
            row.height = Inches(0.28)
            for cell in row.cells:
                cell.margin_top = cell.margin_bottom = Inches(0.03)
                for p in cell.text_frame.paragraphs:
                    p._p.get_or_add_endParaRPr().set("sz", str(int(size.pt * 100)))  # empty cells too
                    for run in p.runs:
                        run.font.size = size
        caption = spec.caption if len(df) else " ".join(filter(None, [spec.caption, "No rows."]))
        _caption(slide, caption)


def _add_text(prs, spec: TextSpec) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_CONTENT])
    _title(slide, spec.title)
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(0.6), Inches(1.45), Inches(12.1), Inches(5.6)
    frame = body.text_frame
    frame.word_wrap = True
    for i, text in enumerate(spec.bullets):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = text
        for r in p.runs:
            r.font.size = Pt(20)


def _add_title(prs, deck: Deck) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE])
    _title(slide, deck.title, size=36)
    slide.shapes.title.top, slide.shapes.title.height = Inches(1.2), Inches(1.6)
    sub = slide.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = Inches(0.6), Inches(3.0), Inches(12.1), Inches(3.5)
    filters = "; ".join(f"{k}: {v}" for k, v in deck.filters) or "no filters"
    names = provenance.share_sentence(deck.sources) if len(deck.sources) else "none"
    lines = [deck.subtitle, f"Filters: {filters}", f"Date: {deck.created.isoformat()}", f"Sources: {names}"]
    slide.placeholders[1].text_frame.text = "\n".join(filter(None, lines))
    for p in slide.placeholders[1].text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(18)


def sources_by_rows(sources: pd.DataFrame) -> pd.DataFrame:
    """Return the sources summed over tables, most rows first (columns `source`, `rows`)."""
    if not len(sources):
        return pd.DataFrame({"source": [], "rows": []})
    out = sources.groupby("source", as_index=False)["rows"].sum()
    return out.sort_values(["rows", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _add_sources(prs, deck: Deck) -> None:
    by_source = sources_by_rows(deck.sources)
    meaning = {"public": "real public data bundled with the dashboard", "import": "real: a file imported by a user",
               "seed": "real: a fact stated in an OHCHR or UNDG document", "reference": "real: curated reference data",
               "demo": "generated illustrative data, not real"}  # fmt: skip
    table = pd.DataFrame(
        {
            "name": [provenance.label(s, deck.source_files) for s in by_source["source"]],
            "rows": [f"{int(n):,}" for n in by_source["rows"]],  # "91,353", as the page's sources table
            "meaning": [meaning[provenance.kind(s)] for s in by_source["source"]],
            "source": by_source["source"],
        }
    )
    spec = TableSpec(
        title="Sources",
        data=table,
        labels={"name": "Source", "rows": "Rows", "meaning": "Real or demo", "source": "Code"},
        caption=" ".join(filter(None, [demo_sentence(deck.sources), f"Database built {deck.built_at}."])),
    )
    _add_table(prs, spec, top=2.0)
    # The demo share also goes at the top of the slide, where nobody can miss it.
    slide = prs.slides[len(prs.slides) - 1]
    box = slide.shapes.add_textbox(Inches(0.6), Inches(1.35), Inches(12.1), Inches(0.5))
    box.text_frame.text = demo_sentence(deck.sources)
    for r in box.text_frame.paragraphs[0].runs:
        r.font.size, r.font.bold = Pt(16), True


def build(deck: Deck) -> bytes:
    """Return the .pptx bytes of a deck: title, its items in order, sources."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _add_title(prs, deck)
    for item in deck.items:
        if isinstance(item, ChartSpec):
            if item.kind == "map":
                _add_table(prs, map_table(item))
            else:
                _add_chart(prs, item)
        elif isinstance(item, TableSpec):
            _add_table(prs, item)
        else:
            _add_text(prs, item)
    _add_sources(prs, deck)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def slide_count(items: Iterable[Item]) -> int:
    """Return how many slides `build` makes for these items (title and sources slides included)."""
    n = 2
    for item in items:
        if isinstance(item, ChartSpec) and item.kind == "map":
            item = map_table(item)
        if isinstance(item, TableSpec):
            n += max(1, math.ceil(len(item.data) / item.rows_per_slide))
        else:
            n += 1
    return n
