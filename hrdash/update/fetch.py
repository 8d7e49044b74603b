"""Download one file over HTTP(S): proxies from the environment, a browser's User-Agent, timeouts, a size limit.

`requests` (pinned in requirements.txt) gives separate connect and read timeouts and reads https_proxy,
http_proxy, no_proxy (and REQUESTS_CA_BUNDLE, for proxies that re-sign HTTPS) from the environment. Every
failure becomes a FetchError whose message names the address and says what went wrong in a manager's words.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

from .settings import Settings

CHUNK = 262_144
Progress = Callable[[int, int | None], None]  # bytes received so far, total (None if the server did not say)


class FetchError(RuntimeError):
    """A download failed; the message names the address and the reason."""


@dataclass(frozen=True)
class Download:
    """The bytes of a downloaded file and what the server said about them."""

    url: str  # the address asked for
    final_url: str  # after redirects
    content: bytes
    content_type: str
    seconds: float


def _proxy(url: str) -> str | None:
    """Return the proxy the environment sets for `url` (no_proxy respected), or None."""
    proxies = requests.utils.get_environ_proxies(url)
    return proxies.get(urlsplit(url).scheme) or proxies.get("all")


def _proxy_hint(url: str) -> str:
    return f" through the proxy {proxy}" if (proxy := _proxy(url)) else ""


def _explain(e: requests.RequestException, url: str, s: Settings) -> str:
    host = urlsplit(url).hostname or url
    text = str(e)
    if isinstance(e, requests.exceptions.ProxyError):
        return (
            f"the proxy {_proxy(url) or ''} failed or refused the connection; check https_proxy, http_proxy "
            "and no_proxy"
        )
    if isinstance(e, requests.exceptions.SSLError):
        return (
            "the secure (HTTPS) connection failed: certificate problem. Behind a proxy that re-signs HTTPS, "
            "point REQUESTS_CA_BUNDLE at its certificate"
        )
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return f"no connection to {host} within {s.connect_timeout:g} s{_proxy_hint(url)} (offline, or blocked?)"
    if isinstance(e, requests.exceptions.ReadTimeout) or "Read timed out" in text:
        return (
            f"the server {host} did not answer within {s.read_timeout:g} s (a slow site: try again later or "
            "raise the timeout, --timeout / update_timeout_s)"
        )
    if "refused" in text.lower():
        return f"connection refused by {host}{_proxy_hint(url)} (the site is down, or the address is wrong)"
    if any(w in text for w in ("Name or service not known", "Failed to resolve", "getaddrinfo", "NameResolution")):
        return f"cannot find the server {host} (offline, or a proxy is needed: set https_proxy)"
    if isinstance(e, requests.exceptions.TooManyRedirects):
        return "too many redirects (the site sends the request round in circles)"
    return f"the download failed: {type(e).__name__}: {text.splitlines()[0][:300] if text else ''}".rstrip(": ")


def download(url: str, settings: Settings, progress: Progress = lambda n, total: None) -> Download:
    """Return the file at `url`; raise FetchError (naming the address) on any failure, HTTP error or oversize."""
    limit = int(settings.max_mb * 1_000_000)
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
        "*/*;q=0.8",
        "Accept-Language": "en",
    }
    started = time.monotonic()
    try:
        with requests.get(
            url, headers=headers, stream=True, timeout=(settings.connect_timeout, settings.read_timeout)
        ) as resp:
            if resp.status_code >= 400:
                raise FetchError(
                    f"{url}: the server answered HTTP {resp.status_code} {resp.reason or ''}".rstrip()
                    + (
                        " — no such page: the address is wrong or the page has moved"
                        if resp.status_code in (404, 410)
                        else ""
                    )
                )
            size = resp.headers.get("Content-Length")
            total = int(size) if size and size.isdigit() else None
            if total is not None and total > limit:
                raise FetchError(_too_big(url, total, limit))
            body = bytearray()
            for chunk in resp.iter_content(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise FetchError(_too_big(url, len(body), limit, partial=True))
                progress(len(body), total)
            return Download(
                url, resp.url, bytes(body), resp.headers.get("Content-Type", ""), time.monotonic() - started
            )
    except requests.RequestException as e:
        raise FetchError(f"{url}: {_explain(e, url, settings)}") from e


def _too_big(url: str, size: int, limit: int, partial: bool = False) -> str:
    return (
        f"{url}: the file is {'over ' if partial else ''}{size / 1e6:.1f} MB, over the {limit / 1e6:g} MB import "
        "limit; raise it (--max-size-mb, HRDASH_MAX_IMPORT_MB, or max_import_mb under [hrdash] in secrets.toml)"
    )
