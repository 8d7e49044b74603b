"""UN Treaty Collection pages: bracketed dates (consent later undone), footnotes, participants that are not States.

Fixtures: `untc_IV-5_status.html` (a saved page of the first Optional Protocol to the ICCPR, footnotes in
paragraphs below the table) and `untc_IV-15_status.csv` (the CRPD page copied to CSV, with the European
Union, Niue and the Cook Islands); small CSVs written here for the other cases. Values are made up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from hrdash.importers import instruments as inst
from hrdash.importers import untc
from tests.helpers.db import copy_of, import_one
from tests.helpers.paths import IMPORT_FIXTURES, ROOT

D = dt.date
CONSENT = "Ratification, Accession(a), Succession(d)"


@pytest.fixture(scope="module")
def db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built database; each test imports a different instrument, so they share it."""
    return copy_of(built_db, tmp_path_factory.mktemp("untc"))


def rows(db: Path, tag: str) -> dict[str, tuple]:
    sql = ("select country_iso3, signature_date, consent_date, consent_type, denounced_date, status, reservations "
           "from ratification where source = $s")  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0]: r[1:] for r in con.execute(sql, {"s": tag}).fetchall()}


def problems(plan, severity: str) -> dict[tuple, str]:
    return {(p.row, p.column, p.value): p.message for p in plan.problems.items if p.severity == severity}


def test_bracketed_dates_take_the_denunciation_date_from_the_footnote(db):
    plan, log = import_one(db, IMPORT_FIXTURES / "untc_IV-5_status.html")
    assert plan.format == "untc_status" and plan.detail == "CCPR-OP1" and plan.rows_read == 8
    got = rows(db, plan.tag)
    assert len(got) == 196 == log["inserted"] and plan.problems.errors == 0
    listed = {k: v for k, v in got.items() if v[4] != "no action"}
    assert listed == {
        "ALB": (None, D(2007, 10, 4), "accession", None, "party", None),
        "AUT": (D(1973, 12, 10), D(1987, 12, 10), "ratification", None, "party", None),
        # footnote 5 (after the name) gives only the notification: its date
        "BLR": (None, D(1992, 9, 30), "accession", D(2022, 11, 8), "denounced", None),
        # denounced and re-acceded the same day: the date is not bracketed, so a party (its footnote is not read)
        "GUY": (None, D(1999, 1, 5), "accession", None, "party", None),
        # footnote 3 over two paragraphs: "The denunciation took effect on 23 January 1998."
        "JAM": (None, D(1975, 10, 3), "ratification", D(1998, 1, 23), "denounced", None),
        # bracketed, no footnote: not a party, no date invented; the signature stays
        "PAN": (D(1976, 7, 27), None, None, None, "signatory", None),
        # the marker after the date; "with effect from 27 June 2000"
        "TTO": (None, D(1980, 11, 14), "accession", D(2000, 6, 27), "denounced", None),
    }  # reservations: NULL (not known), never "no reservations"
    assert got["LKA"] == (None, None, None, None, "no action", None)  # footnote 7 gives no date: no consent
    warnings = problems(plan, "warning")
    assert warnings == {
        (7, CONSENT, "[ 8 Mar 1977 ]"): "in brackets: consent later undone, but the row points to no footnote; "
        "recorded as not a party (no consent, no date invented)",
        (8, CONSENT, "[ 3 Oct 1997 a]"): "in brackets: consent later undone, but footnote(s) 7 give no date of a "
        "denunciation or withdrawal; recorded as not a party (no consent, no date invented)",
    }
    notices = problems(plan, "notice")
    assert "footnote 3 gives the effective date 1998-01-23" in notices[(6, CONSENT, "[ 3 Oct 1975 ]")]
    assert "footnote 5 gives the notification date 2022-11-08" in notices[(4, CONSENT, "[30 Sep 1992 a]")]
    assert "footnote 4 gives the effective date 2000-06-27" in notices[(9, CONSENT, "[14 Nov 1980 a] 4")]


def test_a_bracketed_date_in_a_csv_copy_with_notes_below_the_table(db, tmp_path):
    path = tmp_path / "untc_IV-11-d_status.csv"  # CRC-OP-IC, from the chapter number in the file name
    path.write_text(
        '"Participant","Signature","Ratification, Accession(a), Succession(d)"\n'
        '"Chile","","[1 Sep 2015] 2"\n"Costa Rica 3","","[14 Jan 2014 ]"\n"Germany","28 Feb 2012","28 Feb 2013"\n'
        '"Notes:","",""\n'
        '"2 On 3 March 2020, the Government of Chile notified the Secretary-General of its decision to withdraw",,\n'
        '"from the Protocol. The withdrawal took effect on 3 June 2020.",,\n'
        '"3 On 5 May 2021, Costa Rica notified the Secretary-General of its decision to withdraw from the '
        'Protocol.",,\n'
    )
    plan, _ = import_one(db, path)
    assert plan.detail == "CRC-OP-IC" and plan.rows_read == 3 and plan.problems.errors == 0
    got = rows(db, plan.tag)
    assert got["CHL"][:5] == (None, D(2015, 9, 1), "ratification", D(2020, 6, 3), "denounced")  # continued note
    assert got["CRI"][:5] == (None, D(2014, 1, 14), "ratification", D(2021, 5, 5), "denounced")  # notification
    assert got["DEU"][:5] == (D(2012, 2, 28), D(2013, 2, 28), "ratification", None, "party")
    [note] = [p for p in plan.problems.items if p.row == 5]
    assert (note.column, note.value, note.severity) == ("Participant", "Notes:", "notice")


def test_the_footnotes_below_the_table_win_over_numbered_text_above_it(db, tmp_path):
    path = tmp_path / "status.html"  # the CAT-OP page (chapter IV-9-b in its link); its notes in a table of their own
    path.write_text(
        '<html><body><a href="ViewDetails.aspx?mtdsg_no=IV-9-b&chapter=4">page</a><div>2 Participants, as of today'
        "</div><table><tr><th>Participant</th><th>Signature</th><th>Ratification, Accession(a)</th></tr>"
        "<tr><td>Honduras<sup>2</sup></td><td>8 Dec 2004</td><td>[23 May 2006 ]</td></tr>"
        "<tr><td>Mexico</td><td>23 Sep 2003</td><td>11 Apr 2005</td></tr></table>"
        "<table><tr><td><sup>2</sup>On 1 July 2024, the Government of Honduras notified the Secretary-General of its "
        "decision to withdraw from the Protocol, with effect from 1 July 2025.</td></tr></table></body></html>"
    )
    plan, _ = import_one(db, path)
    assert plan.detail == "CAT-OP" and plan.problems.errors == 0 and plan.problems.counts["warning"] == 0
    got = rows(db, plan.tag)
    assert got["HND"][:5] == (D(2004, 12, 8), D(2006, 5, 23), "ratification", D(2025, 7, 1), "denounced")
    assert got["MEX"][:5] == (D(2003, 9, 23), D(2005, 4, 11), "ratification", None, "party")


def test_participants_that_are_not_states_are_reported_and_skipped(db):
    plan, log = import_one(db, IMPORT_FIXTURES / "untc_IV-15_status.csv")
    assert plan.status == "ready" and plan.problems.errors == 0 and plan.detail == "CRPD"
    got = rows(db, plan.tag)
    listed = {k: v[:5] for k, v in got.items() if v[4] != "no action"}
    assert listed == {
        "KEN": (D(2007, 3, 30), D(2008, 5, 19), "ratification", None, "party"),
        "VAT": (None, D(2021, 3, 17), "accession", None, "party"),  # Holy See: in the country table
        "PSE": (None, D(2014, 4, 2), "accession", None, "party"),  # State of Palestine: in the country table
    }
    assert len(got) == 196 == log["inserted"]  # the country table's States, nothing else
    notices = problems(plan, "notice")
    assert "not a State in the country table: reported, not loaded" in notices[(4, "Participant", "Cook Islands")]
    assert notices[(5, "Participant", "European Union 3")] == (
        "European Union is a regional integration organisation, not a State: reported, not loaded"
    )
    assert "not a State in the country table: reported, not loaded" in notices[(8, "Participant", "Niue")]


def test_a_predecessor_state_is_not_taken_for_its_successor(db, tmp_path):
    path = tmp_path / "untc_IV-2_status.csv"  # CERD
    path.write_text('"Participant","Signature","Ratification, Accession(a), Succession(d)"\n'
                    '"Czechia","","22 Feb 1993 d"\n"Czechoslovakia","7 Oct 1966","29 Dec 1966"\n')  # fmt: skip
    plan, _ = import_one(db, path)
    assert plan.status == "ready" and plan.problems.errors == 0
    assert rows(db, plan.tag)["CZE"][:3] == (None, D(1993, 2, 22), "succession")  # not Czechoslovakia's dates
    assert "a predecessor State" in problems(plan, "notice")[(3, "Participant", "Czechoslovakia")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 Dec 1966 a", untc.Cell("1966-12-16", "accession", False, ())),
        ("[30 Sep 1992 a]", untc.Cell("1992-09-30", "accession", True, ())),
        ("[ 3 Oct 1975 ] 8", untc.Cell("1975-10-03", "ratification", True, ("8",))),
        ("\u00a04 Oct 1991 a 5, 6", untc.Cell("1991-10-04", "accession", False, ("5", "6"))),
        ("23 Dec 2010 c", untc.Cell("2010-12-23", "ratification", False, ())),
        ("1 Sep 1993 d", untc.Cell("1993-09-01", "succession", False, ())),
        ("[30 Sep 1992 a", None),  # an unclosed bracket
        ("31 Feb 2010 a", None),
        ("1992", None),
    ],
)
def test_date_cells(text, expected):
    assert untc.parse_cell(text) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("On 23 October 1997, the Government of Jamaica notified the Secretary-General of its decision to denounce "
         "the Optional Protocol with effect from 23 January 1998.", ("1998-01-23", "effective")),
        ("On 8 November 2022, Belarus notified its denunciation. The denunciation took effect on 8 February 2023.",
         ("2023-02-08", "effective")),
        ("On 5 May 2021, the Government notified the Secretary-General of its withdrawal from the Protocol.",
         ("2021-05-05", "notification")),
        ("On 2 March 2001, the Government withdrew the reservation made upon ratification.", None),
        ("With a declaration under article 41 (made on 4 June 1999).", None),
    ],
)  # fmt: skip
def test_denunciation_dates_in_footnotes(note, expected):
    assert untc.undone_date(note) == expected


def test_a_chapter_number_names_its_instrument_as_the_instrument_table_says():
    instruments = pd.read_csv(ROOT / "data" / "reference" / "instrument.csv", dtype=str)
    assert len(instruments) == 18 and instruments["mtdsg_no"].is_unique
    for code, chapter in zip(instruments["code"], instruments["mtdsg_no"], strict=True):
        assert inst.from_chapter(instruments, f"ViewDetails.aspx?src=TREATY&mtdsg_no={chapter}&chapter=4") == code
        assert inst.from_chapter(instruments, f"status_{chapter.replace('-', '_').lower()}.html") == code
    assert inst.from_chapter(instruments, "mtdsg_no=IV-1&chapter=4") is None  # a chapter of no instrument here
    assert inst.from_chapter(instruments, "mtdsg_no=IV-110") is None  # not IV-11 followed by a digit
