"""Which of the 18 instruments a status table is about: from the user, the page title, or the file name."""

from __future__ import annotations

import re

import pandas as pd

from .countries import squash

# File stems of the per-treaty tables in ../shared/realdata (hr_status_<stem>.csv).
TREATY_TABLE_FILES = {
    "cat": "CAT", "opcat": "CAT-OP", "iccpr": "CCPR", "iccpr_op1": "CCPR-OP1", "iccpr_op2": "CCPR-OP2-DP",
    "cped": "CED", "cedaw": "CEDAW", "op_cedaw": "CEDAW-OP", "icerd": "CERD", "icescr": "CESCR",
    "icescr_op": "CESCR-OP", "icmw": "CMW", "crc": "CRC", "op_crc_ac": "CRC-OP-AC", "op_crc_sc": "CRC-OP-SC",
    "op_crc_ic": "CRC-OP-IC", "crpd": "CRPD", "op_crpd": "CRPD-OP",
}  # fmt: skip


def by_code(instruments: pd.DataFrame, text: str) -> str | None:
    """Return the OHCHR code a user typed (code or short name, any case), or None."""
    t = text.strip().upper()
    for code, short in zip(instruments["code"], instruments["short_name"]):
        if t in (code.upper(), short.upper()):
            return code
    return None


def from_title(instruments: pd.DataFrame, text: str) -> str | None:
    """Return the instrument whose full name appears in a page title or heading (the longest match)."""
    hay = squash(text)
    found = [(len(squash(n)), c) for c, n in zip(instruments["code"], instruments["name"]) if squash(n) in hay]
    if not found:
        # UNTC titles the CAT, CESCR ... pages with the name up to the first comma
        found = [
            (len(squash(n.split(",")[0])), c)
            for c, n in zip(instruments["code"], instruments["name"])
            if len(squash(n.split(",")[0])) > 25 and squash(n.split(",")[0]) in hay
        ]
    return max(found)[1] if found else None


def from_chapter(instruments: pd.DataFrame, text: str) -> str | None:
    """Return the instrument of a UNTC chapter number in a link or file name (mtdsg_no=IV-4, IV-11-b).

    The chapter numbers are the instrument table's mtdsg_no (data/reference/instrument.csv).
    """
    chapters = dict(zip(instruments["mtdsg_no"], instruments["code"], strict=True))
    for m in re.finditer(r"IV[-_](\d{1,2})(?:[-_]([a-d]))?(?![0-9])", text, re.IGNORECASE):
        key = f"IV-{m.group(1)}" + (f"-{m.group(2).lower()}" if m.group(2) else "")
        if key in chapters:
            return chapters[key]
    return None


def from_file_name(instruments: pd.DataFrame, stem: str) -> str | None:
    """Return the instrument a file name names: hr_status_<stem>, a chapter number, a code or short name."""
    s = stem.lower()
    if s.startswith("hr_status_") and s[len("hr_status_") :] in TREATY_TABLE_FILES:
        return TREATY_TABLE_FILES[s[len("hr_status_") :]]
    if chapter := from_chapter(instruments, s):
        return chapter
    tokens = [t for t in re.split(r"[^a-z0-9-]+", s) if t]
    for t in tokens:
        if code := by_code(instruments, t):
            return code
    joined = "_".join(tokens)
    for stem_key, code in sorted(TREATY_TABLE_FILES.items(), key=lambda kv: -len(kv[0])):
        if joined.endswith(stem_key) or joined == stem_key:
            return code
    return None
