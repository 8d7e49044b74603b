"""The dashboard's colours, defined once for its figures and its slides (no plotly import, so the deck writer
and the command line load it cheaply).

A status means the same colour on every page and slide (`STATUS`, looked up with `status`): what is done or
achieved in cool blues (party, supported, submitted, met…), what is missing, refused or late in warm oranges
(overdue, noted, pending, not party, no action…), what is not known in neutral grey. Each side has a strong and a
light shade, so two statuses of one chart (on time / late; noted / pending) still differ; stacked bars add hatching
(`STATUS_PATTERN`). The shades are Okabe & Ito's, told apart with every common colour-vision deficiency
(tests/unit/test_colours.py simulates deuteranopia and protanopia and checks warm and cool stay distinct).
"""

# Okabe & Ito's palette: eight colours told apart with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT = OKABE_ITO[5]  # the chosen country among its neighbours (profile chart and slide)
NO_DATA_GREY = "#D9D9D9"
SEQUENTIAL = "Viridis"  # perceptually uniform and colour-blind safe

# The four shades of status meaning, and grey for "not known".
COOL = OKABE_ITO[0]  # blue: done, achieved
COOL_LIGHT = OKABE_ITO[4]  # sky blue: partly done (signed, submitted late, partially implemented)
WARM = OKABE_ITO[5]  # vermillion: missing, refused, late (overdue, noted, not met, denounced)
WARM_LIGHT = OKABE_ITO[1]  # orange: still open (pending, not party, no action)
WARM_PALE = OKABE_ITO[6]  # yellow: a third warm status beside the two (a visit postponed)
UNKNOWN = "#999999"  # neutral grey: not known

STATUS = {
    # cool
    "party": COOL, "supported": COOL, "met": COOL, "submitted": COOL, "submitted on time": COOL,
    "fully implemented": COOL, "standing invitation": COOL, "in post": COOL, "accepted": COOL, "a": COOL,
    "signatory": COOL_LIGHT, "submitted late": COOL_LIGHT, "partially implemented": COOL_LIGHT, "b": COOL_LIGHT,
    # warm
    "overdue": WARM, "noted": WARM, "not met": WARM, "denounced": WARM, "not implemented": WARM, "no reply": WARM,
    "none": WARM,  # no NHRI, no standing invitation
    "pending": WARM_LIGHT, "not party": WARM_LIGHT, "no action": WARM_LIGHT, "requested": WARM_LIGHT,
    "not in post": WARM_LIGHT, "c": WARM_LIGHT,
    "postponed": WARM_PALE,
    # neutral
    "unknown": UNKNOWN, "not known": UNKNOWN, "status unknown": UNKNOWN, "no data": UNKNOWN,
}  # fmt: skip
# Hatching, so the statuses of a stacked bar differ in greyscale too: the strong shades plain, the light ones marked.
STATUS_PATTERN = {COOL: "", COOL_LIGHT: ".", WARM: "/", WARM_LIGHT: ".", WARM_PALE: "+", UNKNOWN: "-"}


def key(name: object) -> str:
    """Return a status name as `STATUS` spells it: lower case, words separated by spaces ("Submitted_late")."""
    return " ".join(str(name).replace("_", " ").lower().split())


def status(name: object, default: str | None = None) -> str | None:
    """Return the colour of a status meaning ("Overdue", "submitted_on_time", "no action"), else `default`."""
    return STATUS.get(key(name), default)


def pattern(name: object) -> str:
    """Return the hatching of a status meaning in stacked bars ("" for none, or when it is not a status)."""
    colour = status(name)
    return STATUS_PATTERN.get(colour, "") if colour else ""
