"""`python -m hrdash update [--only untc,uhri] [--from-dir DIR] [--db PATH] [--untc-base-url URL] [--uhri-url URL]`.

Downloads the Treaty Collection status page of each of the 18 instruments and the UHRI full export (or reads
the pages and exports saved in DIR) and imports each file in its own transaction, printing progress per file
and a summary. Exit status: 0 if every file was loaded or had nothing new, 1 if any failed or could not be
used, 2 for a usage error, 3 if another process (the app) holds the database.
"""

from __future__ import annotations

import argparse
import os
from contextlib import nullcontext
from pathlib import Path

from ..db import build, query
from ..db.connect import Locked
from ..importers import access, driver, store
from ..paths import default_db
from ..update import outcome, run, settings, sources


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the update command's arguments to its sub-parser."""
    p.add_argument(
        "--only",
        default=None,
        metavar="SOURCES",
        help="comma-separated: untc, uhri and/or instrument codes such as CCPR,CAT (default: all)",
    )
    p.add_argument(
        "--from-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="import the status pages (.html) and UHRI exports (.xlsx) saved in DIR; download nothing",
    )
    p.add_argument("--db", type=Path, default=None, help=f"database file (default {default_db()})")
    p.add_argument(
        "--untc-base-url",
        default=None,
        metavar="URL",
        help=f"UN Treaty Collection (default $HRDASH_UNTC_BASE_URL, secrets, {settings.UNTC_BASE_URL})",
    )
    p.add_argument(
        "--uhri-url",
        default=None,
        metavar="URL",
        help=f"UHRI full export (default $HRDASH_UHRI_URL, secrets, {settings.UHRI_URL})",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="S",
        help=f"seconds to wait for the server's next bytes (default {settings.READ_TIMEOUT_S:g})",
    )
    p.add_argument(
        "--connect-timeout",
        type=float,
        default=None,
        metavar="S",
        help=f"seconds to wait for a connection (default {settings.CONNECT_TIMEOUT_S:g})",
    )
    p.add_argument("--max-size-mb", type=float, default=None, help="size limit of one file (default: the import's)")
    p.add_argument("--skip-bad-rows", action="store_true", help="load the good rows of a file, list the bad ones")
    p.add_argument(
        "--save-to",
        type=Path,
        default=None,
        metavar="DIR",
        help="also keep the downloaded files in DIR (to carry them to an office without access)",
    )


def resolve(args: argparse.Namespace, environ: dict[str, str] | None = None) -> settings.Settings:
    """Return the settings of this run: options, else environment, else secrets.toml, else defaults."""
    environ = dict(os.environ if environ is None else environ)
    secrets = settings.read_secrets(settings.secrets_file())
    max_mb = args.max_size_mb
    if max_mb is None:
        env = environ.get("HRDASH_MAX_IMPORT_MB")
        try:
            max_mb = float(env) if env else access.max_import_mb(secrets) or 50.0
        except ValueError as e:
            raise settings.SettingsError(f"the size limit must be a number of MB ({e})") from e
    overrides = {
        "untc_base_url": args.untc_base_url,
        "uhri_url": args.uhri_url,
        "read_timeout": args.timeout,
        "connect_timeout": args.connect_timeout,
    }
    return settings.resolve(overrides, environ=environ, secrets=secrets, max_mb=max_mb)


def _print_step(step: outcome.Step) -> None:
    if step.outcome is None:
        print(f"[{step.index}/{step.total}] {step.name}: {step.text}", flush=True)
    else:
        print(f"  → {step.text}", flush=True)


def main(args: argparse.Namespace) -> int:
    """Run the update command; return the exit status."""
    try:
        s = resolve(args)
    except settings.SettingsError as e:
        print(f"error: {e}", flush=True)
        return 2
    if args.from_dir is not None and not args.from_dir.is_dir():
        print(f"error: --from-dir {args.from_dir}: no such folder", flush=True)
        return 2
    if args.from_dir is not None and args.save_to is not None:
        print("error: --save-to keeps downloaded files; with --from-dir nothing is downloaded", flush=True)
        return 2
    path = Path(args.db or default_db())
    try:
        build.ensure_built(path, progress=lambda m: print(m, flush=True))
        with driver.writing(path) as con:
            instruments = query.run(con, "untc_status_pages")
            try:
                kinds, codes = sources.parse_only(args.only, instruments)
            except ValueError as e:
                print(f"error: {e}", flush=True)
                return 2
            database = run.Database(
                store.store_dir(path), lambda: nullcontext(con), lambda: nullcontext(con), driver.who()
            )
            if args.from_dir is not None:
                print(f"Importing the status pages and UHRI exports saved in {args.from_dir} into {path}", flush=True)
                outcomes = run.from_dir(
                    args.from_dir,
                    database,
                    s,
                    _print_step,
                    kinds=kinds,
                    codes=codes,
                    skip_bad_rows=args.skip_bad_rows,
                )
            else:
                targets = sources.targets(instruments, s, kinds, codes)
                print(_plan_text(targets, s, path), flush=True)
                outcomes = run.refresh(
                    targets, database, s, _print_step, skip_bad_rows=args.skip_bad_rows, save_to=args.save_to
                )
    except Locked as e:
        print(f"error: {e}", flush=True)
        return 3
    print(f"\nSummary — {outcome.headline(outcomes)}", flush=True)
    print("\n".join(outcome.lines(outcomes)), flush=True)
    return outcome.exit_status(outcomes)


def _plan_text(targets: list[sources.Target], s: settings.Settings, db: Path) -> str:
    pages = sum(t.kind == "untc" for t in targets)
    what = []
    if pages:
        what.append(f"{pages} UN Treaty Collection status page(s) from {s.untc_base_url}")
    if any(t.kind == "uhri" for t in targets):
        what.append(f"the UHRI export {s.uhri_url}")
    return (
        f"Updating {db} from {' and '.join(what)} (timeouts: {s.connect_timeout:g} s to connect, "
        f"{s.read_timeout:g} s to read; at most {s.max_mb:g} MB a file)"
    )
