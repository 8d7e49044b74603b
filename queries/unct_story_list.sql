-- Dated, cited events in words (the seed examples of UNCT and Human Rights Adviser work), for the selected
-- countries and years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per story.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select c.name as country, s.country_iso3 as iso3, s.year, s.mechanism, s.text, s.source, s.id
    from story s
    join sel on sel.iso3 = s.country_iso3
    join country c on c.iso3 = s.country_iso3
    where s.year between $year_from and $year_to
)
select * from final order by year, country, id
