"""Where the official sources are and how long to wait for them: command line, environment, secrets, defaults.

Precedence, highest first: a command-line option; an environment variable; `[hrdash]` in the app's
`.streamlit/secrets.toml`; the default. The app reads its secrets through `st.secrets`; the command line
reads the same file (`.streamlit/secrets.toml` in the project, else `~/.streamlit/secrets.toml`).

    [hrdash]
    untc_base_url = "https://treaties.un.org"                                 # HRDASH_UNTC_BASE_URL
    uhri_url = "https://dataex.ohchr.org/uhri/export-results/export-full-en.xlsx"  # HRDASH_UHRI_URL
    update_timeout_s = 60          # seconds without a byte from the server   HRDASH_UPDATE_TIMEOUT
    update_connect_timeout_s = 15  # seconds to connect                       HRDASH_UPDATE_CONNECT_TIMEOUT

The size limit of a downloaded file is the import's (`max_import_mb`, $HRDASH_MAX_IMPORT_MB, 50 MB).
Proxies come from the usual environment variables (https_proxy, http_proxy, no_proxy).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import ROOT

UNTC_BASE_URL = "https://treaties.un.org"
UHRI_URL = "https://dataex.ohchr.org/uhri/export-results/export-full-en.xlsx"
READ_TIMEOUT_S = 60.0
CONNECT_TIMEOUT_S = 15.0
# A browser's User-Agent (some sites refuse unknown clients), with a token that says who is asking.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 "
    "hrdash-update/1.0 (Human Rights Mechanisms Dashboard)"
)
# setting -> (environment variable, key under [hrdash] in secrets.toml, default)
KEYS: dict[str, tuple[str, str, Any]] = {
    "untc_base_url": ("HRDASH_UNTC_BASE_URL", "untc_base_url", UNTC_BASE_URL),
    "uhri_url": ("HRDASH_UHRI_URL", "uhri_url", UHRI_URL),
    "read_timeout": ("HRDASH_UPDATE_TIMEOUT", "update_timeout_s", READ_TIMEOUT_S),
    "connect_timeout": ("HRDASH_UPDATE_CONNECT_TIMEOUT", "update_connect_timeout_s", CONNECT_TIMEOUT_S),
}


@dataclass(frozen=True)
class Settings:
    """Addresses of the official sources, timeouts (seconds) and the size limit of one file (MB)."""

    untc_base_url: str = UNTC_BASE_URL
    uhri_url: str = UHRI_URL
    read_timeout: float = READ_TIMEOUT_S
    connect_timeout: float = CONNECT_TIMEOUT_S
    max_mb: float = 50.0
    user_agent: str = USER_AGENT


class SettingsError(ValueError):
    """A setting has a value that cannot be used (names the setting and where it came from)."""


def secrets_file(root: Path = ROOT) -> Path | None:
    """Return the secrets.toml the command line reads: the project's, else the user's, else None."""
    for path in (root / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"):
        if path.is_file():
            return path
    return None


def read_secrets(path: Path | None) -> dict[str, Any]:
    """Return a secrets.toml file as a dict ({} when there is none); a broken file is an error naming it."""
    if path is None:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"cannot read {path}: {e}") from e


def resolve(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    secrets: Mapping[str, Any] | None = None,
    max_mb: float = 50.0,
) -> Settings:
    """Return the settings: `overrides` (command-line values; None = not given), else environment, else secrets."""
    overrides, environ = dict(overrides or {}), dict(environ or {})
    section = dict((secrets or {}).get("hrdash", {}) or {})
    values: dict[str, Any] = {}
    for name, (env, key, default) in KEYS.items():
        if overrides.get(name) is not None:
            value, origin = overrides[name], "the command line"
        elif environ.get(env):
            value, origin = environ[env], f"${env}"
        elif section.get(key) is not None:
            value, origin = section[key], f"{key} under [hrdash] in secrets.toml"
        else:
            value, origin = default, "the default"
        values[name] = _checked(name, value, origin)
    return Settings(**values, max_mb=max_mb)


def _checked(name: str, value: Any, origin: str) -> Any:
    if name.endswith("timeout"):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = -1.0
        if not seconds > 0:
            raise SettingsError(
                f"{name.replace('_', ' ')} from {origin} must be a positive number of seconds, not {value!r}"
            )
        return seconds
    text = str(value).strip()
    if not text.lower().startswith(("http://", "https://")):
        raise SettingsError(f"{name} from {origin} must be an http:// or https:// address, not {value!r}")
    return text.rstrip("/") if name == "untc_base_url" else text
