"""The Overview's scorecard: one tile per EA with its headline value, baseline and change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

BASELINE_YEAR = 2013


@dataclass(frozen=True)
class Tile:
    """What one scorecard tile shows."""

    ea_code: str
    indicator: str
    unit: str
    latest_year: int
    latest: float | None
    baseline: float | None

    def _fmt(self, v: float | None) -> str:
        if v is None:
            return "n/a"
        return f"{v:.1f}%" if self.unit == "%" else f"{v:,.0f}"

    @property
    def value_text(self) -> str:
        return self._fmt(self.latest)

    @property
    def baseline_text(self) -> str:
        return self._fmt(self.baseline)

    @property
    def delta_text(self) -> str | None:
        if self.latest is None or self.baseline is None:
            return None
        d = self.latest - self.baseline
        return f"{d:+.1f} pts vs {BASELINE_YEAR}" if self.unit == "%" else f"{d:+,.0f} vs {BASELINE_YEAR}"


def _value(by_year: pd.Series, year: int) -> float | None:
    v = by_year.get(year)
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def tiles(headline: pd.DataFrame, latest_year: int) -> list[Tile]:
    """Return the tiles from `ea_headline_by_year` rows, in the query's EA order."""
    out = []
    for code, rows in headline.groupby("ea_code", sort=False):
        by_year = rows.set_index("year")["value"]
        out.append(
            Tile(
                ea_code=str(code), indicator=rows["indicator"].iloc[0], unit=rows["unit"].iloc[0],
                latest_year=latest_year, latest=_value(by_year, latest_year), baseline=_value(by_year, BASELINE_YEAR),
            )
        )  # fmt: skip
    return out
