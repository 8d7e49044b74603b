"""The two filter settings of the Special Procedures and UPR page tests, and their SQL helpers.

Each setting is (URL parameters, the same filters as SQL values): no filter, and Africa 2010–2013.
"""

from __future__ import annotations

SETTINGS = {
    "all": ({}, {"region": None, "year_from": 2008, "year_to": 2026}),
    "africa": (
        {"region": "Africa", "year_from": "2010", "year_to": "2013"},
        {"region": "Africa", "year_from": 2010, "year_to": 2013},
    ),
}
# The region filter of the tests' own SQL: bind the region twice (positional parameters).
REGION = "(?::varchar is null or c.ohchr_region = ?)"


def sql(con, text: str, *params) -> list[tuple]:
    """Return the rows of `text` run with positional `params`."""
    return con.execute(text, list(params)).fetchall()
