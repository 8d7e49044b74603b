"""Who may import from the Data page: with authentication configured, only the admins listed in secrets.

secrets.toml:

    [auth]                 # Streamlit's st.login with an OIDC provider
    redirect_uri = "https://dashboard.example.org/oauth2callback"
    cookie_secret = "..."
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://login.example.org/.well-known/openid-configuration"

    [hrdash]
    admins = ["alice@ohchr.org", "bob@un.org"]   # e-mails allowed to import (case ignored)
    max_import_mb = 50                           # size limit of one file

Without an [auth] section (the local default) anyone who can open the app can import, and the
page says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Access:
    """Whether the current user may import, and the sentence the page shows about it."""

    auth_configured: bool
    logged_in: bool
    email: str | None
    may_import: bool
    message: str


def decide(secrets: Mapping[str, Any], user: Mapping[str, Any]) -> Access:
    """Return the import access of `user` (st.user as a dict) under `secrets` (st.secrets as a dict)."""
    if "auth" not in secrets:
        return Access(False, False, None, True, "Authentication is not configured: anyone with access to this app "
                      "can import data. Configure st.login ([auth] in secrets.toml) and list admins under [hrdash] "
                      "to restrict it.")  # fmt: skip
    admins = {str(a).strip().lower() for a in (secrets.get("hrdash", {}) or {}).get("admins", [])}
    logged_in = bool(user.get("is_logged_in"))
    email = str(user.get("email") or "").strip().lower() or None
    if not logged_in:
        return Access(True, False, None, False, "Importing data is an admin action: log in first.")
    if email in admins:
        return Access(True, True, email, True, f"Signed in as {email}, an admin: you may import data.")
    return Access(True, True, email, False, f"Signed in as {email}. Only admins may import data; ask one of them, or "
                  "an administrator of this app to add you to the admins list.")  # fmt: skip


def max_import_mb(secrets: Mapping[str, Any]) -> float | None:
    """Return the size limit set in secrets ([hrdash] max_import_mb), or None for the default."""
    value = (secrets.get("hrdash", {}) or {}).get("max_import_mb")
    return float(value) if value is not None else None
