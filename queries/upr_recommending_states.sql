-- Who recommends to the selected countries in the UPR, and how those recommendations were received, in one pass:
-- per recommending State ('state' rows) and per recommending region → reviewed region ('flow' rows, for the
-- flow chart). A recommendation made jointly by several States counts once for each of them.
-- Parameters: $region, $countries, $target_ea (country selection: the States under review); $year_from,
-- $year_to (year of the review).
-- Grain: one row per recommending State, plus one per recommending region × reviewed region (`level` says which).
-- Recommending States the country table does not know (e.g. 'UNKNOWN') keep their code and have no region.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
made as (
    select unnest(r.recommending_states) as recommender, r.country_iso3, r.response
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
),
per_pair as (
    select recommender, country_iso3, response, count(*) as n from made group by all
),
grouped as (
    select
        case when grouping(p.recommender) = 0 then 'state' else 'flow' end as level,
        p.recommender as recommender_iso3,
        case when grouping(p.recommender) = 0 then any_value(rc.name) end as recommender,  -- none on flow rows
        coalesce(rc.ohchr_region, 'unknown') as recommender_region,
        reviewed.ohchr_region as reviewed_region,
        sum(p.n)::bigint as recommendations,
        sum(p.n) filter (where p.response = 'supported')::bigint as supported,
        sum(p.n) filter (where p.response = 'noted')::bigint as noted,
        sum(p.n) filter (where p.response = 'pending')::bigint as pending
    from per_pair p
    left join country rc on rc.iso3 = p.recommender
    join country reviewed on reviewed.iso3 = p.country_iso3
    group by grouping sets ((p.recommender, coalesce(rc.ohchr_region, 'unknown')),
                            (coalesce(rc.ohchr_region, 'unknown'), reviewed.ohchr_region))
),
final as (
    select
        level, recommender_iso3, coalesce(recommender, recommender_iso3) as recommender, recommender_region,
        reviewed_region, recommendations, coalesce(supported, 0) as supported, coalesce(noted, 0) as noted,
        coalesce(pending, 0) as pending,
        100.0 * coalesce(supported, 0) / nullif(coalesce(supported, 0) + coalesce(noted, 0), 0) as supported_share
    from grouped
)
select * from final order by level desc, recommendations desc, recommender, reviewed_region
