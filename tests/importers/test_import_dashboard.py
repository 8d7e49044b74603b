"""OHCHR's ratification dashboard export ("underlying data" of one treaty): the .xls, its .xlsx form, bad files.

The fixture `UnderlyingData_CAT_OHCHR_08_11_2023.xls` is a real Excel 97 file: make_fixtures.py writes the
.xlsx with openpyxl and LibreOffice converts it. Its dates are Excel dates, one an Excel date number with no
date format (Kenya, 35482) and one text dd/mm/yyyy (Liberia). Values are made up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl

from hrdash.importers import driver
from hrdash.importers.ohchr_dashboard import excel_or_text_date
from tests.helpers.paths import IMPORT_FIXTURES

NAME = "UnderlyingData_CAT_OHCHR_08_11_2023"
D = dt.date
EXPECTED = {  # (signature, consent, consent_type, status)
    "AFG": (D(1985, 2, 4), D(1987, 4, 1), "ratification", "party"),
    "AGO": (D(2013, 9, 24), D(2019, 10, 2), "ratification", "party"),
    "DNK": (D(1985, 2, 4), D(1987, 5, 27), "ratification", "party"),
    "VAT": (None, D(2002, 6, 26), "ratification", "party"),
    "IND": (D(1997, 10, 14), None, None, "signatory"),
    "KEN": (None, D(1997, 2, 21), "ratification", "party"),  # Excel date number 35482
    "LBR": (None, D(2004, 9, 22), "ratification", "party"),  # text 22/09/2004
    "PSE": (None, D(2014, 4, 2), "ratification", "party"),
    "USA": (D(1988, 4, 18), D(1994, 10, 21), "ratification", "party"),
}
RATIFICATION = "Date of Ratification/Accession"


def load(db: Path, path: Path, **options):
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test", **options)
    return plan, log


def listed(db: Path, tag: str) -> tuple[dict[str, tuple], int]:
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("select country_iso3, signature_date, consent_date, consent_type, status from ratification "
                          "where source = $s", {"s": tag}).fetchall()  # fmt: skip
    return {r[0]: r[1:] for r in got if r[4] != "no action"}, len(got)


def test_the_xls_export_then_its_xlsx_form_of_the_same_treaty(db):
    plan, log = load(db, IMPORT_FIXTURES / f"{NAME}.xls")
    assert (plan.format, plan.detail, plan.source_key, plan.rows_read) == (
        "ohchr_ratification", "CAT", "ratification:CAT", 9)  # fmt: skip
    rows, count = listed(db, plan.tag)
    assert rows == EXPECTED and count == 196 == log["inserted"]  # every other State: no action
    assert plan.problems.errors == 0 and plan.problems.counts["warning"] == 0
    notices = [(p.row, p.column, p.message) for p in plan.problems.items if p.severity == "notice"]
    for procedure in ("Acceptance of individual communications procedure (art. 22) (dd/mm/yyyy)",
                      "Acceptance of inquiry procedure (art. 20) (dd/mm/yyyy)"):  # fmt: skip
        assert (None, procedure, "not stored (1 State(s) with a date): the database has no column for the "
                "acceptance of a treaty's procedures") in notices  # fmt: skip
    assert (None, None, "row(s) 13, 14 below the table are the export's footer (definitions, source): not data") in (
        notices
    )
    assert (None, RATIFICATION, "the export does not say whether consent was ratification, accession or "
            "succession: consent_type is recorded as 'ratification'") in notices  # fmt: skip
    assert (1, "title", "data as of 2023-11-08 (the export's Last Updated date)") in notices
    assert any(m.startswith("187 State(s) of the country table are not in the export") for *_, m in notices)
    # the .xlsx form of the same export: the same rows, and it replaces the .xls import (same treaty)
    plan2, log2 = load(db, IMPORT_FIXTURES / f"{NAME}.xlsx")
    assert plan2.format == "ohchr_ratification" and plan2.source_key == plan.source_key
    assert listed(db, plan2.tag) == (EXPECTED, 196) and listed(db, plan.tag) == ({}, 0)
    assert log2["replaced"] == 196


def test_excel_dates_numbers_and_text():
    assert excel_or_text_date("35482") == "1997-02-21"  # Kenya's accession to CAT, as an Excel date number
    assert excel_or_text_date("35482.0") == "1997-02-21"
    assert excel_or_text_date("34020", epoch="1904") == "1997-02-21"  # a workbook saved in the 1904 system
    assert excel_or_text_date("21/02/1997") == "1997-02-21"  # dd/mm/yyyy, never mm/dd
    assert excel_or_text_date("1997-02-21") == "1997-02-21"
    assert excel_or_text_date("31/02/1997") is None and excel_or_text_date("Feb 1997") is None


def _export(path: Path, title: str, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["Country", "Date of Signature (dd/mm/yyyy)", RATIFICATION])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_bad_dates_and_names_are_named_by_row_and_column(db, tmp_path):
    path = _export(tmp_path / "UnderlyingData_CED_OHCHR_01_02_2025.xlsx", "International Convention for the "
                   "Protection of All Persons from Enforced Disappearance [Last Updated: 01/02/2025 09:00:00]",
                   [["Albania", "06/02/2007", "08/11/2007"], ["Iraq", None, "2010-11-31"],
                    ["Atlantis", None, "01/01/2012"], ["European Union", None, None]])  # fmt: skip
    plan, log = load(db, path)
    assert plan.status == "refused" and log is None and plan.detail == "CED"
    errors = [(p.row, p.column, p.value) for p in plan.problems.items if p.severity == "error" and p.row]
    assert errors == [(4, RATIFICATION, "2010-11-31"), (5, "Country", "Atlantis")]
    notices = [(p.row, p.value) for p in plan.problems.items if p.severity == "notice" and p.row]
    assert (6, "European Union") in notices  # not a State: reported, never a reason to refuse


def test_the_treaty_comes_from_the_file_name_when_the_title_does_not_name_it(db, tmp_path):
    path = _export(tmp_path / "UnderlyingData_CMW_OHCHR_01_02_2025.xlsx", "Status [Last Updated: 01/02/2025 09:00]",
                   [["Algeria", None, "21/04/2005"]])  # fmt: skip
    plan, _ = load(db, path)
    assert plan.detail == "CMW" and listed(db, plan.tag)[0] == {"DZA": (None, D(2005, 4, 21), "ratification", "party")}
    anonymous = _export(tmp_path / "export.xlsx", "Status [Last Updated: 01/02/2025 09:00]", [["Algeria", None, None]])
    plan, _ = load(db, anonymous)
    assert plan.status == "refused" and "unknown instrument" in plan.reason and "--instrument" in plan.reason
    plan, _ = load(db, anonymous, instrument="CMW")
    assert plan.status == "ready" and plan.detail == "CMW"
