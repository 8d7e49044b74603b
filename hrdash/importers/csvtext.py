"""Returns the rows of CSV text, read strictly: quoting checked, limits enforced, bad bytes located by row and column.

Python's csv module does the parsing (any line endings, quoted fields over several lines). On top of it:
- a field that opens a quote and never closes it swallows the rest of the file (or every line up to the
  next stray quote): refused, naming the row and column where the quote opened. Text after a closing quote
  on one line (`"…";` in a Terman year file) is read as Python reads it (the quotes dropped), with a warning;
- a NUL byte, or a byte that is not UTF-8 in a file that is otherwise UTF-8 (decoded with surrogate escapes
  by sniff.decode), is refused with its row and column;
- rows, columns, cell size (and, where the rows are kept in memory, non-empty cells) stop at the limits.
Well-formed files take one pass of a regular expression (C speed) to prove the quoting sound.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from functools import cache

from .limits import Budget
from .model import Refused

csv.field_size_limit(2**31 - 1)  # cell size is checked by the budget, with the row and column named
Warn = Callable[[int, str, str, str], None]  # (row, column, value, message)
UNDECODABLE = re.compile("[\udc80-\udcff]")


def delimiter_of(text: str) -> str:
    """Return the delimiter of CSV text: , ; or tab, whichever its first line uses most."""
    first = text.split("\n", 1)[0].split("\r", 1)[0]
    return max([",", ";", "\t"], key=first.count) if first else ","


@cache
def _well_formed(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    field = f'(?:"[^"]*+(?:""[^"]*+)*+"|[^"{d}\r\n][^{d}\r\n]*+|)'  # quoted, unquoted (not opening a quote), empty
    record = f"{field}(?:{d}{field})*+"
    return re.compile(f"(?:{record}(?:\r\n|\r|\n))*+{record}")


class _Tap:
    """Iterate the lines of the text, remembering those the csv reader took for the current record."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.taken: list[str] = []
        self.line = 0

    def __iter__(self) -> _Tap:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        self.line += 1
        return line


def _quote_fault(raw: str, delimiter: str) -> tuple[int, str] | None:
    """Return (field index, what is wrong) for the first quoting fault of one record's raw text, or None."""
    field, i, n, start, quoted, opened = 0, 0, len(raw), True, False, 0
    while i < n:
        ch = raw[i]
        if quoted:
            if ch == '"':
                if raw.startswith('"', i + 1):
                    i += 2
                    continue
                quoted = False
                if i + 1 < n and raw[i + 1] not in (delimiter, "\r", "\n"):
                    spans = raw.count("\n", opened, i) + raw.count("\r", opened, i) - raw.count("\r\n", opened, i)
                    return field, "multi" if spans else "after"
        elif ch == '"' and start:
            quoted, opened = True, i
        elif ch == delimiter:
            field += 1
            start = True
            i += 1
            continue
        start = False
        i += 1
    return (field, "open") if quoted else None


def _column(header: list[str] | None, index: int) -> str:
    if header is not None and index < len(header) and header[index].strip():
        return header[index].strip()
    return f"column {index + 1}"


def longest_line(data: bytes) -> int:
    """Return the length in bytes of the longest line of `data` (lines end at CR or LF)."""
    import numpy as np

    ends = np.flatnonzero(np.isin(np.frombuffer(data, dtype=np.uint8), (10, 13)))
    bounds = np.concatenate(([-1], ends, [len(data)]))
    return int(np.diff(bounds).max()) - 1 if len(data) else 0


def well_formed(text: str) -> bool:
    """Return True if every quote of CSV text opens a field and closes it right before a delimiter or line end."""
    return _well_formed(delimiter_of(text)).fullmatch(text) is not None


def iter_csv(
    text: str,
    budget: Budget | None = None,
    warn: Warn | None = None,
    *,
    keep_cells: bool = True,
    sound: bool | None = None,
) -> Iterator[list[str]]:
    """Yield the rows of CSV text (row 1 is the header); refuse bad quoting, NUL bytes, undecodable bytes, limits.

    `keep_cells`: the caller keeps the rows in memory, so non-empty cells count against the cells limit.
    `sound`: what well_formed(text) returned, if the caller knows it already.
    """
    budget = budget or Budget()
    delimiter = delimiter_of(text)
    sound = well_formed(text) if sound is None else sound
    nul = "\x00" in text
    undecodable = not text.isascii() and UNDECODABLE.search(text) is not None
    tap = _Tap(text)
    reader = csv.reader(tap, delimiter=delimiter)
    header: list[str] | None = None
    n = 0
    while True:
        first_line = tap.line + 1
        tap.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        n += 1
        raw = tap.taken[0] if len(tap.taken) == 1 else "".join(tap.taken)
        if not sound and '"' in raw:
            _check_quotes(raw, delimiter, n, first_line, header, row, warn)
        if nul and "\x00" in raw:
            col = next(i for i, c in enumerate(row) if "\x00" in c)
            name = _column(header, col)
            raise Refused(f"row {n:,}, column '{name}': a NUL byte (\\x00) in the cell: the file is damaged or not a "
                          "text file; refused (nothing was loaded)", n, name)  # fmt: skip
        if undecodable and UNDECODABLE.search(raw):
            col = next(i for i, c in enumerate(row) if UNDECODABLE.search(c))
            byte = ord(UNDECODABLE.search(row[col]).group()) - 0xDC00
            raise Refused(
                f"row {n:,}, column '{_column(header, col)}': byte 0x{byte:02X} is not UTF-8, while the rest of the "
                "file is UTF-8 (mixed encodings: part of it was saved in another code page). Save the whole file "
                "as UTF-8, or name its encoding (--encoding; Data page: Options)",
                n,
                _column(header, col),
            )
        budget.row(row, "the file", n, header, count_cells=keep_cells)
        if header is None:
            header = row
        yield row


def _check_quotes(raw: str, delimiter: str, n: int, line: int, header, row: list[str], warn: Warn | None) -> None:
    fault = _quote_fault(raw, delimiter)
    if fault is None:
        return
    index, what = fault
    where = f"row {n:,}, column '{_column(header, index)}'"
    if what == "open":
        raise Refused(f"{where} (line {line:,}): a quote (\") opens the cell and is never closed, so the rest of the "
                      "file would be read into it: unbalanced quotes; refused (nothing was loaded)", n,
                      _column(header, index))  # fmt: skip
    if what == "multi":
        raise Refused(f"{where} (line {line:,}): a quote (\") opens the cell and is closed only on a later line, "
                      "followed by more text: unbalanced quotes; refused (nothing was loaded)", n,
                      _column(header, index))  # fmt: skip
    if warn is not None:
        value = row[index] if index < len(row) else ""
        warn(n, _column(header, index), value, 'text after a closing quote ("…"…): read as one value, quotes dropped')


def scan(
    text: str, budget: Budget | None = None, warn: Warn | None = None, sound: bool | None = None
) -> tuple[int, int]:
    """Return (rows, characters of the longest row) of CSV text read strictly, keeping no row in memory."""
    rows = longest = 0
    for row in iter_csv(text, budget, warn, keep_cells=False, sound=sound):
        rows += 1
        longest = max(longest, sum(map(len, row)) + len(row))
    return rows, longest
