"""A local stand-in for the official sources: the Treaty Collection's status pages and the UHRI export.

`FixtureServer` is an http.server on 127.0.0.1 (port 0: any free port) in a thread, serving the pages that
`untc_pages.write_pages` wrote (the `update_pages` fixture: `untc/<mtdsg_no>.html`, `changed/`) at the Treaty
Collection's addresses
(`/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-4&chapter=4&clang=_en`) and the UHRI fixture workbook at
`/uhri/export-results/export-full-en.xlsx`. Per file (mtdsg_no, or "uhri"), `behave` makes it fail the ways
real servers do: "404", "sleep" (answer after `sleep_s`), "changed" (the page without its participant table),
"error page" (an HTML error page, status 200, where the workbook should be), "hostile" (an error page whose
title is markdown that would fetch an image if it were rendered), "stamp" (a new "STATUS AS AT"
time in every answer, as the real site). It also answers requests sent to it as a proxy (absolute URLs), and
records every request. Nothing here touches the internet.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.helpers.paths import IMPORT_FIXTURES
from tests.helpers.untc_pages import STATUS_AS_AT

UHRI_FIXTURE = IMPORT_FIXTURES / "uhri_export.xlsx"
# The recommendation ids of the UHRI fixture workbook.
UHRI_IDS = {"uhri-aaaa-0001", "uhri-aaaa-0003", "uhri-bbbb-0001", "uhri-cccc-0001-KEN", "uhri-cccc-0001-UGA"}
UHRI_PATH = "/uhri/export-results/export-full-en.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HOSTILE_TITLE = "![b](http://127.0.0.2:9/beacon.png) :red[red] <b>bold</b>"


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages = pages
        self.behave: dict[str, str] = {}
        self.sleep_s = 2.0
        self.requests: list[dict[str, str]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def uhri_url(self) -> str:
        return self.base_url + UHRI_PATH

    def asked(self, key: str) -> int:
        """Return how many requests asked for this file (mtdsg_no or 'uhri')."""
        return sum(r["key"] == key for r in self.requests)


class _Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/Pages/ViewDetails.aspx" and set(query) == {"src", "mtdsg_no", "chapter", "clang"} and (
            query["src"], query["chapter"], query["clang"]) == ("TREATY", "4", "_en"):  # fmt: skip
            key, path, kind = query["mtdsg_no"], self.server.pages / "untc" / f"{query['mtdsg_no']}.html", "text/html"
        elif parts.path == UHRI_PATH:
            key, path, kind = "uhri", UHRI_FIXTURE, XLSX
        else:
            key, path, kind = "", Path("/nonexistent"), "text/html"
        self.server.requests.append({
            "key": key, "path": self.path, "proxied": str(self.path.startswith("http://")),
            "user_agent": self.headers.get("User-Agent", ""), "host": self.headers.get("Host", ""),
        })  # fmt: skip
        how = self.server.behave.get(key, "")
        if how == "sleep":
            time.sleep(self.server.sleep_s)
        if how == "404" or not path.is_file():
            self._send(404, b"<html><head><title>404 - File or directory not found.</title></head></html>", kind)
            return
        body, changed = path.read_bytes(), self.server.pages / "changed"
        if how == "changed":
            body = (changed / "IV-11.html").read_bytes()
        elif how == "error page":
            body, kind = (changed / "uhri_error_page.html").read_bytes(), "text/html; charset=utf-8"
        elif how == "hostile":
            body, kind = f"<html><head><title>{HOSTILE_TITLE}</title></head></html>".encode(), "text/html"
        elif how == "stamp":
            now = dt.datetime.now().strftime("%d-%m-%Y %H:%M:%S.%f")
            body = body.replace(STATUS_AS_AT.encode(), f"STATUS AS AT : {now} EDT".encode())
        self._send(200, body, kind)


@contextmanager
def serving(pages: Path) -> Iterator[FixtureServer]:
    """Yield a running FixtureServer serving the pages written in `pages`; stop it afterwards."""
    server = FixtureServer(pages)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """Return a port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
