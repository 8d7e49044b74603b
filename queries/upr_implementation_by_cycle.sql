-- Implementation of the UPR recommendations to the selected countries, per cycle: how many have a known
-- implementation status (fully / partially / not implemented) and how many do not ('unknown').
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per cycle × implementation status.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select r.cycle, coalesce(r.implementation, 'unknown') as implementation, count(*) as recommendations
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
    group by all
)
select * from final order by cycle, implementation
