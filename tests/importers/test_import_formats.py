"""Each format, from a small fixture written in its exact layout, imports to the expected rows (values checked)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import openpyxl

from hrdash.importers import driver, store, templates
from tests.helpers.db import by_key, fetch
from tests.helpers.paths import IMPORT_FIXTURES

D = dt.date


def load(db: Path, *files: Path, **options):
    return driver.import_paths(db, list(files), imported_by="test", **options)


def test_per_treaty_table(db):
    [(plan, log)] = load(db, IMPORT_FIXTURES / "hr_status_icmw.csv")
    assert plan.format == "treaty_table" and plan.detail == "CMW" and plan.rows_read == 10
    rows = fetch(db, "select country_iso3, signature_date, consent_date, consent_type, date_precision, status "
                     "from ratification where source = $s order by 1", {"s": plan.tag})  # fmt: skip
    assert rows == [
        ("AFG", None, None, None, "year", "no action"),
        ("ARM", D(1990, 12, 18), None, None, "year", "signatory"),  # no date in the file: the adoption date
        ("CIV", D(1990, 12, 18), None, None, "year", "signatory"),  # "Ivory Coast"
        ("DZA", None, D(2005, 12, 31), "ratification", "year", "party"),
        ("NAM", None, None, None, "year", "no action"),  # iso2 "NA" is not a missing value
        ("PRK", None, D(2001, 12, 31), "ratification", "year", "party"),  # status trusted over the flags
        ("SSD", None, None, None, "year", "no action"),  # iso2 "S"
        ("TLS", None, D(2004, 12, 31), "ratification", "year", "party"),  # iso2 "TP", "East Timor"
        ("ZWE", None, D(1990, 12, 18), "ratification", "year", "party"),  # party with no year
    ]
    problems = {(p.row, p.column, p.severity): p.message for p in plan.problems.items}
    assert "not a State in the country table" in problems[(8, "iso2", "notice")]  # Montserrat: reported
    assert "contradicts the flags" in problems[(9, "status", "warning")]
    assert "denunciation" in problems[(9, "note", "warning")]
    assert "contradicts the flags" in problems[(10, "status", "warning")]
    assert plan.problems.errors == 0 and log["inserted"] == 9
    # the bundled public rows of the same country and instrument are replaced (and counted); their other
    # instruments stay public
    assert plan.counts()["public"] == log["replaced_public"] == 9
    in_file = ["DZA", "ARM", "PRK", "AFG", "CIV", "NAM", "SSD", "TLS", "ZWE"]
    assert fetch(db, "select count(*) from ratification where source like 'public:%' and instrument = 'CMW' "
                     "and list_contains($c, country_iso3)", {"c": in_file}) == [(0,)]  # fmt: skip
    assert fetch(db, "select count(*) from ratification where source like 'public:%' and country_iso3 = 'DZA'") == [
        (17,)
    ]
    # the file does not say whether the States made reservations: not known, never "no"
    assert fetch(db, "select count(*) from ratification where source = $s and reservations is not null",
                 {"s": plan.tag}) == [(0,)]  # fmt: skip


def test_untc_status_csv(db):
    [(plan, log)] = load(db, IMPORT_FIXTURES / "untc_IV-16_status.csv")
    assert plan.format == "untc_status" and plan.detail == "CED"  # from the title line (and the file name)
    sql = "select country_iso3, signature_date, consent_date, consent_type, date_precision from ratification"
    rows = by_key(db, sql + " where source = $s", {"s": plan.tag})
    assert rows["ALB"] == (D(2007, 2, 6), D(2007, 11, 8), "ratification", "day")
    assert rows["BIH"] == (D(2007, 2, 6), D(2012, 3, 30), "ratification", "day")  # footnote "4" after the name
    assert rows["CPV"] == (None, D(2021, 9, 20), "accession", "day")  # " a"
    assert rows["MNE"] == (None, D(2011, 9, 20), "succession", "day")  # " d"
    assert rows["IND"] == (D(2007, 2, 6), None, None, "day")
    assert rows["FRA"] == (None, None, None, "day")  # not listed: no action
    assert len(rows) == 196 and log["inserted"] == 196
    # a newer Treaty Collection page replaces the bundled public rows of its instrument, every one of them
    assert plan.counts()["public"] == log["replaced_public"] == 196
    assert fetch(db, "select count(*) from ratification where instrument = 'CED' and source like 'public:%'") == [(0,)]
    assert fetch(db, "select count(*) from ratification where instrument = 'CAT' and source like 'public:%'") == [
        (196,)
    ]
    notes = [p for p in plan.problems.items if p.severity == "notice" and p.row]
    assert [(p.row, p.value) for p in notes] == [(13, "Notes:")]  # the notes below the table are footnotes
    assert "rows 13–14 are the page's notes below the table: read as footnotes (1 found)" in notes[0].message
    assert plan.rows_read == 7  # participants only


def test_untc_saved_html_page(db):
    [(plan, _)] = load(db, IMPORT_FIXTURES / "untc_ccpr_status.html")
    assert plan.format == "untc_status" and plan.detail == "CCPR"  # from the page's link and title
    sql = "select country_iso3, signature_date, consent_date, consent_type from ratification"
    rows = by_key(db, sql + " where source = $s and status <> 'no action'", {"s": plan.tag})
    assert rows == {
        "AFG": (None, D(1983, 1, 24), "accession"),
        "ALB": (None, D(1991, 10, 4), "accession"),  # "Albania 5": footnote
        "BIH": (None, D(1993, 9, 1), "succession"),
        "CIV": (None, D(1992, 3, 26), "accession"),  # "C&ocirc;te d'Ivoire"
        "CHN": (D(1998, 10, 5), None, None),
        "TUR": (D(2000, 8, 15), D(2003, 9, 23), "ratification"),
        "GBR": (D(1968, 9, 16), D(1976, 5, 20), "ratification"),
    }  # the table written by the page's <script> is never read (scripts are skipped, never run)


def test_terman_year_file(db):
    [(plan, _)] = load(db, IMPORT_FIXTURES / "2012data.csv")
    assert plan.format == "upr_terman" and plan.encoding == "mac_roman" and plan.rows_read == 7
    rows = fetch(db, "select country_iso3, paragraph, text, recommending_states, response, cycle, session, rec_date, "
                     "mechanism from recommendation where source = $s order by country_iso3, paragraph",
                 {"s": plan.tag})  # fmt: skip
    assert rows == [
        ("BIH", "45.1", "Ratify the Optional Protocol to the Convention against Torture (Norway);", ["NOR"],
         "supported", 2, None, D(2012, 12, 31), "UPR"),
        ("BIH", "45.2", "Strengthen the ombudsman institution (United States, France);", ["USA", "FRA"], "pending",
         2, None, D(2012, 12, 31), "UPR"),  # two rows that differ only in whitespace: one recommendation
        ("BIH", "45.3", "Abolish the death penalty (Ecuador and Spain);", ["ECU", "ESP"], "noted", 2, None,
         D(2012, 12, 31), "UPR"),
        ("BIH", "45.4", "Cooperate with Côte d’Ivoire on returns (Ghana);", ["GHA"], "supported", 2, None,
         D(2012, 12, 31), "UPR"),  # mojibake baked in before the Mac Roman save, repaired
        ("CAF", "12.2", "Protect journalists (Canada);", ["CAN"], "supported", 2, None, D(2012, 12, 31), "UPR"),
        ("KGZ", "12.1", "Establish a moratorium on executions (Portugal);", ["PRT"], None, 2, None,
         D(2012, 12, 31), "UPR"),  # From "moratorium": the State named in the text, with a warning
    ]  # fmt: skip
    [warning] = [p for p in plan.problems.items if p.severity == "warning"]
    assert (warning.row, warning.column, warning.value) == (7, "From", "moratorium")


def _upr_info_rows(db, tag):
    return fetch(db, "select country_iso3, session, cycle, rec_date, text, recommending_states, response, themes "
                     "from recommendation where source = $s order by country_iso3, text", {"s": tag})  # fmt: skip


UPR_INFO_EXPECTED = [
    ("BIH", 7, 1, D(2010, 2, 8), "Adopt a national plan on Roma.", ["BIH"], None,
     ["Minorities", "National plan of action"]),  # a voluntary pledge: made by the State itself, no response
    ("TCD", 5, 1, D(2009, 5, 4), "Abolish the death penalty.", ["FRA", "TTO"], "noted",
     ["Death penalty", "International instruments"]),
    ("TCD", 5, 1, D(2009, 5, 4), "Cooperate with the Extraordinary African Chambers in the case of Hissène Habré.",
     ["BEL"], "supported", ["Justice", "Impunity"]),
    ("TCD", 5, 1, D(2009, 5, 4), "Train the police in human rights.", ["UNKNOWN"], "supported",
     ["Human rights education and training"]),
]  # fmt: skip


def test_upr_info_csv_then_xls_of_the_same_export(db):
    [(csv_plan, _)] = load(db, IMPORT_FIXTURES / "upr_info_sample.csv")
    assert csv_plan.format == "upr_info" and csv_plan.encoding == "mac_roman"
    assert _upr_info_rows(db, csv_plan.tag) == UPR_INFO_EXPECTED
    folder = store.folder(store.store_dir(db), csv_plan.sha256)
    with duckdb.connect() as con:  # the action category and the kind are kept in the stored import
        sql = f"select text, action_category, kind from '{folder}/recommendation.parquet'"
        stored = {t: (a, k) for t, a, k in con.execute(sql).fetchall()}
    assert stored["Abolish the death penalty."] == (5, "recommendation")
    assert stored["Adopt a national plan on Roma."] == (3, "voluntary pledge")
    [(xls_plan, log)] = load(db, IMPORT_FIXTURES / "upr_info_sample.xls")  # the .xls original: duplicate headers, 5.0
    assert xls_plan.format == "upr_info" and xls_plan.source_key == csv_plan.source_key
    assert _upr_info_rows(db, xls_plan.tag) == UPR_INFO_EXPECTED
    assert _upr_info_rows(db, csv_plan.tag) == []  # the same source: replaced, not doubled
    assert log["replaced"] == 4


def _reviews(db: Path, tag: str) -> list[tuple]:
    """Return the UPR reviews an import loaded: (country, cycle, session, year, date, national and midterm report)."""
    sql = "select country_iso3, cycle, session, review_year, review_date, national_report, midterm_report "
    return fetch(db, sql + "from upr_review where source = $s order by 1, 2", {"s": tag})


def test_terman_sessions_list(db):
    [(plan, log)] = load(db, IMPORT_FIXTURES / "sessions.csv")
    assert plan.format == "upr_lookup" and plan.rows_read == 6 and plan.problems.errors == 0
    assert _reviews(db, plan.tag) == [
        ("DZA", 1, 1, 2008, None, None, None),
        ("DZA", 2, 13, 2012, None, None, None),  # session 13: the second cycle
        ("HTI", 1, 12, 2011, None, None, None),
        ("KNA", 1, 10, 2011, None, None, None),  # "St Kitts & Nevis"
        ("PRK", 1, 6, 2009, None, None, None),  # "DPR Korea"; session 6 ended in December 2009
        ("PRK", 2, 19, 2014, None, None, None),
    ]  # review year from the UPR calendar (upr_session); date and report flags not in the file: NULL
    # the bundled public reviews of those States and cycles are replaced (cycles 1-2 have no demo reviews)
    assert log["inserted"] == 6 and plan.counts()["public"] == log["replaced_public"] == 6
    assert plan.counts()["supersede"] == 0
    public = fetch(db, "select count(*) from upr_review where source like 'public:%' and country_iso3 = 'DZA'")
    assert public == [(0,)]
    [notice] = plan.problems.items
    assert notice.severity == "notice" and "not known" in notice.message


def test_terman_review_years(db):
    [(plan, log)] = load(db, IMPORT_FIXTURES / "upr-years.csv")
    assert plan.format == "upr_lookup" and plan.rows_read == 5 and plan.problems.errors == 0
    assert _reviews(db, plan.tag) == [
        ("CIV", 1, None, 2009, None, None, None),
        ("CIV", 2, None, 2014, None, None, None),
        ("DZA", 1, None, 2008, None, None, None),
        ("DZA", 2, None, 2012, None, None, None),
        ("HUN", 1, None, 2011, None, None, None),
        ("HUN", 2, None, 2016, None, None, None),
        ("SSD", 2, None, 2016, None, None, None),  # review1 ".": no cycle-1 row
        ("TLS", 1, None, 2011, None, None, None),  # review2 empty: no cycle-2 row
    ]
    assert log["inserted"] == 8
    notices = [(p.row, p.column, p.value) for p in plan.problems.items if p.severity == "notice"]
    assert notices[:2] == [(4, "review1", "."), (6, "review2", "")]
    assert [p.column for p in plan.problems.items if "not loaded" in p.message] == ["report1 / report2"]
    # imported after the sessions list, the same State and cycle is replaced: the newest import wins
    [(sessions, _)] = load(db, IMPORT_FIXTURES / "sessions.csv")
    both = fetch(db, "select country_iso3, cycle, session, review_year, source = $y from upr_review "
                     "where country_iso3 in ('DZA', 'HTI') and source like 'import:%' order by 1, 2",
                 {"y": sessions.tag})  # fmt: skip
    assert both == [("DZA", 1, 1, 2008, True), ("DZA", 2, 13, 2012, True), ("HTI", 1, 12, 2011, True)]
    assert sessions.counts()["replace"] == 2  # DZA's two rows of upr-years.csv


def test_uhri_excel_export(db):
    [(plan, _)] = load(db, IMPORT_FIXTURES / "uhri_export.xlsx")
    assert plan.format == "uhri"
    rows = fetch(db, "select id, country_iso3, mechanism, body, rec_date, text, recommending_states, response, cycle, "
                     "session, paragraph, themes, affected_groups, document_symbol from recommendation "
                     "where source = $s order by id", {"s": plan.tag})  # fmt: skip
    assert rows == [
        ("uhri-aaaa-0001", "KEN", "UPR", None, D(2020, 3, 10),
         "Ratify the Optional Protocol to the Convention against Torture", ["FRA", "DNK", "GHA"], "supported", 3, 35,
         "128.1", ["Acceptance of international norms", "Torture and other cruel, inhuman or degrading treatment"], [],
         "A/HRC/44/9"),  # two UHRI rows, the same recommendation once whitespace is collapsed
        ("uhri-aaaa-0003", "KEN", "UPR", None, D(2020, 3, 10), "Decriminalize defamation", ["CAN"], "noted", 3, 35,
         "128.2", ["Freedom of opinion and expression"], [], "A/HRC/44/9"),
        ("uhri-bbbb-0001", "IRQ", "treaty body", "CEDAW", D(2024, 7, 27),
         "The Committee recommends that the State party adopt a comprehensive anti-discrimination law.", None, None,
         None, None, None, ["Equality & non-discrimination", "Discrimination against women"], ["Women & girls"],
         "CEDAW/C/IRQ/CO/7"),
        ("uhri-cccc-0001-KEN", "KEN", "special procedure", "sr_torture", D(2019, 2, 4),
         "The Special Rapporteur recommends that both Governments investigate allegations of torture.", None, None,
         None, None, None, ["Torture"], ["Persons deprived of their liberty"], "A/HRC/40/59/Add.1"),
        ("uhri-cccc-0001-UGA", "UGA", "special procedure", "sr_torture", D(2019, 2, 4),
         "The Special Rapporteur recommends that both Governments investigate allegations of torture.", None, None,
         None, None, None, ["Torture"], ["Persons deprived of their liberty"], "A/HRC/40/59/Add.1"),
    ]  # fmt: skip
    assert any("not recommendations" in p.message for p in plan.problems.items)  # the observation row


def test_canonical_csv(db):
    [(plan, log)] = load(db, IMPORT_FIXTURES / "unct_engagement.csv")
    assert plan.format == "canonical" and list(plan.tables) == ["unct_engagement"]
    rows = fetch(db, "select country_iso3, year, mechanism, activity, description, id from unct_engagement "
                     "where source = $s order by year", {"s": plan.tag})  # fmt: skip
    assert [r[:5] for r in rows] == [
        ("CIV", 2013, "all mechanisms", "human rights working group", "Human rights working group chaired by the RC"),
        ("KEN", 2014, "UPR", "follow-up plan", "UPR follow-up matrix agreed with the Government"),
        ("UGA", 2015, "treaty bodies", "UNCT submission", "Joint UNCT submission to CEDAW"),  # a name
        ("TZA", 2016, "special procedures", "support to a visit",
         'Support to the visit of a Special Rapporteur, with a "quoted" word'),  # an ISO2 code
    ]  # fmt: skip
    ids = [r[5] for r in rows]
    assert ids[0] == "fixture-unct-4" and all(i.startswith("unct_engagement-unct_engagement-") for i in ids[1:])
    assert log["inserted"] == 4
    # importing it again: the same ids (made from the rows' content), nothing changes
    [(again, none)] = load(db, IMPORT_FIXTURES / "unct_engagement.csv")
    assert again.status == "already imported" and none is None


def test_excel_template_round_trip(db, tmp_path):
    data = templates.workbook(["national_mechanism", "unct_engagement"])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["national_mechanism"]
    header = [c.value for c in ws[1]]
    assert header == ["country_iso3", "established", "type", "nhri_participation", "cso_participation",
                      "tracking_tool"]  # fmt: skip
    assert "inter-ministerial" in ws["C1"].comment.text and "Allowed:" in ws["C1"].comment.text
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any(f.startswith("Lists!$A$2:$A$") for f in rules.values())  # countries drop-down, by name
    assert '"ad hoc,ministerial,inter-ministerial,institutionally separate"' in rules.values()
    assert [c.value for c in ws[2]][:3] == ["Kenya", "2015-06-01", "inter-ministerial"]  # the example row
    ws.append(["Uganda", dt.date(2016, 3, 1), "ministerial", "TRUE", "FALSE", "FALSE"])
    ws.append(["Malawi", "2017-07-15", "ad hoc", True, True, False])
    wb["unct_engagement"].delete_rows(2)  # an emptied sheet is simply not loaded
    path = tmp_path / "filled_template.xlsx"
    wb.save(path)
    [(plan, _)] = load(db, path)
    assert plan.format == "canonical" and list(plan.tables) == ["national_mechanism"]
    assert any("example row" in p.message for p in plan.problems.items)  # left in, ignored
    rows = fetch(db, "select * exclude (source) from national_mechanism where source = $s order by 1",
                 {"s": plan.tag})  # fmt: skip
    assert rows == [("MWI", D(2017, 7, 15), "ad hoc", True, True, False),
                    ("UGA", D(2016, 3, 1), "ministerial", True, False, False)]  # fmt: skip


def test_upr_review_template_and_a_canonical_file_without_review_year(db, tmp_path):
    wb = openpyxl.load_workbook(io.BytesIO(templates.workbook(["upr_review"])))
    ws = wb["upr_review"]
    header = [c.value for c in ws[1]]
    assert header == ["country_iso3", "cycle", "session", "review_year", "review_date", "national_report",
                      "midterm_report"]  # fmt: skip
    assert "empty: not known" in ws["C1"].comment.text and "(required)" in ws["D1"].comment.text
    ws.append(["Uganda", 2, None, 2016, None, None, None])  # only the year known
    path = tmp_path / "upr_template.xlsx"
    wb.save(path)
    [(plan, _)] = load(db, path)
    assert plan.format == "canonical" and plan.problems.errors == 0
    rows = fetch(db, "select country_iso3, cycle, session, review_year, review_date, national_report "
                     "from upr_review where source = $s", {"s": plan.tag})  # fmt: skip
    assert rows == [("UGA", 2, None, 2016, None, None)]
    # a file made before review_year existed: the year is that of review_date
    old = tmp_path / "upr_review.csv"
    old.write_text("country_iso3,cycle,session,review_date,national_report,midterm_report\n"
                   "Kenya,2,21,2015-01-21,true,false\nChile,2,18,,true,\n")  # fmt: skip
    [(plan, _)] = load(db, old)
    errors = [(p.row, p.column) for p in plan.problems.items if p.severity == "error"]
    assert plan.status == "refused" and errors == [(3, "review_year")]  # no date, no year: the year is required
    [(plan, _)] = load(db, old, skip_bad_rows=True)
    assert plan.format == "canonical" and list(plan.tables) == ["upr_review"]
    rows = fetch(db, "select country_iso3, session, review_year, review_date, midterm_report from upr_review "
                     "where source = $s", {"s": plan.tag})  # fmt: skip
    assert rows == [("KEN", 21, 2015, D(2015, 1, 21), False)]


def test_status_table_with_no_detectable_instrument_needs_one_named(db, tmp_path):
    path = tmp_path / "status.csv"  # the UNTC layout without the title line, under an anonymous name
    lines = (IMPORT_FIXTURES / "untc_IV-16_status.csv").read_text().splitlines()[3:]
    path.write_text("\n".join(lines))
    [(plan, log)] = load(db, path)
    assert plan.status == "refused" and "unknown instrument" in plan.reason and log is None
    [(plan, log)] = load(db, path, instrument="CED")
    assert plan.status == "ready" and plan.detail == "CED" and log["inserted"] == 196
    [(plan, _)] = load(db, path, instrument="CCPR-OP3")
    assert plan.status == "refused" and "unknown instrument 'CCPR-OP3'" in plan.reason
