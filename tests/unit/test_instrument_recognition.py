"""Recognising the instrument a "sign / ratify / accede" recommendation names: rules, precedence, real texts, SQL."""

# ruff: noqa: E501  (real recommendation texts are quoted verbatim, on one line each)

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from hrdash.db import query
from hrdash.demo.texts import INSTRUMENT_NAMES, RATIFY_OPENINGS
from hrdash.model import recognition as ir
from tests.helpers.paths import SHARED

REALDATA = SHARED / "realdata"
UPR_FILES = [
    *(f"upr_terman_years/{y}data.csv" for y in (2008, 2009, 2010, 2011)),
    "upr_terman_years/haiti2011.csv",
    "upr_info_exports/1-5.csv",
    "upr_info_exports/6-9.csv",
]

# Real recommendations (the whole text, as published) and the instruments they ask the State to join. They name
# instruments in many ways: abbreviations with and without hyphen or dot, full names with variants, "X and its
# Optional Protocol", "thereto", protocols named by their subject, and instruments that are not ours.
REAL_CASES = [
    ("upr_terman_years/2010data.csv", "91.1   Ratify CAT (Italy, Austria, Netherlands);", ["CAT"]),
    ("upr_info_exports/1-5.csv", "Accede to the Optional Protocol to the Convention against Torture (OPCAT)", ["CAT-OP"]),
    ("upr_info_exports/1-5.csv", "Ratify CAT-OP and establish a national preventive mechanism.", ["CAT-OP"]),
    ("upr_terman_years/2011data.csv", "90.1. Ratify the Optional Protocol to the CAT and the Optional Protocol to CEDAW (Czech Republic);", ["CEDAW-OP", "CAT-OP"]),
    ("upr_terman_years/2011data.csv", "75.6..3 ratify the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and its Optional Protocol (Maldives);", ["CAT", "CAT-OP"]),
    ("upr_info_exports/6-9.csv", "Ratify CAT and OP-CAT", ["CAT", "CAT-OP"]),
    ("upr_info_exports/6-9.csv", "Abolish the death penalty for all cases, and sign and ratify OP2-ICCPR", ["CCPR-OP2-DP"]),
    ("upr_terman_years/2009data.csv", "75.4.2 Accede to the Second Optional Protocol to the International Covenant on Civil and Political Rights Aimed at the Abolition of the Death Penalty (ICCPR-OP 2) (Azerbaijan);", ["CCPR-OP2-DP"]),
    ("upr_terman_years/2011data.csv", "95.2. Consider the possibility of ratifying or acceding, as appropriate, to ICRMW, CED, OP-CAT and CRPD (Uruguay);", ["CAT-OP", "CMW", "CED", "CRPD"]),
    ("upr_info_exports/1-5.csv", "Ratify the Convention on the Rights of Migrant Workers and Their Family Members.", ["CMW"]),
    ("upr_info_exports/6-9.csv", "Sign and ratify the International Convention for the Protection of All Persons from Enforced Disappearance CED", ["CED"]),
    ("upr_terman_years/2009data.csv", "77.1  Sign and ratify the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and the Optional Protocol thereto, as well as the Convention for the Protection of all Persons against Enforced Disappearance (France);", ["CAT", "CAT-OP", "CED"]),
    ("upr_info_exports/6-9.csv", "Ratify ICCPR and the two Optional Protocols thereto, ICESCR and the Optional Protocol thereto, ICERD, the Optional Protocol to CEDAW, CAT and the two Optional Protocols to CRC, as well as CRPD", ["CERD", "CCPR", "CCPR-OP1", "CCPR-OP2-DP", "CESCR", "CESCR-OP", "CEDAW-OP", "CAT", "CRC-OP-AC", "CRC-OP-SC", "CRPD"]),
    ("upr_terman_years/2010data.csv", "98.2   To consider ratifying the two Optional Protocols to the Convention on the Rights of the Child (Brazil);", ["CRC-OP-AC", "CRC-OP-SC"]),
    ("upr_info_exports/6-9.csv", "Ratify CRC-OP-SC which has already been signed by Jamaica ", ["CRC-OP-SC"]),
    ("upr_terman_years/2011data.csv", "77.8.  Consider ratifying OP-CRC-AC and CRPD (Brazil);", ["CRC-OP-AC", "CRPD"]),
    ("upr_info_exports/1-5.csv", "Sign the International Covenant on Civil and Political Rights and the International Covenant on Economic, Social and Cultural Rights.", ["CCPR", "CESCR"]),
    ("upr_info_exports/6-9.csv", "Consider becoming a party to the Convention on the Rights of Persons with Disabilities CRPD  ", ["CRPD"]),
    ("upr_terman_years/2011data.csv", "100.13. Ratify the Rome Statute of the International Criminal Court (Austria);", []),
    ("upr_terman_years/2011data.csv", "86.11. Ratify ILO Convention No. 169 and incorporate it into its national norms (Bolivia);", []),
    ("upr_terman_years/2011data.csv", "82.2. Ratify the Protocol to Prevent, Suppress and Punish Trafficking in Persons, particularly Women and Children (Ecuador);", []),
    # Names three instruments but asks to implement them, not to join.
    ("upr_terman_years/2011data.csv", "78.1. Continue towards the implementation of the OP-CAT, the First Optional Protocol to the ICCPR and the Optional Protocol to CEDAW (Australia),  );", []),
]  # fmt: skip


def _read(name: str) -> pd.Series:
    path = REALDATA / name
    if not path.exists():
        pytest.skip(f"real UPR files not found at {REALDATA} (../shared is absent)")
    df = pd.read_csv(path, encoding="mac_roman", dtype=str, keep_default_na=False)
    return df["text" if "text" in df.columns else "Text"]


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    """Every distinct real recommendation text that has a verb of joining (about 4,000)."""
    texts = {t for name in UPR_FILES for t in _read(name)}
    return sorted(t for t in texts if ir.asks_to_join(t))


@pytest.mark.parametrize(("name", "text", "codes"), REAL_CASES, ids=[c[1][:40] for c in REAL_CASES])
def test_real_recommendations(name, text, codes):
    assert text.strip() in {t.strip() for t in _read(name)}, "the case must be a real text of the file, verbatim"
    assert ir.join_request(text) == [c for c in ir.CODES if c in codes]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Ratify the Optional Protocol to the Convention against Torture.", ["CAT-OP"]),
        ("Ratify the Convention against Torture.", ["CAT"]),
        ("Ratify the OPCAT, then CAT", ["CAT", "CAT-OP"]),
        ("Consider ratifying the Second Optional Protocol to the ICCPR.", ["CCPR-OP2-DP"]),
        ("Ratify the first Optional Protocol to the ICCPR and the ICCPR", ["CCPR", "CCPR-OP1"]),
        ("Accede to the Optional Protocol to the Convention on the Rights of Persons with Disabilities.", ["CRPD-OP"]),
        ("Accede to the Optional Protocol to CEDAW", ["CEDAW-OP"]),
        ("Ratify the OP-ICESCR", ["CESCR-OP"]),
        ("Ratify the Optional Protocol to the CRC on a communications procedure", ["CRC-OP-IC"]),
        ("Ratify the Migrant Workers Convention and the ICPPED", ["CMW", "CED"]),
        ("Ratify both International Covenants", ["CCPR", "CESCR"]),
        ("Ratify the Rome Statute and the Convention relating to the Status of Refugees", []),
        ("Harmonize national legislation with the Convention on the Rights of Persons with Disabilities", []),
    ],
)
def test_names_and_precedence(text, codes):
    assert ir.join_request(text) == codes


def test_every_way_the_demo_names_an_instrument_is_recognised():
    for code, names in INSTRUMENT_NAMES.items():
        for name in names:
            for opening in RATIFY_OPENINGS:
                assert ir.join_request(f"{opening} {name}.") == [code], (opening, name)


def test_each_rule_recognises_its_examples_and_the_table_lists_every_rule():
    for rule in ir.RULES:
        re.compile(rule.pattern)
        assert rule.description
        assert all(c in ir.CODES for c in rule.codes)
        for example in rule.examples:
            assert ir.asks_to_join(example), example
            assert set(ir.join_request(example)) >= set(rule.codes), example
            if not rule.codes:
                assert ir.join_request(example) == [], example
    table = ir.rules_table()
    assert list(table.columns) == ["precedence", "codes", "description", "pattern", "examples"]
    assert len(table) == len(ir.RULES) and table["precedence"].tolist() == list(range(1, len(ir.RULES) + 1))
    assert table["codes"].iloc[0] == "(not one of the 18: ignored)"  # the Rome Statute comes first


def test_every_verb_match_contains_a_stem_sql_prefilters_on(real_texts):
    verbs = re.compile(ir.ASK_PATTERN, re.ASCII)
    for text in real_texts:
        for m in verbs.finditer(text):
            assert any(s in m.group(0).lower() for s in ir.ASK_STEMS), m.group(0)


def test_sql_recognises_what_python_recognises(empty_db, real_texts):
    """The rules run in DuckDB's RE2 exactly as in Python's re, on every real text and every demo phrasing."""
    demo = [f"{o} {n}." for names in INSTRUMENT_NAMES.values() for n in names for o in RATIFY_OPENINGS]
    texts = real_texts + demo + [c[1] for c in REAL_CASES]
    rows = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(len(texts))], "country_iso3": "AFG", "mechanism": "UPR",
            "rec_date": date(2010, 5, 1), "text": texts, "cycle": 1, "source": "demo",
        }
    )  # fmt: skip
    with empty_db.cursor() as cur:
        cur.register("rows", rows)
        cur.execute(
            "insert into recommendation (id, country_iso3, mechanism, rec_date, text, cycle, source) select * from rows"
        )
    params = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}
    found = query.run(empty_db, "upr_ratification_requests", {**params, **ir.sql_params(), "limit": None})
    by_sql = found.groupby("id")["instrument"].apply(sorted).to_dict()
    by_python = {f"t{i}": sorted(ir.join_request(t)) for i, t in enumerate(texts) if ir.join_request(t)}
    assert len(by_python) > 3000
    assert by_sql == by_python
