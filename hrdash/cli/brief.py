"""`python -m hrdash brief --country X | --targets EA`: write country briefs as PowerPoint decks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ..exports import template
from ..profile.brief import country_deck, resolve, target_countries, write_briefs
from .database import built


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of `python -m hrdash brief` to its subparser."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--country", help="ISO3 code or name of the country (one deck)")
    which.add_argument("--targets", metavar="EA", help="an EA code, e.g. EA6: one deck per target country of seed 004")
    parser.add_argument(
        "--out",
        type=Path,
        help="a .pptx file or a directory (one country; default ./ISO3.pptx), a directory (--targets)",
    )
    parser.add_argument(
        "--db", type=Path, default=None, help="database file (default $HRDASH_DB or data/hrdash.duckdb)"
    )
    parser.add_argument("--from", dest="year_from", type=int, help="first year (default: the data's first)")
    parser.add_argument("--to", dest="year_to", type=int, help="last year (default: the data's last)")
    parser.add_argument(
        "--template", type=Path, default=None,
        help="an organisation's PowerPoint template (.pptx or .potx): its slide layouts, theme, fonts and size",
    )  # fmt: skip


def read_template(path: Path | None) -> bytes | None:
    """Return the bytes of a slide template (None without one); raise ValueError if it is missing or not one."""
    if path is None:
        return None
    if not path.is_file():
        raise ValueError(f"no slide template at {path}")
    data = path.read_bytes()
    try:
        template.check(data)
    except template.TemplateError as e:
        raise ValueError(f"{path}: {e}") from None
    return data


def main(args: argparse.Namespace) -> int:
    """Run `python -m hrdash brief`: write one country's deck, or one per target country of an EA."""
    if (path := built(args.db)) is None:
        return 2
    with duckdb.connect(str(path), read_only=True) as con:
        try:
            layout = read_template(args.template)
            if args.country:
                iso3 = resolve(con, args.country)
                out = args.out or Path(f"{iso3}.pptx")
                out = out / f"{iso3}.pptx" if out.is_dir() or out.suffix.lower() != ".pptx" else out
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(country_deck(con, iso3, args.year_from, args.year_to, layout))
                print(f"{iso3} → {out}")
            else:
                if args.out is None:
                    print("error: --targets needs --out DIR", file=sys.stderr)
                    return 2
                countries = target_countries(con, args.targets)
                print(f"{len(countries)} target countries of {args.targets.upper()} → {args.out}", flush=True)
                write_briefs(
                    con, countries, args.out, lambda m: print(m, flush=True), args.year_from, args.year_to, layout
                )
        except ValueError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    return 0
