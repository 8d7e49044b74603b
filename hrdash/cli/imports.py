"""`python -m hrdash import [--db PATH] [--format F] [--dry-run] [--skip-bad-rows] FILE...`.

Prints, per file: the detected format, rows read, rows to insert / replace / skip, unresolved
names, warnings and problems. Exit status: 0 if every file was loaded (or is already loaded, or
has nothing to load), 1 if any file was refused, 2 for a wrong option or limit, 3 if another process holds the
database.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from ..db import build, connect
from ..db.connect import Locked
from ..importers import driver, limits, report, store
from ..importers.detect import FORMATS
from ..importers.model import Plan
from ..paths import default_db

SHOWN = 12  # problems listed per kind and file (the Data page offers the full list)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the import command's arguments to its sub-parser."""
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--db", type=Path, default=None, help=f"database file (default {default_db()})")
    p.add_argument("--format", choices=sorted(FORMATS), default=None, help="skip detection: read FILE as this format")
    p.add_argument("--table", default=None, help="canonical files: the table, if the header fits several")
    p.add_argument("--instrument", default=None, help="status tables: the OHCHR code (e.g. CCPR), if not detected")
    p.add_argument("--source-name", default=None, help="logical source: a later import with the same name replaces")
    p.add_argument("--encoding", default=None, help="text encoding, if not detected (utf-8, cp1252, mac_roman)")
    p.add_argument("--country", default=None, help="UPR matrices (.docx): the State under review, if not detected")
    p.add_argument("--session", type=int, default=None, help="UPR matrices (.docx): the UPR session, if not detected")
    p.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    p.add_argument("--skip-bad-rows", action="store_true", help="load the good rows, list the bad ones")
    for name, setting in limits.SETTINGS.items():  # --max-size-mb, --max-rows, ... (README: Security model)
        default = getattr(limits.DEFAULTS, name)
        default = f"{default:,}" if isinstance(default, int) else f"{default:g}"
        p.add_argument(setting.option, dest=f"limit_{name}", type=float, default=None, metavar="N",
                       help=f"limit: {setting.what} (default ${setting.env}, else {setting.key} in "
                       f"secrets.toml, else {default})")  # fmt: skip


def lines(plan: Plan) -> list[str]:
    """Return the lines the CLI prints for one checked file."""
    out = [f"{plan.file_name}:"]
    if plan.format:
        out.append(
            f"  format            {plan.format} — {plan.format_label}" + (f" ({plan.detail})" if plan.detail else "")
        )
        out.append(f"  source            {plan.source_key}" + (f"   encoding {plan.encoding}" if plan.encoding else ""))
        out.append(f"  rows read         {plan.rows_read:,}")
    for t in plan.tables.values():
        out.append(f"  {t.table:<17} {t.insert:,} to insert, {t.replace:,} to replace, "
                   f"{t.public:,} public rows replaced, {t.supersede:,} demo rows superseded")  # fmt: skip
    if plan.restores is not None:
        out.append(f"  restore           {plan.reason}")
    if plan.skip_bad_rows or plan.skipped_rows:
        out.append(f"  to skip           {plan.skipped_rows:,} bad row(s)")
    items = plan.problems.items if plan.problems else []
    unresolved = defaultdict(list)
    for p in items:
        if p.severity == "error" and p.message.startswith("unknown country"):
            unresolved[p.value].append(p.row)
    if unresolved:
        out.append(f"  unresolved names  {len(unresolved)}")
        for name, rows in list(unresolved.items())[:SHOWN]:
            shown = ", ".join(str(r) for r in rows[:5]) + (" …" if len(rows) > 5 else "")
            out.append(f"    {name!r} (row {shown})")
    elif plan.format:
        out.append("  unresolved names  none")
    for severity, title in (("error", "problems"), ("warning", "warnings"), ("notice", "notes")):
        shown = [p for p in items if p.severity == severity]
        count = plan.problems.counts[severity] if plan.problems else 0
        if count:
            out.append(f"  {title} ({count:,}):")
            out += [f"    {p.text()}" for p in shown[:SHOWN]]
            if count > SHOWN:
                out.append(f"    … and {count - SHOWN:,} more")
    return out


def main(args: argparse.Namespace) -> int:
    """Run the import command; return the exit status."""
    path = Path(args.db or default_db())
    root = store.store_dir(path)
    try:
        bounds = limits.configured({name: getattr(args, f"limit_{name}") for name in limits.SETTINGS})
    except limits.LimitError as e:
        print(f"error: {e}", flush=True)
        return 2
    options = dict(fmt=args.format, table=args.table, instrument=args.instrument, source_name=args.source_name,
                   encoding=args.encoding, skip_bad_rows=args.skip_bad_rows, limits=bounds,
                   country=args.country, session=args.session)  # fmt: skip
    refused = False
    if args.dry_run:
        target = connect.connect_reader(path) if path.exists() else None
        if target is None:
            print(f"(no readable database at {path}: rows to replace are not estimated)")
        try:
            for f in args.files:
                plan = driver.check(_read(f), f.name, root, target, **options)
                refused |= plan.refused
                print("\n".join(lines(plan)))
                print(f"  → {_verdict(plan, dry_run=True)}", flush=True)
                driver.discard(plan)
        finally:
            if target is not None:
                target.close()
        return 1 if refused else 0
    try:
        build.ensure_built(path, progress=lambda m: print(m, flush=True))
        with driver.writing(path) as con:
            for f in args.files:
                plan, log = driver.import_file(con, _read(f), f.name, root, driver.who(),
                                               lambda m: print(f"  … {m}", flush=True),
                                               lambda plan: print("\n".join(lines(plan)), flush=True),
                                               **options)  # fmt: skip
                refused |= plan.refused
                if log is not None:
                    print(f"  → {report.loaded_message(plan, log)}", flush=True)
                    continue
                print(f"  → {_verdict(plan, dry_run=False)}", flush=True)
                driver.discard(plan)
    except Locked as e:
        print(f"error: {e}", flush=True)
        return 3
    return 1 if refused else 0


def _read(f: Path) -> bytes:
    if not f.is_file():
        raise SystemExit(f"error: no such file: {f}")
    return f.read_bytes()


def _verdict(plan: Plan, dry_run: bool) -> str:
    if plan.status == "refused":
        return f"REFUSED: {plan.reason}"
    if plan.status in ("already imported", "nothing to load"):
        return plan.reason
    return "dry run: nothing written" if dry_run else "not loaded"
