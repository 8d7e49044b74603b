-- UPR recommendations to the selected countries by response (supported / noted / pending), at four levels in one
-- pass over the recommendations: per cycle, per cycle and session, per OHCHR region, per country; with each
-- response's share of the level's recommendations (%, 1 decimal).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per level × group; `level` is 'cycle', 'session', 'region' or 'country' and the columns of the
-- other levels are null.
with sel as (
    select c.iso3, c.name, c.ohchr_region
    from selected_countries($region, $countries::varchar[], $target_ea) s
    join country c on c.iso3 = s.iso3
),
-- Count first (only the selected countries' rows), join the countries after: a few thousand groups instead of
-- a million rows to join.
per_country as (
    select
        r.country_iso3, r.cycle, r.session,
        count(*) as total,
        count(*) filter (where r.response = 'supported') as supported,
        count(*) filter (where r.response = 'noted') as noted,
        count(*) filter (where r.response = 'pending') as pending
    from recommendation r
    where r.country_iso3 in (select iso3 from sel)
      and r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
    group by all
),
grouped as (
    select
        case
            when grouping(p.session) = 0 then 'session'
            when grouping(p.cycle) = 0 then 'cycle'
            when grouping(sel.iso3) = 0 then 'country'
            else 'region'
        end as level,
        p.cycle, p.session, sel.ohchr_region, sel.iso3, sel.name,
        sum(p.total)::bigint as total,
        sum(p.supported)::bigint as supported,
        sum(p.noted)::bigint as noted,
        sum(p.pending)::bigint as pending
    from per_country p
    join sel on sel.iso3 = p.country_iso3
    group by grouping sets ((p.cycle), (p.cycle, p.session), (sel.ohchr_region), (sel.ohchr_region, sel.iso3, sel.name))
),
final as (
    select
        *,
        round(100.0 * supported / total, 1) as supported_share,
        round(100.0 * noted / total, 1) as noted_share,
        round(100.0 * pending / total, 1) as pending_share
    from grouped
)
select * from final order by level, cycle, session, ohchr_region, name
