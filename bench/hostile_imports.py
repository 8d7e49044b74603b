"""Hostile imports at full size: time and peak memory of each worst case of the attack on the importer (issue 12).

    python bench/hostile_imports.py [--out bench/results/hostile_imports.json] [--keep DIR]

Each file is made here (in a temporary folder, or DIR), then imported by `python -m hrdash import` in a fresh
process into a copy of a scale-1 database; the time is the wall time of that process and the peak memory its
maximum resident set (the kernel's ru_maxrss of the child). Target, as the issue sets it: every file refused
(or loaded correctly) within 30 s and under 1 GB, the database unchanged when refused. Cases, with the default
limits unless said:

- dimension bomb: a 4 KB .xlsx declaring A1:XFD1048576, a header and one cell in row 1,048,576;
- 3M bad rows: a 45 MB CSV (standing_invitation) of 3,000,000 rows naming an unknown country, refused by the
  rows limit; and again with the limit raised to 4,000,000 (--max-rows), so that every row is validated;
- 400 MB unpacked: a 1 MB .xlsx whose sheet unpacks to about 400 MB (3,000,000 rows), refused by the unpacked
  size; and again with that limit raised to 1,000 MB, so that the rows are counted in the sheet's XML;
- 1M extra columns: a Terman year file whose header has 1,000,000 more columns.

Exit status 1 when a case misses the target.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import RESULTS, prepare_db  # noqa: E402
from tests.helpers import hostile_corpus as corpus  # noqa: E402

TARGET_SECONDS, TARGET_MB = 30.0, 1024.0


def bad_rows_csv(path: Path, rows: int = 3_000_000) -> None:
    """Write a CSV of standing invitations whose every row names a country that does not exist."""
    line = b"ATL,2010-01-01\n"  # Atlantis
    with path.open("wb") as fh:
        fh.write(b"country_iso3,extended_date\n")
        for _ in range(rows // 100_000):
            fh.write(line * 100_000)


def unpacked_xlsx(path: Path, rows: int = 3_000_000) -> None:
    """Write an .xlsx whose one sheet holds `rows` rows of three cells (about 400 MB of XML), streamed into the ZIP."""
    base = corpus._workbook(corpus.UNCT_ROWS)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                z.writestr(item.filename, src.read(item.filename))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><worksheet xmlns="{corpus.MAIN}"><sheetData>'.encode())
            row = (
                b'<row><c t="inlineStr"><is><t>KEN</t></is></c><c><v>2014</v></c><c t="inlineStr"><is><t>UPR follow-up'
                b" plan</t></is></c></row>"
            )  # rows and cells without r= (allowed): numbered by their place
            for _ in range(rows // 50_000):
                fh.write(row * 50_000)
            fh.write(b"</sheetData></worksheet>")


def wide_terman(path: Path, extra: int = 1_000_000) -> None:
    """Write a Terman year file whose header has `extra` more columns."""
    header = "text,to,decision,From,year,notes," + ",".join(f"x{i}" for i in range(extra))
    path.write_text(header + "\n45.1 Ratify the CRC (Norway);,Kenya,support,Norway,2012,\n")


CASES = [  # (name, file name, maker, extra import options)
    ("dimension bomb (.xlsx, 4 KB)", "dimension_bomb.xlsx", lambda p: p.write_bytes(corpus.dimension_bomb()), []),
    ("3M bad rows (CSV, 45 MB)", "standing_invitation.csv", bad_rows_csv, []),
    ("3M bad rows, rows limit raised", "standing_invitation.csv", None, ["--max-rows", "4000000"]),
    ("400 MB unpacked (.xlsx, 1 MB)", "unpacked.xlsx", unpacked_xlsx, []),
    ("400 MB unpacked, unpacked limit raised", "unpacked.xlsx", None, ["--max-unpacked-mb", "1000"]),
    ("1M extra columns (Terman CSV)", "2012data.csv", wide_terman, []),
]


def run(db: Path, path: Path, options: list[str]) -> dict:
    """Import one file in a fresh process; return its wall time, peak memory, exit status and verdict."""
    copy = db.parent / "work" / "hrdash.duckdb"
    shutil.rmtree(copy.parent, ignore_errors=True)
    copy.parent.mkdir()
    shutil.copy(db, copy)
    before = copy.read_bytes()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "hrdash", "import", "--db", str(copy), *options, str(path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    verdict = next((line.strip()[2:] for line in out.splitlines() if line.strip().startswith("→")), out[-300:])
    problem = next((line.strip() for line in out.splitlines() if line.startswith("    ")), "")
    return {
        "seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1), "exit": proc.returncode,
        "verdict": verdict, "first_problem": problem, "database_unchanged": copy.read_bytes() == before,
        "file_mb": round(path.stat().st_size / 1e6, 3),
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "hostile_imports.json")
    parser.add_argument("--keep", type=Path, default=None, help="make the files in DIR and keep them")
    args = parser.parse_args()
    db, _ = prepare_db(None, 1)
    work = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    results, failed = [], False
    print(f"{'case':<42} {'file MB':>8} {'seconds':>8} {'peak MB':>8}  outcome")
    for name, file_name, make, options in CASES:
        path = work / file_name
        if make is not None:
            make(path)
        r = run(db, path, options)
        ok = r["exit"] == 1 and r["database_unchanged"] and r["seconds"] < TARGET_SECONDS and r["peak_mb"] < TARGET_MB
        failed |= not ok
        results.append({"case": name, "options": options, **r, "pass": ok})
        print(f"{name:<42} {r['file_mb']:>8.2f} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f}  "
              f"{'PASS' if ok else 'FAIL'} {r['verdict'][:110]}", flush=True)  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                                    "target": {"seconds": TARGET_SECONDS, "peak_mb": TARGET_MB},
                                    "results": results}, indent=2))  # fmt: skip
    print(f"written {args.out}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
