-- UPR recommendations per selected country by response, with each response's share of all the country's
-- recommendations (%, 1 decimal). The export of the page's per-country table.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per selected country that received at least one recommendation.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
counted as (
    select
        r.country_iso3,
        count(*) as recommendations,
        count(*) filter (where r.response = 'supported') as supported,
        count(*) filter (where r.response = 'noted') as noted,
        count(*) filter (where r.response = 'pending') as pending
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
    group by 1
),
final as (
    select
        c.name, c.iso3, c.ohchr_region, n.recommendations as total, n.supported, n.noted, n.pending,
        round(100.0 * n.supported / n.recommendations, 1) as supported_share,
        round(100.0 * n.noted / n.recommendations, 1) as noted_share,
        round(100.0 * n.pending / n.recommendations, 1) as pending_share
    from counted n join country c on c.iso3 = n.country_iso3
)
select * from final order by name
