# ruff: noqa: E501 - the grid's markup keeps the site's long lines
"""UN Treaty Collection status pages in the layout treaties.un.org serves, for the update tests.

The layout follows the site's chapter IV pages (`Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-4&chapter=4&clang=_en`)
as served in 2026: an ASP.NET page whose <title> is only "UNTC", a (here shortened) __VIEWSTATE, scripts, the
left menu, a "STATUS AS AT" time stamp that changes on every request, the treaty's number and title in <div>s
(not headings), links to the page's PDF and XML by chapter number, layout tables around the participant table
`..._tblgrid`, whose header row is made of <td> cells ("Participant", "Signature", "Ratification, Accession(a),
Succession(d)" — the wording varies by treaty), names wrapped in declaration links, dates like ` &nbsp;6 Feb\t 2007 a`
(a non-breaking space before one-digit days, a tab before the year, ` a` / ` d` suffixes), then the declarations
table. Only the structure is the site's: every participant list and date here is made up (States' names are real,
facts are not); no bracketed dates (denunciations are another test's business).

The page itself is tests/fixtures/update/untc_status_page.html; `status_page` fills in its `{{field}}`s.
`PARTICIPANTS` is the data the pages are written from; the tests compare the database with it. `write_pages`
writes every page the update tests serve (the `update_pages` fixture).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tests" / "fixtures" / "update" / "untc_status_page.html"  # {{field}} marks what status_page fills in
STATUS_AS_AT = "STATUS AS AT : 03-02-2026 10:16:18 EDT"
UHRI_ERROR_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>\n<body><h1>Service Unavailable</h1><p>The "
    "export service is temporarily unavailable. Please try again later.</p></body></html>\n"
)
CONSENT_TYPE = {"": "ratification", "a": "accession", "d": "succession"}


@dataclass(frozen=True)
class Participant:
    """One row of a status page: the name as the site writes it, its ISO3 code, dates and the consent suffix."""

    name: str
    iso3: str
    signature: dt.date | None
    consent: dt.date | None
    suffix: str = ""  # "a" accession, "d" succession, "" ratification
    declaration: bool = False  # the name is a link to the participant's declarations

    @property
    def consent_type(self) -> str | None:
        return CONSENT_TYPE[self.suffix] if self.consent else None


# UN-style names, as the Treaty Collection writes them.
STATES = [
    ("Afghanistan", "AFG"), ("Albania", "ALB"), ("Bolivia (Plurinational State of)", "BOL"),
    ("Côte d'Ivoire", "CIV"), ("Kenya", "KEN"), ("Liberia", "LBR"), ("Netherlands (Kingdom of the)", "NLD"),
    ("Türkiye", "TUR"), ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("Viet Nam", "VNM"),
    ("Uganda", "UGA"), ("Bosnia and Herzegovina", "BIH"),
]  # fmt: skip
HEADERS = ["Ratification, Accession(a), Succession(d)", "Accession(a), Ratification",
           "Ratification, Accession(a), Succession(d), Formal confirmation(c)"]  # fmt: skip


def instruments() -> list[dict[str, str]]:
    """Return the 18 instruments of data/reference/instrument.csv (code, name, adopted, mtdsg_no)."""
    with open(ROOT / "data" / "reference" / "instrument.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _participants(k: int, adopted: dt.date) -> list[Participant]:
    """Five made-up participants for the k-th instrument: signatures, ratifications, accessions, a succession."""
    out = []
    for j in range(5):
        name, iso3 = STATES[(k + j) % len(STATES)]
        base = adopted + dt.timedelta(days=40 + 97 * j + 11 * k)
        if j == 0:  # signed only
            out.append(Participant(name, iso3, base, None))
        elif j == 1:  # signed, then ratified
            out.append(Participant(name, iso3, base, base + dt.timedelta(days=400), "", True))
        elif j == 2:  # acceded
            out.append(Participant(name, iso3, None, base + dt.timedelta(days=3), "a", True))
        elif j == 3:  # succeeded
            out.append(Participant(name, iso3, None, base + dt.timedelta(days=5), "d"))
        else:  # ratified on a one-digit day
            day = base.replace(day=4)
            out.append(Participant(name, iso3, day - dt.timedelta(days=30), day))
    return sorted(out, key=lambda p: p.name)


PARTICIPANTS: dict[str, list[Participant]] = {
    i["mtdsg_no"]: _participants(k, dt.date.fromisoformat(i["adopted"])) for k, i in enumerate(instruments())
}


def _date(d: dt.date | None, suffix: str = "") -> str:
    if d is None:
        return "<td>&nbsp;</td>"
    day = f" &nbsp;{d.day}" if d.day < 10 else str(d.day)
    return f"<td>{day} {d:%b}\t {d.year} {suffix}<br></td>"


def _name(p: Participant) -> str:
    if not p.declaration:
        return f"<td>{html.escape(p.name, quote=False)}<br></td>"
    return (
        "<td><A href='#EndDec' class='noteIndex' onclick='return ShowDeclarationsNew(getInnerText(this),\"\","
        f'"_en","4","4");\'>{html.escape(p.name, quote=False)}</A><br></td>'
    )


def _number(mtdsg_no: str) -> str:
    parts = mtdsg_no.split("-")[1:]
    return f"{parts[0]}. {parts[1]}" if len(parts) > 1 else f"{parts[0]}."


def status_page(mtdsg_no: str, *, table: bool = True, links: bool = True) -> str:
    """Return the status page of one instrument; `table=False` is the page with its participant table gone."""
    inst = next(i for i in instruments() if i["mtdsg_no"] == mtdsg_no)
    adopted = dt.date.fromisoformat(inst["adopted"])
    k = [i["mtdsg_no"] for i in instruments()].index(mtdsg_no)
    rows = "".join(
        f'\t<tr class="{"trBWhite" if n % 2 == 0 else "trBGGrey"}">\n\t\t{_name(p)}\n\t\t{_date(p.signature)}\n'
        f"\t\t{_date(p.consent, p.suffix)}\n\t</tr>\n"
        for n, p in enumerate(PARTICIPANTS[mtdsg_no])
    )
    grid = (
        '<table id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_tblgrid" class="table table-striped '
        'table-bordered table-hover table-condensed" style="background-color:#D7D7D7">\n\t<tr class="thead-one">\n'
        '\t\t<td valign="bottom" width="43%">Participant<br></td>\n\t\t<td valign="bottom" width="100">Signature<br>'
        f'</td>\n\t\t<td valign="bottom">{HEADERS[k % len(HEADERS)]}<br></td>\n\t</tr>\n{rows}</table>'
        if table
        else '<span id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_lblParticipants">The list of '
        "participants is being updated. Please try again later.</span>"
    )
    chapter_links = (
        f'<a id="ucicons_lnkPdfFile" title="View PDF of this page" href="/doc/Publication/MTDSG/Volume%20I/'
        f'Chapter%20IV/{mtdsg_no}.en.pdf" target="_blank"><i class="fa fa-file-pdf-o"></i>VIEW THIS PAGE IN PDF</a>'
        f'\n<a id="ucicons_lnkXml" title="XML source of the page" href="/doc/Publication/MTDSG/Volume%20I/'
        f'Chapter%20IV/{mtdsg_no}.en.xml" style="Display:none;">VIEW XML</a>'
        if links
        else ""
    )
    declarant = next(p for p in PARTICIPANTS[mtdsg_no] if p.declaration)
    fields = {
        "mtdsg_no": mtdsg_no, "chapter_links": chapter_links, "status_as_at": STATUS_AS_AT, "number": _number(mtdsg_no),
        "name": html.escape(inst["name"], quote=False), "adopted_day": str(adopted.day),
        "adopted_month_year": f"{adopted:%B %Y}", "participants": grid,
        "signatories": str(sum(p.signature is not None for p in PARTICIPANTS[mtdsg_no])),
        "parties": str(sum(p.consent is not None for p in PARTICIPANTS[mtdsg_no])),
        "declarant": html.escape(declarant.name, quote=False),
    }  # fmt: skip
    return re.sub(r"\{\{(\w+)\}\}", lambda m: fields[m[1]], TEMPLATE.read_text(encoding="utf-8"))


def write_pages(folder: Path) -> Path:
    """Write what the update tests serve into `folder` and return it: `untc/<mtdsg_no>.html` for the 18
    instruments, `changed/IV-11.html` (the CRC page after a made-up redesign: no participant table) and
    `changed/uhri_error_page.html` (what a server in trouble sends instead of the UHRI workbook, with status 200)."""
    (folder / "untc").mkdir(parents=True, exist_ok=True)
    (folder / "changed").mkdir(exist_ok=True)
    for inst in instruments():
        (folder / "untc" / f"{inst['mtdsg_no']}.html").write_text(status_page(inst["mtdsg_no"]), encoding="utf-8")
    (folder / "changed" / "IV-11.html").write_text(status_page("IV-11", table=False), encoding="utf-8")
    (folder / "changed" / "uhri_error_page.html").write_text(UHRI_ERROR_PAGE, encoding="utf-8")
    return folder


if __name__ == "__main__":  # python -m tests.helpers.untc_pages OUT_DIR: write the pages, to look at them
    print("written to", write_pages(Path(sys.argv[1])))
