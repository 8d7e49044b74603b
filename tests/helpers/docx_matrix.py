"""OHCHR-style UPR matrices (.docx) written with python-docx, for the import fixtures and the matrix tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx


def matrix_docx(path: Path, paragraphs: list[str], header: list[str], rows: list, page_header: str = "") -> None:
    """Write a UPR matrix with python-docx: title paragraphs, one table, theme rows merged across every column."""
    document = docx.Document()
    if page_header:
        document.sections[0].header.paragraphs[0].text = page_header
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):  # "Theme: ...": one cell spanning the row
            merged = cells[0].merge(cells[-1])
            merged.text = row
            continue
        for cell, text in zip(cells, row):
            cell.text = text
    document.core_properties.created = document.core_properties.modified = dt.datetime(2025, 1, 1)
    document.save(str(path))
