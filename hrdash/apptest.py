"""Make Streamlit's AppTest run this app the way the real server does (tests and bench/ use it).

AppTest resets `PagesManager.uses_pages_directory` before every run, and because this app
keeps its pages in `pages/`, every run after the first then takes Streamlit's old
pages-directory path: it runs the page script alone and skips `app.py` (navigation, sidebar
filters). The real server clears the flag for good once `st.navigation` is called, so we
do the same after each PagesManager is made.
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager

_original_init = PagesManager.__init__


def _init_as_server(self: PagesManager, *args, **kwargs) -> None:
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


def run_like_the_server() -> None:
    """Patch AppTest's page handling once per process (idempotent)."""
    PagesManager.__init__ = _init_as_server  # type: ignore[method-assign]
