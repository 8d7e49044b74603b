-- Every recorded UNCT engagement activity in the selected countries and years, optionally of one activity.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to; $activity (an activity
-- of the unct_engagement table, or null for all).
-- Grain: one row per unct_engagement row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select c.name as country, u.country_iso3 as iso3, u.year, u.mechanism, u.activity, u.description, u.source
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    join country c on c.iso3 = u.country_iso3
    where u.year between $year_from and $year_to
      and ($activity is null or u.activity = $activity)
)
select * from final order by year desc, country, activity
