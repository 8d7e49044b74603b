"""What the print tests share: a PDF's text (poppler's pdftotext) and the words of controls, which paper never shows."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

requires_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="reading a PDF's text needs pdftotext (Debian: poppler-utils)"
)

# Labels of toggles, buttons, filters, expanders and hints that only make sense on screen.
CONTROL_LABELS = [
    "Print view", "Presentation mode", "Exit print view", "Make a PDF", "Download PDF", "Slides of this page",
    "Download slides", "Show data", "⬇ CSV", "⬇ Excel", "Click a country", "All nine treaty bodies",
    "Only target countries of", "Any country (no EA filter)", "Every overdue report, one row each",
]  # fmt: skip


def pdf_text(data: bytes) -> str:
    """Return the text of a PDF, each page's lines laid out as on the page (pdftotext -layout)."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def controls_in(text: str) -> list[str]:
    """Return the control labels found in a text (whitespace-insensitive)."""
    flat = re.sub(r"\s+", " ", text)
    return [label for label in CONTROL_LABELS if label in flat]


def pages(data: bytes) -> int:
    """Return the number of pages of a PDF."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
