"""Returns the words a column is shown under: one glossary for every page's tables, downloads, figures and decks.

A query's column keeps its SQL name; where it is shown to a person (a table header, a CSV or Excel header, a
chart's axis or hover text, a slide's table) it reads the label here. A page that words a column its own way
for one table (a date in the header, a narrower meaning) passes that word as an override.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .indicators import Indicator

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"

GLOSSARY: dict[str, str] = {
    "acceptance_base": "Accepted, baseline years (%)", "acceptance_now": "Accepted, current years (%)",
    "acceptance_rate": "Acceptance rate (%)", "accepted": "Accepted",
    "accepted_not_visited": "Accepted, no visit yet", "action_category": "Action category (UPR Info, 1–5)",
    "activities": "Activities", "activity": "Activity", "activity_years": "Years of UNCT activity",
    "allegation_letters": "Allegation letters", "already_party": "Already a party", "answered": "Answered",
    "awaiting_answer": "Awaiting an answer", "baseline_submitter_types": "Submitter types (baseline)",
    "baseline_value": "Baseline", "became_party": "Became a party", "bodies": "Treaty bodies", "body": "Treaty body",
    "body_name": "Committee", "coalition": "Coalition", "code": "Code", "communications": "Communications",
    "communications_base": "Communications, baseline years", "communications_now": "Communications, current years",
    "consent_date": "Consent date", "consent_type": "Consent type", "countries": "Countries",
    "countries_visited": "Countries visited", "countries_with_mechanism": "Countries with one", "country": "Country",
    "country_iso3": "ISO3", "country_mandate": "Country mandates", "country_mandate_visits": "Country mandates",
    "cso_participation": "Civil society takes part", "cycle": "UPR cycle", "date_precision": "Date precision",
    "days_overdue": "Days overdue", "denominator": "Denominator", "denounced_date": "Denounced",
    "deployments": "Deployments", "description": "Description", "detail": "Detail", "document_symbol": "Document",
    "due_date": "Due date", "ea6_country_of_engagement": "Named EA6 country of engagement", "ea_code": "EA",
    "ea_name": "Expected accomplishment", "end_date": "Ended", "end_shown": "End shown",
    "engagement_sources": "Sources (UNCT rows)", "established": "Established", "extended_date": "Extended",
    "first_review": "First review", "first_start": "First start", "first_year": "First year",
    "follow_up_plan": "Follow-up plans", "follow_up_support": "UNCT follow-up support",
    "fully_implemented": "Fully implemented", "funding": "Funding", "has_mechanism": "Has a mechanism",
    "hra_in_the_years": "HRA deployed in the years", "hras_in_post": "HRAs in post",
    "human_rights_working_group": "Human rights working group", "id": "ID", "implementation": "Implementation",
    "implemented": "Fully or partly implemented", "in_post_on_date": "In post on the date", "indicator": "Indicator",
    "instrument": "Code", "instrument_code": "Code", "instrument_name": "Instrument", "instruments": "Instruments",
    "instruments_ratified": "Instruments ratified", "international_ngo": "International NGO",
    "invitation_base": "Standing invitation (end of baseline years)", "invitation_date": "Invitation extended",
    "invitation_now": "Standing invitation (end of current years)", "iso3": "ISO3", "joint": "Joint",
    "joint_programme": "Joint programmes", "joint_share": "Joint (%)", "kind": "Kind",
    "last_end": "Last end (blank = no end date)", "last_recommendation": "Last recommendation",
    "last_review": "Last review", "last_reviewed": "Last reviewed", "last_submitted": "Last submitted",
    "last_visit": "Last visit began", "last_year": "Last year", "late": "Submitted late",
    "longest_overdue_years": "Longest overdue (years)", "mandate": "Mandate", "mandate_count": "Mandates",
    "mandate_kind": "Mandate kind", "mandates": "Mandate codes", "meaning": "Meaning", "measure": "Measure",
    "mechanism": "Mechanism", "mechanisms": "Mechanisms", "median_delay_days": "Median delay (days)",
    "median_years_to_party": "Median years to party", "met": "Met", "met_at_baseline": "Met at baseline",
    "met_on": "Date met", "midterm_report": "Mid-term report", "midterm_reports": "Mid-term reports",
    "midterm_reports_unknown": "Mid-term report not known", "month_end": "Month end", "name": "Country",
    "name_in_seed": "Name in the source document",
    "named_targets_with_mechanism": "Named countries of engagement with one",
    "national_ngo": "National NGO", "national_report": "National report", "national_reports": "National reports",
    "national_reports_unknown": "National report not known", "new_hras_since_2012": "New HRAs since 2012",
    "new_invitations": "New in the year", "new_parties": "New parties", "new_ratifications": "New ratifications",
    "newly_invited": "Standing invitation after the baseline",
    "new_regional_since_2012": "New regional since 2012", "next_due": "Next due", "nhri": "NHRI",
    "nhri_participation": "NHRI takes part", "no_reply": "No reply", "not_implemented": "Not implemented",
    "not_party": "Not a party", "not_yet_accepted": "Not yet accepted", "noted": "Noted", "noted_share": "Noted (%)",
    "now_submitter_types": "Submitter types (now)", "now_value": "Now", "numerator": "Numerator",
    "ohchr_region": "OHCHR region", "oldest_age_years": "Age of oldest (years)", "oldest_due_date": "Oldest due date",
    "oldest_request": "Oldest request", "on_time": "Submitted on time", "open_years": "Open for (years)",
    "other_letters": "Other letters", "other_unct_activities": "Other UNCT activities",
    "other_upr_activities": "Other UNCT UPR activities", "outcome": "Outcome", "overdue": "Overdue",
    "overdue_reports": "Overdue reports", "overdue_since": "Oldest overdue, due", "paragraph": "Paragraph",
    "partially_implemented": "Partially implemented", "parties": "States parties", "pending": "Pending",
    "pending_share": "Pending (%)", "postponed": "Postponed", "rank": "Rank", "rate": "Rate (%)",
    "recommendations": "Recommendations", "recommendations_in_undaf": "Recommendations in UNDAF",
    "recommended_by": "Recommended by", "recommender": "Recommending State",
    "recommender_iso3": "Recommending State (code)", "recommender_region": "Recommending region", "region": "Region",
    "region_max": "Regional maximum", "region_median": "Regional median", "region_min": "Regional minimum",
    "regional_in_post": "Regional advisers", "replied": "Replied", "reply_date": "Reply received",
    "reply_rate": "Reply rate (%)", "reply_rate_base": "Replied, baseline years (%)",
    "reply_rate_now": "Replied, current years (%)", "report_no": "Report no.", "report_symbol": "Report",
    "reports_due": "Reports due", "request_date": "Requested", "requested": "Awaiting an answer",
    "requests": "Requests", "requests_answered_base": "Requests answered, baseline years",
    "requests_answered_now": "Requests answered, current years", "reservations": "Reservations",
    "reservations_not_known": "Reservations not known", "response": "Response", "review_date": "Review",
    "review_year": "Review year", "reviewed_region": "Reviewed region", "reviews": "Reviews", "sent_date": "Sent",
    "sentence": "Sentence of the source document", "session": "Session",
    "share_became_party": "Led to ratification (%)",
    "share_on_time": "Share on time (%)", "share_with_reservations": "Share with reservations (%)",
    "short_name": "Instrument", "shown": "Shown as", "signature_date": "Signature date", "since": "Since",
    "source": "Source", "start_date": "Began", "status": "Status", "status_source": "Status source",
    "status_unknown": "Status not known", "status_year": "Status since", "submissions": "Submissions",
    "submitted_late": "Submitted late", "submitted_later": "Submitted later",
    "submitted_on_time": "Submitted on time", "submitter_type": "Submitter type",
    "submitter_types": "Distinct submitter types", "support_to_a_visit": "Support to a visit",
    "supported": "Supported", "supported_share": "Supported (%)", "target": "Target (Management Plan)",
    "target_kind": "Target kind", "text": "Recommendation", "thematic": "Thematic mandates",
    "thematic_visits": "Thematic mandates", "theme": "Theme", "themes": "Themes", "total": "Recommendations",
    "tracking_tool": "Tracking tool", "type": "Type", "un_member": "UN member", "unct_submission": "UNCT submissions",
    "unct_submissions": "UNCT submissions", "unit": "Unit", "urgent_appeals": "Urgent appeals", "value": "Value",
    "visits": "Visits", "when_met": "When", "with_invitation": "With a standing invitation",
    "with_reservations": "With reservations", "year": "Year", "years_to_party": "Years from review to party",
}  # fmt: skip


def glossary(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the glossary with a table's own wording for some of its columns."""
    return {**GLOSSARY, **(overrides or {})}


# The seed documents by the title a manager knows them by (`seed:NNN` stays the provenance value in source columns).
MANAGEMENT_PLAN = "OHCHR Management Plan 2014–2017"
HRA_STRATEGY = "UNDG strategy for the deployment of Human Rights Advisers (January 2012)"
SEED_TITLES = {
    "000": "Terms of Reference of the UNCT Liberia Human Rights Working Group",
    "001": "UNDG Human Rights Mainstreaming Mechanism, progress report October 2011–May 2012",
    "002": HRA_STRATEGY,
    "003": "Rights Up Front Detailed Action Plan (March 2014)",
    "004": MANAGEMENT_PLAN,
}
# Each expected accomplishment in a manager's words (the short names of data/reference/ea.csv are one word or two).
EA_NAMES = {
    "EA2": "Ratification of the international human rights instruments",
    "EA6": "State engagement with the mechanisms",
    "EA7": "Civil society and NHRIs using the mechanisms",
    "EA8": "Development of international human rights law",
    "EA9": "Coherence between the mechanisms",
    "EA10": "Early warning and protection against reprisals",
    "EA11": "UN Country Team engagement with the mechanisms",
}
# Acronyms a manager may not know, spelled out (first use on a page, tooltips).
ACRONYMS = {
    "UPR": "Universal Periodic Review", "UNCT": "UN Country Team", "HRA": "Human Rights Adviser",
    "NHRI": "national human rights institution", "EA": "expected accomplishment", "SP": "Special Procedures",
    "NMRF": "national mechanism for reporting and follow-up", "UNDAF": "UN Development Assistance Framework",
    "CSO": "civil society organisation", "ISO3": "three-letter country code (ISO 3166)",
}  # fmt: skip
# Values stored in lower case (statuses, responses, kinds) as they are shown: sentence case, jargon spelled out.
_VALUE_WORDS = {"no action": "No action", "party / no action": "Party / no action", "cid": "CID",
                "upr": "UPR", "unct": "UNCT", "nhri": "NHRI", "ngo": "NGO", "hra": "HRA"}  # fmt: skip
_JARGON = {"CID treatment": "cruel, inhuman or degrading treatment"}
# "seed 004", "Seed 002's", "seed:000": a seed document cited by number (in prose or as a provenance tag).
_SEED_REF = re.compile(r"\b[Ss]eed[ :](\d{3})\b")
_SEED_ANY = re.compile(r"\b[Ss]eed[ :]\d{3}\b")  # the same, without a group (pandas' str.contains warns on one)
_SEED = re.compile(r"\bseed[: ]0*(\d{1,3})\b", re.IGNORECASE)


def value(raw: object) -> str:
    """Return a stored category value as a person reads it: "no action" → "No action", None → ""."""
    if raw is None or (isinstance(raw, float) and raw != raw):
        return ""
    text = str(raw)
    if text.lower() in _VALUE_WORDS:
        return _VALUE_WORDS[text.lower()]
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def values(raw: Sequence[object]) -> list[str]:
    """Return `value` of each item (a column of statuses for a legend or a table)."""
    return [value(v) for v in raw]


def plain(text: str) -> str:
    """Return `text` with jargon spelled out ("CID treatment" → "cruel, inhuman or degrading treatment")."""
    for short, long in _JARGON.items():
        text = text.replace(short, long)
    return text


def seed_title(seed: str) -> str:
    """Return the title of a seed document, from "004", "seed:004" or "seed 4"; the input itself if unknown."""
    found = _SEED.search(seed) if not seed.isdigit() else None
    number = (found.group(1) if found else seed).zfill(3)
    return SEED_TITLES.get(number, seed)


def in_words(text: str) -> str:
    """Return `text` with every seed document named by its title ("seed 004" → "OHCHR Management Plan 2014–2017")."""
    return _SEED_REF.sub(lambda m: SEED_TITLES.get(m.group(1).zfill(3), m.group(0)), text) if "eed" in text else text


def is_provenance(column: object) -> bool:
    """Return True for a column that holds provenance tags or codes (kept as they are: `seed:004`, ISO3)."""
    name = str(column).lower()
    return "source" in name or "read from" in name or name in ("code", "iso3", "ea")


def in_words_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return a display copy of `df` with seed documents named by title in its text columns (provenance kept)."""
    out = df
    for column in df.columns:
        values = df[column]
        if values.dtype != object or is_provenance(column):
            continue
        text = values.dropna().astype(str)
        if not text.str.contains(_SEED_ANY).any():
            continue
        if out is df:
            out = df.copy()
        out[column] = [in_words(v) if isinstance(v, str) else v for v in values]
    return out


def acronym(short: str) -> str:
    """Return "Universal Periodic Review (UPR)" for "UPR": an acronym spelled out at its first use."""
    return f"{ACRONYMS[short]} ({short})" if short in ACRONYMS else short


@functools.cache
def country_names() -> dict[str, str]:
    """Return {ISO3: short name} of every country of the reference table (data/reference/country.csv)."""
    with (REFERENCE / "country.csv").open(encoding="utf-8", newline="") as f:
        return {row["iso3"]: row["name"] for row in csv.DictReader(f)}


def country(iso3: str) -> str:
    """Return a country's name from its ISO3 code ("NPL" → "Nepal"); the code itself if it is not a country's."""
    return country_names().get(iso3, iso3)


def countries(codes: Sequence[str], most: int = 6) -> str:
    """Return countries named from their codes, joined ("Nepal, Kenya"); past `most`, "and N more"."""
    names = [country(c) for c in codes]
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return ", ".join(names)


def country_list(codes: object, sep: str = "; ") -> str:
    """Return a list of country codes as names: "SGP; ARG" → "Singapore; Argentina" (None → "")."""
    if not isinstance(codes, str):
        return ""
    return sep.join(country(c.strip()) for c in codes.split(sep.strip()) if c.strip())


def ea(code: str) -> str:
    """Return an EA named: "EA6 — State engagement with the mechanisms" (the code alone if it is unknown)."""
    return f"{code} — {EA_NAMES[code]}" if code in EA_NAMES else code


def how_computed(ind: Indicator) -> str:
    """Return how an indicator is computed, in a manager's words (the Expected accomplishments page's expander)."""
    parts = [
        in_words(ind.definition),
        f"Unit: {ind.unit}; {ind.direction_text.lower()}.",
        f"Read from the dashboard's tables of {ind.source.replace('_', ' ')}, for the countries and years of the "
        "filters.",
        f"Target: {in_words(ind.target_text).replace('in the seed', 'in the Management Plan')}.",
        in_words(ind.note),
        f"The data team finds it as the query “{ind.query}” in the Data page's technical reference.",
    ]
    return " ".join(p for p in parts if p)
