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
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from hrdash.exports import xlsx
from hrdash.model import provenance

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
BATCH_ROWS = 50_000
EXCEL_MAX_ROWS = 1_048_575  # one header row + this many data rows per sheet
XLSX_COMPRESSION = 1  # zlib level: level 6 makes the file ~15% smaller at twice the time


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
    # rows in view on the page by source: what the About sheet names when the table itself has no source column
    # (a ranking or a count is computed from those rows, real and demo alike)
    view_sources: dict[str, int] = field(default_factory=dict)


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
    elif info.view_sources:  # an aggregate: say what it is computed from
        for source, n in sorted(info.view_sources.items(), key=lambda kv: (-kv[1], kv[0])):
            note = ", generated illustrative data, not real" if provenance.kind(source) == "demo" else ", real"
            out.append((f"Computed from: {provenance.label(source, info.source_files)}",
                        f"{n:,} rows in view ({source}{note})"))  # fmt: skip
        total, demo = sum(info.view_sources.values()), info.view_sources.get("demo", 0)
        out.append(("Real or demo", f"computed from {total - demo:,} real rows and {demo:,} demo rows in view"))
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
    # hrdash.exports.xlsx streams each batch's sheet XML (made by Arrow, not cell by cell) into the zip on disk:
    # memory holds one batch; strings are never formulas or links, dangerous ones carry the quote prefix.
    with tempfile.TemporaryFile() as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=XLSX_COMPRESSION) as zf:
            names: list[str] = []
            sheet: xlsx.SheetWriter | None = None
            header: list[str] = []
            col_widths: list[float] = []
            sources: Counter = Counter()
            rows = 0
            for batch in batches:
                if not header:
                    header = [labels.get(n, n) for n in batch.schema.names]
                    col_widths = xlsx.widths(batch, header)
                if "source" in batch.schema.names:
                    sources.update(batch.column("source").to_pylist())
                while batch.num_rows:
                    if sheet is None or sheet.next_row > sheet_rows + 1:  # the sheet is full (header + rows): the next
                        if sheet is not None:
                            sheet.close()
                        names.append("Data" if not names else f"Data {len(names) + 1}")
                        sheet = xlsx.SheetWriter(zf, f"xl/worksheets/sheet{len(names)}.xml", header, col_widths)
                    room = sheet_rows + 2 - sheet.next_row  # rows 2 … sheet_rows + 1
                    sheet.write_batch(batch.slice(0, room))
                    rows += min(room, batch.num_rows)
                    batch = batch.slice(room)
            if sheet is None:  # no rows at all: an empty Data sheet
                names.append("Data")
                sheet = xlsx.SheetWriter(zf, "xl/worksheets/sheet1.xml", header, col_widths)
            sheet.close()
            about_rows = _about_rows(info, sources, rows)
            if len(names) > 1:
                about_rows.insert(3, ("Sheets", f"{len(names)} data sheets of at most {sheet_rows:,} rows each"))
            names.append("About")
            about = xlsx.SheetWriter(zf, f"xl/worksheets/sheet{len(names)}.xml", ["Item", "Value"], [24, 80])
            about.write_strings(about_rows)
            about.close()
            xlsx.finish(zf, names)
        tmp.seek(0)
        return tmp.read()
