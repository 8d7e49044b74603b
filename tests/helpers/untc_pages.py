# ruff: noqa: E501 - the page template keeps the site's long lines of markup
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

`PARTICIPANTS` is the data the pages are written from; the tests compare the database with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATUS_AS_AT = "STATUS AS AT : 03-02-2026 10:16:18 EDT"
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
    return f"""

<!DOCTYPE html>

<html xmlns="http://www.w3.org/1999/xhtml" lang="en">

<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta name="dc.title" content="United Nations Treaty Collection" /><title>
\tUNTC
</title>
    <script>(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),event:'gtm.js'}});}})(window,document,'script','dataLayer','GTM-XXXX');</script>
    <script type="text/javascript">
        $(document).ready(function () {{ document.write("<table><tr><td>Participant</td><td>Signature</td></tr><tr><td>Atlantis</td><td>1 Jan 2000</td></tr></table>"); }});
    </script>
</head>
<body id="ctl00_ctl00_htmlBody">
    <form name="aspnetForm" method="post" action="./ViewDetails.aspx?src=TREATY&amp;mtdsg_no={mtdsg_no}&amp;chapter=4&amp;clang=_en" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="Br6mD1velXkS3LyVVYG4N7/rQUBtcUl7m1hOXkR9pru96/4gbLIkd6kz6pBLuTpWMK53ZlC2u1i5vapgsyDdl7V2Y" />
    <div class="container contentarea menu-section">
        <div class="col-sm-3 left-menu"><div class="left-menu-section">
<h2><span id="ctl00_ctl00_ContentPlaceHolder1_LeftMenu_spnHeader">Depositary</span></h2>
        <ul>
        <li><a class="active" href="ParticipationStatus.aspx?clang=_en">Status of Treaties</a></li>
        <li><a href="CNs.aspx?cnTab=tab2&amp;clang=_en">Depositary Notifications</a></li>
        <li><a href="Content.aspx?path=DB/titles/page1_en.xml">Titles of Treaties</a></li>
        </ul>
        </div></div>
        <div class="col-sm-9 content">
    <table border="0" cellpadding="0" cellspacing="0" class="contenttable">
        <tr>
            <td align="right" valign="top" style="padding: 5px 0;">
<div id="navcontainer">
    <ul class="result-options top-mar-0">
        <li>{chapter_links}</li>
    </ul>
</div>
                <select name="drpChapters" id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_drpChapters" class="form-control" title="Chapters">
\t<option value="3">CHAPTER III</option>
\t<option selected="selected" value="4">CHAPTER IV</option>
</select>
            </td>
        </tr>
        <tr>
            <td>
                <table class="contenttable table-responsive tbl-mob">
                    <tr>
                        <td align="left" valign="top" id="headerbox">
                            <div id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_div3" class="rows top-10 padd-5 heading-three">{STATUS_AS_AT}</div>
                            <div id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_rptHead_ctl00_tcHead" style="font-weight: bold; text-align: center;">
                                CHAPTER IV
                            </div>
                            <div class="tcTextCenter bold">HUMAN RIGHTS</div>
                            <table border="0" cellpadding="0" cellspacing="0" style="width: 100%">
                                <tr>
                                    <td align="center" valign="top" style="padding-left: 2px">
                                        <div id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_rptTreaty_ctl00_tcTreaty" style="font-weight: bold" class="treatyCenter">
                                            {_number(mtdsg_no)}
                                            {html.escape(inst["name"], quote=False)}
                                        </div>
                                    </td>
                                </tr>
                                <tr>
                                    <td align="center" valign="top" style="width: 83%">
                                        <div class="treatyCenterSub normal">New York, {adopted.day} {adopted:%B %Y}</div>
                                    </td>
                                </tr>
                            </table>
                            <table border="0" cellpadding="0" cellspacing="0" style="width: 100%">
                                <tr>
                                    <td align="left" valign="top" style="width: 15%; padding-left: 2px; font-weight: bold;" class="headStatus">Status</td>
                                    <td align="center" valign="top" style="width: 2%">:</td>
                                    <td align="left" valign="top"><div>Signatories : {sum(p.signature is not None for p in PARTICIPANTS[mtdsg_no])}. Parties : {sum(p.consent is not None for p in PARTICIPANTS[mtdsg_no])}</div></td>
                                </tr>
                            </table>
                        </td>
                    </tr>
                </table>
            </td>
        </tr>
        <tr>
            <td>
                <table class="table-responsive tbl-mob" style="width: 100%;">
                    <tr>
                        <td align="left" valign="top" id="participants" style="height: 18px">
                            <a id="A1"></a>
                            <div class="table-responsive">
                                <div>
                                    {grid}
                                </div>
                            </div>
                        </td>
                    </tr>
                </table>
            </td>
        </tr>
        <tr>
            <td align="center" valign="top">
                <div id="divAll" class="table-responsive divAll">
                    <div class="heading-four"><div class="bold"><div align=center>Declarations and Reservations</div></div>
                    <div class="heading-four-one normal"><div align=center>(Unless otherwise indicated, the declarations and reservations were made upon ratification, accession or succession.)<br></div></div></div>
                    <div>
\t<table cellspacing="0" cellpadding="0" border="0" id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_dgDec">
\t\t<tr align="left" valign="top">
\t\t\t<td>
                <div class="heading-two">{html.escape(declarant.name, quote=False)}</div>
                <div class="content-two"><p class='invisible'>{html.escape(declarant.name, quote=False)}</p><p align=left><i>Declaration:<br></n></i></p>&nbsp;&nbsp;&nbsp;A made-up declaration for the tests.<br></n><br></div>
            </td>
\t\t</tr>
\t</table>
                    </div>
                </div>
            </td>
        </tr>
    </table>
        </div>
    </div>
    </form>
</body>
</html>
"""
