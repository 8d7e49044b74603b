"""The Data page's sections: what is in the data (for managers), import (app/data_import.py), history, templates,
downloads, and the technical reference (sources by table, data dictionary).

File names and values from imports reach markdown through text.md only (tables show them as plain text).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from .. import public
from ..importers import dictionary, downloads, templates
from ..model import coverage, indicators, labels, provenance
from ..model.text import md
from ..paths import default_db
from . import printing
from .data import build_info, connection, run, source_files
from .gate import GATE


@st.cache_data(show_spinner=False, max_entries=4)
def _coverage(db: str, build: str, imports: str) -> tuple[str, pd.DataFrame]:
    # Per database build and set of imports (an import changes what is in the data and its sources' names).
    counts = run("data_coverage_by_table")
    return coverage.summary(counts), coverage.areas(counts, source_files())


def overview() -> None:
    """Draw what is in the data, where it comes from, how fresh it is and how to add some, in a manager's words."""
    summary, areas = _coverage(str(default_db()), repr(run("build_info").values.tolist()), repr(source_files()))
    st.header("What is in the data")
    st.markdown(md(summary))
    printing.dataframe(areas, hide_index=True, key="data_coverage", placeholder="")
    st.caption(
        "Real rows come from public sources or from OHCHR and UNDG documents; demo rows are generated to show how "
        "the dashboard works where no public source is bundled yet, and every page says how much of what it shows "
        "is demo. Years: from the first to the last year of the area's dates (ratifications, reports, visits, "
        "recommendations)."
    )
    st.header("Where it comes from")
    lines = [
        f"- [{md(d['label'])}]({d['url']}) — {md(d['publisher'])}" if d.get("url") else f"- {md(d['label'])}"
        for d in public.datasets().values()
    ]
    lines += [f"- {md(title)} (OHCHR and UNDG document)" for title in coverage.seed_documents()]
    lines.append("- Reference lists curated for the dashboard: countries and regions, the 18 instruments, the "
                 "Special Procedures mandates")  # fmt: skip
    st.markdown("\n".join(lines))
    st.header("How fresh it is")
    info = build_info()
    imports = run("data_sources")
    imported = imports[imports["id"].notna()]
    last = f"the last on {imported['imported_at'].max():%d %B %Y %H:%M} UTC" if len(imported) else "none yet"
    st.markdown(
        f"- Database built on {md(coverage.when(info.get('built_at')))}.\n"
        f"- Files imported: {len(imported)} ({last}).\n"
        "- Treaty ratifications: the UN Treaty Collection as of the date in its name above, unless a newer file "
        "was imported or the update was run."
    )
    lost = json.loads(info.get("imports_not_reapplied", "[]"))
    if lost:
        st.error(
            "These imports could not be re-applied when the database was last rebuilt, so their rows are missing: "
            + "; ".join(f"#{r['id']} {md(r['file_name'])} ({md(r['error'])})" for r in lost)
            + ". Import the files again (each rebuild also retries)."
        )
    st.header("How to add data")
    st.markdown(
        "- **Import a file** (tab *Add data*): a status table saved from the UN Treaty Collection, a UPR Info or "
        "Universal Human Rights Index export, a UPR recommendations matrix (Word), or one of our Excel templates "
        "(tab *Templates*). The dashboard checks the file and shows what it would change before anything is saved.\n"
        "- **Update from the official sources** (tab *Add data*): downloads the latest ratification status of the 18 "
        "instruments and the Universal Human Rights Index export, then imports them the same way.\n"
        "- Imported rows replace the demo rows of the same country and table, so the pages show real figures there."
    )


def technical_sources() -> None:
    """Draw the rows of every table by source tag, and how the database was built (the technical reference)."""
    st.subheader("Rows of every table by source")
    counts = run("table_rows_by_source")
    table = counts.pivot_table(index="table_name", columns="source", values="rows", aggfunc="sum", fill_value=0)
    table = table.reset_index().rename(columns={"table_name": "Table"})
    st.caption(
        "Source tags: `reference` curated facts, `seed:` and a number: facts stated in a source document ("
        + "; ".join(f"{k}: {md(v)}" for k, v in labels.SEED_TITLES.items())
        + "), `public:<dataset>` real public facts bundled with the dashboard, `demo` generated illustrative data "
        "(not real), `import:<hash>` a file loaded here or with `python -m hrdash import`. Imported rows replace "
        "the bundled public rows and supersede the demo rows of the same country and table."
    )
    printing.dataframe(table, hide_index=True, key="data_sources", placeholder="")
    info = build_info()
    st.caption(
        f"Database built {info.get('built_at', '?')} (demo scale {info.get('scale', '?')}); "
        f"imports re-applied after the last rebuild: {info.get('imports_reapplied', '0')}."
    )


def history() -> None:
    """Draw the import history (import_log) with the rows of each import still in the database."""
    st.subheader("Import history")
    sources = run("data_sources")
    log = sources[sources["id"].notna()].astype({"id": "int64"})
    st.caption(
        f"{len(log)} import(s), newest first. 'Rows now' is 0 once a newer version of the same source replaced "
        "them; 'Replaced' counts earlier versions, rows with the same key, bundled public rows replaced and demo "
        "rows superseded."
    )
    labels = {"id": "#", "imported_at": "Imported at (UTC)", "file_name": "File", "format": "Format",
              "inserted": "Inserted", "replaced": "Replaced", "skipped": "Skipped", "rows_now": "Rows now",
              "imported_by": "By", "source": "Source tag", "sha256": "SHA-256"}  # fmt: skip
    st.dataframe(
        log.rename(columns=labels)[list(labels.values())], hide_index=True, key="import_history", placeholder=""
    )
    others = sources[sources["id"].isna()][["source", "rows_now"]]
    st.caption("Other sources: " + "; ".join(f"{md(provenance.label(r.source))} {r.rows_now:,} rows"
                                             for r in others.itertuples()) + ".")  # fmt: skip


@st.cache_data(show_spinner=False)
def _dictionary(db: str, build: str) -> dict[str, pd.DataFrame | None]:
    # Reads every table's .meta.json and the schema's comments: kept per database build (a new schema or
    # reference data means a new build).
    cols, constraints = run("data_columns"), run("data_constraints")
    names = list(dict.fromkeys(cols["table_name"]))
    # Seed documents named by title (labels.in_words_frame) once per build, not on every rerun.
    rules = dictionary.recognition_rules()
    return {
        "tables": labels.in_words_frame(dictionary.tables(names)),
        "columns": labels.in_words_frame(dictionary.columns(cols, constraints)),
        "files": labels.in_words_frame(dictionary.reference_files()),
        "rules": rules,
        "indicators": labels.in_words_frame(indicators.catalogue()),
    }


def data_dictionary() -> None:
    """Draw the data dictionary: tables, columns (type, allowed values, meaning), import rules."""
    st.subheader("Data dictionary")
    d = _dictionary(str(default_db()), repr(run("build_info").values.tolist()))
    st.caption("Meanings from each table's .meta.json, the comments of schema.sql and the importers' notes.")
    st.dataframe(d["tables"], hide_index=True, key="dictionary_tables", placeholder="")
    table = st.selectbox("Columns of", ["all tables", *d["tables"]["table"]], key="dictionary_table")
    frame = d["columns"]
    if table != "all tables":
        frame = frame[frame["table"] == table]
    st.dataframe(frame, hide_index=True, key="dictionary_columns", placeholder="")
    st.subheader("UPR responses: each import format's terms")
    st.caption("How the response terms of every UPR file format are stored in recommendation.response.")
    st.dataframe(dictionary.response_terms(), hide_index=True, key="dictionary_responses", placeholder="")
    st.subheader("Reference files that are not tables")
    st.dataframe(d["files"], hide_index=True, key="dictionary_files", placeholder="")
    rules = d["rules"]
    if rules is not None:
        st.subheader("Instrument recognition (UPR page)")
        st.caption("How a recommendation's text is read as asking to join one of the 18 instruments, in order.")
        st.dataframe(rules, hide_index=True, key="dictionary_recognition", placeholder="")
    st.subheader("Indicator catalogue")
    st.caption("Every indicator of the Expected accomplishments page, defined once in hrdash/model/indicators.py.")
    st.dataframe(
        labels.in_words_frame(indicators.catalogue()), hide_index=True, key="dictionary_indicators", placeholder=""
    )


def template_downloads() -> None:
    """Draw the template downloads: one table, or all internal tables in one workbook."""
    st.header("Templates")
    st.caption(
        "Excel templates to fill in offline: header row, one example row (ignored while unchanged), a comment on "
        "each column, drop-down lists for countries, instruments, mandates and every enumerated column."
    )
    tables = [*templates.INTERNAL, *[t for t in templates.EXAMPLES if t not in templates.INTERNAL]]
    table = st.selectbox("Table", tables, key="template_table")
    c1, c2 = st.columns(2)
    c1.download_button(
        f"⬇ Template: {table}", data=lambda: templates.workbook([table]), file_name=f"template_{table}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="template_one",
        on_click="ignore",
    )  # fmt: skip
    c2.download_button(
        "⬇ Template: all internal tables", data=lambda: templates.workbook(templates.INTERNAL),
        file_name="template_internal_tables.xlsx", key="template_internal", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip


def _with_reader(fn):
    with GATE.shared():
        return fn()


def database_downloads() -> None:
    """Draw the downloads of the whole database: the DuckDB file and a zip of Parquet files."""
    st.header("Download the database")
    st.caption("Every table, including demo rows (`source = 'demo'`): filter on `source` to keep real data only.")
    path = default_db()
    c1, c2 = st.columns(2)
    c1.download_button(
        "⬇ DuckDB file", data=lambda: _with_reader(lambda: downloads.duckdb_file(path)), file_name="hrdash.duckdb",
        mime="application/octet-stream", key="download_duckdb", on_click="ignore",
    )  # fmt: skip
    c2.download_button(
        "⬇ Parquet files (zip)", data=lambda: _with_reader(lambda: downloads.parquet_zip(connection())),
        file_name="hrdash_parquet.zip", mime="application/zip", key="download_parquet", on_click="ignore",
    )  # fmt: skip
