"""Shared helpers of the demo generator: seeded random streams and date sampling."""

from __future__ import annotations

import zlib
from datetime import date

import numpy as np
import pandas as pd

SEED = 20140101  # one seed for the whole demo dataset; change it and every table changes
# The years the dashboard covers: the first UPR session (2008) to the latest year of the public data (the UPR
# calendar and the Treaty Collection status, 2026; tests/queries/test_demo.py keeps them equal).
FIRST_YEAR, LAST_YEAR = 2008, 2026
DEMO = "demo"


def rng(stream: str) -> np.random.Generator:
    """Return an independent, reproducible random stream for one part of the generator."""
    return np.random.Generator(np.random.PCG64([SEED, zlib.crc32(stream.encode())]))


def day(d: date | str) -> np.datetime64:
    """Return a date as numpy day."""
    return np.datetime64(str(d), "D")


def days_between(r: np.random.Generator, lo, hi, n: int | None = None) -> np.ndarray:
    """Return n uniform dates in [lo, hi] (numpy datetime64[D]); lo/hi may be arrays."""
    lo = np.asarray(lo, dtype="datetime64[D]")
    hi = np.asarray(hi, dtype="datetime64[D]")
    span = (hi - lo).astype(int) + 1
    size = n if n is not None else np.broadcast(lo, hi).shape
    return lo + (r.random(size) * span).astype(int)


def is_party(consent, denounced, on) -> np.ndarray:
    """Return whether a State is a party on `on`: consented on or before it and not denounced by then (arrays)."""
    consent = np.asarray(consent, dtype="datetime64[D]")
    denounced = np.asarray(denounced, dtype="datetime64[D]")
    on = np.asarray(on, dtype="datetime64[D]")
    return (consent <= on) & (np.isnat(denounced) | (denounced > on))


def year_start(y) -> np.ndarray:
    return (np.asarray(y) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def year_end(y) -> np.ndarray:
    return year_start(np.asarray(y) + 1) - np.timedelta64(1, "D")


def to_date_series(values) -> pd.Series:
    """Return numpy days (NaT allowed) as a pandas datetime series of dates."""
    return pd.Series(np.asarray(values, dtype="datetime64[D]")).astype("datetime64[s]")


def pick_distinct(r: np.random.Generator, items, k: int, weights=None) -> np.ndarray:
    """Return k distinct items, drawn with the given weights."""
    items = np.asarray(items)
    p = None if weights is None else np.asarray(weights, float) / np.sum(weights)
    return r.choice(items, size=k, replace=False, p=p)


def spread(r: np.random.Generator, n: int, k: int, concentration: float = 1.0) -> np.ndarray:
    """Return k positive counts summing to n (each at least 1), unevenly like real data."""
    if k > n:
        raise ValueError(f"cannot spread {n} items over {k} groups with at least one each")
    extra = r.multinomial(n - k, r.dirichlet(np.full(k, concentration)))
    return extra + 1
