"""Where things go on a slide: positions relative to the slide size, tables split to fit, the source/demo footer,
a line drawn over bars (a combo chart).

Everything is measured from the presentation's own slide size, so an organisation's template (4:3, 16:9, A4)
gets shapes inside its slides. Table text is measured by an estimate of its width at the font size (average glyph
width ~0.5 em), which is enough to decide how many columns fit, how many lines a cell wraps to and so how tall each
row is: PowerPoint and LibreOffice grow a row whose text wraps, so the heights are set to what the text needs and the
rows are split over slides before they would run into the caption or footer.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..model import provenance

EMU_PER_INCH = 914400
MIN_TABLE_PT, TABLE_PT = 9, 12
CHAR_EM = 0.62  # average glyph width of proportional text (bold headers included), in em, generous
CELL_MARGIN_IN = 0.2  # left + right cell margins (python-pptx's defaults: 0.1 in each)
ROW_PAD_IN = 0.08  # top + bottom margins of a cell as the writer sets them
LINE = 1.2  # line height, in em


@dataclass(frozen=True)
class Geometry:
    """The regions of a slide of width `w` and height `h` (EMU): title, body, caption and footer."""

    w: int
    h: int

    @property
    def margin(self) -> int:
        return int(self.w * 0.045)

    @property
    def width(self) -> int:
        return self.w - 2 * self.margin

    @property
    def title_top(self) -> int:
        return int(self.h * 0.025)

    @property
    def title_height(self) -> int:
        return int(self.h * 0.15)

    @property
    def body_top(self) -> int:
        return int(self.h * 0.19)

    @property
    def footer_height(self) -> int:
        return int(self.h * 0.065)

    @property
    def footer_top(self) -> int:
        return self.h - self.footer_height - int(self.h * 0.01)

    @property
    def body_bottom(self) -> int:
        return self.footer_top - int(self.h * 0.01)

    def inches(self, emu: int) -> float:
        return emu / EMU_PER_INCH

    def text_lines(self, text: str, width: int, pt: float) -> int:
        """Return how many lines `text` wraps to in a box `width` EMU wide at `pt` points (an estimate)."""
        usable = max(self.inches(width) - CELL_MARGIN_IN, 0.3) * 72  # points
        lines = 0
        for part in str(text).split("\n"):
            lines += max(1, math.ceil(len(part) * pt * CHAR_EM / usable))
        return lines

    def text_height(self, text: str, width: int, pt: float) -> int:
        """Return the height (EMU) a text box of `width` needs for `text` at `pt` points, margins included."""
        if not text:
            return 0
        return int(Emu(Pt(self.text_lines(text, width, pt) * pt * LINE)) + 0.12 * EMU_PER_INCH)


def _need(header: str, cells: Sequence[str], pt: float) -> float:
    """Return the width (inches) a column needs at `pt`: its longest header word and its cells up to 30 characters."""
    longest_word = max((len(w) for w in header.split()), default=0)
    chars = max([longest_word, 3, *(min(len(c), 30) for c in cells)])
    return chars * pt * CHAR_EM / 72 + CELL_MARGIN_IN


def column_groups(header: Sequence[str], cells: Sequence[Sequence[str]], width_in: float, pt: float) -> list[list[int]]:
    """Return the columns of each slide of a table too wide for one: the first column (the row labels) on every
    slide, the others in order as many as fit in `width_in` inches at `pt` points."""
    needs = [_need(h, [row[c] for row in cells], pt) for c, h in enumerate(header)]
    if sum(needs) <= width_in or len(header) <= 2:
        return [list(range(len(header)))]
    groups: list[list[int]] = []
    current, used = [0], needs[0]
    for c in range(1, len(header)):
        if used + needs[c] > width_in and len(current) > 1:
            groups.append(current)
            current, used = [0], needs[0]
        current.append(c)
        used += needs[c]
    groups.append(current)
    # As many slides as needed, the columns shared evenly among them (not one full slide and a last of three).
    others = list(range(1, len(header)))
    size = math.ceil(len(others) / len(groups))
    even = [[0, *others[i : i + size]] for i in range(0, len(others), size)]
    fits = all(sum(needs[c] for c in g) <= width_in for g in even)
    return even if fits else groups


def column_widths(header: Sequence[str], cells: Sequence[Sequence[str]], width_in: float, pt: float) -> list[float]:
    """Return the columns' widths (inches, summing to `width_in`): what short columns need, the rest shared among
    the long ones by the length of their text."""
    needs = [_need(h, [row[c] for row in cells], pt) for c, h in enumerate(header)]
    full = [max([len(h), *(len(row[c]) for row in cells)]) for c, h in enumerate(header)]
    if sum(needs) >= width_in:
        return [width_in * n / sum(needs) for n in needs]
    long = [c for c in range(len(header)) if full[c] > 30]
    if not long:
        extra = (width_in - sum(needs)) / len(needs)
        return [n + extra for n in needs]
    spare = width_in - sum(needs)
    weight = sum(min(full[c], 200) for c in long)
    return [n + (spare * min(full[c], 200) / weight if c in long else 0) for c, n in enumerate(needs)]


def table_font(n_columns: int, n_rows: int) -> float:
    """Return the table font size: 12 pt for small tables, smaller for wide or long ones, never below 9 pt."""
    if n_columns <= 6 and n_rows <= 10:
        return TABLE_PT
    return max(MIN_TABLE_PT, 10 if n_columns <= 12 else MIN_TABLE_PT)


def row_heights(geo: Geometry, cells: Sequence[Sequence[str]], widths_in: Sequence[float], pt: float) -> list[int]:
    """Return each row's height (EMU): the most lines any of its cells wraps to."""
    out = []
    for row in cells:
        lines = max(geo.text_lines(t, int(w * EMU_PER_INCH), pt) for t, w in zip(row, widths_in))
        out.append(int(Emu(Pt(lines * pt * LINE)) + ROW_PAD_IN * EMU_PER_INCH))
    return out


def row_chunks(heights: Sequence[int], header: int, room: int, most: int) -> list[tuple[int, int]]:
    """Return (first, end) row ranges that fit in `room` EMU under a header row of height `header`, at most `most`
    rows each (a table without rows: one empty chunk)."""
    chunks, start, used = [], 0, header
    for i, h in enumerate(heights):
        if i > start and (used + h > room or i - start >= most):
            chunks.append((start, i))
            start, used = i, header
        used += h
    chunks.append((start, len(heights)))
    return chunks


def footer_sentence(sources: pd.DataFrame, files: Mapping[str, str] | None = None) -> str:
    """Return the source and demo line of a data slide: the real sources by name (largest first) and whether demo
    rows are in the view, e.g. "Source: UN Treaty Collection, status as of 3 Feb 2026 (real) · Demo: generated
    illustrative data, 31% of the rows"."""
    if not len(sources):
        return "Source: no data rows in this view."
    rows = sources.groupby("source", as_index=False)["rows"].sum()
    rows = rows[rows["rows"] > 0].sort_values(["rows", "source"], ascending=[False, True], kind="stable")
    total = int(rows["rows"].sum())
    real = [s for s in rows["source"] if provenance.kind(s) != "demo"]
    demo = int(rows.loc[rows["source"] == "demo", "rows"].sum())
    names = [provenance.label(s, files).rsplit(" (", 1)[0] + " (real)" for s in real[:3]]
    if len(real) > 3:
        names.append(f"{len(real) - 3} more real source{'s' if len(real) > 4 else ''}")
    parts = [f"Source: {'; '.join(names)}" if names else "Source: no real data in this view"]
    if demo:
        parts.append(f"Demo: generated illustrative data, not real ({round(100 * demo / total)}% of the rows)")
    else:
        parts.append("Demo: none")
    return " · ".join(parts)


def lines_over_bars(chart, line_series: Sequence[int]) -> None:
    """Move the series at `line_series` (indexes) of a bar chart into a line chart on the same axes: a combo chart,
    a reference line (a plan, a target) drawn over the bars as PowerPoint and LibreOffice show it."""
    if not line_series:
        return
    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    bars = plot_area.find(qn("c:barChart"))
    series = bars.findall(qn("c:ser"))
    line = bars.makeelement(qn("c:lineChart"), {})
    line.append(line.makeelement(qn("c:grouping"), {"val": "standard"}))
    line.append(line.makeelement(qn("c:varyColors"), {"val": "0"}))
    for i in line_series:
        ser = series[i]
        bars.remove(ser)
        for name in ("c:invertIfNegative", "c:pictureOptions", "c:shape", "c:dLbls"):
            for old in ser.findall(qn(name)):
                ser.remove(old)
        marker = ser.makeelement(qn("c:marker"), {})
        marker.append(marker.makeelement(qn("c:symbol"), {"val": "none"}))
        anchor = ser.find(qn("c:cat"))
        anchor.addprevious(marker)
        ser.append(ser.makeelement(qn("c:smooth"), {"val": "0"}))
        line.append(ser)
    line.append(line.makeelement(qn("c:marker"), {"val": "1"}))
    for ax in bars.findall(qn("c:axId")):
        line.append(copy.deepcopy(ax))
    bars.addnext(line)
