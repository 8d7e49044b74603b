"""The page registry: every page's view file, title, icon, URL path and menu section, defined once.

app.py builds the navigation from it; views, decks and links read their titles from it. Pure data (no streamlit).
A page's tabs are in the URL as `<tab_prefix>_view` (?ratification_view=Regions), so a shared link opens the same
tab; `OLD_URL_KEYS` maps the keys of older links to today's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of the dashboard: its script, its title (menu, page heading of decks and exports) and its place."""

    view: str  # the script, relative to the project root
    title: str
    icon: str  # a :material/…: icon (menu only)
    url_path: str
    section: str
    default: bool = False


OVERVIEW = Page("views/overview.py", "Overview", ":material/dashboard:", "overview", "Dashboard", default=True)
EXPECTED_ACCOMPLISHMENTS = Page(
    "views/expected_accomplishments.py", "Expected accomplishments", ":material/flag:", "ea", "Dashboard"
)
COUNTRY_PROFILE = Page("views/country_profile.py", "Country profile", ":material/location_on:", "country", "Dashboard")
RATIFICATION = Page("views/ratification.py", "Ratification (EA2)", ":material/draw:", "ratification", "Mechanisms")
TREATY_BODIES = Page(
    "views/treaty_bodies.py", "Treaty bodies (EA6)", ":material/description:", "treaty-bodies", "Mechanisms"
)
SPECIAL_PROCEDURES = Page(
    "views/special_procedures.py", "Special Procedures", ":material/travel_explore:", "special-procedures", "Mechanisms"
)
UPR = Page("views/upr.py", "UPR", ":material/autorenew:", "upr", "Mechanisms")
CIVIL_SOCIETY = Page(
    "views/civil_society.py", "Civil society (EA7)", ":material/groups:", "civil-society", "Mechanisms"
)
UNCT = Page("views/unct_engagement.py", "UNCT engagement (EA11)", ":material/apartment:", "unct", "Mechanisms")
DATA = Page("views/data.py", "Data", ":material/database:", "data", "Data")

PAGES = (
    OVERVIEW, EXPECTED_ACCOMPLISHMENTS, COUNTRY_PROFILE,
    RATIFICATION, TREATY_BODIES, SPECIAL_PROCEDURES, UPR, CIVIL_SOCIETY, UNCT,
    DATA,
)  # fmt: skip

# Tab keys of links made before every page's tabs were `<prefix>_view`.
OLD_URL_KEYS = {"ratification_tab": "ratification_view", "tb_tab": "tb_view"}


def by_view(view: str) -> Page:
    """Return the page whose script is `view` ("views/ratification.py"); KeyError if none is."""
    return {p.view: p for p in PAGES}[view]


def title(view: str) -> str:
    """Return the title of the page whose script is `view`."""
    return by_view(view).title


def sections() -> dict[str, list[Page]]:
    """Return the pages by menu section, in menu order."""
    out: dict[str, list[Page]] = {}
    for page in PAGES:
        out.setdefault(page.section, []).append(page)
    return out
