"""One colour per status meaning, on every page and slide, told apart by colour-blind readers.

Every figure that draws a status is built from a small frame and its colours are read back from its traces: each
status has the colour of `figures.colours.STATUS` — warm for what is missing, refused or late, cool for what is done,
grey for not known — the same hex on every page and in the deck made from the figure. The palette is checked with a
simulation of deuteranopia and protanopia (tests/helpers/colour_vision.py).
"""

from __future__ import annotations

import io
import itertools

import pandas as pd
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from hrdash.exports import deck as figure_slides
from hrdash.exports import pptx as slides
from hrdash.figures import civil_society, colours, profile, ratification, special_procedures, treaty_bodies, unct, upr
from hrdash.model.provenance import share_text
from tests.helpers.colour_vision import delta_e

WARM_MEANINGS = ["overdue", "noted", "pending", "not party", "no action", "not met", "not implemented", "denounced"]
COOL_MEANINGS = ["met", "supported", "submitted", "party", "submitted on time", "fully implemented", "signatory"]
GREY_MEANINGS = ["unknown", "not known", "status unknown"]


def is_warm(hex_colour: str) -> bool:
    r, _, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return r > b + 60


def is_cool(hex_colour: str) -> bool:
    r, _, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return b > r + 60


def is_grey(hex_colour: str) -> bool:
    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return max(r, g, b) - min(r, g, b) < 10


def test_meanings_are_warm_cool_or_grey_whatever_the_spelling():
    assert all(is_warm(colours.status(m)) for m in WARM_MEANINGS), {m: colours.status(m) for m in WARM_MEANINGS}
    assert all(is_cool(colours.status(m)) for m in COOL_MEANINGS), {m: colours.status(m) for m in COOL_MEANINGS}
    assert all(is_grey(colours.status(m)) for m in GREY_MEANINGS)
    assert colours.status("Submitted_on_time") == colours.status("submitted on time") == colours.COOL
    assert colours.status("OVERDUE") == colours.WARM and colours.status("thematic") is None


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia"])
def test_warm_and_cool_stay_apart_for_colour_blind_readers(vision):
    warm = {colours.status(m) for m in WARM_MEANINGS}
    cool = {colours.status(m) for m in COOL_MEANINGS}
    # Every warm shade against every cool one: far apart (a ΔE over 20 is another colour).
    assert min(delta_e(w, c, vision) for w in warm for c in cool) > 40
    # Any two shades of the palette, grey included, still differ (a chart may show two warm ones side by side).
    shades = set(colours.STATUS.values())
    assert min(delta_e(a, b, vision) for a, b in itertools.combinations(shades, 2)) > 15


def bar_colours(fig) -> dict[str, str]:
    """Return {trace name: colour} of a figure's bar, line and map traces (a map's name without its count)."""
    d = figure_slides.figure_dict(fig)
    out = {}
    for t in d["data"]:
        name = str(t.get("name", "")).split(" (")[0].lower()
        if t.get("type") == "choropleth" and isinstance(t.get("colorscale"), list | tuple):
            out[name] = t["colorscale"][0][1]
        elif isinstance((t.get("marker") or {}).get("color"), str):
            out[name] = t["marker"]["color"]
        elif (t.get("line") or {}).get("color"):
            out[name] = t["line"]["color"]
    return out


def responses(extra: dict | None = None) -> pd.DataFrame:
    base = {"supported": [5], "noted": [3], "pending": [1], "supported_share": [50.0], "noted_share": [30.0],
            "pending_share": [10.0], "total": [9], "recommendations": [9]}  # fmt: skip
    return pd.DataFrame({**base, **(extra or {})})


def test_every_status_figure_uses_the_one_mapping():
    S = colours.status
    upr_shares = bar_colours(upr.response_shares(responses({"cycle": [1]}), "cycle"))
    upr_states = bar_colours(upr.recommending_states(responses({"recommender": ["Chile"]})))
    impl = pd.DataFrame({"cycle": [1, 1, 1, 1], "recommendations": [4, 3, 2, 1],
                         "implementation": ["fully implemented", "partially implemented", "not implemented",
                                            "unknown"]})  # fmt: skip
    upr_impl = bar_colours(upr.implementation(impl))
    for shown in (upr_shares, upr_states):
        assert (shown["supported"], shown["noted"], shown["pending"]) == (S("supported"), S("noted"), S("pending"))
    assert upr_impl["not implemented"] == S("not implemented") and upr_impl["fully implemented"] == S("met")

    labels = {}
    tb = pd.DataFrame({"body": ["CAT"], "submitted_on_time": [1], "submitted_late": [2], "overdue": [3]})
    cycles = pd.DataFrame({"cycle_label": ["Cycle 1"], "supported": [5], "noted": [3], "pending": [1]})
    implementation = pd.DataFrame({"mechanism": ["UPR"], "fully_implemented": [1], "partially_implemented": [2],
                                   "not_implemented": [3], "status_unknown": [4]})  # fmt: skip
    prof_tb = bar_colours(profile.tb_reports(tb, labels))
    prof_upr = bar_colours(profile.upr_cycles(cycles, labels))
    prof_impl = bar_colours(profile.implementation(implementation, labels))
    assert prof_tb == {
        "submitted_on_time": S("submitted"),
        "submitted_late": S("submitted late"),
        "overdue": S("overdue"),
    }
    assert prof_upr == {k: upr_shares[k] for k in ("supported", "noted", "pending")}  # the same hex as the UPR page
    assert prof_impl["not_implemented"] == upr_impl["not implemented"]
    assert prof_impl["status_unknown"] == S("unknown")
    status = pd.DataFrame({"status": ["party", "signatory", "no action"], "instruments": [8, 2, 8]})
    pie = profile.ratification_status(status, labels)["data"][0]["marker"]["colors"]
    assert pie == [S("party"), S("signatory"), S("no action")]

    overdue = pd.DataFrame({"body": ["CAT"], "overdue_reports": [4], "countries": [3], "body_name": ["Torture"]})
    assert treaty_bodies.overdue_by_body(overdue).data[0].marker.color == prof_tb["overdue"]

    countries = pd.DataFrame({"iso3": ["KEN", "CHL", "FRA", "USA"], "name": ["Kenya", "Chile", "France", "US"],
                              "status": ["party", "signatory", "no action", "denounced"],
                              "signature_date": [None] * 4, "consent_date": [None] * 4, "consent_type": [None] * 4,
                              "reservations": [None] * 4})  # fmt: skip
    rat_map = bar_colours(ratification.status_map(countries, "CAT"))
    assert rat_map == {s: S(s) for s in ("party", "signatory", "denounced", "no action")}
    assert rat_map["no action"] == pie[2] and rat_map["party"] == pie[0]

    nhri = pd.DataFrame({"status": ["A", "C", "none"], "meaning": ["x", "y", "z"], "countries": [5, 3, 2]})
    assert civil_society.nhri_status(nhri).data[0].marker.color == (S("a"), S("c"), S("none"))
    targets = pd.DataFrame({"country": ["Kenya", "Chile"], "baseline_value": [1, 5], "now_value": [4, 2],
                            "met": ["yes", "no"]})  # fmt: skip
    met = bar_colours(civil_society.targets_now_vs_baseline(targets, "2010–2013", "2023–2026"))
    assert (met["more submissions: met"], met["not more: not met"]) == (S("met"), S("not met"))

    pending = pd.DataFrame({"name": ["Kenya"], "requested": [2], "no_reply": [1], "postponed": [1],
                            "not_yet_accepted": [4], "oldest_age_years": [3.5]})  # fmt: skip
    sp = bar_colours(special_procedures.pending_requests(pending))
    assert all(is_warm(c) for c in sp.values() if c) and sp["requested, awaiting an answer"] == S("pending")
    invitations = pd.DataFrame({"iso3": ["KEN", "CHL"], "name": ["Kenya", "Chile"],
                                "status": ["standing invitation", "none"], "extended_date": [None, None]})  # fmt: skip
    inv = bar_colours(special_procedures.invitations_map(invitations))
    assert is_cool(inv["standing invitation"]) and is_warm(inv["none"])

    hra = pd.DataFrame({"iso3": ["KEN", "CHL"], "country": ["Kenya", "Chile"], "status": ["a", "b"],
                        "deployments": [1, 1], "first_start": ["2010-01-01"] * 2, "funding": ["x", "y"],
                        "source": ["demo", "demo"], "in_post_on_date": [True, False]})  # fmt: skip
    posts = bar_colours(unct.hra_map(hra))
    assert is_cool(posts[unct.IN_POST.lower()]) and is_warm(posts[unct.NOT_IN_POST.lower()])


def deck_series_colours(fig) -> dict[str, str]:
    """Return {series name: "RRGGBB"} of the one chart slide a figure makes (a hatched series: its colour under the
    white hatching)."""
    spec = figure_slides.item(fig, "Chart")
    data = slides.build(slides.Deck("t", "s", [], pd.DataFrame({"source": ["demo"], "rows": [1]}), [spec]))
    chart = next(s for s in Presentation(io.BytesIO(data)).slides[1].shapes if s.has_chart).chart
    out = {}
    for series in chart.plots[0].series:
        fills = [c.get("val") for c in series._element.iter(qn("a:srgbClr"))]
        out[series.name] = next(c for c in fills if c.upper() != "FFFFFF")
    return out


def test_decks_take_the_status_colours_of_the_figures():
    tb = pd.DataFrame({"body": ["CAT", "CRC"], "submitted_on_time": [1, 0], "submitted_late": [2, 1],
                       "overdue": [3, 2]})  # fmt: skip
    labels = {"submitted_on_time": "On time", "submitted_late": "Late", "overdue": "Overdue"}
    slide = deck_series_colours(profile.tb_reports(tb, labels))
    assert slide == {"On time": colours.COOL[1:], "Late": colours.COOL_LIGHT[1:], "Overdue": colours.WARM[1:]}
    upr_slide = deck_series_colours(upr.response_shares(responses({"cycle": [1]}), "cycle"))
    assert upr_slide == {"Supported": "0072B2", "Noted": "D55E00", "Pending": "E69F00"}
    assert upr_slide["Pending"] == colours.status("pending")[1:] and upr_slide["Noted"] == slide["Overdue"]


@pytest.mark.parametrize(
    ("part", "total", "text"),
    [(9997, 10000, "99.97%"), (91353, 91380, "99.97%"), (123, 1000, "12.3%"), (4, 10000, "0.04%"),
     (1, 100000, "<0.01%"), (99999, 100000, ">99.99%"), (10, 10, "100%"), (0, 10, "0%"), (0, 0, "—")],
)  # fmt: skip
def test_a_share_is_never_rounded_to_0_or_100_percent(part, total, text):
    assert share_text(part, total) == text
