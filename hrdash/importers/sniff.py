"""What kind of file this is, from its bytes (never from its name alone), and how its text is encoded.

Only CSV/text, HTML, .xlsx, .xls and .docx (Word: the UPR matrices) are parsed. Anything else — a PDF
or an image renamed .csv, an executable, an archive, a workbook with macros or ActiveX controls — is refused
before it is read, and nothing in a file is ever executed: workbooks are read as data (formulas come back as
their text), HTML is parsed with the standard library's tokenizer with scripts skipped. Text is UTF-8, UTF-16
(with its byte-order mark, as Excel's "Unicode text" saves it), cp1252 or Mac Roman; a file that mixes UTF-8
with another code page is decoded with the stray bytes kept visible, so that csvtext refuses them by row and
column instead of storing "CafÃ©".
"""

from __future__ import annotations

import io
import os
import re
import zipfile

from . import zipparts
from .limits import Budget
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


def kind(data: bytes, name: str, budget: Budget | None = None) -> str:
    """Return 'csv', 'html', 'xlsx', 'xls' or 'docx' for the file's bytes; refuse anything else."""
    budget = budget or Budget()
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
        return _xlsx(data, ext, budget)
    if ext in WORD_EXTENSIONS:
        what = "an old Word (.doc) document or Excel workbook" if head.startswith(OLE) else "not a Word document"
        raise Refused(f"the file is {what}, not a .docx: open it in Word and save it as .docx (refused unread)")
    if head.startswith(OLE):
        if ext in TEXT_EXTENSIONS:
            raise Refused(f"the file is an old Excel (.xls) workbook renamed {ext}: refused unread")
        return "xls"
    utf16 = utf16_encoding(head)
    if utf16:
        head = head[: len(head) // 2 * 2].decode(utf16, "replace").encode("utf-8", "replace")
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100:
        raise Refused(f"the file is binary (control bytes), not a {ext} table: refused unread")
    text = head.decode("latin-1").lstrip("\ufeffï»¿ \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<table", "<?xml")) or "<table" in text:
        return "html"
    return "csv"


def utf16_encoding(head: bytes) -> str | None:
    """Return 'utf-16' for text with a UTF-16 byte-order mark, or 'utf-16-le'/'-be' for evident UTF-16 without one."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:512]
    if len(sample) >= 8:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be"
    return None


def _xlsx(data: bytes, ext: str, budget: Budget) -> str:
    if ext in TEXT_EXTENSIONS:
        raise Refused(f"the file is a ZIP archive (perhaps an .xlsx workbook) renamed {ext}: refused unread")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise Refused(f"damaged ZIP/.xlsx file: {e}") from e
    word = ext in WORD_EXTENSIONS
    if word and "word/document.xml" not in names:
        raise Refused("a ZIP archive that is not a Word (.docx) document: refused unread")
    if not word and "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a ZIP archive that is not an Excel workbook"
        raise Refused(f"{what} named {ext}: refused unread")
    zipparts.check_archive(zf, "document" if word else "workbook", budget)
    return "docx" if word else "xlsx"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _score(text: str) -> int:
    return sum(1 if ch in _GOOD else -2 if ch in _BAD else 0 for ch in _NON_ASCII.findall(text))


MIXED = "utf-8 (mixed)"  # UTF-8 with stray bytes of another code page, kept as surrogate escapes
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def mixed_utf8(data: bytes) -> bool:
    """Return True for bytes that are mostly UTF-8 with some bytes of another code page (not UTF-8 as a whole).

    A cp1252 or Mac Roman file can hold a few byte pairs that happen to be valid UTF-8 (Terman's 2011 file
    has 4 among 580 other accented bytes); a file is "mixed" only when its UTF-8 sequences are at least a
    fifth as many as its other non-ASCII bytes.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    if not sequences:
        return False
    other = sum(b >= 0x80 for b in data) - sum(map(len, sequences))
    return other > 0 and 4 * len(sequences) >= other


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): UTF-16 with its mark, UTF-8 if valid, else cp1252 or Mac Roman, whichever reads best.

    A file mixing UTF-8 with another code page comes back as UTF-8 with its stray bytes as surrogate escapes
    (csvtext refuses them by row and column; HTML is refused here, by line).
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise Refused(f"the file cannot be read as {encoding}: {e}") from e
    utf16 = utf16_encoding(data[:8192])
    if utf16:
        try:
            return data.decode(utf16).lstrip("\ufeff"), utf16
        except UnicodeDecodeError as e:
            raise Refused(f"the file looks like UTF-16 text but byte {e.start:,} is not UTF-16: {e.reason}") from e
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if mixed_utf8(data):
        return data.decode("utf-8-sig", "surrogateescape"), MIXED
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
