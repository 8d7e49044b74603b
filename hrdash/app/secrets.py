"""The app's secrets (.streamlit/secrets.toml), for the import's access rules, limits and update settings."""

from __future__ import annotations

from typing import Any

import streamlit as st


def read() -> dict[str, Any]:
    """Return the app's secrets as plain dicts and values ({} when there is no secrets.toml)."""
    try:
        return {k: (dict(v) if hasattr(v, "keys") else v) for k, v in st.secrets.items()}
    except Exception:  # no secrets.toml at all: Streamlit raises rather than returning nothing
        return {}
