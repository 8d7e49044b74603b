"""The global filters every page shares, and their SQL parameters and URL form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import labels
from .text import md

OHCHR_REGIONS = ["Africa", "Americas", "Asia-Pacific", "Europe and Central Asia", "Middle East and North Africa"]
# The URL keys, which are also the SQL parameter names.
KEYS = ("region", "countries", "year_from", "year_to", "target_ea")


@dataclass(frozen=True)
class Filters:
    """What the user selected: countries by region, list or EA target, and a year range."""

    year_from: int
    year_to: int
    region: str | None = None
    countries: tuple[str, ...] = field(default_factory=tuple)
    target_ea: str | None = None

    def __post_init__(self) -> None:
        if self.region is not None and self.region not in OHCHR_REGIONS:
            raise ValueError(f"unknown OHCHR region {self.region!r}")
        if self.year_from > self.year_to:
            raise ValueError(f"year_from {self.year_from} is after year_to {self.year_to}")

    def params(self) -> dict[str, Any]:
        """Return the SQL parameters, named as the URL keys."""
        return {
            "region": self.region,
            "countries": list(self.countries),
            "year_from": self.year_from,
            "year_to": self.year_to,
            "target_ea": self.target_ea,
        }

    def for_query(self, wanted: frozenset[str]) -> dict[str, Any]:
        """Return the subset of the parameters a query takes."""
        return {k: v for k, v in self.params().items() if k in wanted}

    def describe(self) -> list[tuple[str, str]]:
        """Return the active filters in words, for captions and export sheets: countries and EAs by name."""
        out = [("Years", f"{self.year_from}–{self.year_to}")]
        if self.region:
            out.append(("OHCHR region", self.region))
        if self.countries:
            out.append(("Countries", ", ".join(sorted(labels.country(c) for c in self.countries))))
        if self.target_ea:
            out.append(("Only target countries of", labels.ea(self.target_ea)))
        return out

    def caption(self) -> str:
        """Return the filters as one short line of markdown (the values, from the URL, shown as text)."""
        return "; ".join(f"{k}: {md(v)}" for k, v in self.describe())
