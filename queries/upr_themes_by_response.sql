-- Themes of the UPR recommendations to the selected countries: how many recommendations carry each theme and
-- how they were received (a recommendation with several themes counts once under each).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per theme.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
themed as (
    select unnest(r.themes) as theme, r.response
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
),
final as (
    select
        theme,
        count(*) as recommendations,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        100.0 * count(*) filter (where response = 'supported')
            / nullif(count(*) filter (where response in ('supported', 'noted')), 0) as supported_share
    from themed
    group by theme
)
select * from final order by recommendations desc, theme
