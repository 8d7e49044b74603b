"""The Overview's scorecard: one tile per EA with its headline indicator's value, baseline and change.

The headline of an EA is its first indicator (`indicators.HEADLINE`), computed by that indicator's own query
and added up over the selected countries exactly as the Expected accomplishments page does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import indicators
from .filters import Filters


@dataclass(frozen=True)
class Tile:
    """What one scorecard tile shows."""

    progress: indicators.Progress

    @property
    def ea_code(self) -> str:
        return self.progress.indicator.ea

    @property
    def indicator(self) -> str:
        return self.progress.indicator.name

    @property
    def unit(self) -> str:
        return self.progress.indicator.unit

    @property
    def value_text(self) -> str:
        return self.progress.indicator.fmt(self.progress.latest)

    @property
    def baseline_text(self) -> str:
        return self.progress.indicator.fmt(self.progress.baseline)

    @property
    def delta_text(self) -> str | None:
        return self.progress.change_text


def tiles(run: Callable[..., pd.DataFrame], filters: Filters, map_: Callable = map) -> list[Tile]:
    """Return the tiles in EA order, for the last selected year against the baseline.

    `run(query, filters, year_from=, year_to=)` returns a named query's rows for the selected countries (the page
    passes its cached runner, the tests one on a plain connection); `map_` may run the EAs' queries at once.
    """

    def tile(ind: indicators.Indicator) -> Tile:
        year_from, year_to = indicators.query_years(ind, filters.year_from, filters.year_to)
        rows = run(ind.query, filters, year_from=year_from, year_to=year_to)
        return Tile(indicators.progress(ind, indicators.by_year(ind, rows), filters.year_to))

    return list(map_(tile, indicators.HEADLINE))
