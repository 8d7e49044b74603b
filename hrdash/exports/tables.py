"""Table exports: CSV and Excel streamed from DuckDB (or written from a frame a page shows), safe against formula
injection.

A spreadsheet evaluates a cell that starts with = + - @ (or tab / carriage return) as a
formula. CSV cells like that get a leading apostrophe (OWASP's advice); Excel cells are
written as strings with Excel's "quote prefix", so Excel and LibreOffice show them as text.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import xlsxwriter

from hrdash.model import provenance

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
BATCH_ROWS = 50_000
EXCEL_MAX_ROWS = 1_048_575  # one header row + this many data rows per sheet


def is_dangerous(value: Any) -> bool:
    """Return True if a spreadsheet would try to evaluate this cell."""
    return isinstance(value, str) and value.startswith(DANGEROUS_START)


def csv_safe(value: Any) -> Any:
    """Return the value with a leading apostrophe if a spreadsheet would evaluate it."""
    return "'" + value if is_dangerous(value) else value


@dataclass
class ExportInfo:
    """What the About sheet says: where the table comes from and under which filters."""

    page: str
    table: str
    filters: list[tuple[str, str]]
    build_date: str
    exported_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    source_files: dict[str, str] = field(default_factory=dict)  # import source -> file name, to name it


Batches = Iterable[pa.RecordBatch]


def _batches(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> Iterator[pa.RecordBatch]:
    with con.cursor() as cur:
        reader = cur.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
        yield from reader


def frame_batches(df: pd.DataFrame) -> list[pa.RecordBatch]:
    """Return a frame as record batches typed as DuckDB gave them: date columns as dates again.

    A query's DATE arrives in pandas as a datetime at midnight; written as such it would read
    "2015-03-01 00:00:00" where the query's own export writes "2015-03-01".
    """
    columns = {}
    for name in df.columns:
        values = df[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            known = values.dropna()
            if (known == known.dt.normalize()).all():
                values = values.dt.date.astype(object).where(values.notna(), None)
        columns[name] = values
    return pa.Table.from_pandas(pd.DataFrame(columns), preserve_index=False).to_batches(BATCH_ROWS)


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return "; ".join(map(str, v))
    return v


def _write_csv(batches: Batches, labels: dict[str, str], out: io.TextIOBase) -> Counter:
    """Write the rows as CSV into `out` (human headers); return row counts per source."""
    sources: Counter = Counter()
    writer = csv.writer(out)
    header_written = False
    for batch in batches:
        names = batch.schema.names
        if not header_written:
            writer.writerow([labels.get(n, n) for n in names])
            header_written = True
        cols = batch.to_pydict()
        if "source" in cols:
            sources.update(cols["source"])
        for row in zip(*(cols[n] for n in names)):
            writer.writerow([csv_safe(_cell(v)) for v in row])
    return sources


def csv_bytes(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any], labels: dict[str, str]) -> bytes:
    """Return the query result as UTF-8 CSV (with BOM, so Excel reads accents right)."""
    return _csv_bytes(_batches(con, sql, params), labels)


def frame_csv_bytes(df: pd.DataFrame, labels: dict[str, str]) -> bytes:
    """Return a frame as UTF-8 CSV, written as `csv_bytes` writes a query's result."""
    return _csv_bytes(frame_batches(df), labels)


def _csv_bytes(batches: Batches, labels: dict[str, str]) -> bytes:
    # Encoded as it is written, into a temporary file: memory holds the bytes once, not a str as well.
    with tempfile.TemporaryFile() as tmp:
        text = io.TextIOWrapper(tmp, encoding="utf-8-sig", newline="")
        _write_csv(batches, labels, text)
        text.flush()
        tmp.seek(0)
        data = tmp.read()
        text.detach()
        return data


def _about_rows(info: ExportInfo, sources: Counter, rows: int) -> list[tuple[str, str]]:
    out = [("Page", info.page), ("Table", info.table), ("Rows", f"{rows:,}")]
    out += [(f"Filter: {k}", v) for k, v in (info.filters or [("(none)", "all data")])]
    for source, n in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0])):
        note = {"demo": ", generated illustrative data, not real", "public": ", real public data bundled with the "
                "dashboard"}.get(provenance.kind(source), ", real")  # fmt: skip
        out.append((f"Source: {provenance.label(source, info.source_files)}", f"{n:,} rows ({source}{note})"))
    if sources:
        demo = sum(n for s, n in sources.items() if s == "demo")
        out.append(("Real or demo", f"{rows - demo:,} real rows, {demo:,} demo rows" if rows else "no rows"))
    out += [("Database built", info.build_date), ("Exported at (UTC)", info.exported_at)]
    return out


def xlsx_bytes(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: dict[str, Any],
    labels: dict[str, str],
    info: ExportInfo,
    sheet_rows: int = EXCEL_MAX_ROWS,
) -> bytes:
    """Return the query result as an .xlsx workbook: data sheets and an "About" sheet.

    A sheet holds at most `sheet_rows` data rows (Excel's limit by default); more rows continue on
    "Data 2", "Data 3"..., each with the header row, and the About sheet says so.
    """
    return _xlsx_bytes(_batches(con, sql, params), labels, info, sheet_rows)


def frame_xlsx_bytes(df: pd.DataFrame, labels: dict[str, str], info: ExportInfo) -> bytes:
    """Return a frame as an .xlsx workbook, written as `xlsx_bytes` writes a query's result."""
    return _xlsx_bytes(frame_batches(df), labels, info, EXCEL_MAX_ROWS)


def _xlsx_bytes(batches: Batches, labels: dict[str, str], info: ExportInfo, sheet_rows: int) -> bytes:
    with tempfile.TemporaryFile() as tmp:
        # constant_memory streams rows to disk; strings are never turned into formulas or links.
        wb = xlsxwriter.Workbook(
            tmp,
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
             "strings_to_numbers": False, "remove_timezone": True},
        )  # fmt: skip
        bold = wb.add_format({"bold": True})
        as_text = wb.add_format({"quote_prefix": True})
        dates = wb.add_format({"num_format": "yyyy-mm-dd"})
        sheets = [wb.add_worksheet("Data")]
        sources: Counter = Counter()
        header: list[str] = []
        rows = r = 0  # rows written in all, and the next row of the current sheet
        for batch in batches:
            names = batch.schema.names
            if not header:
                header = [labels.get(n, n) for n in names]
                sheets[0].write_row(0, 0, header, bold)
                r = 1
            cols = batch.to_pydict()
            if "source" in cols:
                sources.update(cols["source"])
            for row in zip(*(cols[n] for n in names)):
                if r > sheet_rows:  # constant_memory: a sheet must be complete before the next is written
                    sheets.append(wb.add_worksheet(f"Data {len(sheets) + 1}"))
                    sheets[-1].write_row(0, 0, header, bold)
                    r = 1
                for c, v in enumerate(row):
                    _write_cell(sheets[-1], r, c, _cell(v), as_text, dates)
                r += 1
                rows += 1
        about = wb.add_worksheet("About")
        about.write_row(0, 0, ["Item", "Value"], bold)
        about_rows = _about_rows(info, sources, rows)
        if len(sheets) > 1:
            split = f"{len(sheets)} data sheets of at most {sheet_rows:,} rows each"
            about_rows.insert(3, ("Sheets", split))
        for i, (k, v) in enumerate(about_rows, start=1):
            about.write_string(i, 0, k)
            about.write_string(i, 1, v, as_text if is_dangerous(v) else None)
        wb.close()
        tmp.seek(0)
        return tmp.read()


def _write_cell(sheet, r: int, c: int, v: Any, as_text, dates) -> None:
    if v is None:
        return
    if isinstance(v, str):
        sheet.write_string(r, c, v, as_text if is_dangerous(v) else None)
    elif isinstance(v, bool):
        sheet.write_boolean(r, c, v)
    elif isinstance(v, int | float):
        sheet.write_number(r, c, v)
    elif hasattr(v, "year"):
        sheet.write_datetime(r, c, v, dates)
    else:
        sheet.write_string(r, c, str(v))
