"""Helpers and fixtures for the browser tests: a real `streamlit run` server and headless Chromium.

The fixtures are registered for tests/browser/ by its conftest.py; a test module there starts with

    from tests.helpers.browser import requires_chromium
    pytestmark = [pytest.mark.browser, requires_chromium]

`app_url` (module scope) serves app.py against the session's built database (`built_db` in
tests/conftest.py); `chromium` (module scope) is one headless browser; `page` is a fresh
context and page per test. The plain helpers (`free_port`, `streamlit_server`, `launch_chromium`,
`wait_for_idle`) work without pytest too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hrdash.exports.pdf import CHROMIUM_ARGS  # the flags the app's own PDF uses: one list

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1400, "height": 1000}  # wide enough for the sidebar to be expanded
SERVER_START_TIMEOUT = 60.0
UI_TIMEOUT_MS = 30_000  # first render of a cold server and a rerun on a busy machine

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"browser tests need Debian Chromium at {CHROMIUM} (not found)"
)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(log: Path, n: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


@contextmanager
def streamlit_server(
    db: Path, script: str = "app.py", timeout: float = SERVER_START_TIMEOUT, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run `streamlit run script` on a free port against database `db`; yield its base URL.

    Waits (at most `timeout` s) until /_stcore/health answers "ok"; stops the server on exit
    (terminate, then kill if it has not exited after 10 s).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--server.fileWatcherType", "none",  # other people edit files meanwhile: no reruns on save
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    full_env = {**os.environ, "HRDASH_DB": str(db), **(env or {})}
    with tempfile.NamedTemporaryFile("w+b", prefix="streamlit-", suffix=".log", delete=False) as fh:
        log = Path(fh.name)
        proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=fh, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {proc.returncode} before answering:\n{_log_tail(log)}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"streamlit did not answer {url}/_stcore/health in {timeout:.0f} s:\n{_log_tail(log)}"
                )
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.unlink(missing_ok=True)


@contextmanager
def launch_chromium():
    """Yield a headless Debian Chromium driven by Playwright (never downloads a browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_idle(page, timeout_ms: int = UI_TIMEOUT_MS) -> None:
    """Wait until the app has rendered and no script run is in progress.

    A rerun may not have started yet when this is called: callers should also wait for the
    content they expect (e.g. `expect(...).to_have_text(...)`).
    """
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=timeout_ms)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=timeout_ms)


@pytest.fixture(scope="module")
def app_url(built_db: Path) -> Iterator[str]:
    """The base URL of `streamlit run app.py` serving the session's built database."""
    with streamlit_server(built_db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for the module."""
    with launch_chromium() as browser:
        yield browser


@pytest.fixture()
def page(chromium):
    """A fresh browser context (no cookies, no state) and page, closed after the test."""
    from playwright.sync_api import expect

    expect.set_options(timeout=UI_TIMEOUT_MS)
    context = chromium.new_context(viewport=VIEWPORT)
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def click_country(page, iso3: str | None = None) -> str:
    """Click a country on the page's first plotly map that draws it, where its shape is under the pointer.

    With no `iso3`, the largest shape whose box centre lies on the shape itself is clicked (a country
    split across the map, such as Fiji or the United States, has a box centre elsewhere). Returns the
    ISO3 code clicked.
    """
    box = page.evaluate(
        """(iso3) => {
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            const plot = plots.find(p => p.querySelector('.choroplethlocation'));
            if (!plot) return null;
            plot.scrollIntoView({block: 'center'});
            const area = p => { const r = p.getBoundingClientRect(); return r.width * r.height; };
            const shapes = [...plot.querySelectorAll('.choroplethlocation')]
                .filter(p => p.__data__ && (!iso3 || p.__data__.loc === iso3))
                .sort((a, b) => area(b) - area(a));
            for (const shape of shapes) {
                const r = shape.getBoundingClientRect();
                const x = r.x + r.width / 2, y = r.y + r.height / 2;
                const inside = new DOMPoint(x, y).matrixTransform(shape.getScreenCTM().inverse());
                if (shape.isPointInFill(inside)) return {x, y, iso3: shape.__data__.loc};
            }
            return null;
        }""",
        iso3,
    )
    assert box is not None, f"no shape of {iso3 or 'any country'} can be clicked on a map of the page"
    page.mouse.click(box["x"], box["y"])
    return box["iso3"]
