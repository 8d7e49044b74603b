-- UNCT engagement with the human rights mechanisms per year and activity, for the selected countries and years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per year × activity with at least one activity (activities = rows; countries = distinct
-- countries with that activity that year).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select u.year, u.activity, count(*) as activities, count(distinct u.country_iso3) as countries
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    where u.year between $year_from and $year_to
    group by u.year, u.activity
)
select * from final order by year, activity
