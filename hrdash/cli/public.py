"""`python -m hrdash derive-public --realdata DIR`: write the bundled public facts (data/public)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import PUBLIC
from ..public.derive import DeriveError, derive


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the derive-public command's arguments to its sub-parser."""
    p.add_argument("--realdata", type=Path, required=True, help="folder of the real public files (../shared/realdata)")
    p.add_argument("--out", type=Path, default=PUBLIC, help=f"output folder (default {PUBLIC})")


def main(args: argparse.Namespace) -> int:
    """Derive the public facts from the official files; return the exit status (1: a file is missing or wrong)."""
    try:
        derive(args.realdata, args.out, progress=lambda m: print(m, flush=True))
    except DeriveError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0
