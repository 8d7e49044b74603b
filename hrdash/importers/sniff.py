"""What kind of file this is, from its bytes (never from its name alone), and how its text is encoded.

Only CSV/text, HTML, .xlsx, .xls and .docx (Word: the UPR matrices) are parsed. Anything else — a PDF
or an image renamed .csv, an executable, an archive, a workbook with macros — is refused before it is read, and
nothing in a file is ever executed: workbooks are read as data (formulas come back as their
text), HTML is parsed with the standard library's tokenizer with scripts skipped.
"""

from __future__ import annotations

import io
import os
import re
import zipfile

from .model import DEFAULT_MAX_MB, Refused

TEXT_EXTENSIONS = {".csv", ".txt", ".tsv", ".html", ".htm"}
EXCEL_EXTENSIONS = {".xlsx", ".xls"}
WORD_EXTENSIONS = {".docx"}  # OHCHR's UPR matrices of recommendations
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable (ELF)",
    b"MZ": "a Windows executable",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xca\xfe\xba\xbe": "a compiled program",
    b"SQLite format 3": "an SQLite database",
}
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Characters a Latin-script file decoded with the right code page is full of, and the ones a
# wrong code page produces instead (Mac Roman "ô" read as cp1252 is "™", "’" is "Õ").
_GOOD = set("éèêëàâäçôöüûùîïñáíóúÉÈÀÇÖÜÑÁÍÓÚ’‘“”–—…«»ãõ")
_MOJIBAKE = re.compile("[ÕÒÓÔ™ª]")
_BAD = set("™ÕÒÓÔÊªº¨‡•ˆ˜¯˘˙¸˝˛ˇ∑∏π∫Ωæ¬√ƒ≈∆")


def max_bytes(max_mb: float | None = None) -> int:
    """Return the size limit in bytes: `max_mb`, else $HRDASH_MAX_IMPORT_MB, else 50 MB."""
    if max_mb is None:
        max_mb = float(os.environ.get("HRDASH_MAX_IMPORT_MB", DEFAULT_MAX_MB))
    return int(max_mb * 1_000_000)


def check_size(size: int, limit: int) -> None:
    """Refuse a file over the size limit, or an empty one."""
    if size > limit:
        raise Refused(
            f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit; split it, or raise the limit "
            "(--max-size-mb, HRDASH_MAX_IMPORT_MB, or max_import_mb under [hrdash] in secrets.toml)"
        )
    if size == 0:
        raise Refused("empty file: no header and no rows")


def kind(data: bytes, name: str, limit: int) -> str:
    """Return 'csv', 'html', 'xlsx', 'xls' or 'docx' for the file's bytes; refuse anything else."""
    ext = os.path.splitext(name.lower())[1]
    if ext not in TEXT_EXTENSIONS | EXCEL_EXTENSIONS | WORD_EXTENSIONS:
        allowed = ", ".join(sorted(TEXT_EXTENSIONS | EXCEL_EXTENSIONS | WORD_EXTENSIONS))
        raise Refused(f"files named {ext or '(no extension)'} are not read; only {allowed}")
    head = data[:8192]
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise Refused("empty file: no header and no rows")
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise Refused(f"the file is {what}, not a {ext} table: refused unread")
    if head.startswith(ZIP):
        return _xlsx(data, ext, limit)
    if ext in WORD_EXTENSIONS:
        what = "an old Word (.doc) document or Excel workbook" if head.startswith(OLE) else "not a Word document"
        raise Refused(f"the file is {what}, not a .docx: open it in Word and save it as .docx (refused unread)")
    if head.startswith(OLE):
        if ext in TEXT_EXTENSIONS:
            raise Refused(f"the file is an old Excel (.xls) workbook renamed {ext}: refused unread")
        return "xls"
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100:
        raise Refused(f"the file is binary (control bytes), not a {ext} table: refused unread")
    text = head.decode("latin-1").lstrip("\ufeffï»¿ \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<table", "<?xml")) or "<table" in text:
        return "html"
    return "csv"


def _xlsx(data: bytes, ext: str, limit: int) -> str:
    if ext in TEXT_EXTENSIONS:
        raise Refused(f"the file is a ZIP archive (perhaps an .xlsx workbook) renamed {ext}: refused unread")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise Refused(f"damaged ZIP/.xlsx file: {e}") from e
    names = set(zf.namelist())
    word = ext in WORD_EXTENSIONS
    if word and "word/document.xml" not in names:
        raise Refused("a ZIP archive that is not a Word (.docx) document: refused unread")
    if not word and "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a ZIP archive that is not an Excel workbook"
        raise Refused(f"{what} named {ext}: refused unread")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise Refused(f"the {'document' if word else 'workbook'} contains macros: save it as a plain "
                      f"{ext} (macros are never run)")  # fmt: skip
    unpacked = sum(i.file_size for i in zf.infolist())
    if unpacked > 20 * max(limit, 10_000_000):  # a "zip bomb" would exhaust memory when opened
        raise Refused(f"the file unpacks to {unpacked / 1e6:.0f} MB, far over the limit: refused unread")
    return "docx" if word else "xlsx"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _score(text: str) -> int:
    return sum(1 if ch in _GOOD else -2 if ch in _BAD else 0 for ch in _NON_ASCII.findall(text))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): UTF-8 if valid, else the one of cp1252 / Mac Roman that reads best."""
    if encoding:
        return data.decode(encoding), encoding
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # A carriage return not followed by a line feed is a classic-Mac line ending: such a file
    # is Mac Roman (the UPR files in ../shared/realdata are CR-only or mixed CR / CRLF).
    if re.search(rb"\r(?!\n)", data):
        try:
            return data.decode("mac_roman"), "mac_roman"
        except UnicodeDecodeError:
            pass
    candidates: list[tuple[int, int, str]] = []
    for i, enc in enumerate(["cp1252", "mac_roman"]):
        try:
            candidates.append((_score(data.decode(enc)), -i, enc))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return data.decode("latin-1"), "latin-1"
    _, _, enc = max(candidates)
    return data.decode(enc), enc


def repair_mojibake(text: str) -> str:
    """Return text with Mac Roman read as cp1252 undone ("dÕIvoire" -> "d’Ivoire"), else unchanged.

    Some UPR files had this mistake baked in before they were saved as Mac Roman; the repair
    is applied only where a tell-tale character appears and all of them disappear.
    """
    if not _MOJIBAKE.search(text):
        return text
    try:
        fixed = text.encode("cp1252").decode("mac_roman")
    except UnicodeError:
        return text
    return fixed if not _MOJIBAKE.search(fixed) and _score(fixed) > _score(text) else text
