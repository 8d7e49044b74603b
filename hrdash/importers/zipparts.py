"""Returns what the parts of an .xlsx or .docx (a ZIP archive) hold, before any XML parser sees them.

Checks made on the archive itself: no macros or active content (VBA projects, Excel 4.0 macro sheets,
dialog sheets, ActiveX controls, a macro-enabled content type), and the unpacked size under the limit.
Then each worksheet's XML is streamed through a counter (no parser, about a second per 300 MB): its rows,
its last row number and its cells; a Word document's XML elements. The declared dimension of a sheet
(`<dimension ref="A1:XFD1048576"/>`) is never used: what counts is what the XML holds, so a sheet that
claims a million rows costs nothing and one that holds them is refused before openpyxl builds them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from .limits import Budget, LimitExceeded
from .model import Refused

CHUNK = 1 << 20
_ACTIVE = [  # (part name pattern, what it is)
    (re.compile(r"(^|/)vbaproject\.bin$"), "macros (a VBA project)"),
    (re.compile(r"^xl/macrosheets/"), "Excel 4.0 macro sheets"),
    (re.compile(r"^xl/dialogsheets/"), "Excel 5.0 dialog sheets (macros)"),
    (re.compile(r"(^|/)activex/"), "ActiveX controls"),
    (re.compile(r"(^|/)vbadata\.xml$"), "macros (VBA data)"),
]
_MACRO_TYPE = re.compile(rb"macroEnabled|vnd\.ms-excel\.(?:macrosheet|intlmacrosheet|dialogsheet)|vbaProject",
                         re.IGNORECASE)  # fmt: skip
_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:sheetData|body)\b")  # the namespace prefix of a part's elements


@dataclass(frozen=True)
class PartCount:
    """What one XML part holds: bytes unpacked, row elements, the largest row number, cells, elements."""

    name: str
    size: int
    rows: int
    last_row: int
    cells: int
    elements: int


def check_archive(zf: zipfile.ZipFile, what: str, budget: Budget) -> None:
    """Refuse an archive with active content, or that unpacks past the limit (declared sizes; reads are capped)."""
    names = zf.namelist()
    for name in names:
        for pattern, label in _ACTIVE:
            if pattern.search(name.lower()):
                raise Refused(f"the {what} contains {label} ({name}): save it as a plain file without them; "
                              "nothing in a file is ever run (refused unread)")  # fmt: skip
    if "[Content_Types].xml" in names:
        types = zf.open("[Content_Types].xml").read(CHUNK)
        if m := _MACRO_TYPE.search(types):
            raise Refused(f"the {what} is macro-enabled ({m.group().decode()} in its content types): save it as a "
                          "plain file without macros (refused unread)")  # fmt: skip
    unpacked = sum(i.file_size for i in zf.infolist())
    if unpacked > budget.limits.unpacked_bytes:
        raise LimitExceeded("unpacked_mb", f"the {what}", f"unpacks to {unpacked / 1e6:,.0f} MB", budget.limits)


def count_part(zf: zipfile.ZipFile, name: str, budget: Budget) -> PartCount:
    """Return the counts of one XML part, streamed with byte counts (C speed: about a second per 300 MB).

    The largest row number is looked for only among numbers as long as the rows limit or longer: a sheet
    whose rows are numbered below the limit passes whatever it claims.
    """
    size = rows = last = cells = elements = 0
    carry, prefix = b"", None
    digits = len(str(budget.limits.rows))
    with zf.open(name) as fh:
        while True:
            chunk = fh.read(CHUNK)
            data = carry + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            cut = len(data) if cut <= 0 else cut
            part, carry = data[:cut], data[cut:]
            size += len(chunk)
            if prefix is None and (m := _PREFIX.search(part)):
                prefix = m.group(1) or b""
            p = b"<" + (prefix or b"")
            rows += sum(part.count(p + b"row" + end) for end in (b" ", b">", b"/"))
            cells += sum(part.count(p + b"c" + end) for end in (b" ", b">", b"/"))
            elements += part.count(b"<") - part.count(b"</") - part.count(b"<?") - part.count(b"<!")
            numbers = re.findall(re.escape(p) + rb"row\b[^>]*?\sr\s*=\s*[\"'](\d{%d,})" % digits, part)
            if numbers:
                last = max(last, max(map(int, numbers)))
            if not chunk:
                break
            budget.check_time(f"while unpacking {name}")
    return PartCount(name, size, rows, last, cells, elements)


def check_sheets(zf: zipfile.ZipFile, sheet_names: dict[str, str], budget: Budget) -> None:
    """Refuse a workbook whose worksheets hold more rows or cells than the limits ({part: sheet title})."""
    lim = budget.limits
    total = 0
    for part, title in sheet_names.items():
        c = count_part(zf, part, budget)
        where = f"sheet '{title}'"
        last = max(c.last_row, c.rows)
        if last > lim.rows:
            raise LimitExceeded("rows", where, f"it has a row numbered {last:,}", lim)
        total += c.cells
        if total > lim.cells:
            raise LimitExceeded("cells", where, f"the workbook holds {total:,} cells", lim)


def check_word(zf: zipfile.ZipFile, budget: Budget) -> None:
    """Refuse a Word document whose body has more XML elements than the cells limit (each is built in memory)."""
    c = count_part(zf, "word/document.xml", budget)
    if c.elements > budget.limits.cells:
        raise LimitExceeded("cells", "the Word document", f"its text holds {c.elements:,} XML elements",
                            budget.limits)  # fmt: skip


def worksheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Return {worksheet part name: sheet title} of a workbook, from its relationships (else every sheet part)."""
    names = set(zf.namelist())
    try:
        book = zf.open("xl/workbook.xml").read(4 * CHUNK).decode("utf-8", "replace")
        rels = zf.open("xl/_rels/workbook.xml.rels").read(4 * CHUNK).decode("utf-8", "replace")
    except KeyError:
        book = rels = ""
    targets = {}
    for m in re.finditer(r"<(?:\w+:)?Relationship\b([^>]*)>", rels):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
        if "Id" in attrs and "Target" in attrs:
            target = attrs["Target"].lstrip("/")
            targets[attrs["Id"]] = target if target.startswith("xl/") else f"xl/{target}"
    out = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", book):
        name = re.search(r'\bname\s*=\s*"([^"]*)"', m.group(1))
        rid = re.search(r'\b(?:\w+:)?id\s*=\s*"([^"]*)"', m.group(1))
        if rid and targets.get(rid.group(1)) in names:
            out[targets[rid.group(1)]] = name.group(1) if name else targets[rid.group(1)]
    for part in sorted(n for n in names if re.match(r"xl/worksheets/[^/]+\.xml$", n)):
        out.setdefault(part, part.rsplit("/", 1)[-1])  # parts the relationships do not name still count
    return out
