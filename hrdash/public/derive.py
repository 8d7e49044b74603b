"""`python -m hrdash derive-public`: write data/public/*.csv from the official files, with the project's importers.

Every table is read by the reader a user's import of the same file would use (hrdash/importers: detection,
country names, the schema's checks), so the bundled facts and an import of the same file agree row for row —
the same ids, which is what lets a later import replace them. What the readers report (participants that are
not States, rows left out) is printed per file. The output is deterministic: same files, same bytes.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from ..importers import context, pipeline
from ..importers import upr as upr_rules
from ..importers.model import Plan
from ..paths import PUBLIC, REFERENCE
from . import CALENDAR, DeriveError, tag, upr_facts

Progress = Callable[[str], None]
UNTC = "untc_ratifications_2026/un_hr_ratifications.csv"
SESSIONS = "upr_sessions/upr_sessions.csv"
RATIFICATION_COLUMNS = [
    "country_iso3", "instrument", "signature_date", "consent_date", "consent_type", "date_precision",
    "reservations", "denounced_date", "source",
]  # fmt: skip


def read_file(realdata: Path, rel: str, progress: Progress) -> tuple[Plan, dict[str, pd.DataFrame]]:
    """Return the import plan of one realdata file and its rows per table (checked by the importer, not loaded)."""
    path = realdata / rel
    if not path.exists():
        raise DeriveError(f"{path}: not found (is --realdata the folder with {rel.split('/')[0]}/?)")
    with tempfile.TemporaryDirectory() as tmp:
        plan = pipeline.inspect(path.read_bytes(), path.name, store_root=Path(tmp))
        if plan.status != "ready":
            raise DeriveError(f"{rel}: {plan.status}: {plan.reason}")
        with duckdb.connect() as con:
            frames = {t: con.execute("select * from read_parquet($p)", {"p": str(plan.folder / tp.parquet)}).df()
                      for t, tp in plan.tables.items()}  # fmt: skip
    notices = sum(1 for p in plan.problems.items if p.severity != "error")
    progress(f"read       {rel:<48} {plan.rows_read:>7,} rows ({plan.format}; {notices} notes)")
    return plan, frames


def calendar(realdata: Path, progress: Progress) -> pd.DataFrame:
    """Return the UPR calendar: session, cycle (by the cycles' first sessions), year (public file), first day."""
    path = realdata / SESSIONS
    if not path.exists():
        raise DeriveError(f"{path}: not found")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != ["session", "year"] or not df["session"].str.fullmatch(r"\d+").all():
        raise DeriveError(f"{path}: expected the columns session,year with session numbers")
    df = df.astype(int)
    if df["session"].tolist() != list(range(1, len(df) + 1)) or not df["year"].is_monotonic_increasing:
        raise DeriveError(f"{path}: sessions must run 1, 2, … with years that never decrease")
    starts = pd.read_csv(REFERENCE / "upr_session_start.csv", dtype=str).set_index("session")["first_day"]
    starts.index = starts.index.astype(int)
    df["cycle"] = [upr_rules.cycle_of_session(s) for s in df["session"]]
    df["first_day"] = df["session"].map(starts)
    known = df.dropna(subset=["first_day"])
    wrong = known[known["first_day"].str[:4].astype(int) != known["year"]]
    if len(wrong) or not known["first_day"].is_monotonic_increasing or set(starts.index) - set(df["session"]):
        raise DeriveError(f"upr_session_start.csv disagrees with {SESSIONS}: sessions {wrong['session'].tolist()}")
    df["source"] = tag("upr-calendar-2026")
    progress(f"read       {SESSIONS:<48} {len(df):>7,} rows (sessions 1–{len(df)}; {len(known)} first days known)")
    return df[["session", "cycle", "year", "first_day", "source"]]


def ratification(realdata: Path, progress: Progress) -> pd.DataFrame:
    """Return the status of the 18 instruments for every State of the country table (UN Treaty Collection)."""
    plan, frames = read_file(realdata, UNTC, progress)
    for p in plan.problems.items:
        if p.row is not None:
            progress(f"           row {p.row}: {p.value}: {p.message}")
    df = frames["ratification"].assign(source=tag("untc-2026-02-03"))
    order = {c: i for i, c in enumerate(context.reference("instrument")["code"])}  # the instrument table's order
    df = df.sort_values(["instrument", "country_iso3"], key=lambda s: s.map(order) if s.name == "instrument" else s)
    return df[RATIFICATION_COLUMNS].reset_index(drop=True)


def _cell(value: object) -> str:
    """Return a value as the CSV writes it: lists joined by ';', dates ISO, integers without '.0', NULL empty."""
    if isinstance(value, list | tuple | np.ndarray):
        return ";".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write a table as UTF-8 CSV with '\\n' line ends (the format data/reference uses and load_csv reads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(df.columns)
        for row in df.itertuples(index=False, name=None):
            w.writerow([_cell(v) for v in row])


def derive(realdata: Path, out: Path = PUBLIC, progress: Progress = print) -> dict[str, Path]:
    """Write the public tables into `out` from the files in `realdata`; return {table: path}."""
    realdata = Path(realdata)
    if not realdata.is_dir():
        raise DeriveError(f"{realdata}: no such folder (the real public files, e.g. ../shared/realdata)")
    written: dict[str, Path] = {}

    def write(table: str, df: pd.DataFrame) -> None:
        written[table] = out / f"{table}.csv"
        write_table(df, written[table])
        progress(f"wrote      {str(written[table]):<48} {len(df):>7,} rows")

    cal = calendar(realdata, progress)
    write(CALENDAR, cal)
    # The readers take sessions, cycles and years from the bundled calendar: it must be this one.
    if out.resolve() == PUBLIC.resolve():
        upr_rules.session_starts.cache_clear()
        context._reference.cache_clear()
        context._scratch.cache_clear()
    elif not (PUBLIC / f"{CALENDAR}.csv").exists() or (PUBLIC / f"{CALENDAR}.csv").read_bytes() != (
        written[CALENDAR].read_bytes()
    ):
        raise DeriveError(f"the importers read the UPR calendar from {PUBLIC}, which differs from the one derived "
                          f"now: derive into {PUBLIC} first (--out {PUBLIC})")  # fmt: skip
    write("ratification", ratification(realdata, progress))
    reviews = upr_facts.reviews(realdata, lambda rel: read_file(realdata, rel, progress), progress)
    write("upr_review", reviews)
    recs = upr_facts.recommendations(realdata, reviews, cal, lambda rel: read_file(realdata, rel, progress), progress)
    write("recommendation", recs)
    return written
