"""Real public facts bundled with the project (data/public/): what they are, where they come from, how to name them.

Each table is a CSV with a `.meta.json` beside it (source, address, access date, how it was derived, column
meanings); `datasets.json` names the datasets the rows cite in their `source` column (`public:<dataset>`).
`python -m hrdash derive-public` (hrdash/public/derive.py) writes the CSVs from the official files; the build loads
them after the reference tables (hrdash/db/reference.py). Only facts are bundled — codes, dates, counts, categories —
never a third party's prose (no recommendation or reservation texts).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..paths import PUBLIC

# Load order: the calendar first (the importers and the other tables read it), then the fact tables.
CALENDAR = "upr_session"
FACT_TABLES = ["ratification", "upr_review", "recommendation"]
TABLES = [CALENDAR, *FACT_TABLES]
PREFIX = "public:"


class DeriveError(ValueError):
    """A source file is missing, refused by its reader, or contradicts another source."""


@cache
def datasets() -> dict[str, dict[str, Any]]:
    """Return {source tag: {label, publisher, url, ...}} of the bundled datasets (data/public/datasets.json)."""
    path = PUBLIC / "datasets.json"
    if not path.exists():
        return {}
    return {PREFIX + key: value for key, value in json.loads(path.read_text())["datasets"].items()}


def tag(key: str) -> str:
    """Return the `source` value of a dataset key (`untc-2026-02-03` -> `public:untc-2026-02-03`), checked."""
    source = PREFIX + key
    if source not in datasets():
        raise KeyError(f"dataset {key!r} is not in {PUBLIC / 'datasets.json'}")
    return source
