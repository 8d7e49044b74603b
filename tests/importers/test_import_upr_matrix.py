"""UPR responses across formats (`noted` in Terman files from 2012, the dictionary), and OHCHR's UPR matrices (.docx).

Fixtures: `UPR20_Angola_thematic_list.docx` (second-cycle headers; State and session in the file name)
and `upr48-thematic-list-en.docx` (fourth-cycle headers with SDGs; the State in the document's title,
the session in its page header), written with python-docx by make_fixtures.py. Values are made up.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import duckdb
import pytest

from hrdash.importers import dictionary, upr
from hrdash.importers.upr_matrix import _date
from tests.helpers.db import copy_of, import_one
from tests.helpers.docx_matrix import matrix_docx
from tests.helpers.paths import IMPORT_FIXTURES, ROOT

D = dt.date
CYCLE2_HEADER = ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"]


@pytest.fixture(scope="module")
def db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built database; the tests import different States' reviews into it."""
    return copy_of(built_db, tmp_path_factory.mktemp("matrix"))


def recs(db: Path, tag: str) -> list[tuple]:
    sql = ("select country_iso3, session, cycle, rec_date, paragraph, text, recommending_states, response, themes, "
           "affected_groups, implementation, mechanism from recommendation where source = $s "
           "order by paragraph")  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, {"s": tag}).fetchall()


def matrix(path: Path, rows: list, header: list[str] = CYCLE2_HEADER, paragraphs: tuple[str, ...] = ()) -> Path:
    matrix_docx(path, list(paragraphs), header, rows)
    return path


# ---------------------------------------------------------------- responses in every format


def test_terman_year_files_from_2012_say_noted(db, tmp_path):
    path = tmp_path / "2013data.csv"
    path.write_text("text,to,decision,From,year,notes\n"
                    '"88.1 Abolish the death penalty (France);",Kenya,noted,France,2013,\n'
                    '"88.2 Ratify the Convention against Torture (Chile);",Kenya,support,Chile,2013,\n')  # fmt: skip
    plan, _ = import_one(db, path)
    assert plan.format == "upr_terman" and plan.problems.errors == 0
    got = [(r[4], r[6], r[7]) for r in recs(db, plan.tag)]
    assert got == [("88.1", ["FRA"], "noted"), ("88.2", ["CHL"], "supported")]


def test_the_dictionary_lists_every_response_term_of_every_format():
    # every mapping the readers use, found in upr.py by what it is, not by a list kept beside it
    mappings = [v for k, v in vars(upr).items() if k.endswith(("_RESPONSE", "_POSITION")) and isinstance(v, dict)]
    assert len(mappings) == 4 and all(any(m is v for v in upr.RESPONSE_TERMS.values()) for m in mappings)
    table = dictionary.response_terms()
    note = dictionary.response_note()
    for fmt, mapping in upr.RESPONSE_TERMS.items():
        shown = table[table["format (column)"] == fmt]
        assert dict(zip(shown["term in the file"], shown["response stored"])) == {
            (t or "(blank)"): (r or "empty") for t, r in mapping.items()
        }
        for term, response in mapping.items():
            assert f"{term or '(blank)'} -> {response or 'empty'}" in note
    assert "noted -> noted" in note and "reject -> noted" in note and "consider -> pending" in note
    assert len(table) == sum(map(len, upr.RESPONSE_TERMS.values()))


# ---------------------------------------------------------------- the .docx matrices


def test_a_second_cycle_matrix(db):
    plan, log = import_one(db, IMPORT_FIXTURES / "UPR20_Angola_thematic_list.docx")
    assert (plan.format, plan.detail, plan.source_key, plan.rows_read) == (
        "upr_matrix", "AGO, session 20", "upr_matrix:AGO, session 20", 6)  # fmt: skip
    assert plan.problems.errors == 0 and log["inserted"] == 5
    common = ("AGO", 20, 2, D(2014, 10, 27))  # the session's first day; cycle 2
    assert recs(db, plan.tag) == [
        (*common, "134.1", "Ratify the Optional Protocol to the Convention against Torture", ["DNK", "EST"],
         "supported", ["Acceptance of international norms",
                       "Prohibition of torture and cruel, inhuman or degrading treatment"],
         ["persons deprived of their liberty"], None, "UPR"),  # listed under two themes: one recommendation
        (*common, "134.2", "Ratify the International Convention on the Protection of the Rights of All Migrant "
         "Workers and Members of Their Families", ["SLE"], "noted", ["Acceptance of international norms"],
         ["migrants"], None, "UPR"),
        (*common, "134.3", "Consider abolishing the death penalty", ["ECU", "ESP"], "noted",
         ["Acceptance of international norms", "Death penalty"], ["general"], None, "UPR"),
        (*common, "134.4", "Strengthen the independence of the Ombudsman", ["CIV"], "supported",
         ["National human rights institution"], ["general"], "partially implemented", "UPR"),
        (*common, "134.5", "Protect journalists from harassment", ["GBR"], "supported",
         ["National human rights institution", "Freedom of opinion and expression"], ["media"], None, "UPR"),
    ]  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:  # "Source of position: A/HRC/28/11/Add.1" in 134.1's cell
        symbols = con.execute("select paragraph, document_symbol from recommendation where source = $s order by 1",
                              {"s": plan.tag}).fetchall()  # fmt: skip
    assert symbols == [("134.1", "A/HRC/28/11"), ("134.2", None), ("134.3", None), ("134.4", None), ("134.5", None)]
    [notice] = [p for p in plan.problems.items if p.severity == "notice"]
    assert (notice.column, notice.message) == (CYCLE2_HEADER[3], "1 row(s) fill this column: not stored (only an "
                                               "assessment that starts with 'fully / partially / not implemented' is "
                                               "kept (as implementation))")  # fmt: skip


def test_a_fourth_cycle_matrix_names_state_and_session_in_its_text(db):
    plan, _ = import_one(db, IMPORT_FIXTURES / "upr48-thematic-list-en.docx")
    assert plan.detail == "CIV, session 48" and plan.problems.errors == 0
    common = ("CIV", 48, 4, D(2025, 1, 20))
    assert recs(db, plan.tag) == [
        (*common, "45.1", "Ratify the Optional Protocol to the Convention on the Rights of the Child on a "
         "communications procedure", ["GHA", "SLE", "PRT"], "supported",
         ["Acceptance of international norms", "Children: protection against exploitation"], ["children"], None,
         "UPR"),
        (*common, "45.2", "Ratify the Convention for the Protection of All Persons from Enforced Disappearance",
         ["FRA"], "noted", ["Acceptance of international norms", "Enforced disappearances"], [], None, "UPR"),
        (*common, "45.3", "Adopt a law on gender-based violence", ["VAT", "PSE"], "supported",
         ["Women's rights", "Violence against women"], ["women", "girls"], "fully implemented", "UPR"),
    ]  # fmt: skip
    [notice] = [p for p in plan.problems.items if p.severity == "notice"]
    assert notice.column == "Relevant SDGs" and notice.message.startswith("3 row(s) fill this column: not stored")


def test_state_and_session_named_by_the_user_when_neither_name_nor_text_says(db, tmp_path):
    path = matrix(tmp_path / "matrix.docx", [["12.1 Establish a national human rights institution (Chile);",
                                              "Supported", "A5 National human rights institution", ""]])  # fmt: skip
    plan, log = import_one(db, path)
    assert plan.status == "refused" and log is None
    assert plan.reason.startswith("the State under review and the session of this UPR matrix are neither in the file "
                                  "name") and "--country ISO3 --session N" in plan.reason  # fmt: skip
    plan, _ = import_one(db, path, country="Bhutan", session=19)
    assert plan.status == "ready" and plan.detail == "BTN, session 19"
    assert recs(db, plan.tag) == [("BTN", 19, 2, D(2014, 4, 28), "12.1", "Establish a national human rights "
                                   "institution", ["CHL"], "supported", ["National human rights institution"], [],
                                   None, "UPR")]  # fmt: skip


def test_bad_rows_are_named_by_row_and_column(db, tmp_path):
    rows = [
        ["Theme: A12 Acceptance of international norms"] * 4,
        ["7.1 Ratify the Convention against Torture (Narnia);", "Supported", "A12 Acceptance", ""],
        ["7.2 Ratify the Convention against Torture;", "Supported", "A12 Acceptance", ""],
        ["7.3 Ratify the Convention against Torture (Chile);", "Partially supported", "A12 Acceptance", ""],
        ["7.4 Ratify the Convention against Torture (Chile);", "", "A12 Acceptance", ""],
    ]
    plan, _ = import_one(db, matrix(tmp_path / "UPR21_Kenya.docx", rows))
    assert plan.status == "refused"
    found = {(p.row, p.column, p.value, p.severity): p.message for p in plan.problems.items if p.row}
    assert found == {
        (3, "Recommendation", "Narnia", "error"): "unknown country: no code, name or alias matches",
        (4, "Recommendation", "Ratify the Convention against Torture", "error"):
            "no recommending State in parentheses at the end (expected 'NNN.N text (State);')",
        (5, "Position", "Partially supported", "error"): "position must be one of Supported, Noted, Accepted, Pending",
        (6, "Position", "", "warning"): "no position: response left empty (not known)",
    }  # fmt: skip


def test_a_word_document_that_is_not_a_matrix_is_refused_saying_what_was_expected(db, tmp_path):
    letter = docx.Document()
    letter.add_paragraph("Dear colleagues, please find the minutes attached.")
    letter.save(str(tmp_path / "UPR20_minutes.docx"))
    plan, _ = import_one(db, tmp_path / "UPR20_minutes.docx")
    assert plan.status == "refused" and plan.problems.items[0].text() == (
        "UPR20_minutes.docx: not an OHCHR UPR matrix of recommendations: a Word document is read only if it has a "
        "table whose header has a 'Recommendation' and a 'Position' column (and themes); it has no table"
    )
    other = matrix(tmp_path / "budget.docx", [["Travel", "1200"]], header=["Item", "Cost"])
    plan, _ = import_one(db, other)
    assert plan.status == "refused" and plan.reason.endswith("its tables begin ['Item', 'Cost']")
    (tmp_path / "renamed.docx").write_bytes((IMPORT_FIXTURES / "upr_info_sample.xls").read_bytes())
    plan, _ = import_one(db, tmp_path / "renamed.docx")
    assert plan.status == "refused" and "an old Word (.doc) document or Excel workbook" in plan.reason


def test_a_session_the_calendar_has_no_first_day_for():
    from hrdash.importers.context import Context, scratch_connection
    from hrdash.importers.model import Problems, Refused

    ctx = Context("m.docx", Path("m.docx"), Problems("m.docx"), scratch_connection())
    assert _date(ctx, 20) == "2014-10-27" and not ctx.problems.items
    later = max(upr.session_starts()) + 1
    years = ctx.reference("upr_session").set_index("session")["year"]
    if later in years.index:  # the calendar knows its year, not its first day: 31 December, as year-only sources
        assert _date(ctx, later) == f"{int(years[later])}-12-31"
        assert "31 December of its year" in ctx.problems.items[0].message
    else:  # neither: no date is invented
        with pytest.raises(Refused, match=f"session {later} is not in the UPR calendar"):
            _date(ctx, later)


def test_the_cli_reads_a_matrix_with_country_and_session(tmp_path):
    path = matrix(tmp_path / "matrix.docx", [["9.1 Adopt a law on torture (Chile) (Peru);", "Noted", "", ""]])
    out = subprocess.run([sys.executable, "-m", "hrdash", "import", "--db", str(tmp_path / "none.duckdb"),
                          "--dry-run", "--country", "KEN", "--session", "21", str(path)], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "format            upr_matrix" in out.stdout and "(KEN, session 21)" in out.stdout
    assert "recommendation    1 to insert" in out.stdout and "dry run: nothing written" in out.stdout
