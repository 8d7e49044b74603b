"""The steps of a presentation: one per slide of the deck that shows data, made from the same items.

A deck's data slides and presentation mode's steps come from one list (`pptx.Item`s, each with the plotly figure
it was made from, if any), so they always agree: a chart is one slide and one step (drawn from its figure); a table
split over several slides (rows or columns, `pptx.table_parts`) is as many steps, each with the same rows and
columns; a slide of key figures is a step of text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import pptx
from . import slide_layout as layout


@dataclass(frozen=True)
class Step:
    """One step: its title (plain text), the figure drawn, else the table shown or the bullet points, a caption."""

    title: str
    figure: Any = None
    table: pd.DataFrame | None = None
    bullets: Sequence[str] = ()
    caption: str = ""


def steps(items: Sequence[tuple[pptx.Item, Any]], geo: layout.Geometry | None = None) -> list[Step]:
    """Return the steps of (item, figure or None) pairs: as many, in the same order, as the deck's data slides."""
    geo = geo or layout.Geometry(int(pptx.WIDTH), int(pptx.HEIGHT))
    out: list[Step] = []
    for item, figure in items:
        if isinstance(item, pptx.TextSpec):
            out.append(Step(item.title, bullets=list(item.bullets)))
        elif isinstance(item, pptx.ChartSpec) and figure is not None:
            out.append(Step(item.title, figure=figure, caption=item.caption))
        else:
            table = pptx.map_table(item) if isinstance(item, pptx.ChartSpec) and item.kind == "map" else item
            if isinstance(table, pptx.ChartSpec):  # a chart without its figure: its numbers
                table = pptx.TableSpec(table.title, table.data, table.labels, table.caption)
            for part in pptx.table_parts(table, geo):
                first, end = part.rows
                rows = table.data.iloc[first:end, part.columns]
                out.append(Step(part.title, table=rows.rename(columns=dict(table.labels)), caption=table.caption))
    return out
