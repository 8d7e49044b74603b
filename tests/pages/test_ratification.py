"""The Ratification (EA2) page: every chart's plotted numbers equal an independent SQL computation.

The page is opened through AppTest (tests/helpers/apptest.py) once per tab and filter setting, with the
filters, the tab and the page's own choices (instrument, instruments) in the URL. The numbers are
read back from the plotly specs the page sends (and from its "Show data" tables and metrics) and
compared with SQL written here, not with the page's .sql files, for two filter settings: no filter,
and OHCHR region Africa with years 2010–2013.
"""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from hrdash.figures import ratification as figs
from tests.helpers.apptest import open_app
from tests.helpers.screen import table, traces

PAGE = "views/ratification.py"
SETTINGS = {
    "all": {"url": {}, "region": None, "year_from": 2008, "year_to": 2026},
    "africa": {"url": {"region": "Africa", "year_from": "2010", "year_to": "2013"}, "region": "Africa",
               "year_from": 2010, "year_to": 2013},
}  # fmt: skip
# The instruments the "Over time" tab shows by default, and the ones setting "africa" picks in the URL.
TREND = {"all": ["CCPR", "CESCR", "CMW", "CCPR-OP2-DP", "CESCR-OP"], "africa": ["CMW", "CAT-OP"]}


# ---------------------------------------------------------------- reading what the page drew


def page_view(tab: str, setting: str, **url) -> dict:
    """Return the URL query of the page on `tab` under filter `setting`, plus `url`."""
    return {**SETTINGS[setting]["url"], "ratification_view": tab, **url}


@pytest.fixture(scope="module")
def view(built_db):
    """view(tab, setting, **url): the page opened through AppTest, one run per distinct URL."""
    opened: dict[str, object] = {}

    def get(tab: str, setting: str, **url):
        params = page_view(tab, setting, **url)
        key = json.dumps(params, sort_keys=True)
        if key not in opened:
            opened[key] = open_app(params, page=PAGE)
        return opened[key]

    return get


def sql(con, text: str, setting: str, **params) -> pd.DataFrame:
    """Run `text` with $region, $year_from, $year_to (and $d = 31 Dec of year_to) of `setting` bound."""
    s = SETTINGS[setting]
    bound = {"region": s["region"], "year_from": s["year_from"], "year_to": s["year_to"], **params}
    bound = {k: v for k, v in bound.items() if f"${k}" in text}
    return con.execute(text, bound).df()


AS_OF = "make_date($year_to, 12, 31)"
COUNTRIES = "select iso3, name, ohchr_region from country where $region is null or ohchr_region = $region"


def short_names(con) -> dict[str, str]:
    return dict(con.execute("select code, short_name from instrument").fetchall())


# ---------------------------------------------------------------- map


# OP-CRPD has African signatures and ratifications after 2013, so the Africa 2010–2013 view differs
# from the status the table holds today.
MAP_VIEWS = [
    ("all", {}, "CMW"),
    ("all", {"instrument": "ICCPR"}, "CCPR"),
    ("africa", {"instrument": "OP-CRPD"}, "CRPD-OP"),
]


def expected_statuses(con, setting: str, instrument: str) -> dict[str, str]:
    df = sql(
        con,
        f"""select c.iso3, case when r.consent_date <= {AS_OF} then 'party'
                               when r.signature_date <= {AS_OF} then 'signatory' else 'no action' end as status
            from ({COUNTRIES}) c left join ratification r on r.country_iso3 = c.iso3 and r.instrument = $instrument""",
        setting,
        instrument=instrument,
    )
    return dict(zip(df["iso3"], df["status"]))


@pytest.mark.parametrize("setting, url, instrument", MAP_VIEWS)
def test_map_colours_each_country_by_its_status_as_sql_says(view, con, setting, url, instrument):
    at = view("Map", setting, **url)
    assert not at.exception
    assert at.selectbox(key="instrument").value == instrument
    shown = {}
    for t in traces(at, "ratification_map"):
        status, count = t["name"].rsplit(" (", 1)
        assert int(count.rstrip(")")) == len(t.get("locations") or [])  # the legend names the count
        shown.update(dict.fromkeys(t.get("locations") or [], status.lower()))  # the legend in sentence case
    expected = expected_statuses(con, setting, instrument)
    assert shown == expected
    assert {"party", "no action"} <= set(expected.values())
    today = dict(
        con.execute("select country_iso3, status from ratification where instrument = ?", [instrument]).fetchall()
    )
    assert (expected == {k: today.get(k, "no action") for k in expected}) == (setting == "all")
    data = table(at, "ISO3", "Status")  # the "Show data" table
    assert dict(zip(data["ISO3"], data["Status"])) == expected


def test_changing_the_instrument_or_the_region_changes_the_map(view):
    maps = [
        {loc: t["name"] for t in traces(view("Map", s, **u), "ratification_map") for loc in t.get("locations") or []}
        for s, u, _ in MAP_VIEWS
    ]
    assert maps[0] != maps[1]  # ICMW → ICCPR
    assert set(maps[2]) < set(maps[1])  # all countries → Africa


# ---------------------------------------------------------------- over time


def trend_view(view, con, setting: str):
    """The "Over time" tab, with setting "africa" choosing its own instruments in the URL."""
    url = {} if setting == "all" else {"instruments": [short_names(con)[c] for c in TREND[setting]]}
    return view("Over time", setting, **url)


@pytest.mark.parametrize("setting", SETTINGS)
def test_states_parties_per_year_equal_sql(view, con, setting):
    at = trend_view(view, con, setting)
    assert at.multiselect(key="instruments").value == TREND[setting]
    shown = {t["name"].split(":")[0]: dict(zip(t["x"], t["y"])) for t in traces(at, "ratification_parties")}
    df = sql(
        con,
        """select i.short_name, y.year, count(r.country_iso3) as parties
           from instrument i
           cross join (select unnest(range($year_from, $year_to + 1)) as year) y
           left join (select r.* from ratification r join country c on c.iso3 = r.country_iso3
                      where $region is null or c.ohchr_region = $region) r
             on r.instrument = i.code and r.consent_date <= make_date(y.year, 12, 31)
           where list_contains($codes, i.code)
           group by all""",
        setting,
        codes=TREND[setting],
    )
    expected = {n: dict(zip(g["year"], g["parties"])) for n, g in df.groupby("short_name")}
    assert shown == expected
    year_to = SETTINGS[setting]["year_to"]
    assert {t["name"] for t in traces(at, "ratification_parties")} == {
        f"{n}: {v[year_to]} in {year_to}" for n, v in expected.items()
    }


@pytest.mark.parametrize("setting", SETTINGS)
def test_new_ratifications_per_year_equal_sql(view, con, setting):
    at = trend_view(view, con, setting)
    bars = {t["name"]: dict(zip(t["x"], t["y"])) for t in traces(at, "ratification_new") if t["type"] == "bar"}
    df = sql(
        con,
        """select year(r.consent_date) as year, i.kind, count(*) as n
           from ratification r join instrument i on i.code = r.instrument join country c on c.iso3 = r.country_iso3
           where ($region is null or c.ohchr_region = $region) and year(r.consent_date) between $year_from and $year_to
           group by all""",
        setting,
    )
    years = range(SETTINGS[setting]["year_from"], SETTINGS[setting]["year_to"] + 1)
    for name, kind in [("Core treaties", "core"), ("Optional protocols", "optional_protocol")]:
        got = dict(zip(df.loc[df["kind"] == kind, "year"], df.loc[df["kind"] == kind, "n"]))
        assert bars[name] == {y: got.get(y, 0) for y in years}
    assert sum(sum(b.values()) for b in bars.values()) == df["n"].sum() > 0


# ---------------------------------------------------------------- regions and low ratification


def expected_rates(con, setting: str) -> pd.DataFrame:
    """Rate per (region or 'All selected countries') × instrument, from first principles."""
    return sql(
        con,
        f"""with c as ({COUNTRIES}),
                p as (select country_iso3, instrument from ratification where consent_date <= {AS_OF}),
                per_country as (
                    select c.ohchr_region, i.short_name, c.iso3, count(p.instrument) as is_party
                    from c cross join instrument i
                    left join p on p.country_iso3 = c.iso3 and p.instrument = i.code
                    group by all)
            select ohchr_region as region, short_name, avg(is_party) * 100 as rate from per_country group by all
            union all
            select 'All selected countries', short_name, avg(is_party) * 100 from per_country group by all""",
        setting,
    )


@pytest.mark.parametrize("setting", SETTINGS)
def test_region_instrument_heatmap_equals_sql(view, con, setting):
    at = view("Regions", setting)
    (heat,) = traces(at, "ratification_heatmap")
    shown = {(y, x): z for y, row in zip(heat["y"], heat["z"]) for x, z in zip(heat["x"], row)}
    expected = expected_rates(con, setting)
    assert len(shown) == len(expected) == 18 * (6 if setting == "all" else 2)
    for r in expected.itertuples():
        assert shown[(r.region, r.short_name)] == pytest.approx(r.rate, abs=0.05)
    # The numbers are printed in the cells.
    assert heat["texttemplate"] == "%{text}"
    assert {t for row in heat["text"] for t in row} == {f"{round(r.rate, 1):.0f}%" for r in expected.itertuples()}
    assert heat["y"][-1] == "All selected countries"
    assert heat["x"] == list(con.execute("select short_name from instrument").df()["short_name"].pipe(_reading_order))


def test_a_link_with_the_old_tab_key_opens_the_same_tab(view):
    # Links shared before the tab keys were made one pattern said ?ratification_tab=: app.py renames it.
    old = open_app({"ratification_tab": "Regions"}, page=PAGE)
    assert "ratification_tab" not in old.query_params and old.query_params["ratification_view"] == "Regions"
    assert traces(old, "ratification_heatmap") == traces(view("Regions", "all"), "ratification_heatmap")


def _reading_order(names: pd.Series) -> list[str]:
    """The page's axis order: each core treaty, then its optional protocols (ratification_instruments.sql)."""
    order = ["ICERD", "ICCPR", "ICCPR-OP1", "ICCPR-OP2", "ICESCR", "OP-ICESCR", "CEDAW", "OP-CEDAW", "CAT", "OPCAT",
             "CRC", "OPAC", "OPSC", "OPIC", "ICMW", "CRPD", "OP-CRPD", "ICPPED"]  # fmt: skip
    assert set(order) == set(names)
    return order


def test_region_heatmap_changes_with_the_region(view):
    all_rows = traces(view("Regions", "all"), "ratification_heatmap")[0]
    africa_rows = traces(view("Regions", "africa"), "ratification_heatmap")[0]
    assert africa_rows["y"] == ["Africa", "All selected countries"]
    assert africa_rows["z"][0] == africa_rows["z"][1]  # only Africa selected: the total is Africa
    assert africa_rows["z"][0] != all_rows["z"][all_rows["y"].index("Africa")]  # 2013, not 2017


@pytest.mark.parametrize("setting", SETTINGS)
def test_low_ratification_bars_equal_sql(view, con, setting):
    at = view("Regions", setting)
    (by_instrument,) = traces(at, "ratification_low_instruments")
    expected = expected_rates(con, setting)
    total = expected[expected["region"] == "All selected countries"].sort_values(["rate", "short_name"])
    shown = dict(zip(by_instrument["y"], by_instrument["x"]))
    assert shown == pytest.approx(dict(zip(total["short_name"], total["rate"].round(1))), abs=0.051)
    assert by_instrument["x"] == sorted(by_instrument["x"])  # lowest first
    # New parties since 1 January of the first year, printed on each bar.
    new = sql(
        con,
        f"""select i.short_name, count(r.country_iso3) as n from instrument i
            left join (select r.* from ratification r join ({COUNTRIES}) c on c.iso3 = r.country_iso3
                       where r.consent_date between make_date($year_from, 1, 1) and {AS_OF}) r
              on r.instrument = i.code group by all""",
        setting,
    )
    new_parties = dict(zip(new["short_name"], new["n"]))
    for name, text in zip(by_instrument["y"], by_instrument["text"]):
        assert text.endswith(f", +{new_parties[name]} since {SETTINGS[setting]['year_from']}")

    (by_region,) = traces(at, "ratification_low_regions")
    per_region = (
        expected[expected["region"] != "All selected countries"].groupby("region")["rate"].mean().round(1).sort_values()
    )
    assert dict(zip(by_region["y"], by_region["x"])) == pytest.approx(per_region.to_dict(), abs=0.051)
    assert by_region["y"] == list(per_region.index)


# ---------------------------------------------------------------- country × instrument grid


@pytest.mark.parametrize("setting", SETTINGS)
def test_country_grid_shows_each_status_as_sql_says(view, con, setting):
    at = view("Country grid", setting, matrix_sort="Most instruments ratified first")
    (grid,) = traces(at, "ratification_matrix")
    df = sql(
        con,
        f"""select c.name, i.short_name,
                   case when r.consent_date <= {AS_OF} and coalesce(r.denounced_date > {AS_OF}, true) then 3
                        when r.denounced_date <= {AS_OF} then 1 when r.signature_date <= {AS_OF} then 2
                        else 0 end as code
            from ({COUNTRIES}) c cross join instrument i
            left join ratification r on r.country_iso3 = c.iso3 and r.instrument = i.code""",
        setting,
    )
    expected = {(r.name, r.short_name): r.code for r in df.itertuples()}
    shown = {(y, x): z for y, row in zip(grid["y"], grid["z"]) for x, z in zip(grid["x"], row)}
    assert shown == expected
    symbols = {0: "", 1: "×", 2: "○", 3: ""}  # figs.GRID_SYMBOLS: party and no action by colour alone
    assert all(t == symbols[z] for zr, tr in zip(grid["z"], grid["text"]) for z, t in zip(zr, tr))
    # Sorted by the number of instruments ratified, most first, then by name.
    parties = df.groupby("name")["code"].apply(lambda s: int((s == 3).sum()))
    assert grid["y"] == sorted(parties.index, key=lambda n: (-parties[n], n))
    data = table(at, "Country", "Instruments ratified")
    assert list(data["Country"]) == grid["y"] and list(data["Instruments ratified"]) == [parties[n] for n in grid["y"]]


def test_grid_hover_gives_the_dates(view, con):
    at = view("Country grid", "africa")
    (grid,) = traces(at, "ratification_matrix")
    name, consent, signed = con.execute(
        """select c.name, r.consent_date, r.signature_date from ratification r join country c on c.iso3 = r.country_iso3
           where c.ohchr_region = 'Africa' and r.instrument = 'CCPR' and r.signature_date is not null
             and r.consent_date <= date '2013-12-31' order by c.name limit 1"""
    ).fetchone()
    hover = grid["customdata"][grid["y"].index(name)][grid["x"].index("ICCPR")]
    assert f"signed {signed:%Y-%m-%d}; consent {consent:%Y-%m-%d}" in hover


# ---------------------------------------------------------------- EA2 targets


def expected_targets(con, setting: str) -> dict[tuple[str, str], str]:
    """'yes' / 'no' / 'unknown' per (country, target kind) on 31 December of year_to, from the rules' words."""
    s = SETTINGS[setting]
    d = date(s["year_to"], 12, 31)
    rows = sql(
        con,
        f"""select t.country_iso3, t.target_kind, t.instruments from ea_target t join ({COUNTRIES}) c
            on c.iso3 = t.country_iso3 where t.ea_code = 'EA2'""",
        setting,
    )
    rat = con.execute("select country_iso3, instrument, consent_date, reservations from ratification").df()
    data_end = con.execute(
        "select max(greatest(coalesce(consent_date, signature_date), coalesce(signature_date, consent_date))) "
        "from ratification"
    ).fetchone()[0]
    out = {}
    for r in rows.itertuples():
        mine = rat[(rat["country_iso3"] == r.country_iso3) & (rat["consent_date"] <= pd.Timestamp(d))]
        if r.target_kind == "withdraw_reservations":  # a party's flag not known: the target is unknown
            flags = mine["reservations"].astype("boolean")
            out[(r.country_iso3, r.target_kind)] = (
                "no" if flags.fillna(False).any() else "unknown" if flags.isna().any()
                else "yes" if d >= data_end else "unknown"
            )  # fmt: skip
        else:
            hits = mine[mine["instrument"].isin(list(r.instruments))]
            if r.target_kind == "ratify_optional_protocols":
                hits = hits[hits["consent_date"] > pd.Timestamp(2013, 12, 31)]
            out[(r.country_iso3, r.target_kind)] = "yes" if len(hits) else "no"
    return out


@pytest.mark.parametrize("setting", SETTINGS)
def test_ea2_targets_met_as_the_rules_say(view, con, setting):
    at = view("EA2 targets", setting)
    year_to = SETTINGS[setting]["year_to"]
    data = table(at, "Target kind", f"Met on 31 December {year_to}")
    shown = dict(zip(zip(data["ISO3"], data["Target kind"]), data[f"Met on 31 December {year_to}"]))
    expected = expected_targets(con, setting)
    assert shown == expected
    metrics = {m.label: m.value for m in at.metric}
    met, unknown = (sum(v == value for v in expected.values()) for value in ("yes", "unknown"))
    assert metrics[f"Targets met on 31 December {year_to}"] == f"{met} of {len(expected)}"
    assert metrics[f"Unknown on 31 December {year_to}"] == f"{unknown} of {len(expected)}"
    if setting == "all":
        assert 0 < met < len(expected) and len(expected) == 32


# ---------------------------------------------------------------- reservations and records


@pytest.mark.parametrize("setting", SETTINGS)
def test_reservations_per_instrument_equal_sql(view, con, setting):
    at = view("Reservations", setting)
    (bars,) = traces(at, "ratification_reservations")
    df = sql(
        con,
        f"""select i.short_name, count(*) filter (where r.reservations) as res, count(*) as parties
            from ratification r join instrument i on i.code = r.instrument
            join ({COUNTRIES}) c on c.iso3 = r.country_iso3
            where r.consent_date <= {AS_OF} group by all having count(*) filter (where r.reservations) > 0""",
        setting,
    )
    assert dict(zip(bars["y"], bars["x"])) == dict(zip(df["short_name"], df["res"]))
    assert set(bars["text"]) == {f"{r.res} of {r.parties} parties" for r in df.itertuples()}
    # the bundled Treaty Collection status gives no reservations: the page says so, with the number of parties
    unknown, parties = sql(
        con,
        f"""select count(*) filter (where r.reservations is null), count(*) from ratification r
            join ({COUNTRIES}) c on c.iso3 = r.country_iso3
            where r.consent_date <= {AS_OF} and coalesce(r.denounced_date > {AS_OF}, true)""",
        setting,
    ).iloc[0]
    assert unknown == parties > 0
    note = [i.value for i in at.info if "Reservations are not known" in i.value]
    assert note == [f"Reservations are not known for {unknown:,} of the {parties:,} State-party pairs shown: the UN "
                    "Treaty Collection status the dashboard bundles does not say which States made reservations, so "
                    "they are neither counted as reservations nor as none. Import a file that gives them (a canonical "
                    "ratification table with a reservations column) to fill them in."]  # fmt: skip


@pytest.mark.parametrize("setting", SETTINGS)
def test_records_table_lists_the_rows_with_action_by_the_year(view, con, setting):
    at = view("Records", setting)
    year_to = SETTINGS[setting]["year_to"]
    data = table(at, "Code", f"Status on 31 December {year_to}")
    df = sql(
        con,
        f"""select r.country_iso3, r.instrument, case when r.consent_date <= {AS_OF} then 'party' else 'signatory' end
            from ratification r join ({COUNTRIES}) c on c.iso3 = r.country_iso3
            where r.signature_date <= {AS_OF} or r.consent_date <= {AS_OF}""",
        setting,
    )
    assert sorted(zip(data["ISO3"], data["Code"], data[f"Status on 31 December {year_to}"])) == sorted(
        df.itertuples(index=False, name=None)
    )
    assert [b.label for b in at.get("download_button")] == ["⬇ CSV", "⬇ Excel"]


# ---------------------------------------------------------------- the pure builders


GRID = pd.DataFrame(
    {
        "iso3": ["AAA", "AAA", "BBB", "BBB"],
        "name": ["Zeta", "Zeta", "Alpha", "Alpha"],
        "ohchr_region": ["Africa", "Africa", "Americas", "Americas"],
        "short_name": ["ICCPR", "ICERD", "ICCPR", "ICERD"],
        "status": ["party", "party", "signatory", "no action"],
        "signature_date": pd.to_datetime([None, "1966-01-01", "2001-02-03", None]),
        "consent_date": pd.to_datetime(["1972-05-01", "1969-01-01", None, None]),
        "consent_type": ["accession", "ratification", None, None],
        "reservations": [True, False, False, False],
    }
)


def test_matrix_table_reads_in_words_and_sorts():
    by_name = figs.matrix_table(GRID, ["ICERD", "ICCPR"], "name")
    assert by_name.to_dict("records") == [
        {"ISO3": "BBB", "Country": "Alpha", "Instruments ratified": 0, "ICERD": "·", "ICCPR": "○ signed 2001"},
        {"ISO3": "AAA", "Country": "Zeta", "Instruments ratified": 2, "ICERD": "● party 1969",
         "ICCPR": "● party 1972 (res.)"},
    ]  # fmt: skip
    assert list(figs.matrix_table(GRID, ["ICERD", "ICCPR"], "most")["Country"]) == ["Zeta", "Alpha"]


def test_status_matrix_cells_and_hover():
    fig = figs.status_matrix(GRID, ["ICERD", "ICCPR"], "fewest")
    heat = fig.data[0]
    assert list(heat.y) == ["Alpha", "Zeta"] and list(heat.x) == ["ICERD", "ICCPR"]
    assert np.asarray(heat.z).tolist() == [[0, 2], [3, 3]]
    assert np.asarray(heat.text).tolist() == [["", "○"], ["", ""]]
    assert np.asarray(heat.customdata)[1][1] == (
        "Zeta — ICCPR: party<br>signed —; consent 1972-05-01 (accession)<br>with reservations"
    )


def test_a_denounced_instrument_is_not_a_party_in_the_grid():
    grid = GRID.assign(status=["party", "denounced", "signatory", "no action"],
                       denounced_date=pd.to_datetime([None, "1998-01-23", None, None]))  # fmt: skip
    fig = figs.status_matrix(grid, ["ICERD", "ICCPR"], "name")
    assert np.asarray(fig.data[0].z).tolist() == [[0, 2], [1, 3]]
    assert np.asarray(fig.data[0].text).tolist() == [["", "○"], ["×", ""]]
    table = figs.matrix_table(grid, ["ICERD", "ICCPR"], "name")
    assert table.loc[table["Country"] == "Zeta", ["Instruments ratified", "ICERD"]].values.tolist() == [
        [1, "× denounced 1998"]
    ]


def test_status_map_names_each_status_with_its_count():
    df = GRID[GRID["short_name"] == "ICCPR"].rename(columns={})
    fig = figs.status_map(df, "ICCPR")
    assert [t.name for t in fig.data] == ["Party (1)", "Signatory (1)", "Denounced (0)", "No action (0)"]
    assert [list(t.locations) for t in fig.data[:2]] == [["AAA"], ["BBB"]]
    assert fig.layout.geo.projection.rotation.lon == 0  # Streamlit's plotly.js centres it on the Pacific otherwise
