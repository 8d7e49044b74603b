"""Check a file (read, resolve, validate, stage as Parquet) and load a checked file into the database."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
from pathlib import Path

import duckdb

from . import canonical, csvtext, detect, sniff, store, tabular, templates, uhri, validate, wordtables
from .commit import _against
from .context import Context, scratch_connection
from .limits import Budget, Limits
from .limits import configured as configured_limits
from .model import Plan, Problems, Refused, TablePlan
from .ohchr_dashboard import read_ohchr_dashboard
from .ratification import read_treaty_table, read_untc
from .untc_csv import read_untc_csv
from .upr_calendar import read_calendar
from .upr_files import read_terman, read_upr_info
from .upr_matrix import read_upr_matrix
from .upr_reviews import read_lookup

PREVIEW_ROWS = 20
# Columns the readers keep that the schema does not have (yet): stored with the import, and loaded as
# soon as the table has a column of that name (see the DDL proposed in upr_files.py).
EXTRA_COLUMNS = ("action_category", "kind")
# A CSV and an .xls of the same UPR Info export are one logical source; so are a treaty's tables.
FAMILY = {"upr_info": "upr_info", "untc_status": "ratification", "treaty_table": "ratification",
          "ohchr_ratification": "ratification"}  # fmt: skip
STATUS_FORMATS = ("untc_status", "treaty_table", "ohchr_ratification")  # one instrument's status per file


def source_key(fmt: str, parsed_detail: str, stem: str, source_name: str | None) -> str:
    """Return the logical source of an import: a newer file with the same key replaces this one's rows."""
    if source_name:
        return f"{fmt}:{source_name.strip().lower()}"
    if fmt in STATUS_FORMATS:
        return f"ratification:{parsed_detail}"  # one instrument's status, whichever layout it came in
    if fmt == "upr_matrix":
        return f"upr_matrix:{parsed_detail}"  # one State's review, whatever the file is called
    return f"{FAMILY.get(fmt, fmt)}:{stem}"


def _sheets(kind: str, data: bytes, text: str | None, budget: Budget) -> list[tabular.Sheet]:
    if kind == "xlsx":
        return tabular.xlsx_sheets(data, budget)
    if kind == "xls":
        return tabular.xls_sheets(data, budget)
    if kind == "html":
        return tabular.html_sheets(text or "", budget)
    if kind == "docx":
        return wordtables.docx_sheets(data, budget)
    raise ValueError(kind)


HEAD_ROWS = 30  # rows of a CSV file read to recognise its layout (a big canonical file is then read by DuckDB)


def _decode(ctx: Context, kind: str, data: bytes) -> str:
    text, ctx.encoding = sniff.decode(data, ctx.encoding)  # an encoding the user named, else detected
    if ctx.encoding == sniff.MIXED and kind == "html":
        at = csvtext.UNDECODABLE.search(text)
        line = text.count("\n", 0, at.start()) + 1 if at else 0
        raise Refused(f"line {line:,}: a byte that is not UTF-8, while the rest of the page is UTF-8 (mixed "
                      "encodings): save the whole page as UTF-8, or name its encoding")  # fmt: skip
    return text


def _read(ctx: Context, kind: str, data: bytes, fmt: str | None, table: str | None) -> tuple[str, dict, dict, int]:
    """Return (format, {table: staging}, labels, rows read)."""
    text, sound, budget = None, None, ctx.budget

    def warn(row: int, column: str, value: str, message: str) -> None:
        ctx.problems.add(row, column, value, message, "warning")

    if kind in ("csv", "html"):
        text = _decode(ctx, kind, data)
    if kind == "csv":
        sound = csvtext.well_formed(text)
        sheets = [tabular.Sheet("csv", tabular.csv_rows(text, HEAD_ROWS, budget, sound=sound))]
    else:
        sheets = _sheets(kind, data, text, budget)
    budget.check_time("after reading the file")
    detected, sheet = detect.detect(ctx.con, kind, sheets) if not fmt or kind == "docx" else (fmt, sheets[0])
    ctx.format = detected
    if fmt in detect.HEADER_ROW:  # a format the user named: the sheet that has its header
        sheet = next((s for s in sheets if s.rows and detect.HEADER_ROW[fmt](s.rows) is not None), sheet)
    if detected == "canonical":
        if kind == "csv":
            staged, labels = _canonical_csv(ctx, text or "", data, sound, table, warn)
        else:
            staged, labels = canonical.read_sheets(ctx, sheets, table, templates.example_values)
        rows = sum(ctx.con.execute(f"select count(*) from {s}").fetchone()[0] for s in staged.values())
        return detected, staged, labels, rows
    if kind == "csv":
        sheet = tabular.Sheet("csv", tabular.csv_rows(text or "", None, budget, warn, sound))
    if not sheet.rows:
        raise Refused("empty file: no header and no rows")
    read = detect.rows_read(detected, sheet)
    if read == 0:
        raise Refused("the file has a header but no rows")
    readers = {"treaty_table": read_treaty_table, "untc_status": read_untc, "ohchr_ratification": read_ohchr_dashboard,
               "untc_csv": read_untc_csv}  # fmt: skip
    if detected in readers:
        frames, labels, ctx.instrument = readers[detected](ctx, sheet)
        labels = {"ratification": labels}
    else:
        reader = {"upr_terman": read_terman, "upr_info": read_upr_info, "uhri": uhri.read_uhri,
                  "upr_lookup": read_lookup, "upr_matrix": read_upr_matrix,
                  "upr_calendar": read_calendar}[detected]  # fmt: skip
        frames, labels = reader(ctx, sheet)
        labels = {t: labels for t in frames}
    budget.check_time("after reading the rows")
    return detected, {t: ctx.stage(df) for t, df in frames.items()}, labels, read


LONG_LINE = 1_000_000  # characters: DuckDB reads lines up to 2 MB unless told more


def _canonical_csv(ctx: Context, text: str, data: bytes, sound: bool | None, table: str | None, warn):
    """Read a canonical CSV file with DuckDB, after a strict pass over it where needed (no row kept in memory).

    A file whose quoting is sound, with no NUL, stray byte or very long line, goes straight to DuckDB, which
    then checks its rows, columns and cell sizes in bulk (canonical.check_limits); any other file is first
    read row by row (csvtext.scan), which names the row and column of what is wrong.
    """
    clean = sound and "\x00" not in text and ctx.encoding != sniff.MIXED
    longest = 0
    if not clean or csvtext.longest_line(data) >= LONG_LINE:
        _, longest = csvtext.scan(text, ctx.budget, warn, sound)
    original = ctx.path
    if ctx.encoding != "utf-8" or not sound or re.search(rb"\r(?!\n)", data[:65536]):
        # DuckDB reads UTF-8 with well-formed quotes: give it a clean copy, removed once read
        ctx.path = original.with_name("clean.csv")
        with ctx.path.open("w", encoding="utf-8", newline="") as fh:
            if sound:
                fh.write(text)
            else:
                csv.writer(fh, delimiter=csvtext.delimiter_of(text)).writerows(
                    csvtext.iter_csv(text, ctx.budget, keep_cells=False, sound=sound)
                )
    try:
        return canonical.read_csv(ctx, table, csvtext.delimiter_of(text), longest)
    finally:
        if ctx.path != original:
            ctx.path.unlink(missing_ok=True)
            ctx.path = original


def inspect(
    data: bytes,
    name: str,
    *,
    store_root: Path,
    target: duckdb.DuckDBPyConnection | None = None,
    fmt: str | None = None,
    table: str | None = None,
    instrument: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
    skip_bad_rows: bool = False,
    max_mb: float | None = None,
    country: str | None = None,
    session: int | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Return the plan for one file: format, problems, preview, rows to load; stage accepted rows as Parquet.

    Nothing is written to the database. `target` (a connection to it, read-only is enough) lets the
    plan say how many rows would be replaced or superseded, and whether the file is already loaded. `limits`
    (default limits.configured(): environment, then secrets.toml) bound what reading the file may cost; `max_mb`
    overrides their size limit.
    """
    budget = Budget((limits or configured_limits()).with_max_mb(max_mb))
    sha = hashlib.sha256(data).hexdigest()
    plan = Plan(file_name=os.path.basename(name), sha256=sha, size=len(data), skip_bad_rows=skip_bad_rows)
    plan.problems = problems = Problems(plan.file_name)
    try:
        sniff.check_size(len(data), budget.limits.max_bytes)
        kind = sniff.kind(data, name, budget)
    except Refused as e:
        return _refuse(plan, str(e), e.row, e.column)
    plan.folder = store.staging_folder(store_root, sha)
    plan.original = "original" + (os.path.splitext(name.lower())[1] or ".bin")
    (plan.folder / plan.original).write_bytes(data)
    con = scratch_connection()
    ctx = Context(plan.file_name, plan.folder / plan.original, problems, con, instrument, source_name, encoding,
                  country=country, session=session, budget=budget)  # fmt: skip
    try:
        with budget.interrupting(con):
            plan.format, staged, labels, plan.rows_read = _read(ctx, kind, data, fmt, table)
            plan.format_label = detect.FORMATS.get(plan.format, plan.format)
            plan.encoding, plan.detail = ctx.encoding, ctx.instrument or ctx.detail
            plan.source_key = source_key(plan.format, plan.detail, ctx.stem, source_name)
            _validate(plan, ctx, staged, labels)
    except (Refused, duckdb.Error, ValueError) as e:
        plan.format = plan.format or ctx.format  # refused by the reader of a layout it was recognised as
        plan.format_label = detect.FORMATS.get(plan.format, plan.format)
        return _refuse(plan, str(e).splitlines()[0], getattr(e, "row", None), getattr(e, "column", None))
    except Exception as e:  # noqa: BLE001 - a file that does not fit the layout it was said to have
        return _refuse(plan, f"could not be read as {fmt or plan.format or 'any known format'}: "
                       f"{type(e).__name__} {str(e).splitlines()[0] if str(e) else ''}".strip())  # fmt: skip
    finally:
        con.close()
    if problems.errors and (not skip_bad_rows or problems.file_errors):
        return _refuse(plan, f"{problems.errors:,} problem(s) in the rows; nothing was loaded")
    if not plan.tables or plan.rows == 0:
        check = plan.format == "upr_calendar"  # a calendar is checked, never loaded (see upr_calendar.py)
        plan.status, plan.reason = (
            "nothing to load",
            "a calendar check: nothing to load" if check else "no rows to load",
        )
    if target is not None and plan.status == "ready":
        _against(plan, target, store_root)
    if plan.status != "ready":  # nothing will be loaded from it: no copy is kept
        store.discard(plan.folder)
        plan.folder = None
    return plan


def _validate(plan: Plan, ctx: Context, staged: dict[str, str], labels: dict[str, dict[str, str]]) -> None:
    con, problems = ctx.con, ctx.problems
    for table, staging in staged.items():
        typed = f"{staging}_typed"
        present = {r[0] for r in con.execute(f"describe {staging}").fetchall()}
        have = {c.name for c in validate.columns(con, table)}
        extras = [c for c in EXTRA_COLUMNS if c in present and c not in have]  # kept beside the table's columns
        validate.typed(con, table, staging, extras, plan.tag, typed)
        validate.check(con, table, staging, typed, labels.get(table, {}), problems)
        con.execute(f"drop table {staging}")
        ctx.budget.check_time(f"while checking the rows of {table}")
    problems.finish(con)  # counts the problems found in bulk, creates table bad_rows
    plan.skipped_rows = problems.bad_row_count
    if problems.errors and (not plan.skip_bad_rows or problems.file_errors):
        return  # refused: nothing to stage
    for table, staging in staged.items():
        typed = f"{staging}_typed"
        _formula_warnings(con, typed, table, problems)
        keep = f"select * exclude (_row) from {typed} where _row is null or _row not in (select r from bad_rows)"
        n = con.execute(f"select count(*) from ({keep})").fetchone()[0]
        if n == 0:
            continue
        parquet = f"{table}.parquet"
        con.execute(f"copy ({keep} order by _row nulls last) to '{plan.folder / parquet}' (format parquet)")
        preview = con.execute(f"{keep} order by _row nulls last limit {PREVIEW_ROWS}").df()
        for c in validate.columns(con, table):
            if c.type == "DATE" and c.name in preview:  # shown as dates, not midnight timestamps
                preview[c.name] = preview[c.name].dt.date
        con.execute(f"drop table {typed}")
        cols = [c for c in preview.columns]
        plan.tables[table] = TablePlan(table, n, parquet, cols, preview, insert=n)


def _formula_warnings(con: duckdb.DuckDBPyConnection, typed: str, table: str, problems: Problems) -> None:
    text_cols = [c.name for c in validate.columns(con, table) if c.type == "VARCHAR" and c.name != "source"]
    for col in text_cols:
        rows = con.execute(
            f"select _row, {validate.q(col)} from {typed} where regexp_matches({validate.q(col)}, '^[=+@\\t\\r]') "
            "limit 20"
        ).fetchall()
        for row, value in rows:
            problems.add(row, col, value, "starts like a spreadsheet formula: kept as text, never evaluated; "
                         "exports prefix it with ' so spreadsheets show it as text", "warning")  # fmt: skip


def _refuse(plan: Plan, reason: str, row: int | None = None, column: str | None = None) -> Plan:
    plan.status, plan.reason = "refused", reason
    already = any(p.row == row and p.message == reason for p in plan.problems.items)
    if reason and not already and (not plan.problems.errors or not reason.endswith("nothing was loaded")):
        if row is None:
            plan.problems.file_error(reason)
        else:
            plan.problems.add(row, column, None, reason)
    if plan.folder is not None:
        shutil.rmtree(plan.folder, ignore_errors=True)
        plan.folder = None
    plan.tables = {}
    return plan
