"""Printing without a browser: the print view's HTML tables (every row, escaped), the print URL, the PDF's file name
and footer, and the message when Chromium is missing."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from hrdash.app import printing
from hrdash.exports import pdf


def cells(html_text: str) -> list[list[str]]:
    """Return the text of every body row's cells."""
    body = html_text.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_a_printed_table_has_every_row_escaped_dates_as_iso_and_numbers_right_aligned():
    df = pd.DataFrame(
        {
            "Country <b>": ["Côte d’Ivoire", "<script>alert(1)</script>", None],
            "Due": pd.to_datetime(["2013-05-01", None, "2020-12-31"]),
            "Reports": [3, 12, 1200],
            "Years": [1.5, float("nan"), 2.0],
            "Code": ["CRC-OP-SC", "Kenya & Uganda", "x"],
        }
    )
    out = printing.html_table(df)
    assert "<th>Country &lt;b&gt;</th>" in out and "<script>" not in out
    assert cells(out) == [
        ["Côte d’Ivoire", "2013-05-01", "3", "1.5", "CRC-OP-SC"],
        ["&lt;script&gt;alert(1)&lt;/script&gt;", "", "12", "", "Kenya &amp; Uganda"],
        ["", "2020-12-31", "1200", "2", "x"],
    ]
    assert out.count('<td class="num">') == 6  # Reports and Years, three rows each
    assert '<td class="nw">CRC-OP-SC</td>' in out  # a code is not broken at its hyphens
    assert "hr-print-note" not in out


def test_a_printed_table_past_the_limit_says_how_many_rows_were_left_out():
    out = printing.html_table(pd.DataFrame({"n": range(12)}), max_rows=10)
    assert [c[0] for c in cells(out)] == [str(i) for i in range(10)]
    assert "The first 10 of 12 rows" in out


def test_the_print_url_keeps_the_filters_and_asks_for_print_view():
    url = "http://127.0.0.1:8501/treaty-bodies?countries=Kenya&countries=C%C3%B4te+d%E2%80%99Ivoire&present=1&print=0"
    assert pdf.print_url(url) == (
        "http://127.0.0.1:8501/treaty-bodies?countries=Kenya&countries=C%C3%B4te+d%E2%80%99Ivoire&print=1"
    )
    assert pdf.print_url("http://h:1/country#x") == "http://h:1/country?print=1"


def test_the_file_name_and_footer_name_the_page_and_date():
    day = date(2026, 12, 3)
    assert pdf.file_name("Treaty bodies (EA6)", day) == "treaty_bodies_ea6_2026-12-03.pdf"
    assert pdf.file_name("Country profile: Côte d’Ivoire", day) == "country_profile_c_te_d_ivoire_2026-12-03.pdf"
    footer = pdf.footer_html("Country profile: <Liberia>", "Demo data: 5 of 10 rows & more.", day)
    assert "Country profile: &lt;Liberia&gt; · 3 December 2026 · Demo data: 5 of 10 rows &amp; more." in footer
    assert '<span class="pageNumber"></span> of <span class="totalPages"></span>' in footer
    assert "font-size:7.5px" in footer  # Chromium's footer text is invisible without a size


def test_a_missing_chromium_is_said_with_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv(pdf.CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    with pytest.raises(pdf.PdfError, match=r"needs Chromium, which is not installed at .*apt-get install chromium"):
        pdf.render("http://127.0.0.1:1/", title="x")


def test_the_print_column_fits_the_printed_page():
    assert pdf.PRINTABLE_PX == 1047 and pdf.COLUMN_PX < pdf.PRINTABLE_PX
    assert f"max-width: {pdf.COLUMN_PX}px" in printing.PRINT_CSS and "size: A4 landscape" in printing.PRINT_CSS
