"""Load an accepted import into the database in one transaction, and re-apply imports after a rebuild.

In one transaction, per import: (1) delete the rows of earlier versions of the same logical
source (`replaces`); (2) per table, delete rows with the same primary key as a new row when they
are demo rows, bundled public rows (`public:…`) or rows of other imports (the newest wins; rows
from seeds or reference data are never replaced: the import is refused); (3) delete the demo and
public rows the new rows cover — same table and country, and where a file covers only part of a
country's rows, the same instrument, mechanism, cycle or body (COVERAGE): imported UPR
recommendations of a State and cycle (one review, one session) supersede the bundled and demo ones
of that State and cycle, so nothing is counted twice; (4) insert; (5) write the import_log row.
Any error rolls everything back; a killed process leaves no trace because nothing is committed.
Re-applied after a rebuild (replay.py), an import replaces the same public and demo rows again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from .canonical import DERIVED_YEARS, IMPORTABLE
from .model import Plan
from .validate import columns, primary_key, q

# What part of a table an imported file covers: its rows' values of these columns (SQL expressions of columns). A
# recommendation of another mechanism than the UPR has no cycle: it covers the country and mechanism.
COVERAGE = {
    "ratification": ["country_iso3", "instrument"],
    "tb_report": ["country_iso3", "instrument"],
    "recommendation": ["country_iso3", "mechanism", "coalesce(cycle, 0)"],
    "upr_review": ["country_iso3", "cycle"],
    "normative_output": ["body"],
}
# Rows of a file that do not cover anything: a voluntary pledge (the State under review recommending to itself) is
# not a recommendation, and must not supersede the recommendations of its State and cycle.
COVERS = {"recommendation": "not coalesce(recommending_states = [country_iso3], false)"}
CURATED = "source <> 'demo' and source not like 'import:%' and source not like 'public:%'"


class Conflict(ValueError):
    """New rows have the key of curated (seed or reference) rows, which an import never replaces."""


def _expr(col: str) -> str:
    return col if "(" in col else q(col)  # a COVERAGE expression (written here, never from a file) or a column


def _tuple(cols: list[str]) -> str:
    return "(" + ", ".join(_expr(c) for c in cols) + ")"


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any], delete: bool, table: str) -> int:
    verb = f"delete from {table}" if delete else f"select count(*) from {table}"
    return int(con.execute(f"{verb} where {sql}", params).fetchone()[0])


def table_counts(
    con: duckdb.DuckDBPyConnection, table: str, parquet: Path, replaces: list[str], delete: bool
) -> dict[str, int]:
    """Return rows replaced (same key, other imports), demo rows superseded and public rows replaced (same key or
    covered); delete them if `delete`."""
    p = {"p": str(parquet)}
    pk = primary_key(con, table)
    new_keys = f"{_tuple(pk)} in (select {', '.join(q(c) for c in pk)} from read_parquet($p))"
    curated = con.execute(f"select count(*) from {table} where {new_keys} and {CURATED}", p).fetchone()[0]
    if curated:
        raise Conflict(
            f"{curated} row(s) of {table} have the key ({', '.join(pk)}) of rows from seed or reference data, which "
            "an import does not replace; give them other ids"
        )
    cov = [c for c in COVERAGE.get(table, ["country_iso3"])]
    covered = (
        f"{_tuple(cov)} in (select distinct {', '.join(_expr(c) for c in cov)} from read_parquet($p) "
        f"where {' and '.join([*(f'{_expr(c)} is not null' for c in cov), COVERS.get(table, 'true')])})"
    )
    supersede = _count(con, f"source = 'demo' and ({new_keys} or {covered})", p, delete, table)
    public = _count(con, f"source like 'public:%' and ({new_keys} or {covered})", p, delete, table)
    others = "source like 'import:%'" + (" and source not in (select unnest($r::varchar[]))" if replaces else "")
    replace = _count(con, f"{others} and {new_keys}", {**p, "r": replaces} if replaces else p, delete, table)
    return {"replace": replace, "supersede": supersede, "public": public}


def prior_rows(con: duckdb.DuckDBPyConnection, replaces: list[str], delete: bool) -> int:
    """Return (and delete, if asked) the rows of earlier versions of this import's source, in every table."""
    if not replaces:
        return 0
    return sum(_count(con, "source in (select unnest($r::varchar[]))", {"r": replaces}, delete, t) for t in IMPORTABLE)


def estimate(con: duckdb.DuckDBPyConnection, plan: Plan) -> None:
    """Fill in the plan's rows to insert / replace / supersede against a database, writing nothing."""
    prior = prior_rows(con, plan.replaces, delete=False)
    for i, (table, tp) in enumerate(plan.tables.items()):
        counts = table_counts(con, table, plan.folder / tp.parquet, plan.replaces, delete=False)
        tp.insert, tp.replace, tp.supersede = tp.rows, counts["replace"] + (prior if i == 0 else 0), counts["supersede"]
        tp.public = counts["public"]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, parquet: Path) -> int:
    """Insert a Parquet file of normalised rows by column name (extra columns load only if the table has them)."""
    have = {c.name for c in columns(con, table)}
    file_cols = [r[0] for r in con.execute("describe select * from read_parquet($p)", {"p": str(parquet)}).fetchall()]
    cols = [c for c in file_cols if c in have]
    exprs = [q(c) for c in cols]
    for col, src in DERIVED_YEARS.get(table, {}).items():  # stored before the table had the column
        if col in have and col not in file_cols and src in file_cols:
            cols.append(col)
            exprs.append(f"year({q(src)})")
    names = ", ".join(q(c) for c in cols)
    return int(
        con.execute(
            f"insert into {table} ({names}) select {', '.join(exprs)} from read_parquet($p)", {"p": str(parquet)}
        ).fetchone()[0]
    )


def apply(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    manifest: dict[str, Any],
    *,
    imported_by: str = "",
    log: dict[str, Any] | None = None,
    progress=lambda m: None,
    restore: bool = False,
) -> dict[str, Any]:
    """Load an import folder in one transaction; return its import_log row. `log` replays a logged import.

    `restore`: the import is in import_log already but its rows are lost; its log row is written again and it
    leaves build_info's list of imports not re-applied, in the same transaction.
    """
    con.execute("begin transaction")
    try:
        if restore and log is not None:
            from .restore import forget

            con.execute("delete from import_log where id = $id", {"id": log["id"]})
            forget(con, log["id"])
        replaced = prior_rows(con, manifest["replaces"], delete=True)
        inserted = superseded = public = 0
        for table, info in manifest["tables"].items():
            parquet = folder / info["file"]
            counts = table_counts(con, table, parquet, manifest["replaces"], delete=True)
            progress(f"loading {table}")
            inserted += insert_rows(con, table, parquet)
            replaced += counts["replace"]
            superseded += counts["supersede"]
            public += counts["public"]
        if log is None:
            next_id = con.execute("select coalesce(max(id), 0) + 1 from import_log").fetchone()[0]
            log = {
                "id": int(next_id), "file_name": manifest["file_name"], "sha256": manifest["sha256"],
                "format": manifest["format"], "inserted": inserted, "replaced": replaced + superseded + public,
                "skipped": manifest["skipped"], "imported_at": datetime.now(UTC).replace(tzinfo=None),
                "imported_by": imported_by or "unknown",
            }  # fmt: skip
        con.execute(
            "insert into import_log values ($id, $file_name, $sha256, $format, $inserted, $replaced, $skipped, "
            "$imported_at, $imported_by)",
            log,
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return {**log, "superseded": superseded, "replaced_public": public, "replaced_real": replaced}


def log_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Return the import_log rows in order."""
    cur = con.execute("select * from import_log order by id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def checksums(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Return {table: (rows, sum of row hashes)} for every table: equal before and after means unchanged."""
    names = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return {
        t: tuple(con.execute(f"select count(*), coalesce(sum(hash(t)), 0) from {q(t)} t").fetchone()) for t in names
    }
