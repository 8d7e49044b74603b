"""What happened to each file of an update, the progress steps, and the summary both front ends show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

Status = Literal["loaded", "already imported", "unchanged", "nothing to load", "failed", "not used", "skipped"]
# Outcomes that make the update's exit status non-zero: the file's data did not get in.
PROBLEMS = {"failed", "not used"}


@dataclass
class Outcome:
    """One file: its name, where it came from (address or path), what happened, rows and time."""

    file_name: str
    source: str
    label: str  # instrument code, "UHRI", or "" (a saved file not recognised)
    status: Status
    message: str
    inserted: int = 0
    replaced: int = 0
    import_id: int | None = None
    seconds: float = 0.0
    locked: bool = False  # failed because another process holds the database

    @property
    def problem(self) -> bool:
        return self.status in PROBLEMS or self.locked

    def line(self) -> str:
        """Return the one-line result shown under the file's progress."""
        return f"{self.status.upper() if self.problem else self.status}: {self.message} ({self.seconds:.1f} s)"


@dataclass(frozen=True)
class Step:
    """A progress report: file `index` of `total`, its name, what is happening; `outcome` once it is done."""

    index: int
    total: int
    name: str
    text: str
    outcome: Outcome | None = None


def exit_status(outcomes: list[Outcome]) -> int:
    """Return 0 if every file was loaded or had nothing new, 1 if any failed or could not be used."""
    return 1 if any(o.problem for o in outcomes) else 0


def headline(outcomes: list[Outcome]) -> str:
    """Return one sentence: how many files, how many of each outcome, rows and total time."""
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    parts = ", ".join(f"{n} {status}" for status, n in counts.items())
    rows = sum(o.inserted for o in outcomes)
    seconds = sum(o.seconds for o in outcomes)
    return f"{len(outcomes)} file(s): {parts or 'none'}; {rows:,} rows inserted; {seconds:.1f} s."


def frame(outcomes: list[Outcome]) -> pd.DataFrame:
    """Return the summary table: per file, address or path, outcome, rows inserted / replaced, time, message."""
    rows = [
        (o.file_name, o.label, o.source, o.status, o.import_id, o.inserted, o.replaced, round(o.seconds, 1), o.message)
        for o in outcomes
    ]
    df = pd.DataFrame(
        rows, columns=["file", "what", "source", "outcome", "import", "inserted", "replaced", "seconds", "message"]
    )
    return df.astype({"import": "Int64"})


def lines(outcomes: list[Outcome]) -> list[str]:
    """Return the summary the command line prints: a table, then the message of every file not loaded."""
    name_w = max([len(o.file_name) for o in outcomes] + [4])
    out = [f"  {'file':<{name_w}}  {'outcome':<16} {'inserted':>9} {'replaced':>9} {'time':>7}  source"]
    for o in outcomes:
        status = o.status + (f" #{o.import_id}" if o.status == "loaded" else "")
        out.append(
            f"  {o.file_name:<{name_w}}  {status:<16} {o.inserted:>9,} {o.replaced:>9,} {o.seconds:>6.1f}s  {o.source}"
        )
    notes = [o for o in outcomes if o.status not in ("loaded", "already imported")]
    if notes:
        out.append("")
        out += [f"  {o.file_name}: {o.status}: {o.message}" for o in notes]
    return out
