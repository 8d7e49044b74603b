"""The Data page's Import tab: who may import, options, upload, check, report, confirm (and the update action).

File names, headers, values quoted in problems and error messages come from the files: they reach markdown
through text.md only (tables show them as plain text).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from ..db.connect import Locked
from ..importers import access, driver, limits, report, store
from ..importers.detect import FORMATS
from ..importers.model import Plan
from ..model.text import md
from ..paths import default_db
from . import secrets, update_action
from .data import connection, write_connection
from .gate import GATE

ENCODINGS = ["utf-8", "utf-16", "cp1252", "mac_roman", "latin-1"]
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xls", "html", "htm", "docx"]
STATUS = {"ready": st.success, "refused": st.error, "already imported": st.info, "nothing to load": st.info}


def _user() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict())
    except Exception:  # st.user outside a session
        return {}


def current_access() -> access.Access:
    """Return the import access of the current user under the app's secrets."""
    return access.decide(secrets.read(), _user())


def import_limits() -> limits.Limits:
    """Return the import's limits: $HRDASH_MAX_IMPORT_… variables, else [hrdash] in secrets.toml, else defaults."""
    return limits.resolve(environ=os.environ, secrets=secrets.read())


def limits_caption(bounds: limits.Limits) -> str:
    """Return the sentence that tells what one file may hold (the limits in force, and where they are set)."""
    shown = "; ".join(f"{value} {what}" for what, value, *_ in limits.describe(bounds))
    return (f"Limits: {shown}. Macros and active content are refused; nothing in a file is ever run. An administrator "
            "sets the limits under [hrdash] in secrets.toml (README: Security model).")  # fmt: skip


def limit_mb() -> float:
    """Return the size limit of one imported file, in MB."""
    return import_limits().max_mb


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
            with st.spinner(f"Checking {md(f.name)} …"), GATE.shared(), connection().cursor() as cur:
                cache[key] = driver.check(data, f.name, root, cur, limits=import_limits(), **options)
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
            st.dataframe(names, hide_index=True, key=f"import_unresolved_{i}", placeholder="")
        problems = plan.problems.frame() if plan.problems else pd.DataFrame()
        if len(problems):
            counts = plan.problems.counts
            st.markdown(f"**{counts['error']:,} problem(s), {counts['warning']:,} warning(s), {counts['notice']:,} "
                        "note(s)** — each with its row, column and value:")  # fmt: skip
            st.dataframe(problems, hide_index=True, key=f"import_problems_{i}", placeholder="")
        if plan.skip_bad_rows and plan.skipped_rows:
            st.download_button(
                f"⬇ Skipped rows ({plan.skipped_rows:,})", data=report.skipped_rows_csv(plan),
                file_name=f"skipped_rows_{Path(plan.file_name).stem}.csv", mime="text/csv", key=f"import_skipped_{i}",
                on_click="ignore",
            )  # fmt: skip
        for table, tp in plan.tables.items():
            st.markdown(f"Preview of `{table}` (first {len(tp.preview)} of {tp.rows:,} rows, as they will be stored):")
            st.dataframe(tp.preview, hide_index=True, key=f"import_preview_{i}_{table}", placeholder="")


def load(plans: list[Plan], who: str) -> list[str]:
    """Load the ready plans (one transaction each) and return what happened, one message per file."""
    root = store.store_dir(default_db())
    messages = []
    try:
        with write_connection() as con:
            for plan in plans:
                log = driver.load(con, plan, root, who)
                if log is None:
                    messages.append(f"{md(plan.file_name)}: already imported, nothing to do.")
                elif log.get("restored"):
                    messages.append(f"{md(plan.file_name)}: {md(report.loaded_message(plan, log))}.")
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
    update_action.section(who, limit_mb())
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
    st.dataframe(report.summary(plans), hide_index=True, key="import_summary", placeholder="")
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
