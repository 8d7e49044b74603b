"""Fetch the official files, or read a folder of saved ones, and import each in its own transaction.

Each file is downloaded, checked against what was expected (expect.py), then read, validated and loaded by
the import pipeline (importing.py): what succeeded stays when a later file fails, and a failed file changes
nothing. Progress is reported per file (`Step`), and every file ends with an `Outcome`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from ..importers.driver import discard
from . import expect, fetch
from .importing import Database, check, commit
from .outcome import Outcome, Step
from .settings import Settings
from .sources import Target, wanted

Report = Callable[[Step], None]
Say = Callable[[str], None]
T = TypeVar("T")
SAVED_TYPES = {".html", ".htm", ".xlsx"}
FORMAT_KIND = {"untc_status": "untc", "uhri": "uhri"}
NOT_TRIED = "not tried: the database is held by another process"

__all__ = ["Database", "refresh", "from_dir"]


def _each(
    items: Sequence[T], name: Callable[[T], str], work: Callable[[T, Say], Outcome], report: Report
) -> list[Outcome]:
    """Return the outcome of `work` on each item, timed and reported; stop when the database is held elsewhere."""
    out: list[Outcome] = []
    for i, item in enumerate(items, start=1):
        started = time.monotonic()

        def say(text: str, i: int = i, item: T = item) -> None:
            report(Step(i, len(items), name(item), text))

        result = work(item, say)
        result.seconds = time.monotonic() - started
        out.append(result)
        report(Step(i, len(items), name(item), result.line(), result))
        if result.locked:  # every later file would fail the same way
            out += [Outcome(name(x), "", "", "skipped", NOT_TRIED) for x in items[i:]]
            break
    return out


def refresh(
    targets: list[Target],
    db: Database,
    settings: Settings,
    report: Report,
    *,
    skip_bad_rows: bool = False,
    save_to: Path | None = None,
) -> list[Outcome]:
    """Return the outcome of downloading and importing each target, in order (reporting progress per file)."""

    def work(t: Target, say: Say) -> Outcome:
        say(f"downloading {t.url}")
        try:
            d = fetch.download(t.url, settings, _bytes_progress(say))
        except fetch.FetchError as e:
            return Outcome(t.file_name, t.url, t.label, "failed", f"{e}. Expected {t.expected}. Nothing was changed.")
        say(f"downloaded {_size(len(d.content))} in {d.seconds:.1f} s; checking")
        if save_to is not None:
            save_to.mkdir(parents=True, exist_ok=True)
            (save_to / t.file_name).write_bytes(d.content)
        problem = (expect.untc_problem if t.kind == "untc" else expect.uhri_problem)(d.content, d.content_type)
        if problem:
            moved = f" (redirected to {d.final_url})" if d.final_url != t.url else ""
            message = f"{t.url}{moved}: expected {t.expected}; {problem}. Nothing was changed."
            return Outcome(t.file_name, t.url, t.label, "failed", message)
        fmt = "untc_status" if t.kind == "untc" else None  # a status page is read as one; the instrument is known
        plan = check(
            d.content, t.file_name, db, settings, fmt=fmt, instrument=t.instrument, skip_bad_rows=skip_bad_rows
        )
        return commit(plan, db, t.url, t.label, say)

    return _each(targets, lambda t: t.file_name, work, report)


def from_dir(
    folder: Path,
    db: Database,
    settings: Settings,
    report: Report,
    *,
    kinds: set[str],
    codes: set[str],
    skip_bad_rows: bool = False,
) -> list[Outcome]:
    """Return the outcome of importing each status page and UHRI export a user saved in `folder`."""

    def work(path: Path, say: Say) -> Outcome:
        def outcome(status: str, message: str, label: str = "") -> Outcome:
            return Outcome(path.name, str(path), label, status, message)  # type: ignore[arg-type]

        if path.suffix.lower() not in SAVED_TYPES:
            return outcome("not used", f"{path}: not a saved status page (.html, .htm) or UHRI export (.xlsx); "
                           "import other files on the Import tab or with `python -m hrdash import`")  # fmt: skip
        say("reading and checking")
        plan = check(path.read_bytes(), path.name, db, settings, skip_bad_rows=skip_bad_rows)
        kind = FORMAT_KIND.get(plan.format)
        if plan.refused and plan.reason.startswith("unknown instrument"):
            discard(plan)
            return outcome(
                "not used",
                f"{path}: a status page, but neither its title, nor its chapter link, nor its file name says which "
                "instrument it is about; save it again from the Treaty Collection, or name the file after its "
                "chapter (untc_IV-4.html) or code (CCPR.html)",
            )
        if kind is None:
            discard(plan)
            what = f"a {plan.format_label}" if plan.format else plan.reason
            return outcome("not used", f"{path}: not a Treaty Collection status page or a UHRI export ({what})")
        label = plan.detail if kind == "untc" else "UHRI"
        if not wanted(kind, plan.detail or None, kinds, codes):
            discard(plan)
            return outcome("skipped", "not among the sources --only names", label)
        return commit(plan, db, str(path), label, say)

    files = sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith("."))
    return _each(files, lambda p: p.name, work, report)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def _bytes_progress(say: Say, every: float = 1.0) -> fetch.Progress:
    last = [0.0]

    def progress(received: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last[0] >= every:  # at most once a second
            last[0] = now
            say(f"downloading … {_size(received)}" + (f" of {_size(total)}" if total else ""))

    return progress
