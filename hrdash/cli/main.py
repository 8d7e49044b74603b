"""Command line: `python -m hrdash build|stats|demo|derive-public|brief|import|update ...`."""

from __future__ import annotations

import argparse

from . import brief, database, imports, public, update

# (command, help, add its arguments, run it): in the order `--help` lists them.
COMMANDS = [
    ("build", "build the DuckDB database from reference and demo data", database.add_build, database.run_build),
    ("stats", "print row counts by source and the seed figures", database.add_stats, database.run_stats),
    ("demo", "write the demo tables as CSV files (for inspection)", database.add_demo, database.run_demo),
    ("derive-public", "write the bundled public facts (data/public) from the official files", public.add_arguments,
     public.main),
    ("brief", "write country briefs as PowerPoint decks (one, or per EA target)", brief.add_arguments, brief.main),
    ("import", "check and load data files (see the Data page for formats)", imports.add_arguments, imports.main),
    ("update", "download the official sources (Treaty Collection, UHRI) and import them", update.add_arguments,
     update.main),
]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command; return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m hrdash", description="Human Rights Mechanisms Dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text, add_arguments, _ in COMMANDS:
        add_arguments(sub.add_parser(name, help=help_text))
    args = parser.parse_args(argv)
    if args.command == "build" and args.scale < 1:
        parser.error("--scale must be a positive integer")
    run = next(run for name, _, _, run in COMMANDS if name == args.command)
    return run(args)
