"""Country briefs: the profile's charts (figures) and tables, its slide deck, and decks in bulk.

The page draws the same `charts(p)` and `tables(p)` the deck contains, so a deck always shows
what the page shows for the same country and years: each chart's slide is made from the figure the
page draws, by the converter every page's deck uses (`exports.deck.item`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..db import query
from ..exports import deck as figure_slides
from ..exports import pptx
from ..exports.pptx import TableSpec, TextSpec
from ..figures import profile as figures
from ..model import labels, targets
from . import data as profile
from .data import Profile

LABELS = labels.glossary({
    "national_ngo": "National NGOs", "coalition": "Coalitions", "international_ngo": "International NGOs",
    "signature_date": "Signed", "consent_date": "Ratified / acceded", "consent_type": "How",
    "country": "This country", "rank": "Rank in region (1 = highest)", "countries": "Countries compared",
    "met": "Met?", "detail": "Status", "start_date": "From", "end_date": "To", "review_date": "Reviewed",
    "implemented": "Implemented (fully or partly)", "text": "What happened", "instrument_name": "Full name",
})  # fmt: skip
STATUS_ORDER = ["party", "signatory", "denounced", "no action"]
QUERY_THREADS = 4  # DuckDB answers the profile's independent queries on several cursors at once


def status_counts(p: Profile) -> pd.DataFrame:
    """Return the number of instruments per ratification status (party, signatory, no action; denounced if any)."""
    counts = p.frames["ratification"]["status"].value_counts()
    order = [s for s in STATUS_ORDER if s != "denounced" or counts.get(s, 0)]
    return pd.DataFrame({"status": labels.values(order), "instruments": [int(counts.get(s, 0)) for s in order]})


def region_ranking(p: Profile) -> pd.DataFrame:
    """Return the region's countries by instruments ratified, most first (the comparison bar chart)."""
    df = p.region[["iso3", "name", "instruments_ratified"]]
    return df.sort_values(["instruments_ratified", "name"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def upr_cycles(p: Profile) -> pd.DataFrame:
    """Return the UPR cycles with a readable label ("Cycle 2 (2013)")."""
    df = p.frames["upr_cycles"]
    labels = [f"Cycle {c} ({y})" for c, y in zip(df["cycle"], df["review_year"])]
    return df.assign(cycle_label=labels)


@dataclass(frozen=True)
class Chart:
    """One chart of the profile: its title and caption (on the page and the slide) and its figure dict."""

    key: str
    title: str
    figure: dict[str, Any]
    frame: pd.DataFrame  # what the figure was built from
    caption: str = ""

    @property
    def data(self) -> pd.DataFrame:
        """Return the numbers the chart plots, categories first (the page's "Show data", made when opened)."""
        return figures.plotted(self.key, self.frame)

    def item(self) -> pptx.Item:
        """Return the chart's slide item, made from its figure as every page's charts are."""
        return figure_slides.item(self.figure, self.title, caption=self.caption)


def charts(p: Profile) -> dict[str, Chart]:
    """Return the profile's charts, in page order, keyed by where the page draws them."""
    region, as_of = p.country["ohchr_region"], f"31 December {p.year_to}"
    years = p.years
    median = profile.fmt_number(profile.region_median(p, "instruments_ratified"))
    ranking, status, cycles = region_ranking(p), status_counts(p), upr_cycles(p)
    f = p.frames
    made = {
        "region_ratification": (
            f"Instruments ratified as of {as_of}: {p.name} among the countries of {region}", ranking,
            figures.region_ratification(ranking, LABELS, p.name), f"{p.name} in orange; regional median {median}.",
        ),
        "ratification_status": (
            f"Status of the 18 instruments in {p.name}, {as_of}", status, figures.ratification_status(status, LABELS),
            "Party = ratified, acceded or succeeded; signatory = signed only.",
        ),
        "tb_reports": (
            f"Treaty-body reports of {p.name} per body, as of {as_of}", f["tb_reports"],
            figures.tb_reports(f["tb_reports"], LABELS),
            "Reports due by the as-of date: submitted by their due date, submitted late, or not yet submitted.",
        ),
        "communications": (
            f"Special Procedures communications to {p.name} and replies, {years}", f["communications"],
            figures.communications(f["communications"], LABELS), "",
        ),
        "upr_cycles": (
            f"UPR recommendations to {p.name} per cycle, by response ({years})", cycles,
            figures.upr_cycles(cycles, LABELS), "",
        ),
        "upr_themes": (
            f"The ten themes with most UPR recommendations to {p.name}, by response ({years})", f["upr_themes"],
            figures.upr_themes(f["upr_themes"], LABELS), "A recommendation with several themes counts under each.",
        ),
        "implementation": (
            f"Recommendations of all mechanisms to {p.name} by implementation status ({years})", f["implementation"],
            figures.implementation(f["implementation"], LABELS),
            "Implementation is recorded for some UPR recommendations only.",
        ),
        "submissions": (
            f"Stakeholder submissions about {p.name} to the UPR and treaty bodies, by submitter ({years})",
            f["submissions"], figures.submissions(f["submissions"], LABELS), "",
        ),
    }  # fmt: skip
    return {key: Chart(key, title, figure, df, caption) for key, (title, df, figure, caption) in made.items()}


def comparison_table(p: Profile) -> pd.DataFrame:
    """Return the regional comparison with the values written as on the page."""
    df = profile.region_comparison(p)
    out = df[["measure"]].copy()
    for column in ["country", "region_median", "region_min", "region_max"]:
        out[column] = [profile.fmt_number(v, u) for v, u in zip(df[column], df["unit"])]
    out["rank"] = [f"{int(r)} of {n}" if not pd.isna(r) else "–" for r, n in zip(df["rank"], df["countries"])]
    return out


NOT_KNOWN = "not known"
MET_WORDS = {"yes": "yes", "no": "no", "unknown": NOT_KNOWN, "no data": NOT_KNOWN, "not assessed": "not assessed"}


def reservation_words(rat: pd.DataFrame) -> list[str]:
    """Return each instrument's reservations in words: "yes" / "no" for a party when the data say, "not known" when
    they do not (the bundled Treaty Collection status never says), "–" where the country is not a party."""
    flags = rat["reservations"].astype("boolean")
    return [
        "–" if status != "party" else NOT_KNOWN if pd.isna(flag) else "yes" if flag else "no"
        for status, flag in zip(rat["status"], flags)
    ]


def targets_table(p: Profile) -> pd.DataFrame:
    """Return the country's targets for the deck: "Met?" in the words of its status ("unknown" -> "not known")."""
    out = p.targets[["ea_code", "target", "met", "detail", "source"]].copy()
    out["met"] = [MET_WORDS.get(str(m), str(m)) for m in out["met"]]
    return out


def tables(p: Profile) -> dict[str, TableSpec]:
    """Return the profile's tables for the deck, keyed like the page's sections."""
    rat = p.frames["ratification"][
        ["short_name", "status", "signature_date", "consent_date", "consent_type", "reservations", "source"]
    ].copy()
    rat["reservations"] = reservation_words(rat)
    out = {
        "comparison": TableSpec(
            f"{p.name} compared with the {p.country['ohchr_region']} region ({p.years})", comparison_table(p),
            LABELS, caption="Median, minimum and maximum over the countries of the OHCHR region.",
        ),
        "ratification": TableSpec(
            f"Ratification of the 18 instruments by {p.name}, 31 December {p.year_to}", rat, LABELS,
            caption="Not a party to: " + (", ".join(profile.not_ratified(p)) or "none") + ".", rows_per_slide=18,
        ),
        "ea_targets": TableSpec(
            f"Targets of the {labels.MANAGEMENT_PLAN} naming {p.name}",
            targets_table(p), LABELS,
            caption=f"Met: evaluated for {p.year_to} by the target rules of the Ratification and Expected "
            "accomplishments pages.",
        ),
    }  # fmt: skip
    unct = p.frames["unct"]
    if len(unct):
        out["unct"] = TableSpec(
            f"UN Country Team engagement with the mechanisms in {p.name} ({p.years})",
            unct[["year", "mechanism", "activity", "source"]], LABELS, rows_per_slide=12,
        )  # fmt: skip
    return out


def deck(
    p: Profile, built_at: str = "", created: date | None = None, source_files: dict[str, str] | None = None
) -> pptx.Deck:
    """Return the profile's deck: key figures, comparison, charts and tables in page order, sources."""
    c, t = charts(p), tables(p)
    items: list[pptx.Item] = [TextSpec(f"{p.name}: key figures", profile.key_figures(p)), t["comparison"]]
    items += [c["region_ratification"].item(), c["ratification_status"].item(), t["ratification"]]
    items += [c[k].item() for k in ("tb_reports", "communications", "upr_cycles", "upr_themes", "implementation")]
    items += [c["submissions"].item()]
    items += [t[k] for k in ("unct", "ea_targets") if k in t]
    return pptx.Deck(
        title=f"Country brief: {p.name}",
        subtitle=f"{p.country['official_name']} · OHCHR region {p.country['ohchr_region']} · {p.years}",
        filters=[("Country", f"{p.name} ({p.iso3})"), ("Years", p.years)],
        sources=p.sources,
        items=items,
        built_at=built_at,
        created=created or date.today(),
        source_files=source_files or {},
    )


def runner(con: duckdb.DuckDBPyConnection) -> profile.Runner:
    """Return a query runner over one connection, for `profile.load` outside Streamlit."""
    return lambda name, params: query.run(con, name, params)


def data_years(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Return the first and last year of the data (the default years of a brief)."""
    row = query.run(con, "data_years").iloc[0]
    return int(row["first_year"]), int(row["last_year"])


def source_files(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return {import source: file name} of the database's imports (the sources slide names them)."""
    return dict(query.run(con, "import_files")[["source", "file_name"]].itertuples(index=False))


def built_at(con: duckdb.DuckDBPyConnection) -> str:
    """Return when the database was built (for the sources slide)."""
    return dict(query.run(con, "build_info").itertuples(index=False)).get("built_at", "")


def country_deck(
    con: duckdb.DuckDBPyConnection,
    iso3: str,
    year_from: int | None = None,
    year_to: int | None = None,
    template: bytes | None = None,
) -> bytes:
    """Return the .pptx bytes of one country's brief (default years: all the data), on a slide template if given."""
    first, last = data_years(con)
    with ThreadPoolExecutor(QUERY_THREADS) as pool:
        p = profile.load(runner(con), iso3, year_from or first, year_to or last, pool.map)
    return pptx.build(deck(p, built_at=built_at(con), source_files=source_files(con)), template)


def resolve(con: duckdb.DuckDBPyConnection, country: str) -> str:
    """Return the ISO3 code of a country given by ISO3 code or name; raise ValueError if there is none."""
    iso3 = profile.resolve_country(country, query.run(con, "country_options"))
    if iso3 is None:
        raise ValueError(f"no country is called or coded {country!r}")
    return iso3


def target_countries(con: duckdb.DuckDBPyConnection, ea_code: str) -> list[str]:
    """Return the ISO3 codes of the target countries of an EA, sorted; raise ValueError for an unknown EA."""
    df = query.run(con, "ea_target_countries")
    row = df[df["ea_code"].str.upper() == ea_code.upper()]
    if row.empty:
        raise ValueError(f"no target countries for {ea_code!r}; EAs with targets: {', '.join(sorted(df['ea_code']))}")
    return list(row.iloc[0]["countries"])


def write_briefs(
    con: duckdb.DuckDBPyConnection,
    countries: Sequence[str],
    out_dir: Path,
    progress: Callable[[str], None] = print,
    year_from: int | None = None,
    year_to: int | None = None,
    template: bytes | None = None,
) -> list[Path]:
    """Write one deck per country into `out_dir` as ISO3.pptx, reporting "[i/n] ISO3 → path"; return the paths.
    `template`: the bytes of an organisation's .pptx / .potx the decks use."""
    out_dir.mkdir(parents=True, exist_ok=True)
    first, last = data_years(con)
    years = (year_from or first, year_to or last)
    built, run, files = built_at(con), runner(con), source_files(con)
    paths = []
    with ThreadPoolExecutor(QUERY_THREADS) as pool:  # every query once, for all countries
        results = profile.fetch(run, None, *years, targets.EAS_WITH_TARGETS, pool.map)
    for i, iso3 in enumerate(countries, start=1):
        path = out_dir / f"{iso3}.pptx"
        p = profile.assemble(iso3, *years, results)
        path.write_bytes(pptx.build(deck(p, built_at=built, source_files=files), template))
        progress(f"[{i}/{len(countries)}] {iso3} → {path}")
        paths.append(path)
    return paths
