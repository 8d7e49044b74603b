"""A database whose free text attacks the dashboard: every payload of issue 12 in every table that reaches the screen.

`hostile_db` (session scope, registered in tests/conftest.py) is a copy of the session's built database in which
Kenya's story, NHRI name, recommendation themes and text, UNCT engagement description, HRA description and visit
report, a regional adviser's region, a normative output's title, an import_log row (file name, who) and the list of
imports not re-applied all carry the payloads: markdown images and links, HTML, a script, a colour directive, LaTeX,
an icon shortcode, a bare URL and a spreadsheet formula. Any request to 127.0.0.2 means one was interpreted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

HOST = "127.0.0.2"  # no server there: a request to it can only come from an interpreted payload
FORMULA = f'=HYPERLINK("http://{HOST}:9/","c")'
PAYLOADS = [
    f"![b](http://{HOST}:9/beacon.png)",
    f"[x](http://{HOST}:9/)",
    f'<a href="http://{HOST}:9/">a</a>',
    f"<img src=http://{HOST}:9/i.png>",
    "<script>window.__pwned=1</script>",
    ":red[red]",
    "$x^2$",
    ":material/home:",
    f"http://{HOST}:9/x",
    FORMULA,
]
COUNTRY, COUNTRY_NAME = "KEN", "Kenya"
# A country= value of the profile's URL that names no country.
URL_COUNTRY = f"![u](http://{HOST}:9/x.png)"
# What no escaped text contains: a payload's URL or markup left as it was typed.
RAW_MARKERS = [f"{HOST}:9", "<a ", "<img", "<script", ":red[", "$x^2$", ":material/home:"]


def hostile(tag: str) -> str:
    """Return a field's hostile value: starts with a formula (for the decks), then `tag`, then every payload."""
    return f"{FORMULA} {tag} " + " ".join(PAYLOADS[:-1])


FIELDS = {
    "story": hostile("story"),
    "nhri": hostile("nhri"),
    "theme": hostile("theme"),
    "recommendation": hostile("recommendation"),
    "unct": hostile("unct"),
    "hra": hostile("hra"),
    "region": hostile("region"),
    "report": hostile("report"),
    "normative": hostile("normative"),
    "file": hostile("file") + ".csv",
    "who": hostile("who"),
    "lost_file": hostile("lost") + ".csv",
    "lost_error": hostile("error"),
}


def write_payloads(con: duckdb.DuckDBPyConnection) -> None:
    """Put the payloads of FIELDS into the database behind `con` (a copy of a built one)."""
    f, c = FIELDS, COUNTRY
    con.execute("update story set text = $t where id = (select min(id) from story where country_iso3 = $c)",
                {"t": f["story"], "c": c})  # fmt: skip
    con.execute("delete from nhri where country_iso3 = $c", {"c": c})
    con.execute("insert into nhri values ($c, $n, 'A', 2010, 'demo')", {"c": c, "n": f["nhri"]})
    # Every Kenyan recommendation has the theme (the profile's top theme); so has one in ten of the others,
    # which makes it the UPR page's most frequent theme too.
    con.execute(
        "update recommendation set themes = list_prepend($t, themes) "
        "where country_iso3 = $c or (mechanism = 'UPR' and hash(id) % 10 = 0)",
        {"t": f["theme"], "c": c},
    )
    con.execute(
        "update recommendation set text = $t where id = (select min(id) from recommendation "
        "where country_iso3 = $c and mechanism = 'UPR')",
        {"t": f["recommendation"], "c": c},
    )
    con.execute("update unct_engagement set description = $t where country_iso3 = $c", {"t": f["unct"], "c": c})
    con.execute("update hra_deployment set description = $t where country_iso3 = $c", {"t": f["hra"], "c": c})
    con.execute(
        "update hra_deployment set region = $t "
        "where id = (select min(id) from hra_deployment where region is not null)",
        {"t": f["region"]},
    )
    con.execute(
        "update sp_visit set report_symbol = $t where id = (select min(id) from sp_visit where country_iso3 = $c)",
        {"t": f["report"], "c": c},
    )
    con.execute("update normative_output set title = $t where id = (select min(id) from normative_output)",
                {"t": f["normative"]})  # fmt: skip
    con.execute(
        "insert into import_log values (9001, $f, $h, 'canonical', 0, 0, 0, timestamp '2017-06-30 12:00', $w)",
        {"f": f["file"], "h": "deadbeef" * 8, "w": f["who"]},
    )
    lost = json.dumps([{"id": 9002, "file_name": f["lost_file"], "error": f["lost_error"]}])
    con.execute("insert or replace into build_info values ('imports_not_reapplied', $v)", {"v": lost})


@pytest.fixture(scope="session")
def hostile_db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session's built database with the payloads of FIELDS written into it."""
    path = tmp_path_factory.mktemp("hostile") / "hrdash.duckdb"
    shutil.copyfile(built_db, path)
    with duckdb.connect(str(path)) as con:
        write_payloads(con)
    return path
