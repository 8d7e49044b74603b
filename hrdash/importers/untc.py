"""What a UN Treaty Collection status page says beyond a date: kinds, brackets, footnotes, denunciations.

A status page (treaties.un.org, chapter IV) lists one participant a row. A date cell reads
`16 Dec 1966 a` (a: accession, d: succession, c / A / AA: confirmation, acceptance, approval);
a date in square brackets (`[30 Sep 1992 a]`) is an action later undone — a denunciation or a
withdrawal that the page's footnotes explain ("On 23 October 1997, the Government of Jamaica
notified the Secretary-General of its decision to denounce the Optional Protocol ... with effect
from 23 January 1998."). Footnote numbers follow a participant's name or a date (`Belarus 6`,
`[30 Sep 1992 a] 7`); the footnotes themselves come below the table (a saved CSV) or elsewhere on
the page (HTML), each starting with its number.

The date a State's consent ends (ratification.denounced_date) is the footnote's effective date
("with effect from", "took effect on", ...) when it gives one, else the date of the notification
(the date of the sentence that says "denounce" / "withdraw from"). Without either, nothing is
invented: the reader warns and records no consent.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], start=1)}  # fmt: skip
# Suffix after a UNTC date: a = accession, d = succession; c (formal confirmation), A (acceptance)
# and AA (approval) are forms of consent the schema records as ratification.
SUFFIX = {"a": "accession", "d": "succession", "c": "ratification", "A": "ratification", "AA": "ratification",
          "": "ratification"}  # fmt: skip
# Participants of chapter IV that are not States of the country table, and why: reported, never loaded.
# (Niue, the Cook Islands and other territories resolve to codes outside the country table and are
# reported the same way; Czechoslovakia is listed because a name matcher would take it for Czechia.)
NOT_STATES = {
    "european union": "a regional integration organisation, not a State",
    "european community": "a regional integration organisation, not a State",
    "czechoslovakia": "a predecessor State (its successors, Czechia and Slovakia, have rows of their own)",
    "german democratic republic": "a predecessor State (Germany has a row of its own)",
    "yugoslavia": "a predecessor State (its successors have rows of their own)",
    "socialist federal republic of yugoslavia": "a predecessor State (its successors have rows of their own)",
    "serbia and montenegro": "a predecessor State (Serbia and Montenegro have rows of their own)",
    "union of soviet socialist republics": "a predecessor State (the Russian Federation has a row of its own)",
}
_DAY = r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})"
_CELL = re.compile(rf"^(\[)?\s*{_DAY}\s*(AA|[acdA])?\s*(\])?\s*((?:\d{{1,3}}\s*,?\s*)*)$")
_MARKERS = re.compile(r"((?:\s+\d{1,3}(?:\s*,\s*\d{1,3})*)+)$")
_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s+(?!(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+\d{4}\b)(\S.*)$")
_DATE_IN_TEXT = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(\d{4})\b",
                           re.IGNORECASE)  # fmt: skip
_EFFECTIVE = re.compile(r"(?:with effect (?:from|as of|on)|took effect on|takes effect on|take effect on|"
                        r"(?:became|becomes|become) effective (?:on|as of|from)|effective (?:as of|from|on)|"
                        r"entered into (?:effect|force) on)\s+(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
_UNDONE = re.compile(r"denounc|denunciat|terminat", re.IGNORECASE)
_WITHDRAWN = re.compile(r"withdr", re.IGNORECASE)  # withdrawal from the treaty, not of a reservation:
_OF_A_RESERVATION = re.compile(r"reservation|declaration|objection", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A date cell of a status page: the date, the kind of consent, whether bracketed, its footnote markers."""

    date: str  # ISO
    kind: str  # ratification / accession / succession
    bracketed: bool
    markers: tuple[str, ...]


def parse_cell(text: str) -> Cell | None:
    """Return what a date cell says (`16 Dec 1966 a`, `[30 Sep 1992 a]`, `4 Oct 1991 a 7`), or None if no date."""
    m = _CELL.match(" ".join(text.replace("\u00a0", " ").split()))
    if not m or m.group(3)[:3].lower() not in MONTHS or bool(m.group(1)) != bool(m.group(6)):
        return None
    try:
        day = dt.date(int(m.group(4)), MONTHS[m.group(3)[:3].lower()], int(m.group(2)))
    except ValueError:
        return None
    return Cell(day.isoformat(), SUFFIX[m.group(5) or ""], bool(m.group(1)), tuple(re.findall(r"\d+", m.group(7))))


def name_markers(name: str) -> tuple[str, ...]:
    """Return the footnote numbers after a participant's name ("Belarus 6" -> ("6",); "Albania 3, 4" -> both)."""
    m = _MARKERS.search(" ".join(name.replace("\u00a0", " ").split()))
    return tuple(re.findall(r"\d+", m.group(1))) if m else ()


def not_a_state(clean_name: str) -> str | None:
    """Return why a participant is not a State of the country table (EU, predecessor States), or None."""
    return NOT_STATES.get(" ".join(clean_name.lower().replace("the ", "").split()))


def footnotes(lines: list[str]) -> dict[str, str]:
    """Return {number: text} of the footnotes in lines of text (a footnote runs on until the next number).

    Give the lines below the table first: a number that comes again later (numbered text above the table)
    is not a footnote.
    """
    out: dict[str, str] = {}
    current = None
    for line in lines:
        line = " ".join(line.replace("\u00a0", " ").split())
        if not line:
            continue
        m = _FOOTNOTE.match(line)
        if m:  # a number seen before (numbered text elsewhere on the page) starts nothing: the first one wins
            current = m.group(1) if m.group(1) not in out else None
            if current:
                out[current] = m.group(2)
        elif current is not None and not re.match(r"^(notes?|footnotes?|declarations|reservations)\b", line, re.I):
            out[current] += " " + line
    return out


def _date(m: re.Match) -> str | None:
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1))).isoformat()
    except ValueError:
        return None


def undone_date(text: str) -> tuple[str, str] | None:
    """Return (ISO date, 'effective' or 'notification') of the denunciation or withdrawal a footnote tells of.

    Only sentences that speak of denouncing, terminating or withdrawing (not a reservation) count. Within them the
    effective date wins ("with effect from 23 January 1998"); else the first date of such a sentence,
    which in the Treaty Collection's wording is the date of the notification ("On 23 October 1997, ...").
    """
    sentences = [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", text)
                 if _UNDONE.search(s) or (_WITHDRAWN.search(s) and not _OF_A_RESERVATION.search(s))]  # fmt: skip
    for s in sentences:
        for m in _DATE_IN_TEXT.finditer(s):
            if _EFFECTIVE.search(s[: m.start()][-60:]) and (day := _date(m)):
                return day, "effective"
    for s in sentences:
        for m in _DATE_IN_TEXT.finditer(s):
            if day := _date(m):
                return day, "notification"
    return None
