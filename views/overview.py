"""Overview: a scorecard of the expected accomplishments, a world map and the data's provenance."""

import streamlit as st

from hrdash.app import frame, layout, pages, printing
from hrdash.app.data import run, scorecard_tiles
from hrdash.figures import base as charts
from hrdash.model import indicators, labels
from hrdash.model import provenance as prov
from hrdash.model.filters import KEYS
from hrdash.model.text import md

MAP_INDICATORS = {
    "instruments_ratified": "Instruments ratified (of 18)",
    "reports_overdue": "Treaty-body reports overdue",
    "sp_visits": "Special Procedures visits",
    "sp_communications": "Special Procedures communications",
    "urgent_appeals": "Urgent appeals",
    "upr_recommendations": "UPR recommendations received",
}

PAGE = pages.OVERVIEW.title

filters = st.session_state["filters"]
st.title("Human Rights Mechanisms Dashboard")
st.caption(
    "Strengthening international human rights mechanisms — OHCHR results framework 2014–2017. "
    f"Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)

st.header("Expected accomplishments")
st.caption(
    f"Headline indicator of each EA in {filters.year_to}, compared with the {indicators.BASELINE_YEAR} baseline, "
    "for the countries selected in the sidebar."
)
short_names = dict(run("ea_options")[["code", "short_name"]].itertuples(index=False))
# Each tile links to its EA on the Expected accomplishments page, keeping the global filters of the URL.
link_params = {k: st.query_params.get_all(k) for k in KEYS if k in st.query_params}
# Rows of four columns, not four columns of tiles: on a phone the columns stack, and the tiles must still read
# EA2, EA6, EA7… in order. The seven EAs and a tile on the data in view make two even rows.
tiles = [*scorecard_tiles(filters), None]
for row in layout.rows(tiles, layout.TILES_PER_ROW):
    for col, tile in zip(st.columns(layout.TILES_PER_ROW), row):
        if tile is None:
            real, note = prov.real_share(page.counts)
            col.metric(
                "Real data in view", real, help="Rows of the view that are real: public, seed, reference or imported.",
                border=True,
            )  # fmt: skip
            col.caption(note)
            col.page_link(pages.DATA.view, label="Sources and imports", icon=":material/arrow_forward:")
            continue
        col.metric(
            f"{tile.ea_code} · {md(short_names[tile.ea_code])}", tile.value_text, delta=tile.delta_text,
            delta_color="off", border=True,
            help=f"{tile.indicator} ({tile.unit}). {indicators.BASELINE_YEAR} baseline: {tile.baseline_text}.",
        )  # fmt: skip
        col.caption(f"{tile.indicator}. Baseline {indicators.BASELINE_YEAR}: {tile.baseline_text}.")
        col.page_link(
            pages.EXPECTED_ACCOMPLISHMENTS.view, label=f"{tile.ea_code} indicators and targets",
            icon=":material/arrow_forward:", query_params={**link_params, "ea": tile.ea_code},
        )  # fmt: skip

st.header("World map")
chosen = st.selectbox(
    "Colour countries by", list(MAP_INDICATORS), format_func=MAP_INDICATORS.get, key="map_indicator",
    bind="query-params",
)  # fmt: skip
by_country = run("indicators_by_country", filters)
st.caption(
    f"{MAP_INDICATORS[chosen]} per country, {filters.year_from}–{filters.year_to} "
    f"(ratifications and overdue reports as of the end of {filters.year_to}). {len(by_country)} countries."
)
page.plotly_chart(
    charts.world_map(by_country, chosen, MAP_INDICATORS[chosen]), key="overview_map", title=MAP_INDICATORS[chosen]
)
with st.expander("Show the map's data as a table"):
    printing.dataframe(
        by_country[["iso3", "name", "ohchr_region", chosen]].rename(
            columns=labels.glossary({chosen: MAP_INDICATORS[chosen]})
        ),
        hide_index=True,
        key="overview_map_table",
        placeholder="",
    )

page.close()
