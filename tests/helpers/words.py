"""What a page says, read back from an AppTest run, and the words a manager should never meet there.

`texts(at)` collects every piece of text the page shows (title, headers, markdown, captions, alerts, metrics, tab
and expander labels, select box and multiselect options, table cells with the text a missing value is shown as);
`defects(at)` returns those that say "None" or "nan", name a seed document by number ("seed 004", "seed:002")
outside the provenance columns, or name a country by its ISO3 code alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
from streamlit.testing.v1 import AppTest

from hrdash.model import labels

# Columns whose values are codes by design, besides provenance columns (`labels.is_provenance`: source, ISO3, …).
CODE_COLUMNS = {"Recommending State (code)"}
NONE = re.compile(r"\bNone\b(?! of\b)|\bnan\b|\bNaN\b")
SEED = re.compile(r"\bseed[ :]0\d\d\b|\bseeds? 0\d\d\b", re.IGNORECASE)
CODE = re.compile(r"\b[A-Z]{3}\b")
# Text made only of codes (one or several, separated): a table cell that names countries by code.
ONLY_CODES = re.compile(r"^\s*[A-Z]{3}(\s*[;,/]\s*[A-Z]{3})*\s*$")


def _markdown_shown(value: str) -> str:
    """Return markdown as read: backslash escapes and emphasis stars gone."""
    return re.sub(r"\\(.)", r"\1", value).replace("**", "")


def texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every text on screen; table cells as "table <key> / <column>"."""
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        for e in at.get(kind):
            yield kind, _markdown_shown(str(e.value))
    for m in at.metric:
        yield "metric", f"{m.label} {m.value} {m.proto.delta}"
    for kind in ("tab", "expander"):
        for e in at.get(kind):
            yield kind, _markdown_shown(str(e.proto.label))
    for kind in ("selectbox", "multiselect", "radio"):
        for e in at.get(kind):
            yield kind, _markdown_shown(str(e.label))
            for option in e.options:
                yield f"{kind} {e.label!r} option", str(option)


def table_defects(at: AppTest) -> Iterator[str]:
    """Yield each table cell shown as "None" / "nan", naming a seed by number or a country only by code."""
    iso3 = set(labels.country_names())
    for d in at.dataframe:
        df: pd.DataFrame = d.value
        key = d.proto.id.rsplit("-", 1)[-1] if "-" in d.proto.id else "/".join(map(str, df.columns[:2]))
        for column in df.columns:
            values = df[column]
            # Unset (HasField false), Streamlit shows a missing value as a grey "None".
            if values.isna().any() and (not d.proto.HasField("placeholder") or d.proto.placeholder != ""):
                yield f"table {key} / {column}: a missing value shown as 'None'"
            if column in CODE_COLUMNS or labels.is_provenance(column) or values.dtype != object:
                continue
            for cell in values.dropna().astype(str).unique():
                if cell in ("None", "nan", "NaN", "NaT"):
                    yield f"table {key} / {column}: {cell!r}"
                elif SEED.search(cell):
                    yield f"table {key} / {column}: {cell!r} names a seed by number"
                elif ONLY_CODES.match(cell) and set(CODE.findall(cell)) & iso3:
                    yield f"table {key} / {column}: {cell!r} names countries by code only"


def iso3_only(text: str) -> list[str]:
    """Return the ISO3 codes in `text` whose country's name is not in the same text."""
    names = labels.country_names()
    return [c for c in CODE.findall(text) if c in names and names[c] not in text]


def defects(at: AppTest) -> list[str]:
    """Return every defect of wording on screen, each with where it is."""
    out = list(table_defects(at))
    for where, text in texts(at):
        if NONE.search(text):
            out.append(f"{where}: 'None' or 'nan' in {text[:160]!r}")
        if SEED.search(text):
            out.append(f"{where}: a seed by number in {text[:160]!r}")
        if where in ("caption", "markdown", "header", "subheader", "title", "metric") and iso3_only(text):
            out.append(f"{where}: country codes {iso3_only(text)} without the name in {text[:160]!r}")
        if where.endswith("option") and iso3_only(text) and ONLY_CODES.match(text):
            out.append(f"{where}: {text!r} names a country by code only")
    return out
