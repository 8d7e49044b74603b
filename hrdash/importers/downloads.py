"""The whole database for download: the DuckDB file itself, or a zip of one Parquet file per table."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import duckdb

from . import dictionary
from .validate import q


def duckdb_file(path: Path) -> bytes:
    """Return the bytes of the database file (read while no import writes it: the caller holds the gate)."""
    return Path(path).read_bytes()


def parquet_zip(con: duckdb.DuckDBPyConnection) -> bytes:
    """Return a zip with one Parquet file per table, the data dictionary as CSV and a README."""
    cols, constraints = dictionary.frames(con)
    names = list(dict.fromkeys(cols["table_name"]))
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for table in names:
            path = Path(tmp) / f"{table}.parquet"
            with con.cursor() as cur:
                cur.execute(f"copy (select * from {q(table)}) to '{path}' (format parquet)")
            zf.write(path, f"{table}.parquet")
        zf.writestr("data_dictionary.csv", dictionary.columns(cols, constraints).to_csv(index=False))
        info = dict(con.execute("select key, value from build_info").fetchall())
        zf.writestr(
            "README.txt",
            "Human Rights Mechanisms Dashboard: every table of the database as Parquet.\n"
            "Each row's `source` says where it comes from: reference, seed:NNN, demo (generated, NOT real) or "
            "import:<sha256 prefix> (a file a user loaded; see import_log.parquet).\n"
            f"Build: {json.dumps(info, sort_keys=True)}\n",
        )
    return out.getvalue()
