"""Ratification (EA2): who is party to the 18 instruments, how that moves, and EA2's target countries."""

import streamlit as st

from hrdash.app import frame, pages, widgets
from hrdash.app.data import run
from hrdash.figures import ratification as figs
from hrdash.model import labels, targets
from hrdash.model.text import md

PAGE = pages.RATIFICATION.title
DEFAULT_MAP_INSTRUMENT = "CMW"  # the core treaty EA2 targets in most countries (nine, seed 004)
DEFAULT_TREND = ["CCPR", "CESCR", "CMW", "CCPR-OP2-DP", "CESCR-OP"]  # the instruments EA2's targets name

# A figure is built once per distinct data and handed back as the same object (nothing mutates it),
# so a rerun with unchanged filters only serialises it.
figure = st.cache_resource(max_entries=64, show_spinner=False)

filters = st.session_state["filters"]
where = filters.caption()
as_of = f"31 December {filters.year_to}"
st.title("Ratification of the international human rights instruments (EA2)")
st.caption(
    "EA2: more ratifications of the 18 core instruments and optional protocols, fewer reservations, with a focus "
    f"on the instruments and regions with the lowest rates ({labels.MANAGEMENT_PLAN}). "
    f"Filters: {where}."
)
page = frame.open(PAGE, filters)

instruments = run("ratification_instruments")
codes = list(instruments["code"])
short = dict(zip(instruments["code"], instruments["short_name"]))
full = dict(zip(instruments["code"], instruments["name"]))
order = list(instruments["short_name"])


def status_map() -> None:
    st.header("Status of one instrument")
    instrument = st.selectbox(
        "Instrument on the map", codes, index=codes.index(DEFAULT_MAP_INSTRUMENT), format_func=short.get,
        key="instrument", bind="query-params", help="; ".join(f"{md(short[c])}: {md(full[c])}" for c in codes),
    )  # fmt: skip
    status = run("ratification_status_by_country", filters, instrument=instrument)
    tally = status["status"].value_counts()
    st.caption(
        f"**{md(short[instrument])}** ({md(full[instrument])}): status of each selected country on {as_of} — "
        f"{tally.get('party', 0)} States parties, {tally.get('signatory', 0)} signatories, "
        f"{tally.get('no action', 0)} with no action, of {len(status)} countries. Filters: {where}."
    )
    page.chart(
        figure(figs.status_map)(status, short[instrument]), status,
        title=f"Status of {short[instrument]}", key="ratification_map",
        labels=labels.glossary(),
    )  # fmt: skip


def over_time() -> None:
    st.header("Ratifications over time")
    chosen = st.multiselect(
        "Instruments", codes, default=DEFAULT_TREND, format_func=short.get, key="instruments", bind="query-params",
        placeholder="Choose instruments",
    )  # fmt: skip
    left, right = st.columns(2)
    with left:
        st.subheader("States parties, cumulative")
        st.caption(
            "Number of the selected countries that are party to each chosen instrument on 31 December of each "
            f"year, {filters.year_from}–{filters.year_to}. Filters: {where}."
        )
        if chosen:
            parties = run("ratification_parties_by_year", filters, instruments=chosen)
            page.chart(
                figure(figs.parties_over_time)(parties), parties,
                title="States parties, cumulative", key="ratification_parties",
                labels=labels.glossary(),
            )  # fmt: skip
        else:
            st.info("Choose at least one instrument to draw the lines.")
    with right:
        st.subheader("New ratifications per year")
        st.caption(
            "Ratifications, accessions and successions of all 18 instruments by the selected countries per year, "
            f"{filters.year_from}–{filters.year_to}: core treaties and optional protocols (hatched), total on top. "
            f"Filters: {where}."
        )
        new = run("ratification_new_by_year", filters)
        page.chart(
            figure(figs.new_ratifications)(new), new, title="New ratifications per year", key="ratification_new",
            labels=labels.glossary(),
        )  # fmt: skip


def regions() -> None:
    st.header("Ratification rates by region")
    st.caption(
        f"Share of the selected countries in each OHCHR region that are States parties to each instrument on "
        f"{as_of} (%, printed in each cell; the last row is the whole selection). Filters: {where}."
    )
    rates = run("ratification_rate_by_region_instrument", filters)
    page.chart(
        figure(figs.rate_heatmap)(rates, order), rates,
        title="Ratification rates by region and instrument", key="ratification_heatmap",
        labels=labels.glossary(),
    )  # fmt: skip

    st.subheader("Low ratification: the focus of EA2")
    by_instrument = run("ratification_rate_by_instrument", filters)
    by_region = run("ratification_rate_by_region", filters)
    st.caption(
        f"Instruments by ratification rate among the selected countries on {as_of}, lowest first, with the new "
        f"parties since 1 January {filters.year_from}. Filters: {where}."
    )
    since = by_instrument.assign(since=", +" + by_instrument["new_parties"].astype(str) + f" since {filters.year_from}")
    page.chart(
        figure(figs.rate_bars)(since, "short_name", note="since"), by_instrument.drop(columns="kind"),
        title="Instruments by ratification rate, lowest first", key="ratification_low_instruments",
        labels=labels.glossary({"parties_at_start": f"Parties on 1 Jan {filters.year_from}"}),
    )  # fmt: skip
    st.caption(
        f"OHCHR regions by average ratification rate of the 18 instruments on {as_of} (party-instrument pairs as "
        f"a share of countries × 18), lowest first. Filters: {where}."
    )
    page.chart(
        figure(figs.rate_bars)(by_region, "region"), by_region,
        title="OHCHR regions by average ratification rate, lowest first", key="ratification_low_regions",
        labels=labels.glossary({"parties": "Party-instrument pairs", "rate": "Average rate (%)"}),
    )  # fmt: skip


def country_grid() -> None:
    st.header("Country × instrument status")
    sort = st.selectbox(
        "Sort countries by", list(figs.MATRIX_SORTS), format_func=figs.MATRIX_SORTS.get, key="matrix_sort",
        bind="query-params",
    )  # fmt: skip
    grid = run("ratification_status_by_country_instrument", filters)
    st.caption(
        f"Status of each selected country ({grid['iso3'].nunique()}) for each instrument on {as_of}: "
        "party (blue), **○** signatory (sky blue), **×** denounced (vermillion), no action (orange); hover a "
        "cell for the signature "
        "and consent dates. “Show data” gives the same grid in words, sortable by any column. "
        f"Filters: {where}."
    )
    page.chart(
        figure(figs.status_matrix)(grid, order, sort),
        figure(figs.matrix_table)(grid, order, sort),
        title="Country × instrument status",
        key="ratification_matrix",
    )


def ea2_targets() -> None:
    st.header("EA2 target countries")
    rows = run(targets.QUERIES["EA2"], filters, **targets.params(filters.year_to))
    now, then = (
        targets.summary(rows["met"], targets.MET_VALUES["EA2"]),
        targets.summary(rows["met_at_baseline"], targets.MET_VALUES["EA2"]),
    )
    m1, m2, m3 = st.columns(3)
    m1.metric(f"Targets met on {as_of}", f"{now['yes']} of {len(rows)}", border=True)
    m2.metric(f"Met at the {targets.BASELINE_YEAR} baseline", f"{then['yes']} of {len(rows)}", border=True)
    m3.metric(f"Unknown on {as_of}", f"{now['unknown']} of {len(rows)}", border=True)
    st.caption(
        f"The countries the {labels.MANAGEMENT_PLAN} names as EA2 targets, each target checked against the "
        "ratification data on "
        f"{as_of} and on 31 December {targets.BASELINE_YEAR} (the baseline). Filters: {where}."
    )
    with st.expander("How each target is checked"):
        for r in targets.for_ea("EA2"):
            st.markdown(f"- **{r.label}** — {r.rule}")
    widgets.table(
        targets.QUERIES["EA2"], filters, page=PAGE, title="EA2 target countries", key="ratification_targets",
        slides=page,
        labels=labels.glossary({
            "target": "Target", "status": f"Status on {as_of}",
            "met_at_baseline": f"Met at the {targets.BASELINE_YEAR} baseline", "met": f"Met on {as_of}",
            "source": "Target source",
        }),
        **targets.params(filters.year_to),
    )  # fmt: skip


def reservations() -> None:
    st.header("Reservations")
    st.caption(
        f"States parties with reservations to each instrument among the selected countries (parties on {as_of}). "
        "The data record whether a party has reservations today, not when they were made or withdrawn. "
        f"Instruments without any are left out of the chart. Filters: {where}."
    )
    df = run("ratification_reservations_by_instrument", filters)
    if note := figs.reservations_note(df):
        st.info(note)
    page.chart(
        figure(figs.reservations_bars)(df), df, title="Reservations", key="ratification_reservations",
        labels=labels.glossary(),
    )  # fmt: skip


def records() -> None:
    st.header("Ratification records")
    st.caption(
        f"Every signature and consent recorded for the selected countries by {as_of}, with its status on that "
        f"day. Filters: {where}."
    )
    widgets.table(
        "ratification_rows", filters, page=PAGE, title="Ratification records", key="ratification_rows",
        labels=labels.glossary({
            "instrument": "Instrument", "status_at_year_end": f"Status on {as_of}",
            "reservations": "Reservations (empty: not known)",
        }),
    )  # fmt: skip


# Lazy tabs: only the open tab runs its queries and builds its figures; the tab is in the URL
# (?ratification_view=Regions), so a shared link opens the same view.
SECTIONS = {
    "Map": status_map,
    "Over time": over_time,
    "Regions": regions,
    "Country grid": country_grid,
    "EA2 targets": ea2_targets,
    "Reservations": reservations,
    "Records": records,
}
widgets.lazy_tabs(SECTIONS, key="ratification_view")

page.close()
