"""The EA6 target "sp_engagement" (seed 004) decided by the tests' own SQL, not the schema's macro: the pages that
show it (Special Procedures, Expected accomplishments) are compared with this."""

from __future__ import annotations

# Seed 004's three ways, counted in the baseline years 2010–2013 ($bf–$bt) and in the last four selected years
# ($nf–$nt): standing invitation by the end of the years, answered visit requests and their acceptance,
# communications and their replies.
EA6_SQL = """
    with t as (
        select c.iso3, c.name, i.extended_date as d
        from ea_target t join country c on c.iso3 = t.country_iso3
        left join standing_invitation i on i.country_iso3 = t.country_iso3
        where t.ea_code = 'EA6' and t.target_kind = 'sp_engagement'
          and ($region::varchar is null or c.ohchr_region = $region)
    ),
    v as (
        select t.iso3,
            count(*) filter (where year(x.request_date) between $bf and $bt) as bn,
            count(*) filter (where year(x.request_date) between $bf and $bt and x.status in ('accepted', 'completed'))
                as ba,
            count(*) filter (where year(x.request_date) between $nf and $nt) as nn,
            count(*) filter (where year(x.request_date) between $nf and $nt and x.status in ('accepted', 'completed'))
                as na
        from t join sp_visit x on x.country_iso3 = t.iso3 where x.status != 'requested' group by 1
    ),
    m as (
        select t.iso3,
            count(*) filter (where year(x.sent_date) between $bf and $bt) as bn,
            count(*) filter (where year(x.sent_date) between $bf and $bt and x.replied) as br,
            count(*) filter (where year(x.sent_date) between $nf and $nt) as nn,
            count(*) filter (where year(x.sent_date) between $nf and $nt and x.replied) as nr
        from t join sp_communication x on x.country_iso3 = t.iso3 group by 1
    )
    select t.iso3, t.name, year(t.d) <= $bt, year(t.d) <= $nt, year(t.d) > $bt and year(t.d) <= $nt,
        coalesce(v.bn, 0), coalesce(v.ba, 0), coalesce(v.nn, 0), coalesce(v.na, 0),
        coalesce(m.bn, 0), coalesce(m.br, 0), coalesce(m.nn, 0), coalesce(m.nr, 0)
    from t left join v using (iso3) left join m using (iso3) order by t.name
"""


def _share(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


def _higher(now: float | None, base: float | None) -> bool:
    return now is not None and base is not None and now > base


def ea6_expected(con, region: str | None, year_to: int) -> list[dict]:
    """Return, per EA6 sp_engagement target country in the region (by name), its measures and met.

    "inv": (invitation by the end of the baseline, by the end of year_to, issued in between);
    "visits" and "comms": (baseline share, baseline count, current share, current count).
    """
    params = {"region": region, "bf": 2010, "bt": 2013, "nf": year_to - 3, "nt": year_to}
    out = []
    rows = con.execute(EA6_SQL, params).fetchall()
    for iso3, name, inv_b, inv_n, new, vbn, vba, vnn, vna, mbn, mbr, mnn, mnr in rows:
        acc_b, acc_n, rep_b, rep_n = _share(vba, vbn), _share(vna, vnn), _share(mbr, mbn), _share(mnr, mnn)
        if bool(new) or _higher(acc_n, acc_b) or _higher(rep_n, rep_b):
            met = "yes"
        elif not inv_n and vbn + vnn + mbn + mnn == 0:
            met = "no data"
        else:
            met = "no"
        out.append({"iso3": iso3, "name": name, "inv": (bool(inv_b), bool(inv_n), bool(new)), "met": met,
                    "visits": (acc_b, vbn, acc_n, vnn), "comms": (rep_b, mbn, rep_n, mnn)})  # fmt: skip
    return out
