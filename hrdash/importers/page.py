"""The Data page's sections: sources, import (upload, check, report, confirm), history, dictionary, downloads.

File names, headers, values quoted in problems and error messages come from the files: they reach markdown
through text.md only (tables show them as plain text).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from .. import dictionary, ui
from ..model import indicators, provenance
from ..model.text import md
from ..paths import default_db
from ..update import page as update_page
from . import access, cli, downloads, limits, pipeline, report, store, templates
from .detect import FORMATS
from .gate import GATE
from .model import Locked, Plan

ENCODINGS = ["utf-8", "utf-16", "cp1252", "mac_roman", "latin-1"]
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xls", "html", "htm", "docx"]
STATUS = {"ready": st.success, "refused": st.error, "already imported": st.info, "nothing to load": st.info}


def _secrets() -> dict[str, Any]:
    try:
        return {k: (dict(v) if hasattr(v, "keys") else v) for k, v in st.secrets.items()}
    except Exception:  # no secrets.toml at all: Streamlit raises rather than returning nothing
        return {}


def _user() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict())
    except Exception:  # st.user outside a session
        return {}


def current_access() -> access.Access:
    """Return the import access of the current user under the app's secrets."""
    return access.decide(_secrets(), _user())


def import_limits() -> limits.Limits:
    """Return the import's limits: $HRDASH_MAX_IMPORT_… variables, else [hrdash] in secrets.toml, else defaults."""
    return limits.resolve(environ=os.environ, secrets=_secrets())


def limits_caption(bounds: limits.Limits) -> str:
    """Return the sentence that tells what one file may hold (the limits in force, and where they are set)."""
    shown = "; ".join(f"{value} {what}" for what, value, *_ in limits.describe(bounds))
    return (f"Limits: {shown}. Macros and active content are refused; nothing in a file is ever run. An administrator "
            "sets the limits under [hrdash] in secrets.toml (README: Security model).")  # fmt: skip


def limit_mb() -> float:
    """Return the size limit of one imported file, in MB."""
    return import_limits().max_mb


def sources() -> None:
    """Draw the rows of every table by source, and how the database was built."""
    st.header("Sources and freshness")
    counts = ui.run("table_rows_by_source")
    table = counts.pivot_table(index="table_name", columns="source", values="rows", aggfunc="sum", fill_value=0)
    table = table.reset_index().rename(columns={"table_name": "Table"})
    st.caption(
        "Rows of every table by source: `reference` curated facts, `seed:NNN` facts stated in a seed document, "
        "`public:<dataset>` real public facts bundled with the dashboard, `demo` generated illustrative data (not "
        "real), `import:<hash>` a file loaded here or with `python -m hrdash import`. Imported rows replace the "
        "bundled public rows and supersede the demo rows of the same country and table."
    )
    st.dataframe(table, hide_index=True, key="data_sources")
    info = dict(ui.run("build_info").itertuples(index=False))
    st.caption(
        f"Database built {info.get('built_at', '?')} (demo scale {info.get('scale', '?')}); "
        f"imports re-applied after the last rebuild: {info.get('imports_reapplied', '0')}."
    )
    lost = json.loads(info.get("imports_not_reapplied", "[]"))
    if lost:
        st.error(
            "These imports could not be re-applied when the database was last rebuilt, so their rows are missing: "
            + "; ".join(f"#{r['id']} {md(r['file_name'])} ({md(r['error'])})" for r in lost)
            + ". Import the files again (each rebuild also retries)."
        )


def _options() -> dict[str, Any]:
    with st.expander("Options: format, instrument, State and session, source name, encoding, bad rows"):
        fmt = st.selectbox(
            "Format", ["detect", *FORMATS], format_func=lambda f: "Detect from the header" if f == "detect" else
            FORMATS[f], key="import_format",
        )  # fmt: skip
        instrument = st.text_input(
            "Instrument (OHCHR code, e.g. CCPR)", key="import_instrument",
            help="Only for status tables whose title or file name does not say which instrument they are about.",
        )  # fmt: skip
        c1, c2 = st.columns(2)
        country = c1.text_input(
            "State under review (UPR matrix .docx)", key="import_country",
            help="Only for a UPR matrix whose file name and text do not name the State (name or ISO3 code).",
        )  # fmt: skip
        session = c2.number_input(
            "UPR session (UPR matrix .docx)", min_value=1, max_value=60, value=None, step=1, key="import_session",
            help="Only for a UPR matrix whose file name (UPR20_…) and text do not give the session.",
        )  # fmt: skip
        source_name = st.text_input(
            "Source name", key="import_source_name",
            help="A later file with the same source name replaces this one's rows (default: from the file name; "
            "status tables: the instrument).",
        )  # fmt: skip
        encoding = st.selectbox(
            "Encoding of a CSV or HTML file", ["detect", *ENCODINGS], key="import_encoding",
            format_func=lambda e: "Detect (UTF-8, UTF-16, else cp1252 or Mac Roman)" if e == "detect" else e,
            help="Only for a text file whose characters come out wrong, or that mixes two encodings.",
        )  # fmt: skip
        skip = st.checkbox(
            "Skip bad rows: load the good rows and list the bad ones in a downloadable report",
            key="import_skip_bad_rows",
        )
    return {"fmt": None if fmt == "detect" else fmt, "instrument": instrument.strip() or None,
            "source_name": source_name.strip() or None, "skip_bad_rows": skip, "country": country.strip() or None,
            "session": None if session is None else int(session),
            "encoding": None if encoding == "detect" else encoding}  # fmt: skip


def check(files: list[Any], options: dict[str, Any]) -> list[Plan]:
    """Return the checked plan of each uploaded file (kept in the session while files and options are unchanged).

    Plans of files no longer uploaded (or checked with other options) give up their staged copy at once; a plan
    whose copy is gone (swept after an hour) is checked again.
    """
    cache: dict[tuple, Plan] = st.session_state.setdefault("import_checked", {})
    root = store.store_dir(default_db())
    keys = []
    for f in files:
        data = f.getvalue()
        keys.append((f.name, len(data), hash(data), tuple(sorted(options.items()))))
    for key in [k for k in cache if k not in keys]:
        store.discard(cache.pop(key).folder)
    plans = []
    for f, key in zip(files, keys):
        data = f.getvalue()
        stale = key in cache and cache[key].status == "ready" and not (cache[key].folder and cache[key].folder.exists())
        if key not in cache or stale:
            with st.spinner(f"Checking {md(f.name)} …"), GATE.shared(), ui.connection().cursor() as cur:
                cache[key] = pipeline.inspect(data, f.name, store_root=root, target=cur, limits=import_limits(),
                                              **options)  # fmt: skip
        plans.append(cache[key])
    return plans


def show_plan(plan: Plan, i: int) -> None:
    """Draw one file's report: status, counts, unresolved names, problems, preview, skipped-rows download."""
    with st.container(border=True):
        st.subheader(md(plan.file_name))
        into = ", ".join(f"{t.rows:,} row(s) into `{t.table}`" for t in plan.tables.values())
        text = {"ready": f"{into}, once you confirm below"}.get(plan.status, md(plan.reason))
        if plan.restores is not None:
            text = f"{md(plan.reason)}. Confirm below to restore it" + (f" ({into})" if plan.restore == "rows" else "")
        STATUS[plan.status](f"**{report.STATUS_TEXT[plan.status].capitalize()}**: {text}")
        if plan.format:
            st.caption(
                f"Detected format: **{md(plan.format_label)}**" + (f" — {md(plan.detail)}" if plan.detail else "")
                + f". Logical source: {md(plan.source_key)}"
                + (f"; encoding {md(plan.encoding)}" if plan.encoding else "")
                + f"; {plan.size / 1e6:.2f} MB."
            )  # fmt: skip
        c = plan.counts()
        cols = st.columns(6)
        cols[0].metric("Rows read", f"{plan.rows_read:,}")
        cols[1].metric("To insert", f"{c['insert']:,}")
        cols[2].metric("To replace", f"{c['replace']:,}", help="Rows of an earlier version of the same source")
        cols[3].metric("Public rows replaced", f"{c['public']:,}", help="Bundled public facts this file updates")
        cols[4].metric("Demo rows superseded", f"{c['supersede']:,}")
        cols[5].metric("To skip", f"{c['skip']:,}")
        names = report.unresolved(plan)
        if len(names):
            st.markdown(f"**Unresolved country names: {len(names)}**")
            st.dataframe(names, hide_index=True, key=f"import_unresolved_{i}")
        problems = plan.problems.frame() if plan.problems else pd.DataFrame()
        if len(problems):
            counts = plan.problems.counts
            st.markdown(f"**{counts['error']:,} problem(s), {counts['warning']:,} warning(s), {counts['notice']:,} "
                        "note(s)** — each with its row, column and value:")  # fmt: skip
            st.dataframe(problems, hide_index=True, key=f"import_problems_{i}")
        if plan.skip_bad_rows and plan.skipped_rows:
            st.download_button(
                f"⬇ Skipped rows ({plan.skipped_rows:,})", data=report.skipped_rows_csv(plan),
                file_name=f"skipped_rows_{Path(plan.file_name).stem}.csv", mime="text/csv", key=f"import_skipped_{i}",
                on_click="ignore",
            )  # fmt: skip
        for table, tp in plan.tables.items():
            st.markdown(f"Preview of `{table}` (first {len(tp.preview)} of {tp.rows:,} rows, as they will be stored):")
            st.dataframe(tp.preview, hide_index=True, key=f"import_preview_{i}_{table}")


def load(plans: list[Plan], who: str) -> list[str]:
    """Load the ready plans (one transaction each) and return what happened, one message per file."""
    root = store.store_dir(default_db())
    messages = []
    try:
        with ui.write_connection() as con:
            for plan in plans:
                log = pipeline.load_plan(con, plan, root, who)
                if log is None:
                    messages.append(f"{md(plan.file_name)}: already imported, nothing to do.")
                elif log.get("restored"):
                    messages.append(f"{md(plan.file_name)}: {md(cli.loaded_message(plan, log))}.")
                else:
                    messages.append(
                        f"{md(plan.file_name)}: loaded as import #{log['id']} (`{plan.tag}`) — {log['inserted']:,} "
                        f"rows inserted, {log['replaced']:,} replaced (of which {log['replaced_public']:,} public and "
                        f"{log['superseded']:,} demo rows)."
                    )
    except Locked as e:
        messages.append(f"Not loaded: {md(e)}")
    except Exception as e:  # noqa: BLE001 - shown to the user; the transaction was rolled back
        messages.append(f"Not loaded ({type(e).__name__}): {md(e)}. The database is unchanged.")
    return messages


def import_section() -> None:
    """Draw the import section: who may import, options, upload, report, confirm."""
    st.header("Import files")
    who = current_access()
    (st.info if who.may_import else st.warning)(md(who.message))  # it names the user's e-mail
    if not who.may_import:
        if who.auth_configured and not who.logged_in:
            st.button("Log in", on_click=st.login, key="import_login")
        return
    update_page.section(who, limit_mb())
    st.subheader("Import files you have")
    for message in st.session_state.pop("import_results", []):
        (st.error if message.startswith("Not loaded") else st.success)(message)
    options = _options()
    mb = limit_mb()
    files = st.file_uploader(
        f"Files to import (CSV, Excel, saved HTML, Word UPR matrices; at most {mb:.0f} MB each)", type=UPLOAD_TYPES,
        accept_multiple_files=True, key="import_files", max_upload_size=max(1, int(mb + 0.999)),
    )  # fmt: skip
    st.caption(
        "Formats: " + "; ".join(FORMATS.values()) + ". The format is detected from the header. Nothing is loaded "
        "until you confirm; a file with any bad row is refused unless you choose to skip bad rows."
    )
    st.caption(limits_caption(import_limits()))
    if not files:
        return
    plans = check(files, options)
    st.dataframe(report.summary(plans), hide_index=True, key="import_summary")
    st.download_button(
        "⬇ Validation report (CSV)", data=report.problems_csv(plans), file_name="validation_report.csv",
        mime="text/csv", key="import_report_csv", on_click="ignore",
    )  # fmt: skip
    for i, plan in enumerate(plans):
        show_plan(plan, i)
    ready = [p for p in plans if p.status == "ready"]
    if st.button(f"Load {len(ready)} file(s) into the database", type="primary", disabled=not ready,
                 key="import_confirm"):  # fmt: skip
        st.session_state["import_results"] = load(ready, who.email or "app user (no authentication configured)")
        st.session_state.pop("import_checked", None)
        st.rerun()


def history() -> None:
    """Draw the import history (import_log) with the rows of each import still in the database."""
    st.header("Import history")
    sources = ui.run("data_sources")
    log = sources[sources["id"].notna()].astype({"id": "int64"})
    st.caption(
        f"{len(log)} import(s), newest first. 'Rows now' is 0 once a newer version of the same source replaced "
        "them; 'Replaced' counts earlier versions, rows with the same key, bundled public rows replaced and demo "
        "rows superseded."
    )
    labels = {"id": "#", "imported_at": "Imported at (UTC)", "file_name": "File", "format": "Format",
              "inserted": "Inserted", "replaced": "Replaced", "skipped": "Skipped", "rows_now": "Rows now",
              "imported_by": "By", "source": "Source tag", "sha256": "SHA-256"}  # fmt: skip
    st.dataframe(log.rename(columns=labels)[list(labels.values())], hide_index=True, key="import_history")
    others = sources[sources["id"].isna()][["source", "rows_now"]]
    st.caption("Other sources: " + "; ".join(f"{md(provenance.label(r.source))} `{r.source}` {r.rows_now:,} rows"
                                             for r in others.itertuples()) + ".")  # fmt: skip


@st.cache_data(show_spinner=False)
def _dictionary(db: str, build: str) -> dict[str, pd.DataFrame | None]:
    # Reads every table's .meta.json and the schema's comments: kept per database build (a new schema or
    # reference data means a new build).
    cols, constraints = ui.run("data_columns"), ui.run("data_constraints")
    names = list(dict.fromkeys(cols["table_name"]))
    return {
        "tables": dictionary.tables(names),
        "columns": dictionary.columns(cols, constraints),
        "files": dictionary.reference_files(),
        "rules": dictionary.recognition_rules(),
    }


def data_dictionary() -> None:
    """Draw the data dictionary: tables, columns (type, allowed values, meaning), import rules."""
    st.header("Data dictionary")
    d = _dictionary(str(default_db()), repr(ui.run("build_info").values.tolist()))
    st.caption("Meanings from each table's .meta.json, the comments of schema.sql and the importers' notes.")
    st.dataframe(d["tables"], hide_index=True, key="dictionary_tables")
    table = st.selectbox("Columns of", ["all tables", *d["tables"]["table"]], key="dictionary_table")
    frame = d["columns"]
    if table != "all tables":
        frame = frame[frame["table"] == table]
    st.dataframe(frame, hide_index=True, key="dictionary_columns")
    st.subheader("UPR responses: each import format's terms")
    st.caption("How the response terms of every UPR file format are stored in recommendation.response.")
    st.dataframe(dictionary.response_terms(), hide_index=True, key="dictionary_responses")
    st.subheader("Reference files that are not tables")
    st.dataframe(d["files"], hide_index=True, key="dictionary_files")
    rules = d["rules"]
    if rules is not None:
        st.subheader("Instrument recognition (UPR page)")
        st.caption("How a recommendation's text is read as asking to join one of the 18 instruments, in order.")
        st.dataframe(rules, hide_index=True, key="dictionary_recognition")
    st.subheader("Indicator catalogue")
    st.caption("Every indicator of the Expected accomplishments page, defined once in hrdash/model/indicators.py.")
    st.dataframe(indicators.catalogue(), hide_index=True, key="dictionary_indicators")


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
        "⬇ Parquet files (zip)", data=lambda: _with_reader(lambda: downloads.parquet_zip(ui.connection())),
        file_name="hrdash_parquet.zip", mime="application/zip", key="download_parquet", on_click="ignore",
    )  # fmt: skip
