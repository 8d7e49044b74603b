"""The data dictionary: every table and column with its type, allowed values and meaning.

Meanings come, in this order, from the table's `.meta.json` beside its reference CSV (or, for the UPR
calendar, its public CSV in data/public), from the comment after the column in schema.sql, and from
COLUMN_NOTES below (fact tables describe all their rows here; the meta files of their bundled public rows
are named in the table list). Allowed values and ranges are read from the schema's CHECK constraints.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import duckdb
import pandas as pd

from .. import public
from ..db.query import run
from ..model import recognition as instrument_recognition
from ..paths import PUBLIC, REFERENCE, SCHEMA
from .upr import RESPONSE_TERMS

SOURCE_NOTE = (
    "where the row comes from: reference, seed:NNN, public:<dataset> (real public facts bundled with the project), "
    "demo (generated, not real) or import:<sha256 prefix>"
)
COLUMN_NOTES: dict[str, dict[str, str]] = {
    "ratification": {
        "country_iso3": "the State (ISO3)", "instrument": "OHCHR code of the instrument",
        "signature_date": "date of signature (imports without one: the instrument's adoption date, precision 'year')",
        "consent_date": "date of ratification, accession or succession (year-only sources: 31 December)",
        "consent_type": "ratification, accession or succession (year-only sources and OHCHR's dashboard export, "
        "which do not tell them apart, record 'ratification')",
        "date_precision": "'day', or 'year' when the source gives only the year",
        "reservations": "true if the State made reservations; empty: not known (the Treaty Collection's status "
        "tables, and so the bundled public rows, do not say); shown as 'not known', never as 'no'",
        "denounced_date": "date the State's consent was undone (denunciation or withdrawal): not a party from then "
        "on; empty: not undone. Treaty Collection pages mark such consent with a bracketed date ([30 Sep 1992 a]: "
        "consent_date and consent_type from it) and explain it in a footnote: denounced_date is the footnote's "
        "effective date ('with effect from', 'took effect on') when it gives one, else the date of the notification "
        "('On 23 October 1997, the Government ... notified ... its decision to denounce'). When no footnote gives "
        "a date, the import warns and records no consent (status signatory or no action): no date is invented",
        "status": "derived: party / signatory / no action / denounced (a denounced State is not a party from "
        "denounced_date on: every 'as of' figure uses the schema's macros party_on / status_on)",
    },
    "tb_report": {
        "id": "report id", "country_iso3": "reporting State", "instrument": "instrument reported on",
        "body": "treaty body", "report_no": "periodic report number (1 = initial)", "due_date": "date due",
        "submitted_date": "date submitted (empty: not yet)", "reviewed_date": "date the body reviewed it",
    },
    "sp_visit": {
        "id": "visit id", "country_iso3": "country visited or asked", "mandate_code": "Special Procedures mandate",
        "request_date": "date of the request", "status": "requested, accepted, completed, postponed or no reply",
        "start_date": "first day of the visit", "end_date": "last day of the visit",
        "report_symbol": "UN symbol of the visit report",
    },
    "standing_invitation": {"country_iso3": "the State", "extended_date": "date the standing invitation was extended"},
    "sp_communication": {
        "id": "communication id", "sent_date": "date sent", "country_iso3": "State addressed",
        "mandates": "mandate codes that sent it (two or more: joint)",
        "type": "urgent appeal, allegation letter or other letter", "joint": "sent by two or more mandates",
        "replied": "the State replied", "reply_date": "date of the reply",
    },
    "upr_review": {
        "country_iso3": "State under review", "cycle": "UPR cycle (1: 2008–11, 2: 2012–16, 3: 2017–22, 4: 2022–)",
        "session": "Working Group session number; empty: not known (a list of review years, e.g. Terman's "
        "upr-years.csv)", "review_year": "year of the review, always known: the year of review_date, or of the "
        "session (table upr_session, the UPR calendar) when only the session is known (Terman's sessions.csv), or "
        "as the file gives it (upr-years.csv); pages filter reviews by this year",
        "review_date": "date of the review; empty: not known (files that give only the session or the year)",
        "national_report": "national report submitted; empty: not known (neither Terman file says). Counts of "
        "reports count only the known ones (true); pages show 'unknown'",
        "midterm_report": "mid-term report submitted; empty: not known, as for national_report",
    },
    "recommendation": {
        "id": "recommendation id (imports: stable hash of State, session/year and text; UHRI: annotation id)",
        "country_iso3": "State concerned (State under review)", "mechanism": "UPR, treaty body or special procedure",
        "document_symbol": "UN document symbol", "rec_date": "date (UPR Info: session's first day; year-only "
        "sources: 31 December; UHRI: document publication date; bundled cycle-1 facts: the session's first day)",
        "text": "text, whitespace collapsed; empty where it is not bundled (the public cycle-1 facts: import a UPR "
        "Info or UHRI export, or run python -m hrdash update --only uhri, for texts)",
        "themes": "themes (UPR Info issues; UHRI themes)", "affected_groups": "groups of persons (UHRI)",
        "cycle": "UPR cycle (UPR only)", "session": "UPR Working Group session", "paragraph": "paragraph number",
        "response": "",  # generated from the importers' mappings: response_note()
        "implementation": "not / partially / fully implemented, where known",
        "action_category": "UPR Info's action category, 1 (minimal action) to 5 (specific action); empty: not given",
        "asks_to_join": "instruments the recommendation asks the State to join, where its text is not bundled "
        "(recognised from the text when the public facts were derived)",
    },
    "national_mechanism": {
        "country_iso3": "the State", "established": "date established", "type": "ad hoc, ministerial, "
        "inter-ministerial or institutionally separate", "nhri_participation": "the NHRI takes part",
        "cso_participation": "civil society takes part", "tracking_tool": "uses a recommendation-tracking tool",
    },
    "stakeholder_submission": {
        "country_iso3": "State concerned", "mechanism": "UPR or treaty bodies", "year": "year",
        "cycle": "UPR cycle", "submitter_type": "NHRI, national NGO, coalition or international NGO",
        "count": "number of submissions",
    },
    "nhri": {"country_iso3": "the State", "name": "institution", "status": "GANHRI accreditation A / B / C / none",
             "year": "year of the accreditation status"},
    "build_info": {"key": "what", "value": "value (build time, scale, sources hash, imports re-applied)"},
    "import_log": {
        "id": "import number", "file_name": "file as uploaded", "sha256": "SHA-256 of the file's bytes",
        "format": "detected format", "inserted": "rows inserted", "replaced": "rows replaced: earlier versions of "
        "the same source, rows with the same key, bundled public rows (same key, or for UPR recommendations the "
        "same State and cycle) and demo rows superseded", "skipped": "bad rows skipped",
        "imported_at": "when (UTC)", "imported_by": "who (signed-in e-mail, or the CLI user)",
    },
}  # fmt: skip
TABLE_NOTES = {
    "ratification": "One row per State and instrument: signature and consent (ratification, accession, succession), "
    "and a denunciation where one undid it.",
    "tb_report": "One row per periodic report a State owes a treaty body: due, submitted, reviewed.",
    "sp_visit": "One row per Special Procedures country visit or request.",
    "standing_invitation": "One row per State that has extended a standing invitation to Special Procedures.",
    "sp_communication": "One row per Special Procedures communication to a State.",
    "upr_review": "One row per State and UPR cycle: the review (year always; session and date where known) and "
    "the reports submitted (where known).",
    "recommendation": "One row per recommendation (UPR, treaty bodies, Special Procedures), as the UHRI holds them; "
    "several recommending States in one row.",
    "national_mechanism": "One row per State with a national mechanism for reporting and follow-up (NMRF).",
    "stakeholder_submission": "Submissions by NHRIs and civil society to the UPR and treaty bodies, counted.",
    "nhri": "One row per State: its national human rights institution and GANHRI accreditation.",
    "build_info": "How and when the database was built; imports re-applied after the last rebuild.",
    "import_log": "One row per file loaded with `python -m hrdash import`, `python -m hrdash update` (downloaded from "
    "the official sources) or the Data page.",
}
NOT_TABLES = {"country_alias", "upr_session_start"}


def _term(value: str | None) -> str:
    return "empty" if value is None else value


def response_terms() -> pd.DataFrame:
    """Return how every import format's response terms map to recommendation.response: one row per term."""
    rows = [(fmt, term or "(blank)", _term(value)) for fmt, mapping in RESPONSE_TERMS.items()
            for term, value in mapping.items()]  # fmt: skip
    return pd.DataFrame(rows, columns=["format (column)", "term in the file", "response stored"])


def response_note() -> str:
    """Return the meaning of recommendation.response with every format's terms, from the importers' mappings."""
    parts = [f"{fmt}: " + ", ".join(f"{t} -> {r}" for t, r in zip(g["term in the file"], g["response stored"]))
             for fmt, g in response_terms().groupby("format (column)", sort=False)]  # fmt: skip
    return ("supported / noted / pending; empty: not known. Terms of each import format (case ignored): "
            + "; ".join(parts) + ". A UPR Info voluntary pledge is a commitment, not a recommendation: empty "
            "response, recommending State = the State itself")  # fmt: skip


_TABLE = re.compile(r"create table (\w+) \((.*?)\n\);", re.S)
_COMMENT = re.compile(r"^\s+(\w+)\s+[^-\n]*?--\s*(.+)$", re.M)


@cache
def schema_comments() -> dict[tuple[str, str], str]:
    """Return {(table, column): comment} from the comments after columns in schema.sql."""
    out = {}
    for table, body in _TABLE.findall(SCHEMA.read_text()):
        for col, comment in _COMMENT.findall(body):
            out[(table, col)] = comment.strip()
    return out


@cache
def meta(table: str) -> dict[str, Any]:
    """Return a reference table's .meta.json, or the UPR calendar's in data/public (empty if it has none)."""
    path = (PUBLIC if table == public.CALENDAR else REFERENCE) / f"{table}.meta.json"
    return json.loads(path.read_text()) if path.exists() else {}


@cache
def public_meta(table: str) -> dict[str, Any]:
    """Return the .meta.json of a table's bundled public rows (data/public), empty if it has none."""
    path = PUBLIC / f"{table}.meta.json"
    return json.loads(path.read_text()) if path.exists() else {}


def frames(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (columns, CHECK constraints) of a database, as the data_columns / data_constraints queries give them."""
    return run(con, "data_columns"), run(con, "data_constraints")


def enum_values(constraints: pd.DataFrame, table: str) -> dict[str, list[str]]:
    """Return {column: allowed values} from a table's `col IN (...)` CHECK constraints."""
    out = {}
    for cols, expr in constraints.loc[
        constraints["table_name"] == table, ["constraint_column_names", "expression"]
    ].values:
        m = re.fullmatch(r"\(\"?(\w+)\"? IN \((.*)\)\)", expr.strip())
        if m and len(set(cols)) == 1:
            out[m.group(1)] = [v.replace("''", "'") for v in re.findall(r"'((?:[^']|'')*)'", m.group(2))]
    return out


def _rules(constraints: pd.DataFrame, table: str) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for cols, expr in constraints.loc[
        constraints["table_name"] == table, ["constraint_column_names", "expression"]
    ].values:
        if " IN (" in expr or 'regexp_full_match("source"' in expr:
            continue
        for c in dict.fromkeys(cols):
            out.setdefault(c, []).append(" ".join(expr.split())[:140])
    return {c: "; ".join(v) for c, v in out.items()}


def columns(cols: pd.DataFrame, constraints: pd.DataFrame) -> pd.DataFrame:
    """Return one row per table column: type, required, allowed values, rule, meaning and where it is from."""
    comments = schema_comments()
    enums: dict[str, dict[str, list[str]]] = {}
    rules: dict[str, dict[str, str]] = {}
    out = []
    for table, col, dtype, nullable, gen in cols[
        ["table_name", "column_name", "data_type", "is_nullable", "is_generated"]
    ].itertuples(index=False, name=None):
        if table not in enums:
            enums[table], rules[table] = enum_values(constraints, table), _rules(constraints, table)
        m = meta(table).get("columns", {})
        if col in m:
            meaning, origin = m[col], f"{table}.meta.json"
        elif (table, col) in comments:
            meaning, origin = comments[(table, col)], "schema.sql"
        elif col == "source":
            meaning, origin = SOURCE_NOTE, "schema.sql"
        elif (table, col) == ("recommendation", "response"):
            meaning, origin = response_note(), "hrdash/importers/upr.py (mappings)"
        else:
            meaning, origin = COLUMN_NOTES.get(table, {}).get(col, ""), "hrdash/importers/dictionary.py"
        allowed = ", ".join(enums[table].get(col, []))
        out.append((table, col, dtype, not nullable, "generated" if gen else "", allowed, rules[table].get(col, ""),
                    meaning, origin))  # fmt: skip
    return pd.DataFrame(out, columns=["table", "column", "type", "required", "generated", "allowed values", "rule",
                                      "meaning", "meaning from"])  # fmt: skip


def tables(names: list[str]) -> pd.DataFrame:
    """Return one row per table: description and source (from its .meta.json where there is one); for a fact table
    with bundled public rows, those rows' description and source (data/public/<table>.meta.json) too."""
    rows = []
    for t in names:
        description, source = meta(t).get("description", "") or TABLE_NOTES.get(t, ""), meta(t).get("source", "")
        if t in public.FACT_TABLES and (m := public_meta(t)):
            description += f" Bundled public rows (data/public/{t}.csv): {m['description']}"
            source = f"{m['source']} As of {m['as_of']}."
        rows.append((t, description, source))
    return pd.DataFrame(rows, columns=["table", "description", "source"])


def reference_files() -> pd.DataFrame:
    """Return the reference files that are not database tables (e.g. the country alias table), with their meta."""
    rows = []
    for path in sorted(REFERENCE.glob("*.meta.json")):
        m = json.loads(path.read_text())
        if m.get("table") in NOT_TABLES:
            rows.append((path.name.replace(".meta.json", ".csv"), m.get("description", ""), m.get("source", "")))
    return pd.DataFrame(rows, columns=["file", "description", "source"])


def recognition_rules() -> pd.DataFrame:
    """Return the UPR page's instrument-recognition rules (hrdash/model/recognition.py RULES), one row each."""
    return instrument_recognition.rules_table()
