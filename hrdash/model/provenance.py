"""Where rows come from, in words: the kind and readable name of each `source`, and the share of real and demo data.

Every row of a fact table has a `source`: `reference`, `seed:NNN`, `public:<dataset>` (real public facts bundled
with the project, data/public), `demo` (generated) or `import:<sha256 prefix>` (a file a user loaded). The banner
of every page, the sources table, the About sheet of exports and the sources slide of decks all say it the same way,
from here: public, seed, reference and imported rows are real; demo rows are not, and the banner names the parts of
the view that are still demo (from `queries/rows_by_source.sql`'s table × source counts).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import public
from . import labels

KINDS = ("public", "import", "seed", "reference", "demo")
KIND_NAMES = {"public": "real public data", "import": "imported files", "seed": "OHCHR and UNDG documents",
              "reference": "reference data", "demo": "demo"}  # fmt: skip
# What a demo row of each table is about, in the words of the pages (the banner lists them, most rows first).
AREAS = {
    "tb_report": "treaty-body reporting", "sp_visit": "Special Procedures", "sp_communication": "Special Procedures",
    "standing_invitation": "Special Procedures", "upr_review": "UPR cycles 3–4",
    "recommendation": "recommendations after UPR cycle 1", "national_mechanism": "national mechanisms",
    "stakeholder_submission": "civil society", "nhri": "NHRIs", "unct_engagement": "UNCT",
    "hra_deployment": "HRA deployments", "normative_output": "normative outputs", "ratification": "ratification",
    "story": "stories",
}  # fmt: skip
NO_TEXT = "(text not bundled: see the note above)"  # shown for a recommendation whose text is not in the database
TEXT_NOT_BUNDLED = (
    "The texts of the bundled cycle-1 UPR recommendations (UPR Info, Terman; sessions 1–12) are not part of the "
    "dashboard: only their facts are (State, recommending States, session, response, themes, the treaties they ask "
    "to join). To have texts, import a UPR Info or UHRI export on the Data page, or run "
    "`python -m hrdash update --only uhri`."
)


def kind(source: str) -> str:
    """Return the kind of a source: public, import, seed, reference or demo."""
    if source.startswith(public.PREFIX):
        return "public"
    if source.startswith("import:"):
        return "import"
    if source.startswith("seed:"):
        return "seed"
    return "demo" if source == "demo" else "reference"


def label(source: str, files: Mapping[str, str] | None = None) -> str:
    """Return a source's readable name, e.g. "UN Treaty Collection, status as of 3 Feb 2026 (public)".

    `files` maps import sources (`import:<sha256 prefix>`) to the names of the files imported.
    """
    k = kind(source)
    if k == "public":
        found = public.datasets().get(source)
        return f"{found['label'] if found else source.removeprefix(public.PREFIX)} (public)"
    if k == "import":
        name = (files or {}).get(source)
        return f"Imported file {name} (import)" if name else f"Imported file {source.removeprefix('import:')} (import)"
    if k == "seed":
        return f"{labels.seed_title(source)} (source document)"
    if k == "demo":
        return "Generated illustrative data (demo)"
    return "Curated reference data (reference)"


def share_text(part: int, total: int) -> str:
    """Return `part` of `total` as a percentage with one decimal, never rounded to 0% or 100% when it is neither.

    "12.3%"; "99.97%" and "0.04%" where one decimal would say 100.0% or 0.0%; "<0.01%" and ">99.99%" beyond that;
    "0%" and "100%" only when exact; "—" of nothing.
    """
    if total <= 0:
        return "—"
    if part <= 0 or part >= total:
        return "0%" if part <= 0 else "100%"
    share = 100 * part / total
    for decimals in (1, 2):
        text = f"{share:.{decimals}f}"
        if 0 < float(text) < 100:
            return f"{text}%"
    return "<0.01%" if share < 50 else ">99.99%"


def by_source(counts: pd.DataFrame, files: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return the rows per source (summed over tables), most first, with kind, readable name and share of the rows.

    Columns: Source (readable name), Kind, Rows (text with thousands separators: "91,353"), Share (of all the rows,
    `share_text`: "99.97%", never a rounded 100%), source (the tag itself).
    """
    if not len(counts):
        return pd.DataFrame({"Source": [], "Kind": [], "Rows": [], "Share": [], "source": []})
    total = counts.groupby("source", as_index=False)["rows"].sum()
    total = total.sort_values(["rows", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)
    everything = int(total["rows"].sum())
    return pd.DataFrame(
        {
            "Source": [label(s, files) for s in total["source"]],
            "Kind": [kind(s) for s in total["source"]],
            "Rows": [f"{int(n):,}" for n in total["rows"]],
            "Share": [share_text(int(n), everything) for n in total["rows"]],
            "source": total["source"],
        }
    )


def real_share(counts: pd.DataFrame) -> tuple[str, str]:
    """Return the share of the view's rows that are real (`share_text`) and a sentence on the rest (the demo rows)."""
    s = shares(counts)
    total = sum(s.values())
    if not total:
        return "—", "No data rows are in this view."
    real = share_text(total - s["demo"], total)
    if not s["demo"]:
        return real, f"All {total:,} rows are real: no demo data."
    return real, f"Demo {share_text(s['demo'], total)} of {total:,} rows: generated illustrative data, not real."


def shares(counts: pd.DataFrame) -> dict[str, int]:
    """Return the rows per kind (public, import, seed, reference, demo) of `source`, `rows` counts."""
    out = dict.fromkeys(KINDS, 0)
    for source, n in zip(counts["source"], counts["rows"]):
        out[kind(source)] += int(n)
    return out


def demo_areas(counts: pd.DataFrame) -> list[str]:
    """Return what the demo rows of the view are about (AREAS), most demo rows first, each once."""
    if "table_name" not in counts or not len(counts):
        return []
    demo = counts[counts["source"] == "demo"].groupby("table_name")["rows"].sum()
    areas: dict[str, int] = {}
    for table, n in demo.items():
        area = AREAS.get(str(table), str(table))
        areas[area] = areas.get(area, 0) + int(n)
    return [a for a, _ in sorted(areas.items(), key=lambda kv: (-kv[1], kv[0]))]


def _percent(part: int, total: int) -> str:
    share = 100 * part / total
    return "<1%" if 0 < share < 1 else (">99%" if 99 < share < 100 else f"{share:.0f}%")


def share_sentence(counts: pd.DataFrame) -> str:
    """Return the sentence that says how much of the view is real and what is still demo.

    "Real public data 62% · demo 38% (Special Procedures, treaty-body reporting, UNCT, civil society)", with imported
    files, seed facts and reference rows where there are any; with no demo rows, that the view is all real.
    """
    s = shares(counts)
    total = sum(s.values())
    if not total:
        return "No data rows are in this view."
    parts = [f"{KIND_NAMES[k][0].upper()}{KIND_NAMES[k][1:]} {_percent(s[k], total)}" if i == 0 else
             f"{KIND_NAMES[k]} {_percent(s[k], total)}"
             for i, k in enumerate(k for k in KINDS if s[k])]  # fmt: skip
    if not s["demo"]:
        real = ", ".join(KIND_NAMES[k] for k in KINDS if s[k])
        return f"All {total:,} rows in this view are real ({real}): no demo data."
    areas = demo_areas(counts)
    if areas:
        parts[-1] += f" ({', '.join(areas)})"
    return " · ".join(parts)


def with_text_note(rows: pd.DataFrame) -> pd.DataFrame:
    """Return recommendation rows with NO_TEXT in place of the texts that are not bundled (for the screen)."""
    if "text" not in rows:
        return rows
    return rows.assign(text=rows["text"].astype(object).where(rows["text"].notna(), NO_TEXT))


def without_text_note(counts: pd.DataFrame, searching: bool) -> str:
    """Return the sentence on the recommendations in view whose text is not bundled (upr_recommendations_without_text),
    or "" when every one has its text."""
    n = int(counts["without_text"].iloc[0]) if len(counts) else 0
    if not n:
        return ""
    what = "are not searched (they have no text here)" if searching else "show “" + NO_TEXT + "”"
    return f"{n:,} recommendations under these filters {what}. {TEXT_NOT_BUNDLED}"
