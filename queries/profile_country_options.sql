-- Countries to choose a profile from, flagged when the global filters select them (the default is
-- the first selected one). Parameters: $region, $countries, $target_ea. Grain: one row per country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select c.iso3, c.name, c.ohchr_region, c.iso3 in (select iso3 from sel) as selected
    from country c
)
select * from final order by name
