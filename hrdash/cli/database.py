"""`python -m hrdash build|stats|demo`: build the database, print its figures, write the demo tables as CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from .. import demo
from ..db import build, reference
from ..db.connect import Locked
from ..db.stats import stats
from ..paths import default_db


def add_build(p: argparse.ArgumentParser) -> None:
    """Add the build command's arguments to its sub-parser."""
    p.add_argument("--scale", type=int, default=1, help="multiply recommendations and communications (default 1)")
    p.add_argument("--db", type=Path, default=None, help=f"database file (default {default_db()})")


def add_stats(p: argparse.ArgumentParser) -> None:
    """Add the stats command's arguments to its sub-parser."""
    p.add_argument("--json", action="store_true", help="print JSON (the only format)")
    p.add_argument("--db", type=Path, default=None)


def add_demo(p: argparse.ArgumentParser) -> None:
    """Add the demo command's arguments to its sub-parser."""
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--scale", type=int, default=1)


def run_build(args: argparse.Namespace) -> int:
    """Build the database; return the exit status (3: another process holds it)."""
    try:
        build.build(args.db, scale=args.scale, progress=lambda m: print(m, flush=True))
    except Locked as e:
        print(f"error: {e}", flush=True)
        return 3
    return 0


def built(db: Path | None) -> Path | None:
    """Return the database file a reading command uses, or None after saying on stderr that it must be built first."""
    path = Path(db or default_db())
    if not path.exists():
        print(f"error: no database at {path}; run `python -m hrdash build` first", file=sys.stderr)
        return None
    if build.is_stale(path):  # its schema, macros or reference data are older than this code's
        print(f"error: the database at {path} was built from older sources; run `python -m hrdash build` "
              "(imported files are re-applied)", file=sys.stderr)  # fmt: skip
        return None
    return path


def run_stats(args: argparse.Namespace) -> int:
    """Print the database's row counts by source and seed figures as JSON; return the exit status."""
    if (path := built(args.db)) is None:
        return 2
    with duckdb.connect(str(path), read_only=True) as con:
        print(json.dumps(stats(con), indent=2, sort_keys=True))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Write the generated demo tables as CSV files, printing each path; return the exit status."""
    with duckdb.connect() as con:
        reference.load_reference(con, progress=lambda m: None)
        facts = reference.load_public(con, progress=lambda m: None)
        tables = demo.generate(reference.reference_frames(con), facts, scale=args.scale)
    for path in demo.write_csv(tables, args.out):
        print(path)
    return 0
