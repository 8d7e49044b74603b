"""The Data page's "Update from official sources" through AppTest, against the local stand-in server.

The action downloads through the same code as the command line (tests/importers/test_update.py covers its failure
cases one by one); here: who is offered it, that it loads through the app's write path with the settings
from secrets.toml, keeps what succeeded when one file fails, and shows the summary. Not visible to AppTest:
the progress bar while it runs (the page reruns when the update is done, and shows the summary).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.apptest import AUTH, data_page
from tests.helpers.db import copy_of, fetch
from tests.helpers.untc_pages import PARTICIPANTS
from tests.helpers.update_server import HOSTILE_TITLE, UHRI_IDS, serving


@pytest.fixture()
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_of(built_db, tmp_path)
    monkeypatch.setenv("HRDASH_DB", str(path))
    for var in ("HRDASH_UNTC_BASE_URL", "HRDASH_UHRI_URL", "HRDASH_IMPORTS", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(var, raising=False)
    return path


def test_an_admin_updates_from_the_official_sources_and_sees_the_summary(db, update_pages):
    with serving(update_pages) as server:
        server.behave["IV-9"] = "404"
        secrets = {"hrdash": {"untc_base_url": server.base_url, "uhri_url": server.uhri_url, "update_timeout_s": 5}}
        at = data_page(secrets)
        assert any(server.base_url in c.value and server.uhri_url in c.value for c in at.caption)
        at.multiselect(key="update_instruments").set_value(["CCPR", "CAT"])
        at.button(key="update_run").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert sorted(r["key"] for r in server.requests) == ["IV-4", "IV-9", "uhri"]
    # what succeeded is in the database, with its dates; the page that failed changed nothing
    rows = fetch(db, "select country_iso3, signature_date, consent_date, consent_type from ratification where "
                     "instrument = 'CCPR' and source like 'import:%' and (signature_date is not null or "
                     "consent_date is not null) order by 1")  # fmt: skip
    assert rows == sorted((p.iso3, p.signature, p.consent, p.consent_type) for p in PARTICIPANTS["IV-4"])
    assert fetch(db, "select count(*) from ratification where instrument = 'CAT' and source like 'import:%'") == [(0,)]
    assert fetch(db, "select file_name, imported_by from import_log order by id") == [
        ("untc_IV-4_CCPR.html", "app user (no authentication configured)"),
        ("export-full-en.xlsx", "app user (no authentication configured)"),
    ]
    [headline] = [w.value for w in at.warning if w.value.startswith("Update of ")]
    countries = fetch(db, "select count(*) from country")[0][0]
    assert f"3 file(s): 2 loaded, 1 failed; {countries + len(UHRI_IDS)} rows inserted;" in headline
    cat_url = f"{server.base_url}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en"
    assert [e.value for e in at.error] == ["1 file(s) not loaded; what went wrong, file by file:"]
    assert any(
        t.value.startswith(f"untc_IV-9_CAT.html (failed): {cat_url}: the server answered HTTP 404") for t in at.text
    )
    summary = next(d.value for d in at.dataframe if "outcome" in d.value.columns)
    log_ids = [r[0] for r in fetch(db, "select id from import_log order by id")]
    assert summary[["file", "what", "outcome"]].values.tolist() == [
        ["untc_IV-4_CCPR.html", "CCPR", "loaded"], ["untc_IV-9_CAT.html", "CAT", "failed"],
        ["export-full-en.xlsx", "UHRI", "loaded"],
    ]  # fmt: skip
    assert summary["import"].dropna().tolist() == log_ids
    assert summary["inserted"].tolist() == [countries, 0, len(UHRI_IDS)]
    # the rest of the page shows the new data: the import history lists both imports
    history = next(d.value for d in at.dataframe if "Rows now" in d.value.columns)
    assert sorted(history["File"]) == ["export-full-en.xlsx", "untc_IV-4_CCPR.html"]


def test_only_admins_are_offered_the_update(db):
    secrets = {"auth": AUTH, "hrdash": {"admins": ["admin@example.org"]}}
    at = data_page(secrets, user={"is_logged_in": True, "email": "someone@example.org"})
    assert not any(b.key == "update_run" for b in at.button)
    at = data_page(secrets, user={"is_logged_in": True, "email": "admin@example.org"})
    assert any(b.key == "update_run" for b in at.button)
    assert any(c.value.startswith("Downloads the status page of each of the 18 instruments") for c in at.caption)


def test_what_a_server_says_is_shown_as_plain_text_never_as_markdown(db, update_pages):
    with serving(update_pages) as server:
        server.behave["uhri"] = "hostile"
        at = data_page({"hrdash": {"untc_base_url": server.base_url, "uhri_url": server.uhri_url}})
        at.checkbox(key="update_untc").uncheck()
        at.button(key="update_run").click()
        at.run()
    assert [r["key"] for r in server.requests] == ["uhri"]
    [text] = [t.value for t in at.text if HOSTILE_TITLE in t.value]
    assert text.startswith(f"export-full-en.xlsx (failed): {server.uhri_url}: expected the Universal Human Rights")
    markdown = [
        e.value for kind in ("markdown", "caption", "error", "warning", "success", "info") for e in at.get(kind)
    ]
    assert not any("127.0.0.2" in str(v) for v in markdown)


def test_unusable_settings_are_named_and_no_update_is_offered(db):
    at = data_page({"hrdash": {"update_timeout_s": "soon"}})
    assert "The update's settings cannot be used; fix them under [hrdash] in secrets.toml:" in [
        e.value for e in at.error
    ]
    assert any(t.value == "read timeout from update_timeout_s under [hrdash] in secrets.toml must be a positive "
               "number of seconds, not 'soon'" for t in at.text)  # fmt: skip
    assert not any(b.key == "update_run" for b in at.button)
