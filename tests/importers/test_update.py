"""`python -m hrdash update` against a local stand-in for the official sources (tests/helpers/update_server.py).

Each test runs the command in-process on a copy of the built database and compares the database with the
fixture pages' own data (tests/fixtures/update/untc_pages.py) or with itself before the run. Failure cases:
connection refused, HTTP 404, a read timeout, a page without its participant table, an HTML error page where
the workbook should be, a file over the size limit, the database held by another process; each changes
nothing for its file and makes the exit status non-zero, while the files that succeeded stay.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import openpyxl
import pytest

from hrdash.__main__ import main
from hrdash.update import outcome, settings
from tests.helpers.db import checksums, copy_of, fetch, held_open
from tests.helpers.untc_pages import PARTICIPANTS, status_page
from tests.helpers.update_server import UHRI_FIXTURE, UHRI_IDS, closed_port, serving


@pytest.fixture()
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_of(built_db, tmp_path)
    for var in ("HRDASH_UNTC_BASE_URL", "HRDASH_UHRI_URL", "HRDASH_IMPORTS", "HRDASH_MAX_IMPORT_MB"):
        monkeypatch.delenv(var, raising=False)
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    return path


@pytest.fixture()
def server(update_pages: Path):
    with serving(update_pages) as s:
        yield s


def update(db: Path, *args: str, server=None) -> int:
    urls = ["--untc-base-url", server.base_url, "--uhri-url", server.uhri_url] if server else []
    return main(["update", "--db", str(db), *urls, *args])


def mtdsg(db: Path, code: str) -> str:
    return fetch(db, "select mtdsg_no from instrument where code = $c", {"c": code})[0][0]


def expected_rows(mtdsg_no: str) -> list[tuple]:
    """The participants of a fixture page as the database must hold them (from the data the page was written from)."""
    return sorted((p.iso3, p.signature, p.consent, p.consent_type) for p in PARTICIPANTS[mtdsg_no])


def loaded_rows(db: Path, code: str) -> list[tuple]:
    """The dated rows an import brought for one instrument."""
    return fetch(db, "select country_iso3, signature_date, consent_date, consent_type from ratification "
                     "where instrument = $c and source like 'import:%' and (signature_date is not null or consent_date "
                     "is not null) order by 1", {"c": code})  # fmt: skip


def test_update_imports_every_status_page_and_the_uhri_export_and_a_second_run_changes_nothing(db, server, capsys):
    assert update(db, server=server) == 0
    out = capsys.readouterr().out
    pages = dict(fetch(db, "select code, mtdsg_no from instrument"))
    # one request per status page, at the Collection's address built from instrument.mtdsg_no, and one for UHRI
    assert sorted(r["path"] for r in server.requests) == sorted(
        [f"/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={m}&chapter=4&clang=_en" for m in pages.values()]
        + ["/uhri/export-results/export-full-en.xlsx"]
    )
    agents = {r["user_agent"] for r in server.requests}
    assert len(agents) == 1 and agents.pop().startswith("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36")
    log = fetch(db, "select file_name, format from import_log order by id")
    assert len(log) == 19 and log[-1] == ("export-full-en.xlsx", "uhri")
    assert {f for f, fmt in log if fmt == "untc_status"} == {f"untc_{m}_{c}.html" for c, m in pages.items()}
    countries = fetch(db, "select count(*) from country")[0][0]
    for code, m in pages.items():
        assert loaded_rows(db, code) == expected_rows(m), code
        # every other State of the country table is recorded as "no action" by the same import
        assert fetch(db, "select count(*), count(distinct source) from ratification where instrument = $c and source "
                         "like 'import:%'", {"c": code}) == [(countries, 1)]  # fmt: skip
    assert {r[0] for r in fetch(db, "select id from recommendation where source like 'import:%'")} == UHRI_IDS
    sheet = openpyxl.load_workbook(UHRI_FIXTURE).active
    cedaw = next(r for r in sheet.iter_rows(values_only=True) if r[11] == "bbbb-0001")
    assert fetch(db, "select text, body from recommendation where id = 'uhri-bbbb-0001'") == [(cedaw[0], "CEDAW")]
    assert "Summary — 19 file(s): 19 loaded;" in out and "[19/19] export-full-en.xlsx: downloading" in out
    assert "untc_IV-4_CCPR.html          loaded #4  " in out and server.base_url + "/Pages/ViewDetails.aspx?" in out

    before = checksums(db)
    assert update(db, server=server) == 0
    assert checksums(db) == before  # import_log included: nothing at all was written
    assert "Summary — 19 file(s): 19 already imported; 0 rows inserted" in capsys.readouterr().out


def test_new_bytes_with_the_same_rows_change_nothing(db, server, tmp_path, capsys):
    server.behave["IV-4"] = "stamp"  # the real site stamps every page with the time it was served
    assert update(db, "--only", "CCPR", "--save-to", str(tmp_path / "first"), server=server) == 0
    before = checksums(db)
    assert update(db, "--only", "ccpr", "--save-to", str(tmp_path / "second"), server=server) == 0
    first, second = ((tmp_path / d / "untc_IV-4_CCPR.html").read_bytes() for d in ("first", "second"))
    assert hashlib.sha256(first).digest() != hashlib.sha256(second).digest()
    assert checksums(db) == before
    out = capsys.readouterr().out
    assert "untc_IV-4_CCPR.html: unchanged: the same rows as import #1 of" in out


def test_a_partial_failure_keeps_what_succeeded_and_exits_non_zero(db, server, capsys):
    server.behave["IV-9"] = "404"
    cat_before = fetch(db, "select * from ratification where instrument = 'CAT' order by all")
    assert update(db, "--only", "CCPR,CAT,CED", server=server) == 1
    out = capsys.readouterr().out
    for code in ("CCPR", "CED"):
        assert loaded_rows(db, code) == expected_rows(mtdsg(db, code))
    assert fetch(db, "select * from ratification where instrument = 'CAT' order by all") == cat_before
    log = fetch(db, "select file_name from import_log order by id")
    assert log == [("untc_IV-4_CCPR.html",), ("untc_IV-16_CED.html",)]
    url = f"{server.base_url}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en"
    assert (f"untc_IV-9_CAT.html: failed: {url}: the server answered HTTP 404 Not Found — no such page" in out
            and "Expected the Treaty Collection status page of CAT (chapter IV-9)" in out)  # fmt: skip
    countries = fetch(db, "select count(*) from country")[0][0]
    assert f"Summary — 3 file(s): 2 loaded, 1 failed; {2 * countries:,} rows inserted;" in out


def test_connection_refused_changes_nothing(db, capsys):
    base = f"http://127.0.0.1:{closed_port()}"
    before = checksums(db)
    assert main(["update", "--db", str(db), "--untc-base-url", base, "--uhri-url", base + "/x/export.xlsx",
                 "--only", "CCPR,uhri", "--connect-timeout", "2"]) == 1  # fmt: skip
    out = capsys.readouterr().out
    assert checksums(db) == before
    assert f"{base}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-4&chapter=4&clang=_en: connection refused by " \
           "127.0.0.1" in out  # fmt: skip
    assert f"{base}/x/export.xlsx: connection refused by 127.0.0.1" in out and "2 file(s): 2 failed" in out


def test_a_read_timeout_gives_up_in_time_and_changes_nothing(db, server, capsys):
    server.behave["IV-16"], server.sleep_s = "sleep", 3.0
    before = checksums(db)
    started = time.perf_counter()
    assert update(db, "--only", "CED", "--timeout", "0.4", server=server) == 1
    assert time.perf_counter() - started < 2.5  # gave up after the timeout, not after the server's 3 s
    assert checksums(db) == before
    assert "mtdsg_no=IV-16&chapter=4&clang=_en: the server 127.0.0.1 did not answer within 0.4 s" in (
        capsys.readouterr().out)  # fmt: skip


def test_a_changed_layout_and_an_error_page_are_refused_with_what_was_expected(db, server, capsys):
    server.behave.update({"IV-11": "changed", "uhri": "error page"})
    before = checksums(db)
    assert update(db, "--only", "CRC,uhri", server=server) == 1
    out = capsys.readouterr().out
    assert checksums(db) == before
    assert ("mtdsg_no=IV-11&chapter=4&clang=_en: expected the Treaty Collection status page of CRC (chapter IV-11): "
            "an HTML page with a participant table") in out  # fmt: skip
    assert "got an HTML page titled 'UNTC' without a participant table" in out
    assert (f"{server.uhri_url}: expected the Universal Human Rights Index export: an Excel workbook (.xlsx)" in out
            and "got an HTML page titled 'Service Unavailable' instead of an Excel workbook" in out)  # fmt: skip


def test_a_file_over_the_size_limit_is_not_read(db, server, capsys):
    before = checksums(db)
    assert update(db, "--only", "uhri", "--max-size-mb", "0.001", server=server) == 1
    assert checksums(db) == before
    assert f"{server.uhri_url}: the file is 0.0 MB, over the 0.001 MB import limit" in capsys.readouterr().out


def test_only_picks_the_sources_and_rejects_unknown_ones(db, server, capsys):
    assert update(db, "--only", "uhri", server=server) == 0
    assert [r["key"] for r in server.requests] == ["uhri"]
    assert update(db, "--only", "uhri,Atlantis", server=server) == 2
    out = capsys.readouterr().out
    assert "unknown source 'Atlantis' in --only: use untc, uhri and/or instrument codes (CERD, CESCR, CESCR-OP," in out
    assert len(server.requests) == 1


def test_from_dir_imports_saved_pages_and_exports_and_reports_what_it_cannot_use(db, tmp_path, capsys):
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "UNTC.html").write_text(status_page("IV-4"))  # as a browser names it: known by its chapter link
    (saved / "status_IV-9.html").write_text(status_page("IV-9", links=False))  # known by its file name
    (saved / "UNTC (1).html").write_text(status_page("IV-2", links=False))  # nothing says which instrument
    shutil.copy(UHRI_FIXTURE, saved / "export-full-en.xlsx")
    (saved / "notes.txt").write_text("downloaded on Monday")
    (saved / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: ignored
    assert update(db, "--from-dir", str(saved)) == 1
    out = capsys.readouterr().out
    assert loaded_rows(db, "CCPR") == expected_rows("IV-4") and loaded_rows(db, "CAT") == expected_rows("IV-9")
    assert loaded_rows(db, "CERD") == []
    assert {r[0] for r in fetch(db, "select id from recommendation where source like 'import:%'")} == UHRI_IDS
    assert "Summary — 5 file(s): 2 not used, 3 loaded;" in out  # files in name order: "UNTC (1).html" first
    assert f"UNTC (1).html: not used: {saved / 'UNTC (1).html'}: a status page, but neither its title, nor its " \
           "chapter link, nor its file name says which instrument it is about" in out  # fmt: skip
    assert f"notes.txt: not used: {saved / 'notes.txt'}: not a saved status page (.html, .htm) or UHRI export" in out
    assert ".DS_Store" not in out


def test_from_dir_with_only_skips_the_other_sources(db, tmp_path, capsys):
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "UNTC.html").write_text(status_page("IV-4"))
    shutil.copy(UHRI_FIXTURE, saved / "export-full-en.xlsx")
    assert update(db, "--from-dir", str(saved), "--save-to", str(tmp_path / "x")) == 2  # nothing to save
    assert update(db, "--from-dir", str(tmp_path / "nowhere")) == 2
    assert "error: --from-dir " in capsys.readouterr().out
    assert update(db, "--from-dir", str(saved), "--only", "untc") == 0
    out = capsys.readouterr().out
    assert "export-full-en.xlsx: skipped: not among the sources --only names" in out
    assert fetch(db, "select file_name from import_log") == [("UNTC.html",)]


def test_the_proxy_comes_from_the_environment_and_no_proxy_is_respected(db, server, monkeypatch, capsys):
    monkeypatch.setenv("http_proxy", server.base_url)  # the local server answers as a proxy would
    assert main(["update", "--db", str(db), "--untc-base-url", "http://untc.example.invalid", "--only", "CCPR"]) == 0
    [request] = server.requests
    assert request["proxied"] == "True" and request["path"].startswith("http://untc.example.invalid/Pages/ViewDetails")
    assert loaded_rows(db, "CCPR") == expected_rows("IV-4")
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port()}")  # a dead proxy ...
    assert update(db, "--only", "CAT", server=server) == 1
    assert "the proxy http://127.0.0.1:" in capsys.readouterr().out
    monkeypatch.setenv("no_proxy", "127.0.0.1")  # ... bypassed for the local address
    assert update(db, "--only", "CAT", server=server) == 0
    assert loaded_rows(db, "CAT") == expected_rows("IV-9") and server.requests[-1]["proxied"] == "False"


def test_settings_from_the_environment_are_used(db, server, monkeypatch):
    monkeypatch.setenv("HRDASH_UNTC_BASE_URL", server.base_url)
    assert main(["update", "--db", str(db), "--only", "CED"]) == 0
    assert [r["key"] for r in server.requests] == ["IV-16"]


def test_the_update_refuses_with_exit_3_while_the_app_holds_the_database(db, server, capsys):
    with held_open(db) as holder:
        before = checksums(db)
        assert update(db, server=server) == 3
    out = capsys.readouterr().out
    assert f"is open in process {holder.pid}" in out and "Nothing was changed" in out
    assert server.requests == [] and checksums(db) == before  # refused before downloading anything


def test_settings_precedence_command_line_then_environment_then_secrets_then_default(tmp_path):
    toml = tmp_path / "secrets.toml"
    toml.write_text('[hrdash]\nuntc_base_url = "https://mirror.example.org/"\nupdate_timeout_s = 7\n')
    secrets = settings.read_secrets(toml)
    s = settings.resolve(secrets=secrets, environ={})
    assert (s.untc_base_url, s.read_timeout, s.uhri_url, s.connect_timeout) == (
        "https://mirror.example.org", 7.0, settings.UHRI_URL, settings.CONNECT_TIMEOUT_S)  # fmt: skip
    s = settings.resolve(secrets=secrets, environ={"HRDASH_UNTC_BASE_URL": "http://env.example.org",
                                                   "HRDASH_UPDATE_TIMEOUT": "9"})  # fmt: skip
    assert (s.untc_base_url, s.read_timeout) == ("http://env.example.org", 9.0)
    s = settings.resolve({"untc_base_url": "http://cli.example.org", "read_timeout": 1.5}, secrets=secrets,
                         environ={"HRDASH_UNTC_BASE_URL": "http://env.example.org"})  # fmt: skip
    assert (s.untc_base_url, s.read_timeout) == ("http://cli.example.org", 1.5)
    with pytest.raises(settings.SettingsError, match=r"read timeout from \$HRDASH_UPDATE_TIMEOUT must be a positive"):
        settings.resolve(environ={"HRDASH_UPDATE_TIMEOUT": "soon"})
    with pytest.raises(settings.SettingsError, match="uhri_url from uhri_url under .hrdash. in secrets.toml must be"):
        settings.resolve(secrets={"hrdash": {"uhri_url": "ftp://x/export.xlsx"}})
    (tmp_path / "broken.toml").write_text("[hrdash\n")
    with pytest.raises(settings.SettingsError, match="cannot read .*broken.toml"):
        settings.read_secrets(tmp_path / "broken.toml")


def test_the_summary_lists_every_file_then_the_messages_of_those_not_loaded():
    done = [
        outcome.Outcome("a.html", "http://x/a", "CCPR", "loaded", "loaded as import #3", 196, 12, 3, 0.25),
        outcome.Outcome("b.html", "http://x/b", "CAT", "already imported", "already imported as #2", seconds=0.1),
        outcome.Outcome("c.xlsx", "http://x/c", "UHRI", "failed", "http://x/c: HTTP 404", seconds=1.04),
    ]  # fmt: skip
    assert outcome.lines(done) == [
        "  file    outcome           inserted  replaced    time  source",
        "  a.html  loaded #3              196        12    0.2s  http://x/a",
        "  b.html  already imported         0         0    0.1s  http://x/b",
        "  c.xlsx  failed                   0         0    1.0s  http://x/c",
        "",
        "  c.xlsx: failed: http://x/c: HTTP 404",
    ]
    assert outcome.headline(done) == "3 file(s): 1 loaded, 1 already imported, 1 failed; 196 rows inserted; 1.4 s."
    assert outcome.exit_status(done) == 1 and outcome.exit_status(done[:2]) == 0
    assert list(outcome.frame(done)["outcome"]) == ["loaded", "already imported", "failed"]
