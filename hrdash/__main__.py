"""Command line: `python -m hrdash build|stats|demo|derive-public|brief|import ...`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from . import db, demo
from .importers import cli as importer
from .importers.model import Locked
from .paths import PUBLIC, default_db
from .profile import brief
from .stats import stats
from .update import cli as updater


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hrdash", description="Human Rights Mechanisms Dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the DuckDB database from reference and demo data")
    b.add_argument("--scale", type=int, default=1, help="multiply recommendations and communications (default 1)")
    b.add_argument("--db", type=Path, default=None, help=f"database file (default {default_db()})")
    s = sub.add_parser("stats", help="print row counts by source and the seed figures")
    s.add_argument("--json", action="store_true", help="print JSON (the only format)")
    s.add_argument("--db", type=Path, default=None)
    d = sub.add_parser("demo", help="write the demo tables as CSV files (for inspection)")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--scale", type=int, default=1)
    dp = sub.add_parser("derive-public", help="write the bundled public facts (data/public) from the official files")
    dp.add_argument("--realdata", type=Path, required=True, help="folder of the real public files (../shared/realdata)")
    dp.add_argument("--out", type=Path, default=PUBLIC, help=f"output folder (default {PUBLIC})")
    brief.add_arguments(
        sub.add_parser("brief", help="write country briefs as PowerPoint decks (one, or per EA target)")
    )
    importer.add_arguments(sub.add_parser("import", help="check and load data files (see the Data page for formats)"))
    updater.add_arguments(
        sub.add_parser("update", help="download the official sources (Treaty Collection, UHRI) and import them")
    )
    args = parser.parse_args(argv)
    if args.command == "brief":
        return brief.main(args)
    if args.command == "import":
        return importer.main(args)
    if args.command == "update":
        return updater.main(args)

    if args.command == "build":
        if args.scale < 1:
            parser.error("--scale must be a positive integer")
        try:
            db.build(args.db, scale=args.scale, progress=lambda m: print(m, flush=True))
        except Locked as e:
            print(f"error: {e}", flush=True)
            return 3
    elif args.command == "stats":
        path = args.db or default_db()
        if not Path(path).exists():
            print(f"error: no database at {path}; run `python -m hrdash build` first", file=sys.stderr)
            return 2
        with duckdb.connect(str(path), read_only=True) as con:
            print(json.dumps(stats(con), indent=2, sort_keys=True))
    elif args.command == "derive-public":
        from .public.derive import DeriveError, derive

        try:
            derive(args.realdata, args.out, progress=lambda m: print(m, flush=True))
        except DeriveError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
    elif args.command == "demo":
        with duckdb.connect() as con:
            db.load_reference(con, progress=lambda m: None)
            facts = db.load_public(con, progress=lambda m: None)
            tables = demo.generate(db.reference_frames(con), facts, scale=args.scale)
        for path in demo.write_csv(tables, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
