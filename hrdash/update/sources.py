"""The files an update downloads: one Treaty Collection status page per instrument, and the UHRI export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlsplit

import pandas as pd

from ..importers.instruments import by_code
from .settings import Settings

Kind = Literal["untc", "uhri"]
UNTC_PAGE = "{base}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={mtdsg_no}&chapter=4&clang=_en"
KINDS = {"untc": "UN Treaty Collection status pages", "uhri": "Universal Human Rights Index export"}


@dataclass(frozen=True)
class Target:
    """One file to fetch: what it is, its address, the name it is imported under and what it must contain."""

    kind: Kind
    label: str  # "CCPR" or "UHRI"
    url: str
    file_name: str  # the import's file name (import_log, the store)
    instrument: str | None  # OHCHR code of a status page
    expected: str  # what the file must be, for messages


def untc_targets(instruments: pd.DataFrame, base_url: str) -> list[Target]:
    """Return the status page of each instrument (`instruments`: code, short_name, name, mtdsg_no)."""
    out = []
    for r in instruments.itertuples(index=False):
        url = UNTC_PAGE.format(base=base_url.rstrip("/"), mtdsg_no=quote(r.mtdsg_no))
        out.append(
            Target(
                "untc",
                r.code,
                url,
                f"untc_{r.mtdsg_no}_{r.code}.html",
                r.code,
                f"the Treaty Collection status page of {r.code} (chapter {r.mtdsg_no}): an HTML page with a "
                "participant table ('Participant', 'Signature', 'Ratification, Accession(a) ...')",
            )
        )
    return out


def uhri_target(url: str) -> Target:
    """Return the UHRI full export (its file name is the last part of the address, e.g. export-full-en.xlsx)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1] or "uhri_export.xlsx"
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name)
    if not name.lower().endswith(".xlsx"):
        name += ".xlsx"
    return Target(
        "uhri",
        "UHRI",
        url,
        name,
        None,
        "the Universal Human Rights Index export: an Excel workbook (.xlsx) with the columns Text, "
        "Countries Concerned, Reccomending Body and Document Publication Date",
    )


def parse_only(text: str | None, instruments: pd.DataFrame) -> tuple[set[str], set[str]]:
    """Return (kinds, instrument codes) named by --only: 'untc', 'uhri' and/or instrument codes or short names.

    None or '' means everything. Raises ValueError naming an unknown word and the valid ones.
    """
    if not text or not text.strip():
        return {"untc", "uhri"}, set()
    kinds, codes = set(), set()
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        if word.lower() in KINDS:
            kinds.add(word.lower())
        elif code := by_code(instruments, word):
            codes.add(code)
        else:
            raise ValueError(
                f"unknown source {word!r} in --only: use untc, uhri and/or instrument codes "
                f"({', '.join(instruments['code'])})"
            )
    return kinds, codes


def targets(instruments: pd.DataFrame, settings: Settings, kinds: set[str], codes: set[str]) -> list[Target]:
    """Return the files to fetch: every status page if 'untc' is in `kinds`, else those of `codes`; then UHRI."""
    pages = untc_targets(instruments, settings.untc_base_url)
    if "untc" not in kinds:
        pages = [t for t in pages if t.instrument in codes]
    return pages + ([uhri_target(settings.uhri_url)] if "uhri" in kinds else [])


def wanted(kind: str, instrument: str | None, kinds: set[str], codes: set[str]) -> bool:
    """Return whether a file of this kind (and instrument) is among the sources --only names."""
    return kind in kinds or (kind == "untc" and instrument in codes)
