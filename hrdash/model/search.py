"""Full-text search of recommendation texts: what the search box means, as the SQL parameters it becomes.

Every term must occur in the text, in any order, case-insensitive. A term is a word, or a phrase in
double quotes ("death penalty"). Terms go to SQL as a bound list and are tested with contains(), so
quotes, `%`, `_` and SQL keywords are plain characters to look for, never syntax.
"""

from __future__ import annotations

import re

MAX_TERMS = 8  # the search tests this many terms (the table macro upr_search_matches, hrdash/db/schema.sql)
_TERM = re.compile(r'["“”]([^"“”]+)["“”]|(\S+)')


def terms(box: str | None) -> list[str]:
    """Return the lower-case search terms of the search box, without repeats, in order (at most MAX_TERMS)."""
    found: list[str] = []
    for phrase, word in _TERM.findall(box or ""):
        term = " ".join((phrase or word).split()).lower()
        if term and term not in found:
            found.append(term)
    return found[:MAX_TERMS]


def dropped(box: str | None) -> int:
    """Return how many terms of the search box are beyond MAX_TERMS and so not searched for."""
    unique = {" ".join((p or w).split()).lower() for p, w in _TERM.findall(box or "")} - {""}
    return max(0, len(unique) - MAX_TERMS)


def matches(text: str, words: list[str]) -> bool:
    """Return True if `text` contains every term (the SQL rule, for tests and small in-memory checks)."""
    low = text.lower()
    return all(w in low for w in words)


def pages(total: int, page_size: int) -> int:
    """Return how many pages `total` rows fill at `page_size` rows a page (at least 1)."""
    return max(1, -(-total // page_size))
