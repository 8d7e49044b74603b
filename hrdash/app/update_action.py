"""The Data page's "Update from official sources": download and import the Treaty Collection and UHRI files.

Shown on the Import tab to whoever may import (importers/access.py decides). It runs the same steps as
`python -m hrdash update`, with a progress bar and a line per file, and loads through the app's own write
path (data.write_connection): each file in its own transaction, the app's other sessions waiting only while
a file is loaded, never while it downloads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb
import streamlit as st

from ..importers import store
from ..importers.access import Access
from ..paths import default_db
from ..update import outcome, run, settings, sources
from . import data, secrets
from .gate import GATE

RESULTS = "update_results"


@contextmanager
def _reading() -> Iterator[duckdb.DuckDBPyConnection]:
    with GATE.shared(), data.connection().cursor() as cur:  # as the import tab's check
        yield cur


def _run(targets: list[sources.Target], s: settings.Settings, who: Access, skip: bool) -> list[outcome.Outcome]:
    """Return the outcomes of the update, drawing a progress bar and one line per file meanwhile.

    Lines about files are plain text (st.text), never markdown: they quote what servers and files said.
    """
    with st.status(f"Updating from official sources: {len(targets)} file(s) …", expanded=True) as box:
        bar = st.progress(0.0, text="Starting …")
        current = st.empty()

        def report(step: outcome.Step) -> None:
            done = step.index - (step.outcome is None)
            bar.progress(done / step.total, text=f"File {step.index} of {step.total}")
            if step.outcome is None:
                current.text(f"{step.name}: {step.text}")
            else:
                current.empty()
                st.text(f"{'✗' if step.outcome.problem else '✓'} {step.name} — {step.text}")

        db = run.Database(
            store.store_dir(default_db()),
            _reading,
            data.write_connection,
            who.email or "app user (no authentication configured)",
        )
        outcomes = run.refresh(targets, db, s, report, skip_bad_rows=skip)
        failed = outcome.exit_status(outcomes) != 0
        box.update(label=outcome.headline(outcomes), state="error" if failed else "complete", expanded=failed)
    return outcomes


def section(who: Access, max_mb: float) -> None:
    """Draw the update action (for someone who may import): sources, options, button, last results."""
    st.subheader("Update from official sources")
    try:
        s = settings.resolve(environ=dict(os.environ), secrets=secrets.read(), max_mb=max_mb)
    except settings.SettingsError as e:
        st.error("The update's settings cannot be used; fix them under [hrdash] in secrets.toml:")
        st.text(str(e))  # quotes the value as given
        return
    instruments = data.run("untc_status_pages")
    st.caption(
        f"Downloads the status page of each of the {len(instruments)} instruments from the UN Treaty Collection "
        f"(`{s.untc_base_url}`) and the full export of the Universal Human Rights Index (`{s.uhri_url}`: "
        "recommendations of every mechanism), and imports each file as the Import below would, in its own "
        "transaction: a file that fails changes nothing, and files already up to date are left alone. The same as "
        "`python -m hrdash update`. Addresses and timeouts: `untc_base_url`, `uhri_url`, `update_timeout_s` under "
        f"[hrdash] in secrets.toml; at most {s.max_mb:g} MB a file."
    )
    c1, c2 = st.columns(2)
    untc = c1.checkbox(f"UN Treaty Collection: {len(instruments)} status pages", value=True, key="update_untc")
    uhri = c2.checkbox("Universal Human Rights Index: full export", value=True, key="update_uhri")
    chosen = st.multiselect(
        "Only these instruments (empty: all)", list(instruments["code"]), key="update_instruments", disabled=not untc
    )
    skip = st.checkbox("Skip bad rows (load a file's good rows, list the bad ones)", key="update_skip_bad_rows")
    if st.button("Update from official sources", type="primary", key="update_run", disabled=not (untc or uhri)):
        kinds = ({"untc"} if untc and not chosen else set()) | ({"uhri"} if uhri else set())
        targets = sources.targets(instruments, s, kinds, set(chosen) if untc else set())
        outcomes = _run(targets, s, who, skip)
        st.session_state[RESULTS] = {
            "at": datetime.now().strftime("%Y-%m-%d %H:%M"),
            "headline": outcome.headline(outcomes),
            "failed": outcome.exit_status(outcomes) != 0,
            "problems": [f"{o.file_name} ({o.status}): {o.message}" for o in outcomes if o.problem],
            "table": outcome.frame(outcomes),
        }
        st.rerun()  # redraw the whole page on the new data
    results(st.session_state.get(RESULTS))


def results(last: dict[str, Any] | None) -> None:
    """Draw the summary of the last update of this session: headline, problems, one row per file."""
    if not last:
        return
    (st.warning if last["failed"] else st.success)(f"Update of {last['at']}: {last['headline']}")
    if last["problems"]:
        st.error(f"{len(last['problems'])} file(s) not loaded; what went wrong, file by file:")
        for text in last["problems"]:
            st.text(text)  # plain text: the messages quote what servers and files said
    st.dataframe(
        last["table"],
        hide_index=True,
        key="update_summary",
        column_config={"source": st.column_config.TextColumn("address or file"), "seconds": "time (s)"},
        placeholder="",
    )
