"""Check staged rows against the schema itself, before anything is written.

The rules are read from the schema (duckdb_columns, duckdb_constraints), not restated: every
value must cast to its column's type, NOT NULL columns must be filled, each CHECK constraint is
evaluated row by row, foreign keys must exist in the reference tables, primary keys must be
unique within the file. Each failure names the row, the column (as the file calls it) and the
value; failures are collected in bulk by the database (Problems.add_query), so a file of millions of
bad rows is checked in seconds. Identifiers in the SQL below come from the schema, never from the file; values from the
file are only ever column data.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .model import Problems

BOOL_TRUE = ("true", "t", "yes", "y", "1", "x")
BOOL_FALSE = ("false", "f", "no", "n", "0")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    default: str | None


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    """Return a table's columns in order (without generated ones)."""
    rows = con.execute(
        "select column_name, data_type, is_nullable, column_default from duckdb_columns() "
        "where table_name = $t and schema_name = 'main' and not is_generated order by column_index",
        {"t": table},
    ).fetchall()
    return [Column(n, t, bool(nl), d) for n, t, nl, d in rows]


def generated(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """Return the generated columns of a table (computed by the database, e.g. ratification.status)."""
    rows = con.execute(
        "select column_name from duckdb_columns() where table_name = $t and schema_name = 'main' and is_generated",
        {"t": table},
    ).fetchall()
    return {r[0] for r in rows}


def primary_key(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Return the primary-key columns of a table."""
    row = con.execute(
        "select constraint_column_names from duckdb_constraints() "
        "where table_name = $t and constraint_type = 'PRIMARY KEY'",
        {"t": table},
    ).fetchone()
    return list(row[0]) if row else []


def q(name: str) -> str:
    """Return an identifier quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def _typed_expr(col: Column, present: dict[str, str], tag_param: str) -> str:
    if col.name == "source":
        return f"${tag_param}::varchar as source"
    if col.name not in present:
        expr = f"null::{col.type}"
    elif col.type.endswith("[]") and present[col.name].endswith("[]"):
        expr = f"{q(col.name)}::{col.type}"
    elif col.type.endswith("[]"):  # text: "a; b; c"
        expr = f"[trim(x) for x in string_split({q(col.name)}::varchar, ';') if trim(x) <> '']::{col.type}"
    elif present[col.name] == '"NULL"':
        expr = f"null::{col.type}"
    elif col.type == "BOOLEAN":
        raw = f"lower(trim({q(col.name)}::varchar))"
        expr = f"case when {raw} in {BOOL_TRUE} then true when {raw} in {BOOL_FALSE} then false else null end"
    elif col.type == "VARCHAR":
        expr = f"nullif(trim({q(col.name)}::varchar), '')"
    else:
        expr = f"try_cast(nullif(trim({q(col.name)}::varchar), '') as {col.type})"
    if col.default is not None and (col.name not in present or not col.nullable):
        # a nullable column the file has keeps its blanks: ratification.reservations NULL means "not known"
        expr = f"coalesce({expr}, {col.default})"
    return f"{expr} as {q(col.name)}"


def typed(
    con: duckdb.DuckDBPyConnection, table: str, staging: str, extras: list[str], tag: str, out: str
) -> list[Column]:
    """Create table `out` with the staged rows cast to the table's types (defaults filled in)."""
    cols = columns(con, table)
    present = {r[0]: r[1] for r in con.execute(f"describe {staging}").fetchall()}
    exprs = [_typed_expr(c, present, "tag") for c in cols]
    exprs += [q(e) for e in extras if e in present]
    con.execute(f"create or replace temp table {out} as select _row, {', '.join(exprs)} from {staging}", {"tag": tag})
    return cols


def _type_errors(con, table, staging, cols, present, labels, problems) -> None:
    for c in cols:
        if c.name not in present or c.name == "source" or c.type in ("VARCHAR",) or c.type.endswith("[]"):
            continue
        raw = f"nullif(trim({q(c.name)}::varchar), '')"
        if c.type == "BOOLEAN":
            bad = f"{raw} is not null and lower({raw}) not in {BOOL_TRUE + BOOL_FALSE}"
            what = "not true/false (or yes/no, 1/0)"
        else:
            bad = f"{raw} is not null and try_cast({raw} as {c.type}) is null"
            what = {"DATE": "not a valid date (YYYY-MM-DD)", "INTEGER": "not a whole number"}.get(
                c.type, f"not a {c.type}"
            )
        problems.add_query(
            con,
            f"select _row, {q(c.name)}::varchar as value from {staging} where {bad}",
            labels.get(c.name, c.name),
            what,
        )


def check(
    con: duckdb.DuckDBPyConnection,
    table: str,
    staging: str,
    typed_table: str,
    labels: dict[str, str],
    problems: Problems,
) -> None:
    """Report every row of `typed_table` that breaks a rule of `table` (types checked on `staging`)."""
    cols = columns(con, table)
    present = {r[0] for r in con.execute(f"describe {staging}").fetchall()}
    _type_errors(con, table, staging, cols, present, labels, problems)
    label = lambda c: labels.get(c, c)  # noqa: E731
    constraints = con.execute(
        "select constraint_type, constraint_column_names, expression, referenced_table, referenced_column_names "
        "from duckdb_constraints() where table_name = $t",
        {"t": table},
    ).fetchall()
    gen = generated(con, table)
    for ctype, cnames, expr, ref_table, ref_cols in constraints:
        names = list(dict.fromkeys(cnames))
        if "source" in names or set(names) & gen:
            continue
        shown = ", ".join(f"{q(n)}::varchar" for n in names)
        if ctype == "NOT NULL":
            sql = f"select _row, null as value from {typed_table} where {q(names[0])} is null"
            message = "required: must not be empty"
        elif ctype == "CHECK":
            sql = f"select _row, concat_ws(' / ', {shown}) as value from {typed_table} where not ({expr})"
            message = _check_message(expr)
        elif ctype == "FOREIGN KEY":
            col, ref = names[0], ref_cols[0]
            sql = (
                f"select _row, {q(col)} as value from {typed_table} where {q(col)} is not null "
                f"and {q(col)} not in (select {q(ref)} from {ref_table})"
            )
            message = f"unknown {ref_table}: not in the {ref_table} table"
        elif ctype in ("PRIMARY KEY", "UNIQUE"):
            keys = ", ".join(q(n) for n in names)
            sql = (
                f"select _row, concat_ws(' / ', {shown}) as value from (select *, row_number() over "
                f"(partition by {keys} order by _row) as n_ from {typed_table}) where n_ > 1"
            )
            message = f"duplicate {' + '.join(names)}: an earlier row has the same value"
        else:
            continue
        problems.add_query(con, sql, " / ".join(label(n) for n in names), message)


def _check_message(expr: str) -> str:
    e = " ".join(expr.split())
    if " IN (" in e and e.count(" IN (") == 1 and " OR " not in e:
        allowed = e.split(" IN (", 1)[1].rsplit(")", 1)[0].rstrip(")")
        return f"not an allowed value; allowed: {allowed}"
    if "BETWEEN" in e and " OR " not in e:
        return f"out of range: {e.strip('()')}"
    if "regexp_full_match" in e:
        return f"wrong format: {e}"
    short = e if len(e) < 160 else e[:157] + "..."
    return f"breaks the rule {short}"
