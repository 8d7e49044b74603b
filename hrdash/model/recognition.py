"""Which of the 18 instruments a "sign / ratify / accede" recommendation names, recognised from its text.

The rules are data: an ordered list of `Rule`s, each a regular expression with the OHCHR codes it
stands for and a description, so the data dictionary can list them (`rules_table()`). They are
joined into one alternation, and a text is scanned left to right: at each position the first rule
(in list order) that matches wins and its text is consumed. That gives the precedence the names
need: "Optional Protocol to the Convention against Torture" is CAT-OP and not also CAT, because the
match starts at "Optional" before "Convention against Torture" can; "CAT and its Optional Protocol"
is CAT + CAT-OP because that rule comes before the plain "CAT" one. Rules with no codes recognise
instruments that are not among our 18 (the Rome Statute, ILO conventions, ...), so they are
consumed and say so.

The same expressions run in DuckDB (RE2) and in Python (`re`): both pick the first alternative that
matches at the leftmost position. Only syntax both understand is used (non-capturing groups, `\\b`,
`(?i)`; no look-around), and Python runs with re.ASCII like RE2. SQL gets them as bound parameters
(`sql_params()`); tests check that both engines recognise the same codes.
"""

# ruff: noqa: E501  (the rules are data: a pattern reads better on one line)
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

# The 18 instruments in the order of the instrument table (data/reference/instrument.csv).
CODES = (
    "CERD", "CCPR", "CCPR-OP1", "CCPR-OP2-DP", "CESCR", "CESCR-OP", "CEDAW", "CEDAW-OP", "CAT", "CAT-OP",
    "CRC", "CRC-OP-AC", "CRC-OP-SC", "CRC-OP-IC", "CMW", "CED", "CRPD", "CRPD-OP",
)  # fmt: skip

# A recommendation asks the State to join a treaty if it uses one of these verbs.
ASK_PATTERN = (
    r"(?i)\b(?:ratif\w*|acced\w*|accession|adher\w*|adhesion|sign|signs|signed|signing|signature"
    r"|becom\w* (?:a )?part(?:y|ies))\b"
)
# Lower-case stems, one of which every ASK_PATTERN match contains: SQL tests them with contains()
# first, which is ten times faster than a regular expression over a million texts.
ASK_STEMS = ("ratif", "acced", "accession", "adher", "adhesion", "sign", "becom")


@dataclass(frozen=True)
class Rule:
    """One way a text names an instrument: a regular expression, the codes it stands for, why."""

    codes: tuple[str, ...]
    pattern: str
    description: str
    examples: tuple[str, ...] = ()


# Names of each parent instrument, as alternations (case-insensitive).
_CAT = (
    r"(?:un |united nations )?convention against torture"
    r"(?:,? and other cruel,? inhuman,? (?:or|and) degrading treatment,? (?:or|and) punishment)?|cat|uncat"
)
_CCPR = r"international covenant on civil and political rights|covenant on civil and political rights|i?ccpr"
_CESCR = r"(?:international )?covenant (?:on|of) (?:economic,? social|social,? economic),? and cultural rights|i?cescr"
_CEDAW = r"(?:international )?convention on the elimination of all forms of discrimination against women|cedaw"
_CRC = r"(?:un |united nations )?convention on the rights of the child|crc|uncrc"
_CRPD = (
    r"(?:international |un |united nations )?convention on the (?:rights|protection) of (?:persons|people) with disabilit(?:y|ies)"
    r"|i?crpd|cprd"
)
_SEP = r"[-. ]?"  # OP-CAT, OP.CAT, OPCAT, OP CAT
_AND_ITS = r"(?:,? and|,? as well as|,? together with) (?:its|the) "


def _op_of(parent: str) -> str:
    return rf"optional protocol (?:to|of) (?:the )?(?:{parent})"


def _and_its_op(parent: str, protocols: str = "optional protocols?") -> str:
    return rf"(?:the )?(?:{parent}){_AND_ITS}{protocols}(?: thereto)?"


RULES: list[Rule] = [
    # -- Instruments that are not among the 18: consumed so that nothing inside them counts.
    Rule((), r"rome statute(?: of the international criminal court)?", "Rome Statute of the ICC: not one of ours",
         ("Ratify the Rome Statute of the International Criminal Court",)),
    Rule((), r"(?:ilo|international labour organi[sz]ation) conventions?(?: nos?\.?)? ?\d+|(?:ilo )?convention nos?\. ?\d+",
         "ILO conventions (by number): not ours", ("Consider ratifying ILO Convention No. 169",)),
    Rule((), r"convention relating to the status of (?:refugees|stateless persons)|refugee convention"
             r"|conventions? on (?:the reduction of )?statelessness",
         "Refugee and statelessness conventions: not ours", ("Accede to the 1951 Refugee Convention",)),
    Rule((), r"palermo protocol|protocol to prevent,? suppress and punish trafficking in persons",
         "The Palermo (trafficking) Protocol: not ours", ("Accede to the Palermo Protocol",)),
    Rule((), r"(?:un |united nations )?convention against (?:corruption|transnational organi[sz]ed crime)",
         "UN conventions against corruption and organised crime: not ours", ()),
    # -- A parent named with its protocol(s): "CAT and its Optional Protocol", "... and the Optional Protocol thereto".
    Rule(("CAT", "CAT-OP"), _and_its_op(_CAT), "The Convention against Torture together with its Optional Protocol",
         ("Ratify CAT and its Optional Protocol",)),
    Rule(("CEDAW", "CEDAW-OP"), _and_its_op(_CEDAW), "CEDAW together with its Optional Protocol",
         ("Ratify CEDAW and its Optional Protocol",)),
    Rule(("CRPD", "CRPD-OP"), _and_its_op(_CRPD), "The CRPD together with its Optional Protocol",
         ("ratify the Convention on the Rights of Persons with Disabilities and the Optional Protocol thereto",)),
    Rule(("CESCR", "CESCR-OP"), _and_its_op(_CESCR), "The ICESCR together with its Optional Protocol",
         ("Ratify the ICESCR and its Optional Protocol",)),
    Rule(("CCPR", "CCPR-OP1", "CCPR-OP2-DP"), _and_its_op(_CCPR, r"(?:two )?optional protocols"),
         "The ICCPR together with its (two) Optional Protocols",
         ("ratifying the International Covenant on Civil and Political Rights and its Optional Protocols",)),
    Rule(("CCPR", "CCPR-OP2-DP"), _and_its_op(_CCPR, r"second optional protocol"),
         "The ICCPR together with its Second Optional Protocol", ()),
    Rule(("CCPR", "CCPR-OP1"), _and_its_op(_CCPR, r"(?:first )?optional protocol"),
         "The ICCPR together with its (first) Optional Protocol", ()),
    Rule(("CRC", "CRC-OP-AC", "CRC-OP-SC"), _and_its_op(_CRC, r"(?:two )?optional protocols"),
         "The CRC together with its Optional Protocols (plural: the two of 2000 on armed conflict and sale)", ()),
    # -- Optional protocols by name or abbreviation (before their parents: the match starts earlier).
    Rule(("CAT-OP",), rf"{_op_of(_CAT)}|op{_SEP}cat|cat{_SEP}op",
         "Optional Protocol to the Convention against Torture: full name, OP-CAT, OPCAT, OP.CAT, CAT-OP",
         ("Ratify the Optional Protocol to the Convention against Torture", "Accede to OP-CAT", "Ratify OPCAT")),
    Rule(("CCPR-OP2-DP",),
         rf"second optional protocol(?: (?:to|of) (?:the )?(?:{_CCPR}))?"
         rf"|optional protocol (?:to|of) (?:the )?(?:{_CCPR}),? aim(?:ed|ing) at (?:the )?aboli\w+ (?:of )?the death penalty"
         rf"|i?ccpr{_SEP}op{_SEP}2|op{_SEP}2{_SEP}i?ccpr",
         "Second Optional Protocol to the ICCPR (death penalty): 'Second Optional Protocol', ICCPR-OP2, OP2-ICCPR",
         ("Ratify the Second Optional Protocol to the ICCPR", "Accede to the ICCPR-OP2")),
    Rule(("CCPR-OP1", "CCPR-OP2-DP"), rf"(?:two |both )?optional protocols (?:to|of) (?:the )?(?:{_CCPR})",
         "'Optional Protocols' (plural) to the ICCPR: both", ("ratify the two Optional Protocols to the ICCPR",)),
    Rule(("CCPR-OP1",),
         rf"(?:first )?optional protocol (?:to|of) (?:the )?(?:{_CCPR})|i?ccpr{_SEP}op{_SEP}1|op{_SEP}1{_SEP}i?ccpr",
         "(First) Optional Protocol to the ICCPR (individual complaints); ICCPR-OP1",
         ("Ratify the first Optional Protocol to the ICCPR",)),
    Rule(("CESCR-OP",), rf"optional protocols? (?:to|of) (?:the )?(?:{_CESCR})|op{_SEP}i?cescr|i?cescr{_SEP}op",
         "Optional Protocol to the ICESCR; OP-ICESCR", ("Sign and ratify the OP-ICESCR",)),
    Rule(("CEDAW-OP",), rf"optional protocols? (?:to|of) (?:the )?(?:{_CEDAW})|op{_SEP}cedaw|cedaw{_SEP}op",
         "Optional Protocol to CEDAW; OP-CEDAW", ("Accede to the Optional Protocol to CEDAW",)),
    Rule(("CRPD-OP",), rf"optional protocols? (?:to|of) (?:the )?(?:{_CRPD})|op{_SEP}i?crpd|i?crpd{_SEP}op",
         "Optional Protocol to the CRPD; OP-CRPD", ("Sign and ratify the Optional Protocol to the CRPD",)),
    Rule(("CRC-OP-AC",),
         rf"op{_SEP}crc{_SEP}ac|crc{_SEP}op{_SEP}ac|opac|op{_SEP}ac|(?:the )?involvement of children in armed conflicts?"
         r"|children in armed conflicts?",
         "Optional Protocol to the CRC on children in armed conflict: named by its subject, OP-CRC-AC, OPAC",
         ("Ratify the Optional Protocol to the CRC on the involvement of children in armed conflict",)),
    Rule(("CRC-OP-SC",),
         rf"op{_SEP}crc{_SEP}sc|crc{_SEP}op{_SEP}sc|opsc|op{_SEP}sc|sale of children(?:,? child prostitution and child pornography)?",
         "Optional Protocol to the CRC on the sale of children: named by its subject, OP-CRC-SC, OPSC",
         ("Ratify the Optional Protocol to the CRC on the sale of children, child prostitution and child pornography",)),
    Rule(("CRC-OP-IC",),
         rf"op{_SEP}crc{_SEP}ic|crc{_SEP}op{_SEP}ic|opic|op{_SEP}3{_SEP}crc|third optional protocol (?:to|of) (?:the )?(?:{_CRC})"
         r"|(?:on )?a communications? procedure",
         "Optional Protocol to the CRC on a communications procedure (2011): by subject, OP-CRC-IC, OP3-CRC",
         ("Ratify the Optional Protocol to the CRC on a communications procedure",)),
    Rule(("CRC-OP-AC", "CRC-OP-SC"), rf"(?:two |both )?(?:optional )?protocols (?:to|of) (?:the )?(?:{_CRC})",
         "'Optional Protocols' (plural) to the CRC, subject not named: the two of 2000 (armed conflict, sale)",
         ("To consider ratifying the two Optional Protocols to the Convention on the Rights of the Child",)),
    Rule((), rf"optional protocol (?:to|of) (?:the )?(?:{_CRC})",
         "'Optional Protocol to the CRC' alone: which one is told by its subject (the rules above), not the CRC", ()),
    # -- Both Covenants at once.
    Rule(("CCPR", "CESCR"), r"(?:the )?(?:two|both) (?:international )?covenants|international covenants",
         "'The two Covenants', 'both International Covenants'", ("Ratify the two International Covenants",)),
    # -- The core treaties.
    Rule(("CERD",), r"(?:international )?convention on the elimination of (?:all forms of )?racial discrimination|i?cerd",
         "ICERD: full name (with or without 'all forms of'), ICERD, CERD", ("Ratify ICERD",)),
    Rule(("CCPR",), _CCPR, "ICCPR: full name, ICCPR, CCPR", ("Sign the International Covenant on Civil and Political Rights",)),
    Rule(("CESCR",), _CESCR, "ICESCR: full name, ICESCR, CESCR", ("Ratify the ICESCR",)),
    Rule(("CEDAW",), _CEDAW, "CEDAW: full name, CEDAW", ("Ratify CEDAW as soon as possible",)),
    Rule(("CAT",), _CAT, "Convention against Torture: full or short name, CAT", ("Ratify CAT",)),
    Rule(("CRC",), _CRC, "Convention on the Rights of the Child: full name, CRC", ("Ratify the CRC",)),
    Rule(("CMW",),
         r"(?:international )?convention on the (?:protection of the )?rights of (?:all )?migrant workers"
         r"(?: and (?:members of )?their famil(?:y|ies)(?: members)?)?"
         r"|(?:international )?convention on migrant workers|migrant workers'? convention"
         r"|icrmw|icmw|cmw|mwc",
         "Migrant Workers Convention: full name, 'Migrant Workers Convention', ICRMW, ICMW, CMW",
         ("Consider ratifying the ICRMW", "Ratify the Migrant Workers Convention")),
    Rule(("CED",),
         r"(?:international )?convention (?:for|on) the protection of all persons (?:from|against) enforced disappearances?"
         r"|(?:international )?convention (?:on|against) enforced disappearances?|icpped|cped|ced",
         "Enforced Disappearance Convention: full name ('for'/'on', 'from'/'against'), CED, ICPPED, CPED",
         ("Ratify the CED", "Accede to the ICPPED")),
    Rule(("CRPD",), _CRPD, "Convention on the Rights of Persons with Disabilities: full name, CRPD, ICRPD",
         ("Ratify the CRPD",)),
]  # fmt: skip


def _wrap(pattern: str) -> str:
    return rf"\b(?:{pattern})\b"


@cache
def instrument_pattern() -> str:
    """Return the one case-insensitive alternation of every rule, in precedence order."""
    return "(?i)" + "|".join(_wrap(r.pattern) for r in RULES)


@cache
def _compiled() -> tuple[re.Pattern[str], list[re.Pattern[str]], re.Pattern[str]]:
    flags = re.IGNORECASE | re.ASCII
    rules = [re.compile(_wrap(r.pattern), flags) for r in RULES]
    return re.compile(instrument_pattern(), re.ASCII), rules, re.compile(ASK_PATTERN, re.ASCII)


def rule_of(matched: str) -> Rule:
    """Return the rule a matched piece of text belongs to: the first that matches all of it."""
    _, rules, _ = _compiled()
    return next(RULES[i] for i, p in enumerate(rules) if p.fullmatch(matched))


def matches(text: str) -> list[tuple[str, Rule]]:
    """Return each piece of `text` that names an instrument, with the rule that recognised it."""
    combined, _, _ = _compiled()
    return [(m.group(0), rule_of(m.group(0))) for m in combined.finditer(text)]


def recognise(text: str) -> list[str]:
    """Return the OHCHR codes of the instruments `text` names, in the instrument table's order."""
    found = {code for _, rule in matches(text) for code in rule.codes}
    return [c for c in CODES if c in found]


def asks_to_join(text: str) -> bool:
    """Return True if the text asks to sign, ratify, accede or adhere to (or become party to) something."""
    return _compiled()[2].search(text) is not None


def join_request(text: str) -> list[str]:
    """Return the codes of the instruments a recommendation asks the State to join ([] if it asks none)."""
    return recognise(text) if asks_to_join(text) else []


def rules_table() -> pd.DataFrame:
    """Return the rules for the data dictionary: precedence, codes, what they match, pattern, examples."""
    return pd.DataFrame(
        {
            "precedence": range(1, len(RULES) + 1),
            "codes": [", ".join(r.codes) if r.codes else "(not one of the 18: ignored)" for r in RULES],
            "description": [r.description for r in RULES],
            "pattern": [_wrap(r.pattern) for r in RULES],
            "examples": ["; ".join(r.examples) for r in RULES],
        }
    )


def sql_params() -> dict[str, object]:
    """Return the bound parameters the recognition queries take (the rules as data, never spliced into SQL)."""
    return {
        "ask_stems": list(ASK_STEMS),
        "ask_pattern": ASK_PATTERN,
        "instrument_pattern": instrument_pattern(),
        "rule_patterns": ["(?i)" + _wrap(r.pattern) for r in RULES],
        "rule_codes": [list(r.codes) for r in RULES],
    }
