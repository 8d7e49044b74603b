"""Our own tables: one CSV file or Excel sheet per table of the data model, headers as in the data dictionary.

CSV files are read by DuckDB straight from disk (a million rows in seconds); workbook sheets
(also the downloadable templates) cell by cell. Country columns accept ISO3 or ISO2 codes or
names (the templates' drop-downs give names); list columns are `a; b; c`. `source` is always
this import's tag and `status` is computed by the database, so both are ignored if present.
An `id` left empty is made from the row's content (the same row always gets the same id).
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from .context import Context
from .limits import LimitExceeded
from .model import Refused
from .tabular import Sheet
from .validate import columns, generated, q

IMPORTABLE = [
    "ratification", "tb_report", "sp_visit", "standing_invitation", "sp_communication", "upr_review",
    "recommendation", "national_mechanism", "stakeholder_submission", "unct_engagement", "hra_deployment",
    "normative_output", "nhri", "story",
]  # fmt: skip
IGNORED = {"source"}  # plus the generated columns of each table (ratification.status)
COUNTRY_COLUMNS = {"country_iso3"}
MAX_DISTINCT_NAMES = 20_000
STATE_LIST_COLUMNS = {"recommending_states"}
# A column a file may leave out (or empty) when another column gives it: {table: {column: date column it is the
# year of}}. Files made before upr_review had review_year still import, and so do their stored imports (load.py).
DERIVED_YEARS = {"upr_review": {"review_year": "review_date"}}


def normalise_header(h: str) -> str:
    """Return a header as a column name: trimmed, lower case, spaces as underscores."""
    return re.sub(r"\s+", "_", h.strip().lower().lstrip("\ufeff"))


def match_table(
    con: duckdb.DuckDBPyConnection, header: list[str], hint: str | None = None, loose: bool = False
) -> str | None:
    """Return the table whose columns a header names (required ones present; all known unless `loose`)."""
    all_names = {normalise_header(h) for h in header if h.strip()} - IGNORED
    fits = []
    for table in IMPORTABLE:
        names = all_names - generated(con, table)
        cols = {c.name: c for c in columns(con, table)}
        required = {n for n, c in cols.items() if not c.nullable and c.default is None and n not in ("id", "source")}
        required -= {n for n, src in DERIVED_YEARS.get(table, {}).items() if src in names}
        known = names & cols.keys()
        if names and required <= names and (known == names or (loose and len(known) >= max(2, len(names) / 2))):
            fits.append(table)
    if hint in fits:
        return hint
    return fits[0] if len(fits) == 1 else None


def _resolve_column(ctx: Context, staging: str, col: str, multi: bool) -> None:
    """Replace country names/codes in a column (or a `;` list of them) by ISO3 codes, reporting the rest."""
    con = ctx.con
    items = (
        f"(select _row, trim(unnest(string_split({q(col)}, ';'))) as v from {staging})"
        if multi
        else (f"(select _row, trim({q(col)}) as v from {staging})")
    )
    distinct = con.execute(f"select count(distinct v) from {items} where v <> ''").fetchone()[0]
    if distinct > MAX_DISTINCT_NAMES:  # a real file names a few hundred countries (lists: a few thousand)
        raise Refused(f"column '{col}' holds {distinct:,} different country names or codes, more than "
                      f"{MAX_DISTINCT_NAMES:,}: it is not a column of countries", None, col)  # fmt: skip
    mapping = []
    for (value,) in con.execute(f"select distinct v from {items} where v <> ''").fetchall():
        res = ctx.countries.resolve(value, multi=True) if multi else _resolve_one(ctx, value)
        ok = res.status in ("state", "unknown") and (multi or len(res.codes) == 1)
        mapping.append((value, ";".join(res.codes) if ok else None, None if ok else ctx.unresolved_message(res)))
    cmap = pd.DataFrame(mapping, columns=["raw", "codes", "message"], dtype=object)
    con.register("cmap_df", cmap)
    con.execute("create or replace temp table cmap as select * from cmap_df")
    con.unregister("cmap_df")
    ctx.problems.add_query(
        con, f"select s._row, s.v as value, m.message from {items} s join cmap m on m.raw = s.v where m.codes is null",
        col, None,
    )  # fmt: skip
    if multi:  # a map from names to codes, applied to each element of the list
        con.execute(
            f"update {staging} set {q(col)} = array_to_string(list_transform(string_split({staging}.{q(col)}, ';'), "
            "lambda x: m.mp[trim(x)]), ';') from (select map(list(raw), list(coalesce(codes, ''))) as mp "
            "from cmap) m"
        )
    else:
        con.execute(f"update {staging} set {q(col)} = m.codes from cmap m where m.raw = trim({staging}.{q(col)})")


def _resolve_one(ctx: Context, value: str):
    code = ctx.countries.resolve_code(value)
    return code if code.status == "state" else ctx.countries.resolve(value)


def stage_raw(ctx: Context, raw: str, table: str, header: list[str], example: dict[str, str] | None = None) -> str:
    """Return a staging table with the file's columns renamed to the table's, countries resolved, ids filled."""
    con = ctx.con
    names = [normalise_header(h) for h in header]
    cols = {c.name for c in columns(con, table)}
    ignored = IGNORED | generated(con, table)
    unknown = [h for h, n in zip(header, names) if n not in cols and n not in ignored and h.strip()]
    for h in unknown:
        ctx.problems.add(None, h, None, f"column is not in table {table}: ignored", "warning")
    keep = [(h, n) for h, n in zip(header, names) if n in cols and n != "source"]
    select = ", ".join(f"{q(h)}::varchar as {q(n)}" for h, n in keep)
    staging = f"{raw}_t"
    has_row = "_row" in {r[0] for r in con.execute(f"describe {raw}").fetchall()}
    row = "_row" if has_row else "rowid + 2 as _row"  # header = row 1, as a spreadsheet counts
    con.execute(f"create or replace temp table {staging} as select {row}, {select} from {raw}")
    con.execute(f"drop table {raw}")
    if example:
        cond = " and ".join(
            f"coalesce(trim({q(n)}), '') = $v{i}" for i, (h, n) in enumerate(keep) if n in example
        )  # fmt: skip
        params = {f"v{i}": example[n] for i, (h, n) in enumerate(keep) if n in example}
        n_example = con.execute(f"select count(*) from {staging} where {cond}", params).fetchone()[0]
        if n_example:
            con.execute(f"delete from {staging} where {cond}", params)
            ctx.problems.add(None, None, None, "the template's example row was left in: ignored", "notice")
    present = {n for _, n in keep}
    for col in present & COUNTRY_COLUMNS:
        _resolve_column(ctx, staging, col, multi=False)
    for col in present & STATE_LIST_COLUMNS:
        _resolve_column(ctx, staging, col, multi=True)
    if "mandates" in present:
        bad = con.execute(
            f"select _row, x from (select _row, trim(unnest(string_split(mandates, ';'))) x from {staging}) "
            "where x <> '' and x not in (select code from sp_mandate) order by 1"
        ).fetchall()
        for row, value in bad:
            ctx.problems.add(row, "mandates", value, "unknown sp_mandate code")
    for col, src in DERIVED_YEARS.get(table, {}).items():
        if src in present:
            if col not in present:
                con.execute(f"alter table {staging} add column {q(col)} varchar")
            con.execute(
                f"update {staging} set {q(col)} = year(try_cast(nullif(trim({q(src)}), '') as date))::varchar "
                f"where nullif(trim({q(col)}), '') is null"
            )
    if "id" in cols:
        if "id" not in present:
            con.execute(f"alter table {staging} add column id varchar")
        fields = " || '|' || ".join(f"coalesce({q(n)}, '')" for n in sorted(present - {"id"}))
        con.execute(
            f"update {staging} set id = $prefix || substr(md5({fields}), 1, 16) where nullif(trim(id), '') is null",
            {"prefix": f"{table}-{ctx.stem}-"},
        )
    return staging


def read_csv(
    ctx: Context, table_hint: str | None, delimiter: str = ",", longest: int = 0
) -> tuple[dict[str, str], dict]:
    """Read a canonical CSV file with DuckDB (any size); return {table: staging table}.

    The file has passed csvtext.scan (quoting, bytes, limits): DuckDB is told its dialect rather than
    guessing it, so a stray quote can never make it read the file without quoting.
    """
    con = ctx.con
    try:
        con.execute(
            "create or replace temp table raw_csv as select * from read_csv($p, header = true, all_varchar = true, "
            "delim = $delim, quote = '\"', escape = '\"', max_line_size = $max_line, "
            "store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans')",
            {"p": str(ctx.path), "delim": delimiter, "max_line": max(2_097_152, 4 * longest + 1024)},
        )
    except duckdb.Error as e:
        raise Refused(f"not a readable CSV file: {str(e).splitlines()[0]}") from e
    rejects = con.execute("select count(*) from csv_rejects").fetchone()[0]
    if rejects:  # rows after a rejected line move down by one (otherwise the row is rowid + 2, set in stage_raw)
        # a_j = the data rows accepted before the j-th rejected line; a row moves down by the a_j <= its rowid
        con.execute(
            "create or replace temp table raw_csv as select r.* exclude (k_), k_ + 2 + coalesce(c.n, 0) as _row "
            "from (select *, rowid as k_ from raw_csv) r asof left join (select a, max(n) as n from (select "
            "line - 2 - (row_number() over (order by line) - 1) as a, row_number() over (order by line) as n "
            "from csv_rejects) group by a) c on r.k_ >= c.a order by k_"
        )
        ctx.problems.add_query(con, "select line as _row, left(csv_line, 200) as value, 'malformed CSV line: ' || "
                               "error_message as message from csv_rejects", None, None)  # fmt: skip
    header = [r[0] for r in con.execute("describe raw_csv").fetchall() if r[0] != "_row"]
    check_limits(ctx, "raw_csv", header, "_row" if rejects else "rowid + 2")
    table = _table_for(ctx, header, table_hint)
    if con.execute("select count(*) from raw_csv").fetchone()[0] == 0 and not rejects:
        raise Refused("the file has a header but no rows")
    return {table: stage_raw(ctx, "raw_csv", table, header)}, {table: {}}


def check_limits(ctx: Context, raw: str, header: list[str], row: str) -> None:
    """Refuse a table DuckDB has read past the limits: rows, columns, a cell's characters (found in one pass)."""
    lim = ctx.budget.limits
    if len(header) > lim.columns:
        raise LimitExceeded("columns", "the file, row 1", f"{len(header):,} columns", lim, 1)
    longest = ", ".join(f"max(length({q(h)}))" for h in header)
    n, *lengths = ctx.con.execute(f"select count(*), {longest} from {raw}").fetchone()
    if n + 1 > lim.rows:
        raise LimitExceeded("rows", "the file", f"it has {n + 1:,} rows", lim, lim.rows + 1)
    for h, length in zip(header, lengths):
        if length is not None and length > lim.cell_chars:
            sql = f"select {row} as r, length({q(h)}) from {raw} where length({q(h)}) > $n order by r limit 1"
            first, chars = ctx.con.execute(sql, {"n": lim.cell_chars}).fetchone()
            where, found = f"the file, row {first:,}, column '{h}'", f"a cell of {chars:,} characters"
            raise LimitExceeded("cell_chars", where, found, lim, first, h)
    ctx.budget.check_time("after reading the file")


def read_sheets(ctx: Context, sheets: list[Sheet], table_hint: str | None, examples) -> tuple[dict[str, str], dict]:
    """Read canonical workbook sheets (one table each: named for it, or recognised by its header)."""
    out: dict[str, str] = {}
    for sheet in sheets:
        rows = sheet.rows
        if not rows or not any(c.strip() for c in rows[0]):
            continue
        header = [c.strip() for c in rows[0]]
        hint = sheet.name if sheet.name in IMPORTABLE else table_hint
        table = match_table(ctx.con, header, hint, loose=True)
        if table is None:
            if sheet.name in IMPORTABLE or len(sheets) == 1:
                table = _table_for(ctx, header, hint)
            continue  # sheets that are not tables (the templates' "Lists" and "About")
        width = len(header)
        body = [[n, *(r + [""] * width)[:width]] for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
        if not body:
            continue  # a table's sheet left empty (e.g. the other sheets of a template)
        df = pd.DataFrame(body, columns=["_row", *[h or f"column {j + 1}" for j, h in enumerate(header)]], dtype=object)
        raw = ctx.stage(df)
        if table in out:
            raise Refused(f"two sheets hold table {table}: put its rows in one sheet")
        out[table] = stage_raw(ctx, raw, table, list(df.columns[1:]), examples(table))
    if not out:
        raise Refused("no sheet of the workbook has rows under the columns of a table of the data model")
    return out, {t: {} for t in out}


def _table_for(ctx: Context, header: list[str], hint: str | None) -> str:
    table = match_table(ctx.con, header, hint or ctx.stem, loose=True)
    if table:
        return table
    names = {normalise_header(h) for h in header} - IGNORED - {"status"}
    best = max(IMPORTABLE, key=lambda t: len(names & {c.name for c in columns(ctx.con, t)}))
    cols = {c.name: c for c in columns(ctx.con, best)}
    missing = sorted(n for n, c in cols.items() if not c.nullable and c.default is None and n not in names
                     and n not in ("id", "source"))  # fmt: skip
    unknown = sorted(names - cols.keys())
    detail = "; ".join(x for x in [f"missing required {missing}" if missing else "",
                                   f"unknown {unknown}" if unknown else ""] if x)  # fmt: skip
    raise Refused(f"the header matches no table of the data model (closest: {best}: {detail})")
