"""The browser tests' fixtures (tests/helpers/browser.py): the app served by `streamlit run`, Chromium, a page."""

from tests.helpers.browser import app_url, chromium, page  # noqa: F401  (fixtures for the tests of this folder)
